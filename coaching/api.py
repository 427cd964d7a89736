"""A learner's coaching work on Wagtail's v3 API, for a bearer token only: under
/api/v3/academy/me/, the token's learner reads their own submissions and their team's (with every
version, file and feedback) and their action plans; nobody else's, whoever the token belongs to.
Someone else's submission answers as one that does not exist.

Files are never in the answer: each names its download URL, the same views the site serves them
through, as attachments, to those allowed to read them.
"""

import datetime

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from wagtail.api.v3.api import api
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from ninja import Field, Query, Router, Schema

from coaching.access import own_submissions
from coaching.models import (
    ActionPlan,
    Assignment,
    Feedback,
    PlanAction,
    RubricScore,
    Submission,
    SubmissionVersion,
)
from courses.api import AcademyEditionRef, AcademySkillRef, paginate

me_router = Router(tags=["academy"], auth=[BearerTokenAuth()])


def _name(user):
    """How a person is named to the learner; None once their account is deleted."""
    return (user.get_full_name() or user.get_short_name()) if user else None


def _absolute(request, name, pk):
    return request.build_absolute_uri(reverse(name, args=[pk]))


class AcademyAssignmentRef(Schema):
    id: int
    title: str
    due_at: datetime.datetime
    time_zone: str = Field(description="The zone the due date is shown in.")
    work: Assignment.Work
    edition: AcademyEditionRef
    url: str = Field(description="The assignment's page, with its brief and rubric.")

    @staticmethod
    def resolve_url(assignment, context):
        return _absolute(context["request"], "coaching:assignment", assignment.pk)


class AcademySubmissionFile(Schema):
    name: str
    content_type: str
    size: int
    download_url: str

    @staticmethod
    def resolve_download_url(file, context):
        return _absolute(context["request"], "coaching:submission_file", file.pk)


class AcademySubmissionVersion(Schema):
    number: int
    submitted_at: datetime.datetime
    late: bool
    text: str
    author: str | None = Field(description="Who handed it in; null once their account is gone.")
    files: list[AcademySubmissionFile]

    @staticmethod
    def resolve_author(version):
        return _name(version.author)

    @staticmethod
    def resolve_files(version):
        return version.files.all()


class AcademyRubricScore(Schema):
    criterion: str
    skill: AcademySkillRef
    level: int
    of: int = Field(description="How many levels the criterion has (3 to 5).")

    @staticmethod
    def resolve_criterion(score):
        return score.criterion.title

    @staticmethod
    def resolve_skill(score):
        return score.criterion.skill

    @staticmethod
    def resolve_of(score):
        return len(score.criterion.levels)


class AcademyFeedback(Schema):
    version: int = Field(description="The number of the version it is about.")
    trainer: str | None
    comments: str
    outcome: Feedback.Outcome
    created_at: datetime.datetime
    file_name: str | None
    file_url: str | None
    scores: list[AcademyRubricScore]

    @staticmethod
    def resolve_version(feedback):
        return feedback.version.number

    @staticmethod
    def resolve_trainer(feedback):
        return _name(feedback.trainer)

    @staticmethod
    def resolve_file_name(feedback):
        return feedback.file_name if feedback.file else None

    @staticmethod
    def resolve_file_url(feedback, context):
        if not feedback.file:
            return None
        return _absolute(context["request"], "coaching:feedback_file", feedback.pk)

    @staticmethod
    def resolve_scores(feedback):
        return feedback.scores.all()


class AcademySubmission(Schema):
    id: int
    assignment: AcademyAssignmentRef
    team: str | None = Field(description="The team's name, for team work.")
    status: Submission.Status
    status_label: str
    version_count: int
    submitted_at: datetime.datetime = Field(description="When the latest version came in.")
    late: bool = Field(description="Whether the latest version came in after the due date.")
    reviewed_at: datetime.datetime | None
    versions: list[AcademySubmissionVersion] = Field(description="Every version, first first.")
    feedback: list[AcademyFeedback] = Field(description="The trainers' feedback, oldest first.")

    @staticmethod
    def resolve_team(submission):
        return submission.team.name if submission.team else None

    @staticmethod
    def resolve_status_label(submission):
        return submission.get_status_display()

    @staticmethod
    def resolve_versions(submission):
        return submission.versions.all()

    @staticmethod
    def resolve_feedback(submission):
        return submission.feedback.all()


