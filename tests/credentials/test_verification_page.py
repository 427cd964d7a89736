"""Anyone verifies an academy credential: pasted or uploaded on /credentials/verify/, or on its
own public page, and reads in words what was verified."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import dateformat, timezone

import pytest

from courses.models import ModulePage
from credentials import issuing, keys
from credentials.models import Credential
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    EnrolmentFactory,
    UserFactory,
    earned_credential,
)

VERIFY = "/credentials/verify/"


@pytest.fixture
def edition(home):
    return EditionPageFactory(parent=home, title="Sofia 2024")


@pytest.fixture
def earned(edition, client):
    """Ana Novak completes "Designing cluster services" on the site, which issues her credential."""
    ana = UserFactory(display_name="Ana Novak")
    course = CourseWithModulesFactory(parent=edition, title="Designing cluster services")
    EnrolmentFactory(learner=ana, course=course)
    client.force_login(ana)
    for module in ModulePage.objects.child_of(course).order_by("path"):
        client.post(reverse("complete_module", args=[module.pk]))
    client.logout()
    return Credential.objects.get(learner=ana, kind=Credential.Kind.COURSE)


def owner_download(credential, kind):
    owner = Client()
    owner.force_login(credential.learner)
    response = owner.get(reverse(f"credentials:download_{kind}", args=[credential.public_id]))
    assert response.status_code == 200
    return response.content


def day(moment):
    return dateformat.format(timezone.localtime(moment), "j F Y")


def test_a_visitor_pastes_a_jwt_and_reads_what_was_verified(client, earned):
    jwt = owner_download(earned, "jwt").decode()
    assert client.get(VERIFY).status_code == 200

    response = client.post(VERIFY, {"credential": jwt})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Verified: a valid credential of the academy" in html
    assert "Issued to Ana Novak for “Designing cluster services”." in html
    assert f"with its key {earned.signing_key.kid}" in html
    assert f"Signed by {issuing.issuer_profile()['name']} on {day(earned.issued_at)}" in html
    assert "Not revoked" in html
    assert "Not expired: it has no end date." in html
    assert earned.learner.email not in html


def test_an_uploaded_json_credential_verifies_claim_by_claim(client, earned):
    document = owner_download(earned, "json")
    upload = SimpleUploadedFile("designing-cluster-services.json", document, "application/json")

    response = client.post(VERIFY, {"file": upload})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Verified: a valid credential of the academy" in html
    assert "Every claim of the presented file matches what the academy signed." in html


def test_a_jwt_pasted_with_line_breaks_verifies(client, earned):
    wrapped = "\n".join(earned.jwt[i : i + 76] for i in range(0, len(earned.jwt), 76))
    response = client.post(VERIFY, {"credential": f"  {wrapped}\n"})
    assert response.status_code == 200
    assert "Verified: a valid credential of the academy" in response.content.decode()


def test_an_uploaded_jwt_file_verifies(client, earned):
    upload = SimpleUploadedFile("credential.jwt", owner_download(earned, "jwt"))
    response = client.post(VERIFY, {"file": upload})
    assert response.status_code == 200
    assert "Verified: a valid credential of the academy" in response.content.decode()


def test_the_public_page_verifies_the_stored_credential_for_anyone(client, earned):
    response = client.get(earned.get_absolute_url())

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Verified: a valid credential of the academy" in html
    assert "Issued to Ana Novak for “Designing cluster services”." in html
    assert f'value="http://testserver/credentials/{earned.public_id}/"' in html
    # The files are the owner's to share; a visitor sees no link to them.
    assert ".jwt" not in html.split("Share it")[1]
    assert reverse("credentials:download_json", args=[earned.public_id]) not in html


def test_the_owner_finds_the_downloads_on_the_public_page(client, earned):
    client.force_login(earned.learner)
    html = client.get(earned.get_absolute_url()).content.decode()
    assert reverse("credentials:download_jwt", args=[earned.public_id]) in html
    assert reverse("credentials:download_json", args=[earned.public_id]) in html


def test_another_learner_sees_the_public_page_without_downloads(client, earned):
    client.force_login(UserFactory())
    html = client.get(earned.get_absolute_url()).content.decode()
    assert "Ana Novak" in html
    assert reverse("credentials:download_jwt", args=[earned.public_id]) not in html


def test_an_unknown_or_forgotten_credential_has_no_page(client, earned):
    assert client.get(f"/credentials/{datetime.datetime.now().strftime('%f')}/").status_code == 404
    assert client.get("/credentials/00000000-0000-4000-8000-000000000000/").status_code == 404
    issuing.forget_learner(earned.learner)
    assert client.get(earned.get_absolute_url()).status_code == 404


def test_a_credential_signed_before_a_key_rotation_still_verifies(client, earned):
    jwt = owner_download(earned, "jwt").decode()
    new_key = keys.rotate()

    pasted = client.post(VERIFY, {"credential": jwt}).content.decode()
    page = client.get(earned.get_absolute_url()).content.decode()

    for html in (pasted, page):
        assert "Verified: a valid credential of the academy" in html
        assert earned.signing_key.kid in html
        assert new_key.kid not in html


def resigned(credential, valid_from, valid_until):
    """The credential as if the academy had signed it with these dates (an older issue)."""
    claims = keys.unverified_claims(credential.jwt)
    claims.update(
        validFrom=valid_from.strftime("%Y-%m-%dT%H:%M:%SZ"),
        validUntil=valid_until.strftime("%Y-%m-%dT%H:%M:%SZ"),
        nbf=int(valid_from.timestamp()),
        iat=int(valid_from.timestamp()),
        exp=int(valid_until.timestamp()),
    )
    credential.jwt = keys.sign(claims, credential.signing_key)
    credential.valid_until = valid_until
    credential.save()
    return credential.jwt


def test_an_expired_credential_is_genuine_but_says_it_expired(client, earned):
    issued = timezone.now().replace(microsecond=0) - datetime.timedelta(days=400)
    expired = issued + datetime.timedelta(days=365)
    jwt = resigned(earned, issued, expired)

    response = client.post(VERIFY, {"credential": jwt})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Expired: genuine, but no longer valid" in html
    assert f"Expired on {day(expired)}." in html
    assert "Expired" in client.get(earned.get_absolute_url()).content.decode()


def test_a_credential_with_an_end_date_says_until_when(client, earned, settings):
    issued = timezone.now().replace(microsecond=0)
    until = issued + datetime.timedelta(days=365)
    jwt = resigned(earned, issued, until)
    html = client.post(VERIFY, {"credential": jwt}).content.decode()
    assert "Verified: a valid credential of the academy" in html
    assert f"Not expired: valid until {day(until)}." in html


def test_a_credential_issued_with_a_validity_period_says_until_when(client, edition, settings):
    settings.CREDENTIALS_VALID_DAYS = 30
    credential = earned_credential(UserFactory(), edition)
    html = client.post(VERIFY, {"credential": credential.jwt}).content.decode()
    assert f"Not expired: valid until {day(credential.valid_until)}." in html


def test_the_verification_form_is_protected_against_cross_site_posts(earned):
    visitor = Client(enforce_csrf_checks=True)
    assert visitor.post(VERIFY, {"credential": earned.jwt}).status_code == 403
    page = visitor.get(VERIFY)
    token = page.cookies["csrftoken"].value
    response = visitor.post(VERIFY, {"credential": earned.jwt, "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    # The upload's size limit is set up before the CSRF check reads the request.
    upload = SimpleUploadedFile("credential.jwt", earned.jwt.encode())
    response = visitor.post(VERIFY, {"file": upload, "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "Verified: a valid credential of the academy" in response.content.decode()


def test_verifying_in_a_loop_is_paused(client, earned):
    for _ in range(30):
        assert client.post(VERIFY, {"credential": earned.jwt}).status_code == 200
    response = client.post(VERIFY, {"credential": earned.jwt})
    assert response.status_code == 429
    assert "wait a minute" in response.content.decode()
    assert response["Retry-After"] == "60"


def test_the_pages_ask_search_engines_not_to_index_them(client, earned):
    for url in (VERIFY, earned.get_absolute_url()):
        assert '<meta name="robots" content="noindex">' in client.get(url).content.decode()
