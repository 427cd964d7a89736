"""Applications to an edition run as a cohort: applying, the staff's decisions, withdrawing, the
waitlist's offers of freed seats, and the edition's participants group.

Seats: `Cohort.seats_taken` counts the applications holding a seat (`Application.HOLDS_SEAT`). It
changes by an UPDATE of `seats_taken + n` in the same transaction as the application's status, and
the database refuses it above `seats` (a check constraint), so no order of concurrent accepts can
overfill an edition.

Every status change locks the cohort's row first, then the application's: the changes of one
edition run one after the other, always take their locks in the same order (so they never
deadlock), and each reads the application as the one before left it, so two staff tabs accepting
the same application take one seat. Applying only inserts a row; the unique constraint refuses a
second one.

Each change emails the applicant (lms/core/mail.py) and writes an audit line once committed.
"""

import datetime
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from django_tasks import task

from cohorts.models import TRAINERS_GROUP, Application, Cohort
from lms.accounts.models import User
from lms.core.audit import audit
from lms.core.cache import bump_generation
from lms.core.mail import send_templated_email

Status = Application.Status

# Who may apply, by the role the applicant gives on the form (User.Role values).
ROLES_OPEN_TO = {
    Cohort.OpenTo.EVERYONE: frozenset(User.Role.values),
    Cohort.OpenTo.CLUSTER_TEAMS: frozenset({User.Role.CLUSTER_MANAGER, User.Role.CLUSTER_STAFF}),
    Cohort.OpenTo.CLUSTER_MANAGERS: frozenset({User.Role.CLUSTER_MANAGER}),
}

# The staff's decisions, and the statuses each may be taken from.
STAFF_DECISIONS = {
    Status.ACCEPTED: {Status.SUBMITTED, Status.WAITLISTED, Status.OFFERED, Status.DECLINED},
    Status.WAITLISTED: {Status.SUBMITTED, Status.DECLINED},
    Status.DECLINED: {Status.SUBMITTED, Status.WAITLISTED, Status.OFFERED, Status.ACCEPTED},
}
WITHDRAWABLE = {Status.SUBMITTED, Status.WAITLISTED, Status.OFFERED, Status.ACCEPTED}


class ApplicationRefused(Exception):
    """The change is not allowed; the message tells the person who asked why. `field` names the
    form field at fault, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def when(moment):
    """A moment as people read it in messages, in the site's time zone."""
    return date_format(timezone.localtime(moment), "j F Y, H:i T")


def why_closed(cohort, now=None):
    """Why the cohort's edition takes no application at `now`, or None while it does."""
    now = now or timezone.now()
    title = cohort.edition.title
    if cohort.applications_open_at is None:
        return f"“{title}” does not take applications."
    if now < cohort.applications_open_at:
        return f"Applications to “{title}” open on {when(cohort.applications_open_at)}."
    if cohort.applications_close_at is not None and now >= cohort.applications_close_at:
        return f"Applications to “{title}” closed on {when(cohort.applications_close_at)}."
    return None


def apply(user, cohort, data, now=None):
    """The user's new application to the cohort's edition, from `data`: organisation, role (a
    User.Role value), country, motivation and learning_goals.

    Who may apply follows the role the applicant gives here (the form prefills it from their
    profile), not the profile's: a profile's role may be blank or out of date, and staff read the
    role given with the rest of the application. It is stored as its label, as people read it.
    """
    now = now or timezone.now()
    closed = why_closed(cohort, now)
    if closed:
        raise ApplicationRefused(closed)
    if data["role"] not in ROLES_OPEN_TO[cohort.open_to]:
        raise ApplicationRefused(
            f"“{cohort.edition.title}” is open to {cohort.get_open_to_display().lower()}.",
            field="role",
        )
    try:
        with transaction.atomic():
            application = Application.objects.create(
                cohort=cohort,
                applicant=user,
                organisation=data["organisation"],
                role=User.Role(data["role"]).label,
                country=data["country"],
                motivation=data["motivation"],
                learning_goals=data["learning_goals"],
                status_changed_at=now,
            )
            _record(application, "submitted")
    except IntegrityError:
        if Application.objects.filter(cohort=cohort, applicant=user).exists():
            raise ApplicationRefused("You have already applied to this edition.") from None
        raise
    return application


