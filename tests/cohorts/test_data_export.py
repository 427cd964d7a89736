"""A learner's data export holds their applications, their attendance and their reminders
preference; deleting an account is never blocked by the attendance or sessions it touched."""

import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

import pytest

from cohorts.applications import accept
from cohorts.attendance import record
from cohorts.models import Application, Attendance, Session
from lms.accounts.models import User
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditionPageFactory,
    SessionFactory,
    UserFactory,
)


@pytest.fixture
def cohort(home):
    return CohortFactory(edition=EditionPageFactory(parent=home, title="Sofia 2024"))


@pytest.fixture
def past_session(cohort):
    return SessionFactory(
        edition=cohort.edition,
        title="Cluster strategy live",
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )


def test_the_export_holds_the_learners_applications_and_attendance(client, cohort, past_session):
    learner = UserFactory(session_reminders=False)
    application = accept(
        ApplicationFactory(
            cohort=cohort,
            applicant=learner,
            motivation="We are merging two clusters.",
            learning_goals="Governance.",
        ),
        None,
    )
    record(past_session, learner, True, UserFactory())
    other = accept(ApplicationFactory(cohort=cohort), None).applicant
    record(past_session, other, False, None)
    client.force_login(learner)

    data = client.get("/accounts/export/").json()

    assert data["profile"]["session_reminders"] is False
    [exported] = data["applications"]
    assert exported["edition"] == "Sofia 2024"
    assert exported["status"] == "accepted"
    assert exported["motivation"] == "We are merging two clusters."
    assert exported["learning_goals"] == "Governance."
    assert exported["organisation"] == application.organisation
    assert exported["submitted_at"].startswith(str(application.submitted_at.date()))
    assert "notes" not in exported
    assert data["attendance"] == [
        {
            "session_title": "Cluster strategy live",
            "session_starts_at": DjangoJSONEncoder().default(past_session.starts_at),
            "present": True,
            "recorded_at": data["attendance"][0]["recorded_at"],
        }
    ]
    assert other.email not in str(data)


def test_deleting_an_account_is_not_blocked_by_attendance_or_sessions(client, cohort, past_session):
    trainer = UserFactory()
    past_session.trainers.add(trainer)
    learner = accept(ApplicationFactory(cohort=cohort), None).applicant
    record(past_session, learner, True, trainer)
    client.force_login(trainer)

    client.post("/accounts/delete/", {"password": "correct horse battery"})

    assert not User.objects.filter(pk=trainer.pk).exists()
    # The session and the learner's attendance stay; who recorded it is forgotten.
    assert Session.objects.get(pk=past_session.pk).trainers.count() == 0
    assert Attendance.objects.get(learner=learner).recorded_by is None

    client.force_login(learner)
    client.post("/accounts/delete/", {"password": "correct horse battery"})

    assert not User.objects.filter(pk=learner.pk).exists()
    assert not Attendance.objects.exists()
    assert not Application.objects.filter(applicant_id=learner.pk).exists()
