"""An edition run as a cohort: who applies and who takes its seats, its live sessions, who
attended them, and what each learner's calendar and reminders need.

What must be unique or capped is enforced by the database: one application per person and
edition, never more seats taken than the edition has, one attendance record per session and
learner, one reminder per session, learner and kind.
"""

import secrets
import uuid
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from courses.models import EditionPage

DEFAULT_TIME_ZONE = "Europe/Brussels"


def validate_time_zone(name):
    # Validated rather than stored as choices, so that a new tz database needs no migration.
    if name not in zoneinfo.available_timezones():
        raise ValidationError("“%(name)s” is not a time zone name.", params={"name": name})


def new_feed_token():
    # 256 random bits, URL-safe: a private calendar URL is its own password.
    return secrets.token_urlsafe(32)


class Cohort(models.Model):
    """How an edition takes applications and fills its seats.

    `seats_taken` counts the seats held by accepted participants and open offers. It changes only
    in the same transaction as the application that takes or frees a seat, and the database
    refuses it above `seats`, so no two accepts can overfill an edition, whatever order they
    commit in.
    """

    class OpenTo(models.TextChoices):
        EVERYONE = "everyone", "Anyone with an account"
        CLUSTER_TEAMS = "cluster_teams", "Cluster managers and cluster staff"
        CLUSTER_MANAGERS = "cluster_managers", "Cluster managers only"

    edition = models.OneToOneField(
        "courses.EditionPage", on_delete=models.CASCADE, related_name="cohort"
    )
    applications_open_at = models.DateTimeField("applications open", null=True, blank=True)
    applications_close_at = models.DateTimeField("applications close", null=True, blank=True)
    seats = models.PositiveSmallIntegerField(default=30, help_text="Usually 25 to 45.")
    seats_taken = models.PositiveSmallIntegerField(default=0, editable=False)
    open_to = models.CharField(
        "who may apply", max_length=20, choices=OpenTo.choices, default=OpenTo.CLUSTER_TEAMS
    )
    offer_days = models.PositiveSmallIntegerField(
        "days to confirm an offered seat",
        default=3,
        help_text="A waitlisted applicant offered a freed seat has this long to confirm it.",
    )
    min_attendance = models.PositiveSmallIntegerField(
        "minimum attendance for the certificate (%)",
        default=0,
        help_text="Share of the edition's sessions a participant must attend; 0 for none.",
    )
    participants_group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="cohort",
        help_text="Kept in step with the accepted applications.",
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="cohorts_trained",
        help_text=(
            "They see this edition's participants, submissions and shared action plans, give "
            "feedback and take attendance. They join the Trainers group."
        ),
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("seats")),
                name="cohort_seats_taken_within_seats",
                violation_error_message="More seats are taken than the edition would have.",
            ),
            models.CheckConstraint(
                condition=Q(min_attendance__lte=100),
                name="cohort_min_attendance_percent",
                violation_error_message="Minimum attendance is a percentage, 0 to 100.",
            ),
            models.CheckConstraint(
                condition=Q(applications_open_at__isnull=True)
                | Q(applications_close_at__isnull=True)
                | Q(applications_close_at__gt=F("applications_open_at")),
                name="cohort_applications_close_after_open",
                violation_error_message="Applications must close after they open.",
            ),
        ]

    def __str__(self):
        return str(self.edition)

    def save(self, *args, **kwargs):
        # `seats_taken` moves only with the applications that take or free a seat, by an UPDATE of
        # its own (cohorts.applications): saving a form or an older copy never writes it back.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "seats_taken"
            ]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.pk and self.seats is not None and self.seats < self.seats_taken:
            raise ValidationError(
                {"seats": f"{self.seats_taken} seats are already taken; free some first."}
            )

    def accepts_applications(self, now=None):
        now = now or timezone.now()
        return (
            self.applications_open_at is not None
            and self.applications_open_at <= now
            and (self.applications_close_at is None or now < self.applications_close_at)
        )


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        ACCEPTED = "accepted", "Accepted"
        WAITLISTED = "waitlisted", "Waitlisted"
        OFFERED = "offered", "Offered a seat"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    # An accepted participant and an open offer each hold one of the edition's seats.
    HOLDS_SEAT = (Status.ACCEPTED, Status.OFFERED)

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    organisation = models.CharField("cluster organisation", max_length=200)
    role = models.CharField("role in the cluster", max_length=200)
    country = models.CharField(max_length=100)
    motivation = models.TextField(max_length=3000)
    learning_goals = models.TextField("what you want to learn", max_length=3000)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    # The waitlist's order: who was waitlisted first is offered a freed seat first.
    waitlisted_at = models.DateTimeField(null=True, blank=True, editable=False)
    offer_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    notes = models.TextField("staff notes", blank=True, help_text="Seen by staff only.")
    submitted_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "applicant"],
                name="one_application_per_edition",
                violation_error_message="You have already applied to this edition.",
            ),
            models.CheckConstraint(
                condition=Q(status="offered", offer_expires_at__isnull=False)
                | (~Q(status="offered") & Q(offer_expires_at__isnull=True)),
                name="application_offer_has_deadline",
            ),
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(waitlisted_at__isnull=False),
                name="application_waitlist_has_date",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "status", "waitlisted_at"])]

    def __str__(self):
        return f"{self.applicant} for {self.cohort}"


