"""What every staff report shares: CSV and XLSX exports that cannot smuggle a formula into a
spreadsheet, counts of related rows that never multiply, and their menu items and URLs."""

import datetime

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import path
from django.utils.text import capfirst

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

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
