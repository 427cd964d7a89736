"""The outbox's statements reach a real LRS (Ralph, tests/lrs.py) through the send task: once
each, whatever fails on the way. An LRS that refuses the connection or the statement leaves them
waiting, with the reason and a growing back-off; the last attempt fails them; a statement sent
again after a lost answer is stored once; nothing of it happens in the learner's request."""

import datetime
import json
import time

from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from coaching.feedback import give_feedback
from cohorts.attendance import record_many
from courses.models import ModulePage
from learning import services
from learning.services import CompletionRefused
from tests.concurrency import POSTGRESQL_ONLY, run_together
from tests.factories import (
    AssignmentFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    SessionFactory,
    SkillFactory,
    StatementFactory,
    UserFactory,
    accepted_participant,
    handed_in,
    self_check,
    trainer_of,
)
from tests.lrs import free_port
from xapi import sending
from xapi.models import Statement
from xapi.sending import send_due

pytestmark = pytest.mark.django_db

REFUSED = "Could not reach the LRS: Connection refused."


@pytest.fixture
def learner():
    return UserFactory(email="jonas@cluster.example.lt")


@pytest.fixture
def course(home):
    edition = EditionPageFactory(parent=home, title="Kaunas 2026")
    return CourseWithModulesFactory(parent=edition, title="Cluster finance", modules=3)


@pytest.fixture
def closed_port(settings):
    """The site sends to an address where nothing listens: every connection is refused."""
    settings.XAPI_LRS_URL = f"http://127.0.0.1:{free_port()}/xAPI/"


def journey(learner, course, capture):
    """The learner enrols and completes the course, each step committed (with the tests'
    immediate task backend, the send runs as each step commits)."""
    with capture(execute=True):
        services.enrol(learner, course)
    modules = ModulePage.objects.child_of(course).live().order_by("path")
    for module in modules:
        with capture(execute=True):
            services.complete_module(learner, module, course, {})


def in_order():
    return list(Statement.objects.order_by("next_attempt_at", "pk"))


def assert_held_once(lrs, rows):
    """Ralph holds each row's statement, once, as it was recorded."""
    held = [statement["id"] for statement in lrs.statements()]
    for row in rows:
        assert held.count(str(row.statement_id)) == 1
        stored = lrs.statement(row.statement_id)
        for part in ("actor", "verb", "timestamp"):
            assert stored[part] == row.payload[part]
        assert stored["object"]["id"] == row.payload["object"]["id"]


def test_a_learners_journey_is_sent_and_read_back_from_the_lrs(
    lrs, learner, course, django_capture_on_commit_callbacks
):
    journey(learner, course, django_capture_on_commit_callbacks)

    rows = in_order()
    # Enrolled, three modules, the course; the course's credential when the credentials app
    # issues one.
    assert len(rows) >= 5
    assert {row.state for row in rows} == {Statement.State.SENT}
    assert all(row.sent_at and row.attempts == 0 and not row.last_error for row in rows)
    assert_held_once(lrs, rows)


def test_the_lrs_accepts_every_kind_of_statement_the_academy_records(lrs, learner, home):
    edition = EditionPageFactory(parent=home)
    course = CourseWithModulesFactory(
        parent=edition, modules=2, modules__body=json.dumps([self_check(correct=1)])
    )
    course.skills.add(SkillFactory())
    course.save()
    accepted_participant(edition, applicant=learner)  # applied, registered in the edition
    trainer = trainer_of(edition)
    record_many(SessionFactory(edition=edition), {learner.pk: True}, by=trainer)  # attended
    services.enrol(learner, course)  # registered in the course
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    for module in modules:
        field = f"answer-{module.self_checks[0].id}"
        with pytest.raises(CompletionRefused):
            services.complete_module(learner, module, course, {field: "0"})  # failed
        # passed, completed the module, then the course; earned its badge
        services.complete_module(learner, module, course, {field: "1"})
    work = AssignmentFactory(page=modules[0], criteria=[SkillFactory(), SkillFactory()])
    submission = handed_in(work, learner)
    scores = {criterion: 2 for criterion in work.criteria.all()}
    give_feedback(submission, submission.versions.get(), trainer, "Well done.", scores)  # scored

    send_due.call()

    rows = in_order()
    assert {row.verb for row in rows} == {
        "applied",
        "registered",
        "attended",
        "failed",
        "passed",
        "completed",
        "earned",
        "scored",
    }
    assert {row.state for row in rows} == {Statement.State.SENT}, [
        (row.verb, row.last_error) for row in rows if row.last_error
    ]
    assert_held_once(lrs, rows)


