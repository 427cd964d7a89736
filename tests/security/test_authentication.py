"""Guessing passwords gets nowhere: sign-in, password reset and private pages' passwords are
throttled, sessions rotate, and the admin opens only to staff.

django-axes counts failures in the database (rolled back after each test); the password reset
and page password limits live in the cache, cleared around each test.

Look-alike spellings of an email ("alıce@" with a dotless i, "teſt@" with a long s) reach the
account "alice@" or "test@" on PostgreSQL, whose UPPER() folds them, and no account on SQLite,
whose case-insensitive match is ASCII only. The tests ask the database which spellings reach the
account (`reaches`) and hold on both: a spelling that reaches an account counts against it.
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Collection, CollectionViewRestriction

import pytest
from axes.models import AccessAttempt

from lms.accounts.models import User
from lms.accounts.throttling import client_ip
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    EditorFactory,
    PageViewRestrictionFactory,
    UserFactory,
)

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


def reaches(spelling, account):
    """Whether the database matches this spelling to the account, as sign-in looks it up."""
    return User.objects.filter(email__iexact=spelling, pk=account.pk).exists()


def test_a_look_alike_spelling_of_a_locked_account_does_not_get_in():
    learner = UserFactory(email="alice@cluster.example.eu")
    for n in range(5):
        sign_in(from_address(f"198.51.100.{n}"), learner.email, "wrong guess")

    # A dotless i: on PostgreSQL this is the same account, with the right password.
    look_alike = "alıce@cluster.example.eu"
    client = from_address("192.0.2.50")
    response = sign_in(client, look_alike, RIGHT)

    assert not is_signed_in(client)
    assert response.status_code == (429 if reaches(look_alike, learner) else 200)


def test_wrong_guesses_under_look_alike_spellings_count_against_the_account_they_reach():
    learner = UserFactory(email="alice@cluster.example.eu")
    spellings = ["alıce", "ALıCE", "Alıce", "alıcE", "aLıce"]
    for n, spelling in enumerate(spellings):
        sign_in(from_address(f"198.51.100.{n}"), f"{spelling}@cluster.example.eu", "wrong")

    client = from_address("192.0.2.51")
    response = sign_in(client, learner.email, RIGHT)

    locked = reaches("alıce@cluster.example.eu", learner)
    assert response.status_code == (429 if locked else 302)
    assert is_signed_in(client) is not locked


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


def test_password_resets_are_limited_per_account_whatever_the_spelling(settings):
    """A long s ("ſ") is an s to PostgreSQL's UPPER() and to Django's reset form alike."""
    learner = UserFactory(email="tess@cluster.example.eu")
    spellings = ["tess", "teſs", "tesſ", "teſſ", "TESS", "TEſS"]
    for n, spelling in enumerate(spellings):
        ask_reset(from_address(f"198.51.100.{n}"), f"{spelling}@cluster.example.eu")

    sent_for = [
        spelling
        for spelling in spellings
        if learner in PasswordResetForm().get_users(f"{spelling}@cluster.example.eu")
    ]
    assert len(mail.outbox) == min(len(sent_for), settings.PASSWORD_RESET_MAX_PER_EMAIL)
    assert {tuple(message.to) for message in mail.outbox} == {(learner.email,)}


# Private pages' passwords (Wagtail's password view restrictions)


@pytest.fixture
def private_course(home):
    course = CourseWithModulesFactory(parent=EditionPageFactory(parent=home), modules=1)
    restriction = PageViewRestrictionFactory(page=course, password="let me in")
    return course, restriction


def guess(client, private_page, password):
    course, restriction = private_page
    url = f"/_util/authenticate_with_password/{restriction.pk}/{course.pk}/"
    return client.post(url, {"password": password, "return_url": course.url})


def is_open(client, course):
    page = client.get(course.url)
    return not isinstance(page.context and page.context.get("form"), PasswordViewRestrictionForm)


def test_five_wrong_page_passwords_pause_guessing_for_the_page_and_the_address(
    home, private_course
):
    course, _ = private_course
    attacker = from_address("203.0.113.20")

    # Four wrong passwords are ordinary mistakes: the form comes back.
    assert [guess(attacker, private_course, "guess").status_code for _ in range(4)] == [200] * 4
    fifth = guess(attacker, private_course, "guess")
    assert fifth.status_code == 429
    assert "Too many wrong passwords" in fifth.content.decode()

    # The right password no longer helps, neither from that address…
    response = guess(attacker, private_course, "let me in")
    assert response.status_code == 429
    assert "Try again in 15 min" in response.content.decode()
    assert int(response["Retry-After"]) == 15 * 60
    assert not is_open(attacker, course)
    # …nor for that page from elsewhere,
    elsewhere = from_address("198.51.100.30")
    assert guess(elsewhere, private_course, "let me in").status_code == 429
    # …nor for another page from the locked address.
    other_page = CourseWithModulesFactory(parent=course.get_parent(), modules=1)
    other = (other_page, PageViewRestrictionFactory(page=other_page, password="open sesame"))
    assert guess(attacker, other, "open sesame").status_code == 429

    # Someone else opens the other page as usual.
    visitor = from_address("192.0.2.30")
    assert guess(visitor, other, "open sesame").status_code == 302
    assert is_open(visitor, other_page)


@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=2)
def test_the_page_password_limit_comes_from_settings_and_counts_only_real_guesses(
    home, private_course
):
    client = from_address("203.0.113.21")
    # Ids of no restriction, or no ids at all, are Wagtail's 404 and no guess.
    for ids in ["999999/999999", "99999999999999999999/1", "abc/1", "-1/1"]:
        url = f"/_util/authenticate_with_password/{ids}/"
        assert client.post(url, {"password": "guess", "return_url": "/"}).status_code == 404
    assert [guess(client, private_course, "guess").status_code for _ in range(2)] == [200, 429]


def test_the_right_page_password_forgets_earlier_wrong_ones(home, private_course):
    course, _ = private_course
    client = from_address("203.0.113.22")
    assert [guess(client, private_course, "guess").status_code for _ in range(4)] == [200] * 4
    assert guess(client, private_course, "let me in").status_code == 302
    assert is_open(client, course)
    # Four more mistakes are again just mistakes; the fifth in a row is one too many.
    answers = [guess(client, private_course, "guess").status_code for _ in range(5)]
    assert answers == [200, 200, 200, 200, 429]


def test_wrong_passwords_for_a_private_collection_are_limited_like_page_passwords(db):
    collection = Collection.get_first_root_node().add_child(name="Cohort files")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password="let me in"
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    attacker = from_address("203.0.113.23")
    answers = [
        attacker.post(url, {"password": "guess", "return_url": "/"}).status_code for _ in range(5)
    ]
    assert answers == [200, 200, 200, 200, 429]
    assert attacker.post(url, {"password": "let me in", "return_url": "/"}).status_code == 429
    visitor = from_address("192.0.2.31")
    assert visitor.post(url, {"password": "let me in", "return_url": "/"}).status_code == 429
