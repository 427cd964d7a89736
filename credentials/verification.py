"""Checking a credential someone presents: the `.jwt` (a compact JWS) or the `.json` (the VC).

Anyone may present one, so everything here is hostile input until proven otherwise: every refusal
is a `VerificationFailed` whose message a person understands, and nothing presented reaches the
database but a UUID.

A JWT is checked as a wallet would: the signature by one of the academy's published keys
(`keys.verify`), that it is an Open Badges credential of this academy's issuer, its validity
period, and its bit in the academy's own signed revocation list. A JSON VC carries no proof of its
own (the academy signs the JWT, the enveloping proof): it is found by its `id` among the issued
credentials, whose signed JWT is checked as above, and then compared with it claim by claim, so
that any changed, added or missing claim is named.

Revoked, expired or not yet valid credentials are still the academy's own: they verify as
`Verification`s that say so, rather than failing as forgeries do.
"""

import datetime
import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import dateformat, timezone
from django.utils.dateparse import parse_datetime

from credentials import issuing, keys, status_list
from credentials.models import Credential

# The JWT's own claims (RFC 7519), which VC-JWT adds around the VC: not part of the `.json`.
REGISTERED_CLAIMS = ("iss", "sub", "aud", "exp", "nbf", "iat", "jti")
CREDENTIAL_TYPES = {"OpenBadgeCredential", "AchievementCredential"}
# VC Data Model 2.0's wrapper of a VC-JWT in JSON.
ENVELOPED_PREFIX = "data:application/vc+jwt,"
# How many differences a failed comparison names.
DIFFERENCES_SHOWN = 3
# Names from presented JSON are shown in messages; an absurdly long one is cut.
NAME_SHOWN = 80


class VerificationFailed(Exception):
    """The presented credential is not a genuine credential of the academy; the message says why."""


@dataclass
class Check:
    passed: bool
    sentence: str


@dataclass
class Verification:
    """What a genuine credential of the academy says, and where it stands today."""

    claims: dict  # the signed VC, without the JWT's registered claims
    registered: dict  # the JWT's registered claims around it
    kid: str
    presented_as: str  # "jwt", "json" or "stored"
    issuer_name: str
    subject_name: str
    achievement_name: str
    signed_at: datetime.datetime | None
    valid_from: datetime.datetime | None
    valid_until: datetime.datetime | None
    revoked: bool
    revoked_at: datetime.datetime | None
    credential: Credential | None
    checked_at: datetime.datetime = field(default_factory=timezone.now)

    @property
    def expired(self):
        return self.valid_until is not None and self.valid_until <= self.checked_at

    @property
    def not_yet_valid(self):
        return self.valid_from is not None and self.valid_from > self.checked_at

    @property
    def valid(self):
        return not (self.revoked or self.expired or self.not_yet_valid)

    @property
    def status(self):
        """One word for where it stands: valid, revoked, expired or not-yet-valid."""
        if self.revoked:
            return "revoked"
        if self.expired:
            return "expired"
        if self.not_yet_valid:
            return "not-yet-valid"
        return "valid"

    @property
    def checks(self):
        """What was verified, in words, each passed or not."""
        signed = f" on {day(self.signed_at)}" if self.signed_at else ""
        found = [
            Check(
                True,
                f"Signed by {self.issuer_name}{signed}, with its key {self.kid}: the signature "
                "matches the academy's published key.",
            ),
            Check(True, f"Issued to {self.subject_name} for “{self.achievement_name}”."),
        ]
        if self.presented_as == "json":
            found.append(
                Check(True, "Every claim of the presented file matches what the academy signed.")
            )
        if self.revoked:
            when = f" on {day(self.revoked_at)}" if self.revoked_at else ""
            found.append(Check(False, f"Revoked by the academy{when}: it is no longer valid."))
        else:
            found.append(
                Check(True, "Not revoked: the academy's signed revocation list does not list it.")
            )
        if self.not_yet_valid:
            found.append(Check(False, f"Not valid before {day(self.valid_from)}."))
        elif self.expired:
            found.append(Check(False, f"Expired on {day(self.valid_until)}."))
        elif self.valid_until:
            found.append(Check(True, f"Not expired: valid until {day(self.valid_until)}."))
        else:
            found.append(Check(True, "Not expired: it has no end date."))
        return found


