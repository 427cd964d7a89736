"""The academy's teaching between sessions: assignments with their rubrics, the participants'
submissions (every version kept) and teams, trainers' feedback with rubric scores, and each
participant's strategic action plan with its versions and trainers' comments.

What must be unique or capped is enforced by the database: one submission per assignment and
learner (or team), one version number per submission, one feedback per version, one score per
criterion, levels within their range, one team per learner and edition, one action plan per
learner and edition, one plan version per number.

Uploaded files live in the "private" storage (settings.STORAGES): outside MEDIA_URL, served only
by coaching's own views to the people allowed to read them.
"""

import posixpath
import uuid
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from cohorts.models import DEFAULT_TIME_ZONE, validate_time_zone
from courses.models import CoursePage, EditionPage, ModulePage

RUBRIC_LEVELS = (3, 5)


def private_storage():
    return storages["private"]


def private_name(folder, filename):
    """Files are stored under a random name of their own: the uploader's name is kept in the
    database only, and never reaches the file system or a path another file could guess."""
    extension = posixpath.splitext(filename)[1].lower()
    return f"{folder}/{uuid.uuid4().hex}{extension}"


def submission_upload_to(instance, filename):
    return private_name("submissions", filename)


def feedback_upload_to(instance, filename):
    return private_name("feedback", filename)


def delete_stored_file(sender, instance, using, **kwargs):
    """post_delete of SubmissionFile and Feedback (connected in CoachingConfig.ready): the stored
    file goes with its row, whether the row is deleted alone or with the account, submission or
    version it belongs to; once the deletion is committed, so that a rolled-back one keeps it."""
    if instance.file.name:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(partial(storage.delete, name), using=using)


