"""A learner's coaching work on the v3 API, for their bearer token: their submissions and their
team's with every version, file and feedback, and their action plans with goals, actions, KPIs
and trainers' comments. Nobody else's, by listing or by guessing an id, and nothing without a
token."""

import datetime

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import APIToken

import pytest

from coaching.models import (
    Feedback,
    PlanAction,
    PlanComment,
    PlanGoal,
    PlanKPI,
    RubricScore,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    private_storage,
)
from tests.factories import (
    AssignmentFactory,
    SuperuserFactory,
    UserFactory,
    accepted_participant,
    action_plan,
    handed_in,
    team_of,
    trainer_of,
)

pytestmark = pytest.mark.django_db

SUBMISSIONS = reverse("wagtailapi_v3:academy_my_submissions")
PLANS = reverse("wagtailapi_v3:academy_my_action_plans")


def submission_url(pk):
    return reverse("wagtailapi_v3:academy_my_submission", args=[pk])


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {APIToken.create_token(user=user, name='script')[1]}"}


@pytest.fixture
def stored_file():
    """A submission file with content in the private storage, deleted after the test."""
    made = []

    def make(version, name):
        file = SubmissionFile(version=version, name=name, content_type="application/pdf", size=8)
        file.file.save(name, ContentFile(b"%PDF-1.4"), save=True)
        made.append(file.file.name)
        return file

    yield make
    for name in made:
        if private_storage().exists(name):
            private_storage().delete(name)


@pytest.fixture
def work(edition, module, skill, participant, trainer, stored_file):
    """The participant's essay, scored and with feedback, their team's case study, and a
    classmate's essay."""
    teammate = accepted_participant(edition).applicant
    classmate = accepted_participant(edition).applicant
    essay = AssignmentFactory(page=module, title="Essay", criteria=[skill])
    case = AssignmentFactory(page=module, title="Case study", work="team")
    mine = handed_in(essay, participant, text="My essay")
    version = mine.versions.get()
    file = stored_file(version, "stakeholders.pdf")
    feedback = Feedback.objects.create(
        submission=mine,
        version=version,
        trainer=trainer,
        comments="Well argued.",
        created_at=datetime.datetime(2026, 5, 12, 10, tzinfo=datetime.UTC),
    )
    RubricScore.objects.create(feedback=feedback, criterion=essay.criteria.get(), level=2)
    Submission.objects.filter(pk=mine.pk).update(status=Submission.Status.REVIEWED)
    team = team_of(edition, participant, teammate, name="Blue team")
    teams = handed_in(case, teammate, text="Our case", team=team)
    theirs = handed_in(essay, classmate, text="Classmate's essay")
    return {
        "mine": mine,
        "file": file,
        "feedback": feedback,
        "teams": teams,
        "theirs": theirs,
        "teammate": teammate,
        "classmate": classmate,
    }


def test_a_learner_reads_their_own_and_their_teams_submissions(client, participant, work):
    data = client.get(SUBMISSIONS, **bearer(participant)).json()

    assert data["count"] == 2
    essay, case = data["items"]
    assert essay["id"] == work["mine"].pk and case["id"] == work["teams"].pk
    assert essay["assignment"]["title"] == "Essay"
    assert essay["assignment"]["edition"]["title"] == "Coaching edition"
    assert essay["assignment"]["url"].endswith(
        reverse("coaching:assignment", args=[work["mine"].assignment_id])
    )
    assert essay["status"] == "reviewed" and essay["team"] is None
    [version] = essay["versions"]
    assert (version["number"], version["late"], version["text"]) == (1, False, "My essay")
    assert version["author"] == "Petra Participant"
    [file] = version["files"]
    assert file["name"] == "stakeholders.pdf"
    assert file["download_url"] == "http://testserver" + reverse(
        "coaching:submission_file", args=[work["file"].pk]
    )
    [feedback] = essay["feedback"]
    assert feedback["comments"] == "Well argued." and feedback["version"] == 1
    assert feedback["trainer"] == "Tessa Trainer" and feedback["file_url"] is None
    [score] = feedback["scores"]
    assert (score["level"], score["of"]) == (2, 3)
    assert score["skill"]["slug"] == work["mine"].assignment.criteria.get().skill.slug
    assert case["team"] == "Blue team" and case["versions"][0]["text"] == "Our case"
    assert "Classmate's essay" not in str(data)


def test_the_download_url_serves_the_file_to_its_author(client, participant, work):
    url = client.get(SUBMISSIONS, **bearer(participant)).json()["items"][0]["versions"][0]["files"][
        0
    ]["download_url"]
    client.force_login(participant)

    response = client.get(url.removeprefix("http://testserver"))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]


def test_a_learner_reads_one_of_their_submissions_and_nobody_elses(
    client, edition, home, participant, work
):
    token = bearer(participant)
    assert client.get(submission_url(work["mine"].pk), **token).json()["id"] == work["mine"].pk
    assert client.get(submission_url(work["teams"].pk), **token).status_code == 200

    # Guessing ids: a classmate's work, an id that does not exist, one beyond any key.
    for guess in (work["theirs"].pk, work["theirs"].pk + 100, 2**63):
        response = client.get(submission_url(guess), **token)
        assert response.status_code in (404, 422), guess
        assert "Classmate" not in response.content.decode()