def accept(application, by, now=None):
    """Accept the application (staff): it takes a seat, or is refused when none is left."""
    return _decide(application, Status.ACCEPTED, by, now)


def waitlist(application, by, now=None):
    return _decide(application, Status.WAITLISTED, by, now)


def decline(application, by, now=None):
    """Decline the application (staff); a seat it held goes to the first on the waitlist."""
    return _decide(application, Status.DECLINED, by, now)


def decide_many(applications, status, by, now=None):
    """The staff's decision `status` on each application, the earliest submitted first, so that
    they take the last seats. Returns (changed applications, [(application, why refused)])."""
    changed, refused = [], []
    for application in sorted(applications, key=lambda a: (a.submitted_at, a.pk)):
        try:
            changed.append(_decide(application, status, by, now))
        except ApplicationRefused as refusal:
            refused.append((application, str(refusal)))
    return changed, refused


def withdraw(application, now=None):
    """The applicant withdraws; a seat they held goes to the first on the waitlist."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(application.pk)
        _check(locked, WITHDRAWABLE, "withdrawn")
        _change(locked, Status.WITHDRAWN, now)
    return locked


def confirm_offer(application, now=None):
    """The applicant takes the seat offered to them, before its deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(application.pk)
        _check(locked, {Status.OFFERED}, "confirmed")
        expired = locked.offer_expires_at <= now
        if not expired:
            _change(locked, Status.ACCEPTED, now)
            return locked
    expire(application.pk, now)
    raise ApplicationRefused(f"This offer expired on {when(locked.offer_expires_at)}.")


def decline_offer(application, now=None):
    """The applicant turns down the seat offered: it goes to the next on the waitlist."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(application.pk)
        _check(locked, {Status.OFFERED}, "declined")
        _change(locked, Status.WITHDRAWN, now)
    return locked


def expire(application_id, now=None):
    """Withdraw an offer past its deadline, offering the seat to the next on the waitlist; True if
    it did. Safe at any time: an offer confirmed, declined or not yet due is left as it is."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(application_id)
        if locked is None or locked.status != Status.OFFERED or locked.offer_expires_at > now:
            return False
        _change(locked, Status.WITHDRAWN, now, event="offer_expired")
    return True


@task()
def expire_offer(application_id):
    """Queued to run at an offer's deadline, where the task backend can defer tasks."""
    expire(application_id)


def expire_due_offers(now=None):
    """Expire every offer past its deadline, whether or not its own task ran (the
    `expire_offers` command); returns how many expired."""
    now = now or timezone.now()
    due = Application.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    return sum(expire(pk, now) for pk in list(due.values_list("pk", flat=True)))


def _decide(application, status, by, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(application.pk)
        _check(locked, STAFF_DECISIONS[status], Status(status).label.lower())
        _change(locked, status, now, by=by)
    return locked


def _locked(application_id):
    """The application and its cohort, each locked until the transaction ends, the cohort first
    (see the module's docstring); None if the application is gone."""
    cohort_id = (
        Application.objects.filter(pk=application_id).values_list("cohort_id", flat=True).first()
    )
    if cohort_id is None:
        return None
    cohort = (
        Cohort.objects.select_for_update(of=("self",)).select_related("edition").get(pk=cohort_id)
    )
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("applicant")
        .filter(pk=application_id)
        .first()
    )
    if application is not None:
        application.cohort = cohort
    return application


def _check(application, allowed, done):
    if application is None:
        raise ApplicationRefused("This application no longer exists.")
    if application.status not in allowed:
        label = application.get_status_display().lower()
        if label == done:
            raise ApplicationRefused(f"This application is already {label}.")
        raise ApplicationRefused(f"This application is {label}: it cannot be {done} now.")