def test_a_refused_connection_leaves_statements_waiting_then_sent_once_the_lrs_answers(
    lrs, closed_port, settings, learner, course, django_capture_on_commit_callbacks
):
    settings.XAPI_RETRY_SECONDS = 1.5
    journey(learner, course, django_capture_on_commit_callbacks)

    rows = in_order()
    assert {row.state for row in rows} == {Statement.State.PENDING}
    # Each send found the LRS unreachable on its first statement and stopped there: that one
    # counts its attempts, the others wait with it, untried.
    tried = [row for row in rows if row.attempts]
    assert tried and all(row.last_error == REFUSED for row in tried)
    assert all(row.last_error == f"Not tried yet: {REFUSED}" for row in rows if not row.attempts)
    now = timezone.now()
    assert all(now < row.next_attempt_at <= now + datetime.timedelta(seconds=3) for row in rows)

    settings.XAPI_LRS_URL = lrs.url
    assert send_due.call() == {"sent": 0, "not_sent": 0}  # not due yet: the back-off holds
    assert not Statement.objects.filter(state=Statement.State.SENT).exists()

    time.sleep(max(0, (max(row.next_attempt_at for row in rows) - timezone.now()).total_seconds()))
    assert send_due.call() == {"sent": len(rows), "not_sent": 0}

    rows = in_order()
    assert {row.state for row in rows} == {Statement.State.SENT}
    assert_held_once(lrs, rows)


def test_the_back_off_doubles_up_to_its_ceiling(closed_port, settings, learner):
    settings.XAPI_RETRY_SECONDS = 10
    settings.XAPI_RETRY_MAX_SECONDS = 25
    row = StatementFactory(learner=learner)

    waits = []
    for _ in range(4):
        before = timezone.now()
        send_due.call()
        row.refresh_from_db()
        waits.append(round((row.next_attempt_at - before).total_seconds()))
        # Time passes: the statement falls due.
        Statement.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())

    assert waits == [10, 20, 25, 25]
    assert row.attempts == 4
    assert row.state == Statement.State.PENDING


def test_a_statement_is_failed_after_the_last_attempt_and_resent_from_the_outbox(
    lrs, closed_port, settings, learner
):
    settings.XAPI_RETRY_SECONDS = 0
    settings.XAPI_MAX_ATTEMPTS = 3
    row = StatementFactory(learner=learner)

    for _ in range(5):
        send_due.call()

    row.refresh_from_db()
    assert row.state == Statement.State.FAILED
    assert row.attempts == 3
    assert row.last_error == REFUSED
    assert lrs.statement(row.statement_id) is None

    settings.XAPI_LRS_URL = lrs.url
    send_due.call()
    row.refresh_from_db()
    assert row.state == Statement.State.FAILED  # failed waits for staff

    assert sending.resend(Statement.objects.filter(pk=row.pk)) == 1
    send_due.call()
    row.refresh_from_db()
    assert row.state == Statement.State.SENT
    assert_held_once(lrs, [row])


def test_a_statement_the_lrs_refuses_waits_and_never_holds_up_the_others(lrs, learner):
    refused = StatementFactory(learner=learner)
    # Not a statement the LRS accepts: an actor without any identifier.
    Statement.objects.filter(pk=refused.pk).update(
        payload={**refused.payload, "actor": {"objectType": "Agent"}}
    )
    others = [StatementFactory(learner=learner) for _ in range(3)]

    assert send_due.call() == {"sent": 3, "not_sent": 1}

    refused.refresh_from_db()
    assert refused.state == Statement.State.PENDING
    assert refused.attempts == 1
    # Ralph says why, field by field (a 422); the outbox keeps the start of it.
    assert refused.last_error.startswith("The LRS answered 422 Unprocessable Entity")
    assert "actor" in refused.last_error
    assert_held_once(lrs, [Statement.objects.get(pk=other.pk) for other in others])

    # Later statements go out while the refused one waits its turn.
    later = StatementFactory(learner=learner)
    send_due.call()
    assert Statement.objects.get(pk=later.pk).state == Statement.State.SENT