@pytest.mark.parametrize(
    "visitor", ["classmate", "teammate's neighbour", "trainer of the edition", "staff"]
)
def test_nobody_else_reads_a_learners_submission_through_the_api(
    client, edition, participant, trainer, work, visitor
):
    """The API is the learner's own: even the edition's trainers and staff, who review the work
    in the admin, read only their own submissions here."""
    user = {
        "classmate": work["classmate"],
        "teammate's neighbour": accepted_participant(edition).applicant,
        "trainer of the edition": trainer,
        "staff": SuperuserFactory(),
    }[visitor]
    token = bearer(user)

    listed = client.get(SUBMISSIONS, **token).json()

    assert work["mine"].pk not in [item["id"] for item in listed["items"]]
    assert "My essay" not in str(listed)
    assert client.get(submission_url(work["mine"].pk), **token).status_code == 404
    assert client.get(submission_url(work["teams"].pk), **token).status_code == 404
    assert client.get(PLANS, **token).json()["count"] == 0


def test_a_team_member_reads_the_team_work_but_not_their_teammates_own(client, work):
    token = bearer(work["teammate"])

    data = client.get(SUBMISSIONS, **token).json()

    assert [item["id"] for item in data["items"]] == [work["teams"].pk]
    assert client.get(submission_url(work["mine"].pk), **token).status_code == 404


def test_without_a_token_nothing_is_read(client, participant, work):
    client.force_login(participant)  # a session is not a token
    for url in (SUBMISSIONS, submission_url(work["mine"].pk), PLANS):
        assert client.get(url).status_code == 401
        assert client.get(url, HTTP_AUTHORIZATION="Bearer not-a-token").status_code == 401


def test_a_learner_reads_their_action_plans_with_goals_actions_kpis_and_comments(
    client, edition, participant, trainer, skill
):
    plan = action_plan(
        participant, edition, notes="Grow the cluster.", version=2, shared_with_trainers=True
    )
    goal = PlanGoal.objects.create(plan=plan, title="More members", skill=skill)
    action = PlanAction.objects.create(
        plan=plan,
        goal=goal,
        title="Survey the members",
        owner="Petra",
        due_on=datetime.date(2026, 9, 1),
        status=PlanAction.Status.IN_PROGRESS,
    )
    PlanKPI.objects.create(plan=plan, name="Members", unit="firms", baseline=40, target=60)
    PlanComment.objects.create(
        plan=plan, action=action, about="Survey the members", author=trainer, body="Ask early."
    )
    someone = accepted_participant(edition).applicant
    action_plan(someone, edition, notes="Someone else's plan.")

    data = client.get(PLANS, **bearer(participant)).json()

    assert data["count"] == 1
    [item] = data["items"]
    assert item["edition"]["title"] == "Coaching edition"
    assert item["notes"] == "Grow the cluster." and item["version"] == 2
    assert item["shared_with_trainers"] is True
    assert item["url"].endswith(reverse("coaching:plan", args=[edition.pk]))
    assert item["goals"] == [
        {
            "id": goal.pk,
            "title": "More members",
            "skill": {"slug": skill.slug, "name": skill.name, "area": skill.area.slug},
        }
    ]
    assert item["actions"] == [
        {
            "id": action.pk,
            "goal_id": goal.pk,
            "title": "Survey the members",
            "owner": "Petra",
            "due_on": "2026-09-01",
            "status": "in_progress",
        }
    ]
    assert item["kpis"] == [{"name": "Members", "unit": "firms", "baseline": 40.0, "target": 60.0}]
    [comment] = item["comments"]
    assert comment["body"] == "Ask early." and comment["author"] == "Tessa Trainer"
    assert comment["action_id"] == action.pk and comment["goal_id"] is None
    assert "Someone else's plan." not in str(data)


def test_submissions_page_with_limit_and_offset(client, module, participant):
    for n in range(5):
        handed_in(AssignmentFactory(page=module, title=f"Homework {n}"), participant)
    token = bearer(participant)

    first = client.get(SUBMISSIONS, {"limit": 2}, **token).json()
    rest = client.get(SUBMISSIONS, {"limit": 10, "offset": 2}, **token).json()

    assert first["count"] == rest["count"] == 5
    titles = [item["assignment"]["title"] for item in first["items"] + rest["items"]]
    assert titles == [f"Homework {n}" for n in range(5)]
    assert client.get(SUBMISSIONS, {"offset": 2**63}, **token).status_code in (400, 422)


def _scored_work(module, skill, participant, trainer, count):
    for n in range(count):
        assignment = AssignmentFactory(page=module, title=f"Homework {n}", criteria=[skill])
        submission = handed_in(assignment, participant)
        version = SubmissionVersion.objects.create(submission=submission, number=2, text="v2")
        feedback = Feedback.objects.create(
            submission=submission, version=version, trainer=trainer, comments="Good."
        )
        RubricScore.objects.create(feedback=feedback, criterion=assignment.criteria.get(), level=3)


def test_the_list_takes_as_many_queries_for_20_submissions_as_for_2(
    client, edition, module, skill, participant
):
    trainer = trainer_of(edition, UserFactory(display_name="Another trainer"))
    token = bearer(participant)
    client.get(SUBMISSIONS, **token)  # the token's first use is recorded, out of the count
    counts = []
    for size in (2, 20):
        Submission.objects.all().delete()
        _scored_work(module, skill, participant, trainer, size)
        with CaptureQueriesContext(connection) as queries:
            data = client.get(SUBMISSIONS, {"limit": 20}, **token).json()
        assert data["count"] == size
        assert all(len(item["feedback"][0]["scores"]) == 1 for item in data["items"])
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
