"""The academy's admin: materials and the skills taxonomy, grouped under one "Academy" menu."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import path

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.admin_views import (
    AddSkillsBulkAction,
    AddTagsBulkAction,
    MaterialFilterSet,
    MaterialIndexView,
    SkillDeleteView,
    SkillIndexView,
    SkillReorderView,
    import_materials,
)
from courses.models import CourseSkill, Material, MaterialSkill, ModuleSkill, Skill, SkillArea


def count_of(through, field="tag"):
    """How many rows of `through` point at the outer row: a subquery, so counts never multiply."""
    rows = (
        through.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def names(items):
    return ", ".join(str(item) for item in items)


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "doc-full"
    menu_label = "Materials"
    list_display = [
        "title",
        "kind",
        "edition",
        "language",
        Column("skills", label="Skills", accessor=lambda material: names(material.skills.all())),
        "date",
        "live",
    ]
    list_export = ["title", "kind", "edition", "language", "date", "live"]
    filterset_class = MaterialFilterSet
    index_view_class = MaterialIndexView
    ordering = ["-date", "title"]

    def get_queryset(self, request):
        return Material.objects.select_related("edition").prefetch_related("skills")


class SkillAreaViewSet(SnippetViewSet):
    model = SkillArea
    icon = "folder-open-inverse"
    menu_label = "Skill areas"
    list_display = [
        "name",
        Column("skill_list", label="Skills", accessor=lambda area: names(area.skills.all())),
        Column("skill_count", label="Number of skills"),
    ]
    sort_order_field = "sort_order"

    def get_queryset(self, request):
        return (
            SkillArea.objects.annotate(skill_count=count_of(Skill, "area"))
            .prefetch_related("skills")
            .order_by("sort_order", "name")
        )


class SkillViewSet(SnippetViewSet):
    """Skills listed under their area, with how much of the academy uses each one."""

    model = Skill
    icon = "tag"
    menu_label = "Skills"
    list_display = [
        "name",
        "area",
        Column("course_count", label="Courses"),
        Column("module_count", label="Modules"),
        Column("material_count", label="Materials"),
    ]
    list_filter = ["area"]
    sort_order_field = "sort_order"
    ordering = ["area__sort_order", "sort_order", "name"]
    index_view_class = SkillIndexView
    reorder_view_class = SkillReorderView
    delete_view_class = SkillDeleteView

    def get_queryset(self, request):
        return (
            Skill.objects.select_related("area")
            .annotate(
                course_count=count_of(CourseSkill),
                module_count=count_of(ModuleSkill),
                material_count=count_of(MaterialSkill),
            )
            .order_by("area__sort_order", "sort_order", "name")
        )


class AcademyViewSetGroup(SnippetViewSetGroup):
    menu_label = "Academy"
    menu_icon = "group"
    menu_order = 200
    items = (MaterialViewSet, SkillViewSet, SkillAreaViewSet)


register_snippet(AcademyViewSetGroup)

hooks.register("register_bulk_action", AddSkillsBulkAction)
hooks.register("register_bulk_action", AddTagsBulkAction)


@hooks.register("register_admin_urls")
def academy_admin_urls():
    return [path("academy/import/", import_materials, name="courses_import_materials")]
