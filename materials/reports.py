"""The content gaps report: materials and modules missing what learners need to find and use them."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import ReferenceIndex

from courses.models import ModulePage
from lms.core.reports import AcademyReportView
from materials.models import Material
from skills.models import Skill


class Gap:
    def __init__(self, problem, item, edit_url):
        self.problem, self.item, self.title, self.edit_url = problem, item, str(item), edit_url


def content_gaps():
    """Each gap as (problem, queryset of the items that have it)."""
    # The reference index keeps object ids as text, so they are read once and compared as ids.
    modules_citing_material = {
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            content_type=ContentType.objects.get_for_model(ModulePage),
            to_content_type=ContentType.objects.get_for_model(Material),
        ).values_list("object_id", flat=True)
    }
    return [
        ("Material with no skill", Material.objects.filter(skill_items__isnull=True)),
        ("Module with no skill", ModulePage.objects.filter(skill_items__isnull=True)),
        (
            "Material with no file or link",
            Material.objects.filter(document__isnull=True, external_url=""),
        ),
        (
            "Module with no material",
            ModulePage.objects.exclude(pk__in=modules_citing_material),
        ),
    ]


def content_gap_counts():
    return [(problem, items.count()) for problem, items in content_gaps()]


class ContentGapsReport(AcademyReportView):
    page_title = "Content gaps"
    header_icon = "warning"
    model = Skill
    index_url_name = "materials_reports:gaps"
    index_results_url_name = "materials_reports:gaps_results"
    export_filename = "content-gaps"
    list_export = ["problem", "title"]
    export_headings = {"problem": "Problem", "title": "Title"}
    columns = [
        Column("problem"),
        TitleColumn("title", get_url=lambda gap: gap.edit_url),
    ]

    def get_queryset(self):
        gaps = []
        for problem, items in content_gaps():
            for item in items.order_by("title").distinct():
                if isinstance(item, Material):
                    url = reverse("wagtailsnippets_materials_material:edit", args=[item.pk])
                else:
                    url = reverse("wagtailadmin_pages:edit", args=[item.pk])
                gaps.append(Gap(problem, item, url))
        return gaps

    def filter_queryset(self, queryset):
        return queryset
