"""The acceptance story of xAPI against a real LRS (Ralph, tests/lrs.py) and a real task worker
(`manage.py run_worker`, tests/worker.py):

1. a learner's journey is sent: they apply to an edition, are accepted, attend a live session,
   enrol in its course, answer a self-check wrongly then rightly, complete both modules and so the
   course, and earn the course's and the edition's credentials;
2. the LRS is stopped for 30 seconds while more events happen: a second learner's whole journey
   and a second session the first learner attends; no request waits for the LRS;
3. the LRS starts again and the worker catches up;
4. the LRS holds every statement of the outbox exactly once, compared by statement id.

The learners act over HTTP with the Django test client; staff accept applications through the
service the admin calls (the admin's own test is in tests/cohorts/test_cohort_story.py).
"""

import datetime
import json
import re
import time
from collections import Counter
from types import SimpleNamespace

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from cohorts.applications import accept
from cohorts.models import Application
from courses.models import ModulePage
from credentials.models import Credential
from learning.models import Certificate
from tests.factories import (
    CohortFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    SessionFactory,
    SkillFactory,
    SuperuserFactory,
    UserFactory,
    self_check,
)
from tests.worker import wait_for
from xapi.models import Statement

# The worker commits as it goes and reads what this test committed (tests/worker.py).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OUTAGE_SECONDS = 30
CATCH_UP_SECONDS = 90
# A learner's request during the outage answers at once: the sending is the worker's.
QUICK_SECONDS = 2
# What each learner's journey records.
JOURNEY_VERBS = Counter(
    applied=1, registered=2, attended=1, failed=1, passed=2, completed=3, earned=2
)


class TimedClient(Client):
    """A test client signed in as `user`, noting how long each request took in `timings`."""

    def __init__(self, user, timings):
        super().__init__()
        self.force_login(user)
        self.timings = timings

    def request(self, **request):
        started = time.monotonic()
        try:
            return super().request(**request)
        finally:
            self.timings.append((request["PATH_INFO"], time.monotonic() - started))


@pytest.fixture
def edition(home):
    """An edition (`.page`) with one course of two modules, each with a self-check (option 1 is
    right), two live sessions already held, and their trainer."""
    edition = EditionPageFactory(parent=home, title="Cluster Booster Academy 2027")
    CohortFactory(edition=edition, seats=10)
    course = CourseWithModulesFactory(
        parent=edition,
        title="Cluster strategy",
        modules=2,
        modules__body=json.dumps([self_check(question="Which option is right?", correct=1)]),
    )
    course.skills.add(SkillFactory())
    course.save()
    trainer = UserFactory(display_name="Tessa Trainer")
    sessions = [
        SessionFactory(
            edition=edition, title=title, starts_at=timezone.now() - datetime.timedelta(days=days)
        )
        for title, days in (("Opening", 2), ("Funding clinic", 1))
    ]
    for session in sessions:
        session.trainers.add(trainer)
    return SimpleNamespace(page=edition, course=course, trainer=trainer, sessions=sessions)


@pytest.fixture
def worker(lrs, start_worker, tasks_in_database):
    """The task worker, sending to Ralph, trying again a second after a failure (doubled, at
    most every five seconds) and never giving up within the test."""
    return start_worker(
        **lrs.settings,
        XAPI_RETRY_SECONDS="1",
        XAPI_RETRY_MAX_SECONDS="5",
        XAPI_MAX_ATTEMPTS="100",
        XAPI_TIMEOUT_SECONDS="5",
    )


def applies(client, edition):
    response = client.post(
        reverse("cohorts:apply", args=[edition.page.pk]),
        {
            "organisation": "Photonics Cluster Flanders",
            "role": "cluster_manager",
            "country": "Belgium",
            "motivation": "Our members need a shared strategy for the next five years.",
            "learning_goals": "Strategy, member services and EU funding.",
        },
    )
    assert response.status_code == 302


def attendance_taken(edition, session, present, timings):
    trainer = TimedClient(edition.trainer, timings)
    response = trainer.post(
        reverse("cohorts:attendance", args=[session.pk]),
        {"present": [learner.pk for learner in present]},
    )
    assert response.status_code == 302


