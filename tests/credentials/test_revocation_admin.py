"""Staff revoke a credential in the admin, saying why; from then on the revocation list and every
verification say it is revoked, and only staff read the reason."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import dateformat, timezone

import pytest

from credentials import issuing, keys, status_list
from credentials.models import Credential
from tests.factories import (
    EditionPageFactory,
    EditorFactory,
    ModeratorFactory,
    SuperuserFactory,
    UserFactory,
    earned_credential,
)

LISTING = "/admin/credentials/"
REASON = "Plagiarised the final assignment (case 2026-17)."


@pytest.fixture
def edition(home):
    return EditionPageFactory(parent=home, title="Sofia 2024")


@pytest.fixture
def credential(edition):
    return earned_credential(
        UserFactory(display_name="Ana Novak"), edition, title="Designing cluster services"
    )


@pytest.fixture
def moderator_client(db):
    client = Client()
    client.force_login(ModeratorFactory())
    return client


def revoke_url(credential):
    return reverse("issued_credentials:revoke", args=[credential.pk])


def listed_as_revoked(credential):
    """The credential's bit in the academy's published, signed revocation list."""
    _, published = keys.verify(Client().get(reverse("credentials:status_list")).content.decode())
    bits = status_list.decode(published["credentialSubject"]["encodedList"])
    return status_list.is_set(bits, int(credential.status_index))


def day(moment):
    return dateformat.format(timezone.localtime(moment), "j F Y")


def test_a_moderator_revokes_and_every_verification_then_says_revoked(
    moderator_client, credential, client
):
    """The issue's acceptance, step 5: after revocation the status list reports it revoked and
    the verification page says so."""
    assert not listed_as_revoked(credential)
    listing = moderator_client.get(LISTING)
    assert listing.status_code == 200
    assert "Ana Novak" in listing.content.decode()
    assert revoke_url(credential) in listing.content.decode()

    assert moderator_client.get(revoke_url(credential)).status_code == 200
    response = moderator_client.post(revoke_url(credential), {"reason": REASON})

    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.revoked_reason == REASON
    assert listed_as_revoked(credential)
    page = client.get(credential.get_absolute_url()).content.decode()
    pasted = client.post("/credentials/verify/", {"credential": credential.jwt})
    assert pasted.status_code == 200
    for html in (page, pasted.content.decode()):
        assert "Revoked: genuine, but no longer valid" in html
        assert f"Revoked by the academy on {day(credential.revoked_at)}" in html
        # The reason is the staff's: the public reads only that the academy revoked it.
        assert "Plagiarised" not in html
        assert "Verified: a valid credential" not in html


def test_staff_read_the_reason_in_the_admin(moderator_client, credential):
    moderator_client.post(revoke_url(credential), {"reason": REASON})
    inspect = moderator_client.get(reverse("issued_credentials:inspect", args=[credential.pk]))
    assert REASON in inspect.content.decode()
    assert "Revoked on" in moderator_client.get(LISTING).content.decode()


def test_a_revocation_needs_a_reason(moderator_client, credential):
    response = moderator_client.post(revoke_url(credential), {"reason": "  "})
    assert response.status_code == 400
    assert "Say why the credential is revoked." in response.content.decode()
    response = moderator_client.post(revoke_url(credential), {"reason": "x" * 1001})
    assert response.status_code == 400
    assert "at most 1000 characters" in response.content.decode()
    credential.refresh_from_db()
    assert not credential.revoked
    assert not listed_as_revoked(credential)


def test_an_already_revoked_credential_is_refused_and_keeps_its_first_reason(
    moderator_client, credential
):
    moderator_client.post(revoke_url(credential), {"reason": REASON})

    again = moderator_client.post(revoke_url(credential), {"reason": "Another reason."})

    assert again.status_code == 409
    assert "already revoked" in again.content.decode()
    credential.refresh_from_db()
    assert credential.revoked_reason == REASON
    page = moderator_client.get(revoke_url(credential)).content.decode()
    assert "already revoked" in page
    assert 'name="reason"' not in page


def test_opening_the_revoke_page_revokes_nothing(moderator_client, credential):
    page = moderator_client.get(revoke_url(credential))
    assert 'method="post"' in page.content.decode()
    credential.refresh_from_db()
    assert not credential.revoked


def test_only_staff_allowed_to_change_credentials_may_revoke(credential, edition):
    for user in (EditorFactory(), UserFactory()):
        client = Client()
        client.force_login(user)
        response = client.post(revoke_url(credential), {"reason": REASON})
        assert response.status_code in (302, 403)
        assert client.get(LISTING).status_code in (302, 403)
    anonymous = Client().post(revoke_url(credential), {"reason": REASON})
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]
    credential.refresh_from_db()
    assert not credential.revoked


def test_a_superuser_may_revoke_and_the_history_tells_who_did(credential):
    admin = SuperuserFactory(display_name="Ines Admin")
    client = Client()
    client.force_login(admin)
    assert client.post(revoke_url(credential), {"reason": REASON}).status_code == 302
    assert Credential.objects.get(pk=credential.pk).revoked_by == admin
    history = client.get(reverse("issued_credentials:history", args=[credential.pk]))
    assert history.status_code == 200
    assert "Revoked" in history.content.decode()


def test_nobody_adds_edits_or_deletes_a_credential_in_the_admin(credential):
    client = Client()
    client.force_login(SuperuserFactory())
    html = client.get(LISTING).content.decode()
    assert "/admin/credentials/new/" not in html
    for path in ("new/", f"edit/{credential.pk}/", f"delete/{credential.pk}/"):
        assert client.get(LISTING + path).status_code == 404


def test_the_listing_filters_by_kind_and_status(moderator_client, credential, edition):
    other = earned_credential(UserFactory(display_name="Ben Ortiz"), edition, title="Other course")
    edition_credential = issuing.issue_for_edition(credential.learner, edition)
    issuing.revoke(other, None, "Issued by mistake.")

    def listed(query):
        html = moderator_client.get(LISTING, query).content.decode()
        names = ("Designing cluster services", "Other course", "Sofia 2024")
        return {name for name in names if name in html}

    assert listed({}) == {"Designing cluster services", "Other course", "Sofia 2024"}
    assert listed({"status": "revoked"}) == {"Other course"}
    assert listed({"status": "valid"}) == {"Designing cluster services", "Sofia 2024"}
    assert listed({"kind": "edition"}) == {"Sofia 2024"}
    assert edition_credential.kind == Credential.Kind.EDITION
    assert moderator_client.get(LISTING, {"q": "Ortiz"}).status_code == 200


def test_the_listing_costs_the_same_for_2_or_12_credentials(
    moderator_client, edition, django_assert_num_queries
):
    for _ in range(2):
        earned_credential(UserFactory(), edition)
    moderator_client.get(LISTING)
    with CaptureQueriesContext(connection) as few:
        moderator_client.get(LISTING)
    for _ in range(10):
        earned_credential(UserFactory(), edition)
    with django_assert_num_queries(len(few)):
        html = moderator_client.get(LISTING).content.decode()
    assert html.count("Revoke the credential of") == 12
