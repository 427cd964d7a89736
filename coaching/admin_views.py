"""The coaching admin's assignments and teams, grouped in the "Coaching" menu by
coaching/wagtail_hooks.py.

Editors and moderators set assignments on courses and modules by their model permissions; the
due date is entered and shown as a clock in the assignment's own zone reads it, as sessions'
times are (cohorts.admin_views). Moderators form teams: a member must be an accepted participant
of the team's edition and in no other team of it, which the form says before the database's
"one team per learner and edition" would have to refuse it.
"""

import zoneinfo

from django import forms
from django.db import IntegrityError
from django.utils import dateformat

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateTimeInput

import django_filters

from coaching.models import Assignment, Team, TeamMember
from cohorts.admin_views import (
    KnownChoiceField,
    WallClockDateTimeField,
    WallClockForm,
    time_zone_choices,
)
from cohorts.models import DEFAULT_TIME_ZONE, Application
from courses.models import EditionPage
from lms.accounts.models import User

DUE_HELP = "As read on a clock in the assignment's time zone, wherever you are."


class AssignmentForm(WallClockForm):
    """The due date is entered and shown in the assignment's own time zone."""

    WALL_CLOCK_FIELDS = ("due_at",)

    due_at = WallClockDateTimeField(label="Due", widget=AdminDateTimeInput, help_text=DUE_HELP)
    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        initial=DEFAULT_TIME_ZONE,
        help_text="Where the due date above is read: participants see it in this zone.",
    )

    class Meta:
        field_classes = {"page": KnownChoiceField}


class AssignmentFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        queryset=EditionPage.objects.order_by("-number"),
        # By Page's own `id`, so that a number beyond any key is simply not a choice.
        to_field_name="id",
        empty_label="All",
    )
    work = django_filters.ChoiceFilter(
        choices=Assignment.Work.choices, widget=forms.RadioSelect, empty_label="All"
    )

    class Meta:
        model = Assignment
        fields = ["edition", "work"]


def due_in_zone(assignment):
    zone = zoneinfo.ZoneInfo(assignment.time_zone)
    return dateformat.format(assignment.due_at.astimezone(zone), "D j M Y, H:i T")


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    name = "assignments"
    url_prefix = "coaching/assignments"
    icon = "tasks"
    menu_label = "Assignments"
    list_display = [
        "title",
        "edition",
        Column("page", label="Course or module", accessor="page.title"),
        Column("due_at", label="Due (in its zone)", accessor=due_in_zone, sort_key="due_at"),
        Column("work", label="Work", accessor="get_work_display", sort_key="work"),
    ]
    filterset_class = AssignmentFilterSet
    search_fields = ["title"]
    ordering = ["due_at"]
    edit_handler = ObjectList(
        [
            PageChooserPanel("page", ["courses.CoursePage", "courses.ModulePage"]),
            FieldPanel("title"),
            FieldPanel("brief"),
            MultiFieldPanel(
                [FieldPanel("due_at"), FieldPanel("time_zone")], heading="When it is due"
            ),
            FieldRowPanel([FieldPanel("work"), FieldPanel("accepts")], heading="What is handed in"),
            InlinePanel(
                "criteria",
                heading="Rubric",
                label="Criterion",
                help_text="Optional. Each criterion assesses one skill, on three to five levels.",
            ),
        ],
        base_form_class=AssignmentForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Assignment.objects.select_related("edition", "page"), **kwargs
        )


def accepted_participants():
    return (
        User.objects.filter(applications__status=Application.Status.ACCEPTED)
        .distinct()
        .order_by("display_name", "email")
    )


class TeamForm(WagtailAdminModelForm):
    """A team's members are accepted participants of its edition, each in one team of it."""

    class Meta:
        field_classes = {"edition": KnownChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = EditionPage.objects.order_by("-number")
        # Offered: the participants of any edition; clean() holds each to the team's.
        self.formsets["members"].form.base_fields["learner"].queryset = accepted_participants()

    def clean(self):
        cleaned_data = super().clean()
        edition = cleaned_data.get("edition")
        members = self.formsets["members"]
        chosen = []
        for form in members.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            learner = form.cleaned_data.get("learner")
            if learner is None:
                continue
            if any(learner == other for other, _ in chosen):
                form.add_error("learner", f"{learner} is in this team already.")
                continue
            chosen.append((learner, form))
        if edition is None or not chosen:
            return cleaned_data
        learners = [learner for learner, _ in chosen]
        participants = set(
            Application.objects.filter(
                cohort__edition=edition,
                status=Application.Status.ACCEPTED,
                applicant__in=learners,
            ).values_list("applicant_id", flat=True)
        )
        elsewhere = TeamMember.objects.filter(edition=edition, learner__in=learners)
        if self.instance.pk:
            elsewhere = elsewhere.exclude(team=self.instance)
        teams = dict(elsewhere.values_list("learner_id", "team__name"))
        for learner, form in chosen:
            if learner.pk not in participants:
                form.add_error(
                    "learner", f"{learner} is not an accepted participant of {edition.title}."
                )
            elif learner.pk in teams:
                form.add_error(
                    "learner",
                    f"{learner} is already in the team “{teams[learner.pk]}” of this edition: "
                    "take them out of it first.",
                )
        return cleaned_data


class TeamSaveMixin:
    """A member put in another team while this form was open: the database refuses it, and
    the form says so rather than failing."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except IntegrityError:
            form.add_error(
                None,
                "A member or the team's name was taken by another team of the edition "
                "meanwhile: check the team again.",
            )
            return self.form_invalid(form)


class TeamCreateView(TeamSaveMixin, CreateView):
    pass


class TeamEditView(TeamSaveMixin, EditView):
    pass


class TeamFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        queryset=EditionPage.objects.order_by("-number"), to_field_name="id", empty_label="All"
    )

    class Meta:
        model = Team
        fields = ["edition"]


def member_names(team):
    return ", ".join(str(member.learner) for member in team.members.all())


class TeamViewSet(ModelViewSet):
    model = Team
    name = "teams"
    url_prefix = "coaching/teams"
    icon = "group"
    menu_label = "Teams"
    list_display = ["name", "edition", Column("members", label="Members", accessor=member_names)]
    filterset_class = TeamFilterSet
    search_fields = ["name"]
    ordering = ["name"]
    copy_view_enabled = False
    add_view_class = TeamCreateView
    edit_view_class = TeamEditView
    edit_handler = ObjectList(
        [
            # A list of the few editions; Wagtail's page chooser fails to show an unknown one.
            FieldPanel("edition", widget=forms.Select),
            FieldPanel("name"),
            InlinePanel(
                "members",
                heading="Members",
                label="Member",
                panels=[FieldPanel("learner", widget=forms.Select)],
                help_text="Accepted participants of the edition, each in one of its teams.",
            ),
        ],
        base_form_class=TeamForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Team.objects.select_related("edition").prefetch_related("members__learner"),
            **kwargs,
        )
