"""The LRS the xAPI tests send to is a real one: Ralph (tests/lrs.py) stores what it is sent, once
per statement id, keeps it across a restart, and refuses anyone without its credentials."""

import uuid

import pytest
import requests

from tests.lrs import XAPI_HEADERS


def statement(verb="completed", statement_id=None):
    return {
        "id": str(statement_id or uuid.uuid4()),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": "http://testserver", "name": str(uuid.uuid4())},
        },
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}", "display": {"en-US": verb}},
        "object": {"objectType": "Activity", "id": f"http://testserver/modules/{uuid.uuid4()}/"},
        "timestamp": "2026-03-02T10:00:00+00:00",
    }


def put(lrs, sent, auth=None):
    return requests.put(
        f"{lrs.url}statements/",
        params={"statementId": sent["id"]},
        json=sent,
        auth=auth or lrs.auth,
        headers=XAPI_HEADERS,
        timeout=10,
    )


def post(lrs, sent):
    return requests.post(
        f"{lrs.url}statements/", json=sent, auth=lrs.auth, headers=XAPI_HEADERS, timeout=10
    )


def test_a_statement_put_to_ralph_is_read_back_once_however_often_it_is_sent(ralph_lrs):
    sent = statement()

    assert put(ralph_lrs, sent).status_code == 204
    assert put(ralph_lrs, sent).status_code == 204
    # Nothing new to store: "no content".
    assert post(ralph_lrs, [sent]).status_code == 204

    stored = ralph_lrs.statement(sent["id"])
    assert stored["verb"] == sent["verb"]
    assert stored["actor"] == sent["actor"]
    assert [s["id"] for s in ralph_lrs.statements()].count(sent["id"]) == 1


def test_every_statement_is_read_back_page_after_page(ralph_lrs):
    sent = [statement() for _ in range(7)]
    assert post(ralph_lrs, sent).status_code == 200

    read = [s["id"] for s in ralph_lrs.statements(page_size=3)]

    assert len(read) == len(set(read))
    assert {s["id"] for s in sent} <= set(read)


def test_a_voided_statement_is_still_listed_beside_the_one_that_voids_it(ralph_lrs):
    voided = statement()
    voiding = {
        "id": str(uuid.uuid4()),
        "actor": voided["actor"],
        "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
        "object": {"objectType": "StatementRef", "id": voided["id"]},
    }
    assert put(ralph_lrs, voided).status_code == 204
    assert put(ralph_lrs, voiding).status_code == 204

    assert ralph_lrs.statement(voided["id"])["id"] == voided["id"]
    assert {voided["id"], voiding["id"]} <= {s["id"] for s in ralph_lrs.statements()}


def test_ralph_refuses_a_wrong_password(ralph_lrs):
    response = put(ralph_lrs, statement(), auth=(ralph_lrs.username, "not-the-password"))

    assert response.status_code == 401


def test_what_ralph_stored_survives_a_restart_on_the_same_address(lrs):
    before = statement()
    assert put(lrs, before).status_code == 204

    lrs.stop()
    with pytest.raises(requests.ConnectionError):
        put(lrs, statement())
    lrs.start()

    assert lrs.statement(before["id"])["id"] == before["id"]
    after = statement()
    assert put(lrs, after).status_code == 204
    assert {before["id"], after["id"]} <= {s["id"] for s in lrs.statements()}


def test_the_lrs_fixture_points_the_sites_settings_at_ralph(lrs, settings):
    assert settings.XAPI_LRS_URL == lrs.url
    assert lrs.url.startswith("http://127.0.0.1:") and lrs.url.endswith("/xAPI/")
    assert (settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD) == lrs.auth
