"""Handing in work: who may, when, and what a new version records.

The edition's participants hand in its assignments; team work is handed in by a team of the
edition, and any member adds to the team's one submission. The first version may come after the
due date (it is marked late). After that a new version is taken until the due date, or later when
the trainer's feedback invites one; never once the work is reviewed.

Versions are numbered under a lock on the submission's row, so two tabs handing in at once get
versions 2 and 3, not the same number twice; two first hand-ins at once meet the database's "one
submission per learner (or team)" and the second becomes version 2 of the first's submission.
Every file goes through coaching.uploads.check first, and is stored under the extension its
content proved, in the private storage.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.utils import timezone

from coaching import uploads
from coaching.access import own_submissions, sees_every_edition
from coaching.models import (
    Assignment,
    RubricScore,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    Team,
)
from cohorts.models import participates, trains
from lms.core.audit import audit

MAX_FILES = 5
NOT_A_PARTICIPANT = "Only the edition's participants hand in its assignments."
NOT_IN_A_TEAM = (
    "This is team work, and you are not in a team of this edition yet: the academy's staff form "
    "the teams."
)


class SubmissionRefused(Exception):
    """The hand-in is not taken; the message tells the learner why, in one sentence."""


def may_see(user, assignment):
    """Whether `user` may open the assignment's page: the edition's trainers and staff, and its
    participants once the course or module it is set on is live (a draft's work is not theirs
    yet, as /learning/ agrees)."""
    if not user.is_authenticated:
        return False
    if user.is_staff or sees_every_edition(user) or trains(user, assignment.edition):
        return True
    return assignment.page.live and participates(user, assignment.edition)


def team_of(learner, edition):
    """The learner's team in the edition, or None."""
    return Team.objects.filter(edition=edition, members__learner=learner).first()


def why_closed(assignment, submission, now=None):
    """Why no new version of `submission` (None before the first) is taken now, or None."""
    if submission is None:
        return None
    if submission.status == Submission.Status.REVIEWED:
        return "This work is reviewed: no new version can be handed in."
    if submission.status == Submission.Status.RESUBMIT:
        return None
    if assignment.is_past_due(now):
        return (
            "The due date has passed: a new version can only be handed in if your trainer "
            "invites one."
        )
    return None


@dataclass(frozen=True)
class Desk:
    """What the assignment's page shows its viewer: their (or their team's) submission, and
    whether they may hand in now (`refusal` says why not)."""

    team: Team | None
    submission: Submission | None
    refusal: str | None
    participant: bool

    @property
    def open(self):
        return self.refusal is None


def desk(assignment, user, now=None):
    """The viewer's work on `assignment`, with every version, its files, its feedback and the
    feedback's rubric scores and criteria, in a fixed number of queries however many there are."""
    participant = participates(user, assignment.edition)
    team = team_of(user, assignment.edition) if assignment.is_team_work else None
    submission = None
    if user.is_authenticated:
        submission = (
            own_submissions(user)
            .filter(assignment=assignment)
            .filter(**({"team": team} if team else {"learner": user, "team": None}))
            .prefetch_related(
                Prefetch(
                    "versions",
                    queryset=SubmissionVersion.objects.select_related("author", "feedback__trainer")
                    .prefetch_related(
                        "files",
                        Prefetch(
                            "feedback__scores",
                            queryset=RubricScore.objects.select_related(
                                "criterion__skill"
                            ).order_by("criterion__sort_order", "criterion__pk"),
                        ),
                    )
                    .order_by("-number"),
                )
            )
            .first()
        )
    if submission is not None:
        for version in submission.versions.all():
            feedback = getattr(version, "feedback", None)
            for score in feedback.scores.all() if feedback else ():
                levels = score.criterion.levels
                score.description = levels[score.level - 1] if score.level <= len(levels) else ""
    if not participant:
        refusal = NOT_A_PARTICIPANT
    elif assignment.is_team_work and team is None:
        refusal = NOT_IN_A_TEAM
    else:
        refusal = why_closed(assignment, submission, now)
    return Desk(team=team, submission=submission, refusal=refusal, participant=participant)


def refusal_for_content(assignment, text, files):
    """Why the text and files do not fit what the assignment takes, or None."""
    accepts = assignment.accepts
    if accepts == Assignment.Accepts.TEXT and files:
        return "This assignment takes a text answer only, without files."
    if accepts == Assignment.Accepts.FILES and text:
        return "This assignment takes files only: attach your work as a file."
    if len(files) > MAX_FILES:
        return f"Attach at most {MAX_FILES} files to a version."
    if not text and not files:
        return {
            Assignment.Accepts.TEXT: "Write your answer before handing it in.",
            Assignment.Accepts.FILES: "Attach at least one file before handing in.",
        }.get(accepts, "Write your answer or attach a file before handing in.")
    return None


