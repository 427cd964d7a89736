"""The attendance report: each participant of each edition, the sessions they attended of those
held, their rate and whether it meets the edition's minimum for certificates (cohorts/attendance.py
defines all three). A Wagtail ReportView with formula-safe CSV and XLSX exports
(lms/core/reports.py), for those with `cohorts.view_attendance`.
"""

from django.urls import reverse

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet

import django_filters

from cohorts.attendance import attendance_rates
from cohorts.models import Application, Attendance
from courses.models import EditionPage
from lms.core.reports import AcademyReportView, PermissionMenuItem, report_urls


class AttendanceFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        field_name="cohort__edition",
        queryset=EditionPage.objects.filter(cohort__isnull=False).order_by("-number"),
        empty_label="All",
    )

    class Meta:
        model = Application
        fields = ["edition"]


class AttendanceReport(AcademyReportView):
    page_title = "Attendance"
    header_icon = "calendar-check"
    # Its rows are participants (accepted applications); who sees it follows the attendance's
    # view permission.
    model = Attendance
    filterset_class = AttendanceFilterSet
    results_template_name = "cohorts/admin/attendance_report_results.html"
    index_url_name = "cohorts_reports:attendance"
    index_results_url_name = "cohorts_reports:attendance_results"
    export_filename = "attendance"
    list_export = [
        "edition_title",
        "applicant.get_full_name",
        "applicant.email",
        "organisation",
        "attended",
        "held",
        "rate",
        "minimum",
        "meets_minimum",
    ]
    export_headings = {
        "edition_title": "Edition",
        "applicant.get_full_name": "Participant",
        "applicant.email": "Email",
        "attended": "Sessions attended",
        "held": "Sessions held",
        "rate": "Rate (%)",
        "minimum": "Minimum (%)",
        "meets_minimum": "Meets minimum",
    }
    columns = [
        Column("edition_title", label="Edition"),
        Column("applicant", label="Participant"),
        Column("organisation"),
        Column("attended", label="Sessions attended"),
        Column("held", label="Sessions held"),
        Column("rate", label="Rate (%)"),
        Column("minimum", label="Minimum (%)"),
        Column("meets_minimum", label="Meets minimum"),
    ]

    def get_queryset(self):
        return (
            Application.objects.filter(status=Application.Status.ACCEPTED)
            .select_related("applicant", "cohort__edition")
            .order_by("-cohort__edition__number", "applicant__display_name", "applicant__email")
        )

    def decorate_paginated_queryset(self, applications):
        applications = list(applications)
        rates = attendance_rates(
            (application.applicant_id, application.cohort.edition_id)
            for application in applications
        )
        for application in applications:
            rate = rates[application.applicant_id, application.cohort.edition_id]
            application.edition_title = application.cohort.edition.title
            application.attended, application.held = rate.attended, rate.held
            application.rate, application.minimum = rate.percent, rate.minimum
            application.meets_minimum = "yes" if rate.meets_minimum else "no"
        return applications

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # With one edition shown, staff who may record attendance get each session's sheet.
        edition = self.filters.form.cleaned_data.get("edition") if self.is_filtering else None
        if edition and self.request.user.has_perm("cohorts.change_attendance"):
            context["sheets"] = [
                (session, reverse("cohorts:attendance", args=[session.pk]))
                for session in edition.sessions.filter(cancelled=False)
            ]
        return context


class AttendanceReportViewSet(ViewSet):
    """The report as an item of the Cohorts menu (cohorts/wagtail_hooks.py), shown to those who
    may open it."""

    name = "cohorts_reports"
    url_prefix = "cohorts/reports"
    menu_label = "Attendance"
    icon = "calendar-check"

    def get_urlpatterns(self):
        return list(report_urls([("attendance", "attendance/", AttendanceReport)]))

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission="cohorts.view_attendance",
        )
