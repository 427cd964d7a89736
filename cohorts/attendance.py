"""Who attended an edition's sessions: recording it, and each participant's attendance rate.

A learner's attendance rate in an edition is the number of its *held* sessions they were marked
present at, over the number of its held sessions. A session is held once it has ended without
being cancelled: sessions still to come do not lower anyone's rate, and a held session nobody
recorded counts as missed. The edition's cohort may ask for a minimum rate for its certificates
(`Cohort.min_attendance`, a percentage); 0, or an edition without a cohort, asks for none. A
minimum cannot be met before any session is held.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from cohorts.models import Application, Attendance, Cohort, Session
from cohorts.signals import attendance_recorded


class AttendanceRefused(ValueError):
    """The attendance cannot be recorded; the message says why."""


def held_sessions(now=None):
    """The sessions that count for attendance: ended and not cancelled."""
    return Session.objects.filter(cancelled=False, ends_at__lte=now or timezone.now())


def participants(edition):
    """The edition's participants (accepted applicants), in alphabetical order."""
    return (
        get_user_model()
        .objects.filter(
            applications__cohort__edition=edition,
            applications__status=Application.Status.ACCEPTED,
        )
        .order_by("display_name", "email")
    )


def may_record(user, session):
    """Staff who may change attendance record it for any session; trainers for their own."""
    if not user.is_authenticated:
        return False
    return (
        user.has_perm("cohorts.change_attendance") or session.trainers.filter(pk=user.pk).exists()
    )


def marks_of(session):
    """{learner id: present} for everyone recorded at the session so far."""
    return dict(Attendance.objects.filter(session=session).values_list("learner_id", "present"))


def record_many(session, marks, by):
    """Record `marks` ({learner id: present}) for the session, all or none, as recorded by `by`.

    One upsert on the database's (session, learner) uniqueness: recording again, or two trainers
    saving at once, leaves one record per learner, the last one saved. Raises AttendanceRefused,
    recording nothing, for a cancelled session or a learner who is not a participant.
    """
    if session.cancelled:
        raise AttendanceRefused(f"“{session}” was cancelled: it has no attendance.")
    known = set(participants(session.edition).filter(pk__in=marks).values_list("pk", flat=True))
    strangers = set(marks) - known
    if strangers:
        raise AttendanceRefused(
            f"Not participants of {session.edition}: {', '.join(map(str, sorted(strangers)))}."
        )
    with transaction.atomic():
        Attendance.objects.bulk_create(
            [
                Attendance(session=session, learner_id=learner_id, present=present, recorded_by=by)
                for learner_id, present in marks.items()
            ],
            update_conflicts=True,
            unique_fields=["session", "learner"],
            update_fields=["present", "recorded_by", "recorded_at"],
        )
        # An upsert sends no save signal; this one tells the xAPI outbox, in the same transaction.
        attendance_recorded.send(sender=Session, session=session, marks=marks)


def record(session, learner, present, by):
    """Record one learner as present or absent at the session (see record_many)."""
    record_many(session, {learner.pk: present}, by)


@dataclass(frozen=True)
class AttendanceRate:
    """`attended` of the `held` sessions of an edition, and the cohort's `minimum` percentage."""

    attended: int
    held: int
    minimum: int = 0

    @property
    def percent(self):
        return round(100 * self.attended / self.held) if self.held else None

    @property
    def meets_minimum(self):
        if not self.minimum:
            return True
        return self.held > 0 and 100 * self.attended >= self.minimum * self.held

    @property
    def needed(self):
        """What the certificate still needs, in the learner's words."""
        sessions = "session" if self.held == 1 else "sessions"
        so_far = (
            f"you attended {self.attended} of {self.held} {sessions}"
            if self.held
            else "no session has been held yet"
        )
        return f"Your certificate needs {self.minimum}% attendance at the live sessions; {so_far}."


def attendance_rates(pairs, now=None):
    """{(learner id, edition id): AttendanceRate} for each (learner id, edition id) pair, in
    three queries however many pairs, sessions and records there are."""
    pairs = set(pairs)
    learner_ids = {learner_id for learner_id, _ in pairs}
    edition_ids = {edition_id for _, edition_id in pairs}
    held = held_sessions(now).filter(edition_id__in=edition_ids)
    minimums = dict(
        Cohort.objects.filter(edition_id__in=edition_ids).values_list(
            "edition_id", "min_attendance"
        )
    )
    held_counts = dict(
        held.order_by().values("edition_id").annotate(n=Count("pk")).values_list("edition_id", "n")
    )
    attended = {
        (learner_id, edition_id): n
        for learner_id, edition_id, n in Attendance.objects.filter(
            present=True, session__in=held, learner_id__in=learner_ids
        )
        .order_by()
        .values("learner_id", "session__edition_id")
        .annotate(n=Count("pk"))
        .values_list("learner_id", "session__edition_id", "n")
    }
    return {
        (learner_id, edition_id): AttendanceRate(
            attended=attended.get((learner_id, edition_id), 0),
            held=held_counts.get(edition_id, 0),
            minimum=minimums.get(edition_id, 0),
        )
        for learner_id, edition_id in pairs
    }


def attendance_rate(learner, edition):
    """The learner's AttendanceRate in the edition."""
    return attendance_rates([(learner.pk, edition.pk)])[learner.pk, edition.pk]


def meets_minimum(learner, edition):
    """Whether the learner's attendance meets the minimum the edition's certificates ask for."""
    return attendance_rate(learner, edition).meets_minimum
