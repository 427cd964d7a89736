"""Staff read the xAPI outbox in the admin (Reports → xAPI outbox): each statement's state,
attempts and last error, filtered by state and verb, and resend a failed one or every failed one.
Nobody else sees it, nobody edits a statement, and the listing costs the same queries whatever
its length."""

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

import pytest

from tests.factories import EditorFactory, StatementFactory, SuperuserFactory, UserFactory
from xapi.models import Statement

pytestmark = pytest.mark.django_db

INDEX = "/admin/xapi/outbox/"


def resend_url(statement):
    return reverse("xapi_outbox:resend", args=[statement.pk])


@pytest.fixture
def learner():
    return UserFactory(display_name="Lina Learner")


@pytest.fixture
def outbox(learner):
    """A sent statement, a pending one, and two failed ones with their reasons."""
    return {
        "sent": StatementFactory(
            learner=learner, verb="registered", state=Statement.State.SENT, sent_at=timezone.now()
        ),
        "pending": StatementFactory(learner=learner, verb="completed"),
        "failed": StatementFactory(
            learner=learner,
            verb="scored",
            state=Statement.State.FAILED,
            attempts=12,
            last_error="Could not reach the LRS: Connection refused.",
        ),
        "also_failed": StatementFactory(
            learner=None,
            verb="voided",
            state=Statement.State.FAILED,
            attempts=12,
            last_error="The LRS answered 503 Service Unavailable: down for maintenance",
        ),
    }


@pytest.fixture
def admin_client(client):
    client.force_login(SuperuserFactory())
    return client


def staff_with(*codenames):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="xapi", codename__in=codenames),
    )
    return user


def test_staff_read_every_statement_with_its_state_attempts_and_reason(admin_client, outbox):
    response = admin_client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    for verb in ("registered", "completed", "scored", "voided"):
        assert verb in html
    assert "Lina Learner" in html
    assert "The academy" in html  # the voiding statement is the academy's own
    assert "Could not reach the LRS: Connection refused." in html
    assert "The LRS answered 503 Service Unavailable" in html
    assert "Resend all 2 failed" in html
    # A resend button for the failed and pending rows, none for the one sent.
    for name in ("pending", "failed", "also_failed"):
        assert f'action="{resend_url(outbox[name])}"' in html
    assert resend_url(outbox["sent"]) not in html


