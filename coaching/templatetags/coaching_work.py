"""The assignments of a course or module page: `{% load coaching_work %}`, then
`{% page_assignments page %}`."""

from django import template

from coaching.submissions import page_work

register = template.Library()


@register.inclusion_tag("coaching/page_assignments.html", takes_context=True)
def page_assignments(context, page):
    """The page's assignments for the edition's participants (with where their work stands and
    their latest feedback), its trainers and staff.

    Anonymous visitors get nothing, without a query: the copy of the page cached for them holds
    nothing personal. Other learners get nothing either.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"items": []}
    return {"items": page_work(user, page)}
