"""Spreadsheet formula injection: no CSV or XLSX the admin produces carries a cell a spreadsheet
would run. Titles and names typed by editors or learners that start like a formula (`=`, `+`, `-`,
`@`, tab, carriage return) come out with a leading apostrophe; numbers and dates stay numbers and
dates; nothing is escaped twice.

`EXPORTS` lists every admin listing that exports, and
`test_every_admin_export_is_in_the_list_and_answers_with_a_formula_safe_view` fails when a new
one is left out of it.
"""

import datetime

from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.utils import get_form_types
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

import pytest

from cohorts.applications import accept
from learning.models import Enrolment
from lms.core.reports import FormulaSafeExportMixin, formula_safe
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CohortFactory,
    CoursePageFactory,
    EditionPageFactory,
    EditorFactory,
    MaterialFactory,
    SkillFactory,
    SuperuserFactory,
    UserFactory,
)
from tests.spreadsheets import exported_rows

HYPERLINK = '=HYPERLINK("http://evil","x")'
SUM = "@SUM(1+1)"
# What a spreadsheet takes for the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Every admin listing that exports CSV and XLSX, by URL name, and its results-only fragment (which
# answers `?export=` too). A new export joins this list, with data in `hostile_academy` that it
# shows; the test that walks the URLconf fails until it does.
EXPORTS = [
    "wagtailsnippets_materials_material:list",
    "wagtailsnippets_materials_material:list_results",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:locked_pages_results",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:aging_pages_results",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_results",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:workflow_tasks_results",
    "wagtailredirects:index",
    "wagtailredirects:index_results",
    "materials_reports:gaps",
    "materials_reports:gaps_results",
    "learning_reports:progress",
    "learning_reports:progress_results",
    "learning_reports:course_learners",
    "learning_reports:course_learners_results",
    "learning_reports:skills",
    "learning_reports:skills_results",
    "cohorts_reports:attendance",
    "cohorts_reports:attendance_results",
    "applications:index",
    "applications:index_results",
    "coaching_submissions_report",
    "coaching_submissions_report_results",
]

# Wagtail's own listings that lms/urls.py routes ahead of Wagtail's admin URLconf.
WAGTAIL_ROUTED_AHEAD = ("wagtailadmin_reports:", "wagtailredirects:")


def cells(rows):
    return [cell for row in rows for cell in row]


def assert_no_formula(rows, where):
    formulas = [c for c in cells(rows) if isinstance(c, str) and c.startswith(FORMULA_STARTS)]
    assert not formulas, f"{where}: cells a spreadsheet would run: {formulas}"


def published(page, user):
    """`page` published by `user`, as the editor's Publish button does: a log entry, a date."""
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


@pytest.fixture
def hostile_academy(home):
    """Something shown in each of `EXPORTS` named like a formula: materials, a published, locked
    page in moderation, a site, a course with a learner and homework, a skill, an edition's
    participant."""
    admin = SuperuserFactory()
    MaterialFactory(title=HYPERLINK)
    MaterialFactory(title=SUM)
    page = published(EditionPageFactory(parent=home, title=HYPERLINK), admin)
    page.save_revision(user=admin)
    page.get_workflow().start(page, admin)
    # Locked after moderation starts, which unlocks a page locked by someone not moderating it.
    page.locked, page.locked_by, page.locked_at = True, admin, timezone.now()
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    site = Site.objects.create(hostname="evil.example.org", site_name=HYPERLINK, root_page=home)
    Redirect.objects.create(old_path="/old", site=site, redirect_link="https://example.org/")
    course = CoursePageFactory(parent=page, title=HYPERLINK)
    Enrolment.objects.create(learner=UserFactory(display_name=SUM), course=course)
    SkillFactory(name=SUM)
    # A participant of the edition, for the attendance report, who applied from a hostile cluster.
    participant = UserFactory(display_name=SUM)
    application = ApplicationFactory(
        cohort=CohortFactory(edition=page), applicant=participant, organisation=HYPERLINK
    )
    accept(application, None)
    # Homework on the course, for the submissions report.
    AssignmentFactory(page=course, title=SUM)
    return {"admin": admin, "course": course}


