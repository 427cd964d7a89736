"""The skills taxonomy's admin: areas and skills as snippets, with their usage, kept in tree order,
and never deleted while something still uses them."""

from django.contrib import messages
from django.db.models import Count, ProtectedError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect

from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import DeleteView, IndexView, ReorderView, SnippetViewSet

from skills.models import Skill, SkillArea


def names(items):
    return ", ".join(str(item) for item in items)


class SkillDeleteView(DeleteView):
    """Refuse, with the reason, to delete a skill that courses, modules or materials still use."""

    def refuse(self):
        skill = Skill.objects.with_usage().get(pk=self.object.pk)
        counts = {
            "courses": skill.course_count,
            "modules": skill.module_count,
            "materials": skill.material_count,
        }
        usage = ", ".join(f"{count} {name}" for name, count in counts.items() if count)
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
            SkillArea.objects.annotate(skill_count=Count("skills"))
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
            .with_usage()
            .order_by("area__sort_order", "sort_order", "name")
        )
