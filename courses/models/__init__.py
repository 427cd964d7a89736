from .facets import MaterialFacetCount, SkillFacetCount
from .learning import Certificate, Enrolment, ModuleCompletion
from .materials import Material, MaterialLibraryPage
from .pages import AcademyPageMixin, CoursePage, EditionPage, ModulePage
from .skills import (
    CourseSkill,
    CourseTag,
    MaterialSkill,
    MaterialTag,
    ModuleSkill,
    ModuleTag,
    Skill,
    SkillArea,
)

__all__ = [
    "AcademyPageMixin",
    "Certificate",
    "CoursePage",
    "CourseSkill",
    "CourseTag",
    "EditionPage",
    "Enrolment",
    "Material",
    "MaterialFacetCount",
    "SkillFacetCount",
    "MaterialLibraryPage",
    "MaterialSkill",
    "MaterialTag",
    "ModuleCompletion",
    "ModulePage",
    "ModuleSkill",
    "ModuleTag",
    "Skill",
    "SkillArea",
]
