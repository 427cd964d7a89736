"""A learner's coaching work is theirs: it is in their data export, it goes with their account
(files on disk included) except the versions they wrote for a team, which stay without their
name, and nobody outside their team reaches it by guessing an address: not a classmate, not a
learner or a trainer of another edition, not an anonymous visitor."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import pytest

from coaching.models import (
    ActionPlan,
    Feedback,
    PlanAction,
    PlanComment,
    PlanGoal,
    PlanKPI,
    PlanVersion,
    RubricScore,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    private_storage,
)
from lms.accounts.models import User
from tests.factories import (
    AssignmentFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    SuperuserFactory,
    UserFactory,
    accepted_participant,
    action_plan,
    handed_in,
    team_of,
    trainer_of,
)
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
WORD = "Quokka"


@pytest.fixture(autouse=True)
def stored_files():
    """The files a test stores in the private storage, deleted after it if still there."""
    names = []
    yield names
    for name in names:
        if private_storage().exists(name):
            private_storage().delete(name)


@pytest.fixture
def store(stored_files):
    def store(instance, name, content=b"%PDF-1.4 quokka"):
        instance.file.save(name, ContentFile(content), save=True)
        stored_files.append(instance.file.name)
        return instance.file.name

    return store


def attach(version, store, name):
    file = SubmissionFile(version=version, name=name, content_type="application/pdf", size=15)
    store(file, name)
    return file


def feedback_on(version, trainer, comments, store=None, file_name=None, scores=()):
    feedback = Feedback.objects.create(
        submission=version.submission, version=version, trainer=trainer, comments=comments
    )
    if file_name:
        feedback.file_name = file_name
        feedback.file_content_type = "application/pdf"
        store(feedback, file_name)
    RubricScore.objects.bulk_create(
        RubricScore(feedback=feedback, criterion=criterion, level=level)
        for criterion, level in scores
    )
    return feedback


class Work:
    """The owner's work in the edition: an individual submission with a file and feedback
    with a file and a score, a team submission with a version and a file by each member, and
    an action plan with two versions and a trainer's comment."""

    def __init__(self, edition, module, skill, trainer, store, owner=None):
        self.edition = edition
        self.owner = (
            owner
            or accepted_participant(
                edition,
                applicant=UserFactory(display_name=f"Olga {WORD}-Owner"),
            ).applicant
        )
        self.teammate = accepted_participant(
            edition, applicant=UserFactory(display_name="Tom Teammate")
        ).applicant
        self.team = team_of(edition, self.owner, self.teammate, name="Blue team")
        self.essay = AssignmentFactory(
            page=module,
            title=f"{WORD} essay",
            brief=f"<p>{WORD} brief for the cohort.</p>",
            criteria=[skill],
        )
        self.case = AssignmentFactory(page=module, title=f"{WORD} team case", work="team")
        self.submission = handed_in(self.essay, self.owner, text=f"{WORD} answer of the owner")
        version = self.submission.versions.get()
        self.file = attach(version, store, f"{WORD.lower()}-map.pdf")
        self.feedback = feedback_on(
            version,
            trainer,
            f"{WORD} feedback for the owner",
            store=store,
            file_name=f"{WORD.lower()}-feedback.pdf",
            scores=[(self.essay.criteria.get(), 2)],
        )
        self.team_submission = handed_in(
            self.case, self.teammate, text=f"{WORD} team text by Tom", team=self.team
        )
        self.team_file = attach(
            self.team_submission.versions.get(), store, f"{WORD.lower()}-team.pdf"
        )
        owners_version = SubmissionVersion.objects.create(
            submission=self.team_submission,
            number=2,
            text=f"{WORD} team text by Olga",
            author=self.owner,
        )
        self.owners_team_file = attach(owners_version, store, f"{WORD.lower()}-team-v2.pdf")
        Submission.objects.filter(pk=self.team_submission.pk).update(version_count=2)
        self.plan = action_plan(
            self.owner,
            edition,
            notes=f"{WORD} notes of the plan",
            version=2,
            shared_with_trainers=True,
            shared_at=timezone.now(),
        )
        goal = PlanGoal.objects.create(plan=self.plan, title=f"{WORD} goal", skill=skill)
        action = PlanAction.objects.create(
            plan=self.plan,
            goal=goal,
            title=f"{WORD} action",
            owner="Olga",
            due_on=datetime.date(2026, 9, 1),
        )
        PlanKPI.objects.create(plan=self.plan, name="Members", unit="firms", baseline=40, target=60)
        for number in (1, 2):
            PlanVersion.objects.create(
                plan=self.plan,
                number=number,
                content={"notes": f"{WORD} notes, version {number}"},
                saved_by=self.owner,
            )
        PlanComment.objects.create(
            plan=self.plan,
            action=action,
            about=f"Action: {action.title}",
            author=trainer,
            body=f"{WORD} comment of the trainer",
        )

    def secrets(self):
        """What only the owner (and their team, for team work) may read."""
        return [
            self.owner.display_name,
            f"{WORD} answer of the owner",
            f"{WORD.lower()}-map.pdf",
            f"{WORD} feedback for the owner",
            f"{WORD.lower()}-feedback.pdf",
            f"{WORD} team text",
            f"{WORD.lower()}-team",
            f"{WORD} notes",
            f"{WORD} goal",
            f"{WORD} action",
            f"{WORD} comment of the trainer",
        ]

    def cohort_secrets(self):
        """What the edition's participants and trainers may read, and no one else."""
        return [self.essay.title, f"{WORD} brief for the cohort", self.case.title]


