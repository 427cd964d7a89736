"""Nobody gets into an account that is not theirs, or learns which addresses have one.

A deactivated account stays off, whatever link its owner kept; sign-up with confirmation on
answers the same whether or not an address has an account; and the database keeps one account
per address as sign-in matches addresses, so a look-alike spelling never opens a second one.
"""

import re

from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client, override_settings

import pytest

from lms.accounts.forms import SignUpForm
from lms.accounts.models import User
from tests.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery"
NEW_PASSWORD = "a sturdy passphrase 42"


def sign_up(client, email, password=NEW_PASSWORD):
    return client.post(
        "/accounts/signup/",
        {
            "email": email,
            "display_name": "Ana Novak",
            "password1": password,
            "password2": password,
        },
    )


def emailed_link(message, path):
    return re.search(rf"http://testserver({path}\S+/)", message.body).group(1)


def is_signed_in(client):
    return "_auth_user_id" in client.session


# A deactivated account stays off


@pytest.mark.parametrize("confirmation", [False, True])
def test_a_deactivated_editor_cannot_sign_back_in_with_an_old_reset_link(client, confirmation):
    editor = EditorFactory()
    client.post("/accounts/password/reset/", {"email": editor.email})
    reset_link = emailed_link(mail.outbox[0], "/accounts/password/reset/")
    # Offboarded before the link was used.
    editor.is_active = False
    editor.save()

    # The same uid and token, sent to the confirmation route instead.
    with override_settings(ACCOUNTS_EMAIL_CONFIRMATION=confirmation):
        response = client.get(reset_link.replace("/password/reset/", "/confirm/"))

    assert response.status_code == 400
    editor.refresh_from_db()
    assert not editor.is_active
    assert not is_signed_in(client)


@override_settings(ACCOUNTS_EMAIL_CONFIRMATION=True)
def test_a_confirmation_link_never_switches_a_deactivated_account_back_on(client):
    sign_up(client, "ana@cluster.example.eu")
    link = emailed_link(mail.outbox[0], "/accounts/confirm/")
    learner = User.objects.get(email="ana@cluster.example.eu")
    # An administrator switched the account on by hand, then off again.
    learner.is_active = True
    learner.save()
    learner.is_active = False
    learner.save()

    assert client.get(link).status_code == 400
    learner.refresh_from_db()
    assert not learner.is_active
    assert not is_signed_in(client)


@override_settings(ACCOUNTS_EMAIL_CONFIRMATION=True)
def test_a_confirmation_link_is_not_a_password_reset_link(client):
    sign_up(client, "ana@cluster.example.eu")
    link = emailed_link(mail.outbox[0], "/accounts/confirm/")

    response = client.get(link.replace("/confirm/", "/password/reset/"), follow=True)

    assert not response.context["validlink"]


# Sign-up never tells whether an address has an account (confirmation on)


def visible_text(response, email):
    """The page as the visitor sees it, with the address they typed taken out."""
    return response.content.decode().replace(email, "EMAIL")


@override_settings(ACCOUNTS_EMAIL_CONFIRMATION=True)
def test_signing_up_with_a_taken_address_looks_like_any_sign_up(client):
    owner = UserFactory(email="marta@cluster.example.eu")
    fresh = sign_up(client, "someone.new@cluster.example.eu")
    mail.outbox.clear()

    taken = sign_up(client, "Marta@cluster.example.eu")

    assert taken.status_code == fresh.status_code == 200
    assert visible_text(taken, "Marta@cluster.example.eu") == visible_text(
        fresh, "someone.new@cluster.example.eu"
    )
    assert User.objects.filter(email__iexact=owner.email).count() == 1
    owner.refresh_from_db()
    assert owner.check_password(RIGHT)
    # The owner is told, and how to get in.
    [notice] = mail.outbox
    assert notice.to == [owner.email]
    assert "Someone tried to create" in notice.body
    assert "http://testserver/accounts/login/" in notice.body
    assert "http://testserver/accounts/password/reset/" in notice.body


