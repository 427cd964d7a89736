"""Sending the outbox's statements to the LRS: the `send_due` task, run by the worker.

A run claims the statements due, a few at a time, each with a conditional UPDATE (pending and
due, or claimed by a worker that died), so two workers never send the same row at once, and
PUTs each to the LRS under its own id. The LRS keeps one statement per id, so a statement sent
again after a lost answer is stored once (a 409 Conflict says it holds it already).

A statement that fails waits longer after each attempt: XAPI_RETRY_SECONDS, doubled each time up
to XAPI_RETRY_MAX_SECONDS; after XAPI_MAX_ATTEMPTS it is failed, with the reason, until staff
resend it from the admin's outbox. Statements are taken in order of when they are due, so one
that keeps failing goes to the back and never holds the others up. When the LRS cannot be
reached at all, the run stops at the first statement that finds it so: the others of its batch
wait with it rather than each waiting for a timeout of its own, and are tried at the next run.

The run then enqueues itself for when the next statement falls due (with the database backend;
the tests' immediate backend cannot defer a task, and the tests call `send_due` themselves). No
LRS failure ever escapes the task: it is recorded on the statement.
"""

import datetime
import logging
import re

from django.conf import settings
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

import requests
from django_tasks import task

from xapi.models import Statement

logger = logging.getLogger(__name__)

# How many rows a run claims at a time.
BATCH = 50
# A claim older than this belongs to a worker that died while sending: the row is due again.
CLAIM_EXPIRES = datetime.timedelta(minutes=5)
# How much of an LRS's answer the outbox keeps as the reason of a failure.
REASON_CHARS = 300

XAPI_VERSION = "1.0.3"


class Failure(Exception):
    """A statement not stored by the LRS; `unreachable` when the LRS did not answer at all."""

    def __init__(self, reason, unreachable=False):
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable


def back_off(attempts):
    """How long a statement waits after its `attempts`-th failed attempt."""
    seconds = min(
        settings.XAPI_RETRY_SECONDS * 2 ** (attempts - 1), settings.XAPI_RETRY_MAX_SECONDS
    )
    return datetime.timedelta(seconds=seconds)


def due(now):
    return Q(state=Statement.State.PENDING, next_attempt_at__lte=now) | Q(
        state=Statement.State.SENDING, claimed_at__lt=now - CLAIM_EXPIRES
    )