class AcademySubmissionList(Schema):
    count: int
    items: list[AcademySubmission]


def my_submissions(user):
    """The user's submissions and their teams', with everything the answer shows, in a fixed
    number of queries however many versions, files and scores."""
    scores = RubricScore.objects.select_related("criterion__skill__area").order_by(
        "criterion__sort_order", "pk"
    )
    feedback = Feedback.objects.select_related("version", "trainer").prefetch_related(
        Prefetch("scores", queryset=scores)
    )
    versions = SubmissionVersion.objects.select_related("author").prefetch_related("files")
    return (
        own_submissions(user)
        .select_related("assignment__edition", "team")
        .prefetch_related(
            Prefetch("versions", queryset=versions), Prefetch("feedback", queryset=feedback)
        )
    )


@me_router.get(
    "/submissions/",
    response={200: AcademySubmissionList, 401: ProblemDetail},
    url_name="academy_my_submissions",
    summary="The token's learner's submissions and their teams', with versions and feedback",
    operation_id="academy_my_submissions",
)
def list_submissions(request: HttpRequest, pagination: Query[WagtailLimitOffsetPagination.Input]):
    submissions = my_submissions(request.user).order_by("assignment__due_at", "pk")
    return paginate(request, submissions, pagination)


@me_router.get(
    "/submissions/{submission_id}/",
    response={200: AcademySubmission, 401: ProblemDetail, 404: ProblemDetail},
    url_name="academy_my_submission",
    summary="One of the token's learner's submissions or their team's",
    operation_id="academy_my_submission",
)
def submission_detail(request: HttpRequest, submission_id: int):
    # Anyone else's answers as a submission that does not exist.
    return get_object_or_404(my_submissions(request.user), pk=submission_id)


class AcademyPlanGoal(Schema):
    id: int
    title: str
    skill: AcademySkillRef | None


class AcademyPlanAction(Schema):
    id: int
    goal_id: int | None
    title: str
    owner: str
    due_on: datetime.date | None
    status: PlanAction.Status


class AcademyPlanKPI(Schema):
    name: str
    unit: str
    baseline: float | None
    target: float | None


class AcademyPlanComment(Schema):
    about: str = Field(description="The goal or action it is about, in words.")
    goal_id: int | None
    action_id: int | None
    author: str | None
    body: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_author(comment):
        return _name(comment.author)


class AcademyActionPlan(Schema):
    id: int
    edition: AcademyEditionRef
    notes: str
    version: int = Field(description="The number of the latest saved version.")
    updated_at: datetime.datetime
    shared_with_trainers: bool
    shared_at: datetime.datetime | None
    url: str = Field(description="The plan's page, where the learner edits it.")
    goals: list[AcademyPlanGoal]
    actions: list[AcademyPlanAction]
    kpis: list[AcademyPlanKPI]
    comments: list[AcademyPlanComment] = Field(description="Trainers' comments, oldest first.")

    @staticmethod
    def resolve_url(plan, context):
        return _absolute(context["request"], "coaching:plan", plan.edition_id)

    @staticmethod
    def resolve_goals(plan):
        return plan.goals.all()

    @staticmethod
    def resolve_actions(plan):
        return plan.actions.all()

    @staticmethod
    def resolve_kpis(plan):
        return plan.kpis.all()

    @staticmethod
    def resolve_comments(plan):
        return plan.comments.all()


class AcademyActionPlanList(Schema):
    count: int
    items: list[AcademyActionPlan]


@me_router.get(
    "/action-plans/",
    response={200: AcademyActionPlanList, 401: ProblemDetail},
    url_name="academy_my_action_plans",
    summary="The token's learner's action plans, one per edition, with trainers' comments",
    operation_id="academy_my_action_plans",
)
def list_action_plans(request: HttpRequest, pagination: Query[WagtailLimitOffsetPagination.Input]):
    plans = (
        ActionPlan.objects.filter(learner=request.user)
        .select_related("edition")
        .prefetch_related("goals__skill__area", "actions", "kpis", "comments__author")
        .order_by("edition__path", "pk")
    )
    return paginate(request, plans, pagination)


def register():
    """Mount the router on Wagtail's v3 API (called from CoachingConfig.ready)."""
    api.add_router("/academy/me/", me_router)