def test_the_outbox_is_in_the_reports_menu_for_staff(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert INDEX in html
    assert "xAPI outbox" in html


def test_the_outbox_filters_by_state_and_by_verb(admin_client, outbox):
    failed = admin_client.get(INDEX, {"state": "failed"}).content.decode()
    assert "Connection refused" in failed and "503" in failed
    assert resend_url(outbox["pending"]) not in failed

    scored = admin_client.get(INDEX, {"verb": "scored"}).content.decode()
    assert resend_url(outbox["failed"]) in scored
    assert resend_url(outbox["also_failed"]) not in scored

    assert admin_client.get(INDEX, {"verb": "danced"}).status_code == 200


def test_a_statement_shows_the_json_sent_to_the_lrs(admin_client, outbox):
    statement = outbox["failed"]
    response = admin_client.get(reverse("xapi_outbox:inspect", args=[statement.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert str(statement.statement_id) in html
    assert "http://adlnet.gov/expapi/verbs/scored" in html


def test_statements_are_never_added_edited_or_deleted_in_the_admin(admin_client, outbox):
    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"xapi_outbox:{name}", args=[] if name == "add" else [outbox["sent"].pk])
    html = admin_client.get(INDEX).content.decode()
    assert "/admin/xapi/outbox/edit/" not in html
    assert "/admin/xapi/outbox/new/" not in html
    assert admin_client.get(f"{INDEX}edit/{outbox['sent'].pk}/").status_code == 404


def test_resending_a_failed_statement_sends_it_to_the_lrs(
    lrs, admin_client, outbox, django_capture_on_commit_callbacks
):
    failed = outbox["failed"]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(resend_url(failed), follow=True)

    assert response.status_code == 200
    assert "on its way to the LRS again" in response.content.decode()
    failed.refresh_from_db()
    assert failed.state == Statement.State.SENT
    assert lrs.statement(failed.statement_id)["id"] == str(failed.statement_id)


def test_resending_counts_the_attempts_afresh(admin_client, outbox):
    failed = outbox["failed"]

    admin_client.post(resend_url(failed))

    failed.refresh_from_db()
    assert failed.state == Statement.State.PENDING
    assert failed.attempts == 0
    assert failed.next_attempt_at <= timezone.now()


def test_a_sent_statement_is_not_resent(admin_client, outbox):
    sent = outbox["sent"]

    response = admin_client.post(resend_url(sent), follow=True)

    assert "nothing to resend" in response.content.decode()
    sent.refresh_from_db()
    assert sent.state == Statement.State.SENT


def test_every_failed_statement_is_resent_at_once(admin_client, outbox):
    response = admin_client.post(reverse("xapi_outbox:resend_failed"), follow=True)

    assert "2 failed statement(s) are on their way" in response.content.decode()
    states = dict(Statement.objects.values_list("pk", "state"))
    assert states[outbox["failed"].pk] == states[outbox["also_failed"].pk] == "pending"
    assert states[outbox["sent"].pk] == "sent"


def test_resending_is_a_post(admin_client, outbox):
    assert admin_client.get(resend_url(outbox["failed"])).status_code == 405
    assert admin_client.get(reverse("xapi_outbox:resend_failed")).status_code == 405
    assert admin_client.post(f"{INDEX}resend/999999/").status_code == 404
    outbox["failed"].refresh_from_db()
    assert outbox["failed"].state == Statement.State.FAILED


def test_learners_and_editors_neither_see_nor_resend(client, outbox):
    failed = outbox["failed"]
    for user in (UserFactory(), EditorFactory()):
        client.force_login(user)

        listing = client.get(INDEX)
        assert listing.status_code in (302, 403)
        assert "Connection refused" not in listing.content.decode()
        assert client.post(resend_url(failed)).status_code in (302, 403)
        assert client.post(reverse("xapi_outbox:resend_failed")).status_code in (302, 403)
        assert INDEX not in client.get("/admin/").content.decode()

    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (Statement.State.FAILED, 12)


def test_staff_who_may_only_view_do_not_resend(client, outbox):
    client.force_login(staff_with("view_statement"))

    html = client.get(INDEX).content.decode()
    assert "Connection refused" in html
    assert "Resend" not in html
    # Wagtail answers a denied admin action with a redirect to the dashboard and a message.
    response = client.post(resend_url(outbox["failed"]), follow=True)
    assert "you do not have permission" in response.content.decode().lower()
    outbox["failed"].refresh_from_db()
    assert outbox["failed"].state == Statement.State.FAILED


def test_staff_with_the_change_permission_resend(client, outbox):
    client.force_login(staff_with("view_statement", "change_statement"))

    client.post(reverse("xapi_outbox:resend_failed"))

    assert not Statement.objects.filter(state=Statement.State.FAILED).exists()


def listing_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX).status_code == 200
    return len(queries)


@pytest.mark.parametrize("state", [Statement.State.FAILED, Statement.State.SENT])
def test_the_listing_costs_the_same_queries_for_5_or_100_statements(admin_client, state):
    learners = [UserFactory() for _ in range(5)]

    def add(count):
        for n in range(count):
            StatementFactory(
                learner=learners[n % 5] if n % 7 else None,
                state=state,
                attempts=3,
                last_error="Could not reach the LRS: Connection refused.",
                sent_at=timezone.now() if state == Statement.State.SENT else None,
            )

    add(5)
    few = listing_queries(admin_client)
    add(95)
    many = listing_queries(admin_client)

    assert few == many
