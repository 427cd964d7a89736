"""The coaching admin: assignments and teams, the trainers' grading view, shared action plans and
the submissions report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from coaching.admin_views import AssignmentViewSet, TeamViewSet
from coaching.grading import GradingMenu, GradingView, ReviewView
from coaching.plan_views import (
    ActionPlansMenu,
    coaching_plan,
    coaching_plan_pdf_admin,
    coaching_plans,
)
from coaching.reports import SubmissionsReport
from lms.core.reports import PermissionMenuItem, report_urls


class CoachingViewSetGroup(ViewSetGroup):
    """The "Coaching" admin menu; each item shows to those its permissions let in."""

    menu_label = "Coaching"
    menu_icon = "tasks"
    menu_order = 220
    items = (GradingMenu, AssignmentViewSet, TeamViewSet, ActionPlansMenu)


@hooks.register("register_admin_viewset")
def register_coaching_viewsets():
    return CoachingViewSetGroup()


@hooks.register("register_admin_urls")
def grading_and_report_urls():
    """The trainers' grading list and review page, and the staff's submissions report."""
    return [
        path("coaching/grading/", GradingView.as_view(), name="coaching_grading"),
        path(
            "coaching/grading/results/",
            GradingView.as_view(results_only=True),
            name="coaching_grading_results",
        ),
        path("coaching/submissions/<int:pk>/", ReviewView.as_view(), name="coaching_review"),
        *report_urls([("coaching_submissions_report", "reports/submissions/", SubmissionsReport)]),
    ]


@hooks.register("register_admin_urls")
def action_plan_urls():
    """The action plans shared with trainers: the list, one plan (with comments) and its PDF."""
    return [
        path("coaching/plans/", coaching_plans, name="coaching_plans"),
        path("coaching/plans/<int:pk>/", coaching_plan, name="coaching_plan"),
        path(
            "coaching/plans/<int:pk>/plan.pdf",
            coaching_plan_pdf_admin,
            name="coaching_plan_pdf_admin",
        ),
    ]


@hooks.register("register_reports_menu_item")
def submissions_report_menu_item():
    return PermissionMenuItem(
        "Submissions",
        reverse("coaching_submissions_report"),
        icon_name="doc-full",
        order=930,
        permission="coaching.view_submission",
    )
