"""Each event the academy keeps is recorded once as an xAPI statement in the outbox, in its own
transaction: who did it by account only (never an email or a name), the verb, the activity by a
stable IRI, and the course or edition around it. A site without an LRS records nothing."""

import json

from django.urls import reverse

import pytest

from coaching.feedback import give_feedback
from cohorts import applications
from cohorts.attendance import record_many
from courses.models import ModulePage
from learning import services
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CohortFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    SessionFactory,
    SkillFactory,
    SuperuserFactory,
    UserFactory,
    accepted_participant,
    handed_in,
    self_check,
    team_of,
    trainer_of,
)
from xapi import vocabulary
from xapi.models import Statement

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
ADL = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture(autouse=True)
def lrs_configured(settings):
    """An LRS is set; nothing here is ever sent (the tests' transactions never commit), and the
    address is a closed port in case anything tried."""
    settings.XAPI_LRS_URL = "http://127.0.0.1:9/xAPI/"
    settings.XAPI_LRS_USERNAME = "academy"
    settings.XAPI_LRS_PASSWORD = "secret"


@pytest.fixture
def edition(home):
    return EditionPageFactory(parent=home, title="Vilnius 2026", slug="vilnius-2026")


@pytest.fixture
def course(edition):
    return CourseWithModulesFactory(parent=edition, title="Cluster strategy", modules=2)


@pytest.fixture
def learner():
    return UserFactory(email="ieva@cluster.example.lt", display_name="Ieva Kazlauskė")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def modules_of(course):
    return list(ModulePage.objects.child_of(course).live().order_by("path"))


def iri(kind, page):
    return f"{BASE}/xapi/activities/{kind}/{page.pk}"


def recorded(verb, learner=None):
    rows = Statement.objects.filter(verb=verb)
    if learner is not None:
        rows = rows.filter(learner=learner)
    return [row.payload for row in rows.order_by("pk")]


def the_one(verb, learner):
    """The one statement of `verb` by `learner`, checked for what every statement must be."""
    found = recorded(verb, learner)
    assert len(found) == 1, f"{len(found)} “{verb}” statements for {learner}"
    statement = found[0]
    assert statement["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": BASE, "name": str(learner.pk)},
    }
    assert_anonymous(statement, learner)
    row = Statement.objects.get(statement_id=statement["id"])
    assert row.state == Statement.State.PENDING
    return statement


def assert_anonymous(statement, learner):
    text = json.dumps(statement)
    assert learner.email not in text
    assert learner.display_name not in text
    assert "mailto:" not in text and "mbox" not in text


def parents(statement):
    return [a["id"] for a in statement["context"]["contextActivities"].get("parent", [])]


def grouping(statement):
    return [a["id"] for a in statement["context"]["contextActivities"].get("grouping", [])]


