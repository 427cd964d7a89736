"""Calendar feeds: an edition's public feed, a learner's private feed, a session's download.

Every feed is read back by two independent parsers, icalendar and vobject.
"""

import datetime
import zoneinfo

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import icalendar
import pytest
import vobject

from cohorts.models import CalendarFeed
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    PageViewRestrictionFactory,
    SessionFactory,
    UserFactory,
    accepted_participant,
)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")


@pytest.fixture
def edition(home):
    return EditionPageFactory(parent=home, title="Sofia 2024", slug="sofia-2024")


def feed_url(edition):
    return reverse("cohorts:edition_feed", args=[edition.pk])


def private_url(learner):
    token = CalendarFeed.objects.get_or_create(learner=learner)[0].token
    return reverse("cohorts:private_feed", args=[token])


def read(response):
    """The calendar in `response` as icalendar and vobject read it, once checked to be one."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    return icalendar.Calendar.from_ical(body), vobject.readOne(body.decode())


def events(parsed):
    ical, vcal = parsed
    return ical.walk("VEVENT"), getattr(vcal, "vevent_list", [])


def test_public_feed_lists_the_editions_sessions_without_join_links(client, edition):
    opening = SessionFactory(
        edition=edition,
        title="Opening session",
        starts_at=datetime.datetime(2024, 1, 23, 10, tzinfo=BRUSSELS),
        ends_at=datetime.datetime(2024, 1, 23, 12, tzinfo=BRUSSELS),
        join_url="https://meet.example.org/secret-opening",
    )
    SessionFactory(edition=EditionPageFactory(parent=edition.get_parent()), title="Elsewhere")

    response = client.get(feed_url(edition))

    ical, vcal = parsed = read(response)
    assert b"secret-opening" not in response.content
    for name in ("PRODID", "VERSION", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME"):
        assert ical.get(name), name
    assert ical["METHOD"] == "PUBLISH"
    assert ical["VERSION"] == "2.0"
    assert "Sofia 2024" in ical["NAME"]
    assert ical["SOURCE"] == f"http://testserver{feed_url(edition)}"
    assert ical.refresh_interval > datetime.timedelta(0)
    (event,), (vevent,) = events(parsed)
    assert event["UID"] == vevent.uid.value == f"{opening.uid}@testserver"
    assert str(event["SUMMARY"]) == vevent.summary.value == "Opening session"
    assert event["STATUS"] == vevent.status.value == "CONFIRMED"
    assert "CONFERENCE" not in event
    assert event["URL"] == edition.get_full_url()
    assert vcal.x_wr_calname.value == ical["X-WR-CALNAME"]
    assert vevent.dtstamp.value
    assert vevent.last_modified.value


def test_times_are_in_the_sessions_zone_with_its_vtimezone(client, edition):
    starts = datetime.datetime(2024, 3, 12, 9, 30, tzinfo=SOFIA)
    SessionFactory(
        edition=edition,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone="Europe/Sofia",
    )

    ical, vcal = parsed = read(client.get(feed_url(edition)))

    (event,), (vevent,) = events(parsed)
    assert event["DTSTART"].params["TZID"] == "Europe/Sofia"
    assert [tz.tz_name for tz in ical.timezones] == ["Europe/Sofia"]
    assert ical.get_missing_tzids() == set()
    assert vcal.vtimezone.tzid.value == "Europe/Sofia"
    # Both parsers read the same instant, 07:30 UTC.
    assert event.start == starts
    assert vevent.dtstart.value == starts
    assert vevent.dtend.value == starts + datetime.timedelta(hours=2)


def test_an_on_site_day_is_a_whole_day(client, edition):
    SessionFactory(
        edition=edition,
        title="On-site day in Sofia",
        kind="on_site",
        all_day=True,
        venue="Sofia Tech Park",
        join_url="",
        starts_at=datetime.datetime(2024, 3, 14, 9, tzinfo=SOFIA),
        ends_at=datetime.datetime(2024, 3, 14, 17, tzinfo=SOFIA),
        time_zone="Europe/Sofia",
    )

    parsed = read(client.get(feed_url(edition)))

    (event,), (vevent,) = events(parsed)
    assert event["DTSTART"].to_ical() == b"20240314"
    assert event["DTEND"].to_ical() == b"20240315"  # exclusive: the next day
    assert vevent.dtstart.value == datetime.date(2024, 3, 14)
    assert not isinstance(vevent.dtstart.value, datetime.datetime)
    assert event["LOCATION"] == vevent.location.value == "Sofia Tech Park"


def test_moving_a_session_keeps_its_uid_and_raises_its_sequence(client, edition):
    starts = datetime.datetime(2024, 1, 23, 10, tzinfo=BRUSSELS)
    session = SessionFactory(edition=edition, starts_at=starts)
    (before,), _ = events(read(client.get(feed_url(edition))))

    session.starts_at += datetime.timedelta(days=1)
    session.ends_at += datetime.timedelta(days=1)
    session.save()
    (after,), (vafter,) = events(read(client.get(feed_url(edition))))

    assert after["UID"] == before["UID"] == vafter.uid.value
    assert after["UID"] == f"{session.uid}@testserver"
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert int(vafter.sequence.value) == after["SEQUENCE"]
    assert after.start == starts + datetime.timedelta(days=1)


def test_a_cancelled_session_stays_in_the_feed_as_cancelled(client, edition):
    session = SessionFactory(edition=edition)
    SessionFactory(edition=edition)
    session.cancelled = True
    session.save()

    found, vfound = events(read(client.get(feed_url(edition))))

    assert len(found) == len(vfound) == 2
    statuses = {event["UID"]: event["STATUS"] for event in found}
    assert statuses[f"{session.uid}@testserver"] == "CANCELLED"
    assert sorted(vevent.status.value for vevent in vfound) == ["CANCELLED", "CONFIRMED"]


@pytest.mark.parametrize("closed", ["draft", "login", "groups", "password", "draft parent"])
def test_the_public_feed_of_an_edition_the_public_cannot_see_is_not_found(
    client, home, edition, closed
):
    SessionFactory(edition=edition)
    if closed == "draft":
        edition.unpublish()
    elif closed == "draft parent":
        home.unpublish()
    else:
        PageViewRestrictionFactory(page=edition, restriction_type=closed)

    assert client.get(feed_url(edition)).status_code == 404


def test_a_participant_subscribes_to_their_private_feed_with_join_links(client, edition):
    participant = accepted_participant(edition).applicant
    other = EditionPageFactory(parent=edition.get_parent())
    session = SessionFactory(edition=edition, join_url="https://meet.example.org/sofia-1")
    SessionFactory(edition=other, title="Not theirs", join_url="https://meet.example.org/other")

    response = Client().get(private_url(participant))

    parsed = read(response)
    (event,), (vevent,) = events(parsed)
    assert event["UID"] == f"{session.uid}@testserver"
    assert event["URL"] == "https://meet.example.org/sofia-1"
    assert event["CONFERENCE"] == "https://meet.example.org/sofia-1"
    assert vevent.url.value == "https://meet.example.org/sofia-1"
    assert b"/other" not in response.content
    assert "no-store" in response["Cache-Control"]


def test_a_trainers_private_feed_has_the_sessions_they_train(client, edition):
    trainer = UserFactory()
    session = SessionFactory(edition=edition, join_url="https://meet.example.org/trained")
    session.trainers.add(trainer, UserFactory())
    SessionFactory(edition=edition, title="Someone else's")

    (event,), _ = events(read(client.get(private_url(trainer))))

    assert event["UID"] == f"{session.uid}@testserver"
    assert event["CONFERENCE"] == "https://meet.example.org/trained"


def test_an_applicant_not_accepted_has_no_sessions_in_their_private_feed(client, edition):
    applicant = ApplicationFactory(cohort=CohortFactory(edition=edition)).applicant
    SessionFactory(edition=edition)

    assert events(read(client.get(private_url(applicant)))) == ([], [])


def test_a_draft_editions_sessions_leave_the_private_feed(client, edition):
    participant = accepted_participant(edition).applicant
    SessionFactory(edition=edition)
    edition.unpublish()

    assert events(read(client.get(private_url(participant)))) == ([], [])


def test_an_unknown_private_feed_address_is_not_found(client, db):
    assert client.get("/calendar/private/no-such-token.ics").status_code == 404


def test_resetting_the_private_feed_retires_the_old_address(client, edition):
    participant = accepted_participant(edition).applicant
    SessionFactory(edition=edition)
    old_url = private_url(participant)
    client.force_login(participant)

    response = client.post(reverse("cohorts:reset_feed"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    new_url = private_url(participant)
    assert new_url != old_url
    client.logout()
    assert client.get(old_url).status_code == 404
    assert len(events(read(client.get(new_url)))[0]) == 1


def test_the_profile_shows_the_private_feed_and_makes_it_on_request(learner_client):
    response = learner_client.get(reverse("accounts:profile"))
    assert b"Get my calendar address" in response.content
    assert not CalendarFeed.objects.exists()

    learner_client.post(reverse("cohorts:reset_feed"))

    response = learner_client.get(reverse("accounts:profile"))
    token = CalendarFeed.objects.get().token
    assert f"http://testserver/calendar/private/{token}.ics".encode() in response.content
    assert f"webcal://testserver/calendar/private/{token}.ics".encode() in response.content
    assert b"Make a new address" in response.content


def test_resetting_takes_a_signed_in_post_with_its_csrf_token(client, learner):
    url = reverse("cohorts:reset_feed")
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not CalendarFeed.objects.exists()
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert not CalendarFeed.objects.exists()


def test_a_sessions_download_has_its_join_link_only_for_participants(client, edition):
    participant = accepted_participant(edition).applicant
    session = SessionFactory(edition=edition, join_url="https://meet.example.org/only-them")
    url = reverse("cohorts:session_ics", args=[session.uid])

    anonymous = client.get(url)
    client.force_login(UserFactory())
    stranger = client.get(url)
    client.force_login(participant)
    theirs = client.get(url)

    for response in (anonymous, stranger, theirs):
        (event,), (vevent,) = events(read(response))
        assert vevent.uid.value == f"{session.uid}@testserver"
        assert response["Content-Disposition"].startswith("attachment;")
    assert b"only-them" not in anonymous.content
    assert b"only-them" not in stranger.content
    assert b"only-them" in theirs.content


def test_a_session_of_a_draft_edition_has_no_download(client, edition):
    session = SessionFactory(edition=edition)
    edition.unpublish()
    assert client.get(reverse("cohorts:session_ics", args=[session.uid])).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/calendar/editions/99999999999999999999999999.ics",
        "/calendar/editions/0.ics",
        "/calendar/sessions/00000000-0000-0000-0000-000000000000.ics",
        "/calendar/sessions/not-a-uuid.ics",
        "/calendar/private/%00.ics",
        "/calendar/private/..%2F..%2Fetc%2Fpasswd.ics",
        "/calendar/private/" + "x" * 5000 + ".ics",
        "/calendar/private/%F0%9F%93%85.ics",
    ],
)
def test_hostile_calendar_paths_are_not_found(client, edition, path):
    assert client.get(path).status_code == 404


def test_feeds_take_no_post(client, edition, learner):
    session = SessionFactory(edition=edition)
    for url in (
        feed_url(edition),
        private_url(learner),
        reverse("cohorts:session_ics", args=[session.uid]),
    ):
        assert client.post(url).status_code == 405


def sessions_for(edition, count, trainer=None):
    for _ in range(count):
        session = SessionFactory(edition=edition)
        if trainer:
            session.trainers.add(trainer)


def queries(client, url):
    client.get(url)  # warm Wagtail's site cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_public_feed_costs_the_same_for_3_or_60_sessions(
    client, home, django_assert_num_queries
):
    few, many = EditionPageFactory(parent=home), EditionPageFactory(parent=home)
    sessions_for(few, 3)
    sessions_for(many, 60)
    expected = queries(client, feed_url(few))
    client.get(feed_url(many))
    with django_assert_num_queries(expected):
        client.get(feed_url(many))


def test_the_private_feed_costs_the_same_for_3_or_60_sessions(
    client, home, django_assert_num_queries
):
    few, many = EditionPageFactory(parent=home), EditionPageFactory(parent=home)
    learner_of_few, learner_of_many = UserFactory(), UserFactory()
    accepted_participant(few, learner_of_few)
    accepted_participant(many, learner_of_many)
    sessions_for(few, 3, trainer=learner_of_few)
    sessions_for(many, 50)
    sessions_for(EditionPageFactory(parent=home), 10, trainer=learner_of_many)
    expected = queries(client, private_url(learner_of_few))
    url = private_url(learner_of_many)
    client.get(url)
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.content.count(b"BEGIN:VEVENT") == 60


def test_an_edition_closed_to_its_participants_gives_them_its_sessions(client, edition):
    application = accepted_participant(edition)
    application.cohort.refresh_from_db()
    group = application.cohort.participants_group
    PageViewRestrictionFactory(page=edition, restriction_type="groups", groups=[group])
    session = SessionFactory(edition=edition, join_url="https://meet.example.org/closed")
    url = reverse("cohorts:session_ics", args=[session.uid])

    assert client.get(url).status_code == 404
    assert client.get(feed_url(edition)).status_code == 404
    client.force_login(application.applicant)
    assert b"meet.example.org/closed" in client.get(url).content
    assert b"meet.example.org/closed" in client.get(private_url(application.applicant)).content


def test_a_learner_turns_session_reminders_off_in_their_profile(learner_client, learner):
    assert learner.session_reminders
    profile = {"display_name": learner.display_name, "organisation": "", "country": ""}

    learner_client.post(reverse("accounts:profile"), profile)
    learner.refresh_from_db()
    assert not learner.session_reminders

    learner_client.post(reverse("accounts:profile"), {**profile, "session_reminders": "on"})
    learner.refresh_from_db()
    assert learner.session_reminders
