"""The learner reports in the admin's Reports menu, and recent learner activity on the dashboard."""

from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.ui.components import Component

from learning.models import Enrolment, ModuleCompletion
from learning.reports import CourseLearnersReport, CourseProgressReport, SkillsCoverageReport
from lms.core.reports import PermissionMenuItem, report_urls

REPORTS = [
    ("progress", "progress/", CourseProgressReport),
    ("course_learners", "progress/<int:pk>/", CourseLearnersReport),
    ("skills", "skills-coverage/", SkillsCoverageReport),
]


@hooks.register("register_admin_urls")
def learning_admin_urls():
    return [path("academy/reports/", include((list(report_urls(REPORTS)), "learning_reports")))]


@hooks.register("register_reports_menu_item")
def course_progress_menu_item():
    return PermissionMenuItem(
        "Course progress",
        reverse("learning_reports:progress"),
        icon_name="tasks",
        order=900,
        permission="learning.view_enrolment",
    )


@hooks.register("register_reports_menu_item")
def skills_coverage_menu_item():
    return PermissionMenuItem(
        "Skills coverage",
        reverse("learning_reports:skills"),
        icon_name="tag",
        order=910,
        permission="skills.view_skill",
    )


class LearnerActivityPanel(Component):
    """The dashboard's latest enrolments and completions, for those who may see learners' progress."""

    name = "learner_activity"
    order = 110
    template_name = "learning/admin/learner_activity_panel.html"

    def get_context_data(self, parent_context):
        return {
            "enrolments": Enrolment.objects.select_related("learner", "course")[:5],
            "completions": ModuleCompletion.objects.select_related("learner", "module").order_by(
                "-completed_at"
            )[:5],
            "progress_url": reverse("learning_reports:progress"),
        }


@hooks.register("construct_homepage_panels")
def add_learner_activity_panel(request, panels):
    if request.user.has_perm("learning.view_enrolment"):
        panels.append(LearnerActivityPanel())
