"""The submissions report: for each edition and assignment, the work expected, handed in, late and
reviewed, and the average rubric level reached on each skill. A Wagtail ReportView with
formula-safe CSV and XLSX exports (lms/core/reports.py), for staff who may view every submission.

"Expected" is the edition's participants (accepted applications) for individual work, its teams
for team work. "Reviewed" is work whose latest version has feedback, whether it is done or a new
version is invited. The averages are over each submission's latest feedback only, so that work
reviewed twice does not count twice.
"""

import zoneinfo
from collections import defaultdict

from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.timezone import localtime

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

import django_filters

from coaching.models import Assignment, Feedback, RubricScore, Submission, Team
from cohorts.models import Application
from courses.models import EditionPage
from lms.core.reports import AcademyReportView

Status = Submission.Status


def submissions_where(**conditions):
    """How many of the assignment's submissions meet `conditions`: a subquery, so that counts
    never multiply each other."""
    rows = (
        Submission.objects.filter(assignment=OuterRef("pk"), **conditions)
        .order_by()
        .values("assignment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def expected():
    """The edition's participants for individual work, its teams for team work."""
    participants = (
        Application.objects.filter(
            cohort__edition=OuterRef("edition"), status=Application.Status.ACCEPTED
        )
        .order_by()
        .values("cohort__edition")
        .annotate(n=Count("pk"))
        .values("n")
    )
    teams = (
        Team.objects.filter(edition=OuterRef("edition"))
        .order_by()
        .values("edition")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Case(
        When(
            work=Assignment.Work.TEAM,
            then=Coalesce(Subquery(teams, output_field=IntegerField()), Value(0)),
        ),
        default=Coalesce(Subquery(participants, output_field=IntegerField()), Value(0)),
        output_field=IntegerField(),
    )


def average_levels(assignments):
    """For each of `assignments` (by id), "Skill 2.5; Other skill 3.0": the average level reached
    on each skill its rubric assesses, over the latest feedback of each submission. One query."""
    later = Feedback.objects.filter(
        submission=OuterRef("feedback__submission"),
        version__number__gt=OuterRef("feedback__version__number"),
    )
    rows = (
        RubricScore.objects.filter(criterion__assignment__in=assignments)
        .exclude(Exists(later))
        .values("criterion__assignment", "criterion__skill__name")
        .annotate(average=Avg("level"))
        .order_by("criterion__assignment", "criterion__skill__name")
    )
    averages = defaultdict(list)
    for row in rows:
        averages[row["criterion__assignment"]].append(
            f"{row['criterion__skill__name']} {row['average']:.1f}"
        )
    return {assignment: "; ".join(parts) for assignment, parts in averages.items()}


class SubmissionsFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        queryset=EditionPage.objects.filter(edition_assignments__isnull=False)
        .distinct()
        .order_by("-number", "title"),
        # By Page's own `id`, so that a number beyond any key is simply not a choice.
        to_field_name="id",
        empty_label="All",
    )

    class Meta:
        model = Assignment
        fields = []


class SubmissionsReport(AcademyReportView):
    page_title = "Submissions"
    header_icon = "doc-full"
    # Its rows are assignments; who sees it follows the submissions' view permission (staff).
    model = Submission
    filterset_class = SubmissionsFilterSet
    index_url_name = "coaching_submissions_report"
    index_results_url_name = "coaching_submissions_report_results"
    export_filename = "submissions"
    list_export = [
        "edition_title",
        "title",
        "due",
        "time_zone",
        "expected",
        "handed_in",
        "late",
        "reviewed",
        "average_levels",
    ]
    export_headings = {
        "edition_title": "Edition",
        "title": "Assignment",
        "due": "Due (in its time zone)",
        "time_zone": "Time zone",
        "expected": "Expected",
        "handed_in": "Handed in",
        "late": "Late",
        "reviewed": "Reviewed",
        "average_levels": "Average rubric level per skill",
    }
    columns = [
        Column("edition_title", label="Edition"),
        Column("title", label="Assignment"),
        Column("due_display", label="Due"),
        Column("expected", label="Expected"),
        Column("handed_in", label="Handed in"),
        Column("late", label="Late"),
        Column("reviewed", label="Reviewed"),
        Column("average_levels", label="Average rubric level per skill"),
    ]

    def get_queryset(self):
        return (
            Assignment.objects.select_related("edition")
            .annotate(
                expected=expected(),
                handed_in=submissions_where(),
                late=submissions_where(late=True),
                reviewed=submissions_where(status__in=[Status.REVIEWED, Status.RESUBMIT]),
            )
            .order_by("-edition__number", "edition__title", "due_at", "pk")
        )

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": "Submissions per edition and assignment"}

    def decorate_paginated_queryset(self, assignments):
        assignments = list(assignments)
        averages = average_levels([assignment.pk for assignment in assignments])
        for assignment in assignments:
            assignment.edition_title = assignment.edition.title
            # The wall-clock time in the assignment's own zone, named beside it: a spreadsheet
            # keeps it a date and time either way.
            due = localtime(assignment.due_at, zoneinfo.ZoneInfo(assignment.time_zone))
            assignment.due = due.replace(tzinfo=None)
            assignment.due_display = f"{due:%d %b %Y %H:%M} ({assignment.time_zone})"
            assignment.average_levels = averages.get(assignment.pk, "")
        return assignments
