"""Staff review applications in the Wagtail admin: the listing's filters and search, notes, the bulk
accept, waitlist and decline, formula-safe exports, and the editions' seats and dates."""

import datetime
from urllib.parse import urlencode

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from cohorts import applications
from cohorts.models import Application, Cohort
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    EditorFactory,
    SuperuserFactory,
    UserFactory,
    crowd_of_applicants,
)
from tests.spreadsheets import exported_rows

Status = Application.Status
pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil","x")'
SUM = "@SUM(1+1)"
INDEX = reverse("applications:index")


def bulk_url(action, applications, next_url=INDEX):
    query = urlencode([*(("id", a.pk) for a in applications), ("next", next_url)])
    return reverse("wagtail_bulk_action", args=["cohorts", "application", action]) + "?" + query


@pytest.fixture
def admin_client(client):
    client.force_login(SuperuserFactory())
    return client


@pytest.fixture
def turin(home):
    return CohortFactory(edition=EditionPageFactory(parent=home, title="Turin 2027"), seats=1)


@pytest.fixture
def sofia(home):
    return CohortFactory(edition=EditionPageFactory(parent=home, title="Sofia 2028"), seats=30)


def applied(cohort, name, **fields):
    return ApplicationFactory(
        cohort=cohort,
        applicant=UserFactory(display_name=name, email=f"{name.lower()}@clusters.example.org"),
        **fields,
    )


def listed(response):
    return {a.applicant.display_name for a in response.context["object_list"]}


def test_staff_filter_applications_by_edition_and_status_and_search_them(
    admin_client, turin, sofia
):
    ada = applied(turin, "Ada", organisation="Lumen Optics Cluster")
    applied(turin, "Ben")
    cleo = applied(sofia, "Cleo")
    applications.waitlist(cleo, by=None)
    applied(sofia, "Dan", organisation="Agrifood Cluster")

    assert listed(admin_client.get(INDEX)) == {"Ada", "Ben", "Cleo", "Dan"}
    assert listed(admin_client.get(INDEX, {"edition": turin.edition.pk})) == {"Ada", "Ben"}
    assert listed(admin_client.get(INDEX, {"status": "waitlisted"})) == {"Cleo"}
    both = {"edition": sofia.edition.pk, "status": "submitted"}
    assert listed(admin_client.get(INDEX, both)) == {"Dan"}
    assert listed(admin_client.get(INDEX, {"q": "lumen optics"})) == {"Ada"}
    assert listed(admin_client.get(INDEX, {"q": "dan@clusters"})) == {"Dan"}
    page = admin_client.get(INDEX).content.decode()
    assert reverse("applications:edit", args=[ada.pk]) in page
    assert "Waitlisted" in page and "Turin 2027" in page
    # A checkbox per application, and the bulk decisions in the footer.
    assert page.count("data-bulk-action-checkbox") >= 4
    for action in ("accept", "waitlist", "decline"):
        assert reverse("wagtail_bulk_action", args=["cohorts", "application", action]) in page
    # Nobody adds an application in the admin: applicants apply on the site.
    assert reverse("applications:add") not in page
    assert admin_client.get(reverse("applications:add")).status_code in (302, 403)


@pytest.mark.parametrize(
    "query",
    [{"edition": "abc"}, {"status": "nonsense"}, {"edition": "9" * 40}, {"q": "\x00" * 3}],
    ids=["word", "unknown-status", "huge", "nul"],
)
def test_a_forged_filter_is_never_a_server_error(admin_client, turin, query):
    applied(turin, "Ada")

    assert admin_client.get(INDEX, query).status_code in (200, 400)


def test_bulk_accept_takes_the_seats_left_and_names_those_refused(admin_client, turin):
    ada, ben = applied(turin, "Ada"), applied(turin, "Ben")

    confirm = admin_client.get(bulk_url("accept", [ada, ben]))
    assert confirm.status_code == 200
    assert "Ada" in confirm.content.decode() and "Ben" in confirm.content.decode()

    response = admin_client.post(bulk_url("accept", [ada, ben]), follow=True)

    assert response.redirect_chain[-1][0] == INDEX
    shown = response.content.decode()
    assert "Accepted 1 application." in shown
    assert "Ben: No seat left in “Turin 2027”: all 1 seats are taken." in shown
    ada.refresh_from_db(), ben.refresh_from_db()
    assert (ada.status, ben.status) == (Status.ACCEPTED, Status.SUBMITTED)
    assert Cohort.objects.get(pk=turin.pk).seats_taken == 1
    assert ada.applicant in Group.objects.get(cohort=turin).user_set.all()


def test_bulk_waitlist_and_decline(admin_client, sofia):
    ada, ben, cleo = applied(sofia, "Ada"), applied(sofia, "Ben"), applied(sofia, "Cleo")

    admin_client.post(bulk_url("waitlist", [ben, ada]))
    admin_client.post(bulk_url("decline", [cleo]))

    statuses = dict(Application.objects.values_list("applicant__display_name", "status"))
    assert statuses == {"Ada": Status.WAITLISTED, "Ben": Status.WAITLISTED, "Cleo": Status.DECLINED}
    # The earliest submitted is first on the waiting list, whatever order they were ticked in.
    assert applications.waitlist_position(Application.objects.get(pk=ada.pk)) == 1


