"""Applications on the v3 API: staff with a bearer token read them all, a learner with a token reads
only their own, and nobody reads any without a token."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import APIToken

import pytest

from cohorts import applications
from cohorts.models import Application
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    SuperuserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("wagtailapi_v3:academy_applications")


def detail(application_id):
    return reverse("wagtailapi_v3:academy_application", args=[application_id])


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {APIToken.create_token(user=user, name='script')[1]}"}


@pytest.fixture
def cohorts(home):
    turin = CohortFactory(edition=EditionPageFactory(parent=home, title="Turin 2027"))
    sofia = CohortFactory(edition=EditionPageFactory(parent=home, title="Sofia 2028"))
    return turin, sofia


@pytest.fixture
def people(cohorts):
    turin, sofia = cohorts
    ada = ApplicationFactory(cohort=turin, notes="Strong candidate.")
    ben = ApplicationFactory(cohort=turin)
    cleo = ApplicationFactory(cohort=sofia, applicant=ada.applicant)
    applications.waitlist(ben, by=None)
    return {"ada": ada, "ben": ben, "cleo": cleo}


def test_staff_with_a_token_read_every_application_and_filter_them(client, cohorts, people):
    reviewer = UserFactory()
    reviewer.user_permissions.add(Permission.objects.get(codename="change_application"))
    headers = bearer(reviewer)

    everything = client.get(LIST, **headers).json()
    assert everything["count"] == 3
    ada = next(item for item in everything["items"] if item["id"] == people["ada"].pk)
    assert ada["edition"]["title"] == "Turin 2027"
    assert ada["applicant"]["email"] == people["ada"].applicant.email
    assert (ada["status"], ada["status_label"], ada["notes"]) == (
        "submitted",
        "Submitted",
        "Strong candidate.",
    )

    turin = client.get(LIST, {"edition": cohorts[0].edition.pk}, **headers).json()
    assert {item["id"] for item in turin["items"]} == {people["ada"].pk, people["ben"].pk}
    waiting = client.get(LIST, {"status": "waitlisted"}, **headers).json()
    assert [(i["id"], i["waitlist_position"]) for i in waiting["items"]] == [(people["ben"].pk, 1)]
    assert client.get(detail(people["ben"].pk), **headers).json()["status"] == "waitlisted"


def test_a_learner_with_a_token_reads_only_their_own(client, people):
    headers = bearer(people["ada"].applicant)

    mine = client.get(LIST, **headers).json()

    assert {item["id"] for item in mine["items"]} == {people["ada"].pk, people["cleo"].pk}
    assert all(item["notes"] is None for item in mine["items"])
    assert client.get(detail(people["ada"].pk), **headers).status_code == 200
    assert client.get(detail(people["ben"].pk), **headers).status_code == 404
    assert client.get(LIST, {"status": "waitlisted"}, **headers).json()["count"] == 0


def test_without_a_valid_token_nothing_is_read(client, people):
    token, key = APIToken.create_token(user=SuperuserFactory(), name="old")
    token.revoke()
    # A signed-in session does not count in the API: only a bearer token does.
    client.force_login(SuperuserFactory())

    for headers in (
        {},
        {"HTTP_AUTHORIZATION": f"Bearer {key}"},
        {"HTTP_AUTHORIZATION": "Bearer x"},
    ):
        assert client.get(LIST, **headers).status_code == 401
        assert client.get(detail(people["ada"].pk), **headers).status_code == 401


@pytest.mark.parametrize(
    ("path", "query", "status"),
    [
        (LIST, {"status": "nonsense"}, 422),
        (LIST, {"edition": "abc"}, 422),
        (LIST, {"edition": "9" * 30}, 200),
        (LIST, {"offset": "9" * 30}, 422),
        (None, {}, 404),
    ],
    ids=["unknown-status", "word-edition", "huge-edition", "huge-offset", "huge-id"],
)
def test_bad_parameters_get_a_4xx(client, people, path, query, status):
    headers = bearer(SuperuserFactory())

    response = client.get(path or detail("9" * 30), query, **headers)

    assert response.status_code == status
    if status == 200:
        assert response.json()["count"] == 0
    assert Application.objects.count() == 3
