"""Staff reports on learners: course progress (with each course's learners) and skills coverage.

Each is a Wagtail ReportView with CSV and XLSX export (lms/core/reports.py). Who sees which report
follows Django model permissions: progress needs `learning.view_enrolment` (moderators), skills
coverage `skills.view_skill` (staff).
"""

import datetime
from collections import defaultdict

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property

from wagtail.admin.ui.tables import Column, TitleColumn

from courses.models import CoursePage, ModulePage
from learning.models import Certificate, Enrolment, ModuleCompletion
from lms.core.reports import AcademyReportView, count_of
from skills.models import Skill


def days(duration):
    return None if duration is None else round(duration.total_seconds() / 86400, 1)


class CourseProgressReport(AcademyReportView):
    page_title = "Course progress"
    header_icon = "tasks"
    model = Enrolment
    index_url_name = "learning_reports:progress"
    index_results_url_name = "learning_reports:progress_results"
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
            url_name="learning_reports:course_learners",
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
    index_url_name = "learning_reports:course_learners"
    index_results_url_name = "learning_reports:course_learners_results"
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
    index_url_name = "learning_reports:skills"
    index_results_url_name = "learning_reports:skills_results"
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
            .with_usage()
            .annotate(learners=Coalesce(Subquery(learners, output_field=IntegerField()), Value(0)))
            .order_by("area__sort_order", "sort_order", "name")
        )
