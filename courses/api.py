"""Read-only academy endpoints added to Wagtail's v3 API under /api/v3/academy/.

Materials use the library's own query object (`courses.library.MaterialQuery`), so the API lists,
filters and counts exactly what the library page shows. Only published materials and live, public
pages ever appear; bearer tokens are accepted but never widen what is shown.
"""

import datetime
from functools import reduce
from operator import or_

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.datastructures import MultiValueDict

from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Page

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from courses.library import (
    MAX_QUERY_LENGTH,
    SORTS,
    InvalidFilters,
    MaterialQuery,
    skill_taxonomy,
)
from courses.models import CoursePage, EditionPage, ModulePage

MAX_OFFSET = 1_000_000_000
PUBLIC_READ = [BearerTokenAuth(), AllowAnonymous()]
BAD_REQUEST = {400: ProblemDetail}

materials_router = Router(tags=["academy"], auth=PUBLIC_READ)
skills_router = Router(tags=["academy"], auth=PUBLIC_READ)
courses_router = Router(tags=["academy"], auth=PUBLIC_READ)


# Schemas


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


class AcademyMaterial(Schema):
    id: int
    slug: str
    title: str
    kind: str
    kind_label: str
    description: str
    language: str
    date: datetime.date
    url: str | None = Field(description="The material's page in the library.")
    file_url: str | None = Field(description="Download link of the material's file, if any.")
    external_url: str
    edition: AcademyEditionRef | None
    skills: list[AcademySkillRef]
    tags: list[str]

    @staticmethod
    def resolve_url(material, context):
        return material.get_url(context["request"])

    @staticmethod
    def resolve_file_url(material):
        return material.document.url if material.document else None

    @staticmethod
    def resolve_skills(material):
        return material.skill_list

    @staticmethod
    def resolve_tags(material):
        return material.tag_names


class AcademyMaterialList(Schema):
    count: int
    items: list[AcademyMaterial]


class AcademyFacetValue(Schema):
    value: str
    label: str
    count: int = Field(description="Materials this value would show with the other filters.")
    selected: bool
    children: list["AcademyFacetValue"] = Field(
        default_factory=list, description="For a skill area: its skills."
    )


class AcademyFacet(Schema):
    name: str = Field(description="The query parameter that filters by this facet.")
    label: str
    values: list[AcademyFacetValue]


class AcademyFacets(Schema):
    count: int = Field(description="Materials matching every active filter.")
    facets: list[AcademyFacet]


class AcademyMaterialFilters(Schema):
    q: str = Field("", description=f"Words to search for, at most {MAX_QUERY_LENGTH} characters.")
    skill: list[str] = Field(
        default_factory=list,
        description="Skill or skill-area slug; an area includes its skills. Repeat for OR.",
    )
    tag: list[str] = Field(default_factory=list, description="Free tag slug. Repeat for OR.")
    edition: list[str] = Field(default_factory=list, description="Edition slug. Repeat for OR.")
    kind: list[str] = Field(
        default_factory=list, description="Material kind, e.g. slides. Repeat for OR."
    )
    language: list[str] = Field(
        default_factory=list, description="Language code, e.g. en. Repeat for OR."
    )
    sort: str = Field(
        "",
        description="One of: "
        + ", ".join(value for value, _ in SORTS)
        + ". Default: relevance with q, else newest.",
    )


class AcademySkillCounts(Schema):
    slug: str
    name: str
    description: str
    url: str
    course_count: int
    module_count: int
    material_count: int

    @staticmethod
    def resolve_url(item):
        return item.get_absolute_url()


class AcademySkillArea(AcademySkillCounts):
    skills: list[AcademySkillCounts]

    @staticmethod
    def resolve_skills(area):
        return area.skill_list


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


# Helpers


def _material_query(request, filters):
    """The library query for the API's filters; a 400 says which parameter is wrong."""
    data = MultiValueDict(
        {
            name: value if isinstance(value, list) else [value]
            for name, value in filters.dict().items()
        }
    )
    try:
        return MaterialQuery(data)
    except InvalidFilters as error:
        raise HttpError(400, str(error)) from None