@pytest.fixture
def work(edition, module, skill, trainer, store):
    return Work(edition, module, skill, trainer, store)


# The data export


def test_the_export_holds_the_learners_work_feedback_and_plan(client, work, trainer):
    client.force_login(work.owner)

    data = client.get(reverse("accounts:export")).json()

    essay, case = sorted(data["submissions"], key=lambda s: s["assignment"] != work.essay.title)
    assert essay["assignment"] == work.essay.title
    assert essay["edition"] == "Coaching edition" and essay["team"] is None
    [version] = essay["versions"]
    assert version["number"] == 1 and version["late"] is False
    assert version["text"] == f"{WORD} answer of the owner"
    assert version["written_by_you"] is True
    assert version["files"] == [
        {"name": "quokka-map.pdf", "content_type": "application/pdf", "size": 15}
    ]
    [feedback] = essay["feedback"]
    assert feedback["comments"] == f"{WORD} feedback for the owner"
    assert feedback["trainer"] == trainer.display_name
    assert feedback["version"] == 1 and feedback["file_name"] == "quokka-feedback.pdf"
    assert feedback["created_at"]
    [score] = feedback["scores"]
    assert score["level"] == 2 and score["of"] == 3
    assert score["skill"] == work.essay.criteria.get().skill.name
    # Team work: every version of the team's, saying which the learner wrote.
    assert case["team"] == "Blue team"
    assert [(v["number"], v["written_by_you"]) for v in case["versions"]] == [(1, False), (2, True)]
    assert case["versions"][0]["files"][0]["name"] == "quokka-team.pdf"

    [plan] = data["action_plans"]
    assert plan["edition"] == "Coaching edition" and plan["version"] == 2
    assert plan["notes"] == f"{WORD} notes of the plan" and plan["shared_with_trainers"] is True
    assert plan["goals"] == [
        {"title": f"{WORD} goal", "skill": work.essay.criteria.get().skill.name}
    ]
    assert plan["actions"] == [
        {
            "title": f"{WORD} action",
            "goal": f"{WORD} goal",
            "owner": "Olga",
            "due_on": "2026-09-01",
            "status": "planned",
        }
    ]
    assert plan["kpis"][0]["name"] == "Members" and plan["kpis"][0]["unit"] == "firms"
    assert [v["content"]["notes"] for v in plan["versions"]] == [
        f"{WORD} notes, version 1",
        f"{WORD} notes, version 2",
    ]
    [comment] = plan["comments"]
    assert comment["body"] == f"{WORD} comment of the trainer"
    assert comment["author"] == trainer.display_name


def test_a_teammate_exports_the_team_work_but_not_the_owners_own(client, work):
    client.force_login(work.teammate)

    data = client.get(reverse("accounts:export")).json()

    [case] = data["submissions"]
    assert case["assignment"] == work.case.title
    assert [(v["number"], v["written_by_you"]) for v in case["versions"]] == [(1, True), (2, False)]
    assert data["action_plans"] == []
    assert f"{WORD} answer of the owner" not in str(data)


# Deleting an account


def delete_account(client, user):
    client.force_login(user)
    return client.post(reverse("accounts:delete"), {"password": PASSWORD})


