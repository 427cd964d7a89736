"""The skills taxonomy as the public sees it: each area and skill with how many published
courses, modules and materials carry it."""

from courses.models import CoursePage, ModulePage
from materials.models import MaterialLibraryPage
from skills.models import Skill, SkillArea


def published_taxonomy(request):
    """Areas in order, each with its skills as `skill_list`, all with `course_count`,
    `module_count` and `material_count` of published, public items; an area counts an item once
    even when several of its skills tag it. Materials count only where the request may see them
    (the library's view restrictions): a count would otherwise tell what a closed library holds.
    Two queries whatever the size of the academy, besides the library's check."""
    published = {
        "course": CoursePage.objects.live().public(),
        "module": ModulePage.objects.live().public(),
        "material": MaterialLibraryPage.visible_materials(request),
    }
    skills = list(Skill.objects.with_usage(**published))
    areas = list(SkillArea.objects.with_usage(**published))
    for area in areas:
        area.skill_list = [skill for skill in skills if skill.area_id == area.pk]
    return areas
