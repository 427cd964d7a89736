"""Attendance: trainers and staff record who came to a session; each participant's rate is the
sessions they attended of those held; editors may ask for a minimum; staff read it in a report."""

import datetime

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

import pytest

from cohorts.applications import accept, waitlist
from cohorts.attendance import (
    AttendanceRefused,
    attendance_rate,
    meets_minimum,
    record,
    record_many,
)
from cohorts.models import Attendance
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    SessionFactory,
    SuperuserFactory,
    UserFactory,
)
from tests.spreadsheets import exported_rows

HYPERLINK = '=HYPERLINK("http://evil","x")'


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def participant(cohort, **user):
    """A learner whose application to the cohort's edition was accepted."""
    return accept(ApplicationFactory(cohort=cohort, applicant=UserFactory(**user)), None).applicant


@pytest.fixture
def cohort(home):
    """An edition asking for 75% attendance, with four sessions held, one cancelled and one to
    come."""
    cohort = CohortFactory(edition=EditionPageFactory(parent=home), min_attendance=75)
    cohort.held = [
        SessionFactory(edition=cohort.edition, starts_at=days_ago(days))
        for days in (40, 30, 20, 10)
    ]
    cohort.cancelled = SessionFactory(
        edition=cohort.edition, starts_at=days_ago(15), cancelled=True
    )
    cohort.coming = SessionFactory(edition=cohort.edition)
    return cohort


@pytest.fixture
def trainer(cohort):
    trainer = UserFactory(display_name="Tess Trainer")
    cohort.held[0].trainers.add(trainer)
    return trainer


def sheet_url(session):
    return reverse("cohorts:attendance", args=[session.pk])


# The rate and the minimum


@pytest.mark.django_db
def test_the_rate_counts_sessions_attended_of_those_held(cohort, trainer):
    learner = participant(cohort)
    first, second, third, _ = cohort.held  # the fourth: nobody recorded it, so it is missed
    record(first, learner, True, trainer)
    record(second, learner, True, trainer)
    record(third, learner, False, trainer)
    # Neither a cancelled session nor one still to come counts, whatever is recorded for it.
    Attendance.objects.create(session=cohort.cancelled, learner=learner, present=True)
    Attendance.objects.create(session=cohort.coming, learner=learner, present=True)

    rate = attendance_rate(learner, cohort.edition)

    assert (rate.attended, rate.held, rate.percent) == (2, 4, 50)
    assert not meets_minimum(learner, cohort.edition)
    assert rate.needed == (
        "Your certificate needs 75% attendance at the live sessions; you attended 2 of 4 sessions."
    )
    record(cohort.held[3], learner, True, trainer)
    assert meets_minimum(learner, cohort.edition)


@pytest.mark.django_db
def test_no_minimum_is_met_by_anyone_and_a_minimum_cannot_be_met_before_any_session(home, cohort):
    learner = participant(cohort)
    cohort.min_attendance = 0
    cohort.save()
    assert meets_minimum(learner, cohort.edition)
    assert meets_minimum(learner, EditionPageFactory(parent=home))  # an edition without cohort

    new = CohortFactory(edition=EditionPageFactory(parent=home), min_attendance=50)
    SessionFactory(edition=new.edition)  # still to come
    rate = attendance_rate(participant(new), new.edition)
    assert (rate.held, rate.percent, rate.meets_minimum) == (0, None, False)
    assert rate.needed.endswith("no session has been held yet.")


@pytest.mark.django_db
def test_recording_again_keeps_one_record_the_last_one(cohort, trainer):
    learner = participant(cohort)
    staff = SuperuserFactory()
    session = cohort.held[0]

    record(session, learner, True, trainer)
    record(session, learner, False, staff)

    mark = Attendance.objects.get(session=session, learner=learner)
    assert (mark.present, mark.recorded_by) == (False, staff)


