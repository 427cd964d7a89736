"""The skills taxonomy with counts of what carries each skill, read-only, under
/api/v3/academy/skills/."""

from django.http import HttpRequest

from wagtail.api.v3.api import api

from ninja import Router, Schema

from courses.api import PUBLIC_READ
from search.taxonomy import published_taxonomy

skills_router = Router(tags=["academy"], auth=PUBLIC_READ)


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


@skills_router.get(
    "/",
    response=list[AcademySkillArea],
    url_name="academy_skills",
    summary="The skills taxonomy with counts",
    description="Every skill area with its skills, and how many published courses, modules "
    "and materials carry each (materials only while the library is open to the request).",
    operation_id="academy_skills_list",
)
def list_skills(request: HttpRequest):
    return published_taxonomy(request)


def register():
    """Mount the skills router on Wagtail's v3 API (called from SearchConfig.ready)."""
    api.add_router("/academy/skills/", skills_router)
