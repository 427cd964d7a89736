"""The acceptance story of an edition run as a cohort, over HTTP as its people live it:

1. a person applies;
2. staff accept them in the admin (and waitlist another, the edition being full);
3. the participant sees the join links on the edition page;
4. the participant withdraws;
5. the first waitlisted person gets the offer by email and confirms it;
6. their private calendar feed lists the edition's sessions with the join links;
7. the edition's public feed lists the same sessions without them.

Feeds are read with icalendar.
"""

import datetime
import re
import zoneinfo
from html import unescape

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

import icalendar
import pytest

from cohorts.models import Application, Session
from tests.factories import (
    CohortFactory,
    EditionPageFactory,
    SessionFactory,
    SuperuserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
Status = Application.Status


@pytest.fixture
def edition(home):
    """An edition with one seat left to fill, taking applications, and its schedule."""
    edition = EditionPageFactory(parent=home, title="Cluster Booster Academy 2027")
    CohortFactory(edition=edition, seats=1)
    return edition


@pytest.fixture
def sessions(edition):
    def at(day, hour, minute=0):
        return datetime.datetime(2027, 1, day, hour, minute, tzinfo=BRUSSELS)

    return [
        SessionFactory(
            edition=edition,
            title="Opening: your cluster's purpose",
            starts_at=at(19, 10),
            ends_at=at(19, 12, 30),
            join_url="https://meet.example.org/cba-2027-opening",
        ),
        SessionFactory(
            edition=edition,
            title="From goals to an action plan",
            starts_at=at(20, 14),
            ends_at=at(20, 16),
            join_url="https://meet.example.org/cba-2027-action-plan",
        ),
        SessionFactory(
            edition=edition,
            title="On site in Brussels, day 1",
            kind=Session.Kind.ON_SITE,
            all_day=True,
            starts_at=datetime.datetime(2027, 3, 9, 9, tzinfo=BRUSSELS),
            ends_at=datetime.datetime(2027, 3, 9, 17, 30, tzinfo=BRUSSELS),
            venue="Illustrative venue, Brussels",
            join_url="",
        ),
    ]


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def applies(client, edition):
    """Fills in and sends the application form, as the page offers it."""
    url = reverse("cohorts:apply", args=[edition.pk])
    assert client.get(url).status_code == 200
    return client.post(
        url,
        {
            "organisation": "Photonics Cluster Flanders",
            "role": "cluster_manager",
            "country": "Belgium",
            "motivation": "Our members need a shared strategy for the next five years.",
            "learning_goals": "Strategy, member services and EU funding.",
        },
        follow=True,
    )


def staff_decides(staff, application, action):
    """Staff find the application in the admin's list of applications, tick it, choose the bulk
    action (accept, waitlist) and confirm it on the page that follows."""
    listing = staff.get(reverse("applications:index"), {"status": application.status})
    assert listing.status_code == 200
    assert application.applicant.email in listing.content.decode()
    url = reverse("wagtail_bulk_action", args=["cohorts", "application", action])
    url = f"{url}?id={application.pk}"
    confirmation = staff.get(url)
    assert confirmation.status_code == 200
    assert str(application.applicant) in confirmation.content.decode()
    response = staff.post(url, follow=True)
    assert response.status_code == 200


def join_links(sessions):
    return [session.join_url for session in sessions if session.join_url]


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def private_feed_address(client):
    """The private feed's address, from the learner's profile, once they asked for one."""
    response = client.post(reverse("cohorts:reset_feed"), follow=True)
    assert response.status_code == 200
    found = re.search(r'id="private-feed-url"[^>]*value="([^"]+)"', response.content.decode())
    assert found, "the profile shows the private calendar address"
    return unescape(found[1])


def read_feed(url):
    """The calendar at `url`, fetched as a calendar app does: without a session."""
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content, icalendar.Calendar.from_ical(response.content)


def test_an_edition_runs_as_a_cohort_from_application_to_calendar(edition, sessions):
    ana = UserFactory(display_name="Ana Novak")
    ben = UserFactory(display_name="Ben Okafor")
    ana_client, ben_client = signed_in(ana), signed_in(ben)
    staff = signed_in(SuperuserFactory())

    # 1. Ana applies, then Ben.
    response = applies(ana_client, edition)
    assert f"your application to “{edition.title}” is received" in response.content.decode()
    ana_application = Application.objects.get(applicant=ana, cohort__edition=edition)
    assert ana_application.status == Status.SUBMITTED
    assert ana_application.organisation == "Photonics Cluster Flanders"
    applies(ben_client, edition)
    ben_application = Application.objects.get(applicant=ben, cohort__edition=edition)

    # 2. Staff accept Ana, which fills the edition's one seat, and waitlist Ben.
    mail.outbox.clear()
    staff_decides(staff, ana_application, "accept")
    staff_decides(staff, ben_application, "waitlist")
    ana_application.refresh_from_db()
    ben_application.refresh_from_db()
    assert ana_application.status == Status.ACCEPTED
    assert ben_application.status == Status.WAITLISTED
    assert {tuple(message.to) for message in mail.outbox} == {(ana.email,), (ben.email,)}

    # 3. Ana sees the join links on the edition page; Ben, waitlisted, does not.
    page = page_text(ana_client, edition.url)
    assert all(link in page for link in join_links(sessions))
    page = page_text(ben_client, edition.url)
    assert not any(link in page for link in join_links(sessions))

    # 4. Ana withdraws, and the join links are gone from her page.
    mail.outbox.clear()
    response = ana_client.post(reverse("cohorts:withdraw", args=[ana_application.pk]))
    assert response.status_code == 302
    ana_application.refresh_from_db()
    assert ana_application.status == Status.WITHDRAWN
    page = page_text(ana_client, edition.url)
    assert not any(link in page for link in join_links(sessions))

    # 5. Ben, first on the waitlist, is offered the seat by email, and confirms it.
    ben_application.refresh_from_db()
    assert ben_application.status == Status.OFFERED
    (offer,) = [message for message in mail.outbox if message.to == [ben.email]]
    assert edition.title in offer.subject
    # The deadline, as the site's clock reads it.
    assert date_format(localtime(ben_application.offer_expires_at), "j F Y, H:i") in offer.body
    response = ben_client.post(reverse("cohorts:confirm_offer", args=[ben_application.pk]))
    assert response.status_code == 302
    ben_application.refresh_from_db()
    assert ben_application.status == Status.ACCEPTED

    # 6. Ben's private feed lists the edition's sessions with their join links.
    body, calendar = read_feed(private_feed_address(ben_client))
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == sorted(session.title for session in sessions)
    for session in sessions:
        event = events[session.title]
        assert str(event["UID"]).startswith(f"{session.uid}@")
        if session.join_url:
            assert session.join_url.encode() in event.to_ical()
    # Ana's feed, now that she has withdrawn, lists none of them.
    _, ana_calendar = read_feed(private_feed_address(ana_client))
    assert ana_calendar.walk("VEVENT") == []

    # 7. The public feed lists the same sessions, without any join link.
    body, calendar = read_feed(reverse("cohorts:edition_feed", args=[edition.pk]))
    public = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    assert public == {str(event["UID"]) for event in events.values()}
    assert not any(link.encode() in body for link in join_links(sessions))