def export_url(name, course_pk=1):
    """The URL named `name`; the course learners drill-down names its course."""
    args = [course_pk] if name.startswith("learning_reports:course_learners") else []
    return reverse(name, args=args)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_editor_exports_the_materials_list_with_formula_titles_escaped(client, home, fmt):
    MaterialFactory(title=HYPERLINK, date=datetime.date(2024, 5, 17))
    MaterialFactory(title=SUM)
    client.force_login(EditorFactory())

    rows = exported_rows(client, reverse("wagtailsnippets_materials_material:list"), fmt)

    titles = [row[0] for row in rows[1:]]
    assert "'" + HYPERLINK in titles
    assert "'" + SUM in titles
    assert_no_formula(rows, "materials list")
    if fmt == "xlsx":
        # Only text is escaped: the date stays a date and "live" a boolean.
        row = next(row for row in rows if row[0] == "'" + HYPERLINK)
        assert row == ["'" + HYPERLINK, "worksheet", None, "en", datetime.date(2024, 5, 17), True]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_site_history_export_escapes_a_page_published_with_a_formula_title(client, home, fmt):
    editor = EditorFactory()
    published(EditionPageFactory(parent=home, title=HYPERLINK), SuperuserFactory())
    client.force_login(editor)

    rows = exported_rows(client, reverse("wagtailadmin_reports:site_history"), fmt)

    assert "'" + HYPERLINK in cells(rows)
    assert_no_formula(rows, "site history")
    if fmt == "xlsx":
        # The date and time of the entry stays a date and time.
        assert any(isinstance(c, datetime.datetime) for c in cells(rows[1:]))


@pytest.mark.django_db
@pytest.mark.parametrize("name", EXPORTS)
def test_every_admin_export_escapes_formulas(client, hostile_academy, name):
    client.force_login(hostile_academy["admin"])

    for fmt in ("csv", "xlsx"):
        rows = exported_rows(client, export_url(name, hostile_academy["course"].pk), fmt)

        shown = cells(rows)
        assert "'" + HYPERLINK in shown or "'" + SUM in shown, f"{name} {fmt}: no hostile row"
        assert_no_formula(rows, f"{name} {fmt}")


@pytest.mark.django_db
@pytest.mark.parametrize("name", [n for n in EXPORTS if n.startswith(WAGTAIL_ROUTED_AHEAD)])
def test_wagtails_exporting_listings_still_ask_for_access_to_the_admin(client, learner, name):
    """Routed ahead of Wagtail's admin URLconf (lms/urls.py), they keep its access check."""
    for visitor in (None, learner):
        if visitor:
            client.force_login(visitor)
        response = client.get(reverse(name), {"export": "csv"})
        assert response.status_code == 302, name
        assert response.url.startswith("/admin/login/"), name
        assert "no-cache" in response.headers["Cache-Control"], name


def exporting_url_names(patterns, namespace=""):
    """The names of the URLs whose views export a spreadsheet (Wagtail's SpreadsheetExportMixin
    with columns to export), walking the whole URLconf."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from exporting_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            view = getattr(pattern.callback, "view_class", None)
            if view and issubclass(view, SpreadsheetExportMixin):
                initkwargs = getattr(pattern.callback, "view_initkwargs", {})
                if initkwargs.get("list_export", view.list_export):
                    yield namespace + pattern.name


def test_every_admin_export_is_in_the_list_and_answers_with_a_formula_safe_view():
    found = set(exporting_url_names(get_resolver().url_patterns))

    assert found == set(EXPORTS)
    for name in found:
        # Wagtail's own views are still in its URLconf, behind the formula-safe ones that answer.
        view = resolve(export_url(name)).func.view_class
        assert issubclass(view, FormulaSafeExportMixin), name
    # Wagtail's form submissions export too, through a view each form page type names; there is
    # no form page type yet. One that comes needs a formula-safe `submissions_list_view_class`.
    assert get_form_types() == []


def test_only_text_is_escaped_and_only_once():
    assert formula_safe(HYPERLINK) == "'" + HYPERLINK
    assert formula_safe("\tcmd") == "'\tcmd"
    assert formula_safe("\rcmd") == "'\rcmd"
    assert formula_safe("-2+3") == "'-2+3"
    assert formula_safe(formula_safe(SUM)) == "'" + SUM
    assert formula_safe("Action plan = strategy") == "Action plan = strategy"
    for value in (-3, -2.5, 0, None, True, datetime.date(2024, 1, 1)):
        assert formula_safe(value) == value
