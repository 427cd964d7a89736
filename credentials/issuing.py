"""Issuing Open Badges 3.0 credentials: what they say, signing them, revoking them.

A credential is an OpenBadgeCredential in the 1EdTech Open Badges 3.0 data model (the W3C
Verifiable Credentials Data Model 2.0 form), signed as a VC-JWT (Open Badges 3.0 §8.2): the JWT
payload is the credential itself, with the registered claims iss, jti, nbf, iat (and exp when it
expires) copied from it. It is signed once, when issued, and kept as signed; what it says never
changes afterwards, however the course is edited, so `credential_document` reads it back from the
token rather than building it again.

learning decides when a course or an edition is complete and calls `issue_for_course` and
`issue_for_edition` in the transaction that records it. Both are idempotent: the database keeps
one credential per learner and achievement, and a second call returns the first credential.

Every URL in a credential starts with WAGTAILADMIN_BASE_URL, the site's public address, so a
credential names the same issuer and achievements whichever host served the request.
"""

import datetime
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from cohorts.models import Cohort
from courses.models import CoursePage, CourseSkill, EditionPage, unpublished_ancestor
from credentials import keys, status_list
from credentials.models import Credential
from lms.core.audit import audit

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CONTEXT = [VC_CONTEXT, OB_CONTEXT]
CREDENTIAL_TYPE = ["VerifiableCredential", "OpenBadgeCredential"]
SKILLS_FRAMEWORK = "Cluster Booster Academy skills"
MAX_REASON_LENGTH = 1000


class RevocationRefused(ValueError):
    """The credential cannot be revoked as asked; the message says why."""


def absolute(path):
    """The public URL of a path of this site."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def issuer_url():
    return absolute(reverse("credentials:issuer"))


def status_list_url():
    return absolute(reverse("credentials:status_list"))


def achievement_url(page):
    return absolute(reverse("credentials:achievement", args=[page.pk]))


def _page_url(page):
    url = page.get_url()
    if url is None:
        return None
    return absolute(url) if url.startswith("/") else url


def _timestamp(moment):
    """A DateTimeZ as the schema asks: UTC, to the second, with its trailing Z."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _issuer():
    """The issuer as each credential names it: the Profile whose full form is at its id."""
    return {
        "id": issuer_url(),
        "type": ["Profile"],
        "name": settings.CREDENTIALS_ISSUER_NAME,
        "url": absolute("/"),
    }


def issuer_profile():
    """The issuer's Profile, published at its id. `jwks_uri` names the key set that verifies
    what it signs (the name OpenID and VC-JWT issuer metadata give that URL); the Profile's
    schema takes further properties."""
    return {
        "@context": CONTEXT,
        **_issuer(),
        "description": (
            "Issues the Open Badges of the courses and editions its learners complete, signed "
            "as VC-JWTs with the keys published at jwks_uri."
        ),
        "jwks_uri": absolute(reverse("credentials:jwks")),
    }


# What the achievements say


def _alignments(courses):
    """One Alignment per skill of `courses`, each skill once, in the order editors tagged them;
    one query."""
    items = CourseSkill.objects.filter(content_object__in=courses).select_related("tag")
    skills = {}
    for item in items.order_by("pk"):
        skills.setdefault(item.tag_id, item.tag)
    return [
        {
            "type": ["Alignment"],
            "targetName": skill.name,
            "targetUrl": absolute(skill.get_absolute_url()),
            "targetFramework": SKILLS_FRAMEWORK,
            "targetCode": skill.slug,
            "targetType": "ceasn:Competency",
            **({"targetDescription": skill.description} if skill.description else {}),
        }
        for skill in skills.values()
    ]


def _minimum_attendance(edition):
    """The attendance (%) the edition's cohort asks for its certificates; 0 for none."""
    minimum = Cohort.objects.filter(edition=edition).values_list("min_attendance", flat=True)
    return minimum.first() or 0


def _attendance_clause(edition):
    minimum = _minimum_attendance(edition) if edition is not None else 0
    if not minimum:
        return ""
    return f", and attending at least {minimum}% of the live sessions of {edition.title}"


