"""Reminders 24 hours and 1 hour before a session, and news of a moved or cancelled session
(cohorts/reminders.py).

Planning needs a backend that runs tasks later: those tests use the database backend, as the
site does, and read the planned tasks back. Sending is the tasks' own work, run here by calling
them as the worker would; tests/test_worker.py runs them in a real worker that gets killed.
"""

import datetime

from django.core import mail
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from cohorts.models import Application, Reminder
from cohorts.reminders import send_reminders
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(home):
    edition = EditionPageFactory(parent=home, title="Turin 2026")
    CohortFactory(edition=edition)
    return edition


def accept(edition, **user_fields):
    """A participant of `edition`: their application accepted."""
    return ApplicationFactory(
        cohort=edition.cohort,
        status=Application.Status.ACCEPTED,
        applicant=UserFactory(**user_fields),
    ).applicant


@pytest.fixture
def participants(edition):
    return [accept(edition) for _ in range(3)]


@pytest.fixture
def tasks_in_database(settings):
    """Tasks stored for the worker, as on the site, rather than run at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def planned(session):
    """The reminder tasks planned for `session`: (kind, sequence, run after)."""
    tasks = DBTaskResult.objects.filter(task_path="cohorts.reminders.send_reminders")
    return sorted(
        (task.args_kwargs["args"][1], task.args_kwargs["args"][2], task.run_after)
        for task in tasks
        if task.args_kwargs["args"][0] == session.pk
    )


def recipients(subject_part):
    return sorted(message.to[0] for message in mail.outbox if subject_part in message.subject)


def emails_of(users):
    return sorted(user.email for user in users)


def test_a_new_session_plans_its_reminders_a_day_and_an_hour_before_it_starts(
    edition, tasks_in_database
):
    starts_at = timezone.now() + datetime.timedelta(days=7)

    session = SessionFactory(edition=edition, starts_at=starts_at)

    assert planned(session) == [
        ("1h", 0, starts_at - datetime.timedelta(hours=1)),
        ("24h", 0, starts_at - datetime.timedelta(hours=24)),
    ]


def test_a_reminder_whose_time_has_passed_is_not_planned(edition, tasks_in_database):
    starts_at = timezone.now() + datetime.timedelta(hours=5)

    session = SessionFactory(edition=edition, starts_at=starts_at)

    assert planned(session) == [("1h", 0, starts_at - datetime.timedelta(hours=1))]


def test_without_a_backend_that_runs_tasks_later_nothing_is_planned(edition):
    # The tests' ImmediateBackend would run a planned reminder at once: better none.
    SessionFactory(edition=edition)

    assert not DBTaskResult.objects.exists()
    assert mail.outbox == []


def test_moving_a_session_plans_again_and_the_old_plan_sends_nothing(
    edition, participants, tasks_in_database
):
    session = SessionFactory(edition=edition)
    new_start = session.starts_at + datetime.timedelta(days=2)

    session.starts_at = new_start
    session.ends_at = new_start + datetime.timedelta(hours=2)
    session.save()

    assert session.sequence == 1
    assert [plan for plan in planned(session) if plan[1] == 1] == [
        ("1h", 1, new_start - datetime.timedelta(hours=1)),
        ("24h", 1, new_start - datetime.timedelta(hours=24)),
    ]
    assert send_reminders.call(session.pk, "24h", 0) == 0
    assert mail.outbox == []
    assert send_reminders.call(session.pk, "24h", 1) == 3
    assert recipients("Reminder") == emails_of(participants)


def test_a_moved_session_emails_its_participants_and_trainers_the_new_time(edition, participants):
    trainer = UserFactory(email="trainer@clusters.example.org")
    session = SessionFactory(edition=edition, title="Funding your cluster", time_zone="Europe/Rome")
    session.trainers.add(trainer)
    new_start = datetime.datetime(2031, 5, 6, 14, 30, tzinfo=datetime.UTC)

    session.starts_at = new_start
    session.ends_at = new_start + datetime.timedelta(hours=2)
    session.save()

    assert recipients("Funding your cluster") == emails_of([*participants, trainer])
    message = mail.outbox[0]
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    # In the session's own zone, named: 14:30 UTC is 16:30 in Rome in May.
    for part in (message.body, html):
        assert "16:30" in part
        assert "Europe/Rome" in part


def test_renaming_a_session_plans_again_but_emails_no_one(edition, participants, tasks_in_database):
    session = SessionFactory(edition=edition)

    session.title = "A clearer title"
    session.save()

    assert mail.outbox == []
    assert {plan[:2] for plan in planned(session)} == {("1h", 0), ("24h", 0), ("1h", 1), ("24h", 1)}


def test_a_cancelled_session_sends_its_cancellation_and_never_a_reminder(
    edition, participants, tasks_in_database
):
    session = SessionFactory(edition=edition, title="Internationalisation clinic")

    session.cancelled = True
    session.save()

    # The cancellation is a task of its own, queued with the change.
    news = DBTaskResult.objects.get(task_path="cohorts.reminders.send_session_change")
    assert news.task.call(*news.args_kwargs["args"]) == 3
    assert recipients("Internationalisation clinic") == emails_of(participants)
    assert all("cancelled" in message.subject.lower() for message in mail.outbox)
    # Cancelling planned nothing new, and the plan made before sends nothing.
    assert {plan[1] for plan in planned(session)} == {0}
    mail.outbox.clear()
    assert send_reminders.call(session.pk, "24h", 0) == 0
    assert send_reminders.call(session.pk, "1h", session.sequence) == 0
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_reminders_go_to_participants_and_trainers_who_want_them_only(edition, participants):
    opted_out = accept(edition, session_reminders=False)
    trainer = UserFactory()
    waitlisted = ApplicationFactory(
        cohort=edition.cohort, status=Application.Status.WAITLISTED, waitlisted_at=timezone.now()
    ).applicant
    session = SessionFactory(edition=edition, title="Measuring impact")
    session.trainers.add(trainer)

    assert send_reminders.call(session.pk, "1h", session.sequence) == 4

    assert recipients("Measuring impact") == emails_of([*participants, trainer])
    assert opted_out.email not in recipients("")
    assert waitlisted.email not in recipients("")
    assert Reminder.objects.filter(session=session, kind="1h").count() == 4


def test_a_reminder_has_a_text_and_an_html_part_with_the_time_and_the_join_link(edition):
    learner = accept(edition)
    session = SessionFactory(
        edition=edition,
        title="Cluster strategy live",
        starts_at=datetime.datetime(2031, 1, 15, 9, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2031, 1, 15, 11, 0, tzinfo=datetime.UTC),
        join_url="https://meet.example.org/strategy",
    )

    send_reminders.call(session.pk, "24h", session.sequence)

    [message] = mail.outbox
    assert message.to == [learner.email]
    assert "Cluster strategy live" in message.subject
    [(html, _)] = message.alternatives
    for part in (message.body, html):
        assert "10:00" in part  # 09:00 UTC in Brussels in January
        assert "Europe/Brussels" in part
        assert "https://meet.example.org/strategy" in part
        assert "Turin 2026" in part


def test_a_learner_never_gets_the_same_reminder_twice_when_its_task_runs_again(
    edition, participants
):
    session = SessionFactory(edition=edition)

    assert send_reminders.call(session.pk, "24h", session.sequence) == 3
    assert send_reminders.call(session.pk, "24h", session.sequence) == 0

    assert recipients("") == emails_of(participants)
    assert Reminder.objects.filter(session=session).count() == 3
    # The hour-before reminder is another reminder.
    assert send_reminders.call(session.pk, "1h", session.sequence) == 3


def test_no_reminder_once_the_session_has_started_or_is_deleted(edition, participants):
    started = SessionFactory(
        edition=edition, starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    deleted = SessionFactory(edition=edition)
    deleted_pk = deleted.pk
    deleted.delete()

    assert send_reminders.call(started.pk, "1h", started.sequence) == 0
    assert send_reminders.call(deleted_pk, "1h", 0) == 0
    assert mail.outbox == []