def _change(application, status, now, by=None, event=None):
    """Move the locked application to `status`: take or free its seat, keep the participants
    group in step, email and audit it as `event` (the new status unless given), and offer a seat
    it frees to the first on the waitlist."""
    cohort = application.cohort
    previous = application.status
    seats = (status in Application.HOLDS_SEAT) - (previous in Application.HOLDS_SEAT)
    _take_seats(cohort, seats)
    application.status = status
    application.status_changed_at = now
    application.offer_expires_at = (
        now + datetime.timedelta(days=cohort.offer_days) if status == Status.OFFERED else None
    )
    if status == Status.WAITLISTED:
        application.waitlisted_at = now
    application.save(
        update_fields=["status", "status_changed_at", "offer_expires_at", "waitlisted_at"]
    )
    if status == Status.ACCEPTED:
        application.applicant.groups.add(participants_group_id(cohort))
    elif previous == Status.ACCEPTED:
        application.applicant.groups.remove(participants_group_id(cohort))
    _record(application, event or status, by=by, previous=previous)
    if seats < 0:
        _offer_freed_seat(cohort, now)


def _take_seats(cohort, seats):
    """Take (or, negative, free) seats of the locked cohort; the database refuses to overfill."""
    if not seats:
        return
    try:
        Cohort.objects.filter(pk=cohort.pk).update(seats_taken=F("seats_taken") + seats)
    except IntegrityError:
        raise ApplicationRefused(
            f"No seat left in “{cohort.edition.title}”: all {cohort.seats} seats are taken. "
            "Waitlist the application, or add seats to the edition first."
        ) from None
    # The edition page shows anonymous visitors how many seats are left.
    bump_generation()


def _offer_freed_seat(cohort, now):
    """Offer a seat just freed to whoever was waitlisted first; they have `offer_days` to confirm,
    after which `expire_offer` (or `expire_due_offers`) moves the offer on to the next."""
    first = (
        Application.objects.select_for_update(of=("self",))
        .select_related("applicant")
        .filter(cohort=cohort, status=Status.WAITLISTED)
        .order_by("waitlisted_at", "pk")
        .first()
    )
    if first is None:
        return
    first.cohort = cohort
    _change(first, Status.OFFERED, now)
    # The immediate backend of the tests runs tasks at once and cannot defer one; the deadline is
    # checked again whenever the offer is confirmed, and `expire_due_offers` catches the rest.
    if expire_offer.get_backend().supports_defer:
        expire_offer.using(run_after=first.offer_expires_at).enqueue(first.pk)


def _record(application, event, by=None, previous=None):
    """Email the applicant about the change and log it for the audit trail once committed.

    The email is sent inside the transaction: it is queued as a task row of the same database
    (lms/core/mail.py), so the applicant hears of a change only if it is stored, and of every
    change that is, even if the process dies just after the commit.
    """
    edition = application.cohort.edition
    send_templated_email(
        f"cohorts/emails/application_{event}",
        application.applicant,
        {
            "application": application,
            "edition": edition,
            "edition_url": edition.full_url,
            "learning_url": settings.WAGTAILADMIN_BASE_URL + reverse("learning"),
            "position": waitlist_position(application),
        },
    )
    fields = {
        "application_id": application.pk,
        "edition_id": edition.pk,
        "status": application.status,
        "previous_status": previous,
    }
    if by is not None:
        fields["by_user_id"] = by.pk
    transaction.on_commit(partial(audit, f"application_{event}", application.applicant, **fields))