def _paginate(request, queryset, pagination):
    # Wagtail bounds limit but not offset, and databases reject an OFFSET beyond 64 bits.
    if pagination.offset > MAX_OFFSET:
        raise HttpError(400, f"offset cannot be higher than {MAX_OFFSET}")
    page = WagtailLimitOffsetPagination().paginate_queryset(queryset, pagination, request)
    page["items"] = list(page["items"])
    return page


def _with_skill_areas(queryset):
    return queryset.prefetch_related("skills__area")


# Materials


@materials_router.get(
    "/",
    response={200: AcademyMaterialList, **BAD_REQUEST},
    url_name="academy_materials",
    summary="List published materials",
    description="Filter by skill, tag, edition, kind and language (AND between parameters, "
    "OR within a repeated parameter), search with q, sort, and page with limit/offset.",
    operation_id="academy_materials_list",
)
def list_materials(
    request: HttpRequest,
    filters: Query[AcademyMaterialFilters],
    pagination: Query[WagtailLimitOffsetPagination.Input],
):
    query = _material_query(request, filters)
    page = _paginate(request, query.results(), pagination)
    page["items"] = query.describe(page["items"], tags=True)
    return page


@materials_router.get(
    "/facets/",
    response={200: AcademyFacets, **BAD_REQUEST},
    url_name="academy_material_facets",
    summary="Facet counts for the materials list",
    description="Takes the same filters as the list. Each value's count reflects the other "
    "active filters, as in the library.",
    operation_id="academy_materials_facets",
)
def material_facets(request: HttpRequest, filters: Query[AcademyMaterialFilters]):
    query = _material_query(request, filters)
    return {"count": query.matching().count(), "facets": query.facets()}


@materials_router.get(
    "/{slug}/",
    response={200: AcademyMaterial, 404: ProblemDetail},
    url_name="academy_material_detail",
    summary="One published material",
    operation_id="academy_materials_detail",
)
def material_detail(request: HttpRequest, slug: str):
    query = MaterialQuery(MultiValueDict())
    material = query.results().filter(slug=slug).first()
    if material is None:
        raise Http404("No such material.")
    return query.describe([material], tags=True)[0]


# Skills


@skills_router.get(
    "/",
    response=list[AcademySkillArea],
    url_name="academy_skills",
    summary="The skills taxonomy with counts",
    description="Every skill area with its skills, and how many published courses, modules "
    "and materials carry each.",
    operation_id="academy_skills_list",
)
def list_skills(request: HttpRequest):
    return skill_taxonomy()


# Courses


@courses_router.get(
    "/",
    response=AcademyCourseList,
    url_name="academy_courses",
    summary="Published courses with their modules",
    operation_id="academy_courses_list",
)
def list_courses(request: HttpRequest, pagination: Query[WagtailLimitOffsetPagination.Input]):
    courses = _with_skill_areas(CoursePage.objects.live().public().order_by("path"))
    page = _paginate(request, courses, pagination)
    courses = page["items"]
    editions = {e.path: e for e in EditionPage.objects.live().public()}
    modules_by_course = {}
    if courses:
        within = reduce(or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses))
        modules = _with_skill_areas(
            ModulePage.objects.live().public().filter(within).order_by("path")
        )
        for module in modules:
            modules_by_course.setdefault(module.path[: -Page.steplen], []).append(module)
    for course in courses:
        course.modules = modules_by_course.get(course.path, [])
        course.estimated_minutes = sum(m.estimated_minutes for m in course.modules)
        course.edition = editions.get(course.path[: -Page.steplen])
    return page


def register():
    """Mount the academy routers on Wagtail's v3 API (called from CoursesConfig.ready)."""
    from wagtail.api.v3.api import api

    from courses.moderation import moderation_router

    api.add_router("/academy/materials/", materials_router)
    api.add_router("/academy/skills/", skills_router)
    api.add_router("/academy/courses/", courses_router)
    api.add_router("/academy/", moderation_router)
