"""A trainer gives feedback on a version of a submission (coaching.feedback): comments, a score on
every criterion of the rubric, perhaps a file; the learners are told by email. Feedback on a
version since overtaken, already reviewed, scored wrongly or with a hostile file is refused and
leaves nothing behind."""


from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from coaching.feedback import FeedbackRefused, give_feedback
from coaching.models import (
    Feedback,
    RubricCriterion,
    RubricScore,
    Submission,
    SubmissionVersion,
    private_storage,
)
from tests.concurrency import POSTGRESQL_ONLY, run_together
from tests.factories import (
    AssignmentFactory,
    SkillFactory,
    UserFactory,
    accepted_participant,
    handed_in,
    team_of,
    trainer_of,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf(name="annotated.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def submission(assignment, participant, mailoutbox):
    work = handed_in(assignment, participant, text="Our cluster's map.")
    mailoutbox.clear()  # The participant's acceptance, not what is tested here.
    return work


def full_scores(assignment, level=2):
    return {criterion: level for criterion in assignment.criteria.all()}


def feedback_files():
    try:
        return private_storage().listdir("feedback")[1]
    except FileNotFoundError:
        return []


def test_feedback_is_stored_with_its_scores_and_file_and_the_learner_is_told(
    submission, assignment, trainer, participant, mailoutbox
):
    version = submission.versions.get()
    scores = full_scores(assignment)
    first = assignment.criteria.first()
    scores[first] = 3

    feedback = give_feedback(
        submission, version, trainer, "A clear map; name the funders.", scores, file=pdf()
    )

    feedback.refresh_from_db()
    assert feedback.version == version and feedback.trainer == trainer
    assert feedback.comments == "A clear map; name the funders."
    assert feedback.file_name == "annotated.pdf"
    assert feedback.file_content_type == "application/pdf"
    assert feedback.file.name.startswith("feedback/") and feedback.file.name.endswith(".pdf")
    with feedback.file.open("rb") as stored:
        assert stored.read() == PDF
    assert {(s.criterion, s.level) for s in feedback.scores.all()} == {
        (first, 3),
        *((c, 2) for c in assignment.criteria.exclude(pk=first.pk)),
    }
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REVIEWED
    assert submission.reviewed_at == feedback.created_at

    [email] = mailoutbox
    assert email.to == [participant.email]
    assert "Stakeholder map" in email.subject
    link = reverse("coaching:assignment", args=[assignment.pk])
    assert link in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert link in html


def test_feedback_inviting_a_new_version_leaves_the_work_open_for_it(
    submission, assignment, trainer, mailoutbox
):
    give_feedback(
        submission,
        submission.versions.get(),
        trainer,
        "Good start: add the regional agency.",
        full_scores(assignment),
        outcome=Feedback.Outcome.RESUBMIT,
    )

    submission.refresh_from_db()
    assert submission.status == Submission.Status.RESUBMIT
    assert "new version is invited" in mailoutbox[0].body


def test_every_current_member_of_the_team_is_told(edition, module, skill, trainer, mailoutbox):
    ana, ben, gone = (UserFactory(display_name=n) for n in ("Ana", "Ben", "Gone"))
    for member in (ana, ben, gone):
        accepted_participant(edition, applicant=member)
    team = team_of(edition, ana, ben, gone)
    assignment = AssignmentFactory(page=module, work="team", criteria=[skill])
    submission = handed_in(assignment, ana, team=team)
    # A member who has left the team since hears nothing of its work any more.
    team.members.filter(learner=gone).delete()
    mailoutbox.clear()

    give_feedback(
        submission, submission.versions.get(), trainer, "Well argued.", full_scores(assignment)
    )

    assert sorted(email.to[0] for email in mailoutbox) == sorted([ana.email, ben.email])


def refused(submission, version, trainer, comments="Fine.", scores=None, **kwargs):
    with pytest.raises(FeedbackRefused) as refusal:
        give_feedback(submission, version, trainer, comments, scores or {}, **kwargs)
    return refusal.value.message


def assert_nothing_stored(submission, mailoutbox):
    assert not Feedback.objects.exists()
    assert not RubricScore.objects.exists()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    assert submission.reviewed_at is None
    assert not mailoutbox


def test_feedback_on_a_version_overtaken_since_is_refused(
    submission, assignment, participant, trainer, mailoutbox
):
    opened = submission.versions.get()
    # The participant hands in version 2 while the trainer reads version 1.
    SubmissionVersion.objects.create(submission=submission, number=2, text="Better map.")
    Submission.objects.filter(pk=submission.pk).update(version_count=2)

    message = refused(submission, opened, trainer, scores=full_scores(assignment))

    assert "Version 2 was handed in after you opened version 1" in message
    assert_nothing_stored(submission, mailoutbox)


def test_a_version_gets_feedback_once(submission, assignment, trainer, mailoutbox):
    version = submission.versions.get()
    give_feedback(submission, version, trainer, "First.", full_scores(assignment))
    mailoutbox.clear()

    message = refused(submission, version, trainer, "Second.", full_scores(assignment))

    assert "already has feedback" in message
    assert Feedback.objects.get().comments == "First."
    assert not mailoutbox


def test_every_criterion_must_be_scored_within_its_levels(
    submission, assignment, trainer, mailoutbox, module, skill
):
    version = submission.versions.get()
    first, second = assignment.criteria.all()
    elsewhere = AssignmentFactory(page=module, criteria=[skill]).criteria.get()

    missing = refused(submission, version, trainer, scores={first: 2})
    too_high = refused(submission, version, trainer, scores={first: 4, second: 1})
    zero = refused(submission, version, trainer, scores={first: 0, second: 1})
    stranger = refused(submission, version, trainer, scores={first: 1, second: 1, elsewhere: 1})

    assert f"Score “{second.title}”" in missing
    assert f"“{first.title}” is scored from 1 to 3" in too_high
    assert f"“{first.title}” is scored from 1 to 3" in zero
    assert "does not have" in stranger
    assert_nothing_stored(submission, mailoutbox)


def test_a_five_level_criterion_takes_level_five(edition, module, participant, trainer):
    assignment = AssignmentFactory(page=module)
    criterion = RubricCriterion.objects.create(
        assignment=assignment,
        skill=SkillFactory(),
        title="Depth",
        level_1="1",
        level_2="2",
        level_3="3",
        level_4="4",
        level_5="5",
    )
    submission = handed_in(assignment, participant)

    feedback = give_feedback(
        submission, submission.versions.get(), trainer, "Deep.", {criterion: 5}
    )

    assert feedback.scores.get().level == 5


def test_a_hostile_file_is_refused_and_nothing_is_kept(submission, assignment, trainer, mailoutbox):
    before = feedback_files()
    page = SimpleUploadedFile(
        "notes.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )

    message = refused(
        submission, submission.versions.get(), trainer, scores=full_scores(assignment), file=page
    )

    assert "“notes.pdf” is not a file type we accept" in message
    assert_nothing_stored(submission, mailoutbox)
    assert feedback_files() == before


def test_feedback_needs_comments(submission, assignment, trainer, mailoutbox):
    message = refused(
        submission, submission.versions.get(), trainer, "   ", full_scores(assignment)
    )

    assert "Write your comments" in message
    assert_nothing_stored(submission, mailoutbox)


@POSTGRESQL_ONLY
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_trainers_giving_feedback_at_once_store_one(edition, module, skill, participant):
    """Both read version 1 and save at the same moment: the lock on the submission lets one
    through; the other is told the version already has feedback."""
    assignment = AssignmentFactory(page=module, criteria=[skill])
    submission = handed_in(assignment, participant)
    version = submission.versions.get()
    trainers = [trainer_of(edition, UserFactory(role="trainer")) for _ in range(2)]
    outcomes = []

    def review(trainer):
        def action():
            try:
                give_feedback(submission, version, trainer, "Mine.", full_scores(assignment))
                outcomes.append("stored")
            except FeedbackRefused as refusal:
                outcomes.append(refusal.message)

        return action

    run_together([review(trainer) for trainer in trainers])

    assert sorted(outcomes) == ["Version 1 already has feedback: nothing was changed.", "stored"]
    assert Feedback.objects.count() == 1
    assert RubricScore.objects.count() == 1
