"""Whatever is pasted or uploaded on the verification page, the answer is a 4xx that says what is
wrong, never a 500: malformed or oversized credentials, unsigned or foreign tokens, junk."""

import base64
import json
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile

import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from credentials import issuing, keys
from tests.factories import EditionPageFactory, UserFactory, earned_credential

VERIFY = "/credentials/verify/"
LIMIT = 64 * 1024


@pytest.fixture
def credential(home):
    return earned_credential(UserFactory(display_name="Ana Novak"), EditionPageFactory(parent=home))


def b64(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def refused(client, data, message, status=400):
    response = client.post(VERIFY, data)
    assert response.status_code == status
    html = response.content.decode()
    assert message in html, html
    # The form comes back, ready for another try.
    assert 'name="credential"' in html
    return html


def test_an_empty_form_asks_for_a_credential(client, db):
    refused(client, {}, "There is nothing to verify: paste a credential or upload its file.")
    refused(client, {"credential": "   \n "}, "There is nothing to verify")


def test_a_paste_and_an_upload_at_once_are_refused(client, credential):
    upload = SimpleUploadedFile("credential.jwt", credential.jwt.encode())
    refused(client, {"credential": credential.jwt, "file": upload}, "not both")


@pytest.mark.parametrize(
    "pasted",
    ['{"id": "https://example.org/", ', "{'single': 'quotes'}", '{"a": NaN}', "[" * 60_000],
)
def test_malformed_json_is_refused(client, db, pasted):
    refused(client, {"credential": pasted}, "This is not valid JSON")


def test_the_json_error_says_where(client, db):
    refused(client, {"credential": '{\n  "id": "x",\n  oops\n}'}, "line 3, column 3")


@pytest.mark.parametrize("pasted", ["[1, 2]", '["eyJ.a.b"]'])
def test_json_that_is_not_an_object_is_refused(client, db, pasted):
    refused(client, {"credential": pasted}, "a credential is a JSON object")


def test_json_without_an_id_is_refused(client, db):
    refused(client, {"credential": '{"type": ["OpenBadgeCredential"]}'}, "has no credential id")


@pytest.mark.parametrize(
    "credential_id",
    [
        "https://evil.example.org/credentials/00000000-0000-4000-8000-000000000000/",
        "http://testserver/credentials/verify/",
        "http://testserver/credentials/not-a-uuid/",
        "urn:uuid:nonsense",
        "urn:uuid:dedae1d0-ec3f-4b00-b6c0-6654b19e3e90",
        "javascript:alert(1)",
        "http://[::1",
        "http://testserver/credentials/00000000-0000-4000-8000-000000000000/?x=1",
    ],
)
def test_an_id_that_is_not_ours_is_refused(client, db, credential_id):
    refused(client, {"credential": json.dumps({"id": credential_id})}, "did not issue")


def test_an_unknown_credential_id_is_refused(client, db):
    unknown = f"http://testserver/credentials/{uuid.uuid4()}/"
    refused(client, {"credential": json.dumps({"id": unknown})}, "holds no credential with the id")


def test_an_oversized_paste_is_refused(client, credential):
    document = keys.unverified_claims(credential.jwt) | {"padding": "x" * LIMIT}
    refused(client, {"credential": json.dumps(document)}, "more than 64 KB")
    refused(client, {"credential": credential.jwt + " " * LIMIT}, "more than 64 KB")


def test_a_paste_far_beyond_what_django_reads_is_refused(client, db):
    refused(client, {"credential": "x" * (3 * 1024 * 1024)}, "too much to read")


@pytest.mark.parametrize("size", [LIMIT + 1, 5 * 1024 * 1024])
def test_an_oversized_upload_is_refused(client, db, size):
    upload = SimpleUploadedFile("credential.json", b"{" + b" " * (size - 2) + b"}")
    refused(
        client,
        {"file": upload},
        f"This file is {-(-size // 1024)} KB: a credential is at most 64 KB",
    )


@pytest.mark.parametrize(
    "junk",
    [bytes(range(256)) * 4, b"\xff\xfe\x00\x00binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"],
)
def test_binary_junk_is_refused(client, db, junk):
    upload = SimpleUploadedFile("credential.jwt", junk, "application/octet-stream")
    refused(client, {"file": upload}, "This file is not text")


@pytest.mark.parametrize("pasted", ["hello", "eyJ", "https://example.org/credential"])
def test_text_that_is_no_credential_is_refused(client, db, pasted):
    refused(client, {"credential": pasted}, "neither a credential file")


def test_a_null_character_is_refused(client, db):
    refused(client, {"credential": "eyJ\x00.a.b"}, "Null characters are not allowed")


def test_an_unsigned_token_is_refused(client, credential):
    """alg "none", made by hand from the academy's own claims: it names no key and no signature."""
    claims = keys.unverified_claims(credential.jwt)
    unsigned = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}."
    refused(
        client, {"credential": unsigned}, "The token is not signed (its header says alg “none”)"
    )
    with_kid = f"{b64({'alg': 'none', 'kid': credential.signing_key.kid})}.{b64(claims)}."
    refused(client, {"credential": with_kid}, "The token is not signed")


