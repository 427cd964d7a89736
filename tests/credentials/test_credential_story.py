"""The issue's acceptance story: a learner completes a course; an OpenBadgeCredential is issued;
it validates against the shipped JSON Schema; its JWT verifies with the published key set using a
second JOSE library (PyJWT, not joserfc, which signed it); after revocation, the published status
list reports it revoked and the verification page says so.

And around it: rotation, the issuer profile, the edition's credential, one credential per
learner and course, and an account's deletion.
"""

import base64
import gzip

from django.urls import reverse

import jwt as pyjwt
import pytest

from credentials import issuing, keys
from credentials.models import Credential
from tests.credentials import complete_course_over_http, schema_errors, verified_with_pyjwt
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    SkillFactory,
    SuperuserFactory,
    UserFactory,
)


def published_bit(client, index):
    """Whether the status list the academy publishes has bit `index` set, read as any verifier
    would: the VC-JWT verified with PyJWT, the list decoded by hand."""
    response = client.get(reverse("credentials:status_list"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    status = verified_with_pyjwt(client, response.content.decode())
    assert status["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = status["credentialSubject"]
    assert subject["statusPurpose"] == "revocation"
    encoded = subject["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) * 8 >= 131_072
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


@pytest.fixture
def ada(learner):
    learner.display_name = "Ada Lovelace"
    learner.save()
    return learner


def test_a_learner_completes_a_course_and_earns_an_open_badge_anyone_can_verify(
    academy, ada, client
):
    course = academy.course
    client.force_login(ada)

    # 1. The learner completes the course, module by module, with the site's own buttons.
    complete_course_over_http(client, course)
    assert ada.certificates.filter(course=course).exists()

    # 2. An OpenBadgeCredential is issued for the course, naming the academy, the course with its
    # criteria and skills, and the learner.
    credential = Credential.objects.get(learner=ada, page=course)
    document = issuing.credential_document(credential)
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["id"] == "http://testserver" + credential.get_absolute_url()
    assert document["issuer"]["id"] == "http://testserver" + reverse("credentials:issuer")
    subject = document["credentialSubject"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": "Ada Lovelace",
        }
    ]
    badge = subject["achievement"]
    assert badge["name"] == course.title
    assert badge["achievementType"] == "Course"
    assert "all 3 modules" in badge["criteria"]["narrative"]
    (alignment,) = badge["alignment"]
    assert alignment["targetName"] == "Action planning"
    assert alignment["targetUrl"] == "http://testserver" + reverse(
        "skills:detail", args=["action-planning"]
    )
    assert client.get(alignment["targetUrl"]).status_code == 200
    assert document["credentialStatus"]["statusListIndex"] == str(credential.pk)

    # 3. It validates against the shipped Open Badges 3.0 JSON Schema.
    assert schema_errors(document) == []

    # 4. Its JWT verifies with the published JWKS, using PyJWT; the payload is the credential.
    claims = verified_with_pyjwt(client, credential.jwt)
    assert claims == document
    assert claims["iss"] == document["issuer"]["id"]
    assert claims["jti"] == document["id"]
    assert "sub" not in claims  # the subject has no id to put there
    assert pyjwt.get_unverified_header(credential.jwt) == {
        "alg": "EdDSA",
        "typ": "JWT",
        "kid": credential.signing_key.kid,
    }

    # 5. Staff revoke it: the status list the academy publishes reports it revoked at once, and
    # the verification page, given the downloaded .jwt, says so (revoking from the admin's own
    # form: test_revocation_admin).
    assert not published_bit(client, credential.pk)
    verify = reverse("credentials:verify")
    before = client.post(verify, {"credential": credential.jwt}).content.decode()
    assert "Verified: a valid credential" in before
    issuing.revoke(credential, by=SuperuserFactory(), reason="Issued for another learner.")
    assert published_bit(client, credential.pk)
    after = client.post(verify, {"credential": credential.jwt}).content.decode()
    assert "Revoked: genuine, but no longer valid" in after
    assert "Verified: a valid credential" not in after


def test_credentials_signed_before_a_key_rotation_keep_verifying(academy, ada, client):
    client.force_login(ada)
    complete_course_over_http(client, academy.courses[0])
    before = Credential.objects.get(learner=ada, page=academy.courses[0])
    keys.rotate()
    complete_course_over_http(client, academy.courses[1])
    after = Credential.objects.get(learner=ada, page=academy.courses[1])

    assert after.signing_key != before.signing_key
    for credential in (before, after):
        assert pyjwt.get_unverified_header(credential.jwt)["kid"] == credential.signing_key.kid
        assert verified_with_pyjwt(client, credential.jwt) == issuing.credential_document(
            credential
        )


def test_the_issuer_profile_validates_and_names_the_key_set(academy, ada, client):
    client.force_login(ada)
    complete_course_over_http(client, academy.course)
    document = issuing.credential_document(Credential.objects.get(learner=ada, page=academy.course))
    client.logout()

    response = client.get(document["issuer"]["id"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    profile = response.json()
    assert schema_errors(profile, "profile") == []
    assert profile["id"] == document["issuer"]["id"]
    assert profile["type"] == ["Profile"]
    assert profile["jwks_uri"] == "http://testserver" + reverse("credentials:jwks")
    assert client.get(profile["jwks_uri"]).json()["keys"]


def test_completing_every_course_of_an_edition_earns_the_editions_credential(home, ada, client):
    edition = EditionPageFactory(parent=home, title="Sofia 2024")
    courses = []
    for name in ("Funding", "Foresight"):
        course = CourseWithModulesFactory(parent=edition, title=f"{name} for clusters", modules=2)
        course.skills.add(SkillFactory(name=name))
        course.save()
        courses.append(course)
    client.force_login(ada)

    complete_course_over_http(client, courses[0])
    assert not Credential.objects.filter(learner=ada, page=edition).exists()
    complete_course_over_http(client, courses[1])

    credential = Credential.objects.get(learner=ada, page=edition)
    assert credential.kind == Credential.Kind.EDITION
    document = verified_with_pyjwt(client, credential.jwt)
    assert schema_errors(document) == []
    badge = document["credentialSubject"]["achievement"]
    assert badge["name"] == "Sofia 2024"
    assert badge["achievementType"] == "LearningProgram"
    assert "“Funding for clusters”; “Foresight for clusters”" in badge["criteria"]["narrative"]
    assert [a["targetName"] for a in badge["alignment"]] == ["Funding", "Foresight"]
    assert Credential.objects.filter(learner=ada).count() == 3


def test_one_credential_per_learner_and_course_however_often_it_is_issued(academy, ada, client):
    client.force_login(ada)
    complete_course_over_http(client, academy.course)
    last = academy.modules[-1]
    client.post(reverse("complete_module", args=[last.pk]))
    again = issuing.issue_for_course(ada, academy.course)

    assert Credential.objects.filter(learner=ada, page=academy.course).count() == 1
    assert again == Credential.objects.get(learner=ada, page=academy.course)


def test_deleting_the_account_forgets_the_name_and_keeps_the_revocation(academy, ada, client):
    client.force_login(ada)
    complete_course_over_http(client, academy.course)
    credential = Credential.objects.get(learner=ada, page=academy.course)
    issuing.revoke(credential, by=SuperuserFactory(), reason="Plagiarised homework.")
    other = UserFactory(display_name="Grace Hopper")
    client.force_login(other)
    complete_course_over_http(client, academy.course)
    client.force_login(ada)

    response = client.post(reverse("accounts:delete"), {"password": "correct horse battery"})
    assert response.status_code == 302

    credential.refresh_from_db()
    assert credential.learner is None
    assert credential.learner_name == ""
    assert credential.jwt == ""
    assert issuing.credential_document(credential) is None
    assert published_bit(client, credential.pk)
    # Nobody else's credential lost anything.
    kept = Credential.objects.get(learner=other, page=academy.course)
    assert kept.learner_name == "Grace Hopper"
    assert keys.verify(kept.jwt)
