"""schemathesis against Wagtail's v3 API schema: whatever it sends, anonymously or with an editor's
token, the API never answers with a 5xx.

Every operation of /api/v3/openapi.json gets generated requests (valid and invalid), called
in-process on Django's WSGI handler inside the test's transaction, so writes are rolled back. The
requests meet a course, a module and a material (the `api_data` fixture) to list, search,
filter and count.
"""

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from wagtail.models import APIToken

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    EditorFactory,
    MaterialFactory,
    SkillFactory,
)

SCHEMA_URL = "/api/v3/openapi.json"

# Loaded while tests are collected: generating the schema reads models, never the database.
schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, WSGIHandler()).exclude(
    # With no translatable snippet model, Wagtail declares the snippet type as the empty string,
    # which no URL can carry: schemathesis cannot build a single request for it.
    operation_id="snippets_actions_copy_for_translation"
)

bounded = settings(
    max_examples=10,
    deadline=None,
    # Each operation is one test that makes many requests, and generated bodies can be large.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture
def api_data(library):
    """What the API lists, searches and filters: a published course with a module and a
    material, each with a skill (lighter than the whole small academy, built for every case)."""
    skill = SkillFactory()
    edition = EditionPageFactory(parent=library.get_parent())
    CourseWithModulesFactory(parent=edition, modules=1)
    MaterialFactory(skills=[skill], edition=edition)


@pytest.fixture
def app(api_data):
    """Django's WSGI handler on the academy, kept from closing the test's connection after each
    request.

    A request's end closes database connections that are inside a transaction; the test's
    connection always is, so (as Django's test client does) the signal is held off meanwhile.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def editor_token(db):
    return APIToken.create_token(user=EditorFactory(), name="schemathesis")[1]


@schema.parametrize()
@bounded
def test_anonymous_requests_never_cause_a_server_error(case, app):
    case.call_and_validate(app=app, checks=[not_a_server_error])


@schema.parametrize()
@bounded
def test_an_editors_requests_never_cause_a_server_error(case, app, editor_token):
    case.call_and_validate(
        app=app,
        checks=[not_a_server_error],
        headers={"Authorization": f"Bearer {editor_token}"},
    )


def test_the_schema_covers_the_academy_and_wagtails_write_endpoints():
    """So that the suite cannot pass by testing a schema that lost its operations."""
    labels = {result.ok().label for result in schema.get_all_operations()}
    for label in [
        "GET /api/v3/academy/materials/",
        "GET /api/v3/academy/materials/facets/",
        "GET /api/v3/academy/materials/{slug}/",
        "GET /api/v3/academy/courses/",
        "GET /api/v3/academy/skills/",
        "POST /api/v3/pages/",
        "PATCH /api/v3/pages/{page_id}/",
        "POST /api/v3/pages/{page_id}/actions/move/",
        "POST /api/v3/snippets/{type}/",
        "PATCH /api/v3/snippets/{type}/{pk}/",
        "POST /api/v3/documents/",
    ]:
        assert label in labels
    assert len(labels) >= 55
