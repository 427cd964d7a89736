"""Limits on guessing and flooding: who a request comes from, and how often a reset may be asked.

Failed sign-ins are counted by django-axes (the AXES_* settings point here for the client's address
and the sign-in name). Password reset requests check no password, so axes never sees them; they
are counted here in the shared cache, per address and per email.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)


def client_ip(request):
    """The visitor's address, not that of the proxy in front of gunicorn.

    With TRUSTED_PROXY_COUNT proxies, each appends the address it received the request from to
    X-Forwarded-For, so the client is the entry that many places from the end; anything before
    it was written by the client and could be forged to dodge a lockout.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


# The length of axes' username column. Django's sign-in forms do not enforce the email's own
# length, so a longer name reaches axes, which PostgreSQL would refuse to store (a 500).
IDENTIFIER_LENGTH = 255


def login_identifier(request, credentials):
    """The email as typed, folded: sign-in ignores case, so counting failures must too.

    Cut to what axes can store; no account has an email that long, so nothing real is merged.
    """
    typed = (credentials or {}).get("username")
    if typed is None:
        typed = request.POST.get("username", "")
    return str(typed).strip().lower()[:IDENTIFIER_LENGTH]


def _count(key, window):
    """Requests under `key` in the current window of `window` seconds, this one included."""
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:
        # The window ended between add() and incr().
        cache.set(key, 1, window)
        return 1


def allow_password_reset(request, email):
    """Counts this request; False once the address or the email has asked too often."""
    window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    email_hash = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    by_address = _count(f"throttle:password-reset:ip:{client_ip(request)}", window)
    by_email = _count(f"throttle:password-reset:email:{email_hash}", window)
    if (
        by_address > settings.PASSWORD_RESET_MAX_PER_ADDRESS
        or by_email > settings.PASSWORD_RESET_MAX_PER_EMAIL
    ):
        logger.warning(
            "Password reset throttled: %s requests from %s, %s for this email in %s minutes",
            by_address,
            client_ip(request),
            by_email,
            settings.PASSWORD_RESET_WINDOW_MINUTES,
        )
        return False
    return True


def lockout_response(request, original_response=None, credentials=None):
    """What axes answers once sign-in is paused: a page saying why and for how long."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "accounts/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
