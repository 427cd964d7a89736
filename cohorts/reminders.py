"""Reminders 24 hours and 1 hour before each session, and the emails that tell a session's people
it has moved or been cancelled.

A session's people are its edition's participants (accepted applicants) and its trainers.
Reminders go to those of them who keep `session_reminders` on in their profile; news of a move or
a cancellation goes to all of them.

Planning: when a session is saved new or with its schedule changed (Session.save then raises its
SEQUENCE), `plan_reminders` queues a `send_reminders` task for each reminder time still ahead,
with that time as the task's run-after. A task carries the SEQUENCE it was planned for and does
nothing once the session has changed again (the newer plan has tasks of its own), or has been
cancelled, deleted or started.

Exactly once: each person's reminder is recorded (Reminder, unique per session, person, kind and
SEQUENCE) in one transaction with the task that delivers its email (lms/core/mail.py). A task run
again after its worker was killed (`manage.py run_worker` takes it back) skips the people it had
already reminded. What is at least once instead: docs/reliability.md, "Background tasks".

The tasks are queued in the transaction that saves the session rather than on commit: they are
rows of the same database, so the change and what it sets off are stored together or not at all.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from django_tasks import task

from cohorts.models import Application, Reminder, Session
from lms.core.mail import send_templated_email

LEAD_TIMES = {
    Reminder.Kind.DAY_BEFORE: datetime.timedelta(hours=24),
    Reminder.Kind.HOUR_BEFORE: datetime.timedelta(hours=1),
}
# The session's people are told of every change their calendars show but a new title: when and
# where it takes place, and whether it does.
NEWSWORTHY_CHANGES = set(Session.SCHEDULE_FIELDS) - {"title"}


def session_people(session):
    """The session's edition's participants and its trainers, active accounts only."""
    participants = Application.objects.filter(
        cohort__edition_id=session.edition_id, status=Application.Status.ACCEPTED
    ).values("applicant")
    trainers = session.trainers.values("pk")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=participants) | Q(pk__in=trainers), is_active=True)
        .order_by("pk")
    )


def email_context(session):
    return {"session": session, "edition": session.edition, "edition_url": session.edition.full_url}


def plan_reminders(session, now=None):
    """Queue the session's reminders whose time is after `now`.

    Nothing is planned on a backend that cannot run a task later (the tests' ImmediateBackend
    would send every reminder at once).
    """
    if session.cancelled or not send_reminders.get_backend().supports_defer:
        return
    now = now or timezone.now()
    for kind, lead_time in LEAD_TIMES.items():
        run_after = session.starts_at - lead_time
        if run_after > now:
            send_reminders.using(run_after=run_after).enqueue(
                session.pk, kind.value, session.sequence
            )


@task()
def send_reminders(session_id, kind, sequence):
    """Email the reminder of `kind` for the session as it was at `sequence` to each of its people
    who wants reminders, once each; returns how many were queued by this run."""
    session = (
        Session.objects.select_related("edition")
        .filter(pk=session_id, sequence=sequence, cancelled=False, starts_at__gt=timezone.now())
        .first()
    )
    if session is None:
        return 0
    context = {**email_context(session), "kind": Reminder.Kind(kind)}
    queued = 0
    for person in session_people(session).filter(session_reminders=True):
        with transaction.atomic():
            _, created = Reminder.objects.get_or_create(
                session=session, learner=person, kind=kind, sequence=sequence
            )
            if created:
                send_templated_email("cohorts/emails/reminder", person, context)
                queued += 1
    return queued


@task()
def send_session_change(session_id, sequence):
    """Tell the session's people that it has moved (or changed place) or been cancelled, as it is
    at `sequence`; a later change sends its own news instead. Returns how many were told."""
    session = (
        Session.objects.select_related("edition")
        .filter(pk=session_id, sequence=sequence, ends_at__gt=timezone.now())
        .first()
    )
    if session is None:
        return 0
    template = "session_cancelled" if session.cancelled else "session_moved"
    context = email_context(session)
    people = list(session_people(session))
    # All or none: a run killed halfway queued nothing, and running it again tells everyone once.
    with transaction.atomic():
        for person in people:
            send_templated_email(f"cohorts/emails/{template}", person, context)
    return len(people)


def session_saved(sender, instance, created, raw=False, **kwargs):
    """post_save of Session (connected in CohortsConfig.ready): plan its reminders when it is new
    or changed, and tell its people when it moved or was cancelled."""
    if raw:
        return
    if created or instance.schedule_changes:
        plan_reminders(instance)
    if not created and instance.schedule_changes & NEWSWORTHY_CHANGES:
        send_session_change.enqueue(instance.pk, instance.sequence)
