"""A trainer grades in the admin (coaching.grading): the grading list shows the work of their own
editions, to review first and oldest first, filtered by edition, assignment and state; the review
page shows every version and takes their feedback, or says plainly why it did not."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from coaching.feedback import give_feedback
from coaching.models import Feedback, RubricScore, Submission, SubmissionVersion
from lms.accounts.models import User
from tests.factories import (
    AssignmentFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    EditorFactory,
    ModeratorFactory,
    UserFactory,
    accepted_participant,
    handed_in,
    team_of,
    trainer_of,
)

pytestmark = pytest.mark.django_db

GRADING = "/admin/coaching/grading/"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def review_url(submission):
    return reverse("coaching_review", args=[submission.pk])


def listed(response):
    """Whose work the grading list shows, in its order."""
    assert response.status_code == 200
    return [str(s.learner or s.team) for s in response.context["object_list"]]


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


@pytest.fixture
def submission(assignment, participant):
    return handed_in(assignment, participant, text="Our map: the region, the university.")


@pytest.fixture
def other_edition(home):
    """Another edition, with its own trainer and a participant's work."""
    edition = EditionPageFactory(parent=home, title="Other edition", slug="other-edition")
    course = CourseWithModulesFactory(parent=edition, title="Other course", modules=1)
    learner = UserFactory(display_name="Oscar Other")
    accepted_participant(edition, applicant=learner)
    work = AssignmentFactory(page=course.get_children().first(), title="Other homework")
    other_trainer = trainer_of(edition, UserFactory(display_name="Otto Trainer", role="trainer"))
    return {"submission": handed_in(work, learner), "trainer": other_trainer, "edition": edition}


def scored(assignment, level=2):
    return {f"criterion-{c.pk}": str(level) for c in assignment.criteria.all()}


def feedback_form(submission, version=1, **changes):
    data = {
        "version": str(version),
        "comments": "Clear; now name the funders.",
        "outcome": Feedback.Outcome.REVIEWED,
        **scored(submission.assignment),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# The grading list


def test_a_trainer_sees_only_their_editions_work_and_staff_see_all(
    client, submission, trainer, other_edition
):
    client.force_login(trainer)
    assert listed(client.get(GRADING)) == ["Petra Participant"]

    client.force_login(other_edition["trainer"])
    assert listed(client.get(GRADING)) == ["Oscar Other"]

    client.force_login(ModeratorFactory())
    assert set(listed(client.get(GRADING))) == {"Petra Participant", "Oscar Other"}


def test_the_list_shows_what_a_trainer_needs_to_pick_the_work(client, submission, trainer):
    client.force_login(trainer)

    page = client.get(GRADING).content.decode()

    for shown in ("Petra Participant", "Stakeholder map", "Coaching edition", "To review"):
        assert shown in page
    assert review_url(submission) in page
    assert "<caption" in page


def test_team_work_is_listed_by_its_team(client, edition, module, participant, trainer):
    partner = UserFactory(display_name="Paul Partner")
    accepted_participant(edition, applicant=partner)
    team = team_of(edition, participant, partner, name="North Sea team")
    handed_in(AssignmentFactory(page=module, work="team"), partner, team=team)
    client.force_login(trainer)

    response = client.get(GRADING)

    assert "North Sea team (team)" in response.content.decode()
    assert "Petra Participant" not in response.content.decode()


def test_grading_is_in_the_menu_of_trainers_and_staff_only(client, trainer):
    client.force_login(trainer)
    assert GRADING in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(ModeratorFactory())
    assert GRADING in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(EditorFactory())
    assert GRADING not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(GRADING).status_code == 302


def test_a_learner_does_not_reach_the_grading_views(client, submission, participant):
    client.force_login(participant)

    assert client.get(GRADING).status_code == 302
    assert client.get(review_url(submission)).status_code == 302
    assert not Feedback.objects.exists()


def test_work_to_review_comes_first_then_the_oldest(client, edition, assignment, trainer):
    people = {}
    for name in ("Reviewed long ago", "New", "Old", "Invited again"):
        people[name] = UserFactory(display_name=name)
        accepted_participant(edition, applicant=people[name])
    reviewed = handed_in(assignment, people["Reviewed long ago"], when=ago(days=9))
    handed_in(assignment, people["New"], when=ago(hours=1))
    handed_in(assignment, people["Old"], when=ago(days=3))
    invited = handed_in(assignment, people["Invited again"], when=ago(days=8))
    Submission.objects.filter(pk=reviewed.pk).update(status=Submission.Status.REVIEWED)
    Submission.objects.filter(pk=invited.pk).update(status=Submission.Status.RESUBMIT)
    client.force_login(trainer)

    assert listed(client.get(GRADING)) == [
        "Old",
        "New",
        "Reviewed long ago",
        "Invited again",
    ]


def test_the_list_filters_by_edition_assignment_and_state(
    client, edition, module, assignment, participant, other_edition
):
    late_one = UserFactory(display_name="Lena Late")
    accepted_participant(edition, applicant=late_one)
    handed_in(assignment, participant)
    late = handed_in(
        AssignmentFactory(page=module, title="Funding plan", due_at=ago(days=2)), late_one
    )
    Submission.objects.filter(pk=late.pk).update(status=Submission.Status.REVIEWED)
    client.force_login(ModeratorFactory())

    def shown(**query):
        return set(listed(client.get(GRADING, query)))

    assert shown(edition=edition.pk) == {"Petra Participant", "Lena Late"}
    assert shown(edition=other_edition["edition"].pk) == {"Oscar Other"}
    assert shown(assignment=assignment.pk) == {"Petra Participant"}
    assert shown(state="to_review") == {"Petra Participant", "Oscar Other"}
    assert shown(state="reviewed") == {"Lena Late"}
    assert shown(state="late") == {"Lena Late"}
    assert shown(edition=edition.pk, state="to_review") == {"Petra Participant"}
    # The results alone, as the filters refresh them.
    results = client.get(reverse("coaching_grading_results"), {"state": "late"})
    assert "Lena Late" in results.content.decode()
    assert "Petra Participant" not in results.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"state": "urgent"},
        {"edition": "abc"},
        {"edition": "99999999999999999999999"},
        {"assignment": "-1"},
        {"assignment": "99999999999999999999999"},
    ],
)
def test_a_filter_the_list_does_not_know_is_said_plainly(client, submission, trainer, query):
    client.force_login(trainer)

    response = client.get(GRADING, query)

    assert response.status_code == 200
    assert "These filters were not understood" in response.content.decode()