def _course_achievement(course):
    modules = course.get_modules().count()
    edition = course.edition
    what = f"all {modules} modules" if modules != 1 else "its one module"
    narrative = (
        f"Completing {what} of “{course.title}”, each module's required self-check answered "
        f"right{_attendance_clause(edition)}."
    )
    return {
        "id": achievement_url(course),
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": course.title,
        "description": course.summary or course.title,
        "criteria": {"id": _page_url(course), "narrative": narrative},
        "alignment": _alignments([course]),
    }


def edition_courses(edition):
    """The courses an edition's credential asks for: its live courses open to everyone."""
    return CoursePage.objects.child_of(edition).live().public().order_by("path")


def _edition_achievement(edition):
    courses = list(edition_courses(edition).only("id", "title"))
    titles = "; ".join(f"“{course.title}”" for course in courses)
    narrative = (
        f"Earning the certificate of every course of {edition.title} ({titles})"
        f"{_attendance_clause(edition)}."
    )
    return {
        "id": achievement_url(edition),
        "type": ["Achievement"],
        # A programme of courses, in the schema's words (CTDL's LearningProgram).
        "achievementType": "LearningProgram",
        "name": edition.title,
        "description": (
            f"The {edition.ordinal} edition of the Cluster Booster Academy, in "
            f"{edition.host_city}: {len(courses)} course{'' if len(courses) == 1 else 's'}."
        ),
        "criteria": {"id": _page_url(edition), "narrative": narrative},
        "alignment": _alignments(courses),
    }


def _achievement(page):
    if isinstance(page, EditionPage):
        return _edition_achievement(page)
    return _course_achievement(page)


def published_achievement_page(page_id):
    """The course or edition `page_id` if the public may see it (live, under live pages, with
    no view restriction), else None."""
    page = Page.objects.live().public().type(CoursePage, EditionPage).filter(pk=page_id).first()
    if page is None or unpublished_ancestor(page) is not None:
        return None
    return page.specific


def achievement(page):
    """The Achievement of a course or edition, as its public JSON document."""
    return {"@context": CONTEXT, **_achievement(page)}


# Issuing


def _document(credential, page):
    """The OpenBadgeCredential of `credential` (saved, so it has its status-list index)."""
    status_url = status_list_url()
    achievement = _achievement(page)
    document = {
        "@context": CONTEXT,
        "id": absolute(credential.get_absolute_url()),
        "type": CREDENTIAL_TYPE,
        "issuer": _issuer(),
        "validFrom": _timestamp(credential.issued_at),
    }
    if credential.valid_until is not None:
        document["validUntil"] = _timestamp(credential.valid_until)
    document |= {
        "name": achievement["name"],
        "credentialSubject": {
            "type": ["AchievementSubject"],
            # Named rather than hashed: the credential is meant to be shown with the name on it.
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": credential.learner_name,
                }
            ],
            "achievement": achievement,
        },
        "credentialStatus": {
            "id": f"{status_url}#{credential.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(credential.status_index),
            "statusListCredential": status_url,
        },
    }
    return document


def _claims(document, issued_at, valid_until):
    """The VC-JWT payload: the credential and the registered claims OB 3.0 §8.2 maps from it.
    There is no `sub`: the subject is named, and has no id."""
    claims = {
        **document,
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "nbf": int(issued_at.timestamp()),
        "iat": int(issued_at.timestamp()),
    }
    if valid_until is not None:
        claims["exp"] = int(valid_until.timestamp())
    return claims


def _learner_name(learner):
    return (learner.get_full_name() or learner.get_short_name())[:200]


