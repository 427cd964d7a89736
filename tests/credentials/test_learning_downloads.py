"""A learner finds their credentials on /learning/ and downloads them as .json and .jwt; nobody
else can download them."""

import json

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from credentials import issuing, keys
from credentials.models import Credential
from learning.models import Certificate
from tests.credentials import complete_course_over_http, schema_errors, verified_with_pyjwt
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    UserFactory,
    earned_credential,
)


@pytest.fixture
def edition(home):
    return EditionPageFactory(parent=home, title="Sofia 2024")


@pytest.fixture
def ana(db):
    return UserFactory(display_name="Ana Novak")


@pytest.fixture
def credential(ana, edition, client):
    """Ana completes "Designing cluster services" on the site."""
    course = CourseWithModulesFactory(parent=edition, title="Designing cluster services")
    client.force_login(ana)
    complete_course_over_http(client, course)
    return Credential.objects.get(learner=ana, page=course)


def urls(credential):
    return {
        kind: reverse(f"credentials:download_{kind}", args=[credential.public_id])
        for kind in ("json", "jwt")
    }


def test_the_learner_finds_the_credential_with_its_downloads_on_my_learning(client, credential):
    html = client.get("/learning/").content.decode()
    section = html.split('id="credentials-heading"')[1].split("</section>")[0]
    assert "Designing cluster services" in section
    assert f'href="{credential.get_absolute_url()}"' in section
    for url in urls(credential).values():
        assert f'href="{url}"' in section


def test_the_learner_downloads_the_jwt(client, credential):
    response = client.get(urls(credential)["jwt"])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert (
        response["Content-Disposition"] == 'attachment; filename="designing-cluster-services.jwt"'
    )
    assert "no-store" in response["Cache-Control"]
    token = response.content.decode()
    assert token == credential.jwt
    # Anyone checks it with the published key set and a JOSE library of their own.
    assert (
        verified_with_pyjwt(Client(), token)["id"]
        == f"http://testserver{credential.get_absolute_url()}"
    )


def test_the_learner_downloads_the_json_credential(client, credential):
    response = client.get(urls(credential)["json"])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert (
        response["Content-Disposition"] == 'attachment; filename="designing-cluster-services.json"'
    )
    document = json.loads(response.content)
    # The VC as signed, without the JWT's own claims.
    _, signed = keys.verify(credential.jwt)
    assert document == {
        name: value
        for name, value in signed.items()
        if name not in {"iss", "jti", "nbf", "iat", "exp"}
    }
    assert "OpenBadgeCredential" in document["type"]
    assert document["credentialSubject"]["achievement"]["name"] == "Designing cluster services"
    assert schema_errors(document) == []


@pytest.mark.parametrize("kind", ["json", "jwt"])
def test_another_learner_or_a_visitor_cannot_download_it(credential, kind):
    url = urls(credential)[kind]
    other = Client()
    other.force_login(UserFactory())
    assert other.get(url).status_code == 404
    assert Client().get(url).status_code == 404


def test_downloads_answer_only_get(client, credential):
    for url in urls(credential).values():
        assert client.post(url).status_code == 405


def test_a_forgotten_credential_is_no_longer_downloadable(client, credential, ana):
    issuing.forget_learner(ana)
    for url in urls(credential).values():
        assert client.get(url).status_code == 404
    assert 'id="credentials-heading"' not in client.get("/learning/").content.decode()


def test_a_revoked_credential_is_listed_as_revoked(client, credential):
    issuing.revoke(credential, None, "Issued by mistake.")
    html = client.get("/learning/").content.decode()
    section = html.split('id="credentials-heading"')[1].split("</section>")[0]
    assert "Revoked" in section
    assert "Issued by mistake." not in html


def test_the_certificate_page_links_to_the_credential(client, credential, ana):
    certificate = Certificate.objects.get(learner=ana)
    html = Client().get(certificate.get_absolute_url()).content.decode()
    assert f'href="{credential.get_absolute_url()}"' in html


def test_my_learning_costs_the_same_for_2_or_12_credentials(
    client, edition, django_assert_num_queries
):
    learner = UserFactory()
    for _ in range(2):
        earned_credential(learner, edition)
    client.force_login(learner)
    client.get("/learning/")  # warm Wagtail's site and URL caches
    with CaptureQueriesContext(connection) as few:
        client.get("/learning/")
    for _ in range(10):
        earned_credential(learner, edition)
    with django_assert_num_queries(len(few)):
        html = client.get("/learning/").content.decode()
    assert html.count("Verification page<span") == 12
