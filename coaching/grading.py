"""The trainers' grading in the admin: the list of the submissions they may review, to review
first, and the page where they read every version of one and give feedback.

Which submissions a viewer reviews is coaching.access's rule (a trainer their editions', staff
every one); a submission outside it is not found. Feedback is given through coaching.feedback,
which refuses feedback on a version since overtaken or already reviewed.
"""

import zoneinfo

from django import forms
from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.views.generic import TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import BaseListingView, PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

import django_filters

from coaching.access import coaches, reviewable_submissions
from coaching.feedback import FeedbackRefused, give_feedback
from coaching.models import Assignment, Feedback, Submission
from courses.models import EditionPage

GRADING_BREADCRUMB = {"url": reverse_lazy("coaching_grading"), "label": "Grading"}
Status = Submission.Status


def when(moment):
    return date_format(localtime(moment), "j M Y, H:i")


def by(submission):
    """Whose work it is, as the trainer knows them."""
    if submission.team_id:
        return f"{submission.team.name} (team)"
    return str(submission.learner)


# The states a trainer sorts work by; "reviewed" is work whose latest version has feedback,
# whether it is done or a new version is invited.
STATES = {
    "to_review": ("To review", {"status": Status.SUBMITTED}),
    "reviewed": ("Reviewed", {"status__in": [Status.REVIEWED, Status.RESUBMIT]}),
    "late": ("Late", {"late": True}),
}


def editions_reviewed(request):
    if request is None:
        return EditionPage.objects.none()
    work = reviewable_submissions(request.user).values("assignment__edition")
    return EditionPage.objects.filter(pk__in=work).order_by("-number", "title")


def assignments_reviewed(request):
    if request is None:
        return Assignment.objects.none()
    work = reviewable_submissions(request.user).values("assignment")
    return Assignment.objects.filter(pk__in=work).select_related("edition")


class AssignmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, assignment):
        return f"{assignment.title} ({assignment.edition.title})"


class AssignmentFilter(django_filters.ModelChoiceFilter):
    field_class = AssignmentChoiceField


class GradingFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        field_name="assignment__edition",
        queryset=editions_reviewed,
        # By Page's own `id`, so that a number beyond any key is simply not a choice.
        to_field_name="id",
        empty_label="All",
    )
    assignment = AssignmentFilter(queryset=assignments_reviewed, empty_label="All")
    state = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _) in STATES.items()],
        method="filter_state",
        widget=forms.RadioSelect,
        empty_label="All",
    )

    class Meta:
        model = Submission
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(**STATES[value][1])


