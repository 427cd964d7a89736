"""The academy's signing keys: what they sign, what they refuse, and rotation.

Tokens that did not come from the academy are made here with PyJWT and cryptography, never with
the module under test, so that a shared mistake cannot hide.
"""

import base64
import hashlib
import io
import json

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from credentials import keys
from credentials.models import SigningKey

pytestmark = pytest.mark.django_db


def b64(data):
    if not isinstance(data, bytes):
        data = json.dumps(data).encode()
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def forged(header, claims=None, signature=b"not a signature"):
    """A token with any header, as an attacker would write it by hand."""
    return f"{b64(header)}.{b64(claims or {'iss': 'me'})}.{b64(signature)}"


def thumbprint(jwk):
    """RFC 7638: SHA-256 of the required members in lexicographic order, without whitespace."""
    members = {name: jwk[name] for name in ("crv", "kty", "x")}
    digest = hashlib.sha256(json.dumps(members, separators=(",", ":"), sort_keys=True).encode())
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def segment(token, index):
    part = token.split(".")[index]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_the_first_signature_makes_a_key_named_by_its_rfc7638_thumbprint():
    SigningKey.objects.update(retired_at=timezone.now())  # whatever an earlier test left
    key = keys.signing_key()
    assert key.retired_at is None
    assert keys.signing_key() == key
    assert key.public_jwk["kty"] == "OKP"
    assert key.public_jwk["crv"] == "Ed25519"
    assert key.kid == key.public_jwk["kid"] == thumbprint(key.public_jwk)


def test_a_signed_token_names_its_key_and_verifies():
    key = keys.signing_key()
    token = keys.sign({"iss": "https://academy.example.org/", "name": "Zoë"}, key)
    assert segment(token, 0) == {"alg": "EdDSA", "typ": "JWT", "kid": key.kid}
    header, claims = keys.verify(token)
    assert header["kid"] == key.kid
    assert claims == {"iss": "https://academy.example.org/", "name": "Zoë"}
    # PyJWT, knowing only the public half, agrees.
    public = pyjwt.PyJWK(key.public_jwk)
    assert pyjwt.decode(token, public.key, algorithms=["EdDSA"])["name"] == "Zoë"


@pytest.mark.parametrize("alg", ["none", "None", "NONE", None])
def test_an_unsigned_token_is_refused_before_any_key_is_looked_up(alg, django_assert_num_queries):
    kid = keys.signing_key().kid
    header = {"typ": "JWT", "kid": kid} | ({"alg": alg} if alg else {})
    with django_assert_num_queries(0), pytest.raises(keys.InvalidToken, match="not signed"):
        keys.verify(forged(header, signature=b""))
    with django_assert_num_queries(0), pytest.raises(keys.InvalidToken, match="not signed"):
        keys.verify(forged(header))


def test_a_token_signed_with_our_public_key_as_a_shared_secret_is_refused(
    django_assert_num_queries,
):
    """The classic algorithm confusion: HS256 with the published key as its secret."""
    key = keys.signing_key()
    secret = json.dumps(key.public_jwk).encode() + bytes(32)
    token = pyjwt.encode({"iss": "me"}, secret, algorithm="HS256", headers={"kid": key.kid})
    with django_assert_num_queries(0), pytest.raises(keys.InvalidToken, match="only with EdDSA"):
        keys.verify(token)


@pytest.mark.parametrize("alg", ["RS256", "ES256", "Ed25519", "eddsa", 5])
def test_any_other_algorithm_is_refused(alg, django_assert_num_queries):
    token = forged({"alg": alg, "typ": "JWT", "kid": keys.signing_key().kid})
    with django_assert_num_queries(0), pytest.raises(keys.InvalidToken, match="only with EdDSA"):
        keys.verify(token)


def other_academys_token(kid):
    other = Ed25519PrivateKey.generate()
    return pyjwt.encode({"iss": "me"}, other, algorithm="EdDSA", headers={"kid": kid})


@pytest.mark.parametrize("kid", ["l3pbXEyJfOYvWRNtAFUyKhbDMNOD3p7BvoVK2NKEpfs", "x" * 65, "a\0b"])
def test_a_key_the_academy_does_not_publish_is_refused(kid):
    keys.signing_key()
    with pytest.raises(keys.InvalidToken, match="a key this academy does not publish"):
        keys.verify(other_academys_token(kid))


def test_a_token_without_a_key_id_is_refused():
    with pytest.raises(keys.InvalidToken, match="does not name the key"):
        keys.verify(forged({"alg": "EdDSA", "typ": "JWT"}))


def test_another_key_claiming_to_be_ours_fails_the_signature():
    kid = keys.signing_key().kid
    with pytest.raises(keys.InvalidToken, match="signature does not match"):
        keys.verify(other_academys_token(kid))


def test_a_changed_claim_fails_the_signature():
    token = keys.sign({"name": "Ada", "achievement": "Cluster strategy"}, keys.signing_key())
    header, _, signature = token.split(".")
    tampered = f"{header}.{b64({'name': 'Eve', 'achievement': 'Cluster strategy'})}.{signature}"
    with pytest.raises(keys.InvalidToken, match="changed after the academy signed it"):
        keys.verify(tampered)


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("", "three parts"),
        ("just some text", "three parts"),
        ("a.b", "three parts"),
        ("a.b.c.d", "three parts"),
        ("é.b.c".encode(), "not text"),
        (b"\xff\xfe.b.c", "not text"),
        ("!!!.e30.c2ln", "header is not readable"),
        (f"{b64(b'[1, 2]')}.e30.c2ln", "header is not a JSON object"),
        (f"{b64(b'[' * 100_000)}.e30.c2ln", "header is not readable"),
        (12345, "not a signed credential"),
    ],
)
def test_a_malformed_token_is_refused_with_a_clear_message(token, message):
    with pytest.raises(keys.InvalidToken, match=message):
        keys.verify(token)


def test_a_payload_that_is_not_json_is_refused():
    key = keys.signing_key()
    header, _, _ = keys.sign({"a": 1}, key).split(".")
    with pytest.raises(keys.InvalidToken):
        keys.verify(f"{header}.{b64(b'not json')}.{b64(b'x' * 64)}")


def test_after_a_rotation_new_tokens_use_the_new_key_and_old_ones_still_verify():
    old = keys.signing_key()
    old_token = keys.sign({"n": 1}, old)
    new = keys.rotate()
    assert new.kid != old.kid
    assert keys.signing_key() == new
    old.refresh_from_db()
    assert old.retired_at is not None
    assert keys.verify(old_token)[1] == {"n": 1}
    assert segment(keys.sign({"n": 2}, keys.signing_key()), 0)["kid"] == new.kid
    assert [jwk["kid"] for jwk in keys.public_key_set()["keys"]][:2] == [new.kid, old.kid]


def test_the_published_key_set_holds_no_private_key(client):
    keys.signing_key()
    keys.rotate()
    response = client.get(reverse("credentials:jwks"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwk-set+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    published = response.json()["keys"]
    assert len(published) == SigningKey.objects.count() >= 2
    for jwk in published:
        assert set(jwk) == {"kty", "crv", "x", "kid", "alg", "use"}
        assert jwk["alg"] == "EdDSA"
    private_values = {key.private_jwk["d"] for key in SigningKey.objects.all()}
    assert not any(value in response.content.decode() for value in private_values)


def test_the_rotate_command_prints_the_new_key_id():
    first = keys.signing_key()
    out = io.StringIO()
    call_command("rotate_signing_key", stdout=out)
    new = keys.signing_key()
    assert new != first
    assert new.kid in out.getvalue()
