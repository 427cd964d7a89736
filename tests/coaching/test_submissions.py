"""A participant hands in work on the assignment's page, alone or for their team, and may hand
in new versions until the due date or the review; every version is kept, and its files go only
to its authors and their trainers."""

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.db.models import QuerySet
from django.db.utils import DEFAULT_DB_ALIAS
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from coaching import submissions
from coaching.models import (
    Assignment,
    Feedback,
    RubricScore,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)
from coaching.submissions import SubmissionRefused
from tests.factories import (
    AssignmentFactory,
    EditionPageFactory,
    SkillFactory,
    SuperuserFactory,
    UserFactory,
    accepted_participant,
    handed_in,
    team_of,
    trainer_of,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_files(monkeypatch, tmp_path):
    """Submitted and feedback files stored in a folder of the test's own."""
    storage = FileSystemStorage(location=tmp_path / "private", base_url=None)
    for model in (SubmissionFile, Feedback):
        monkeypatch.setattr(model._meta.get_field("file"), "storage", storage)
    return storage


@pytest.fixture
def assignment(module, skill):
    return AssignmentFactory(page=module, title="Stakeholder map", criteria=[skill])


@pytest.fixture
def other_skill(skill):
    return SkillFactory()


@pytest.fixture
def team_assignment(module):
    return AssignmentFactory(page=module, title="Case study", work=Assignment.Work.TEAM)


def days(n):
    return datetime.timedelta(days=n)


def pdf(name="essay.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def page_of(assignment):
    return reverse("coaching:assignment", args=[assignment.pk])


def post(client, assignment, text="My answer.", files=()):
    return client.post(
        page_of(assignment), {"hand_in-text": text, "hand_in-files": list(files)}, follow=True
    )


def give_feedback(submission, trainer, outcome=Feedback.Outcome.REVIEWED, levels=None, file=None):
    """Feedback written directly, as the grading view (coaching.feedback) would leave it."""
    version = submission.versions.order_by("-number").first()
    feedback = Feedback.objects.create(
        submission=submission,
        version=version,
        trainer=trainer,
        comments="A clear map. Name the regional agency's role too.",
        outcome=outcome,
    )
    for criterion, level in (levels or {}).items():
        RubricScore.objects.create(feedback=feedback, criterion=criterion, level=level)
    if file:
        feedback.file.save("feedback.pdf", ContentFile(file), save=False)
        feedback.file_name = "Comments on your map.pdf"
        feedback.file_content_type = "application/pdf"
        feedback.save()
    Submission.objects.filter(pk=submission.pk).update(status=outcome, reviewed_at=timezone.now())
    return feedback


# Handing in


def test_a_participant_hands_in_text_and_a_file(client, participant, assignment):
    client.force_login(participant)

    response = post(client, assignment, files=[pdf("My map.pdf")])

    assert "Your version 1 is handed in." in response.content.decode()
    submission = Submission.objects.get()
    assert (submission.learner, submission.team) == (participant, None)
    assert (submission.version_count, submission.late, submission.status) == (1, False, "submitted")
    version = submission.versions.get()
    assert (version.number, version.text, version.author) == (1, "My answer.", participant)
    assert [(f.name, f.content_type, f.size) for f in version.files.all()] == [
        ("My map.pdf", "application/pdf", len(PDF))
    ]
    page = response.content.decode()
    assert "Version 1" in page
    assert "My map.pdf" in page


def test_the_page_shows_the_brief_the_due_date_in_its_zone_and_the_rubric(
    client, participant, module, skill
):
    assignment = AssignmentFactory(
        page=module,
        criteria=[skill],
        due_at=datetime.datetime(2031, 5, 20, 14, 0, tzinfo=datetime.UTC),
        time_zone="Europe/Sofia",
    )
    client.force_login(participant)

    page = client.get(page_of(assignment)).content.decode()

    assert "Map your cluster's stakeholders" in page
    assert "Tuesday 20 May 2031, 17:00 EEST" in page
    assert "Individual work" in page
    assert f"Uses {skill.name}" in page
    assert "Applies it on their own" in page
    assert 'enctype="multipart/form-data"' in page


def test_a_first_version_after_the_due_date_is_taken_and_marked_late(client, participant, module):
    assignment = AssignmentFactory(page=module, due_at=timezone.now() - days(1))
    client.force_login(participant)

    page = client.get(page_of(assignment)).content.decode()
    assert "this version will be marked late" in page
    response = post(client, assignment)

    assert "It is marked late" in response.content.decode()
    submission = Submission.objects.get()
    assert submission.late
    assert submission.versions.get().late


def test_new_versions_are_taken_until_the_due_date_and_every_version_is_kept(
    participant, assignment
):
    submissions.hand_in(assignment, participant, "First draft.", [])
    version = submissions.hand_in(assignment, participant, "Second draft.", [pdf()])

    assert version.number == 2
    submission = Submission.objects.get()
    assert submission.version_count == 2
    assert list(submission.versions.values_list("number", "text")) == [
        (1, "First draft."),
        (2, "Second draft."),
    ]
    with pytest.raises(SubmissionRefused, match="The due date has passed"):
        submissions.hand_in(assignment, participant, "Third.", [], now=assignment.due_at + days(1))
    assert submission.versions.count() == 2


def test_after_the_due_date_the_page_says_why_no_new_version_is_taken(client, participant, module):
    assignment = AssignmentFactory(page=module, due_at=timezone.now() - days(2))
    handed_in(assignment, participant, when=timezone.now() - days(3))
    client.force_login(participant)

    page = client.get(page_of(assignment)).content.decode()
    response = post(client, assignment, text="Too late.")

    assert "The due date has passed: a new version can only be handed in if your trainer" in page
    assert '<form method="post" enctype' not in page
    assert "The due date has passed" in response.content.decode()
    assert SubmissionVersion.objects.count() == 1


def test_reviewed_work_takes_no_new_version(participant, trainer, assignment):
    submission = handed_in(assignment, participant)
    give_feedback(submission, trainer, Feedback.Outcome.REVIEWED)

    with pytest.raises(SubmissionRefused, match="This work is reviewed"):
        submissions.hand_in(assignment, participant, "One more thing.", [])
    assert submission.versions.count() == 1


def test_a_new_version_invited_by_the_trainer_is_taken_after_the_due_date(
    client, participant, trainer, module
):
    assignment = AssignmentFactory(page=module, due_at=timezone.now() - days(1))
    submission = handed_in(assignment, participant, when=timezone.now() - days(2))
    give_feedback(submission, trainer, Feedback.Outcome.RESUBMIT)
    client.force_login(participant)

    response = post(client, assignment, text="Improved, as you asked.")

    assert "Your version 2 is handed in. It is marked late" in response.content.decode()
    submission.refresh_from_db()
    assert (submission.status, submission.version_count, submission.late) == ("submitted", 2, True)
    assert [v.late for v in submission.versions.order_by("number")] == [False, True]


def test_what_may_be_handed_in_follows_the_assignment(participant, module):
    text_only = AssignmentFactory(page=module, accepts=Assignment.Accepts.TEXT)
    files_only = AssignmentFactory(page=module, accepts=Assignment.Accepts.FILES)

    with pytest.raises(SubmissionRefused, match="takes a text answer only"):
        submissions.hand_in(text_only, participant, "Text.", [pdf()])
    with pytest.raises(SubmissionRefused, match="takes files only"):
        submissions.hand_in(files_only, participant, "Text.", [pdf()])
    with pytest.raises(SubmissionRefused, match="Attach at least one file"):
        submissions.hand_in(files_only, participant, "", [])
    with pytest.raises(SubmissionRefused, match="Write your answer before"):
        submissions.hand_in(text_only, participant, "   ", [])
    assert not Submission.objects.exists()


def test_an_empty_hand_in_is_a_form_error(client, participant, assignment):
    client.force_login(participant)

    response = client.post(page_of(assignment), {"hand_in-text": ""})

    assert response.status_code == 400
    assert "Write your answer or attach a file before handing in." in response.content.decode()
    assert not Submission.objects.exists()


def test_at_most_five_files_go_with_a_version(client, participant, assignment):
    client.force_login(participant)

    response = client.post(
        page_of(assignment),
        {"hand_in-text": "", "hand_in-files": [pdf(f"part {n}.pdf") for n in range(6)]},
    )

    assert response.status_code == 400
    assert "Attach at most 5 files to a version." in response.content.decode()
    assert not SubmissionFile.objects.exists()


def test_two_first_hand_ins_at_once_make_two_versions_of_one_submission(
    monkeypatch, participant, assignment
):
    """The second hand-in looked for a submission before the first one created it: the
    database's one-submission-per-learner refuses its insert, and it becomes version 2."""
    handed_in(assignment, participant, text="From the other tab.")
    original_first = QuerySet.first
    missed = []

    def first_missing_the_other_tab(queryset):
        if queryset.model is Submission and not missed:
            missed.append(True)
            return None
        return original_first(queryset)

    monkeypatch.setattr(QuerySet, "first", first_missing_the_other_tab)

    version = submissions.hand_in(assignment, participant, "From this tab.", [])

    assert missed
    assert version.number == 2
    assert Submission.objects.get().version_count == 2


# Teams


def test_any_member_updates_the_teams_submission(client, edition, participant, team_assignment):
    colleague = accepted_participant(edition).applicant
    team = team_of(edition, participant, colleague, name="The Navigators")
    client.force_login(participant)
    post(client, team_assignment, text="Our first take.")

    client.force_login(colleague)
    page = client.get(page_of(team_assignment)).content.decode()
    response = post(client, team_assignment, text="Our second take.")

    assert "Your team's work" in page
    assert "Our first take." in page
    assert "Your team&#x27;s version 2 is handed in." in response.content.decode()
    submission = Submission.objects.get()
    assert (submission.team, submission.learner) == (team, None)
    assert [(v.number, v.author) for v in submission.versions.order_by("number")] == [
        (1, participant),
        (2, colleague),
    ]


def test_team_work_needs_a_team(client, participant, team_assignment):
    client.force_login(participant)

    page = client.get(page_of(team_assignment)).content.decode()

    assert "you are not in a team of this edition yet" in page
    with pytest.raises(SubmissionRefused, match="not in a team of this edition"):
        submissions.hand_in(team_assignment, participant, "Alone.", [])


# Who may see the page


def test_the_assignment_page_is_for_the_editions_people_only(client, home, edition, assignment):
    other_edition = EditionPageFactory(parent=home, title="Other", slug="other")
    visitors = {
        "another learner": (UserFactory(), 404),
        "a participant of another edition": (accepted_participant(other_edition).applicant, 404),
        "a trainer of another edition": (trainer_of(other_edition), 404),
        "the edition's trainer": (trainer_of(edition), 200),
        "staff": (SuperuserFactory(), 200),
    }
    for who, (user, status) in visitors.items():
        client.force_login(user)
        assert client.get(page_of(assignment)).status_code == status, who
    client.logout()
    assert client.get(page_of(assignment)).status_code == 302
    assert client.get(reverse("coaching:assignment", args=[10**20])).status_code == 302


def test_a_non_participant_cannot_hand_in(client, assignment):
    outsider = UserFactory()
    client.force_login(outsider)

    assert client.post(page_of(assignment), {"hand_in-text": "Let me in."}).status_code == 404
    with pytest.raises(SubmissionRefused, match="Only the edition's participants"):
        submissions.hand_in(assignment, outsider, "Let me in.", [])
    assert not Submission.objects.exists()


def test_a_trainer_sees_the_page_without_the_form(client, trainer, assignment):
    client.force_login(trainer)

    page = client.get(page_of(assignment)).content.decode()
    response = client.post(page_of(assignment), {"hand_in-text": "Trainer's answer."})

    assert "The edition's participants hand in their work on this page." in page
    assert '<form method="post" enctype' not in page
    assert response.status_code == 302
    assert not Submission.objects.exists()


def test_other_methods_are_not_allowed(client, participant, assignment):
    client.force_login(participant)

    assert client.put(page_of(assignment)).status_code == 405
    assert client.delete(page_of(assignment)).status_code == 405


# Feedback on the page


def test_the_feedback_shows_with_its_rubric_levels_and_file(
    client, participant, trainer, assignment
):
    submission = handed_in(assignment, participant)
    criterion = assignment.criteria.get()
    feedback = give_feedback(submission, trainer, levels={criterion: 2}, file=PDF)
    client.force_login(participant)

    page = client.get(page_of(assignment)).content.decode()

    assert "Feedback from Tessa Trainer" in page
    assert "Name the regional agency&#x27;s role too." in page
    assert "Level 2 of 3: Applies it with help" in page
    assert reverse("coaching:feedback_file", args=[feedback.pk]) in page
    assert "Comments on your map.pdf" in page
    assert "Reviewed" in page


def test_the_page_runs_the_same_queries_for_one_version_or_many(
    client, participant, trainer, module, skill, other_skill
):
    def queries_for(versions):
        assignment = AssignmentFactory(page=module, criteria=[skill, other_skill])
        for n in range(versions):
            version = submissions.hand_in(assignment, participant, f"Draft {n}.", [pdf(), pdf()])
            submission = version.submission
            feedback = Feedback.objects.create(
                submission=submission, version=version, trainer=trainer, comments="Go on."
            )
            for criterion in assignment.criteria.all():
                RubricScore.objects.create(feedback=feedback, criterion=criterion, level=2)
            Submission.objects.filter(pk=submission.pk).update(status="resubmit")
        with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as context:
            response = client.get(page_of(assignment))
        assert response.status_code == 200
        assert response.content.decode().count("Level 2 of 3") == versions * 2
        return len(context.captured_queries)

    client.force_login(participant)

    assert queries_for(1) == queries_for(4)


# Downloads


@pytest.fixture
def work(participant, edition, team_assignment):
    """A team's version with one file, and the people around it."""
    colleague = accepted_participant(edition).applicant
    team_of(edition, participant, colleague)
    version = submissions.hand_in(team_assignment, participant, "", [pdf("Our case.pdf")])
    return version


def test_the_author_downloads_their_file_as_an_attachment(client, participant, work):
    client.force_login(participant)

    response = client.get(reverse("coaching:submission_file", args=[work.files.get().pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="Our case.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Cache-Control"] == "private, no-store"


def test_files_go_to_the_team_and_its_trainers_and_to_nobody_else(
    client, home, edition, trainer, work
):
    other_edition = EditionPageFactory(parent=home, title="Other", slug="other")
    colleague = work.submission.team.members.exclude(learner=work.author).get().learner
    url = reverse("coaching:submission_file", args=[work.files.get().pk])
    visitors = {
        "a team member": (colleague, 200),
        "the edition's trainer": (trainer, 200),
        "staff": (SuperuserFactory(), 200),
        "another participant": (accepted_participant(edition).applicant, 404),
        "another learner": (UserFactory(), 404),
        "a trainer of another edition": (trainer_of(other_edition), 404),
    }
    for who, (user, status) in visitors.items():
        client.force_login(user)
        assert client.get(url).status_code == status, who
    client.logout()
    assert client.get(url).status_code == 404
    client.force_login(colleague)
    assert client.get(reverse("coaching:submission_file", args=[10**20])).status_code == 404


def test_a_feedback_file_goes_to_the_author_and_not_to_another_learner(
    client, edition, participant, trainer, assignment
):
    submission = handed_in(assignment, participant)
    feedback = give_feedback(submission, trainer, file=PDF)
    url = reverse("coaching:feedback_file", args=[feedback.pk])
    client.force_login(participant)

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Comments on your map.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    client.force_login(accepted_participant(edition).applicant)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_feedback_without_a_file_has_no_download(client, participant, trainer, assignment):
    feedback = give_feedback(handed_in(assignment, participant), trainer)
    client.force_login(participant)

    assert client.get(reverse("coaching:feedback_file", args=[feedback.pk])).status_code == 404


# On the module and course pages


def test_the_module_page_lists_the_participants_work(
    client, participant, trainer, module, assignment
):
    submission = handed_in(assignment, participant)
    give_feedback(submission, trainer, Feedback.Outcome.RESUBMIT)
    AssignmentFactory(page=module, title="Funding plan")
    client.force_login(participant)

    page = client.get(module.url).content.decode()

    assert 'id="assignments-heading"' in page
    assert page_of(assignment) in page
    assert "Feedback given: a new version is invited" in page
    assert "Feedback: A clear map." in page
    assert "Funding plan" in page
    assert "Not handed in" in page


def test_the_course_page_lists_its_own_assignments(client, participant, course):
    AssignmentFactory(page=course, title="Course reflection")
    client.force_login(participant)

    page = client.get(course.url).content.decode()

    assert "Course reflection" in page
    assert "Not handed in" in page


def test_the_module_page_shows_no_work_to_anonymous_visitors_or_other_learners(
    client, participant, module, assignment
):
    handed_in(assignment, participant)

    anonymous = client.get(module.url).content.decode()
    client.force_login(UserFactory())
    other = client.get(module.url).content.decode()

    for page in (anonymous, other):
        assert "assignments-heading" not in page
        assert page_of(assignment) not in page


def test_the_anonymous_copy_of_a_cached_module_page_holds_no_work(
    client, settings, participant, module, assignment
):
    settings.PAGE_CACHE_SECONDS = 600
    handed_in(assignment, participant)
    client.force_login(participant)
    assert "assignments-heading" in client.get(module.url).content.decode()

    client.logout()
    client.cookies.clear()
    first = client.get(module.url)
    second = client.get(module.url)

    assert second.get("X-Page-Cache") == "hit"
    for response in (first, second):
        assert "assignments-heading" not in response.content.decode()


def test_a_trainer_sees_the_assignments_of_the_page(client, trainer, module, assignment):
    client.force_login(trainer)

    page = client.get(module.url).content.decode()

    assert page_of(assignment) in page
    assert "Not handed in" not in page


def test_the_page_list_runs_the_same_queries_for_few_or_many_assignments(
    client, participant, module
):
    def queries_for(count):
        for n in range(count):
            assignment = AssignmentFactory(page=module, title=f"Homework {count}-{n}")
            handed_in(assignment, participant)
        with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as context:
            client.get(module.url)
        return len(context.captured_queries)

    client.force_login(participant)

    assert queries_for(1) == queries_for(5)
