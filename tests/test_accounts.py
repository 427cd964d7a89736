"""Learners sign up, sign in and out, manage their password, profile and personal data."""

import re

from django.core import mail
from django.http import HttpRequest
from django.test import Client, override_settings

import pytest

from courses.models import ModulePage
from learning.models import Certificate, Enrolment, ModuleCompletion
from lms.accounts.models import User
from tests.factories import (
    CertificateFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    EnrolmentFactory,
    ModuleCompletionFactory,
    UserFactory,
)

PASSWORD = "a sturdy passphrase 42"
pytestmark = pytest.mark.django_db


def sign_up(client, email="ana@cluster.example.eu", password=PASSWORD, **extra):
    return client.post(
        "/accounts/signup/",
        {
            "email": email,
            "display_name": "Ana Novak",
            "organisation": "Slovenian Wood Cluster",
            "country": "Slovenia",
            "role": "cluster_manager",
            "password1": password,
            "password2": password,
            **extra,
        },
    )


def test_sign_up_creates_the_profile_and_signs_in_at_once(client):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="ana@cluster.example.eu")
    assert (user.display_name, user.organisation, user.country, user.role) == (
        "Ana Novak",
        "Slovenian Wood Cluster",
        "Slovenia",
        "cluster_manager",
    )
    assert user.is_active
    assert client.get("/learning/").status_code == 200


@pytest.mark.parametrize(
    "password", ["short1", "password", "12345678901", "ana@cluster.example.eu"]
)
def test_sign_up_applies_the_password_validators(client, password):
    response = sign_up(client, password=password)
    assert response.status_code == 200
    assert response.context["form"].errors["password2"]
    assert not User.objects.filter(email="ana@cluster.example.eu").exists()


def test_an_email_address_has_one_account_whatever_its_case(client):
    """With confirmation off a new account is signed in at once, so the form says the address is
    taken; with it on, the answer is the same as for a new address (tests/security/
    test_account_takeover.py)."""
    UserFactory(email="taken@cluster.example.eu")
    response = sign_up(client, email="TAKEN@cluster.example.eu")
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert User.objects.filter(email__iexact="taken@cluster.example.eu").count() == 1


@override_settings(ACCOUNTS_EMAIL_CONFIRMATION=True)
def test_with_confirmation_on_the_account_waits_for_the_emailed_link(client):
    response = sign_up(client)
    assert "Check your email" in response.content.decode()
    user = User.objects.get(email="ana@cluster.example.eu")
    assert not user.is_active
    assert client.get("/learning/").status_code == 302
    # django-axes checks every sign-in against its request, so the test client passes one.
    assert not client.login(request=HttpRequest(), username=user.email, password=PASSWORD)

    link = re.search(r"http://testserver(/accounts/confirm/\S+/)", mail.outbox[0].body).group(1)
    assert f'href="http://testserver{link}"' in html_part(mail.outbox[0])
    assert client.get(link).status_code == 302
    assert client.get("/learning/").status_code == 200
    assert client.get(link).status_code == 400
    assert client.get("/accounts/confirm/bm9wZQ/not-a-token/").status_code == 400


def html_part(message):
    """The HTML alternative of an email: every email has one beside its plain text."""
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def test_sign_in_by_email_and_sign_out_by_post_only(client):
    user = UserFactory(email="marco@cluster.example.it")
    response = client.post(
        "/accounts/login/",
        {"username": "Marco@Cluster.example.it", "password": "correct horse battery"},
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_wrong_password_shows_the_form_again(client):
    UserFactory(email="marco@cluster.example.it")
    response = client.post(
        "/accounts/login/", {"username": "marco@cluster.example.it", "password": "guess"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_navigation_offers_my_learning_profile_and_a_sign_out_form(client):
    client.force_login(UserFactory(display_name="Ana"))
    html = client.get("/learning/").content.decode()
    assert 'href="/learning/"' in html
    assert 'href="/accounts/profile/"' in html
    assert re.search(r'<form method="post" action="/accounts/logout/">', html)


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": "correct horse battery",
            "new_password1": PASSWORD,
            "new_password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_by_email(client):
    user = UserFactory(email="ana@cluster.example.eu")
    response = client.post("/accounts/password/reset/", {"email": "ana@cluster.example.eu"})
    assert response.status_code == 302
    assert mail.outbox[0].to == ["ana@cluster.example.eu"]
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert f'href="{link.group(0)}"' in html_part(mail.outbox[0])
    form_page = client.get(link.group(1), follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_profile_is_edited_by_its_owner_only(client):
    user = UserFactory()
    assert client.get("/accounts/profile/").status_code == 302
    client.force_login(user)
    client.post(
        "/accounts/profile/",
        {
            "display_name": "Dr Ana Novak",
            "organisation": "Wood Cluster",
            "country": "SI",
            "role": "trainer",
        },
    )
    user.refresh_from_db()
    assert (user.display_name, user.role) == ("Dr Ana Novak", "trainer")


def test_profile_form_cannot_make_anyone_staff(client):
    user = UserFactory()
    client.force_login(user)
    client.post(
        "/accounts/profile/",
        {"display_name": "X", "is_staff": "on", "is_superuser": "on", "email": "x@y.z"},
    )
    user.refresh_from_db()
    assert not user.is_staff and not user.is_superuser
    assert user.email != "x@y.z"


@pytest.fixture
def course_in_progress(home):
    return CourseWithModulesFactory(parent=EditionPageFactory(parent=home))


def test_export_contains_the_learners_own_data_only(client, course_in_progress):
    learner, other = UserFactory(), UserFactory()
    module = ModulePage.objects.child_of(course_in_progress).first()
    for person in (learner, other):
        EnrolmentFactory(learner=person, course=course_in_progress)
        ModuleCompletionFactory(learner=person, module=module)
    certificate = CertificateFactory(learner=learner, course=course_in_progress)
    client.force_login(learner)
    response = client.get("/accounts/export/")
    assert response["Content-Disposition"].startswith("attachment")
    data = response.json()
    assert data["profile"]["email"] == learner.email
    assert [e["course_id"] for e in data["enrolments"]] == [course_in_progress.pk]
    assert [c["module_id"] for c in data["module_completions"]] == [module.pk]
    assert [c["code"] for c in data["certificates"]] == [certificate.code]
    assert other.email not in response.content.decode()


def test_account_deletion_needs_the_password_and_removes_personal_data(client, course_in_progress):
    learner = UserFactory()
    module = ModulePage.objects.child_of(course_in_progress).first()
    EnrolmentFactory(learner=learner, course=course_in_progress)
    ModuleCompletionFactory(learner=learner, module=module)
    certificate = CertificateFactory(learner=learner, course=course_in_progress)
    client.force_login(learner)

    response = client.post("/accounts/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert User.objects.filter(pk=learner.pk).exists()

    client.post("/accounts/delete/", {"password": "correct horse battery"})
    assert not User.objects.filter(pk=learner.pk).exists()
    assert not Enrolment.objects.filter(learner_id=learner.pk).exists()
    assert not ModuleCompletion.objects.filter(learner_id=learner.pk).exists()
    assert not Certificate.objects.filter(learner_id=learner.pk).exists()
    assert client.get(f"/certificates/{certificate.code}/").status_code == 404
    assert "_auth_user_id" not in client.session


def test_account_deletion_is_protected_by_csrf():
    learner = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert (
        client.post("/accounts/delete/", {"password": "correct horse battery"}).status_code == 403
    )
    assert User.objects.filter(pk=learner.pk).exists()