def hand_in(assignment, learner, text, files, now=None):
    """Hand in a new version of the learner's (or their team's) work on `assignment`: the new
    SubmissionVersion. Raises SubmissionRefused with the reason when it is not taken."""
    now = now or timezone.now()
    text = (text or "").strip()
    files = list(files or [])
    refusal = refusal_for_content(assignment, text, files)
    if refusal:
        raise SubmissionRefused(refusal)
    checked = []
    for uploaded in files:
        try:
            checked.append((uploaded, uploads.check(uploaded)))
        except ValidationError as error:
            raise SubmissionRefused(" ".join(error.messages)) from None
    if not participates(learner, assignment.edition):
        raise SubmissionRefused(NOT_A_PARTICIPANT)
    team = None
    if assignment.is_team_work:
        team = team_of(learner, assignment.edition)
        if team is None:
            raise SubmissionRefused(NOT_IN_A_TEAM)
    owner = {"team": team} if team else {"learner": learner}
    stored = []
    try:
        with transaction.atomic():
            submission = locked_submission(assignment, owner, now)
            version = add_version(assignment, submission, learner, text, checked, now, stored)
    except BaseException:
        storage_of_files = SubmissionFile._meta.get_field("file").storage
        for name in stored:
            storage_of_files.delete(name)
        raise
    audit(
        "coaching.hand_in",
        learner,
        assignment=assignment.pk,
        submission=submission.pk,
        version=version.number,
        late=version.late,
    )
    return version


def locked_submission(assignment, owner, now):
    """The owner's submission, its row locked until the transaction ends; created with the
    first version. A first hand-in racing another one finds the other's submission and
    becomes its next version, under the usual rules."""
    found = Submission.objects.select_for_update().filter(assignment=assignment, **owner).first()
    if found is not None:
        refusal = why_closed(assignment, found, now)
        if refusal:
            raise SubmissionRefused(refusal)
        return found
    try:
        with transaction.atomic():
            return Submission.objects.create(assignment=assignment, submitted_at=now, **owner)
    except IntegrityError:
        found = Submission.objects.select_for_update().filter(assignment=assignment, **owner).get()
        refusal = why_closed(assignment, found, now)
        if refusal:
            raise SubmissionRefused(refusal) from None
        return found


def add_version(assignment, submission, author, text, checked, now, stored):
    """The submission's next version with its files; `stored` collects the files' storage names,
    for the caller to remove should the transaction fail."""
    last = submission.versions.aggregate(last=Max("number"))["last"] or 0
    late = assignment.is_past_due(now)
    version = SubmissionVersion.objects.create(
        submission=submission,
        number=last + 1,
        text=text,
        author=author,
        submitted_at=now,
        late=late,
    )
    for uploaded, accepted in checked:
        record = SubmissionFile(
            version=version,
            name=accepted.name,
            content_type=accepted.content_type,
            size=accepted.size,
        )
        uploaded.seek(0)
        record.file.save(f"upload.{accepted.extension}", uploaded, save=False)
        stored.append(record.file.name)
        record.save()
    Submission.objects.filter(pk=submission.pk).update(
        version_count=version.number,
        submitted_at=now,
        late=late,
        status=Submission.Status.SUBMITTED,
    )
    submission.version_count = version.number
    submission.submitted_at = now
    submission.late = late
    submission.status = Submission.Status.SUBMITTED
    return version


@dataclass(frozen=True)
class PageWork:
    """An assignment of a course or module page as its viewer stands with it."""

    assignment: Assignment
    submission: Submission | None
    participant: bool
    past_due: bool


def page_work(user, page, now=None):
    """The assignments set on `page`, for its edition's participants (with their work on each),
    trainers and staff; nothing for anyone else. A fixed number of queries however many
    assignments and versions there are."""
    if not user.is_authenticated:
        return []
    assignments = list(Assignment.objects.filter(page=page).select_related("edition", "page"))
    if not assignments or not may_see(user, assignments[0]):
        return []
    participant = participates(user, assignments[0].edition)
    mine = {}
    if participant:
        found = (
            own_submissions(user)
            .filter(assignment__in=assignments)
            .with_latest_feedback()
        )
        mine = {submission.assignment_id: submission for submission in found}
    return [
        PageWork(
            assignment=assignment,
            submission=mine.get(assignment.pk),
            participant=participant,
            past_due=assignment.is_past_due(now),
        )
        for assignment in assignments
    ]
