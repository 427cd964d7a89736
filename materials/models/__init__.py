from .facet_counts import MaterialFacetCount, SkillFacetCount
from .library_page import MaterialLibraryPage
from .library_query import SORTS, InvalidFilters, MaterialQuery, Vocabulary
from .material import LANGUAGES, Material, MaterialSkill, MaterialTag

__all__ = [
    "LANGUAGES",
    "SORTS",
    "InvalidFilters",
    "Material",
    "MaterialFacetCount",
    "MaterialLibraryPage",
    "MaterialQuery",
    "MaterialSkill",
    "MaterialTag",
    "SkillFacetCount",
    "Vocabulary",
]