class GradingView(PermissionCheckedMixin, BaseListingView):
    """The submissions the viewer may review, those to review first, each oldest first."""

    model = Submission
    any_permission_required = ["review", "view"]
    page_title = "Grading"
    header_icon = "tasks"
    results_template_name = "coaching/admin/grading_results.html"
    index_url_name = "coaching_grading"
    index_results_url_name = "coaching_grading_results"
    filterset_class = GradingFilterSet
    paginate_by = 50
    verbose_name_plural = "submissions"
    columns = [
        TitleColumn(
            "by",
            label="Learner or team",
            accessor=by,
            get_url=lambda submission: reverse("coaching_review", args=[submission.pk]),
        ),
        Column("assignment", label="Assignment", accessor="assignment.title"),
        Column("edition", label="Edition", accessor="assignment.edition.title"),
        Column("version_count", label="Version"),
        Column("submitted_at", label="Handed in", accessor=lambda s: when(s.submitted_at)),
        Column("late", label="Late", accessor=lambda s: "Late" if s.late else "On time"),
        Column("status", label="State", accessor="get_status_display"),
    ]

    def get_base_queryset(self):
        to_review_first = Case(
            When(status=Status.SUBMITTED, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return (
            reviewable_submissions(self.request.user)
            .select_related("assignment__edition", "learner", "team")
            .order_by(to_review_first, "submitted_at", "pk")
        )

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": "Submissions, those to review first"}

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A filter the list does not know (an edition one may not review, a made-up state) is
        # said plainly rather than silently dropped.
        if self.filters and not self.filters.is_valid():
            context["filter_errors"] = [
                f"{self.filters.form[name].label}: {' '.join(errors)}"
                for name, errors in self.filters.form.errors.items()
            ]
        return context


class FeedbackForm(forms.Form):
    """A trainer's feedback: one group of levels per criterion of the rubric, labelled with the
    levels' descriptions, then the comments, a file and the outcome. `version` is the number of
    the version the trainer read, so that feedback on a version since overtaken is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    comments = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        help_text="What the participant did well and what to work on next.",
    )
    file = forms.FileField(
        label="A file for the participant",
        required=False,
        help_text="Optional: an annotated copy, say. PDF, Office, OpenDocument or an image.",
    )
    outcome = forms.TypedChoiceField(
        choices=Feedback.Outcome.choices,
        coerce=Feedback.Outcome,
        initial=Feedback.Outcome.REVIEWED,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[self.field_name(criterion)] = forms.TypedChoiceField(
                label=f"{criterion.title} ({criterion.skill})",
                choices=[(n, f"{n}. {text}") for n, text in enumerate(criterion.levels, 1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose the level reached."},
            )

    @staticmethod
    def field_name(criterion):
        return f"criterion-{criterion.pk}"

    def rubric_fields(self):
        return [self[self.field_name(criterion)] for criterion in self.criteria]

    def scores(self):
        return {c: self.cleaned_data[self.field_name(c)] for c in self.criteria}


class ReviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """One submission: the brief, the rubric, every version with its files and feedback, and the
    feedback form for the latest version while it has none."""

    model = Submission
    any_permission_required = ["review", "view"]
    template_name = "coaching/admin/review.html"
    header_icon = "tasks"
    http_method_names = ["get", "post", "head", "options"]

    @cached_property
    def submission(self):
        found = reviewable_submissions(self.request.user).select_related(
            "assignment__edition", "learner", "team"
        )
        return get_object_or_404(found, pk=self.kwargs["pk"])

    @cached_property
    def versions(self):
        """Newest first, each with its files and feedback."""
        return list(
            self.submission.versions.select_related("author", "feedback__trainer")
            .prefetch_related("files", "feedback__scores__criterion")
            .order_by("-number")
        )

    @cached_property
    def criteria(self):
        return list(self.submission.assignment.criteria.select_related("skill"))

    @cached_property
    def latest(self):
        return self.versions[0] if self.versions else None

    @cached_property
    def awaits_feedback(self):
        return self.latest is not None and not hasattr(self.latest, "feedback")

    def get_page_title(self):
        return f"{self.submission.assignment.title}: {by(self.submission)}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            GRADING_BREADCRUMB,
            {"url": "", "label": by(self.submission)},
        ]

    def get(self, request, *args, **kwargs):
        form = FeedbackForm(criteria=self.criteria) if self.awaits_feedback else None
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = FeedbackForm(request.POST, request.FILES, criteria=self.criteria)
        if form.is_valid():
            version = next(
                (v for v in self.versions if v.number == form.cleaned_data["version"]), None
            )
            if version is None:
                form.add_error(None, "That version of the work does not exist.")
            else:
                try:
                    give_feedback(
                        self.submission,
                        version,
                        request.user,
                        form.cleaned_data["comments"],
                        form.scores(),
                        file=form.cleaned_data["file"],
                        outcome=form.cleaned_data["outcome"],
                    )
                except FeedbackRefused as refusal:
                    form.add_error(None, refusal.message)
                else:
                    messages.success(
                        request,
                        f"Feedback on version {version.number} of “{self.submission.assignment}” "
                        f"by {by(self.submission)} is saved; they are told by email.",
                    )
                    return redirect("coaching_grading")
        # The form comes back for the version to review now: the refused feedback's version may
        # have been overtaken meanwhile, and the page shows the newer one.
        for name in ("versions", "latest", "awaits_feedback"):
            self.__dict__.pop(name, None)
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.submission
        context.update(
            submission=submission,
            assignment=submission.assignment,
            by=by(submission),
            members=(
                [member.learner for member in submission.team.members.select_related("learner")]
                if submission.team_id
                else []
            ),
            versions=self.versions,
            latest=self.latest,
            awaits_feedback=self.awaits_feedback,
            criteria=self.criteria,
            due=localtime(
                submission.assignment.due_at, zoneinfo.ZoneInfo(submission.assignment.time_zone)
            ),
        )
        return context


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return coaches(request.user)


class GradingMenu(ViewSet):
    """The "Grading" item of the Coaching menu (coaching/wagtail_hooks.py), for trainers and
    staff. The views are plain admin URLs with the names of the URL contract; a menu group takes
    viewsets, so this one has no views of its own."""

    name = "coaching_grading_menu"
    menu_label = "Grading"
    icon = "tasks"
    menu_item_class = ReviewerMenuItem

    @cached_property
    def menu_url(self):
        return reverse("coaching_grading")
