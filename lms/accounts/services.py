"""Sign-up confirmation by email: its links, and what an address is sent when someone signs up
with it."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from .models import User


class ConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """The token in a confirmation link: good for one account awaiting confirmation, once.

    Its own salt, so that a password reset link (Django's `default_token_generator`) is never
    taken for a confirmation link. The hash also covers what confirming changes, so a link that
    was used, or whose account was switched on another way, is dead. It expires as reset links do
    (PASSWORD_RESET_TIMEOUT).
    """

    key_salt = "lms.accounts.services.ConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        # Django's documented way to add state to the hash (password, last sign-in, email).
        state = f"{user.awaiting_confirmation}{user.is_active}"
        return f"{super()._make_hash_value(user, timestamp)}{state}"


confirmation_tokens = ConfirmationTokenGenerator()


def send_confirmation(request, user):
    link = request.build_absolute_uri(
        reverse(
            "accounts:confirm",
            args=[
                urlsafe_base64_encode(force_bytes(user.pk)),
                confirmation_tokens.make_token(user),
            ],
        )
    )
    send_email(
        "Confirm your Cluster Booster Academy account",
        "accounts/confirmation_email",
        {"user": user, "link": link},
    )


def send_email(subject, template, context):
    """An email to `context["user"]` with a plain-text part (`template`.txt) and an HTML part
    (`template`.html)."""
    send_mail(
        subject,
        render_to_string(f"{template}.txt", context),
        None,
        [context["user"].email],
        html_message=render_to_string(f"{template}.html", context),
    )


def account_to_confirm(uidb64, token):
    """The account a confirmation link opens, or None.

    Only an account that sign-up left awaiting confirmation: an account an administrator
    deactivated is inactive too, but no link ever switches it back on.
    """
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None
    if (
        user.awaiting_confirmation
        and not user.is_active
        and confirmation_tokens.check_token(user, token)
    ):
        return user
    return None


def confirm(user):
    user.is_active = True
    user.awaiting_confirmation = False
    user.save(update_fields=["is_active", "awaiting_confirmation"])


def tell_owner_of_sign_up_attempt(request, account):
    """Someone signed up with the address of an existing account: what helps its owner.

    An account still awaiting confirmation gets a new link (its owner may have lost the first).
    An active one gets a note that someone tried to sign up with it, and how to sign in or choose
    a new password. A deactivated one gets nothing: it has no way back in.
    """
    if account.awaiting_confirmation and not account.is_active:
        send_confirmation(request, account)
    elif account.is_active:
        send_email(
            "Your Cluster Booster Academy account",
            "accounts/sign_up_attempt_email",
            {
                "user": account,
                "sign_in": request.build_absolute_uri(reverse("accounts:login")),
                "reset": request.build_absolute_uri(reverse("accounts:password_reset")),
            },
        )
