"""Admin pieces behind the Academy menu: material filters, bulk skill and tag actions, CSV import."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import ngettext

from wagtail.admin import widgets
from wagtail.admin.auth import permission_required
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect, Button
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView

import django_filters

from courses.models import EditionPage
from lms.core.reports import FormulaSafeExportMixin
from materials.importing import MaterialImport
from materials.models import Material
from skills.models import Skill


class MaterialFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=Material.Kind.choices, widget=forms.RadioSelect, empty_label="All"
    )
    edition = django_filters.ModelChoiceFilter(
        queryset=EditionPage.objects.order_by("number"), empty_label="All"
    )
    skills = django_filters.ModelChoiceFilter(
        label="Skill",
        queryset=Skill.objects.select_related("area"),
        empty_label="All",
    )
    language = django_filters.ChoiceFilter(
        choices=Material._meta.get_field("language").choices,
        widget=forms.RadioSelect,
        empty_label="All",
    )
    has_file = django_filters.BooleanFilter(
        label="Has a file", method="filter_has_file", widget=BooleanRadioSelect
    )

    class Meta:
        model = Material
        fields = ["kind", "edition", "skills", "language", "has_file", "live"]

    def filter_has_file(self, queryset, name, value):
        return queryset.filter(document__isnull=not value)


def has_change_permission(action, material):
    return action.permission_policy.user_has_permission_for_instance(
        action.request.user, "change", material
    )


def apply_to_materials(materials, user, change):
    """Apply `change` to each material's latest draft as a new revision, the way an edit would.

    Materials live with no pending changes are republished when the user may publish;
    otherwise the change waits in a draft for moderation, exactly as in the edit view.
    """
    for material in materials:
        pending = material.has_unpublished_changes
        draft = material.get_latest_revision_as_object()
        change(draft)
        revision = draft.save_revision(user=user, log_action=True)
        if material.live and not pending and user.has_perm("materials.publish_material"):
            revision.publish(user=user)
    return len(materials), 0


class SkillsForm(forms.Form):
    skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.select_related("area"),
        widget=forms.CheckboxSelectMultiple,
        help_text="Added to every selected material; skills already there stay.",
    )


class TagsForm(forms.Form):
    tags = forms.CharField(
        widget=widgets.AdminTagWidget, help_text="Free tags, separated by commas."
    )


class MaterialBulkAction(SnippetBulkAction):
    models = [Material]
    template_name = "materials/admin/bulk_add_to_materials.html"
    check_perm = has_change_permission

    def get_execution_context(self):
        return {"user": self.request.user, "values": self.values()}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Updated %(count)d material.", "Updated %(count)d materials.", num_parent_objects
        ) % {"count": num_parent_objects}


class AddSkillsBulkAction(MaterialBulkAction):
    display_name = "Add skill"
    action_type = "add_skills"
    aria_label = "Add skills to the selected materials"
    action_priority = 20
    form_class = SkillsForm

    def values(self):
        return list(self.cleaned_form.cleaned_data["skills"])

    @classmethod
    def execute_action(cls, objects, user=None, values=(), **kwargs):
        return apply_to_materials(objects, user, lambda draft: draft.skills.add(*values))


class AddTagsBulkAction(MaterialBulkAction):
    display_name = "Add tag"
    action_type = "add_tags"
    aria_label = "Add tags to the selected materials"
    action_priority = 30
    form_class = TagsForm

    def values(self):
        tags = self.cleaned_form.cleaned_data["tags"].split(",")
        return [tag.strip() for tag in tags if tag.strip()]

    @classmethod
    def execute_action(cls, objects, user=None, values=(), **kwargs):
        return apply_to_materials(objects, user, lambda draft: draft.tags.add(*values))


class MaterialIndexView(FormulaSafeExportMixin, IndexView):
    """The materials listing, whose CSV and XLSX downloads cannot carry a formula."""

    @property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.user_has_permission("add"):
            buttons.append(
                Button("Import from CSV", url=reverse("materials_import"), icon_name="upload")
            )
        return buttons


class ImportForm(forms.Form):
    csv_file = forms.FileField(
        label="CSV file",
        help_text="Columns: title, kind, edition, skills, tags, url. Skills and tags separated by “;”.",
    )


@permission_required("materials.add_material")
def import_materials(request):
    """Upload a CSV; every bad row is listed with its line number and nothing is imported."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            text = form.cleaned_data["csv_file"].read().decode("utf-8-sig")
        except UnicodeDecodeError:
            form.add_error("csv_file", "The file must be UTF-8 text.")
        else:
            result = MaterialImport(text).save(user=request.user)
            if not result.errors:
                messages.success(
                    request, f"Imported {len(result.created)} materials as drafts for review."
                )
                return redirect("wagtailsnippets_materials_material:list")
    return TemplateResponse(
        request, "materials/admin/import_materials.html", {"form": form, "result": result}
    )