class Assignment(ClusterableModel):
    """Work set on a course or a module of an edition."""

    class Work(models.TextChoices):
        INDIVIDUAL = "individual", "Individual work"
        TEAM = "team", "Team work"

    class Accepts(models.TextChoices):
        TEXT = "text", "Text"
        FILES = "files", "Files"
        BOTH = "both", "Text and files"

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name="course or module",
    )
    # The page's edition, kept here so that every list by edition (trainers', reports) is a
    # plain filter; set from the page whenever the assignment is saved.
    edition = models.ForeignKey(
        EditionPage, on_delete=models.CASCADE, related_name="edition_assignments", editable=False
    )
    title = models.CharField(max_length=200)
    brief = RichTextField(features=["h3", "bold", "italic", "link", "ul", "ol"])
    due_at = models.DateTimeField("due")
    time_zone = models.CharField(
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text="The zone the due date is shown in, e.g. Europe/Brussels.",
    )
    work = models.CharField(max_length=20, choices=Work.choices, default=Work.INDIVIDUAL)
    accepts = models.CharField(
        "what may be submitted", max_length=10, choices=Accepts.choices, default=Accepts.BOTH
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_at", "pk"]
        indexes = [models.Index(fields=["edition", "due_at"])]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.page_id is None:
            return
        page = self.page.specific
        if not isinstance(page, CoursePage | ModulePage):
            raise ValidationError({"page": "Choose a course or a module."})
        edition = EditionPage.objects.ancestor_of(page).first()
        if edition is None:
            raise ValidationError({"page": "Choose a course or a module of an edition."})
        self.edition = edition

    def save(self, *args, **kwargs):
        if self.page_id is not None and (self.edition_id is None or self.page_changed()):
            self.edition = EditionPage.objects.ancestor_of(self.page).get()
        super().save(*args, **kwargs)

    def page_changed(self):
        stored = Assignment.objects.filter(pk=self.pk).values_list("page_id", flat=True).first()
        return stored != self.page_id

    @property
    def is_team_work(self):
        return self.work == self.Work.TEAM

    def is_past_due(self, now=None):
        return (now or timezone.now()) > self.due_at


class RubricCriterion(Orderable):
    """One criterion of an assignment's rubric: a skill assessed on three to five levels, each
    described. A score is the number of the level reached."""

    assignment = ParentalKey(Assignment, on_delete=models.CASCADE, related_name="criteria")
    skill = models.ForeignKey(
        "skills.Skill", on_delete=models.PROTECT, related_name="rubric_criteria"
    )
    title = models.CharField(max_length=200, help_text="What is assessed, in a few words.")
    level_1 = models.TextField("level 1", max_length=500)
    level_2 = models.TextField("level 2", max_length=500)
    level_3 = models.TextField("level 3", max_length=500)
    level_4 = models.TextField("level 4", max_length=500, blank=True)
    level_5 = models.TextField("level 5", max_length=500, blank=True)

    panels = [
        FieldPanel("skill"),
        FieldPanel("title"),
        FieldPanel("level_1"),
        FieldPanel("level_2"),
        FieldPanel("level_3"),
        FieldPanel("level_4", help_text="Optional."),
        FieldPanel("level_5", help_text="Optional; only with a level 4."),
    ]

    class Meta(Orderable.Meta):
        verbose_name_plural = "rubric criteria"
        constraints = [
            models.CheckConstraint(
                condition=Q(level_5="") | ~Q(level_4=""),
                name="rubric_level_5_needs_level_4",
                violation_error_message="Describe level 4 before level 5.",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def levels(self):
        """The described levels, in order: three to five of them."""
        return [
            text
            for text in (self.level_1, self.level_2, self.level_3, self.level_4, self.level_5)
            if text
        ]


class Team(ClusterableModel):
    """A team of an edition's participants, formed by staff, who hand in team work together."""

    edition = models.ForeignKey(EditionPage, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "name"],
                name="one_team_name_per_edition",
                violation_error_message="This edition already has a team of that name.",
            ),
        ]

    def __str__(self):
        return self.name


class TeamMember(models.Model):
    team = ParentalKey(Team, on_delete=models.CASCADE, related_name="members")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    # The team's edition, copied so that the database can hold a learner to one team per edition.
    edition = models.ForeignKey(EditionPage, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "learner"],
                name="one_team_per_learner_and_edition",
                violation_error_message="This participant is already in a team of the edition.",
            ),
        ]

    def __str__(self):
        return f"{self.learner} in {self.team}"

    def save(self, *args, **kwargs):
        self.edition_id = self.team.edition_id
        super().save(*args, **kwargs)


class SubmissionQuerySet(models.QuerySet):
    def with_latest_feedback(self, extract_chars=240):
        """Each submission with the start of its latest feedback's comments (`feedback_extract`)
        and that feedback's date (`feedback_at`), None before any: what lists of work show."""
        latest = Feedback.objects.filter(submission=OuterRef("pk")).order_by("-created_at", "-pk")
        return self.annotate(
            feedback_extract=Subquery(
                latest.annotate(extract=Substr("comments", 1, extract_chars)).values("extract")[:1]
            ),
            feedback_at=Subquery(latest.values("created_at")[:1]),
        )


