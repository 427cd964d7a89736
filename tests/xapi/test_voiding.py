"""Deleting an account voids, in the real LRS (Ralph, tests/lrs.py), every statement of theirs it
may hold, by statements of the academy's own that name no one; those never sent go with the
account and never leave."""

from django.utils import timezone

import pytest

from courses.models import ModulePage
from learning import services
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    StatementFactory,
    UserFactory,
)
from tests.lrs import free_port
from xapi import vocabulary
from xapi.models import Statement
from xapi.sending import send_due

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"  # tests/factories.py UserFactory


@pytest.fixture
def course(home):
    edition = EditionPageFactory(parent=home, title="Riga 2026")
    return CourseWithModulesFactory(parent=edition, title="Cluster services", modules=3)


def test_deleting_an_account_voids_its_sent_statements_and_drops_the_others(
    lrs, settings, client, course, django_capture_on_commit_callbacks
):
    learner = UserFactory(email="marta@cluster.example.lv", display_name="Marta Ozola")
    other = UserFactory()
    first, second, third = ModulePage.objects.child_of(course).live().order_by("path")
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner, course)
        services.enrol(other, course)
        services.complete_module(learner, first, course, {})
    sent = list(Statement.objects.filter(learner=learner))
    assert len(sent) == 2 and {row.state for row in sent} == {Statement.State.SENT}
    others = list(Statement.objects.filter(learner=other))

    # The LRS is out of reach for a while: one more step waits in the outbox, never tried.
    lrs_url = settings.XAPI_LRS_URL
    settings.XAPI_LRS_URL = f"http://127.0.0.1:{free_port()}/xAPI/"
    services.complete_module(learner, second, course, {})
    waiting = Statement.objects.get(learner=learner, state=Statement.State.PENDING)
    settings.XAPI_LRS_URL = lrs_url

    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302

    # The outbox keeps none of the learner's statements, only the academy's voiding ones, sent.
    assert not Statement.objects.filter(learner_id=learner.pk).exists()
    assert not Statement.objects.filter(statement_id=waiting.statement_id).exists()
    voiding = list(Statement.objects.filter(verb="voided"))
    assert len(voiding) == len(sent)
    assert {row.state for row in voiding} == {Statement.State.SENT}
    assert {row.learner_id for row in voiding} == {None}

    # The LRS holds one voiding statement for each sent one, and nothing of the waiting one.
    held = lrs.statements()
    voided_ids = {
        statement["object"]["id"]
        for statement in held
        if statement["verb"]["id"] == vocabulary.VERBS["voided"]
        and statement["object"]["objectType"] == "StatementRef"
    }
    assert {str(row.statement_id) for row in sent} <= voided_ids
    assert lrs.statement(waiting.statement_id) is None
    for row in voiding:
        stored = lrs.statement(row.statement_id)
        assert stored["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": "academy"},
        }
        assert "marta" not in str(stored).lower()

    # Another learner's statements are theirs still, and not voided.
    assert {str(row.statement_id) for row in others}.isdisjoint(voided_ids)
    assert Statement.objects.filter(learner=other).count() == len(others)


def test_a_statement_tried_but_unanswered_is_voided_too(lrs, django_capture_on_commit_callbacks):
    """A statement whose answer was lost may be in the LRS: it is voided with the sent ones."""
    learner = UserFactory()
    tried = StatementFactory(learner=learner, attempts=2, last_error="No answer from the LRS.")
    failed = StatementFactory(learner=learner, state=Statement.State.FAILED, attempts=12)
    untried = StatementFactory(learner=learner)
    being_sent = StatementFactory(
        learner=learner, state=Statement.State.SENDING, claimed_at=timezone.now()
    )

    with django_capture_on_commit_callbacks(execute=True):
        learner.delete()

    voided = {row.payload["object"]["id"] for row in Statement.objects.filter(verb="voided")}
    assert voided == {str(row.statement_id) for row in (tried, failed, being_sent)}
    assert str(untried.statement_id) not in voided
    assert not Statement.objects.exclude(verb="voided").exists()


def test_deleting_an_account_without_an_lrs_records_nothing(settings):
    settings.XAPI_LRS_URL = ""
    learner = UserFactory()
    StatementFactory(learner=learner, state=Statement.State.SENT, sent_at=timezone.now())

    learner.delete()

    assert not Statement.objects.exists()
    assert send_due.call() == {"sent": 0, "not_sent": 0}