def _issue(learner, page, kind):
    existing = Credential.objects.filter(learner=learner, page=page).first()
    if existing is not None:
        return existing
    key = keys.signing_key()
    # To the second, as the credential states it.
    issued_at = timezone.now().replace(microsecond=0)
    days = settings.CREDENTIALS_VALID_DAYS
    valid_until = issued_at + datetime.timedelta(days=days) if days > 0 else None
    try:
        with transaction.atomic():
            credential = Credential.objects.create(
                learner=learner,
                kind=kind,
                page=page,
                achievement_name=page.title[:255],
                learner_name=_learner_name(learner),
                signing_key=key,
                issued_at=issued_at,
                valid_until=valid_until,
            )
            document = _document(credential, page)
            credential.jwt = keys.sign(_claims(document, issued_at, valid_until), key)
            credential.save(update_fields=["jwt"])
    except IntegrityError:
        # Issued by a concurrent request since the check above: the database kept that one.
        existing = Credential.objects.filter(learner=learner, page=page).first()
        if existing is None:
            raise
        return existing
    transaction.on_commit(
        partial(
            audit,
            "credential_issued",
            learner,
            credential=str(credential.public_id),
            kind=kind,
            page_id=page.pk,
            achievement=credential.achievement_name,
        )
    )
    return credential


def issue_for_course(learner, course):
    """The learner's credential for completing `course`, issued now unless it was already."""
    return _issue(learner, course, Credential.Kind.COURSE)


def issue_for_edition(learner, edition):
    """The learner's credential for completing every course of `edition`, issued now unless it
    was already."""
    return _issue(learner, edition, Credential.Kind.EDITION)


def credential_document(credential):
    """The credential as it was signed (the VC-JWT's payload); None once its learner's account
    is deleted, when the token is gone."""
    if not credential.jwt:
        return None
    return keys.unverified_claims(credential.jwt)


# Revocation


def status_list_jwt():
    """The revocation list as a signed BitstringStatusListCredential (VC-JWT), as of now.

    Three queries whatever the number of credentials: the highest index, the revoked indexes
    and the signing key.
    """
    url = status_list_url()
    highest = Credential.objects.aggregate(highest=Max("pk"))["highest"]
    revoked = Credential.objects.filter(revoked_at__isnull=False).values_list("pk", flat=True)
    encoded = status_list.encode(list(revoked), status_list.length_for(highest))
    now = timezone.now().replace(microsecond=0)
    document = {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_url(),
        "validFrom": _timestamp(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded,
        },
    }
    claims = {
        **document,
        "iss": document["issuer"],
        "jti": url,
        "nbf": int(now.timestamp()),
        "iat": int(now.timestamp()),
    }
    return keys.sign(claims, keys.signing_key())


def revoke(credential, by, reason):
    """Revoke the credential, as `by` (a staff member) for `reason`; True if it was not revoked
    already. Its bit in the status list is set from now on.

    Raises RevocationRefused without a reason: whoever checks the credential later is owed one.
    """
    reason = (reason or "").strip()
    if not reason:
        raise RevocationRefused("Say why the credential is revoked.")
    if len(reason) > MAX_REASON_LENGTH:
        raise RevocationRefused(f"Say why in at most {MAX_REASON_LENGTH} characters.")
    now = timezone.now()
    # Conditional, so that two staff revoking at once leave the first one's reason.
    revoked = Credential.objects.filter(pk=credential.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_reason=reason, revoked_by=by
    )
    if not revoked:
        credential.refresh_from_db(fields=["revoked_at", "revoked_reason", "revoked_by"])
        return False
    credential.revoked_at, credential.revoked_reason, credential.revoked_by = now, reason, by
    transaction.on_commit(
        partial(
            audit,
            "credential_revoked",
            by,
            credential=str(credential.public_id),
            learner_id=credential.learner_id,
            reason=reason,
        )
    )
    return True


def forget_learner(user):
    """Clear the name and the signed token of the user's credentials (their account is being
    deleted). The rows stay, so that their status-list indexes are never reused and a revoked
    credential stays revoked."""
    return Credential.objects.filter(learner=user).update(learner_name="", jwt="")


def account_deleted(sender, instance, **kwargs):
    """pre_delete of the user model (connected in CredentialsConfig.ready): however an account
    goes (its owner, the admin), its credentials forget it before the rows lose their learner."""
    forget_learner(instance)
