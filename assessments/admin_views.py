"""The skills' levels in the admin ("Skill levels", assessments/wagtail_hooks.py): for each skill,
how much it matters and what each of its five levels means, in a line each. The skills themselves
are the taxonomy's (skills/views.py)."""

from django import forms
from django.db.models import Q
from django.urls import reverse

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from assessments.models import LEVELS, SkillScale
from skills.models import Skill, SkillArea


class SkillScaleForm(WagtailAdminModelForm):
    """A scale is for a skill that has none yet (or the one it describes)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = Skill.objects.filter(
            Q(scale__isnull=True) | Q(pk=self.instance.skill_id)
        ).select_related("area")
        self.fields["skill"].label_from_instance = lambda skill: f"{skill.area}: {skill.name}"


class SkillScaleFilterSet(WagtailFilterSet):
    area = django_filters.ModelChoiceFilter(
        label="Skill area", field_name="skill__area", queryset=SkillArea.objects.all()
    )
    importance = django_filters.ChoiceFilter(
        choices=SkillScale.Importance.choices, widget=forms.RadioSelect, empty_label="All"
    )

    class Meta:
        model = SkillScale
        fields = []


class SkillScaleIndexView(IndexView):
    """The scales, and above them the skills that have none yet, each with a link to add it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["skills_without_scale"] = Skill.objects.filter(scale__isnull=True).select_related(
            "area"
        )
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            context["add_skill_scale_url"] = reverse(self.add_url_name)
        return context


class SkillScaleCreateView(CreateView):
    """`?skill=<id>`, from the list of skills without levels, picks the skill."""

    def get_initial(self):
        return {**super().get_initial(), "skill": self.request.GET.get("skill")}


class SkillScaleViewSet(ModelViewSet):
    model = SkillScale
    name = "skill_levels"
    url_prefix = "skill-levels"
    icon = "list-ol"
    menu_label = "Skill levels"
    menu_order = 205
    add_to_admin_menu = True
    copy_view_enabled = False
    # Editors may only view: the inspect view shows them all five levels.
    inspect_view_enabled = True
    list_display = [
        "skill__name",
        Column("area", label="Area", accessor="skill.area", sort_key="skill__area__sort_order"),
        "importance",
        "level_1",
        "level_5",
    ]
    filterset_class = SkillScaleFilterSet
    search_fields = ["skill__name"]
    ordering = ["skill__area__sort_order", "skill__sort_order", "skill__name"]
    index_view_class = SkillScaleIndexView
    add_view_class = SkillScaleCreateView
    index_results_template_name = "assessments/admin/skill_levels_results.html"
    edit_handler = ObjectList(
        [
            FieldPanel("skill"),
            FieldPanel(
                "importance",
                help_text="How much the skill weighs when the site recommends what to learn "
                "next, and in the cohort's skills most in need.",
            ),
            MultiFieldPanel(
                [FieldPanel(f"level_{level}") for level in LEVELS],
                heading="Levels",
                help_text="What a learner at each level can do, in one line: learners pick the "
                "line that fits them best.",
            ),
        ],
        base_form_class=SkillScaleForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=SkillScale.objects.select_related("skill__area"), **kwargs
        )
