"""Sessions on the v3 API: those of live, public editions, with public fields only."""

import datetime
import zoneinfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import APIToken

import pytest

from tests.factories import (
    EditionPageFactory,
    ModulePageFactory,
    PageViewRestrictionFactory,
    SessionFactory,
    SuperuserFactory,
    UserFactory,
)

SESSIONS = "/api/v3/academy/sessions/"
SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")


def test_a_session_is_listed_with_its_public_fields_only(client, edition, academy):
    module = ModulePageFactory(parent=academy.course, title="Public module")
    hidden = ModulePageFactory(parent=academy.course, title="Draft module", live=False)
    session = SessionFactory(
        edition=edition,
        title="Study visit",
        kind="on_site",
        venue="Sofia Tech Park",
        starts_at=datetime.datetime(2024, 3, 14, 9, tzinfo=SOFIA),
        ends_at=datetime.datetime(2024, 3, 14, 17, tzinfo=SOFIA),
        time_zone="Europe/Sofia",
        join_url="https://meet.example.org/secret",
        recording_url="https://video.example.org/visit",
    )
    session.trainers.add(UserFactory(email="trainer@eccp.example.org"))
    session.modules.set([module, hidden])

    response = client.get(SESSIONS)

    assert response.status_code == 200
    assert b"meet.example.org" not in response.content
    assert b"trainer@eccp.example.org" not in response.content
    data = response.json()
    assert data["count"] == 1
    (item,) = data["items"]
    assert item["uid"] == str(session.uid)
    assert item["title"] == "Study visit"
    assert item["kind"] == "on_site"
    assert item["venue"] == "Sofia Tech Park"
    assert item["time_zone"] == "Europe/Sofia"
    assert datetime.datetime.fromisoformat(item["starts_at"]) == session.starts_at
    assert item["recording_url"] == "https://video.example.org/visit"
    assert item["edition"]["slug"] == "cohort-edition"
    assert [m["title"] for m in item["modules"]] == ["Public module"]
    assert item["ics_url"] == f"http://testserver/calendar/sessions/{session.uid}.ics"
    assert "join_url" not in item
    assert "trainers" not in item


def test_sessions_are_listed_per_edition_in_order(client, home, edition):
    later = SessionFactory(edition=edition, title="Later")
    sooner = SessionFactory(
        edition=edition, title="Sooner", starts_at=later.starts_at - datetime.timedelta(days=2)
    )
    SessionFactory(edition=EditionPageFactory(parent=home), title="Another edition's")

    data = client.get(SESSIONS, {"edition": edition.pk}).json()

    assert [item["uid"] for item in data["items"]] == [str(sooner.uid), str(later.uid)]


def test_one_session_by_its_uid(client, edition):
    session = SessionFactory(edition=edition, title="Opening session")

    response = client.get(f"{SESSIONS}{session.uid}/")

    assert response.status_code == 200
    assert response.json()["title"] == "Opening session"


@pytest.fixture(params=["anonymous", "staff token"])
def headers(request, db):
    """None, or a superuser's bearer token: a token never widens what the API shows."""
    if request.param == "anonymous":
        return {}
    token = APIToken.create_token(user=SuperuserFactory(), name="script")[1]
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("closed", ["draft", "login", "groups", "password"])
def test_sessions_of_editions_the_public_cannot_see_are_not_in_the_api(
    client, edition, closed, headers
):
    session = SessionFactory(edition=edition)
    if closed == "draft":
        edition.unpublish()
    else:
        PageViewRestrictionFactory(page=edition, restriction_type=closed)

    assert client.get(SESSIONS, headers=headers).json()["count"] == 0
    assert client.get(SESSIONS, {"edition": edition.pk}, headers=headers).status_code == 404
    assert client.get(f"{SESSIONS}{session.uid}/", headers=headers).status_code == 404


@pytest.mark.parametrize(
    ("url", "params"),
    [
        (SESSIONS, {"edition": "99999999999999999999999"}),
        (SESSIONS, {"edition": "sofia"}),
        (SESSIONS, {"offset": "99999999999999999999999"}),
        (SESSIONS, {"limit": "0"}),
        (f"{SESSIONS}not-a-uuid/", {}),
        (f"{SESSIONS}00000000-0000-0000-0000-000000000000/", {}),
    ],
)
def test_hostile_requests_get_a_client_error(client, edition, url, params):
    assert 400 <= client.get(url, params).status_code < 500


def test_the_list_costs_the_same_for_3_or_60_sessions(
    client, home, academy, django_assert_num_queries
):
    few, many = EditionPageFactory(parent=home), EditionPageFactory(parent=home)
    for edition, count in ((few, 3), (many, 60)):
        for _ in range(count):
            SessionFactory(edition=edition).modules.set(academy.modules)

    def listing(edition):
        return client.get(SESSIONS, {"edition": edition.pk, "limit": 20})

    listing(few)
    with CaptureQueriesContext(connection) as captured:
        listing(few)
    expected = len(captured)
    listing(many)
    with django_assert_num_queries(expected):
        response = listing(many)
    assert len(response.json()["items"]) == 20