def day(moment):
    return dateformat.format(timezone.localtime(moment), "j F Y")


def verify_presented(data):
    """Verify what someone pasted or uploaded (str or bytes): a VC-JWT or the VC as JSON.

    Returns a Verification; raises VerificationFailed with a message for the person presenting it.
    """
    text = as_text(data)
    if text.startswith("{") or text.startswith("["):
        document = parse_json(text)
        enveloped = document.get("id")
        if isinstance(enveloped, str) and enveloped.startswith(ENVELOPED_PREFIX):
            return verify_token(enveloped.removeprefix(ENVELOPED_PREFIX))
        return verify_document(document)
    # A JWT has no whitespace: what a mail client's line breaks put in is taken out.
    token = "".join(text.split())
    if token.count(".") == 2:
        return verify_token(token, presented_as="jwt")
    raise VerificationFailed(
        "This is neither a credential file (.json) nor a signed credential (.jwt): paste or "
        "upload the whole file the learner downloaded."
    )


def as_text(data):
    """The presented credential as text, within the size limit."""
    limit = settings.CREDENTIALS_MAX_PRESENTED_BYTES
    if isinstance(data, str):
        size = len(data.encode("utf-8", "surrogatepass"))
    else:
        size = len(data)
    if size > limit:
        raise VerificationFailed(
            f"This is {size // 1024 or 1} KB; a credential is at most {limit // 1024} KB. "
            "Paste or upload only the credential the learner downloaded."
        )
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise VerificationFailed(
                "This file is not text: upload the credential's .json or .jwt file as downloaded."
            ) from None
    text = data.strip()
    if not text:
        raise VerificationFailed("There is nothing to verify: paste or upload a credential.")
    return text


def reject_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def parse_json(text):
    try:
        document = json.loads(text, parse_constant=reject_constant)
    except (ValueError, RecursionError) as error:
        where = ""
        if isinstance(error, json.JSONDecodeError):
            where = f" (line {error.lineno}, column {error.colno}: {error.msg.lower()})"
        raise VerificationFailed(
            f"This is not valid JSON{where}: upload the credential's .json file as downloaded."
        ) from None
    if not isinstance(document, dict):
        raise VerificationFailed(
            "This JSON is not a credential: a credential is a JSON object ({…}), not a list or a "
            "single value."
        )
    return document


def verify_document(presented):
    """A VC presented as JSON: genuine only if it is, claim for claim, what the academy signed."""
    credential = issued_credential(presented.get("id"))
    verification = verify_token(credential.jwt, presented_as="json", credential=credential)
    signed = dict(verification.claims)
    # A decoded JWT payload carries the JWT's registered claims too: they must match as well.
    signed.update({n: v for n, v in verification.registered.items() if n in presented})
    differences = list(compare(presented, signed))
    if differences:
        shown = "; ".join(differences[:DIFFERENCES_SHOWN])
        more = len(differences) - DIFFERENCES_SHOWN
        if more > 0:
            shown += f"; and {more} more difference{'s' if more > 1 else ''}"
        raise VerificationFailed(
            f"This credential has been changed since the academy signed it: {shown}."
        )
    return verification


def issued_credential(credential_id):
    """The issued credential a VC's `id` names, with its signed JWT."""
    if not isinstance(credential_id, str) or not credential_id:
        raise VerificationFailed(
            "This JSON has no credential id: a credential of the academy names its verification "
            "address in `id`."
        )
    public_id = public_id_of(credential_id)
    if public_id is None:
        raise VerificationFailed(
            f"The academy did not issue this credential: its id {shorten(credential_id)} is not "
            "one of the academy's verification addresses."
        )
    credential = Credential.objects.held().filter(public_id=public_id).first()
    if credential is None:
        raise VerificationFailed(
            f"The academy holds no credential with the id {shorten(credential_id)}: it was never "
            "issued, or was deleted with its owner's account."
        )
    return credential


