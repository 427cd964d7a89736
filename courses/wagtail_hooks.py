"""The academy's admin: materials and the skills taxonomy, grouped under one "Academy" menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.models import Material, Skill, SkillArea


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "doc-full"
    menu_label = "Materials"
    list_display = ["title", "kind", "edition", "language", "date", "live"]
    list_filter = ["kind", "language", "edition", "live"]
    search_fields = ["title", "description"]
    ordering = ["-date", "title"]


class SkillAreaViewSet(SnippetViewSet):
    model = SkillArea
    icon = "folder-open-inverse"
    menu_label = "Skill areas"
    list_display = ["name", "slug", "sort_order"]
    sort_order_field = "sort_order"


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "tag"
    menu_label = "Skills"
    list_display = ["name", "area", "slug"]
    list_filter = ["area"]
    search_fields = ["name", "description"]
    ordering = ["area__sort_order", "sort_order", "name"]


class AcademyViewSetGroup(SnippetViewSetGroup):
    menu_label = "Academy"
    menu_icon = "group"
    menu_order = 200
    items = (MaterialViewSet, SkillViewSet, SkillAreaViewSet)


register_snippet(AcademyViewSetGroup)
