"""Admin pieces behind the Academy menu: material filters, bulk skill/tag actions, safe skill delete."""

from django import forms
from django.contrib import messages
from django.db.models import ProtectedError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import ngettext

from wagtail.admin import widgets
from wagtail.admin.auth import permission_required
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect, Button
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import DeleteView, IndexView, ReorderView

import django_filters

from courses.importing import MaterialImport
from courses.models import EditionPage, Material, Skill


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
        if material.live and not pending and user.has_perm("courses.publish_material"):
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
    template_name = "courses/admin/bulk_add_to_materials.html"
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


class SkillDeleteView(DeleteView):
    """Refuse, with the reason, to delete a skill that courses, modules or materials still use."""

    def skill_usage(self):
        skill = self.object
        return {
            "courses": skill.course_items.count(),
            "modules": skill.module_items.count(),
            "materials": skill.material_items.count(),
        }

    def refuse(self):
        usage = ", ".join(f"{count} {name}" for name, count in self.skill_usage().items() if count)
        messages.error(
            self.request,
            f"“{self.object}” cannot be deleted: it is still used by {usage}. "
            "Remove it from them first (see Usage).",
        )
        return redirect(self.get_usage_url().split("?")[0])

    def form_valid(self, form):
        if self.usage and self.usage.is_protected:
            return self.refuse()
        try:
            return super().form_valid(form)
        except ProtectedError:
            # The reference index can lag behind the database; the PROTECT constraint cannot.
            return self.refuse()


SKILL_TREE_ORDER = ("area__sort_order", "area__name", "sort_order", "name")


class SkillIndexView(IndexView):
    """In "sort by custom order" mode, skills stay grouped under their area: the two-level tree."""

    def order_queryset(self, queryset):
        if self.show_ordering_column:
            return queryset.order_by(*SKILL_TREE_ORDER)
        return super().order_queryset(queryset)


class SkillReorderView(ReorderView):
    """Drag a skill up or down within its area; moving it to another area is done on its edit page.

    The admin sends the position in the whole tree; Wagtail's reordering then runs among the
    skill's siblings only, so each area keeps its own order.
    """

    def get_queryset(self):
        return self.model._default_manager.filter(area_id=self.area_id).order_by("sort_order")

    def post(self, request, *args, **kwargs):
        skill = get_object_or_404(self.model, pk=kwargs["pk"])
        tree = list(
            self.model._default_manager.order_by(*SKILL_TREE_ORDER).values_list("pk", "area_id")
        )
        try:
            position = min(max(int(request.GET.get("position", "")), 0), len(tree) - 1)
        except ValueError:
            position = len(tree) - 1
        target, target_area = tree[position]
        if target_area != skill.area_id:
            return JsonResponse(
                {"success": False, "error": "Change a skill's area on its edit page."}, status=400
            )
        self.area_id = skill.area_id
        siblings = [pk for pk, area in tree if area == skill.area_id]
        request.GET = request.GET.copy()
        request.GET["position"] = str(siblings.index(target))
        return super().post(request, *args, **kwargs)


class MaterialIndexView(IndexView):
    @property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.user_has_permission("add"):
            buttons.append(
                Button(
                    "Import from CSV", url=reverse("courses_import_materials"), icon_name="upload"
                )
            )
        return buttons


class ImportForm(forms.Form):
    csv_file = forms.FileField(
        label="CSV file",
        help_text="Columns: title, kind, edition, skills, tags, url. Skills and tags separated by “;”.",
    )


@permission_required("courses.add_material")
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
                return redirect("wagtailsnippets_courses_material:list")
    return TemplateResponse(
        request, "courses/admin/import_materials.html", {"form": form, "result": result}
    )
