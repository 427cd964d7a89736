"""Two requests completing the same module at the same moment leave one record (PostgreSQL).

The test commits real rows, so it runs outside the per-test transaction: the two requests use
their own database connections and must see the learner, then race on the unique constraints.
It removes what it created, leaving the database as it found it.
"""

import json

from django.db import connection
from django.test import Client
from django.urls import reverse

from wagtail.models import Site

import pytest

from credentials.models import Credential, SigningKey
from learning.models import Certificate, Enrolment, ModuleCompletion
from tests.concurrency import POSTGRESQL_ONLY, run_together
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    SkillFactory,
    UserFactory,
    academy_home,
    self_check,
)

pytestmark = POSTGRESQL_ONLY


@pytest.fixture
def committed_learner(django_db_setup, django_db_blocker):
    """A learner enrolled in a course of three modules, each with a required self-check, with all
    but the last complete; all committed, then removed again."""
    with django_db_blocker.unblock():
        site = Site.objects.get(is_default_site=True)
        site_root = site.root_page
        skill = SkillFactory()
        home = academy_home()
        course = CourseWithModulesFactory(
            parent=EditionPageFactory(parent=home),
            modules__body=json.dumps([self_check(correct=2)]),
        )
        modules = list(course.get_modules())
        learner = UserFactory(email="racer@clusters.example.org")
        Enrolment.objects.create(learner=learner, course=course)
        for module in modules[:-1]:
            ModuleCompletion.objects.create(learner=learner, module=module)
        try:
            yield learner, course, modules[-1]
        finally:
            learner.delete()
            home.delete()
            # A credential's row outlives its learner and page (its status-list bit is never
            # given away), and protects its signing key: both go with this test's data.
            Credential.objects.all().delete()
            SigningKey.objects.all().delete()
            site.root_page = site_root
            site.save()
            skill.delete()
            skill.area.delete()
            connection.close()


def test_two_simultaneous_completions_leave_one_record_and_one_certificate(
    committed_learner, django_db_blocker
):
    learner, course, last_module = committed_learner
    answers = {
        f"answer-{block.id}": str([o["correct"] for o in block.value["options"]].index(True))
        for block in last_module.self_checks
    }
    statuses = []

    def complete():
        client = Client()
        client.force_login(learner)
        statuses.append(
            client.post(reverse("complete_module", args=[last_module.pk]), answers).status_code
        )

    with django_db_blocker.unblock():
        run_together([complete, complete])
        assert statuses == [302, 302]
        assert ModuleCompletion.objects.filter(learner=learner, module=last_module).count() == 1
        assert Certificate.objects.filter(learner=learner, course=course).count() == 1
