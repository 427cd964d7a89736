"""Every email leaves through the task queue (lms/core/mail.py): sending stores a task and sends
nothing; the worker delivers it, both parts, with EMAIL_DELIVERY_BACKEND; an email sent inside a
transaction that rolls back is never queued, so never sent."""

from django.core import mail
from django.core.management import call_command
from django.db import transaction

import pytest
from django_tasks_db.models import DBTaskResult

# The worker's loop checks its connections between tasks, which a test's transaction cannot
# survive: these tests commit. Serialized rollback puts back what migrations left for the tests
# that follow (tests/test_worker.py needs the site's root page).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def queued_email(settings):
    """The site's own settings rather than the tests' (lms/settings/test.py: locmem, tasks at once)."""
    settings.EMAIL_BACKEND = "lms.core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command(
        "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--worker-id", "test-worker"
    )


def send_welcome(to="learner@example.org"):
    message = mail.EmailMultiAlternatives(
        subject="Welcome to the academy",
        body="Welcome, plain text.",
        from_email="academy@example.org",
        to=[to],
        reply_to=["staff@example.org"],
    )
    message.attach_alternative("<p>Welcome, <strong>HTML</strong>.</p>", "text/html")
    message.send()


def test_sending_an_email_queues_a_task_and_the_worker_delivers_it_with_both_parts():
    send_welcome()

    assert mail.outbox == []
    task = DBTaskResult.objects.get()
    assert task.task_path == "lms.core.mail.deliver_email"
    assert task.status == "READY"

    run_worker()

    [delivered] = mail.outbox
    assert delivered.subject == "Welcome to the academy"
    assert delivered.to == ["learner@example.org"]
    assert delivered.reply_to == ["staff@example.org"]
    assert delivered.body == "Welcome, plain text."
    assert delivered.alternatives == [("<p>Welcome, <strong>HTML</strong>.</p>", "text/html")]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_an_email_sent_in_a_transaction_that_rolls_back_is_never_sent():
    with pytest.raises(RuntimeError), transaction.atomic():
        send_welcome(to="rolled-back@example.org")
        raise RuntimeError("the change the email was about failed")
    send_welcome(to="committed@example.org")

    run_worker()

    assert [message.to for message in mail.outbox] == [["committed@example.org"]]
    assert DBTaskResult.objects.count() == 1


def test_an_email_with_an_attachment_is_refused_rather_than_sent_without_it():
    message = mail.EmailMessage("Your certificate", "Attached.", to=["learner@example.org"])
    message.attach("certificate.pdf", b"%PDF-1.7", "application/pdf")

    with pytest.raises(ValueError, match="attachments"):
        message.send()

    assert not DBTaskResult.objects.exists()
