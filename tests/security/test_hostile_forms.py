"""Hypothesis fills every public form of the academy with hostile values: the answer is the form
again with its errors, a redirect or a 4xx, never a 500, and nothing is stored that should not be.

Forms: sign-up, sign-in, password reset (request and new password), password change, profile,
account deletion, and the learner actions (enrol, leave, complete with self-check answers).
"""

import json
import re
from urllib.parse import quote

from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wagtail.forms import PasswordViewRestrictionForm

import pytest
from axes.models import AccessAttempt
from hypothesis import assume, given
from hypothesis import strategies as st

from courses.models import ModulePage
from learning.models import Certificate, Enrolment, ModuleCompletion
from lms.accounts.models import User
from lms.accounts.throttling import IDENTIFIER_LENGTH
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    PageViewRestrictionFactory,
    self_check,
)
from tests.security.hostile import NASTY, examples, hostile_text

PASSWORD = "correct horse battery"
STRONG = "Quiet lantern 7 harbour"
emails = st.one_of(st.emails(), hostile_text)
passwords = st.one_of(st.just(STRONG), hostile_text)
roles = st.one_of(st.sampled_from(User.Role.values), hostile_text)


def is_valid_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def signed_in(client):
    return "_auth_user_id" in client.session


def test_sign_up_stores_only_valid_learners(client, db):
    @examples
    @given(
        email=emails,
        password1=passwords,
        password2=passwords,
        display_name=hostile_text,
        organisation=hostile_text,
        country=hostile_text,
        role=roles,
    )
    def check(**data):
        users = User.objects.count()
        response = client.post("/accounts/signup/", data)
        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert User.objects.count() == users
            return
        user = User.objects.latest("pk")
        assert User.objects.count() == users + 1
        # Everything stored passes the model's own validation, the password the validators.
        user.full_clean()
        assert user.display_name.strip()
        assert user.check_password(data["password1"])
        validate_password(data["password1"], user)
        client.logout()

    check()