@pytest.mark.django_db
def test_only_participants_of_a_held_or_coming_session_are_recorded(cohort, trainer):
    member = participant(cohort)
    waitlisted = waitlist(ApplicationFactory(cohort=cohort), None).applicant
    stranger = UserFactory()

    for outsider in (waitlisted, stranger):
        with pytest.raises(AttendanceRefused):
            record_many(cohort.held[0], {member.pk: True, outsider.pk: True}, trainer)
    with pytest.raises(AttendanceRefused, match="cancelled"):
        record(cohort.cancelled, member, True, trainer)
    assert not Attendance.objects.exists()


# The trainers' page


@pytest.mark.django_db
def test_a_trainer_records_attendance_for_their_session(client, cohort, trainer):
    ada = participant(cohort, display_name="Ada Lovelace")
    bob = participant(cohort, display_name="Bob Builder")
    ApplicationFactory(cohort=cohort, applicant=UserFactory(display_name="Sam Submitted"))
    client.force_login(trainer)
    session = cohort.held[0]

    page = client.get(sheet_url(session)).content.decode()
    assert "Ada Lovelace" in page and "Bob Builder" in page
    assert "Sam Submitted" not in page  # not accepted: not a participant

    response = client.post(sheet_url(session), {"present": [ada.pk]}, follow=True)

    assert response.redirect_chain == [(sheet_url(session), 302)]
    assert "Attendance saved: 1 of 2 participants present." in response.content.decode()
    marks = dict(Attendance.objects.values_list("learner_id", "present"))
    assert marks == {ada.pk: True, bob.pk: False}
    assert set(Attendance.objects.values_list("recorded_by", flat=True)) == {trainer.pk}
    # The sheet shows what was recorded.
    assert f'value="{ada.pk}" checked' in response.content.decode()
    assert f'value="{bob.pk}" checked' not in response.content.decode()


@pytest.mark.django_db
def test_staff_who_may_change_attendance_record_any_session(client, cohort):
    learner = participant(cohort)
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="change_attendance"))
    client.force_login(staff)

    for session in cohort.held:
        assert client.post(sheet_url(session), {"present": [learner.pk]}).status_code == 302

    assert attendance_rate(learner, cohort.edition).attended == 4


@pytest.mark.django_db
def test_nobody_else_finds_the_sheet(client, cohort, trainer):
    session = cohort.held[0]
    member = participant(cohort)
    other_trainer = UserFactory()
    cohort.held[1].trainers.add(other_trainer)

    response = client.get(sheet_url(session))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert client.post(sheet_url(session), {"present": [member.pk]}).status_code == 302
    for visitor in (member, other_trainer, UserFactory()):
        client.force_login(visitor)
        assert client.get(sheet_url(session)).status_code == 404
        assert client.post(sheet_url(session), {"present": [member.pk]}).status_code == 404
    client.force_login(trainer)
    assert client.get(reverse("cohorts:attendance", args=[999999])).status_code == 404
    assert not Attendance.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "present", [["abc"], ["1.5"], [""], ["9" * 5000]], ids=["word", "decimal", "empty", "huge"]
)
def test_a_forged_sheet_gets_a_400(client, cohort, trainer, present):
    participant(cohort)
    client.force_login(trainer)

    response = client.post(sheet_url(cohort.held[0]), {"present": present})

    assert response.status_code == 400
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_ticks_for_people_who_are_not_participants_are_ignored(client, cohort, trainer):
    member = participant(cohort)
    stranger = UserFactory()
    client.force_login(trainer)

    response = client.post(
        sheet_url(cohort.held[0]), {"present": [member.pk, stranger.pk, 999999, -1]}
    )

    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("learner_id", "present")) == {member.pk: True}


