"""Self-assessments on Wagtail's v3 API, for a bearer token only: under /api/v3/academy/me/, a
learner reads their own assessments and recommendations, nobody else's; under
/api/v3/academy/editions/<id>/skills/, staff read an edition's cohort aggregates.
"""

import datetime

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from wagtail.api.v3.api import api
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from ninja import Field, Query, Router, Schema

from assessments import cohort_profile
from assessments.models import Rating
from assessments.recommendations import recommend
from assessments.services import latest_levels
from courses.api import AcademyEditionRef, AcademyPageLink, AcademySkillRef, paginate
from courses.models import EditionPage

me_router = Router(tags=["academy"], auth=[BearerTokenAuth()])


class AcademyRecommendation(Schema):
    kind: str = Field(description="module, course or material.")
    id: int
    title: str
    url: str | None
    score: int = Field(
        description="The sum of the learner's gaps it covers (docs/recommendations.md)."
    )
    why: str
    skill: AcademySkillRef = Field(description="The skill of the largest gap it covers.")

    @staticmethod
    def resolve_skill(entry):
        return entry.gap.skill


class AcademyRecommendationList(Schema):
    count: int
    items: list[AcademyRecommendation]


@me_router.get(
    "/recommendations/",
    response={200: AcademyRecommendationList, 401: ProblemDetail},
    url_name="academy_my_recommendations",
    summary="The token's learner's recommendations, best first, for their latest self-assessment",
    operation_id="academy_my_recommendations",
)
def my_recommendations(request: HttpRequest):
    entries = recommend(latest_levels(request.user), request.user, request)
    return {"count": len(entries), "items": entries}


class AcademyRating(Schema):
    skill: AcademySkillRef
    level: int


class AcademyAssessment(Schema):
    id: int
    submitted_at: datetime.datetime
    ratings: list[AcademyRating] = Field(description="The skills rated, in the taxonomy's order.")

    @staticmethod
    def resolve_ratings(assessment):
        return assessment.ratings.all()


class AcademyAssessmentList(Schema):
    count: int
    items: list[AcademyAssessment]


@me_router.get(
    "/assessments/",
    response={200: AcademyAssessmentList, 401: ProblemDetail},
    url_name="academy_my_assessments",
    summary="The token's learner's self-assessments, newest first",
    operation_id="academy_my_assessments",
)
def my_assessments(request: HttpRequest, pagination: Query[WagtailLimitOffsetPagination.Input]):
    ratings = Rating.objects.select_related("skill__area").order_by(
        "skill__area__sort_order", "skill__sort_order", "skill__name"
    )
    assessments = request.user.self_assessments.prefetch_related(
        Prefetch("ratings", queryset=ratings)
    )
    return paginate(request, assessments.order_by("-submitted_at", "-pk"), pagination)


editions_router = Router(tags=["academy"], auth=[BearerTokenAuth()])


class AcademyLevelCount(Schema):
    level: int
    count: int


class AcademyAreaLevels(Schema):
    slug: str
    name: str
    levels: list[AcademyLevelCount] = Field(description="Ratings per level, level 1 first.")

    @staticmethod
    def resolve_slug(row):
        return row.area.slug

    @staticmethod
    def resolve_name(row):
        return row.area.name

    @staticmethod
    def resolve_levels(row):
        return row.cells


class AcademySkillNeed(Schema):
    skill: AcademySkillRef
    gap: int = Field(description="Sum over those who rated it of (5 − level) × importance.")
    rated_by: int
    average_level: float
    modules: list[AcademyPageLink] = Field(description="Live, public modules teaching it.")


class AcademyCohortSkills(Schema):
    edition: AcademyEditionRef
    participants: int
    assessed: int = Field(description="Participants whose latest self-assessment rates a skill.")
    areas: list[AcademyAreaLevels] = Field(description="The heatmap: skill areas × levels.")
    most_in_need: list[AcademySkillNeed]

    @staticmethod
    def resolve_areas(profile):
        return profile.heatmap


@editions_router.get(
    "/{edition_id}/skills/",
    response={200: AcademyCohortSkills, 401: ProblemDetail, 404: ProblemDetail},
    url_name="academy_edition_skills",
    summary="Staff only: an edition's cohort, its participants' latest self-assessments together",
    operation_id="academy_edition_skills",
)
def edition_skills(request: HttpRequest, edition_id: int):
    # Anyone but staff gets the answer of an edition that does not exist.
    if not cohort_profile.sees_every_cohort(request.user):
        raise Http404("No such edition.")
    edition = get_object_or_404(EditionPage, id=edition_id)
    return cohort_profile.profile_of(edition, request.user, individual=False)


def register():
    """Mount the routers on Wagtail's v3 API (called from AssessmentsConfig.ready)."""
    api.add_router("/academy/me/", me_router)
    api.add_router("/academy/editions/", editions_router)
