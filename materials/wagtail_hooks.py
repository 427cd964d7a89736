"""The academy's admin: materials and the skills taxonomy under one "Academy" menu, the CSV
import, bulk skill and tag actions, and the content gaps report and dashboard panel."""

from django.http import Http404
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lms.core.reports import PermissionMenuItem, report_urls
from materials.admin_views import (
    AddSkillsBulkAction,
    AddTagsBulkAction,
    MaterialFilterSet,
    MaterialIndexView,
    import_materials,
)
from materials.documents import may_download
from materials.models import Material
from materials.reports import ContentGapsReport, content_gap_counts
from skills.views import SkillAreaViewSet, SkillViewSet, names


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


class AcademyViewSetGroup(SnippetViewSetGroup):
    menu_label = "Academy"
    menu_icon = "group"
    menu_order = 200
    items = (MaterialViewSet, SkillViewSet, SkillAreaViewSet)


register_snippet(AcademyViewSetGroup)
hooks.register("register_bulk_action", AddSkillsBulkAction)
hooks.register("register_bulk_action", AddTagsBulkAction)


@hooks.register("register_admin_urls")
def materials_admin_urls():
    reports = [("gaps", "content-gaps/", ContentGapsReport)]
    return [
        path("academy/import/", import_materials, name="materials_import"),
        path("academy/reports/", include((list(report_urls(reports)), "materials_reports"))),
    ]


@hooks.register("register_reports_menu_item")
def content_gaps_menu_item():
    return PermissionMenuItem(
        "Content gaps",
        reverse("materials_reports:gaps"),
        icon_name="warning",
        order=920,
        permission="skills.view_skill",
    )


class ContentGapsPanel(Component):
    """The dashboard's count of each content gap, for staff who look after the content."""

    name = "content_gaps"
    order = 120
    template_name = "materials/admin/content_gaps_panel.html"

    def get_context_data(self, parent_context):
        return {"gaps": content_gap_counts(), "gaps_url": reverse("materials_reports:gaps")}


@hooks.register("construct_homepage_panels")
def add_content_gaps_panel(request, panels):
    if request.user.has_perm("skills.view_skill"):
        panels.append(ContentGapsPanel())


# After Wagtail's own check of the document's collection (order 0), which sends a visitor to sign
# in where a private collection asks for it.
@hooks.register("before_serve_document", order=10)
def serve_documents_only_where_shown(document, request):
    """A document downloads only where the site shows it (materials/documents.py); otherwise the
    404 of a document that does not exist."""
    if not may_download(document, request):
        raise Http404("No such document.")
