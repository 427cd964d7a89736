"""Limits on guessing and flooding: who a request comes from, which account it aims at, and how
often a reset may be asked or a page's password guessed.

Failed sign-ins are counted by django-axes (the AXES_* settings point here for the client's address
and the sign-in name). Password reset requests and the emails sign-up sends to an existing account
check no password, so axes never sees them; they are counted here in the shared cache, per address
and per account. So are wrong guesses at a page's password (Wagtail's password view
restrictions), per address and per restriction.

Counts per account are kept against the account the typed email reaches, found the way sign-in
and password reset find it (`email__iexact`). The database decides which spellings reach an
account: on PostgreSQL `UPPER()` makes "alıce@" and "ALICE@" reach "alice@", which no folding in
Python would reproduce, so a look-alike spelling must not earn a counter of its own.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .models import User

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


def account_key(email):
    """What counts against the account `email` reaches, whatever its spelling: that account's own
    address, folded.

    The account is found as Django's sign-in backend finds it (`get_by_natural_key`, an
    `email__iexact` look-up) and as the password reset form does (`email__iexact` too). With no
    such account, the email as typed, folded; cut to what axes can store (no account has an
    email that long, so nothing real is merged). Either way a count reaches an account only
    through a spelling of its address, and `manage.py axes_reset_username` takes the address.
    """
    email = str(email).strip()
    # A NUL is refused by PostgreSQL in any query, and is in no account's email.
    if "\x00" not in email:
        try:
            email = User.objects.get_by_natural_key(email).email
        except (User.DoesNotExist, User.MultipleObjectsReturned):
            pass
    return email.lower()[:IDENTIFIER_LENGTH]


def login_identifier(request, credentials):
    """The name axes counts a sign-in under: the account it reaches (see `account_key`)."""
    typed = (credentials or {}).get("username")
    if typed is None:
        typed = request.POST.get("username", "")
    return account_key(typed)


def count_in_window(key, window):
    """Requests under `key` in the current window of `window` seconds, this one included."""
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:
        # The window ended between add() and incr().
        cache.set(key, 1, window)
        return 1


def _allow_email_to_account(kind, request, email):
    """Counts this request; False once the address or the account has asked too often."""
    window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    account_hash = hashlib.sha256(account_key(email).encode()).hexdigest()
    by_address = count_in_window(f"throttle:{kind}:ip:{client_ip(request)}", window)
    by_account = count_in_window(f"throttle:{kind}:account:{account_hash}", window)
    if (
        by_address > settings.PASSWORD_RESET_MAX_PER_ADDRESS
        or by_account > settings.PASSWORD_RESET_MAX_PER_EMAIL
    ):
        logger.warning(
            "%s throttled: %s requests from %s, %s for this account in %s minutes",
            kind,
            by_address,
            client_ip(request),
            by_account,
            settings.PASSWORD_RESET_WINDOW_MINUTES,
        )
        return False
    return True


def allow_password_reset(request, email):
    """Counts this request; False once the address or the account has asked too often."""
    return _allow_email_to_account("password-reset", request, email)


def allow_sign_up_notice(request, email):
    """The same limits for the email telling an account's owner that someone tried to sign up
    with their address: a stranger asks for it, so it must not flood their inbox either."""
    return _allow_email_to_account("sign-up-notice", request, email)


def lockout_response(request, original_response=None, credentials=None):
    """What axes answers once sign-in is paused: a page saying why and for how long."""
    return _paused(
        request, "accounts/locked_out.html", settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME
    )


def _paused(request, template, failure_limit, cooloff):
    """A 429 page saying that guessing is paused after `failure_limit` failures, and for how long."""
    minutes = int(cooloff.total_seconds() // 60)
    response = render(
        request, template, {"failure_limit": failure_limit, "minutes": minutes}, status=429
    )
    response["Retry-After"] = str(minutes * 60)
    return response


class PasswordGuesses:
    """Wrong guesses at the password of a private page or document collection (a Wagtail
    password view restriction), counted like failed sign-ins: per address and per restriction,
    PAGE_PASSWORD_FAILURE_LIMIT within PAGE_PASSWORD_COOLOFF_TIME, then none until that time has
    passed since the first one.

    Per restriction as well as per address, so that guessing from many addresses gets no further;
    the price, as for a sign-in lockout, is that a guesser can pause a page's password for everyone
    until the cool-off ends. Passing the form forgets the count, as a successful sign-in does.
    """

    def __init__(self, request, restriction):
        """`restriction` names the restriction, e.g. "page:12" or "collection:3"."""
        self.keys = [
            f"throttle:page-password:ip:{client_ip(request)}",
            f"throttle:page-password:restriction:{restriction}",
        ]

    def exhausted(self):
        limit = settings.PAGE_PASSWORD_FAILURE_LIMIT
        return any(count >= limit for count in cache.get_many(self.keys).values())

    def failed(self):
        window = int(settings.PAGE_PASSWORD_COOLOFF_TIME.total_seconds())
        for key in self.keys:
            count_in_window(key, window)

    def passed(self):
        cache.delete_many(self.keys)


def password_lockout_response(request):
    """What a page's or collection's password form answers once guessing is paused: why, and for
    how long."""
    return _paused(
        request,
        "accounts/password_locked_out.html",
        settings.PAGE_PASSWORD_FAILURE_LIMIT,
        settings.PAGE_PASSWORD_COOLOFF_TIME,
    )
