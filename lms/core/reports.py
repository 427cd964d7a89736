"""What every staff report shares: CSV and XLSX exports that cannot smuggle a formula into a
spreadsheet, counts of related rows that never multiply, and their menu items and URLs.

Every admin listing that exports (Wagtail's SpreadsheetExportMixin) takes `FormulaSafeExportMixin`:
the project's reports through `AcademyReportView`, the materials listing through its index view, and
Wagtail's own exporting listings through `wagtail_export_urls`, routed ahead of Wagtail's admin.
tests/security/test_spreadsheet_exports.py lists them all and fails on a new one left out.
"""

import datetime

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import path
from django.utils.text import capfirst
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.redirects.views import IndexView as RedirectsIndexView
from wagtail.utils.urlpatterns import decorate_urlpatterns

# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """`value` as a cell that shows it rather than runs it: text that a spreadsheet would read as
    a formula gets a leading apostrophe. Numbers and dates stay numbers and dates (a negative number
    is not a formula), and escaped text starts with the apostrophe, so it is never escaped twice."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For a view with Wagtail's SpreadsheetExportMixin: every CSV and XLSX cell it writes passes
    through `formula_safe`, after Wagtail's own per-field and per-type preprocessing."""

    def preprocess_field_value(self, field, value, export_format):
        return formula_safe(super().preprocess_field_value(field, value, export_format))


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


class AcademyReportView(FormulaSafeExportMixin, ReportView):
    """A report whose exports cannot smuggle a formula into a spreadsheet."""

    permission_required = "view"

    def get_heading(self, queryset, field):
        # Decorated rows are plain lists, so headings come from here rather than model fields;
        # like every heading the admin exports, they are the code's words, never content.
        return str(self.export_headings.get(field) or capfirst(field.replace("_", " ")))

    def get_filename(self):
        return f"{self.export_filename}-{datetime.date.today():%Y-%m-%d}"


class PermissionMenuItem(MenuItem):
    """A menu item shown only to those with `permission`, as a report's own view requires."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def report_urls(reports):
    """Each (name, route, view) report's page and its results-only fragment."""
    for name, route, view in reports:
        yield path(route, view.as_view(), name=name)
        yield path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results")


# Wagtail's own listings that export, with the same rule. Wagtail routes them inside its admin
# URLconf, where a `register_admin_urls` hook comes after them and cannot replace them; so lms/urls.py
# includes these first, at the same admin URLs, and Wagtail's URL names lead here. Like every
# admin view they need access to the admin and are never cached, as Wagtail's admin URLconf does.
class SiteHistoryReport(FormulaSafeExportMixin, LogEntriesView):
    pass


class LockedPagesReport(FormulaSafeExportMixin, LockedPagesView):
    pass


class AgingPagesReport(FormulaSafeExportMixin, AgingPagesView):
    pass


class WorkflowReport(FormulaSafeExportMixin, WorkflowView):
    pass


class WorkflowTasksReport(FormulaSafeExportMixin, WorkflowTasksView):
    pass


class RedirectsListing(FormulaSafeExportMixin, RedirectsIndexView):
    pass


def wagtail_export_urls():
    """Each of Wagtail's exporting listings and its results-only fragment, relative to /admin/."""
    listings = [
        ("reports/site-history/", SiteHistoryReport),
        ("reports/locked/", LockedPagesReport),
        ("reports/aging-pages/", AgingPagesReport),
        ("reports/workflow/", WorkflowReport),
        ("reports/workflow_tasks/", WorkflowTasksReport),
        ("redirects/", RedirectsListing),
    ]
    urls = []
    for route, view in listings:
        urls.append(path(route, view.as_view()))
        urls.append(path(f"{route}results/", view.as_view(results_only=True)))
    return decorate_urlpatterns(decorate_urlpatterns(urls, require_admin_access), never_cache)
