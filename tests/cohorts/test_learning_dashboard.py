"""My learning for a learner of a cohort: their next sessions, their applications with their place
on the waiting list, and a certificate held back until their attendance meets the edition's
minimum."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from cohorts.applications import accept, waitlist, withdraw
from cohorts.attendance import record
from cohorts.models import Application, Session
from courses.models import ModulePage
from learning.models import Certificate
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    EnrolmentFactory,
    ModuleCompletionFactory,
    SessionFactory,
    UserFactory,
    crowd_of_applicants,
)


def from_now(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def accepted(cohort, learner=None):
    application = ApplicationFactory(cohort=cohort, applicant=learner or UserFactory())
    return accept(application, None)


def dashboard(client):
    response = client.get(reverse("learning"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def strasbourg(home):
    return CohortFactory(edition=EditionPageFactory(parent=home, title="Strasbourg 2026"))


# Next sessions


@pytest.mark.django_db
def test_a_participant_sees_their_next_sessions_with_zone_join_link_and_calendar(
    client, home, strasbourg, learner
):
    accepted(strasbourg, learner)
    kick_off = SessionFactory(
        edition=strasbourg.edition,
        title="Kick-off",
        starts_at=datetime.datetime(2099, 1, 20, 9, 0, tzinfo=datetime.UTC),
        time_zone="Europe/Sofia",
        join_url="https://meet.example.org/kick-off",
    )
    SessionFactory(edition=strasbourg.edition, title="Moved away", cancelled=True)
    SessionFactory(edition=strasbourg.edition, title="Long gone", starts_at=from_now(days=-3))
    waiting = CohortFactory(edition=EditionPageFactory(parent=home, title="Turin 2026"))
    waitlist(ApplicationFactory(cohort=waiting, applicant=learner), None)
    SessionFactory(edition=waiting.edition, title="Turin session")
    SessionFactory(edition=EditionPageFactory(parent=home), title="Not my edition")
    client.force_login(learner)

    page = dashboard(client)

    assert "Kick-off" in page
    assert "Tue 20 Jan 2099, 11:00–13:00 EET</time> (Europe/Sofia)" in page
    assert 'href="https://meet.example.org/kick-off"' in page
    assert reverse("cohorts:session_ics", args=[kick_off.uid]) in page
    for hidden in ("Moved away", "Long gone", "Turin session", "Not my edition"):
        assert hidden not in page


@pytest.mark.django_db
def test_without_an_edition_no_session_is_listed(client, strasbourg, learner):
    SessionFactory(edition=strasbourg.edition, title="Kick-off")
    ApplicationFactory(cohort=strasbourg, applicant=learner)  # submitted, not accepted yet
    client.force_login(learner)

    page = dashboard(client)

    assert "Kick-off" not in page and "No session is coming up for you" in page


# Applications


@pytest.mark.django_db
def test_a_waitlisted_applicant_sees_their_place_in_line(client, home, strasbourg, learner):
    for minutes in (3, 2, 1):
        waitlist(ApplicationFactory(cohort=strasbourg), None, now=from_now(minutes=-minutes))
    mine = waitlist(ApplicationFactory(cohort=strasbourg, applicant=learner), None)
    waitlist(ApplicationFactory(cohort=strasbourg), None, now=from_now(minutes=1))
    elsewhere = CohortFactory(edition=EditionPageFactory(parent=home))
    waitlist(ApplicationFactory(cohort=elsewhere), None, now=from_now(minutes=-9))
    client.force_login(learner)

    assert "You are number 4 on the waiting list" in dashboard(client)

    first = Application.objects.filter(cohort=strasbourg).order_by("waitlisted_at").first()
    withdraw(first)
    page = dashboard(client)
    assert "You are number 3 on the waiting list" in page
    assert reverse("cohorts:withdraw", args=[mine.pk]) in page


@pytest.mark.django_db
def test_an_applicant_offered_a_seat_confirms_it_from_my_learning(client, strasbourg, learner):
    strasbourg.seats = 1
    strasbourg.save()
    holder = accepted(strasbourg)
    mine = waitlist(ApplicationFactory(cohort=strasbourg, applicant=learner), None)
    SessionFactory(edition=strasbourg.edition, title="Kick-off")
    withdraw(holder)
    deadline = Application.objects.get(pk=mine.pk).offer_expires_at
    client.force_login(learner)

    page = dashboard(client)

    assert "Offered a seat" in page
    assert f"if you confirm by {timezone.localtime(deadline):%A %-d %B %Y, %H:%M}" in page
    assert reverse("cohorts:decline_offer", args=[mine.pk]) in page
    assert "Kick-off" not in page
    client.post(reverse("cohorts:confirm_offer", args=[mine.pk]))
    page = dashboard(client)
    assert "You are a participant of this edition" in page
    assert "Kick-off" in page


@pytest.mark.django_db
def test_nobody_sees_anyone_elses_applications(client, strasbourg, learner):
    other = ApplicationFactory(cohort=strasbourg, organisation="Secret Cluster")
    client.force_login(learner)

    page = dashboard(client)

    assert "Your applications" not in page
    assert reverse("cohorts:withdraw", args=[other.pk]) not in page


# Query counts


def edition_of_size(home, learner, sessions, applicants):
    """An edition where `learner` is a participant with `sessions` sessions (half held, all
    attended), and another where they wait behind `applicants` waitlisted applicants; both with a
    course the learner finished, its certificate held back by a 100% minimum."""
    edition = EditionPageFactory(parent=home)
    cohort = CohortFactory(edition=edition, min_attendance=100)
    accepted(cohort, learner)
    Session.objects.bulk_create(
        Session(
            edition=edition,
            title=f"Session {n}",
            starts_at=from_now(days=n - sessions // 2),
            ends_at=from_now(days=n - sessions // 2, hours=2),
            join_url=f"https://meet.example.org/{n}",
        )
        for n in range(sessions)
    )
    held = Session.objects.filter(edition=edition, ends_at__lt=timezone.now())
    for session in held[1:]:
        record(session, learner, True, None)
    course = CourseWithModulesFactory(parent=edition, modules=2)
    EnrolmentFactory(learner=learner, course=course)
    for module in ModulePage.objects.child_of(course):
        ModuleCompletionFactory(learner=learner, module=module)

    other = CohortFactory(edition=EditionPageFactory(parent=home))
    crowd_of_applicants(other, applicants)
    waitlist(ApplicationFactory(cohort=other, applicant=learner), None)


@pytest.mark.django_db
def test_my_learning_costs_the_same_for_3_or_60_sessions_and_10_or_500_applicants(
    client, home, django_assert_num_queries
):
    few, many = UserFactory(), UserFactory()
    edition_of_size(home, few, sessions=3, applicants=10)
    edition_of_size(home, many, sessions=60, applicants=500)
    client.force_login(few)
    dashboard(client)  # warm Wagtail's site and URL caches
    with CaptureQueriesContext(connection) as captured:
        small = dashboard(client)
    expected = len(captured)
    client.force_login(many)
    dashboard(client)

    with django_assert_num_queries(expected):
        large = dashboard(client)

    assert "You are number 11 on the waiting list" in small
    assert "You are number 501 on the waiting list" in large
    assert large.count("Join online") == 5
    assert "you attended 29 of 30 sessions" in large


# The certificate and the attendance minimum


@pytest.fixture
def course_with_minimum(strasbourg, learner):
    """A course of two modules in an edition asking for 75% attendance, of whose four held
    sessions the learner attended two; the learner is enrolled and completed the first module."""
    strasbourg.min_attendance = 75
    strasbourg.save()
    accepted(strasbourg, learner)
    sessions = [
        SessionFactory(edition=strasbourg.edition, starts_at=from_now(days=-days))
        for days in (30, 20, 10, 5)
    ]
    for session in sessions[:2]:
        record(session, learner, True, None)
    course = CourseWithModulesFactory(
        parent=strasbourg.edition, title="Cluster strategy", modules=2
    )
    EnrolmentFactory(learner=learner, course=course)
    first, last = ModulePage.objects.child_of(course).order_by("path")
    ModuleCompletionFactory(learner=learner, module=first)
    course.last_module, course.sessions = last, sessions
    return course


@pytest.mark.django_db
def test_the_certificate_waits_for_the_minimum_attendance_then_comes(
    client, learner, course_with_minimum
):
    course = course_with_minimum
    trainer = UserFactory()
    course.sessions[2].trainers.add(trainer)
    client.force_login(learner)
    needed = (
        "Your certificate needs 75% attendance at the live sessions; you attended 2 of 4 sessions."
    )

    response = client.post(reverse("complete_module", args=[course.last_module.pk]), follow=True)

    assert f"Course complete! {needed}" in response.content.decode()
    assert not Certificate.objects.exists()
    page = dashboard(client)
    assert needed in page and "View and share your certificate" not in page
    assert not Certificate.objects.exists()

    # The trainer records the third session late: the learner now meets the minimum.
    client.force_login(trainer)
    sheet = reverse("cohorts:attendance", args=[course.sessions[2].pk])
    client.post(sheet, {"present": [learner.pk]})
    client.force_login(learner)

    page = dashboard(client)
    assert "View and share your certificate" in page and needed not in page
    certificate = Certificate.objects.get(learner=learner, course=course)
    assert certificate.edition_title == "Strasbourg 2026"
    dashboard(client)
    assert Certificate.objects.count() == 1


@pytest.mark.django_db
def test_meeting_the_minimum_the_last_module_brings_the_certificate(
    client, learner, course_with_minimum
):
    course = course_with_minimum
    record(course.sessions[2], learner, True, None)
    client.force_login(learner)

    response = client.post(reverse("complete_module", args=[course.last_module.pk]), follow=True)

    assert "Your certificate for “Cluster strategy” is ready" in response.content.decode()
    assert Certificate.objects.filter(learner=learner, course=course).exists()


@pytest.mark.django_db
def test_a_certificate_issued_stays_whatever_attendance_says_later(
    client, learner, course_with_minimum
):
    course = course_with_minimum
    record(course.sessions[2], learner, True, None)
    client.force_login(learner)
    client.post(reverse("complete_module", args=[course.last_module.pk]))
    record(course.sessions[2], learner, False, None)

    page = dashboard(client)

    assert "View and share your certificate" in page and "needs 75%" not in page
    assert Certificate.objects.filter(learner=learner, course=course).count() == 1
