"""A real worker process, killed in the middle of its work and started again, sends every due
reminder exactly once.

`manage.py run_worker` runs as a subprocess against this test's database (tests/worker.py) with
the site's own settings: tasks in the database and emails delivered as files into a folder of the
test's. The test stores what the site would (participants, sessions, their planned reminders, a
cancellation), starts the worker, SIGKILLs it once the first reminders are recorded, starts it
again under the same worker id, waits until every task has finished, and reads the emails
delivered.
"""

import datetime
import email
import email.policy
import signal
from collections import Counter

from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from cohorts.models import Application, Reminder
from cohorts.reminders import plan_reminders
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    SessionFactory,
    UserFactory,
)
from tests.worker import DEADLINE_SECONDS, WORKER_ID, wait_for

# Each message the file backend writes ends with this line.
MESSAGE_END = b"\n" + b"-" * 79 + b"\n"

# The worker commits as it goes and reads what this test committed: no test transaction here;
# the database starts as migrations left it (the site's root page), whatever ran before.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def site_settings(settings, tasks_in_database):
    """The site's own task and email settings in this process too (lms/settings/base.py)."""
    settings.EMAIL_BACKEND = "lms.core.mail.QueuedEmailBackend"


def delivered(mail_dir):
    """Every email the worker delivered: (recipient, subject, plain text)."""
    messages = []
    for path in sorted(mail_dir.glob("*.log")):
        for raw in path.read_bytes().split(MESSAGE_END):
            if raw.strip():
                message = email.message_from_bytes(raw, policy=email.policy.default)
                text = message.get_body(("plain",)).get_content()
                assert message.get_body(("html",)) is not None
                # The subject comes back unfolded, with the space its folding began with.
                messages.append((str(message["To"]), message["Subject"].strip(), text))
    return messages


def test_a_worker_killed_mid_run_and_restarted_sends_every_due_reminder_exactly_once(
    home, start_worker, mail_dir
):
    edition = EditionPageFactory(parent=home, title="Sofia 2026")
    cohort = CohortFactory(edition=edition, seats=150)
    learners = [
        ApplicationFactory(
            cohort=cohort,
            status=Application.Status.ACCEPTED,
            applicant=UserFactory(session_reminders=number % 15 != 0),
        ).applicant
        for number in range(150)
    ]
    wanting = [learner for learner in learners if learner.session_reminders]
    # Sessions in half an hour, planned as they were two days ago: both reminders are due.
    soon = timezone.now() + datetime.timedelta(minutes=30)
    sessions = [
        SessionFactory(edition=edition, title=title, starts_at=soon)
        for title in ("Cluster strategy live", "Funding clinic", "Internationalisation")
    ]
    for session in sessions:
        plan_reminders(session, now=session.starts_at - datetime.timedelta(days=2))
    cancelled = sessions.pop()
    cancelled.cancelled = True
    cancelled.save()
    expected = len(sessions) * len(Reminder.Kind) * len(wanting)
    # 6 reminders and the cancellation (besides Wagtail's own tasks for the edition's page).
    assert DBTaskResult.objects.filter(task_path__startswith="cohorts.").count() == 7

    worker = start_worker()
    wait_for(lambda: Reminder.objects.exists(), worker, "no reminder recorded")
    worker.send_signal(signal.SIGKILL)
    worker.wait()

    recorded = Reminder.objects.count()
    assert 0 < recorded < expected, "the worker was not killed in the middle of its work"
    [interrupted] = DBTaskResult.objects.running()
    assert interrupted.worker_ids == [WORKER_ID]

    worker = start_worker()
    wait_for(
        lambda: not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists(),
        worker,
        "tasks left to run",
    )
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=DEADLINE_SECONDS) == 0

    assert not DBTaskResult.objects.failed().exists(), DBTaskResult.objects.failed()[0].traceback
    # The task the first worker was killed in ran again, under the same id.
    assert DBTaskResult.objects.get(pk=interrupted.pk).worker_ids == [WORKER_ID, WORKER_ID]
    assert Reminder.objects.count() == expected
    assert not Reminder.objects.filter(session=cancelled).exists()

    messages = delivered(mail_dir)
    reminders = Counter(
        (to, title, "24 hours before" in text)
        for to, subject, text in messages
        for title in (session.title for session in sessions)
        if subject.startswith("Reminder") and title in subject
    )
    assert reminders == Counter(
        (learner.email, session.title, day_before)
        for session in sessions
        for learner in wanting
        for day_before in (True, False)
    )
    cancellations = [to for to, subject, _ in messages if cancelled.title in subject]
    assert sorted(cancellations) == sorted(learner.email for learner in learners)
    assert len(messages) == expected + len(learners)
