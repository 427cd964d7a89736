from django import template

from learning.services import course_progress as progress_in

register = template.Library()


@register.simple_tag(takes_context=True)
def course_progress(context, course, modules):
    """The visitor's progress in `course` over its `modules` (already loaded), or None for an
    anonymous visitor: `{% course_progress page modules as progress %}`."""
    return progress_in(context["request"].user, course, modules)
