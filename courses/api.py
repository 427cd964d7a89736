"""Published courses with their modules, read-only, under /api/v3/academy/courses/; the
moderation endpoints (courses/moderation.py) under /api/v3/academy/.

Only live, public pages ever appear; bearer tokens are accepted but never widen what is shown.
"""

from django.http import HttpRequest

from wagtail.api.v3.api import api
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Page

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from courses.models import CoursePage, EditionPage, ModulePage
from courses.moderation import moderation_router

MAX_OFFSET = 1_000_000_000
PUBLIC_READ = [BearerTokenAuth(), AllowAnonymous()]

courses_router = Router(tags=["academy"], auth=PUBLIC_READ)


class AcademySkillRef(Schema):
    slug: str
    name: str
    area: str = Field(description="Slug of the skill's area.")

    @staticmethod
    def resolve_area(skill):
        return skill.area.slug


class AcademyEditionRef(Schema):
    id: int
    number: int
    title: str
    slug: str


class AcademyPageLink(Schema):
    """A page named where something else is the subject: a session's modules, a skill's."""

    id: int
    title: str
    slug: str
    url: str | None

    @staticmethod
    def resolve_url(page, context):
        return page.get_url(context["request"])


class AcademyModule(Schema):
    id: int
    title: str
    slug: str
    url: str | None
    estimated_minutes: int
    skills: list[AcademySkillRef]

    @staticmethod
    def resolve_url(page, context):
        return page.get_url(context["request"])

    @staticmethod
    def resolve_skills(page):
        return list(page.skills.all())


class AcademyCourse(AcademyModule):
    summary: str
    level: str
    delivery: str
    estimated_hours: float | None
    estimated_minutes: int = Field(description="Sum of the course's published modules.")
    edition: AcademyEditionRef | None
    modules: list[AcademyModule]


class AcademyCourseList(Schema):
    count: int
    items: list[AcademyCourse]


def paginate(request, queryset, pagination):
    # Wagtail bounds limit but not offset, and databases reject an OFFSET beyond 64 bits.
    if pagination.offset > MAX_OFFSET:
        raise HttpError(400, f"offset cannot be higher than {MAX_OFFSET}")
    page = WagtailLimitOffsetPagination().paginate_queryset(queryset, pagination, request)
    page["items"] = list(page["items"])
    return page


def _with_skill_areas(queryset):
    return queryset.prefetch_related("skills__area")


@courses_router.get(
    "/",
    response=AcademyCourseList,
    url_name="academy_courses",
    summary="Published courses with their modules",
    operation_id="academy_courses_list",
)
def list_courses(request: HttpRequest, pagination: Query[WagtailLimitOffsetPagination.Input]):
    courses = _with_skill_areas(CoursePage.objects.live().public().order_by("path"))
    page = paginate(request, courses, pagination)
    courses = page["items"]
    editions = {e.path: e for e in EditionPage.objects.live().public()}
    modules_by_course = {}
    modules = ModulePage.objects.live().public().in_courses(courses).order_by("path")
    for module in _with_skill_areas(modules):
        modules_by_course.setdefault(module.path[: -Page.steplen], []).append(module)
    for course in courses:
        course.modules = modules_by_course.get(course.path, [])
        course.estimated_minutes = sum(m.estimated_minutes for m in course.modules)
        course.edition = editions.get(course.path[: -Page.steplen])
    return page


def register():
    """Mount the courses' routers on Wagtail's v3 API (called from CoursesConfig.ready)."""
    api.add_router("/academy/courses/", courses_router)
    api.add_router("/academy/", moderation_router)