def test_a_trainer_cannot_filter_to_another_editions_work(client, submission, other_edition):
    client.force_login(other_edition["trainer"])

    response = client.get(GRADING, {"edition": submission.assignment.edition.pk})

    assert "These filters were not understood" in response.content.decode()
    assert "Petra Participant" not in response.content.decode()


def crowd_of_submissions(assignment, size, start=0):
    """`size` learners' work on `assignment`, made in bulk."""
    learners = User.objects.bulk_create(
        User(email=f"crowd{start + i}@clusters.example.org", display_name=f"Crowd {start + i}")
        for i in range(size)
    )
    work = Submission.objects.bulk_create(
        Submission(
            assignment=assignment,
            learner=learner,
            version_count=1,
            late=i % 3 == 0,
            submitted_at=ago(minutes=i),
            status=Submission.Status.REVIEWED if i % 2 else Submission.Status.SUBMITTED,
        )
        for i, learner in enumerate(learners)
    )
    SubmissionVersion.objects.bulk_create(
        SubmissionVersion(submission=submission, number=1, text="Work.") for submission in work
    )


def test_the_list_runs_the_same_queries_for_5_or_200_submissions(
    client, assignment, trainer, django_assert_num_queries
):
    crowd_of_submissions(assignment, 5)
    client.force_login(trainer)
    client.get(GRADING)  # Fills the caches every request then finds filled.
    with CaptureQueriesContext(connection) as few:
        assert client.get(GRADING).status_code == 200

    crowd_of_submissions(assignment, 195, start=5)
    with django_assert_num_queries(len(few)):
        response = client.get(GRADING)
    assert len(response.context["object_list"]) == 50


# The review page


def test_the_review_page_shows_the_work_the_brief_and_the_rubric(
    client, submission, trainer, assignment
):
    files = SubmissionVersion.objects.get(submission=submission).files
    stored = files.create(name="map.pdf", content_type="application/pdf", size=len(PDF))
    stored.file.save("map.pdf", SimpleUploadedFile("map.pdf", PDF))
    client.force_login(trainer)

    page = client.get(review_url(submission)).content.decode()

    assert "Our map: the region, the university." in page
    assert reverse("coaching:submission_file", args=[stored.pk]) in page
    assert "Map your cluster" in page  # the brief
    for criterion in assignment.criteria.all():
        assert criterion.title in page
        assert criterion.level_1 in page
    assert "Your feedback on version 1" in page


