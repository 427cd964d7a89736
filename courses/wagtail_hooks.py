"""The academy's admin: materials and the skills taxonomy, grouped under one "Academy" menu."""

from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.models import Page
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
from courses.models import (
    CourseSkill,
    Enrolment,
    Material,
    MaterialSkill,
    ModuleCompletion,
    ModuleSkill,
    Skill,
    SkillArea,
)
from courses.moderation import PublishPageWithSkillsAction
from courses.reports import (
    ContentGapsReport,
    CourseLearnersReport,
    CourseProgressReport,
    SkillsCoverageReport,
    content_gap_counts,
    count_of,
)


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


@hooks.register("register_actions")
def register_publish_with_skills(registry):
    # The v3 API's publish endpoint looks its action up for Page, whatever the page's type.
    registry.register(Page, PublishPageWithSkillsAction)


hooks.register("register_bulk_action", AddSkillsBulkAction)
hooks.register("register_bulk_action", AddTagsBulkAction)


REPORTS = [
    ("progress", "progress/", CourseProgressReport),
    ("course_learners", "progress/<int:pk>/", CourseLearnersReport),
    ("skills", "skills-coverage/", SkillsCoverageReport),
    ("gaps", "content-gaps/", ContentGapsReport),
]


def report_urls():
    for name, route, view in REPORTS:
        yield path(route, view.as_view(), name=name)
        yield path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results")


@hooks.register("register_admin_urls")
def academy_admin_urls():
    return [
        path("academy/import/", import_materials, name="courses_import_materials"),
        path("academy/reports/", include((list(report_urls()), "courses_reports"))),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def course_progress_menu_item():
    return PermissionMenuItem(
        "Course progress",
        reverse("courses_reports:progress"),
        icon_name="tasks",
        order=900,
        permission="courses.view_enrolment",
    )


@hooks.register("register_reports_menu_item")
def skills_coverage_menu_item():
    return PermissionMenuItem(
        "Skills coverage",
        reverse("courses_reports:skills"),
        icon_name="tag",
        order=910,
        permission="courses.view_skill",
    )


@hooks.register("register_reports_menu_item")
def content_gaps_menu_item():
    return PermissionMenuItem(
        "Content gaps",
        reverse("courses_reports:gaps"),
        icon_name="warning",
        order=920,
        permission="courses.view_skill",
    )


class AcademyPanel(Component):
    """The dashboard's academy summary: recent learner activity and what content is missing."""

    name = "academy"
    order = 110
    template_name = "courses/admin/academy_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = {"gaps": None, "enrolments": None, "completions": None}
        if self.user.has_perm("courses.view_skill"):
            context["gaps"] = content_gap_counts()
            context["gaps_url"] = reverse("courses_reports:gaps")
        if self.user.has_perm("courses.view_enrolment"):
            context["enrolments"] = Enrolment.objects.select_related("learner", "course")[:5]
            context["completions"] = ModuleCompletion.objects.select_related(
                "learner", "module"
            ).order_by("-completed_at")[:5]
            context["progress_url"] = reverse("courses_reports:progress")
        return context


@hooks.register("construct_homepage_panels")
def add_academy_panel(request, panels):
    if request.user.has_perm("courses.view_skill"):
        panels.append(AcademyPanel(request.user))
