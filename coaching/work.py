"""What a learner sees of their own work outside the assignment pages: at /learning/, the
assignments of the editions they take part in (to hand in, waiting for feedback, with feedback)
and a way to their action plan per edition; on "My skills", the latest rubric score trainers gave
them on each skill.

Each read is a fixed number of queries however many assignments, submissions and scores there
are, so that My learning stays as fast for a long edition as for a short one.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from coaching.access import own_submissions, participant_editions
from coaching.models import ActionPlan, Assignment, RubricScore, Submission
from courses.models import EditionPage


@dataclass(frozen=True)
class WorkItem:
    """An assignment as the learner stands with it: `submission` is theirs or their team's."""

    assignment: Assignment
    submission: Submission | None
    now: datetime

    @property
    def overdue(self):
        """Not handed in, and the due date has passed: handing in now is marked late."""
        return self.submission is None and self.assignment.is_past_due(self.now)

    @property
    def feedback_extract(self):
        return getattr(self.submission, "feedback_extract", "") or ""

    @property
    def feedback_at(self):
        return getattr(self.submission, "feedback_at", None)


@dataclass(frozen=True)
class PlanLink:
    """An edition the learner takes part in, and their action plan for it if they started one."""

    edition: EditionPage
    plan: ActionPlan | None


@dataclass(frozen=True)
class LearnerWork:
    to_hand_in: list  # WorkItems without a submission, soonest due first
    waiting: list  # WorkItems handed in, waiting for feedback
    with_feedback: list  # WorkItems reviewed, or with feedback inviting a new version
    plans: list  # PlanLinks, one per edition taken part in

    def __bool__(self):
        return bool(self.plans or self.to_hand_in or self.waiting or self.with_feedback)


def learner_work(learner, now=None):
    """The learner's work across the live editions they take part in; four queries.

    Assignments on a page that is not live are left out, as the page itself is: a draft's
    title never shows before its editors publish it.
    """
    now = now or timezone.now()
    editions = list(
        EditionPage.objects.live().filter(pk__in=participant_editions(learner)).order_by("path")
    )
    if not editions:
        return LearnerWork([], [], [], [])
    assignments = list(
        Assignment.objects.filter(edition__in=editions, page__live=True)
        .select_related("edition")
        .order_by("due_at", "pk")
    )
    submissions = {
        submission.assignment_id: submission
        for submission in own_submissions(learner)
        .filter(assignment__in=assignments)
        .with_latest_feedback()
    }
    plans = {plan.edition_id: plan for plan in ActionPlan.objects.filter(learner=learner)}
    to_hand_in, waiting, with_feedback = [], [], []
    for assignment in assignments:
        item = WorkItem(assignment, submissions.get(assignment.pk), now)
        if item.submission is None:
            to_hand_in.append(item)
        elif item.submission.status == Submission.Status.SUBMITTED:
            waiting.append(item)
        else:
            with_feedback.append(item)
    with_feedback.sort(key=lambda item: item.feedback_at or item.submission.submitted_at)
    return LearnerWork(
        to_hand_in,
        waiting,
        with_feedback[::-1],
        [PlanLink(edition, plans.get(edition.pk)) for edition in editions],
    )


@dataclass(frozen=True)
class SkillScore:
    """The latest level trainers scored a skill at, on which assignment and when."""

    score: RubricScore

    @property
    def skill(self):
        return self.score.criterion.skill

    @property
    def level(self):
        return self.score.level

    @property
    def of(self):
        return len(self.score.criterion.levels)

    @property
    def assignment(self):
        return self.score.criterion.assignment

    @property
    def scored_at(self):
        return self.score.feedback.created_at


def latest_rubric_scores(learner):
    """Per skill, the latest rubric score from feedback on the learner's own or team work, in
    the taxonomy's order; one query.

    Every score is read, newest first, and the first per skill kept: a learner's scores are a
    few per assignment, and this way the query is the same on every database.
    """
    scores = (
        RubricScore.objects.filter(feedback__submission__in=own_submissions(learner))
        .select_related("criterion__skill__area", "criterion__assignment", "feedback")
        .order_by("-feedback__created_at", "-feedback_id", "-pk")
    )
    latest = {}
    for score in scores:
        latest.setdefault(score.criterion.skill_id, SkillScore(score))
    return sorted(
        latest.values(),
        key=lambda item: (
            item.skill.area.sort_order,
            item.skill.area.name,
            item.skill.sort_order,
            item.skill.name,
        ),
    )
