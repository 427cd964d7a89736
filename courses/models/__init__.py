from .materials import Material, MaterialLibraryPage
from .pages import CoursePage, EditionPage, ModulePage
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
    "CoursePage",
    "CourseSkill",
    "CourseTag",
    "EditionPage",
    "Material",
    "MaterialLibraryPage",
    "MaterialSkill",
    "MaterialTag",
    "ModulePage",
    "ModuleSkill",
    "ModuleTag",
    "Skill",
    "SkillArea",
]
