"""A trainer's feedback on a version of a submission: comments, a score on every criterion of the
assignment's rubric, perhaps a file, and whether a new version is invited.

Feedback is on what the trainer read: a version that another one has overtaken since they opened
it, or that already has feedback, is refused with a `FeedbackRefused` that says so. The feedback,
its scores, the submission's new state and the emails to the learners are stored together under a
lock on the submission, or not at all (the emails are tasks in the same database, lms.core.mail).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from coaching import uploads
from coaching.models import Feedback, RubricScore, Submission
from coaching.signals import feedback_given
from lms.accounts.models import User
from lms.core.mail import send_templated_email

# The submission's state once its latest version has feedback with this outcome.
STATUS_AFTER = {
    Feedback.Outcome.REVIEWED: Submission.Status.REVIEWED,
    Feedback.Outcome.RESUBMIT: Submission.Status.RESUBMIT,
}


class FeedbackRefused(Exception):
    """Feedback not stored, and why, in words for the trainer."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def give_feedback(
    submission,
    version,
    trainer,
    comments,
    scores,
    file=None,
    outcome=Feedback.Outcome.REVIEWED,
):
    """Store `trainer`'s feedback on `version` of `submission`, with `scores` mapping each of the
    assignment's RubricCriterion to the level reached, and tell the learners by email.

    Whether `trainer` may review the submission is the caller's question (coaching.access)."""
    comments = (comments or "").strip()
    if not comments:
        raise FeedbackRefused("Write your comments: they are what the participant reads first.")
    if outcome not in STATUS_AFTER:
        raise FeedbackRefused("Choose whether the work is reviewed or a new version is invited.")
    accepted = None
    if file is not None:
        try:
            accepted = uploads.check(file)
        except ValidationError as error:
            raise FeedbackRefused(" ".join(error.messages)) from None

    with transaction.atomic():
        submission = (
            # Only the submission's row is locked: its learner or team is an outer join.
            Submission.objects.select_for_update(of=("self",))
            .select_related("assignment", "learner", "team")
            .get(pk=submission.pk)
        )
        refuse_stale(submission, version)
        criteria = list(submission.assignment.criteria.select_related("skill"))
        levels = checked_scores(criteria, scores)
        feedback = Feedback(
            submission=submission,
            version=version,
            trainer=trainer,
            comments=comments,
            outcome=outcome,
        )
        if accepted is not None:
            feedback.file_name = accepted.name
            feedback.file_content_type = accepted.content_type
            feedback.file.save(f"feedback.{accepted.extension}", file, save=False)
        try:
            store(feedback, levels, submission, outcome)
            learners = learners_of(submission)
            for learner in learners:
                notify(learner, submission, feedback)
            feedback_given.send(
                sender=Feedback,
                feedback=feedback,
                learners=learners,
                criteria=criteria,
                levels=levels,
            )
        except BaseException:
            # The rows go with the transaction; the file would stay behind, unreachable.
            if feedback.file:
                feedback.file.delete(save=False)
            raise
    return feedback


def refuse_stale(submission, version):
    if version.submission_id != submission.pk:
        raise FeedbackRefused("This version belongs to another submission.")
    if version.number != submission.version_count:
        raise FeedbackRefused(
            f"Version {submission.version_count} was handed in after you opened version "
            f"{version.number}: read it, then give your feedback on it."
        )
    if Feedback.objects.filter(version=version).exists():
        raise FeedbackRefused(
            f"Version {version.number} already has feedback: nothing was changed."
        )


def checked_scores(criteria, scores):
    """The level of each criterion, by criterion id, when every criterion of the rubric (and
    nothing else) is scored within its own levels."""
    scores = {criterion.pk: level for criterion, level in (scores or {}).items()}
    known = {criterion.pk for criterion in criteria}
    if set(scores) - known:
        raise FeedbackRefused("A score is for a criterion this assignment's rubric does not have.")
    levels = {}
    for criterion in criteria:
        level = scores.get(criterion.pk)
        if level is None:
            raise FeedbackRefused(f"Score “{criterion.title}”: every criterion needs a level.")
        top = len(criterion.levels)
        if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= top:
            raise FeedbackRefused(f"“{criterion.title}” is scored from 1 to {top}.")
        levels[criterion.pk] = level
    return levels


def store(feedback, levels, submission, outcome):
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError:
        # One feedback per version is the database's rule too (Feedback.version).
        raise FeedbackRefused(
            f"Version {feedback.version.number} already has feedback: nothing was changed."
        ) from None
    RubricScore.objects.bulk_create(
        RubricScore(feedback=feedback, criterion_id=criterion_id, level=level)
        for criterion_id, level in levels.items()
    )
    submission.status = STATUS_AFTER[outcome]
    submission.reviewed_at = feedback.created_at
    submission.save(update_fields=["status", "reviewed_at"])


def learners_of(submission):
    """Whom the work belongs to today: the learner, or every current member of the team."""
    if submission.team_id is None:
        return [submission.learner] if submission.learner.is_active else []
    return list(
        User.objects.filter(team_memberships__team=submission.team_id, is_active=True).order_by(
            "pk"
        )
    )


def notify(learner, submission, feedback):
    assignment = submission.assignment
    send_templated_email(
        "coaching/emails/feedback_given",
        learner,
        {
            "assignment": assignment,
            "submission": submission,
            "feedback": feedback,
            "invites_new_version": feedback.outcome == Feedback.Outcome.RESUBMIT,
            "assignment_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("coaching:assignment", args=[assignment.pk]),
        },
    )