class Session(models.Model):
    """A live online session or an on-site day of an edition.

    UID and SEQUENCE are the calendar's: the UID never changes, and SEQUENCE goes up whenever the
    time, place or status does, so calendar apps replace the event they already hold.
    """

    class Kind(models.TextChoices):
        ONLINE = "online", "Online live session"
        ON_SITE = "on_site", "On-site day"

    # What a calendar event shows: a change to any of these is a new SEQUENCE.
    SCHEDULE_FIELDS = (
        "title",
        "starts_at",
        "ends_at",
        "time_zone",
        "all_day",
        "venue",
        "join_url",
        "cancelled",
    )

    edition = models.ForeignKey(
        "courses.EditionPage", on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ONLINE)
    description = models.TextField(blank=True, max_length=2000)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    time_zone = models.CharField(
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text="The zone the schedule shows its times in, e.g. Europe/Brussels.",
    )
    all_day = models.BooleanField(
        default=False, help_text="An on-site day: calendars show it as a whole day."
    )
    venue = models.CharField(max_length=255, blank=True, help_text="For on-site days.")
    join_url = models.URLField(
        "online join link",
        blank=True,
        help_text="Shown only to the edition's participants and staff, and in private feeds.",
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="sessions_trained"
    )
    modules = models.ManyToManyField("courses.ModulePage", blank=True, related_name="sessions")
    materials = models.ManyToManyField("materials.Material", blank=True, related_name="sessions")
    recording_url = models.URLField("recording link", blank=True)
    recording_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="recording file",
    )
    cancelled = models.BooleanField(default=False)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
                violation_error_message="A session must end after it starts.",
            ),
        ]
        indexes = [models.Index(fields=["edition", "starts_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The schedule fields this save changes, for post_save receivers (cohorts.reminders).
        self.schedule_changes = set()
        if self.pk is not None:
            stored = Session.objects.filter(pk=self.pk).values(*self.SCHEDULE_FIELDS).first()
            if stored:
                self.schedule_changes = {
                    name for name in self.SCHEDULE_FIELDS if stored[name] != getattr(self, name)
                }
            if self.schedule_changes:
                self.sequence += 1
                if "update_fields" in kwargs and kwargs["update_fields"] is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "sequence"}
        super().save(*args, **kwargs)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendance"
    )
    present = models.BooleanField(default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "learner"], name="one_attendance_record"),
        ]
        verbose_name_plural = "attendance"

    def __str__(self):
        return f"{self.learner} {'attended' if self.present else 'missed'} {self.session}"


class Reminder(models.Model):
    """A reminder email queued for one learner and one session's time (its SEQUENCE): recorded in
    the same transaction as the email's task, so it is queued once, whatever the worker does."""

    class Kind(models.TextChoices):
        DAY_BEFORE = "24h", "24 hours before"
        HOUR_BEFORE = "1h", "1 hour before"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="reminders")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_queued"
    )
    kind = models.CharField(max_length=3, choices=Kind.choices)
    sequence = models.PositiveIntegerField()
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "learner", "kind", "sequence"], name="one_reminder"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.session} to {self.learner}"


class CalendarFeed(models.Model):
    """A learner's private calendar URL; resetting it makes the old one answer 404."""

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Calendar of {self.learner}"

    def reset(self):
        self.token = new_feed_token()
        self.save(update_fields=["token", "created_at"])


TRAINERS_GROUP = "Trainers"


def editions_trained(user):
    """The ids of the editions `user` trains, as a subquery: those whose cohort names them a
    trainer, and those where they lead a session."""
    return (
        EditionPage.objects.filter(Q(cohort__trainers=user) | Q(sessions__trainers=user))
        .values("pk")
        .distinct()
    )


def trains(user, edition):
    """Whether `user` is one of the edition's trainers (editions_trained)."""
    if not user.is_authenticated:
        return False
    return editions_trained(user).filter(pk=edition.pk).exists()


def participates(user, edition):
    """Whether `user` is one of the edition's participants: their application was accepted.

    The edition's participants group (Cohort.participants_group) follows the same rule; it exists
    so that Wagtail's view restrictions by group can name the participants.
    """
    if not user.is_authenticated:
        return False
    return Application.objects.filter(
        cohort__edition=edition, applicant=user, status=Application.Status.ACCEPTED
    ).exists()


def sees_join_links(user, edition):
    """Join links are for the edition's participants, its trainers and staff."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return participates(user, edition) or trains(user, edition)