@pytest.mark.django_db
def test_a_cancelled_session_has_no_attendance(client, cohort):
    member = participant(cohort)
    client.force_login(SuperuserFactory())

    page = client.get(sheet_url(cohort.cancelled)).content.decode()
    assert "This session was cancelled" in page and 'name="present"' not in page
    response = client.post(sheet_url(cohort.cancelled), {"present": [member.pk]}, follow=True)

    assert "was cancelled: it has no attendance" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_the_sheet_shows_the_session_time_in_its_zone(client, cohort, trainer):
    session = cohort.held[0]
    session.starts_at = datetime.datetime(2025, 1, 20, 9, 0, tzinfo=datetime.UTC)
    session.ends_at = datetime.datetime(2025, 1, 20, 11, 0, tzinfo=datetime.UTC)
    session.time_zone = "Europe/Sofia"
    session.save()
    client.force_login(trainer)

    page = client.get(sheet_url(session)).content.decode()

    assert "Mon 20 Jan 2025, 11:00–13:00 EET" in page and "(Europe/Sofia)" in page


# The report


def report_url(**query):
    url = reverse("cohorts_reports:attendance")
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def download(client, fmt, **query):
    return exported_rows(client, report_url(), fmt, **query)


@pytest.fixture
def two_editions(home, cohort, trainer):
    """Ada came to 3 of the 4 sessions held, a hostile name to 1; another edition's participant."""
    ada = participant(cohort, display_name="Ada Lovelace")
    hostile = participant(cohort, display_name=HYPERLINK)
    record_many(cohort.held[0], {ada.pk: True, hostile.pk: True}, trainer)
    for session in cohort.held[1:3]:
        record(session, ada, True, trainer)
    other = CohortFactory(edition=EditionPageFactory(parent=home, title="Other edition"))
    participant(other, display_name="Olga Other")
    return cohort, other


@pytest.mark.django_db
def test_staff_read_each_participants_attendance_and_filter_by_edition(client, two_editions):
    cohort, other = two_editions
    client.force_login(SuperuserFactory())

    rows = download(client, "csv", edition=cohort.edition.pk)

    assert rows[0] == [
        "Edition",
        "Participant",
        "Email",
        "Organisation",
        "Sessions attended",
        "Sessions held",
        "Rate (%)",
        "Minimum (%)",
        "Meets minimum",
    ]
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {"Ada Lovelace", "'" + HYPERLINK}
    assert by_name["Ada Lovelace"][4:] == ["3", "4", "75", "75", "yes"]
    assert by_name["'" + HYPERLINK][4:] == ["1", "4", "25", "75", "no"]
    everyone = download(client, "csv")
    assert {row[1] for row in everyone[1:]} == {"Ada Lovelace", "'" + HYPERLINK, "Olga Other"}


@pytest.mark.django_db
def test_the_xlsx_export_keeps_numbers_and_runs_no_formula(client, two_editions):
    cohort, _ = two_editions
    client.force_login(SuperuserFactory())

    rows = download(client, "xlsx", edition=cohort.edition.pk)

    cells = [cell for row in rows for cell in row]
    assert "'" + HYPERLINK in cells
    assert not [c for c in cells if isinstance(c, str) and c.startswith(("=", "+", "-", "@"))]
    ada = next(row for row in rows if row[1] == "Ada Lovelace")
    assert ada[4:8] == [3, 4, 75, 75]


@pytest.mark.django_db
def test_the_report_leads_staff_to_each_sessions_sheet(client, two_editions):
    cohort, _ = two_editions
    client.force_login(SuperuserFactory())

    page = client.get(report_url(edition=cohort.edition.pk)).content.decode()

    assert "Ada Lovelace" in page and "Olga Other" not in page
    for session in cohort.held:
        assert sheet_url(session) in page
    assert sheet_url(cohort.cancelled) not in page


@pytest.mark.django_db
def test_learners_and_trainers_cannot_open_the_report(client, two_editions, trainer):
    for visitor in (UserFactory(), trainer):
        client.force_login(visitor)
        response = client.get(report_url(), {"export": "csv"})
        assert response.status_code == 302 and "/admin/login/" in response.url
