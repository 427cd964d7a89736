"""The Ed25519 keys that sign the academy's credentials, and the checks a presented token passes.

Each key is a SigningKey row; its private half never leaves that row (the published key set
holds public halves only). The newest key not retired signs; rotating adds a key and retires the
others, which stay published so that what they signed keeps verifying.

A token is signed as a compact JWS with the header `{"alg": "EdDSA", "typ": "JWT", "kid": …}`, the
kid being the key's RFC 7638 thumbprint. `verify` reads the header before any key: it refuses an
unsigned token (`alg: none`) and any algorithm but EdDSA before it looks a key up, so a token
cannot choose how it is checked, and it looks keys up only by the kid of one of ours.
"""

import base64
import binascii
import json
import re

from django.db import transaction
from django.utils import timezone

from joserfc import jws, jwt
from joserfc.errors import BadSignatureError, JoseError
from joserfc.jwa import EdDSAAlgorithm
from joserfc.jwk import OKPKey

from credentials.models import SigningKey

ALGORITHM = "EdDSA"
CURVE = "Ed25519"


class InvalidToken(ValueError):
    """A presented token is not one the academy signed; the message says why, in words."""


class _Ed25519(EdDSAAlgorithm):
    # RFC 9864 deprecates "EdDSA" because the name covers two curves, and joserfc warns on each
    # use. Open Badges verifiers and wallets know "EdDSA"; every key here is Ed25519, so the name
    # is not ambiguous for us. Delete this class once the ecosystem accepts the "Ed25519" name.
    security_warning = None


class _Registry(jws.JWSRegistry):
    """The one algorithm this academy signs and accepts."""

    algorithms = {ALGORITHM: _Ed25519()}
    recommended = []


_REGISTRY = _Registry(algorithms=[ALGORITHM])

# A thumbprint is 43 base64url characters; nothing else is looked up.
_KID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _new_key():
    key = OKPKey.generate_key(CURVE)
    kid = key.thumbprint()
    published = {"kid": kid, "alg": ALGORITHM, "use": "sig"}
    return SigningKey.objects.create(
        kid=kid,
        private_jwk={**key.as_dict(private=True), **published},
        public_jwk={**key.as_dict(private=False), **published},
    )


def signing_key():
    """The key that signs new credentials: the newest one not retired, created on first use."""
    key = SigningKey.objects.filter(retired_at__isnull=True).first()
    return key or _new_key()


def rotate():
    """A new signing key; every other key is retired (and stays published). Returns the new key."""
    with transaction.atomic():
        key = _new_key()
        SigningKey.objects.filter(retired_at__isnull=True).exclude(pk=key.pk).update(
            retired_at=timezone.now()
        )
    return key


def public_key_set():
    """The JWKS of every key the academy ever signed with, newest first: public halves only."""
    return {"keys": list(SigningKey.objects.values_list("public_jwk", flat=True))}


def sign(claims, key):
    """The claims signed by `key` (a SigningKey) as a compact JWS."""
    header = {"alg": ALGORITHM, "typ": "JWT", "kid": key.kid}
    return jwt.encode(
        header, claims, OKPKey.import_key(key.private_jwk), [ALGORITHM], registry=_REGISTRY
    )


def _b64decode(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _parts(token):
    if isinstance(token, bytes):
        try:
            token = token.decode("ascii")
        except UnicodeDecodeError:
            raise InvalidToken(
                "This is not a signed credential: it contains bytes that are not text."
            ) from None
    if not isinstance(token, str):
        raise InvalidToken("This is not a signed credential.")
    token = token.strip()
    parts = token.split(".")
    if len(parts) != 3 or not all(parts[:2]):
        raise InvalidToken(
            "This is not a signed credential: a JWT is three parts separated by dots."
        )
    return token, parts


def _json_part(part, name):
    try:
        value = json.loads(_b64decode(part))
    except (binascii.Error, ValueError, RecursionError):
        raise InvalidToken(
            f"The token's {name} is not readable: it was cut short or changed."
        ) from None
    if not isinstance(value, dict):
        raise InvalidToken(f"The token's {name} is not a JSON object.")
    return value


def unverified_claims(token):
    """The claims of a token this academy stored itself, read without checking its signature:
    for reading back what was signed, never for trusting what someone presents."""
    _, parts = _parts(token)
    return _json_part(parts[1], "payload")


def verify(token):
    """(header, claims) of a token signed by one of the academy's keys.

    Raises InvalidToken with a message a person understands when the token is malformed, is not
    signed with EdDSA (`alg: none` included), names a key this academy does not publish, or its
    signature does not match. Only the signature is checked here: what the claims say (expiry,
    revocation) is for the caller to judge.
    """
    token, parts = _parts(token)
    header = _json_part(parts[0], "header")
    alg = header.get("alg")
    if alg is None or (isinstance(alg, str) and alg.lower() == "none"):
        says = "names no algorithm" if alg is None else "says alg “none”"
        raise InvalidToken(
            f"The token is not signed (its header {says}): anyone could have written it."
        )
    if alg != ALGORITHM:
        raise InvalidToken(
            f"The token says it is signed with “{str(alg)[:20]}”; this academy signs only with "
            f"EdDSA (Ed25519), so it did not sign this."
        )
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise InvalidToken("The token does not name the key that signed it (no “kid”).")
    key = None
    if _KID.fullmatch(kid):
        key = SigningKey.objects.filter(kid=kid).only("kid", "public_jwk").first()
    if key is None:
        raise InvalidToken(
            "The token was signed with a key this academy does not publish: it is not one of ours."
        )
    if not parts[2]:
        raise InvalidToken("The token carries no signature.")
    try:
        decoded = jwt.decode(
            token, OKPKey.import_key(key.public_jwk), [ALGORITHM], registry=_REGISTRY
        )
    except BadSignatureError:
        raise InvalidToken(
            f"The signature does not match key {kid}: the credential was changed after the "
            "academy signed it, or the academy never signed it."
        ) from None
    except (JoseError, ValueError) as error:
        reason = error.error if isinstance(error, JoseError) else "unreadable"
        raise InvalidToken(f"The token is malformed ({reason}).") from None
    return dict(decoded.header), decoded.claims
