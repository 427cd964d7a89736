"""Published materials, read-only, under /api/v3/academy/materials/, and submitting a
material's draft for moderation.

Materials use the library's own query object (`MaterialQuery`), so the API lists, filters and
counts exactly what the library page shows. Only published materials ever appear (a bearer token
never shows drafts), and only while the library's view restrictions accept the request
(`MaterialLibraryPage.visible_materials`): a request without a token is anonymous, whatever its
session, so a library behind a login shows no material here; a token counts as its user.
"""

import datetime

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.datastructures import MultiValueDict

from wagtail.api.v3.api import api
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.permissions import policy_registry

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import PositiveInt

from courses.api import PUBLIC_READ, AcademyEditionRef, AcademySkillRef, paginate
from courses.moderation import SUBMIT_RESPONSES, submit_for_moderation
from lms.core.search_text import MAX_QUERY_LENGTH, MAX_QUERY_WORDS
from materials.models import (
    SORTS,
    InvalidFilters,
    Material,
    MaterialLibraryPage,
    MaterialQuery,
)

BAD_REQUEST = {400: ProblemDetail}

materials_router = Router(tags=["academy"], auth=PUBLIC_READ)


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
        return MaterialLibraryPage.material_url(material, context["request"])

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
    q: str = Field(
        "",
        description=f"Words to search for, at most {MAX_QUERY_LENGTH} characters; only the first "
        f"{MAX_QUERY_WORDS} words are searched.",
    )
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
        return MaterialQuery(data, MaterialLibraryPage.visible_materials(request))
    except InvalidFilters as error:
        raise HttpError(400, str(error)) from None


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
    page = paginate(request, query.results(), pagination)
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
    query = MaterialQuery(MultiValueDict(), MaterialLibraryPage.visible_materials(request))
    material = query.results().filter(slug=slug).first()
    if material is None:
        raise Http404("No such material.")
    return query.describe([material], tags=True)[0]


@materials_router.post(
    "/{material_id}/submit/",
    auth=BearerTokenAuth(),
    response=SUBMIT_RESPONSES,
    url_name="academy_material_submit",
    summary="Submit a material's latest draft for moderation",
    operation_id="academy_materials_submit",
)
def submit_material(request: HttpRequest, material_id: PositiveInt):
    material = get_object_or_404(Material, pk=material_id)
    can_edit = policy_registry.get(material).user_has_permission_for_instance(
        request.user, "change", material
    )
    lock = material.get_lock()
    return submit_for_moderation(
        material, request, can_edit, bool(lock and lock.for_user(request.user))
    )


def register():
    """Mount the materials router on Wagtail's v3 API (called from MaterialsConfig.ready)."""
    api.add_router("/academy/materials/", materials_router)
