"""A database that goes away mid-request is "unavailable, retry shortly", not an internal error.

bench/load_faults.py proves it against a real PostgreSQL restart; these tests pin the mapping.
"""

from django.db import InterfaceError, OperationalError

import pytest

from home.models import HomePage


@pytest.fixture
def failing_home(client, home, monkeypatch):
    """The home page raising `error` while it renders; the client gets the error page."""
    client.raise_request_exception = False

    def fail_with(error):
        def get_context(*args, **kwargs):
            raise error

        monkeypatch.setattr(HomePage, "get_context", get_context)
        return client.get("/")

    return fail_with


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error",
    [
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
    ],
)
def test_database_gone_answers_503_to_retry(failing_home, error):
    response = failing_home(error)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert b"Briefly unavailable" in response.content
    assert b"Traceback" not in response.content
    assert b"server closed" not in response.content


@pytest.mark.django_db
def test_other_errors_still_answer_500(failing_home):
    response = failing_home(ValueError("a bug"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"a bug" not in response.content