def test_wrong_credentials_are_a_reason_staff_can_read(lrs, settings, learner):
    settings.XAPI_LRS_PASSWORD = "not-the-password"
    rows = [StatementFactory(learner=learner) for _ in range(2)]

    send_due.call()

    for row in rows:
        row.refresh_from_db()
        assert row.state == Statement.State.PENDING
        assert row.attempts == 1  # the LRS answered: each statement was tried
        assert row.last_error.startswith("The LRS answered 401 Unauthorized")
        assert "not-the-password" not in row.last_error


def test_a_statement_sent_again_after_a_lost_answer_is_stored_once(lrs, learner):
    row = StatementFactory(learner=learner)
    send_due.call()
    # The LRS stored it, but its answer was lost: the row is still pending, as far as we know.
    Statement.objects.filter(pk=row.pk).update(
        state=Statement.State.PENDING, sent_at=None, attempts=1
    )

    send_due.call()

    row.refresh_from_db()
    assert row.state == Statement.State.SENT
    assert_held_once(lrs, [row])


def test_a_claim_left_by_a_dead_worker_is_taken_over_and_a_live_one_left_alone(lrs, learner):
    abandoned = StatementFactory(
        learner=learner,
        state=Statement.State.SENDING,
        claimed_at=timezone.now() - datetime.timedelta(minutes=10),
    )
    in_hand = StatementFactory(
        learner=learner, state=Statement.State.SENDING, claimed_at=timezone.now()
    )

    send_due.call()

    abandoned.refresh_from_db()
    in_hand.refresh_from_db()
    assert abandoned.state == Statement.State.SENT
    assert in_hand.state == Statement.State.SENDING
    assert lrs.statement(in_hand.statement_id) is None


def test_two_runs_never_claim_the_same_statement(settings, learner):
    settings.XAPI_LRS_URL = "http://127.0.0.1:9/xAPI/"
    rows = [StatementFactory(learner=learner) for _ in range(4)]
    now = timezone.now()

    first = sending.claim(now)
    second = sending.claim(now)

    assert sorted(row.pk for row in first) == sorted(row.pk for row in rows)
    assert second == []
    assert {row.state for row in first} == {Statement.State.SENDING}


@POSTGRESQL_ONLY
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_sending_at_once_send_each_statement_once(lrs):
    """Three workers run the send task at the same moment: each statement is claimed by one of
    them, and each is sent once."""
    learner = UserFactory()
    rows = [StatementFactory(learner=learner) for _ in range(30)]
    results = []

    run_together([lambda: results.append(send_due.call()) for _ in range(3)])

    assert sum(result["sent"] for result in results) == len(rows)
    assert sum(result["not_sent"] for result in results) == 0
    assert set(Statement.objects.values_list("state", flat=True)) == {Statement.State.SENT}
    assert_held_once(lrs, rows)


def test_nothing_is_sent_in_the_learners_request(
    client, closed_port, tasks_in_database, learner, course, django_capture_on_commit_callbacks
):
    """With the site's task backend, the request stores the statement and a send task; the
    worker sends it later, and a retry is a task deferred to its back-off."""
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("enrol", args=[course.pk]))

    assert response.status_code == 302
    row = Statement.objects.get()
    assert (row.state, row.attempts) == (Statement.State.PENDING, 0)
    tasks = DBTaskResult.objects.filter(task_path="xapi.sending.send_due")
    assert tasks.count() == 1

    # The worker runs it; the LRS refuses; the task comes back for when the statement is due.
    send_due.call()
    row.refresh_from_db()
    assert row.attempts == 1
    retry = tasks.order_by("-enqueued_at").first()
    assert tasks.count() == 2
    assert retry.run_after == row.next_attempt_at


def test_nothing_is_sent_without_an_lrs(settings, learner):
    settings.XAPI_LRS_URL = ""
    row = StatementFactory(learner=learner)

    assert send_due.call() == {"sent": 0, "not_sent": 0}

    row.refresh_from_db()
    assert (row.state, row.attempts) == (Statement.State.PENDING, 0)