def test_deleting_an_account_removes_the_learners_own_work_and_files(
    client, work, django_capture_on_commit_callbacks
):
    own_files = [work.file.file.name, work.feedback.file.name]
    team_files = [work.team_file.file.name, work.owners_team_file.file.name]
    assert all(private_storage().exists(name) for name in own_files + team_files)

    with django_capture_on_commit_callbacks(execute=True):
        response = delete_account(client, work.owner)

    assert response.status_code == 302
    assert not User.objects.filter(pk=work.owner.pk).exists()
    assert not Submission.objects.filter(pk=work.submission.pk).exists()
    assert not Feedback.objects.filter(pk=work.feedback.pk).exists()
    assert not SubmissionFile.objects.filter(pk=work.file.pk).exists()
    assert not ActionPlan.objects.filter(pk=work.plan.pk).exists()
    assert not PlanVersion.objects.exists() and not PlanComment.objects.exists()
    assert not any(private_storage().exists(name) for name in own_files)
    # The team's work stays, files included.
    assert all(private_storage().exists(name) for name in team_files)


def test_deleting_a_team_member_keeps_the_teams_versions_without_their_name(
    client, work, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client, work.owner)

    versions = SubmissionVersion.objects.filter(submission=work.team_submission).order_by("number")
    assert [(v.number, v.author) for v in versions] == [(1, work.teammate), (2, None)]
    assert [v.text for v in versions] == [f"{WORD} team text by Tom", f"{WORD} team text by Olga"]
    assert SubmissionFile.objects.filter(version__submission=work.team_submission).count() == 2
    assert list(work.team.members.values_list("learner", flat=True)) == [work.teammate.pk]

    client.force_login(work.teammate)
    page = client.get(reverse("coaching:assignment", args=[work.case.pk]))
    assert page.status_code == 200
    assert f"{WORD} team text by Olga" in page.content.decode()
    assert work.owner.display_name not in page.content.decode()


def test_a_deleted_files_row_deletes_its_stored_file_once_committed(
    work, django_capture_on_commit_callbacks
):
    name, pk = work.file.file.name, work.file.pk

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                work.file.delete()
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert callbacks == [] and private_storage().exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        SubmissionFile.objects.filter(pk=pk).delete()
    assert not private_storage().exists(name)


def test_deleting_a_submission_deletes_its_files_and_its_feedbacks(
    work, django_capture_on_commit_callbacks
):
    names = [work.file.file.name, work.feedback.file.name]

    with django_capture_on_commit_callbacks(execute=True):
        work.submission.delete()

    assert not any(private_storage().exists(name) for name in names)


# Guessing addresses


@pytest.fixture
def elsewhere(home):
    """Another edition, with a participant and a trainer of its own."""
    edition = EditionPageFactory(parent=home, title="Elsewhere edition")
    CourseWithModulesFactory(parent=edition, modules=1)
    return edition


def _visitor(kind, edition, elsewhere):
    if kind == "anonymous":
        return None
    if kind == "classmate":
        return accepted_participant(edition).applicant
    if kind == "learner of another edition":
        return accepted_participant(elsewhere).applicant
    return trainer_of(elsewhere, UserFactory(role=User.Role.TRAINER))


VISITORS = ["anonymous", "classmate", "learner of another edition", "trainer of another edition"]

# Each address with the owner's ids, and what it may answer: "refused" (404, or the sign-in page),
# "per visitor" (the visitor's own, e.g. their own plan of that edition, or refused), "cohort"
# (the assignment's page: its participants may read it, never the owner's work), "listing" (an
# admin list: refused, or without the owner's work).
ADDRESSES = {
    "assignment page": ("cohort", lambda w: reverse("coaching:assignment", args=[w.essay.pk])),
    "team assignment page": ("cohort", lambda w: reverse("coaching:assignment", args=[w.case.pk])),
    "submission file": (
        "refused",
        lambda w: reverse("coaching:submission_file", args=[w.file.pk]),
    ),
    "team submission file": (
        "refused",
        lambda w: reverse("coaching:submission_file", args=[w.team_file.pk]),
    ),
    "feedback file": ("refused", lambda w: reverse("coaching:feedback_file", args=[w.feedback.pk])),
    "plan": ("per visitor", lambda w: reverse("coaching:plan", args=[w.edition.pk])),
    "plan versions": (
        "per visitor",
        lambda w: reverse("coaching:plan_versions", args=[w.edition.pk]) + "?a=1&b=2",
    ),
    "plan pdf": ("per visitor", lambda w: reverse("coaching:plan_pdf", args=[w.edition.pk])),
    "grading": ("listing", lambda w: reverse("coaching_grading")),
    "grading of the edition": (
        "listing",
        lambda w: reverse("coaching_grading") + f"?edition={w.edition.pk}&state=reviewed",
    ),
    "grading of the assignment": (
        "listing",
        lambda w: reverse("coaching_grading") + f"?assignment={w.essay.pk}",
    ),
    "review": ("refused", lambda w: reverse("coaching_review", args=[w.submission.pk])),
    "team review": ("refused", lambda w: reverse("coaching_review", args=[w.team_submission.pk])),
    "shared plans": ("listing", lambda w: reverse("coaching_plans")),
    "shared plan": ("refused", lambda w: reverse("coaching_plan", args=[w.plan.pk])),
    "shared plan pdf": ("refused", lambda w: reverse("coaching_plan_pdf_admin", args=[w.plan.pk])),
    "submissions report": ("listing", lambda w: reverse("coaching_submissions_report")),
    "assignments admin": ("listing", lambda w: "/admin/coaching/assignments/"),
    "assignment edit": ("refused", lambda w: f"/admin/coaching/assignments/edit/{w.essay.pk}/"),
    "teams admin": ("listing", lambda w: "/admin/coaching/teams/"),
    "team edit": ("refused", lambda w: f"/admin/coaching/teams/edit/{w.team.pk}/"),
}