def claim(now):
    """The next statements due at `now` that this run wins, in the order they fell due."""
    candidates = list(
        Statement.objects.filter(due(now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:BATCH]
    )
    claimed = []
    for pk in candidates:
        claimed_at = timezone.now()
        # Only one worker's UPDATE finds the row still due; the others change nothing.
        if Statement.objects.filter(due(now), pk=pk).update(
            state=Statement.State.SENDING, claimed_at=claimed_at
        ):
            claimed.append(pk)
    return list(Statement.objects.filter(pk__in=claimed).order_by("next_attempt_at", "pk"))


def lrs_session():
    session = requests.Session()
    if settings.XAPI_LRS_USERNAME or settings.XAPI_LRS_PASSWORD:
        session.auth = (settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD)
    session.headers["X-Experience-API-Version"] = XAPI_VERSION
    return session


def put(session, statement):
    """PUT the statement under its id; raises Failure unless the LRS holds it now."""
    url = settings.XAPI_LRS_URL.rstrip("/") + "/statements"
    try:
        response = session.put(
            url,
            params={"statementId": str(statement.statement_id)},
            json=statement.payload,
            timeout=settings.XAPI_TIMEOUT_SECONDS,
        )
    except requests.Timeout:
        raise Failure(
            f"No answer from the LRS within {settings.XAPI_TIMEOUT_SECONDS:g} seconds.",
            unreachable=True,
        ) from None
    except requests.ConnectionError as error:
        raise Failure(f"Could not reach the LRS: {cause(error)}.", unreachable=True) from None
    except requests.RequestException as error:
        raise Failure(f"Could not send to the LRS: {cause(error)}.", unreachable=True) from None
    # 409: the LRS holds a statement with this id already, this one.
    if response.ok or response.status_code == 409:
        return
    answer = " ".join(response.text.split())
    raise Failure(f"The LRS answered {response.status_code} {response.reason}: {answer}")


def cause(error):
    """The operating system's words for a connection's failure ("Connection refused"), rather
    than the three nested exceptions requests wraps them in."""
    found = re.search(r"\[Errno -?\d+\] ([^'\"()\]]+)", str(error))
    return found.group(1).strip() if found else type(error).__name__


def sent(statement):
    Statement.objects.filter(pk=statement.pk, claimed_at=statement.claimed_at).update(
        state=Statement.State.SENT, sent_at=timezone.now(), claimed_at=None, last_error=""
    )


def failed(statement, reason):
    """Count the attempt; the statement waits its back-off, or is failed after the last one.
    Returns when it is due again (None once failed)."""
    attempts = statement.attempts + 1
    give_up = attempts >= settings.XAPI_MAX_ATTEMPTS
    next_attempt_at = timezone.now() + back_off(attempts)
    Statement.objects.filter(pk=statement.pk, claimed_at=statement.claimed_at).update(
        state=Statement.State.FAILED if give_up else Statement.State.PENDING,
        attempts=attempts,
        next_attempt_at=next_attempt_at,
        claimed_at=None,
        last_error=reason[:REASON_CHARS],
    )
    logger.warning(
        "xAPI statement %s not sent (attempt %d%s): %s",
        statement.statement_id,
        attempts,
        ", given up" if give_up else "",
        reason,
    )
    return None if give_up else next_attempt_at


def wait_with(statements, until, reason):
    """Give back the claimed `statements`, not tried: they wait `until` the LRS may be back."""
    Statement.objects.filter(
        pk__in=[statement.pk for statement in statements], state=Statement.State.SENDING
    ).update(
        state=Statement.State.PENDING,
        next_attempt_at=until,
        claimed_at=None,
        last_error=f"Not tried yet: {reason}"[:REASON_CHARS],
    )


@task()
def send_due():
    """Send every statement due now; returns how many were sent and how many were not."""
    if not settings.XAPI_LRS_URL:
        return {"sent": 0, "not_sent": 0}
    now = timezone.now()
    counts = {"sent": 0, "not_sent": 0}
    claimed_any = False
    unreachable_until = None
    with lrs_session() as session:
        while unreachable_until is None and (batch := claim(now)):
            claimed_any = True
            for position, statement in enumerate(batch):
                try:
                    put(session, statement)
                except Failure as failure:
                    counts["not_sent"] += 1
                    again = failed(statement, failure.reason)
                    if failure.unreachable:
                        unreachable_until = again or now + back_off(1)
                        wait_with(batch[position + 1 :], unreachable_until, failure.reason)
                        break
                else:
                    counts["sent"] += 1
                    sent(statement)
    schedule_next(claimed_any, unreachable_until)
    return counts


def schedule_next(claimed_any, unreachable_until):
    """Enqueue the next run: when the LRS may be back, or when the next statement this run
    handled falls due again; and when any claim still held expires, in case its worker died.

    A run that found nothing to do enqueues nothing for pending rows: the run that last handled
    them did, so a single chain of runs follows them, however many events enqueued one."""
    if not send_due.get_backend().supports_defer:
        return
    times = []
    if unreachable_until is not None:
        times.append(unreachable_until)
    elif claimed_any:
        times.append(
            Statement.objects.filter(state=Statement.State.PENDING).aggregate(
                at=Min("next_attempt_at")
            )["at"]
        )
    oldest_claim = Statement.objects.filter(state=Statement.State.SENDING).aggregate(
        at=Min("claimed_at")
    )["at"]
    if oldest_claim is not None:
        times.append(oldest_claim + CLAIM_EXPIRES)
    times = [at for at in times if at is not None]
    if times:
        send_due.using(run_after=max(min(times), timezone.now())).enqueue()


def resend(statements):
    """Make the statements (a queryset) due now with their attempts counted afresh, and send
    them; those sent or being sent are left alone. Returns how many."""
    count = statements.filter(state__in=[Statement.State.FAILED, Statement.State.PENDING]).update(
        state=Statement.State.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
        claimed_at=None,
    )
    if count:
        transaction.on_commit(send_due.enqueue, robust=True)
    return count
