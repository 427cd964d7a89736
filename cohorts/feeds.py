"""Calendar feeds: an edition's public feed, a learner's private feed by its secret address,
one session's "Add to calendar" download, and the reset of the private address.

Join links appear only where their reader may see them: never in the public feed, always in
the private one, in a session's download for those `sees_join_links` allows. Responses with
join links are never cached (`never_cache`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from cohorts import calendar
from cohorts.models import CalendarFeed, sees_join_links
from courses.models import EditionPage, viewable_by

CONTENT_TYPE = "text/calendar; charset=utf-8"


def calendar_response(ics, filename, download=False):
    response = HttpResponse(ics, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(download, filename)
    return response


@require_safe
def edition_feed(request, edition_id):
    """The edition's sessions for anyone who may see its page, without join links."""
    # By `id`, not `pk` (the link to its Page): Django answers a number beyond any key with
    # nothing only for a plain integer field.
    edition = get_object_or_404(EditionPage, id=edition_id)
    if not viewable_by(edition, request):
        raise Http404("No such edition.")
    ics = calendar.build_calendar(
        calendar.calendar_sessions().filter(edition=edition),
        name=f"{edition.title} · Cluster Booster Academy",
        uid=f"edition-{edition.pk}@{calendar.uid_domain()}",
        source=request.build_absolute_uri(),
        url=edition.get_full_url(request),
        request=request,
    )
    return calendar_response(ics, f"{edition.slug}.ics")


@never_cache
@require_safe
def private_feed(request, token):
    """A learner's sessions with their join links; the secret address is the only key."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("learner"), token=token, learner__is_active=True
    )
    ics = calendar.build_calendar(
        calendar.learner_sessions(feed.learner),
        name="My sessions · Cluster Booster Academy",
        uid=f"learner-feed-{feed.pk}@{calendar.uid_domain()}",
        source=request.build_absolute_uri(),
        url=request.build_absolute_uri(reverse("learning")),
        join_links=True,
        request=request,
    )
    return calendar_response(ics, "my-sessions.ics")


@never_cache
@require_safe
def session_ics(request, uid):
    """One session to add to a calendar, with its join link for those who may see it."""
    session = get_object_or_404(calendar.calendar_sessions(), uid=uid)
    if not viewable_by(session.edition, request):
        raise Http404("No such session.")
    ics = calendar.build_calendar(
        [session],
        name=session.title,
        uid=f"session-{session.uid}@{calendar.uid_domain()}",
        source=request.build_absolute_uri(),
        url=session.edition.get_full_url(request),
        join_links=sees_join_links(request.user, session.edition),
        request=request,
    )
    return calendar_response(ics, f"{slugify(session.title) or 'session'}.ics", download=True)


@login_required
@require_POST
def reset_feed(request):
    calendar.reset_feed(request.user)
    messages.success(
        request,
        "Your private calendar address is ready. Any address it had before no longer works.",
    )
    return redirect("accounts:profile")