def _text(response):
    """The answer's text; a PDF's as a PDF reader reads it (its words are drawn in an embedded
    font, not legible in the file's bytes), so that its words can be looked for."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"%PDF"):
        return pdf_text(body)
    return body.decode(errors="replace")


def _is_refusal(response):
    """404, or a redirect to a sign-in page (the site's or the admin's), or to the admin's home
    (Wagtail's answer to someone in the admin without the permission a view asks for)."""
    if response.status_code == 404:
        return True
    return response.status_code == 302 and (
        "login" in response["Location"] or response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("address", list(ADDRESSES))
def test_nobody_outside_the_team_reaches_someone_elses_work_by_its_address(
    client, edition, elsewhere, work, visitor, address
):
    kind, url = ADDRESSES[address]
    url = url(work)
    user = _visitor(visitor, edition, elsewhere)
    if user:
        client.force_login(user)

    response = client.get(url)

    assert response.status_code < 500, (url, response.status_code)
    if visitor == "anonymous":
        assert _is_refusal(response), (url, response.status_code)
        return
    secrets = work.secrets()
    if not (visitor == "classmate" and kind == "cohort"):
        secrets += work.cohort_secrets()
    if kind == "refused" or (kind == "cohort" and visitor != "classmate"):
        assert _is_refusal(response), (url, response.status_code)
    else:
        leaked = [secret for secret in secrets if secret in _text(response)]
        assert not leaked, (url, response.status_code, leaked)


@pytest.mark.parametrize("visitor", VISITORS)
def test_posting_to_someone_elses_addresses_changes_nothing_of_theirs(
    client, edition, elsewhere, work, visitor
):
    user = _visitor(visitor, edition, elsewhere)
    if user:
        client.force_login(user)
    plan_before = ActionPlan.objects.values().get(pk=work.plan.pk)

    answers = [
        client.post(reverse("coaching:assignment", args=[work.essay.pk]), {"hand_in-text": "Mine"}),
        client.post(reverse("coaching:plan_share", args=[work.edition.pk])),
        client.post(reverse("coaching:plan", args=[work.edition.pk]), {"notes": "Mine"}),
        client.post(reverse("coaching_review", args=[work.submission.pk]), {"comments": "Hi"}),
        client.post(reverse("coaching_plan", args=[work.plan.pk]), {"body": "Hi"}),
    ]

    assert all(answer.status_code < 500 for answer in answers), [a.status_code for a in answers]
    assert ActionPlan.objects.values().get(pk=work.plan.pk) == plan_before
    assert work.submission.versions.count() == 1
    assert work.submission.feedback.count() == 1
    assert PlanComment.objects.filter(plan=work.plan).count() == 1


def test_the_owner_and_their_teammate_do_reach_the_work(client, edition, work):
    """The same addresses answer those the work belongs to: the refusals above are not a view
    refusing everyone."""
    client.force_login(work.owner)
    assert client.get(reverse("coaching:submission_file", args=[work.file.pk])).status_code == 200
    assert client.get(reverse("coaching:feedback_file", args=[work.feedback.pk])).status_code == 200
    page = client.get(reverse("coaching:assignment", args=[work.essay.pk]))
    assert f"{WORD} answer of the owner" in page.content.decode()
    # Their plan's PDF says what their plan says, as the checks above read it.
    assert f"{WORD} goal" in _text(client.get(reverse("coaching:plan_pdf", args=[edition.pk])))
    client.force_login(work.teammate)
    download = client.get(reverse("coaching:submission_file", args=[work.owners_team_file.pk]))
    assert download.status_code == 200
    assert client.get(reverse("coaching:submission_file", args=[work.file.pk])).status_code == 404
    staff = SuperuserFactory()
    client.force_login(staff)
    assert client.get(reverse("coaching_review", args=[work.submission.pk])).status_code == 200