def test_enrolling_records_registered_in_the_course_of_its_edition(
    learner_client, learner, course, edition
):
    learner_client.post(reverse("enrol", args=[course.pk]))
    learner_client.post(reverse("enrol", args=[course.pk]))

    statement = the_one("registered", learner)
    assert statement["verb"]["id"] == ADL + "registered"
    assert statement["object"]["id"] == iri("course", course)
    assert statement["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/course"
    assert statement["object"]["definition"]["name"] == {"en": "Cluster strategy"}
    assert parents(statement) == [iri("edition", edition)]


def test_an_activity_keeps_its_iri_when_editors_change_its_slug(learner, course):
    services.enrol(learner, course)
    course.slug = "a-new-slug"
    course.save()
    services.leave(learner, course)
    services.enrol(learner, course)

    found = recorded("registered", learner)
    assert len(found) == 2  # enrolled, left, enrolled again: two registrations
    assert {statement["object"]["id"] for statement in found} == {iri("course", course)}
    assert "slug" not in found[0]["object"]["id"]


def test_applying_and_being_accepted_are_recorded_once_each(learner, edition):
    cohort = CohortFactory(edition=edition)
    application = applications.apply(
        learner,
        cohort,
        {
            "organisation": "Lithuanian Laser Cluster",
            "role": "cluster_manager",
            "country": "Lithuania",
            "motivation": "We grow.",
            "learning_goals": "Strategy.",
        },
    )

    applied = the_one("applied", learner)
    assert applied["verb"]["id"] == "http://activitystrea.ms/schema/1.0/request"
    assert applied["object"]["id"] == iri("edition", edition)
    assert not recorded("registered", learner)

    staff = SuperuserFactory()
    applications.accept(application, by=staff)
    applications.decline(application, by=staff)
    applications.accept(application, by=staff)
    application.refresh_from_db()
    application.notes = "Strong motivation."
    application.save()

    accepted = the_one("registered", learner)
    assert accepted["object"]["id"] == iri("edition", edition)
    assert accepted["object"]["definition"]["type"] == vocabulary.activity_type("edition")
    assert len(recorded("applied", learner)) == 1


def test_attending_a_session_is_recorded_for_those_present_only(edition):
    cohort = CohortFactory(edition=edition)
    here = accepted_participant(edition).applicant
    away = accepted_participant(edition).applicant
    session = SessionFactory(edition=edition, title="Kick-off")
    trainer = trainer_of(edition)

    record_many(session, {here.pk: True, away.pk: False}, by=trainer)
    record_many(session, {here.pk: True, away.pk: False}, by=trainer)

    statement = the_one("attended", here)
    assert statement["verb"]["id"] == ADL + "attended"
    assert statement["object"]["id"] == f"{BASE}/xapi/activities/session/{session.pk}"
    assert (
        statement["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/meeting"
    )
    assert parents(statement) == [iri("edition", cohort.edition)]
    assert statement["timestamp"] == session.starts_at.isoformat()
    assert not recorded("attended", away)


def test_the_attendance_sheet_records_attended(client, edition):
    here = accepted_participant(edition).applicant
    session = SessionFactory(edition=edition)
    trainer = trainer_of(edition)
    session.trainers.add(trainer)
    client.force_login(trainer)

    response = client.post(
        reverse("cohorts:attendance", args=[session.pk]), {"present": [str(here.pk)]}
    )

    assert response.status_code == 302
    the_one("attended", here)


def test_completing_modules_and_the_course_records_each_once(
    learner_client, learner, course, edition
):
    learner_client.post(reverse("enrol", args=[course.pk]))
    first, second = modules_of(course)

    learner_client.post(reverse("complete_module", args=[first.pk]))
    learner_client.post(reverse("complete_module", args=[first.pk]))

    module_done = the_one("completed", learner)
    assert module_done["verb"]["id"] == ADL + "completed"
    assert module_done["object"]["id"] == iri("module", first)
    assert (
        module_done["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/module"
    )
    assert parents(module_done) == [iri("course", course)]
    assert grouping(module_done) == [iri("edition", edition)]
    assert module_done["result"] == {"completion": True}

    learner_client.post(reverse("complete_module", args=[second.pk]))

    objects = [statement["object"]["id"] for statement in recorded("completed", learner)]
    assert objects == [iri("module", first), iri("module", second), iri("course", course)]
    course_done = recorded("completed", learner)[-1]
    assert parents(course_done) == [iri("edition", edition)]
    assert course_done["result"] == {"completion": True}


def test_completing_a_course_earns_its_badge_with_the_credentials_public_page(
    learner_client, learner, course, edition
):
    course.skills.add(SkillFactory())
    course.save()
    learner_client.post(reverse("enrol", args=[course.pk]))
    for module in modules_of(course):
        learner_client.post(reverse("complete_module", args=[module.pk]))

    earned = [s for s in recorded("earned", learner) if s["object"]["id"] == iri("badge", course)]
    assert len(earned) == 1
    statement = earned[0]
    credential = learner.credentials.get(page=course)
    assert statement["verb"]["id"] == "http://id.tincanapi.com/verb/earned"
    assert statement["object"]["definition"]["type"] == "http://activitystrea.ms/schema/1.0/badge"
    assert parents(statement) == [iri("course", course)]
    assert grouping(statement) == [iri("edition", edition)]
    extension = statement["result"]["extensions"][f"{BASE}/xapi/extensions/credential"]
    assert extension == f"{BASE}/credentials/{credential.public_id}/"
    assert_anonymous(statement, learner)


@pytest.fixture
def checked_module(edition, learner):
    """A course of one module whose required self-check is answered with option 1."""
    course = CourseWithModulesFactory(
        parent=edition, modules=1, modules__body=json.dumps([self_check(correct=1)])
    )
    services.enrol(learner, course)
    module = modules_of(course)[0]
    module.field = f"answer-{module.self_checks[0].id}"
    return module


def test_each_self_check_attempt_is_recorded_failed_or_passed(
    learner_client, learner, checked_module
):
    url = reverse("complete_module", args=[checked_module.pk])
    learner_client.post(url, {checked_module.field: "0"})
    learner_client.post(url, {checked_module.field: "2"})

    failed = recorded("failed", learner)
    assert len(failed) == 2  # two attempts, two events
    assert len({statement["id"] for statement in failed}) == 2
    assert failed[0]["verb"]["id"] == ADL + "failed"
    assert failed[0]["result"] == {
        "success": False,
        "score": {"raw": 0, "min": 0, "max": 1, "scaled": 0.0},
    }
    assert failed[0]["object"]["id"] == f"{BASE}/xapi/activities/self-check/{checked_module.pk}"
    assert (
        failed[0]["object"]["definition"]["type"]
        == "http://adlnet.gov/expapi/activities/assessment"
    )
    assert parents(failed[0]) == [iri("module", checked_module)]
    assert not recorded("completed", learner)

    learner_client.post(url, {checked_module.field: "1"})

    passed = the_one("passed", learner)
    assert passed["result"]["success"] is True
    assert passed["result"]["score"]["scaled"] == 1.0
    course = checked_module.get_parent()
    assert grouping(passed) == [iri("course", course), iri("edition", course.get_parent())]
    for statement in failed:
        assert_anonymous(statement, learner)


@pytest.fixture
def rubric(edition, course):
    """Work on the course's first module, scored on two skills of three levels each."""
    module = modules_of(course)[0]
    skills = [SkillFactory(name="Stakeholder mapping"), SkillFactory(name="Funding")]
    return AssignmentFactory(page=module, title="Stakeholder map", criteria=skills)


def test_rubric_feedback_is_recorded_as_scored_with_a_level_per_skill(
    edition, course, rubric, learner
):
    accepted_participant(edition, applicant=learner)
    submission = handed_in(rubric, learner)
    first, second = rubric.criteria.order_by("sort_order", "pk")

    feedback = give_feedback(
        submission,
        submission.versions.get(),
        trainer_of(edition),
        "Clear map.",
        {first: 3, second: 1},
    )

    statement = the_one("scored", learner)
    assert statement["verb"]["id"] == ADL + "scored"
    assert statement["object"]["id"] == f"{BASE}/xapi/activities/assignment/{rubric.pk}"
    assert (
        statement["object"]["definition"]["type"]
        == "http://adlnet.gov/expapi/activities/performance"
    )
    assert statement["result"]["score"] == {"raw": 4, "min": 2, "max": 6, "scaled": 0.5}
    levels = statement["result"]["extensions"][f"{BASE}/xapi/extensions/rubric-scores"]
    assert [(level["name"], level["level"], level["levels"]) for level in levels] == [
        ("Stakeholder mapping", 3, 3),
        ("Funding", 1, 3),
    ]
    assert levels[0]["skill"] == f"{BASE}/xapi/activities/skill/{first.skill_id}"
    assert parents(statement) == [iri("module", modules_of(course)[0])]
    assert grouping(statement) == [iri("edition", edition)]
    assert statement["timestamp"] == feedback.created_at.isoformat()


def test_team_work_scored_once_is_recorded_for_each_member(edition, rubric):
    members = [accepted_participant(edition).applicant for _ in range(3)]
    team = team_of(edition, *members)
    rubric.work = rubric.Work.TEAM
    rubric.save()
    submission = handed_in(rubric, members[0], team=team)
    scores = {criterion: 2 for criterion in rubric.criteria.all()}

    give_feedback(submission, submission.versions.get(), trainer_of(edition), "Good.", scores)

    for member in members:
        assert the_one("scored", member)["result"]["score"]["raw"] == 4


def test_feedback_without_a_rubric_records_no_score(edition, course, learner):
    accepted_participant(edition, applicant=learner)
    work = AssignmentFactory(page=modules_of(course)[0])
    submission = handed_in(work, learner)

    give_feedback(submission, submission.versions.get(), trainer_of(edition), "Good.", {})

    assert not recorded("scored")


def test_nothing_is_recorded_without_an_lrs(settings, learner_client, learner, course, edition):
    settings.XAPI_LRS_URL = ""
    learner_client.post(reverse("enrol", args=[course.pk]))
    for module in modules_of(course):
        learner_client.post(reverse("complete_module", args=[module.pk]))
    application = ApplicationFactory(cohort=CohortFactory(edition=edition))
    applications.accept(application, by=SuperuserFactory())

    assert learner.certificates.exists()
    assert not Statement.objects.exists()


def test_recording_an_event_again_keeps_one_statement(learner, course):
    services.enrol(learner, course)
    enrolment = learner.enrolments.get()
    from xapi import statements

    statements.enrolled(enrolment)
    statements.enrolled(enrolment)

    assert Statement.objects.filter(verb="registered").count() == 1
    row = Statement.objects.get()
    assert row.statement_id == vocabulary.statement_id(f"enrolment:{enrolment.pk}")
    assert row.payload["id"] == str(row.statement_id)
    assert row.payload["timestamp"] == enrolment.enrolled_at.isoformat()
