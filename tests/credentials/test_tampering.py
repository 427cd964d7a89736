"""Changing any claim of a downloaded credential makes its verification fail, and the message
says which claim: in the .json by comparison with what the academy signed, in the .jwt by its
signature."""

import base64
import copy
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from credentials.verification import VerificationFailed, verify_presented
from tests.factories import EditionPageFactory, SkillFactory, UserFactory, earned_credential

VERIFY = "/credentials/verify/"


@pytest.fixture
def credential(home):
    edition = EditionPageFactory(parent=home, title="Sofia 2024")
    return earned_credential(
        UserFactory(display_name="Ana Novak"),
        edition,
        skill=SkillFactory(name="Action planning"),
        title="Designing cluster services",
    )


@pytest.fixture
def downloaded(client, credential):
    """The learner's two files, as /learning/ offers them."""
    client.force_login(credential.learner)
    files = {
        kind: client.get(reverse(f"credentials:download_{kind}", args=[credential.public_id]))
        for kind in ("json", "jwt")
    }
    client.logout()
    return json.loads(files["json"].content), files["jwt"].content.decode()


def leaves(value, path=()):
    """(path, value) of every leaf of a JSON document; a path is a tuple of keys and indexes."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    else:
        yield path, value


def claim_path(path):
    """The path as the verification names it: credentialSubject.achievement.alignment[0].targetUrl"""
    named = ""
    for step in path:
        named += f"[{step}]" if isinstance(step, int) else (f".{step}" if named else step)
    return named


def changed(value):
    """Another value of the same kind, as a forger would write it."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    return "x"


def with_leaf(document, path, value):
    document = copy.deepcopy(document)
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return document


def test_the_download_verifies_unchanged(downloaded):
    document, jwt = downloaded
    assert verify_presented(json.dumps(document)).valid
    assert verify_presented(jwt).valid


def test_changing_any_claim_of_the_json_fails_naming_the_claim(downloaded):
    document, _ = downloaded
    paths = list(leaves(document))
    # Every part of the credential is walked: names, dates, status, issuer, skills.
    named = {claim_path(path) for path, _ in paths}
    assert {
        "credentialSubject.identifier[0].identityHash",
        "credentialSubject.achievement.name",
        "credentialSubject.achievement.alignment[0].targetUrl",
        "credentialStatus.statusListIndex",
        "issuer.id",
        "validFrom",
        "@context[0]",
    } <= named
    for path, value in paths:
        tampered = json.dumps(with_leaf(document, path, changed(value)))
        with pytest.raises(VerificationFailed) as failure:
            verify_presented(tampered)
        message = str(failure.value)
        if path == ("id",):
            # The id says which credential to compare with: a changed one names none of ours.
            assert "did not issue this credential" in message
        else:
            assert f"{claim_path(path)} differs from what the academy signed" in message, message
            assert message.startswith("This credential has been changed since the academy signed")


def test_a_changed_value_of_another_type_is_a_change(downloaded):
    document, _ = downloaded
    index = document["credentialStatus"]["statusListIndex"]
    tampered = with_leaf(document, ("credentialStatus", "statusListIndex"), int(index))
    with pytest.raises(VerificationFailed, match="statusListIndex differs"):
        verify_presented(json.dumps(tampered))


def test_an_added_or_removed_claim_fails_naming_it(downloaded):
    document, _ = downloaded
    added = copy.deepcopy(document)
    added["credentialSubject"]["achievement"]["creditsAvailable"] = 30
    with pytest.raises(VerificationFailed) as failure:
        verify_presented(json.dumps(added))
    assert "credentialSubject.achievement.creditsAvailable was added" in str(failure.value)

    removed = copy.deepcopy(document)
    del removed["credentialStatus"]
    with pytest.raises(VerificationFailed) as failure:
        verify_presented(json.dumps(removed))
    assert "credentialStatus is missing, though the academy signed it" in str(failure.value)

    fewer = copy.deepcopy(document)
    fewer["credentialSubject"]["achievement"]["alignment"].append({"targetName": "Extra"})
    with pytest.raises(VerificationFailed) as failure:
        verify_presented(json.dumps(fewer))
    assert "alignment has 2 entries where the academy signed 1" in str(failure.value)


def test_another_learners_id_does_not_lend_its_signature(downloaded, credential, home):
    """Ana's file given Ben's credential id is compared with Ben's: it is not his."""
    document, _ = downloaded
    ben = earned_credential(
        UserFactory(display_name="Ben Ortiz"), EditionPageFactory(parent=home), title="Other"
    )
    borrowed = with_leaf(document, ("id",), f"http://testserver{ben.get_absolute_url()}")
    with pytest.raises(VerificationFailed) as failure:
        verify_presented(json.dumps(borrowed))
    assert "credentialSubject.identifier[0].identityHash differs" in str(failure.value)


def test_a_tampered_json_upload_fails_on_the_page(client, downloaded):
    document, _ = downloaded
    tampered = with_leaf(document, ("credentialSubject", "achievement", "name"), "Rocket science")
    upload = SimpleUploadedFile("credential.json", json.dumps(tampered).encode())

    response = client.post(VERIFY, {"file": upload})

    assert response.status_code == 400
    html = response.content.decode()
    assert "credentialSubject.achievement.name differs from what the academy signed" in html
    assert "Verified" not in html


def b64(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def payload(jwt):
    part = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_changing_any_claim_of_the_jwt_breaks_its_signature(downloaded, credential):
    _, jwt = downloaded
    header, _, signature = jwt.split(".")
    claims = payload(jwt)
    paths = list(leaves(claims))
    # The JWT's own claims too (iss, jti, nbf, iat).
    assert {("iss",), ("jti",), ("nbf",), ("iat",)} <= {path for path, _ in paths}
    for path, value in paths:
        tampered = f"{header}.{b64(with_leaf(claims, path, changed(value)))}.{signature}"
        with pytest.raises(VerificationFailed) as failure:
            verify_presented(tampered)
        assert f"The signature does not match key {credential.signing_key.kid}" in str(
            failure.value
        ), claim_path(path)


def test_a_tampered_jwt_fails_on_the_page(client, downloaded):
    _, jwt = downloaded
    header, _, signature = jwt.split(".")
    claims = payload(jwt)
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    response = client.post(VERIFY, {"credential": f"{header}.{b64(claims)}.{signature}"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "The signature does not match key" in html
    assert "the credential was changed after the academy signed it" in html