def public_id_of(credential_id):
    """The UUID in a credential id that is one of the academy's verification addresses (as
    issued, the id is its public page), or None."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    try:
        url = urlsplit(credential_id)
    except ValueError:  # e.g. an unclosed IPv6 address: "http://[::1"
        return None
    if (url.scheme, url.netloc) != (base.scheme, base.netloc) or url.query or url.fragment:
        return None
    try:
        match = resolve(url.path)
    except Resolver404:
        return None
    if match.view_name != "credentials:credential":
        return None
    return match.kwargs["public_id"]


def verify_token(token, presented_as="jwt", credential=None):
    """A VC-JWT: signed by the academy, one of its Open Badges credentials, and where it stands."""
    try:
        header, payload = keys.verify(token)
    except keys.InvalidToken as error:
        raise VerificationFailed(str(error)) from None
    claims = {name: value for name, value in payload.items() if name not in REGISTERED_CLAIMS}
    check_is_ours(claims)
    valid_from, valid_until = validity(payload, claims)
    if credential is None:
        credential = Credential.objects.filter(public_id=public_id_of(claims["id"])).first()
    revoked = is_revoked(claims)
    revoked_at = None
    if credential is not None and credential.revoked:
        # The list is the public answer; the record also dates it (and is ahead of a list that
        # a cache may still hold).
        revoked, revoked_at = True, credential.revoked_at
    return Verification(
        claims=claims,
        registered={name: payload[name] for name in REGISTERED_CLAIMS if name in payload},
        kid=header.get("kid", ""),
        presented_as=presented_as,
        issuer_name=issuer_name(claims),
        subject_name=subject_name(claims, credential),
        achievement_name=achievement_name(claims),
        signed_at=signed_at(payload, claims),
        valid_from=valid_from,
        valid_until=valid_until,
        revoked=revoked,
        revoked_at=revoked_at,
        credential=credential,
    )


def check_is_ours(claims):
    """The academy's key signs more than credentials (its revocation list, for one): the
    signature alone does not make a token an Open Badges credential of the academy."""
    types = claims.get("type")
    types = {types} if isinstance(types, str) else types
    types = {t for t in types if isinstance(t, str)} if isinstance(types, list | set) else set()
    if not types & CREDENTIAL_TYPES:
        raise VerificationFailed(
            "This is signed by the academy but is not an Open Badges credential (its type is "
            "not OpenBadgeCredential)."
        )
    issuer = claims.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != issuing.issuer_url():
        raise VerificationFailed(
            "This credential does not name the academy as its issuer, so the academy's signature "
            "does not vouch for it."
        )
    subject = claims.get("credentialSubject")
    if not isinstance(claims.get("id"), str) or not isinstance(subject, dict):
        raise VerificationFailed("This credential has no id or no subject.")


def validity(payload, claims):
    """(valid from, valid until): the later start and the earlier end of the JWT's nbf/exp and
    the VC's validFrom/validUntil."""
    starts = [moment(payload, "nbf"), moment(claims, "validFrom")]
    ends = [moment(payload, "exp"), moment(claims, "validUntil")]
    starts = [start for start in starts if start is not None]
    ends = [end for end in ends if end is not None]
    return (max(starts) if starts else None, min(ends) if ends else None)


def moment(claims, name):
    """A date claim: seconds since the epoch (the JWT's) or an ISO 8601 date-time (the VC's)."""
    value = claims.get(name)
    if value is None:
        return None
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except (ValueError, OverflowError, OSError):
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise VerificationFailed(f"The credential's {name} is not a date and time.")
    return parsed


def signed_at(payload, claims):
    """When the academy signed it: the JWT's iat, else the VC's validFrom."""
    for source, name in ((payload, "iat"), (claims, "validFrom")):
        try:
            found = moment(source, name)
        except VerificationFailed:
            found = None
        if found is not None:
            return found
    return None


