"""Guessing passwords gets nowhere: sign-in and password reset are throttled, sessions rotate,
and the admin opens only to staff.

django-axes counts failures in the database (rolled back after each test); the password reset
limits live in the cache, cleared around each test.
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from lms.accounts.throttling import client_ip
from tests.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery"
LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
RESET = "/accounts/password/reset/"


def from_address(ip):
    return Client(REMOTE_ADDR=ip)


def sign_in(client, email, password, url=LOGIN):
    return client.post(url, {"username": email, "password": password})


def is_signed_in(client):
    return SESSION_KEY in client.session


def fail(client, email, times, url=LOGIN):
    return [sign_in(client, email, "wrong guess", url).status_code for _ in range(times)]


def test_five_wrong_passwords_lock_the_account_and_the_address():
    learner = UserFactory(email="ana@cluster.example.eu")
    attacker = from_address("203.0.113.7")

    # Four failures are ordinary mistakes: the form says so and lets the learner try again.
    assert fail(attacker, learner.email, 4) == [200] * 4
    fifth = sign_in(attacker, learner.email, "wrong guess")
    assert fifth.status_code == 429
    assert "Too many sign-in attempts" in fifth.content.decode()

    # The right password no longer helps, neither from that address…
    response = sign_in(attacker, learner.email, RIGHT)
    assert response.status_code == 429
    assert "Try again in 15 min" in response.content.decode()
    assert int(response["Retry-After"]) == 15 * 60
    assert not is_signed_in(attacker)
    # …nor for that account from elsewhere (the email's case does not matter),
    elsewhere = from_address("198.51.100.20")
    assert sign_in(elsewhere, "ANA@Cluster.example.eu", RIGHT).status_code == 429
    assert not is_signed_in(elsewhere)
    # …nor for another account from the locked address.
    colleague = UserFactory()
    assert sign_in(attacker, colleague.email, RIGHT).status_code == 429

    # Someone else from another address signs in as usual.
    other = from_address("192.0.2.44")
    response = sign_in(other, colleague.email, RIGHT)
    assert response.status_code == 302
    assert is_signed_in(other)


def test_the_lockout_ends_after_the_cool_off(settings):
    learner = UserFactory()
    client = from_address("203.0.113.8")
    fail(client, learner.email, 5)
    assert sign_in(client, learner.email, RIGHT).status_code == 429

    # Fifteen minutes pass.
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)
    response = sign_in(client, learner.email, RIGHT)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_successful_sign_in_forgets_earlier_failures():
    learner = UserFactory()
    client = from_address("203.0.113.9")
    fail(client, learner.email, 4)
    assert sign_in(client, learner.email, RIGHT).status_code == 302
    client.post("/accounts/logout/")
    # Four more mistakes are again just mistakes.
    assert fail(client, learner.email, 4) == [200] * 4


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_limit_comes_from_settings():
    learner = UserFactory()
    client = from_address("203.0.113.10")
    assert fail(client, learner.email, 2) == [200, 429]


def test_the_admin_sign_in_is_locked_out_too():
    editor = EditorFactory()
    client = from_address("203.0.113.11")
    fail(client, editor.email, 5, url=ADMIN_LOGIN)
    response = sign_in(client, editor.email, RIGHT, url=ADMIN_LOGIN)
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_behind_a_proxy_the_forwarded_client_is_counted_not_the_proxy(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    forged_then_real = "10.9.9.9, 198.51.100.77"
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forged_then_real)
    assert client_ip(request) == "198.51.100.77"
    # Without the proxy's header (e.g. a health check on the loopback) the peer is the client.
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"


def test_learners_behind_one_proxy_are_locked_out_one_by_one(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    learner, colleague = UserFactory(), UserFactory()
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.12")
    fail(attacker, learner.email, 5)
    assert sign_in(attacker, colleague.email, RIGHT).status_code == 429
    neighbour = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.12")
    assert sign_in(neighbour, colleague.email, RIGHT).status_code == 302


def test_signing_in_rotates_the_session_key():
    """A session id planted before sign-in (session fixation) is worthless afterwards."""
    learner = UserFactory()
    client = Client()
    before = client.session.session_key
    assert sign_in(client, learner.email, RIGHT).status_code == 302
    after = client.cookies["sessionid"].value
    assert after != before
    assert not SessionStore().exists(before)
    assert is_signed_in(client)


def test_the_session_cookie_is_http_only():
    learner = UserFactory()
    client = Client()
    sign_in(client, learner.email, RIGHT)
    assert client.cookies["sessionid"]["httponly"]


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/snippets/"])
def test_the_admin_refuses_learners(client, path):
    client.force_login(UserFactory())
    response = client.get(path)
    # Wagtail sends anyone without admin access to its sign-in page, with a message.
    assert response.status_code == 302
    assert response.url.startswith(ADMIN_LOGIN)
    assert "dashboard" not in client.get(response.url).content.decode().lower()


def test_the_admin_opens_to_editors(client):
    client.force_login(EditorFactory())
    assert client.get("/admin/").status_code == 200


# Password reset


def ask_reset(client, email):
    return client.post(RESET, {"email": email})


def test_password_reset_requests_are_limited_per_email_with_the_same_answer(settings):
    learner = UserFactory()
    answers = [
        ask_reset(from_address(f"198.51.100.{n}"), learner.email)
        for n in range(settings.PASSWORD_RESET_MAX_PER_EMAIL + 2)
    ]
    assert len(mail.outbox) == settings.PASSWORD_RESET_MAX_PER_EMAIL
    # Throttled or not, the visitor sees the same neutral page: nothing tells them apart.
    assert {(answer.status_code, answer.url) for answer in answers} == {
        (302, "/accounts/password/reset/sent/")
    }


def test_password_reset_requests_are_limited_per_address(settings):
    client = from_address("203.0.113.13")
    learners = [UserFactory() for _ in range(settings.PASSWORD_RESET_MAX_PER_ADDRESS + 2)]
    for learner in learners:
        assert ask_reset(client, learner.email).status_code == 302
    assert len(mail.outbox) == settings.PASSWORD_RESET_MAX_PER_ADDRESS
    # Another visitor is unaffected.
    ask_reset(from_address("198.51.100.99"), learners[-1].email)
    assert len(mail.outbox) == settings.PASSWORD_RESET_MAX_PER_ADDRESS + 1


def test_an_unknown_email_gets_the_same_answer_and_counts_alike(settings):
    client = from_address("203.0.113.14")
    for n in range(settings.PASSWORD_RESET_MAX_PER_ADDRESS):
        assert ask_reset(client, f"nobody{n}@example.org").status_code == 302
    learner = UserFactory()
    assert ask_reset(client, learner.email).status_code == 302
    assert mail.outbox == []
