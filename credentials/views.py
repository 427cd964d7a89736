"""What the academy publishes for verifiers and wallets, and what learners do with credentials.

The issuer profile, its key set, the revocation list and the achievements are public JSON that
anyone's software fetches, from any origin.
"""

import json

from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from credentials import issuing, keys
from credentials.forms import CappedUpload, VerifyForm, limit_in_kb
from credentials.models import Credential
from credentials.verification import (
    VerificationFailed,
    signed_document,
    verify_presented,
    verify_token,
)
from lms.accounts.throttling import client_ip, count_in_window

# Short enough that a key published by a rotation reaches verifiers within minutes.
PUBLIC_MAX_AGE = 300


def _public(response, max_age=PUBLIC_MAX_AGE):
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}" if max_age else "no-cache"
    return response


def _json(data, content_type="application/json", max_age=PUBLIC_MAX_AGE):
    response = JsonResponse(data, content_type=content_type, json_dumps_params={"indent": 2})
    return _public(response, max_age)


@require_safe
def issuer(request):
    return _json(issuing.issuer_profile())


@require_safe
def jwks(request):
    return _json(keys.public_key_set(), content_type="application/jwk-set+json")


@require_safe
def status_list(request):
    # Signed afresh for each request and never stored: a revocation shows at once.
    response = HttpResponse(issuing.status_list_jwt(), content_type="application/vc+jwt")
    return _public(response, max_age=0)


@require_safe
def achievement(request, page_id):
    page = issuing.published_achievement_page(page_id)
    if page is None:
        raise Http404("No public course or edition has this id.")
    # Not kept by caches: a course unpublished or closed must stop showing at once.
    return _json(issuing.achievement(page), max_age=0)


# The people-facing side: anyone verifies a credential; its owner downloads it.

# Verifications per visitor's address and window: plenty for a person, little for a script.
VERIFY_MAX_PER_WINDOW = 30
VERIFY_WINDOW_SECONDS = 60


@never_cache
@csrf_exempt  # checked by `_verify`, once the upload handler is in place
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    """The verification page: a credential pasted or uploaded by anyone, no sign-in needed.

    The upload handler must be set before anything reads the request's body, the CSRF check
    included: hence the check in `_verify`, after it (as Django's documentation on upload
    handlers shows).
    """
    if request.method == "POST":
        request.upload_handlers = [CappedUpload(request)]
        try:
            request.POST  # noqa: B018 (read now, to answer an unreadable body with the form)
        except (SuspiciousOperation, MultiPartParserError):
            refused = (
                f"This was too much to read: a credential is at most {limit_in_kb()} KB. Paste "
                "or upload only the credential the learner downloaded."
            )
            return verify_page(request, refused=refused, status=400)
    return _verify(request)


@csrf_protect
def _verify(request):
    if request.method != "POST":
        return verify_page(request)
    key = f"throttle:verify-credential:{client_ip(request)}"
    if count_in_window(key, VERIFY_WINDOW_SECONDS) > VERIFY_MAX_PER_WINDOW:
        refused = "That is many verifications in a row: wait a minute, then try again."
        response = verify_page(request, refused=refused, status=429)
        response["Retry-After"] = str(VERIFY_WINDOW_SECONDS)
        return response
    form = VerifyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            return verify_page(request, verification=verify_presented(form.presented()))
        except VerificationFailed as failure:
            form.add_error(None, str(failure))
    return verify_page(request, form=form, status=400)


def verify_page(request, form=None, status=200, **context):
    context["form"] = form or VerifyForm()
    return render(request, "credentials/verify.html", context, status=status)


def issued_credential(public_id):
    """An issued credential still held: its token goes with its owner's account."""
    return get_object_or_404(Credential.objects.held(), public_id=public_id)


@never_cache
@require_safe
def credential(request, public_id):
    """A credential's public verification page: the verification of its signed token, as any
    verifier would run it. Never cached: it shows a person's name, and a revocation or a deleted
    account must show at once."""
    credential = issued_credential(public_id)
    try:
        verification, failure = verify_token(credential.jwt, credential=credential), None
    except VerificationFailed as error:
        verification, failure = None, str(error)
    owner = request.user.is_authenticated and credential.learner_id == request.user.pk
    context = {
        "credential": credential,
        "verification": verification,
        "failure": failure,
        "owner": owner,
        "share_url": issuing.absolute(credential.get_absolute_url()),
    }
    return render(request, "credentials/credential.html", context)


def owned_credential(request, public_id):
    """The signed-in learner's own credential; for anyone else it does not exist (404)."""
    if not request.user.is_authenticated:
        raise Http404("No credential of yours has this id.")
    found = Credential.objects.held().filter(learner=request.user)
    return get_object_or_404(found, public_id=public_id)


def attachment(content, content_type, credential, extension):
    response = HttpResponse(content, content_type=content_type)
    name = f"{slugify(credential.achievement_name) or 'credential'}.{extension}"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@never_cache
@require_safe
def download_json(request, public_id):
    """The VC as JSON: the signed token's payload without the JWT's own claims."""
    credential = owned_credential(request, public_id)
    document = json.dumps(signed_document(credential), indent=2, ensure_ascii=False)
    return attachment(document, "application/json", credential, "json")


@never_cache
@require_safe
def download_jwt(request, public_id):
    """The signed VC-JWT, as issued."""
    credential = owned_credential(request, public_id)
    return attachment(credential.jwt, "application/vc+jwt", credential, "jwt")