def answers(html, option):
    return {re.search(r'name="(answer-[^"]+)"', html)[1]: str(option)}


def completes(client, module, *options):
    """Answers the module's self-check with each option in turn, as the learner tries again."""
    html = client.get(module.url).content.decode()
    for option in options:
        response = client.post(
            reverse("complete_module", args=[module.pk]), answers(html, option), follow=True
        )
        assert response.status_code == 200
    assert "You have completed this module." in response.content.decode()


def journey(learner, edition, staff, session, present, timings):
    """The learner applies, is accepted, is among those `present` at `session`, enrols and
    completes the course with one wrong answer on the way."""
    client = TimedClient(learner, timings)
    applies(client, edition)
    accept(Application.objects.get(applicant=learner), by=staff)
    attendance_taken(edition, session, present, timings)
    assert client.post(reverse("enrol", args=[edition.course.pk])).status_code == 302
    first, second = ModulePage.objects.child_of(edition.course).order_by("path")
    completes(client, first, 0, 1)
    completes(client, second, 1)
    assert Certificate.objects.filter(learner=learner, course=edition.course).exists()
    assert Credential.objects.filter(learner=learner).count() == 2


def verbs_of(learner):
    return Counter(Statement.objects.filter(learner=learner).values_list("verb", flat=True))


def all_sent():
    return not Statement.objects.exclude(state=Statement.State.SENT).exists()


def essentials(statement):
    """What a statement says, as the LRS gives it back: who did what to which activity."""
    return statement["actor"], statement["verb"]["id"], statement["object"]["id"]


def test_the_lrs_holds_every_statement_once_after_an_outage_the_worker_catches_up_on(
    edition, lrs, worker
):
    staff = SuperuserFactory()
    already_held = {statement["id"] for statement in lrs.statements()}
    ana, ben = UserFactory(display_name="Ana Novak"), UserFactory(display_name="Ben Okafor")
    opening, clinic = edition.sessions

    # 1. Ana's journey is sent.
    journey(ana, edition, staff, opening, [ana], timings=[])
    assert verbs_of(ana) == JOURNEY_VERBS
    wait_for(all_sent, worker, "Ana's statements sent", interval=0.1)
    sent_before = set(Statement.objects.values_list("statement_id", flat=True))
    assert {str(pk) for pk in sent_before} <= {s["id"] for s in lrs.statements()}

    # 2. The LRS is down for 30 seconds, while Ben's journey happens and Ana attends a session.
    lrs.stop()
    stopped_at = time.monotonic()
    timings = []
    journey(ben, edition, staff, clinic, [ana, ben], timings)
    assert verbs_of(ben) == JOURNEY_VERBS
    assert verbs_of(ana)["attended"] == 2
    slow = [(path, seconds) for path, seconds in timings if seconds >= QUICK_SECONDS]
    assert not slow, f"requests waited for the LRS: {slow}"
    # The worker found the LRS down, and keeps the statements until it is back.
    wait_for(
        lambda: Statement.objects.filter(attempts__gt=0).exists(),
        worker,
        "the worker tried the LRS",
        interval=0.1,
    )
    assert "Could not reach the LRS" in Statement.objects.filter(attempts__gt=0)[0].last_error
    time.sleep(max(0, stopped_at + OUTAGE_SECONDS - time.monotonic()))
    during = Statement.objects.exclude(statement_id__in=sent_before)
    assert during.count() == sum(JOURNEY_VERBS.values()) + 1
    assert not during.filter(state=Statement.State.SENT).exists()

    # 3. It starts again, and the worker catches up.
    lrs.start()
    wait_for(all_sent, worker, "the outbox sent", seconds=CATCH_UP_SECONDS, interval=0.2)

    # 4. Every statement of the outbox is in the LRS exactly once; nothing else is.
    outbox = {str(row.statement_id): row.payload for row in Statement.objects.all()}
    held = [s for s in lrs.statements() if s["id"] not in already_held]
    assert Counter(s["id"] for s in held) == Counter(outbox.keys())
    for statement in held:
        assert essentials(statement) == essentials(outbox[statement["id"]])