@override_settings(ACCOUNTS_EMAIL_CONFIRMATION=True)
@pytest.mark.parametrize(
    ("password1", "password2"), [("short", "short"), ("marta@cluster", "marta@cluster")]
)
def test_a_sign_up_mistake_reads_the_same_for_a_taken_address(client, password1, password2):
    UserFactory(email="marta@cluster.example.eu")

    def answer(email):
        response = client.post(
            "/accounts/signup/",
            {
                "email": email,
                "display_name": "Marta",
                "password1": password1,
                "password2": password2,
            },
        )
        return response.status_code, response.context["form"].errors

    assert answer("marta@cluster.example.eu") == answer("marta@cluster.example.org")
    assert mail.outbox == []


@override_settings(ACCOUNTS_EMAIL_CONFIRMATION=True)
def test_signing_up_again_before_confirming_sends_a_new_link(client):
    sign_up(client, "ana@cluster.example.eu")
    sign_up(client, "ana@cluster.example.eu")

    assert len(mail.outbox) == 2
    assert client.get(emailed_link(mail.outbox[1], "/accounts/confirm/")).status_code == 302
    assert User.objects.get(email="ana@cluster.example.eu").is_active


@override_settings(ACCOUNTS_EMAIL_CONFIRMATION=True)
def test_signing_up_with_a_deactivated_address_sends_nothing(client):
    UserFactory(email="gone@cluster.example.eu", is_active=False)
    response = sign_up(client, "gone@cluster.example.eu")
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


@override_settings(ACCOUNTS_EMAIL_CONFIRMATION=True)
def test_sign_up_notices_to_an_owner_are_limited_like_password_resets(settings):
    owner = UserFactory()
    for n in range(settings.PASSWORD_RESET_MAX_PER_EMAIL + 2):
        response = sign_up(Client(REMOTE_ADDR=f"198.51.100.{n}"), owner.email)
        assert "Check your email" in response.content.decode()
    assert len(mail.outbox) == settings.PASSWORD_RESET_MAX_PER_EMAIL


def test_two_sign_ups_with_one_address_at_once_make_one_account():
    data = {
        "email": "ana@cluster.example.eu",
        "display_name": "Ana",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    form = SignUpForm(data)
    assert form.is_valid()
    # The other sign-up is saved between this one's check and its save.
    UserFactory(email="ANA@cluster.example.eu")

    assert form.save_account(awaiting_confirmation=True) is None
    assert form.only_the_email_is_taken()
    assert User.objects.filter(email__iexact="ana@cluster.example.eu").count() == 1


# One account per address, as sign-in matches addresses


KELVIN_SIGN = "\u212a"  # "K", which NFKC (Unicode compatibility) turns into a plain K


def test_an_address_in_compatibility_characters_is_the_same_address(client):
    UserFactory(email="Kim@cluster.example.eu")
    response = sign_up(client, f"{KELVIN_SIGN}im@cluster.example.eu")
    assert "An account with this email address already exists." in response.content.decode()
    assert User.objects.count() == 1


def test_an_address_too_long_once_normalised_is_refused(client):
    """Each "ﷺ" is one character as typed and eighteen once normalised: 366 in all, too long
    for the email column (PostgreSQL refused to store it: a 500)."""
    response = sign_up(client, "a@" + "\ufdfa" * 20 + ".com")
    assert response.status_code == 200
    assert response.context["form"].has_error("email")
    assert not User.objects.exists()


def test_accounts_made_by_command_store_the_address_normalised_too():
    """`createsuperuser` and the demo loader make accounts through the manager, not the form."""
    user = User.objects.create_user(f"{KELVIN_SIGN}im@Cluster.EXAMPLE.eu", "x")
    assert user.email == "Kim@cluster.example.eu"


def test_the_database_keeps_one_account_per_address_as_sign_in_matches_them(client):
    """On PostgreSQL "alıce@" (dotless i) signs in as "alice@": it may not be a second account."""
    UserFactory(email="alice@cluster.example.eu")
    try:
        with transaction.atomic():
            UserFactory(email="alıce@cluster.example.eu")
    except IntegrityError:
        pass

    assert User.objects.filter(email__iexact="alıce@cluster.example.eu").count() == 1
    response = client.post(
        "/accounts/login/", {"username": "alice@cluster.example.eu", "password": RIGHT}
    )
    assert response.status_code == 302
