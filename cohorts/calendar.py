"""The sessions as iCalendar (RFC 5545, with RFC 7986's calendar properties): an edition's
public feed, a learner's private feed and one session's download; and the learner's private
feed token.

Every event keeps its session's UID and SEQUENCE, so a calendar app that already holds it
replaces it when the session moves; a cancelled session stays in the feed with
STATUS:CANCELLED. Times are given in the session's own zone (TZID, with a VTIMEZONE for each
zone used); an on-site day is a whole day (DATE values, the end exclusive).
"""

import datetime
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from icalendar import Calendar, Conference, Event

from cohorts.models import Application, CalendarFeed, Session

PRODID = "-//European Cluster Collaboration Platform//Cluster Booster Academy//EN"
# How often calendar apps are asked to fetch a feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=6)
# Each VTIMEZONE spells out its zone's changes from a year before the first session to a year
# after the last, rather than icalendar's default of 1970 to 2038.
TIME_ZONE_MARGIN = datetime.timedelta(days=366)


def uid_domain():
    # The site's canonical host rather than the request's: a UID must not change with the
    # address a calendar app happened to fetch it from.
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname


def event_uid(session):
    return f"{session.uid}@{uid_domain()}"


def calendar_sessions():
    """Sessions with what their events show, in one query however many there are."""
    return Session.objects.select_related("edition", "recording_document")


def learner_sessions(learner):
    """The sessions of the live editions `learner` takes part in (accepted) or trains in."""
    editions = Application.objects.filter(
        applicant=learner, status=Application.Status.ACCEPTED
    ).values("cohort__edition")
    trained = Session.objects.filter(trainers=learner).values("pk")
    return calendar_sessions().filter(
        Q(edition__in=editions) | Q(pk__in=trained), edition__live=True
    )


def feed_for(learner):
    """The learner's private feed, created the first time it is needed."""
    feed, _ = CalendarFeed.objects.get_or_create(learner=learner)
    return feed


def reset_feed(learner):
    """A new secret address for the learner's private feed; the old one answers 404."""
    feed, created = CalendarFeed.objects.get_or_create(learner=learner)
    if not created:
        feed.reset()
    return feed


def build_calendar(sessions, *, name, uid, source, url=None, join_links=False, request=None):
    """The iCalendar text (bytes) of `sessions`.

    `source` is this calendar's own absolute address; `url` the page it is about. Join links go
    in only with `join_links`: the public feed never carries them. `request`, when there is
    one, lets Wagtail build the editions' page URLs for the site it was made to.
    """
    sessions = list(sessions)
    calendar = Calendar.new(
        prodid=PRODID,
        calscale="GREGORIAN",
        method="PUBLISH",
        name=name,
        uid=uid,
        source=source,
        url=url,
        refresh_interval=REFRESH_INTERVAL,
    )
    stamp = timezone.now()
    page_urls = {}
    for session in sessions:
        if session.edition_id not in page_urls:
            page_urls[session.edition_id] = session.edition.get_full_url(request)
        calendar.add_component(
            session_event(
                session,
                stamp=stamp,
                page_url=page_urls[session.edition_id],
                base_url=source,
                join_link=join_links,
            )
        )
    if sessions:
        calendar.add_missing_timezones(
            first_date=min(s.starts_at for s in sessions).date() - TIME_ZONE_MARGIN,
            last_date=max(s.ends_at for s in sessions).date() + TIME_ZONE_MARGIN,
        )
    return calendar.to_ical()


def session_event(session, *, stamp, page_url, base_url, join_link):
    """One session as a VEVENT; its URL is the join link where shown, else the edition's page."""
    join_url = session.join_url if join_link else ""
    start, end = event_times(session)
    return Event.new(
        uid=event_uid(session),
        stamp=stamp,
        sequence=session.sequence,
        last_modified=session.updated_at,
        summary=session.title,
        description=event_description(session, base_url),
        start=start,
        end=end,
        location=session.venue or None,
        status="CANCELLED" if session.cancelled else "CONFIRMED",
        url=join_url or page_url,
        conferences=[Conference(join_url, feature="VIDEO", label="Join online")]
        if join_url
        else None,
    )


def event_times(session):
    """Start and end in the session's zone; for a whole day, its dates, the end exclusive."""
    start = session.starts_at.astimezone(session.zone)
    end = session.ends_at.astimezone(session.zone)
    if not session.all_day:
        return start, end
    last_day = end.date()
    if end.time() == datetime.time(0) and last_day > start.date():
        # Ending at midnight, the session does not take that day.
        last_day -= datetime.timedelta(days=1)
    return start.date(), last_day + datetime.timedelta(days=1)


def event_description(session, base_url):
    lines = [session.description] if session.description else []
    lines.append(f"{session.get_kind_display()} of {session.edition.title}.")
    if session.recording_url:
        lines.append(f"Recording: {session.recording_url}")
    if session.recording_document:
        lines.append(f"Recording: {urljoin(base_url, session.recording_document.url)}")
    return "\n\n".join(lines)
