"""Two requests completing the same module at the same moment leave one record (PostgreSQL).

The test commits real rows, so it runs outside the per-test transaction: the two requests use
their own database connections and must see the learner, then race on the unique constraints.
It removes what it created, leaving the demo academy as it found it.
"""

import threading

from django.db import connection, connections
from django.test import Client
from django.urls import reverse

import pytest

from courses.models import CoursePage
from learning.models import Certificate, Enrolment, ModuleCompletion
from lms.accounts.models import User

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs concurrent writers: SQLite's in-memory test database serialises them",
)


@pytest.fixture
def committed_learner(django_db_setup, django_db_blocker):
    """A learner enrolled in a demo course with all but its last module complete, committed."""
    with django_db_blocker.unblock():
        course = CoursePage.objects.live().filter(modules_in_order=False).first()
        modules = list(course.get_modules())
        learner = User.objects.create_user("racer@clusters.example.org", "a sturdy passphrase 42")
        Enrolment.objects.create(learner=learner, course=course)
        for module in modules[:-1]:
            ModuleCompletion.objects.create(learner=learner, module=module)
        try:
            yield learner, course, modules[-1]
        finally:
            learner.delete()
            connection.close()


def test_two_simultaneous_completions_leave_one_record_and_one_certificate(
    committed_learner, django_db_blocker
):
    learner, course, last_module = committed_learner
    answers = {
        f"answer-{block.id}": str([o["correct"] for o in block.value["options"]].index(True))
        for block in last_module.self_checks
    }
    start = threading.Barrier(2)
    statuses = []

    def complete():
        client = Client()
        client.force_login(learner)
        start.wait()
        try:
            statuses.append(client.post(reverse("complete_module", args=[last_module.pk]), answers).status_code)
        finally:
            connections.close_all()

    with django_db_blocker.unblock():
        threads = [threading.Thread(target=complete) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [302, 302]
        assert ModuleCompletion.objects.filter(learner=learner, module=last_module).count() == 1
        assert Certificate.objects.filter(learner=learner, course=course).count() == 1