def test_a_trainer_of_another_edition_finds_no_such_submission(client, submission, other_edition):
    client.force_login(other_edition["trainer"])

    assert client.get(review_url(submission)).status_code == 404
    response = client.post(review_url(submission), feedback_form(submission))
    assert response.status_code == 404
    assert not Feedback.objects.exists()


def test_a_submission_that_does_not_exist_is_not_found(client, trainer):
    client.force_login(trainer)

    assert client.get("/admin/coaching/submissions/999999/").status_code == 404
    assert client.get("/admin/coaching/submissions/99999999999999999999999/").status_code == 404


def test_the_review_page_answers_only_get_and_post(client, submission, trainer):
    client.force_login(trainer)

    assert client.put(review_url(submission)).status_code == 405
    assert client.delete(review_url(submission)).status_code == 405


def test_feedback_saved_leads_back_to_the_list_with_a_message(
    client, submission, trainer, participant, mailoutbox
):
    mailoutbox.clear()
    client.force_login(trainer)

    response = client.post(review_url(submission), feedback_form(submission), follow=True)

    assert response.redirect_chain == [(GRADING, 302)]
    assert "Feedback on version 1 of “Stakeholder map” by Petra Participant is saved" in (
        response.content.decode()
    )
    feedback = Feedback.objects.get()
    assert feedback.trainer == trainer
    assert set(feedback.scores.values_list("level", flat=True)) == {2}
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REVIEWED
    assert [email.to for email in mailoutbox] == [[participant.email]]
    # Reviewed, the work now has no form, only its feedback.
    page = client.get(review_url(submission)).content.decode()
    assert "Clear; now name the funders." in page
    assert "Your feedback on version" not in page


def assert_refused(response, message, submission):
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Feedback.objects.exists()
    assert not RubricScore.objects.exists()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED


def test_feedback_on_a_version_overtaken_since_comes_back_with_the_newer_one(
    client, submission, trainer
):
    client.force_login(trainer)
    SubmissionVersion.objects.create(submission=submission, number=2, text="A better map.")
    Submission.objects.filter(pk=submission.pk).update(version_count=2)

    response = client.post(review_url(submission), feedback_form(submission, version=1))

    assert_refused(response, "Version 2 was handed in after you opened version 1", submission)
    page = response.content.decode()
    assert "A better map." in page
    # The comments are kept, and the form now gives feedback on version 2.
    assert "Clear; now name the funders." in page
    assert 'name="version" value="2"' in page


def test_feedback_must_score_every_criterion_within_its_levels(
    client, submission, trainer, assignment
):
    first, second = assignment.criteria.all()
    client.force_login(trainer)

    missing = client.post(
        review_url(submission), feedback_form(submission, **{f"criterion-{second.pk}": None})
    )
    too_high = client.post(
        review_url(submission), feedback_form(submission, **{f"criterion-{first.pk}": "4"})
    )

    assert_refused(missing, "Choose the level reached.", submission)
    assert_refused(
        too_high, "Select a valid choice. 4 is not one of the available choices.", submission
    )


def test_a_hostile_feedback_file_is_refused_with_its_name(client, submission, trainer):
    client.force_login(trainer)
    page = SimpleUploadedFile("notes.pdf", b"<html><script>alert(1)</script></html>")

    response = client.post(review_url(submission), {**feedback_form(submission), "file": page})

    assert_refused(response, "“notes.pdf” is not a file type we accept", submission)


def test_feedback_twice_on_one_version_is_refused(client, submission, trainer, assignment):
    give_feedback(
        submission,
        submission.versions.get(),
        trainer,
        "First.",
        {c: 1 for c in assignment.criteria.all()},
        outcome=Feedback.Outcome.RESUBMIT,
    )
    client.force_login(trainer)

    response = client.post(review_url(submission), feedback_form(submission, comments="Again."))

    assert response.status_code == 200
    assert "Version 1 already has feedback" in response.content.decode()
    assert list(Feedback.objects.values_list("comments", flat=True)) == ["First."]