def test_a_token_with_another_algorithm_is_refused(client, credential):
    claims = keys.unverified_claims(credential.jwt)
    forged = pyjwt.encode(
        claims, "a shared secret", algorithm="HS256", headers={"kid": credential.signing_key.kid}
    )
    refused(client, {"credential": forged}, "this academy signs only with EdDSA")


def test_a_token_signed_with_a_key_that_is_not_ours_is_refused(client, credential):
    """A copy of the credential signed with a stranger's Ed25519 key (PyJWT, not the library
    that signs for the academy), under a key id of its own and under the academy's."""
    claims = keys.unverified_claims(credential.jwt)
    stranger = Ed25519PrivateKey.generate()
    foreign = pyjwt.encode(claims, stranger, algorithm="EdDSA", headers={"kid": "stranger"})
    refused(client, {"credential": foreign}, "signed with a key this academy does not publish")
    borrowed = pyjwt.encode(
        claims, stranger, algorithm="EdDSA", headers={"kid": credential.signing_key.kid}
    )
    refused(client, {"credential": borrowed}, "The signature does not match key")


@pytest.mark.parametrize(
    "token",
    ["a.b.c", "eyJhbGciOiJFZERTQSJ9..", "!!!.???.###", f"{b64([1])}.{b64({})}.abc"],
)
def test_malformed_tokens_are_refused(client, db, token):
    response = client.post(VERIFY, {"credential": token})
    assert response.status_code == 400
    assert "token" in response.content.decode().lower()


def test_the_academys_revocation_list_is_not_a_credential(client, credential):
    """Signed by the academy's key, yet not an Open Badges credential."""
    refused(client, {"credential": issuing.status_list_jwt()}, "is not an Open Badges credential")


def test_a_token_naming_another_issuer_is_refused(client, credential):
    """Even signed by the academy's key (say a key leaked and was rotated), a credential naming
    another issuer is refused: the academy vouches only for what it issued."""
    claims = keys.unverified_claims(credential.jwt)
    claims["issuer"] = {"id": "https://evil.example.org/issuer", "type": ["Profile"]}
    forged = keys.sign(claims, credential.signing_key)
    refused(client, {"credential": forged}, "does not name the academy as its issuer")


def test_a_credential_whose_dates_are_not_dates_is_refused(client, credential):
    claims = keys.unverified_claims(credential.jwt)
    claims["validUntil"] = "next Tuesday"
    forged = keys.sign(claims, credential.signing_key)
    refused(client, {"credential": forged}, "validUntil is not a date and time")


def test_other_methods_are_not_allowed(client, db):
    assert client.put(VERIFY).status_code == 405
    assert client.delete(VERIFY).status_code == 405
