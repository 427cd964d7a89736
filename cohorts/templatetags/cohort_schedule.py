"""An edition's schedule and a learner's private calendar panel, for pages of other apps:
`{% load cohort_schedule %}`, then `{% edition_schedule page %}` or `{% calendar_panel %}`."""

from django import template
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse

from cohorts.models import CalendarFeed, Session, sees_join_links
from courses.models import ModulePage

register = template.Library()


@register.inclusion_tag("cohorts/schedule.html", takes_context=True)
def edition_schedule(context, edition):
    """The edition's sessions in order, each with its live, public modules: one query for an
    edition without sessions, three with any number of them (and who sees join links).

    Join links are shown only to those `sees_join_links` allows, never to an anonymous visitor,
    so the copy of the page cached for anonymous visitors never holds one.
    """
    request = context["request"]
    sessions = list(Session.objects.filter(edition=edition).select_related("recording_document"))
    if not sessions:
        return {"sessions": sessions}
    modules = ModulePage.objects.live().public().order_by("path")
    prefetch_related_objects(
        sessions, Prefetch("modules", queryset=modules, to_attr="shown_modules")
    )
    return {
        "request": request,
        "edition": edition,
        "sessions": sessions,
        "show_join_links": sees_join_links(request.user, edition),
    }


@register.inclusion_tag("cohorts/calendar_panel.html", takes_context=True)
def calendar_panel(context):
    """The signed-in learner's private feed address (https and webcal) and its reset button."""
    request = context["request"]
    feed = CalendarFeed.objects.filter(learner=request.user).first()
    panel = {"feed": feed}
    if feed is not None:
        url = request.build_absolute_uri(reverse("cohorts:private_feed", args=[feed.token]))
        panel["feed_url"] = url
        panel["webcal_url"] = "webcal://" + url.split("://", 1)[1]
    return panel
