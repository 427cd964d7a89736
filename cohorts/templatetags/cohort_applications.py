"""The application panel of an edition's page: `{% load cohort_applications %}`, then
`{% application_panel page %}`."""

from django import template

from cohorts import applications

register = template.Library()


@register.inclusion_tag("cohorts/application_panel.html", takes_context=True)
def application_panel(context, edition):
    """Whether the edition takes applications (dates, seats, who may apply) and, for a signed-in
    visitor, their own application: status, waitlist position, an offer's deadline.

    An anonymous visitor's panel holds nothing personal, so the page cached for anonymous
    visitors holds none either; one query for them, two for a signed-in visitor.
    """
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "edition": edition,
        "panel": applications.panel(request.user, edition),
    }