def with_waitlist_position(applications):
    """`applications` with `waitlist_position`: for a waitlisted one, how many of its edition's
    applicants were waitlisted before it, plus one; None for the others. One query in all."""
    ahead = (
        Application.objects.filter(cohort=OuterRef("cohort"), status=Status.WAITLISTED)
        .filter(
            Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
            | Q(waitlisted_at=OuterRef("waitlisted_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("cohort")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return applications.annotate(
        waitlist_position=Case(
            When(
                status=Status.WAITLISTED,
                then=Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)) + 1,
            ),
            default=None,
            output_field=IntegerField(),
        )
    )


def waitlist_position(application):
    if application.status != Status.WAITLISTED:
        return None
    found = with_waitlist_position(Application.objects.filter(pk=application.pk))
    return found.values_list("waitlist_position", flat=True).first()


@dataclass
class Panel:
    """What the edition page tells a visitor about applying: the cohort and, for a signed-in
    visitor, their own application (with `waitlist_position`)."""

    cohort: Cohort
    application: Application | None
    closed_because: str | None

    @property
    def accepting(self):
        return self.closed_because is None

    @property
    def not_yet_open(self):
        opens = self.cohort.applications_open_at
        return opens is not None and timezone.now() < opens

    @property
    def seats_left(self):
        return max(self.cohort.seats - self.cohort.seats_taken, 0)


def panel(user, edition):
    """The edition page's application panel, or None when the edition takes no applications.

    One query for an anonymous visitor, whose panel holds nothing personal and may be cached for
    all; two for a signed-in one, whatever the number of applicants.
    """
    cohort = Cohort.objects.filter(edition=edition).first()
    if cohort is None:
        return None
    cohort.edition = edition
    application = None
    if user.is_authenticated:
        application = with_waitlist_position(
            Application.objects.filter(cohort=cohort, applicant=user)
        ).first()
    return Panel(cohort=cohort, application=application, closed_because=why_closed(cohort))


def participants_group_id(cohort):
    """The id of the edition's participants group, created with the cohort, and again with the
    accepted participants if someone deleted it: Wagtail's view restrictions by group name it."""
    if cohort.participants_group_id is not None:
        return cohort.participants_group_id
    group = Group.objects.create(name=_group_name(cohort.edition))
    Cohort.objects.filter(pk=cohort.pk).update(participants_group=group)
    cohort.participants_group = group
    accepted = Application.objects.filter(cohort=cohort, status=Status.ACCEPTED)
    group.user_set.add(*accepted.values_list("applicant_id", flat=True))
    return group.pk


def _group_name(edition):
    name = f"Participants: {edition.title}"
    # Group names are unique and short: a long or repeated title gets the edition's id.
    if len(name) > Group._meta.get_field("name").max_length or (
        Group.objects.filter(name=name).exists()
    ):
        name = f"Participants: {edition.title[:100]} (edition {edition.pk})"
    return name


def _cohort_saved(sender, instance, created, **kwargs):
    if created:
        participants_group_id(instance)
    # The edition page shows anonymous visitors when applications open and close, and the seats.
    bump_generation()


def _cohort_deleted(sender, instance, **kwargs):
    bump_generation()


def _application_deleted(sender, instance, **kwargs):
    """An application deleted (with its applicant's account, say) frees its seat and leaves the
    participants group, as withdrawing does."""
    if instance.status not in Application.HOLDS_SEAT:
        return
    now = timezone.now()
    with transaction.atomic():
        cohort = (
            Cohort.objects.select_for_update(of=("self",))
            .select_related("edition")
            .filter(pk=instance.cohort_id)
            .first()
        )
        if cohort is None:
            return
        _take_seats(cohort, -1)
        if instance.status == Status.ACCEPTED and cohort.participants_group_id:
            User.groups.through.objects.filter(
                group_id=cohort.participants_group_id, user_id=instance.applicant_id
            ).delete()
        _offer_freed_seat(cohort, now)


def _trainers_changed(sender, instance, action, pk_set, **kwargs):
    """Whoever is named an edition's trainer joins the Trainers group, which opens the admin's
    grading and coaching views to them; who trains no edition any more leaves it. The group gives
    no edition's records by itself: each view asks which editions its viewer trains."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    group = Group.objects.filter(name=TRAINERS_GROUP).first()
    if group is None:
        # The roles migration (coaching 0002) makes the group; only a database being restored
        # row by row lacks it for a moment, and then the memberships are restored with it.
        return
    if action == "post_add":
        group.user_set.add(*pk_set)
        return
    still_training = Cohort.trainers.through.objects.values("user_id")
    group.user_set.remove(*group.user_set.exclude(pk__in=still_training))


def connect():
    """Connect the receivers that keep groups, seats and the page cache in step (from
    CohortsConfig.ready)."""
    m2m_changed.connect(
        _trainers_changed, sender=Cohort.trainers.through, dispatch_uid="cohorts.trainers_changed"
    )
    post_save.connect(_cohort_saved, sender=Cohort, dispatch_uid="cohorts.cohort_saved")
    post_delete.connect(_cohort_deleted, sender=Cohort, dispatch_uid="cohorts.cohort_deleted")
    post_delete.connect(
        _application_deleted, sender=Application, dispatch_uid="cohorts.application_deleted"
    )
