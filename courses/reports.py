"""Staff reports: course progress (with each course's learners), skills coverage, content gaps.

Each is a Wagtail ReportView with CSV and XLSX export. Exported text that a spreadsheet would run
as a formula is neutralised. Who sees which report follows Django model permissions: progress
needs `courses.view_enrolment` (moderators), the content reports `courses.view_skill` (staff).
"""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import ReferenceIndex

from courses.models import (
    Certificate,
    CoursePage,
    CourseSkill,
    Enrolment,
    Material,
    MaterialSkill,
    ModuleCompletion,
    ModulePage,
    ModuleSkill,
    Skill,
)

FORMULA_STARTS = ("=", "+", "-", "@")


def count_of(through, field="tag"):
    """How many rows of `through` point at the outer row: a subquery, so counts never multiply."""
    rows = (
        through.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


class AcademyReportView(ReportView):
    """A report whose exports cannot smuggle a formula into a spreadsheet."""

    permission_required = "view"

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return "'" + value
        return value

    def get_heading(self, queryset, field):
        # Decorated rows are plain lists, so headings come from here rather than model fields.
        return str(self.export_headings.get(field) or capfirst(field.replace("_", " ")))

    def get_filename(self):
        return f"{self.export_filename}-{datetime.date.today():%Y-%m-%d}"


def days(duration):
    return None if duration is None else round(duration.total_seconds() / 86400, 1)


class CourseProgressReport(AcademyReportView):
    page_title = "Course progress"
    header_icon = "tasks"
    model = Enrolment
    index_url_name = "courses_reports:progress"
    index_results_url_name = "courses_reports:progress_results"
    export_filename = "course-progress"
    list_export = [
        "title",
        "enrolled",
        "in_progress",
        "completed",
        "completion_rate",
        "average_days_to_complete",
    ]
    export_headings = {
        "completion_rate": "Completion rate (%)",
        "average_days_to_complete": "Average days to complete",
    }
    columns = [
        TitleColumn(
            "title",
            label="Course",
            url_name="courses_reports:course_learners",
        ),
        Column("enrolled"),
        Column("in_progress", label="In progress"),
        Column("completed"),
        Column("completion_rate", label="Completion rate (%)"),
        Column("average_days_to_complete", label="Average days to complete"),
    ]

    def get_queryset(self):
        return (
            CoursePage.objects.annotate(
                enrolled=count_of(Enrolment, "course"),
                completed=count_of(Certificate, "course"),
            )
            .filter(enrolled__gt=0)
            .order_by("path")
        )

    def decorate_paginated_queryset(self, courses):
        courses = list(courses)
        enrolled_at = dict(
            (((course, learner), when))
            for course, learner, when in Enrolment.objects.filter(course__in=courses).values_list(
                "course_id", "learner_id", "enrolled_at"
            )
        )
        durations = defaultdict(list)
        for course, learner, issued in Certificate.objects.filter(course__in=courses).values_list(
            "course_id", "learner_id", "issued_at"
        ):
            if (course, learner) in enrolled_at:
                durations[course].append(issued - enrolled_at[course, learner])
        for course in courses:
            course.in_progress = course.enrolled - course.completed
            course.completion_rate = round(100 * course.completed / course.enrolled, 1)
            spans = durations[course.pk]
            course.average_days_to_complete = (
                days(sum(spans, datetime.timedelta()) / len(spans)) if spans else None
            )
        return courses


class CourseLearnersReport(AcademyReportView):
    """Drill-down: each learner in one course, how far they got and when they finished."""

    header_icon = "user"
    model = Enrolment
    index_url_name = "courses_reports:course_learners"
    index_results_url_name = "courses_reports:course_learners_results"
    export_filename = "course-learners"
    list_export = [
        "learner.email",
        "learner.display_name",
        "enrolled_at",
        "modules_done",
        "completed_at",
    ]
    export_headings = {
        "learner.email": "Email",
        "learner.display_name": "Name",
        "modules_done": "Modules completed",
        "completed_at": "Completed",
    }
    columns = [
        Column("learner", label="Learner"),
        Column("enrolled_at", label="Enrolled"),
        Column("modules_done", label="Modules completed"),
        Column("completed_at", label="Completed"),
    ]

    @cached_property
    def course(self):
        return get_object_or_404(CoursePage, pk=self.kwargs["pk"])

    @property
    def page_title(self):
        return f"Learners in {self.course.title}"

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.course.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.course.pk])

    def get_queryset(self):
        return (
            Enrolment.objects.filter(course=self.course)
            .select_related("learner")
            .order_by("enrolled_at", "pk")
        )

    def decorate_paginated_queryset(self, enrolments):
        enrolments = list(enrolments)
        learners = [e.learner_id for e in enrolments]
        modules = ModulePage.objects.child_of(self.course)
        done = dict(
            ModuleCompletion.objects.filter(learner_id__in=learners, module__in=modules)
            .values("learner_id")
            .annotate(n=Count("pk"))
            .values_list("learner_id", "n")
        )
        finished = dict(
            Certificate.objects.filter(course=self.course, learner_id__in=learners).values_list(
                "learner_id", "issued_at"
            )
        )
        for enrolment in enrolments:
            enrolment.modules_done = done.get(enrolment.learner_id, 0)
            enrolment.completed_at = finished.get(enrolment.learner_id)
        return enrolments


class SkillsCoverageReport(AcademyReportView):
    page_title = "Skills coverage"
    header_icon = "tag"
    model = Skill
    index_url_name = "courses_reports:skills"
    index_results_url_name = "courses_reports:skills_results"
    export_filename = "skills-coverage"
    list_export = [
        "area.name",
        "name",
        "course_count",
        "module_count",
        "material_count",
        "learners",
    ]
    export_headings = {
        "area.name": "Area",
        "name": "Skill",
        "course_count": "Courses",
        "module_count": "Modules",
        "material_count": "Materials",
        "learners": "Learners who completed",
    }
    columns = [
        Column("name", label="Skill"),
        Column("area"),
        Column("course_count", label="Courses"),
        Column("module_count", label="Modules"),
        Column("material_count", label="Materials"),
        Column("learners", label="Learners who completed"),
    ]

    def get_queryset(self):
        learners = (
            ModuleCompletion.objects.filter(module__skill_items__tag=OuterRef("pk"))
            .order_by()
            .values("module__skill_items__tag")
            .annotate(n=Count("learner", distinct=True))
            .values("n")
        )
        return (
            Skill.objects.select_related("area")
            .annotate(
                course_count=count_of(CourseSkill),
                module_count=count_of(ModuleSkill),
                material_count=count_of(MaterialSkill),
                learners=Coalesce(Subquery(learners, output_field=IntegerField()), Value(0)),
            )
            .order_by("area__sort_order", "sort_order", "name")
        )


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
    index_url_name = "courses_reports:gaps"
    index_results_url_name = "courses_reports:gaps_results"
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
                    url = reverse("wagtailsnippets_courses_material:edit", args=[item.pk])
                else:
                    url = reverse("wagtailadmin_pages:edit", args=[item.pk])
                gaps.append(Gap(problem, item, url))
        return gaps

    def filter_queryset(self, queryset):
        return queryset
