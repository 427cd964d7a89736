"""The edition page's schedule: each session in its own time zone, named, with the visitor's
local time added by JavaScript; join links only for the edition's participants, trainers and
staff, never in the copy cached for anonymous visitors."""

import datetime
import re
import zoneinfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    ModulePageFactory,
    PageViewRestrictionFactory,
    SessionFactory,
    SuperuserFactory,
    UserFactory,
    accepted_participant,
)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")
JOIN_URL = "https://meet.example.org/opening-session"


@pytest.fixture
def opening(edition):
    return SessionFactory(
        edition=edition,
        title="Opening session",
        starts_at=datetime.datetime(2024, 1, 23, 10, tzinfo=BRUSSELS),
        ends_at=datetime.datetime(2024, 1, 23, 12, tzinfo=BRUSSELS),
        join_url=JOIN_URL,
    )


def text(response):
    """The page's text, tags and runs of white space removed, for reading what it says."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_each_session_is_shown_in_its_own_zone_named(client, edition, opening):
    SessionFactory(
        edition=edition,
        title="Study visit",
        kind="on_site",
        venue="Sofia Tech Park",
        starts_at=datetime.datetime(2024, 3, 14, 9, tzinfo=SOFIA),
        ends_at=datetime.datetime(2024, 3, 14, 17, 30, tzinfo=SOFIA),
        time_zone="Europe/Sofia",
    )

    response = client.get(edition.url)

    page = text(response)
    assert "Tue 23 Jan 2024, 10:00–12:00 CET (Europe/Brussels)" in page
    assert "Thu 14 Mar 2024, 09:00–17:30 EET (Europe/Sofia)" in page
    assert page.index("Opening session") < page.index("Study visit")
    assert "On-site day · Sofia Tech Park" in page
    # For the visitor's local time, added by JavaScript: the same instants in UTC.
    assert b'datetime="2024-01-23T09:00:00Z" data-ends="2024-01-23T11:00:00Z"' in response.content
    assert b'datetime="2024-03-14T07:00:00Z" data-ends="2024-03-14T15:30:00Z"' in response.content
    assert b'src="/static/js/local-times.js"' in response.content


def test_an_on_site_day_shows_its_date(client, edition):
    SessionFactory(
        edition=edition,
        kind="on_site",
        all_day=True,
        starts_at=datetime.datetime(2024, 3, 14, 9, tzinfo=SOFIA),
        ends_at=datetime.datetime(2024, 3, 14, 17, tzinfo=SOFIA),
        time_zone="Europe/Sofia",
    )
    assert "Thu 14 Mar 2024, all day" in text(client.get(edition.url))


def test_a_cancelled_session_is_marked_and_offers_no_join_link(client, edition, opening):
    opening.cancelled = True
    opening.save()
    client.force_login(SuperuserFactory())

    response = client.get(edition.url)

    assert "Cancelled Opening session" in text(response)
    assert JOIN_URL.encode() not in response.content


def test_recordings_and_public_modules_are_linked(client, edition, opening, academy):
    course = academy.courses[1]
    public, draft = ModulePageFactory(parent=course), ModulePageFactory(parent=course, live=False)
    closed_course = academy.courses[0]
    closed = ModulePageFactory(parent=closed_course, title="Closed module")
    PageViewRestrictionFactory(page=closed_course, restriction_type="login")
    opening.modules.set([public, draft, closed])
    opening.recording_url = "https://video.example.org/opening"
    opening.save()

    response = client.get(edition.url)

    assert b'href="https://video.example.org/opening"' in response.content
    assert f'href="{public.url}"'.encode() in response.content
    assert draft.title.encode() not in response.content
    assert b"Closed module" not in response.content


def test_each_session_can_be_added_to_a_calendar_and_the_schedule_subscribed_to(
    client, edition, opening
):
    response = client.get(edition.url)
    session_ics = reverse("cohorts:session_ics", args=[opening.uid])
    feed = reverse("cohorts:edition_feed", args=[edition.pk])
    assert f'href="{session_ics}"'.encode() in response.content
    assert f'href="{feed}"'.encode() in response.content


def test_an_edition_without_sessions_shows_no_schedule(client, edition):
    assert b"schedule-heading" not in client.get(edition.url).content


def trainer_of(session):
    trainer = UserFactory()
    session.trainers.add(trainer)
    return trainer


@pytest.mark.parametrize(
    ("visitor", "sees"),
    [
        (lambda edition, session: None, False),
        (lambda edition, session: UserFactory(), False),
        (lambda edition, session: accepted_participant(edition).applicant, True),
        (lambda edition, session: trainer_of(session), True),
        (lambda edition, session: SuperuserFactory(), True),
    ],
    ids=["anonymous", "signed-in stranger", "participant", "trainer", "staff"],
)
def test_join_links_only_for_participants_trainers_and_staff(
    client, edition, opening, visitor, sees
):
    user = visitor(edition, opening)
    if user:
        client.force_login(user)
    response = client.get(edition.url)
    assert response.status_code == 200
    assert (JOIN_URL.encode() in response.content) is sees


def test_an_applicant_not_yet_accepted_sees_no_join_link(client, edition, opening):
    application = ApplicationFactory(cohort=CohortFactory(edition=edition))
    client.force_login(application.applicant)
    assert JOIN_URL.encode() not in client.get(edition.url).content


def test_the_anonymous_cached_copy_never_holds_a_join_link(client, page_cache, edition, opening):
    participant = accepted_participant(edition).applicant
    client.force_login(participant)
    assert JOIN_URL.encode() in client.get(edition.url).content
    client.logout()
    client.cookies.clear()

    first, second = client.get(edition.url), client.get(edition.url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert JOIN_URL.encode() not in second.content
    client.force_login(participant)
    assert JOIN_URL.encode() in client.get(edition.url).content


def test_changing_adding_or_removing_a_session_shows_at_once(client, page_cache, edition, opening):
    assert "Opening session" in text(client.get(edition.url))
    assert client.get(edition.url)["X-Page-Cache"] == "hit"

    opening.title = "Opening session, moved"
    opening.save()
    assert "Opening session, moved" in text(client.get(edition.url))

    SessionFactory(edition=edition, title="Added session")
    assert "Added session" in text(client.get(edition.url))

    opening.delete()
    assert "Opening session" not in text(client.get(edition.url))


def queries(client, url):
    client.get(url)  # warm Wagtail's site and URL caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("visitor", ["anonymous", "participant"])
def test_the_schedule_costs_the_same_for_3_or_60_sessions(
    client, home, academy, django_assert_num_queries, visitor
):
    few, many = EditionPageFactory(parent=home), EditionPageFactory(parent=home)
    modules = academy.modules
    for edition, count in ((few, 3), (many, 60)):
        for _ in range(count):
            session = SessionFactory(edition=edition, recording_url="https://video.example.org/")
            session.modules.set(modules)
            session.trainers.add(UserFactory())
    if visitor == "participant":
        participant = UserFactory()
        accepted_participant(few, participant)
        accepted_participant(many, participant)
        client.force_login(participant)
    expected = queries(client, few.url)
    client.get(many.url)
    with django_assert_num_queries(expected):
        response = client.get(many.url)
    assert response.content.count(b'class="card session') == 60