@pytest.mark.parametrize("ids", [["abc"], ["9" * 40], ["all"], [""], ["-1"]])
def test_forged_bulk_ids_change_nothing(admin_client, turin, ids):
    applied(turin, "Ada")
    url = reverse("wagtail_bulk_action", args=["cohorts", "application", "accept"])
    query = "?" + urlencode([("id", i) for i in ids])

    assert admin_client.get(url + query).status_code == 200
    assert admin_client.post(url + query).status_code == 302
    assert not Application.objects.exclude(status=Status.SUBMITTED).exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_is_formula_safe_and_follows_the_filters(admin_client, turin, sofia, fmt):
    applied(turin, "Ada", organisation=HYPERLINK, motivation=SUM, notes="-1 day: call her back")
    applied(sofia, "Ben")

    rows = exported_rows(admin_client, INDEX, fmt, edition=turin.edition.pk)

    assert rows[0][:4] == ["Applicant", "Email", "Edition", "Cluster organisation"]
    [ada] = rows[1:]
    assert ada[:4] == ["Ada", "ada@clusters.example.org", "Turin 2027", "'" + HYPERLINK]
    assert "'" + SUM in ada and "'-1 day: call her back" in ada
    assert not [c for c in ada if isinstance(c, str) and c.startswith(("=", "+", "-", "@"))]
    if fmt == "xlsx":
        submitted = ada[rows[0].index("Submitted")]
        assert isinstance(submitted, datetime.datetime)


def test_staff_notes_are_saved_but_the_status_is_not_editable(admin_client, turin):
    ada = applied(turin, "Ada")
    url = reverse("applications:edit", args=[ada.pk])

    page = admin_client.get(url).content.decode()
    assert "Our cluster is growing" in page  # the application, shown read-only

    response = admin_client.post(url, {"notes": "Strong candidate.", "status": "accepted"})

    assert response.status_code == 302
    ada.refresh_from_db()
    assert (ada.notes, ada.status) == ("Strong candidate.", Status.SUBMITTED)
    assert Cohort.objects.get(pk=turin.pk).seats_taken == 0


def test_only_staff_with_the_permissions_see_applications(client, turin):
    applied(turin, "Ada")
    editor = EditorFactory()
    reviewer = UserFactory()
    reviewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_application"])
    )

    response = client.get(INDEX)
    assert response.status_code == 302 and "/admin/login/" in response.url
    client.force_login(editor)
    assert client.get(INDEX).status_code in (302, 403)
    assert "Applications" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.post(bulk_url("accept", Application.objects.all())).status_code in (302, 403)
    assert not Application.objects.exclude(status=Status.SUBMITTED).exists()

    client.force_login(reviewer)
    assert listed(client.get(INDEX)) == {"Ada"}
    assert "Applications" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_listing_runs_the_same_queries_for_10_or_500_applicants(
    admin_client, django_assert_num_queries, sofia
):
    crowd_of_applicants(sofia, 5, Status.SUBMITTED)
    crowd_of_applicants(sofia, 5, Status.WAITLISTED)
    admin_client.get(INDEX)  # Fills the caches every request then finds filled.
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(INDEX).status_code == 200

    crowd_of_applicants(sofia, 245, Status.SUBMITTED)
    crowd_of_applicants(sofia, 245, Status.WAITLISTED)
    with django_assert_num_queries(len(few)):
        response = admin_client.get(INDEX)
    assert len(response.context["object_list"]) == 50


# The editions' seats and dates


def cohort_form(edition, **changes):
    now = timezone.localtime()
    return {
        "edition": edition.pk,
        "applications_open_at": f"{now:%Y-%m-%d %H:%M}",
        "applications_close_at": f"{now + datetime.timedelta(days=30):%Y-%m-%d %H:%M}",
        "seats": 30,
        "offer_days": 3,
        "open_to": "cluster_teams",
        "min_attendance": 0,
        **changes,
    }


def test_an_editor_opens_an_edition_to_applications(admin_client, home):
    edition = EditionPageFactory(parent=home, title="Strasbourg 2028")
    listing = admin_client.get(reverse("cohort_seats:index")).content.decode()
    assert "Open an edition to applications" in listing

    response = admin_client.post(reverse("cohort_seats:add"), cohort_form(edition))

    assert response.status_code == 302
    cohort = Cohort.objects.get(edition=edition)
    assert cohort.seats == 30 and cohort.accepts_applications()
    assert cohort.participants_group.name == "Participants: Strasbourg 2028"


def test_saving_an_older_copy_of_a_cohort_keeps_the_seats_taken_since(sofia):
    older = Cohort.objects.get(pk=sofia.pk)
    applications.accept(applied(sofia, "Ada"), by=None)

    older.seats = 35
    older.save()

    assert Cohort.objects.values_list("seats", "seats_taken").get(pk=sofia.pk) == (35, 1)


def test_seats_cannot_go_below_those_taken_and_an_edit_keeps_them(admin_client, turin, sofia):
    for name in ("Ada", "Ben", "Cleo"):
        applications.accept(applied(sofia, name), by=None)
    url = reverse("cohort_seats:edit", args=[sofia.pk])

    response = admin_client.post(url, cohort_form(sofia.edition, seats=2))

    assert response.status_code == 200
    assert response.context["form"].errors["seats"] == [
        "3 seats are already taken; free some first."
    ]
    assert admin_client.post(url, cohort_form(sofia.edition, seats=40)).status_code == 302
    sofia = Cohort.objects.get(pk=sofia.pk)
    assert (sofia.seats, sofia.seats_taken) == (40, 3)
    # Closing before opening is a form error too.
    later = cohort_form(sofia.edition, applications_close_at="2020-01-01 10:00")
    assert admin_client.post(url, later).status_code == 200