def revocation_entry(claims):
    status = claims.get("credentialStatus")
    entries = status if isinstance(status, list) else [status]
    for entry in entries:
        if isinstance(entry, dict) and entry.get("statusPurpose") == "revocation":
            return entry
    raise VerificationFailed(
        "This credential names no revocation status, which every credential of the academy has."
    )


def is_revoked(claims):
    """The credential's bit in the academy's own revocation list, as published and signed."""
    entry = revocation_entry(claims)
    if entry.get("statusListCredential") != issuing.status_list_url():
        raise VerificationFailed(
            "This credential's revocation status is not kept in the academy's revocation list."
        )
    try:
        index = int(entry.get("statusListIndex"))
    except (TypeError, ValueError):
        index = -1
    try:
        _, published = keys.verify(issuing.status_list_jwt())
    except keys.InvalidToken as error:
        raise VerificationFailed(f"The academy's revocation list is unreadable: {error}") from None
    try:
        bits = status_list.decode(published["credentialSubject"]["encodedList"])
    except (status_list.InvalidStatusList, KeyError, TypeError) as error:
        raise VerificationFailed(f"The academy's revocation list is unreadable: {error}") from None
    if not 0 <= index < len(bits) * 8:
        raise VerificationFailed("This credential's place in the revocation list does not exist.")
    return status_list.is_set(bits, index)


def issuer_name(claims):
    issuer = claims.get("issuer")
    name = issuer.get("name") if isinstance(issuer, dict) else None
    return name if isinstance(name, str) and name else settings.CREDENTIALS_ISSUER_NAME


def subject_name(claims, credential):
    """The learner as the credential names them: `name`, or an unhashed name identifier."""
    subject = claims["credentialSubject"]
    if isinstance(subject.get("name"), str) and subject["name"]:
        return subject["name"]
    identifiers = subject.get("identifier")
    for identifier in identifiers if isinstance(identifiers, list) else []:
        if (
            isinstance(identifier, dict)
            and identifier.get("identityType") == "name"
            and identifier.get("hashed") is False
            and isinstance(identifier.get("identityHash"), str)
        ):
            return identifier["identityHash"]
    if credential is not None and credential.learner_name:
        return credential.learner_name
    return "its holder"


def achievement_name(claims):
    achievement = claims["credentialSubject"].get("achievement")
    name = achievement.get("name") if isinstance(achievement, dict) else None
    if isinstance(name, str) and name:
        return name
    return claims.get("name") if isinstance(claims.get("name"), str) else "an achievement"


def compare(presented, signed, path=""):
    """Each difference between the presented JSON and the signed VC, named by its claim path."""
    if isinstance(signed, dict) and isinstance(presented, dict):
        for name in signed:
            where = f"{path}.{name}" if path else name
            if name not in presented:
                yield f"{where} is missing, though the academy signed it"
            else:
                yield from compare(presented[name], signed[name], where)
        for name in presented:
            if name not in signed:
                where = f"{path}.{shorten(name)}" if path else shorten(name)
                yield f"{where} was added: the academy did not sign it"
    elif isinstance(signed, list) and isinstance(presented, list):
        for index, (one, other) in enumerate(zip(presented, signed, strict=False)):
            yield from compare(one, other, f"{path}[{index}]")
        if len(presented) != len(signed):
            yield (
                f"{path or 'the credential'} has {len(presented)} entries where the academy "
                f"signed {len(signed)}"
            )
    elif type(presented) is not type(signed) or presented != signed:
        yield f"{path or 'the credential'} differs from what the academy signed"


def shorten(text):
    text = str(text)
    return text if len(text) <= NAME_SHOWN else text[: NAME_SHOWN - 1] + "…"


def signed_document(credential):
    """The `.json` a learner downloads: the VC exactly as signed, without the JWT's claims."""
    _, payload = keys.verify(credential.jwt)
    return {name: value for name, value in payload.items() if name not in REGISTERED_CLAIMS}
