"""The "Cohorts" admin menu: the viewsets of cohorts/admin_views.py and the attendance report
(cohorts/reports.py); the applications' bulk decisions and permission policy."""

from django.contrib.auth.models import Permission

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from cohorts.admin_views import (
    AcceptApplications,
    ApplicationPermissionPolicy,
    ApplicationViewSet,
    CohortViewSet,
    DeclineApplications,
    SessionViewSet,
    WaitlistApplications,
)
from cohorts.models import Application
from cohorts.reports import AttendanceReportViewSet


class CohortsViewSetGroup(ModelViewSetGroup):
    menu_label = "Cohorts"
    menu_icon = "group"
    menu_order = 210
    items = (CohortViewSet, ApplicationViewSet, SessionViewSet, AttendanceReportViewSet)


# Registered before the viewsets are, so that the applications' views follow it.
register_permission_policy(Application, ApplicationPermissionPolicy(Application))


@hooks.register("register_admin_viewset")
def register_cohorts_viewsets():
    return CohortsViewSetGroup()


for decision in (AcceptApplications, WaitlistApplications, DeclineApplications):
    hooks.register("register_bulk_action", decision)


@hooks.register("register_permissions")
def attendance_permissions():
    # Attendance has no viewset of its own to offer its permissions in Settings → Groups:
    # "view" opens the attendance report, "change" records any session's attendance.
    return Permission.objects.filter(
        content_type__app_label="cohorts", codename__in=["view_attendance", "change_attendance"]
    )
