"""The xAPI outbox in the admin's Reports menu (xapi/admin_views.py), for those who may see it."""

from django.urls import reverse

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from lms.core.reports import PermissionMenuItem
from xapi.admin_views import OutboxPermissionPolicy, StatementViewSet
from xapi.models import Statement

# Registered before the viewset is, so that its views follow it.
register_permission_policy(Statement, OutboxPermissionPolicy(Statement))

outbox = StatementViewSet()


@hooks.register("register_admin_viewset")
def register_outbox():
    return outbox


@hooks.register("register_reports_menu_item")
def outbox_menu_item():
    return PermissionMenuItem(
        "xAPI outbox",
        reverse("xapi_outbox:index"),
        icon_name="upload",
        order=950,
        permission="xapi.view_statement",
    )