class Submission(models.Model):
    """A learner's (or a team's) work on an assignment. Its content is in its versions."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "To review"
        RESUBMIT = "resubmit", "Feedback given, a new version invited"
        REVIEWED = "reviewed", "Reviewed"

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="submissions")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="submissions"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    # The latest version's number, time and lateness, kept here for the lists that show them.
    version_count = models.PositiveIntegerField(default=0)
    submitted_at = models.DateTimeField(default=timezone.now)
    late = models.BooleanField(default=False)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        permissions = [("review_submission", "Can give feedback on their editions' submissions")]
        constraints = [
            models.CheckConstraint(
                condition=Q(learner__isnull=True, team__isnull=False)
                | Q(learner__isnull=False, team__isnull=True),
                name="submission_by_learner_or_team",
            ),
            models.UniqueConstraint(
                fields=["assignment", "learner"],
                condition=Q(learner__isnull=False),
                name="one_submission_per_learner",
                violation_error_message="You have already handed in this assignment.",
            ),
            models.UniqueConstraint(
                fields=["assignment", "team"],
                condition=Q(team__isnull=False),
                name="one_submission_per_team",
                violation_error_message="Your team has already handed in this assignment.",
            ),
        ]
        indexes = [models.Index(fields=["assignment", "status"])]

    def __str__(self):
        return f"{self.assignment} by {self.team or self.learner}"


class SubmissionVersion(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True, max_length=20000)
    # Kept when a team member deletes their account: the version stays, without their name.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission_versions",
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    late = models.BooleanField(default=False)

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="one_submission_version_per_number"
            ),
        ]

    def __str__(self):
        return f"Version {self.number} of {self.submission}"


class SubmissionFile(models.Model):
    version = models.ForeignKey(SubmissionVersion, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(storage=private_storage, upload_to=submission_upload_to)
    name = models.CharField("file name", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()

    def __str__(self):
        return self.name


class Feedback(models.Model):
    """A trainer's feedback on one version of a submission."""

    class Outcome(models.TextChoices):
        REVIEWED = "reviewed", "Reviewed: the work is done"
        RESUBMIT = "resubmit", "Invite a new version"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="feedback")
    version = models.OneToOneField(
        SubmissionVersion, on_delete=models.CASCADE, related_name="feedback"
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_given",
    )
    comments = models.TextField(max_length=10000)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.REVIEWED)
    file = models.FileField(
        storage=private_storage, upload_to=feedback_upload_to, blank=True, max_length=255
    )
    file_name = models.CharField(max_length=255, blank=True)
    file_content_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "feedback"

    def __str__(self):
        return f"Feedback on {self.version}"


class RubricScore(models.Model):
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(RubricCriterion, on_delete=models.CASCADE, related_name="scores")
    level = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["feedback", "criterion"], name="one_score_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=RUBRIC_LEVELS[1]),
                name="rubric_score_level_in_range",
                violation_error_message="A level is 1 to 5.",
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.level}"


class ActionPlan(models.Model):
    """A participant's strategic action plan for their cluster, one per edition.

    `version` is the number of the latest saved version; a save names the version it started from
    and is refused if another save came first (coaching.plans), so two tabs never overwrite each
    other silently.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="action_plans"
    )
    edition = models.ForeignKey(EditionPage, on_delete=models.CASCADE, related_name="action_plans")
    notes = models.TextField(blank=True, max_length=10000)
    shared_with_trainers = models.BooleanField(default=False)
    shared_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "edition"], name="one_action_plan_per_edition"
            ),
        ]

    def __str__(self):
        return f"Action plan of {self.learner} for {self.edition}"


class PlanGoal(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(max_length=200)
    skill = models.ForeignKey(
        "skills.Skill", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title


class PlanAction(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(
        PlanGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    title = models.CharField(max_length=200)
    owner = models.CharField(max_length=120, blank=True)
    due_on = models.DateField("due", null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title


class PlanKPI(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="kpis")
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=40, blank=True)
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "KPI"

    def __str__(self):
        return self.name


class PlanVersion(models.Model):
    """The whole plan as one save left it (coaching.plans.snapshot), to compare two versions."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_plan_version_per_number"),
        ]

    def __str__(self):
        return f"Version {self.number} of {self.plan}"


class PlanComment(models.Model):
    """A trainer's comment on a goal or an action of a shared plan. `about` keeps what it was
    about in words, should the goal or action later be removed."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="comments")
    goal = models.ForeignKey(
        PlanGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    action = models.ForeignKey(
        PlanAction, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    about = models.CharField(max_length=220)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(goal__isnull=True) | Q(action__isnull=True),
                name="plan_comment_on_goal_or_action",
            ),
        ]

    def __str__(self):
        return f"Comment on {self.about}"