@pytest.mark.parametrize(
    "email",
    ["not-an-email", "a@", "@b.eu", "a@b@c.eu", "ana@cluster.eu\x00", "' OR 1=1 --", ""],
)
def test_sign_up_with_a_bad_email_creates_no_user(client, db, email):
    users = User.objects.count()
    response = client.post(
        "/accounts/signup/",
        {"email": email, "password1": STRONG, "password2": STRONG, "display_name": "Ana"},
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert User.objects.count() == users
    assert not signed_in(client)


def test_sign_in_with_hostile_credentials_never_signs_in(client, learner):
    @examples
    @given(username=st.one_of(st.just(learner.email), emails), password=hostile_text)
    def check(username, password):
        response = client.post("/accounts/login/", {"username": username, "password": password})
        # 429: django-axes locks the account or the address out after repeated failures.
        assert response.status_code in (200, 429)
        assert not signed_in(client)

    check()


def test_password_reset_only_ever_writes_to_existing_accounts(client, learner):
    @examples
    @given(email=st.one_of(st.just(learner.email.upper()), emails))
    def check(email):
        response = client.post("/accounts/password/reset/", {"email": email})
        assert response.status_code in (200, 302)
        known = set(User.objects.values_list("email", flat=True))
        assert all(set(message.to) <= known for message in mail.outbox)

    check()


def test_new_password_from_a_reset_link_is_stored_only_when_valid(client, learner):
    uid = urlsafe_base64_encode(force_bytes(learner.pk))

    @examples
    @given(new_password1=passwords, new_password2=passwords)
    def check(**data):
        learner.refresh_from_db()
        old_hash = learner.password
        link = f"/accounts/password/reset/{uid}/{default_token_generator.make_token(learner)}/"
        set_password_url = client.get(link)["Location"]
        response = client.post(set_password_url, data)
        assert response.status_code in (200, 302)
        learner.refresh_from_db()
        if response.status_code == 200:
            assert learner.password == old_hash
        else:
            assert data["new_password1"] == data["new_password2"]
            assert learner.check_password(data["new_password1"])
            validate_password(data["new_password1"], learner)

    check()


def test_a_forged_reset_link_changes_no_password(client, learner):
    uid = urlsafe_base64_encode(force_bytes(learner.pk))

    @examples
    @given(token=hostile_text.filter(bool), password=passwords)
    def check(token, password):
        response = client.post(
            f"/accounts/password/reset/{uid}/{quote(token, safe='')}/",
            {"new_password1": password, "new_password2": password},
        )
        assert response.status_code in (200, 302, 404)
        learner.refresh_from_db()
        assert learner.check_password(PASSWORD)

    check()


def test_password_change_needs_the_current_password(learner_client, learner):
    current = {"password": PASSWORD}

    @examples
    @given(
        old_password=st.one_of(st.just(None), hostile_text),
        new_password1=passwords,
        new_password2=passwords,
    )
    def check(old_password, **data):
        data["old_password"] = current["password"] if old_password is None else old_password
        response = learner_client.post("/accounts/password/change/", data)
        assert response.status_code in (200, 302)
        learner.refresh_from_db()
        if response.status_code == 302:
            assert data["old_password"] == current["password"]
            assert data["new_password1"] == data["new_password2"]
            validate_password(data["new_password1"], learner)
            current["password"] = data["new_password1"]
        assert learner.check_password(current["password"])
        # The learner stays signed in whatever happened (the session follows a new password).
        assert signed_in(learner_client)

    check()


PROFILE_FIELDS = ("display_name", "organisation", "country", "role")


def test_profile_stores_only_valid_values(learner_client, learner):
    @examples
    @given(display_name=hostile_text, organisation=hostile_text, country=hostile_text, role=roles)
    def check(**data):
        learner.refresh_from_db()
        before = [getattr(learner, field) for field in PROFILE_FIELDS]
        response = learner_client.post("/accounts/profile/", data)
        assert response.status_code in (200, 302)
        learner.refresh_from_db()
        if response.status_code == 200:
            assert [getattr(learner, field) for field in PROFILE_FIELDS] == before
        else:
            learner.full_clean()
            assert learner.role in ["", *User.Role.values]

    check()


def test_account_deletion_needs_the_password(learner_client, learner):
    @examples
    @given(password=hostile_text)
    def check(password):
        response = learner_client.post("/accounts/delete/", {"password": password})
        assert response.status_code == 200
        assert User.objects.filter(pk=learner.pk).exists()
        assert signed_in(learner_client)

    check()


@pytest.fixture
def checked_module(home):
    """A module of a fresh course whose one required self-check is answered right by option 1."""
    course = CourseWithModulesFactory(
        parent=EditionPageFactory(parent=home),
        modules=2,
        modules__body=json.dumps([self_check(correct=1)]),
    )
    return ModulePage.objects.child_of(course).live().order_by("path").first()


def test_completion_is_stored_only_for_the_right_answer(learner_client, learner, checked_module):
    course = checked_module.get_parent().specific
    assert learner_client.post(reverse("enrol", args=[course.pk])).status_code == 302
    html = learner_client.get(checked_module.url).content.decode()
    field = re.search(r'name="(answer-[^"]+)"', html).group(1)

    @examples
    @given(
        answer=st.one_of(st.sampled_from(["0", "1", "2", " 1", "1 ", "01", "-1"]), hostile_text),
        extra=st.dictionaries(hostile_text, hostile_text, max_size=3),
    )
    def check(answer, extra):
        ModuleCompletion.objects.filter(learner=learner).delete()
        # Each example is a first answer: no wrong answers of earlier examples pause the grading.
        cache.clear()
        response = learner_client.post(
            reverse("complete_module", args=[checked_module.pk]), {**extra, field: answer}
        )
        assert response.status_code == 302
        completed = ModuleCompletion.objects.filter(learner=learner, module=checked_module)
        assert completed.exists() == (answer == "1")
        # One module of two: no certificate, however the answer is dressed up.
        assert not Certificate.objects.filter(learner=learner).exists()

    check()


def test_enrol_and_leave_take_no_orders_from_the_form(learner_client, learner, checked_module):
    course = checked_module.get_parent().specific

    @examples
    @given(data=st.dictionaries(st.sampled_from(["course", "learner", "next", "id"]), hostile_text))
    def check(data):
        for action, enrolled in (("enrol", True), ("leave", False)):
            response = learner_client.post(reverse(action, args=[course.pk]), data)
            assert response.status_code == 302
            assert response["Location"] == course.url
            assert Enrolment.objects.filter(learner=learner).count() == int(enrolled)
            assert Enrolment.objects.filter(learner=learner, course=course).exists() == enrolled

    check()


@pytest.mark.parametrize("value", NASTY)
def test_nasty_values_in_every_field_of_every_form_never_cause_a_500(learner_client, value):
    forms = [
        "/accounts/profile/",
        "/accounts/password/change/",
        "/accounts/delete/",
        "/accounts/password/reset/",
    ]
    fields = [
        "display_name",
        "organisation",
        "country",
        "role",
        "old_password",
        "new_password1",
        "new_password2",
        "password",
        "email",
    ]
    for path in forms:
        response = learner_client.post(path, dict.fromkeys(fields, value))
        assert response.status_code in (200, 302), path
    learner_client.logout()
    for path in ["/accounts/signup/", "/accounts/login/", "/accounts/password/reset/"]:
        data = dict.fromkeys([*fields, "username", "password1", "password2"], value)
        assert learner_client.post(path, data).status_code in (200, 302, 429), path


def test_the_password_form_of_a_private_page_opens_it_only_for_its_password(
    client, home, settings
):
    # Every hostile value must reach Wagtail's form, not the pause after a few wrong guesses.
    settings.PAGE_PASSWORD_FAILURE_LIMIT = 10**9
    course = CourseWithModulesFactory(parent=EditionPageFactory(parent=home), modules=1)
    restriction = PageViewRestrictionFactory(page=course)
    url = f"/_util/authenticate_with_password/{restriction.pk}/{course.pk}/"

    @examples
    @given(password=hostile_text, return_url=st.one_of(st.just(course.url), hostile_text))
    def check(password, return_url):
        assume(password != restriction.password)
        response = client.post(url, {"password": password, "return_url": return_url})
        assert response.status_code in (200, 302)
        # Still closed: the course answers with its password form, not its content.
        page = client.get(course.url)
        assert isinstance(page.context["form"], PasswordViewRestrictionForm)

    check()


@pytest.mark.parametrize(
    ("path", "counted"),
    # Wagtail's admin form refuses the name by its length before anyone tries to sign in with it.
    [("/accounts/login/", True), ("/_util/login/", True), ("/admin/login/", False)],
)
def test_an_overlong_sign_in_name_is_refused_and_counted(client, db, path, counted):
    """Found on PostgreSQL: the failure counter's column is shorter than a name may be typed."""
    name = "x" * 5000 + "@cluster.example.eu"

    response = client.post(path, {"username": name, "password": "wrong"})

    assert response.status_code == 200
    assert not signed_in(client)
    attempts = list(AccessAttempt.objects.values_list("username", flat=True))
    assert attempts == ([name[:IDENTIFIER_LENGTH]] if counted else [])
