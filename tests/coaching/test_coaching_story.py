"""The acceptance story of homework and its feedback, over HTTP as its people live it:

1. a participant hands in a text and a PDF;
2. their trainer finds it in the grading view, reads it, scores the rubric, writes comments,
   attaches a file and invites a new version;
3. the participant is told by email (text and HTML) and reads the feedback on the assignment's
   page and on the module's page, and downloads the trainer's file;
4. the participant hands in version 2, and the trainer sees version 2 to review, in the grading
   view and on the review page.
"""

import re
from html import unescape

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import pytest

from coaching.models import Feedback, Submission
from tests.factories import AssignmentFactory, SkillFactory

pytestmark = pytest.mark.django_db

GRADING = "/admin/coaching/grading/"
STAKEHOLDER_MAP = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""
ANNOTATED = STAKEHOLDER_MAP.replace(b"200 200", b"300 300")


def text_of(response):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def downloaded(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return b"".join(response.streaming_content)


@pytest.fixture
def assignment(module, skill):
    """Homework on the module with a rubric of two criteria, three levels each."""
    return AssignmentFactory(
        page=module,
        title="Map your cluster's stakeholders",
        criteria=[skill, SkillFactory(name="Funding")],
    )


def test_homework_handed_in_reviewed_and_handed_in_again(
    assignment, module, participant, trainer, mailoutbox
):
    learner, coach = Client(), Client()
    learner.force_login(participant)
    coach.force_login(trainer)
    assignment_url = reverse("coaching:assignment", args=[assignment.pk])

    # 1. The participant hands in a text and a PDF.
    response = learner.post(
        assignment_url,
        {
            "hand_in-text": "The regional agency, two universities and forty firms.",
            "hand_in-files": SimpleUploadedFile(
                "stakeholder map.pdf", STAKEHOLDER_MAP, content_type="application/pdf"
            ),
        },
        follow=True,
    )
    assert "Your version 1 is handed in." in text_of(response)
    submission = Submission.objects.get(assignment=assignment, learner=participant)
    mailoutbox.clear()

    # 2. The trainer finds it to review in the grading view, opens it and reads it all.
    grading = coach.get(GRADING)
    row = text_of(grading)
    assert "Petra Participant" in row and assignment.title in row and "To review" in row
    review_url = reverse("coaching_review", args=[submission.pk])
    assert review_url in grading.content.decode()
    review = coach.get(review_url)
    assert "The regional agency, two universities and forty firms." in text_of(review)
    stored = submission.versions.get().files.get()
    file_url = reverse("coaching:submission_file", args=[stored.pk])
    assert file_url in review.content.decode()
    assert downloaded(coach.get(file_url)) == STAKEHOLDER_MAP

    # … scores the rubric, writes comments, attaches a file and invites a new version.
    strategy, funding = assignment.criteria.all()
    response = coach.post(
        review_url,
        {
            "version": "1",
            f"criterion-{strategy.pk}": "3",
            f"criterion-{funding.pk}": "2",
            "comments": "A clear map. Now say what each funder expects of the cluster.",
            "file": SimpleUploadedFile("map with notes.pdf", ANNOTATED),
            "outcome": Feedback.Outcome.RESUBMIT,
        },
        follow=True,
    )
    assert response.redirect_chain == [(GRADING, 302)]
    assert "is saved; they are told by email" in text_of(response)

    # 3. The participant is told by email, in text and HTML, with the way to the feedback.
    [email] = mailoutbox
    assert email.to == [participant.email]
    assert assignment.title in email.subject
    assert assignment_url in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html" and assignment_url in html

    # … reads the feedback, its scores and the trainer's file on the assignment's page,
    page = learner.get(assignment_url)
    shown = text_of(page)
    assert "A clear map. Now say what each funder expects of the cluster." in shown
    assert f"{strategy.title} ({strategy.skill.name}) Level 3 of 3" in shown
    assert f"{funding.title} ({funding.skill.name}) Level 2 of 3" in shown
    feedback = Feedback.objects.get()
    feedback_file_url = reverse("coaching:feedback_file", args=[feedback.pk])
    assert feedback_file_url in page.content.decode()
    assert downloaded(learner.get(feedback_file_url)) == ANNOTATED
    # … and on the module's page.
    shown = text_of(learner.get(module.url))
    assert "Feedback given: a new version is invited" in shown
    assert "A clear map. Now say what each funder expects" in shown

    # 4. The participant hands in version 2 …
    response = learner.post(
        assignment_url,
        {"hand_in-text": "The map again, with what each funder expects of us."},
        follow=True,
    )
    assert "Your version 2 is handed in." in text_of(response)

    # … and the trainer finds version 2 to review, first in the list and on the review page.
    grading = coach.get(GRADING)
    [listed] = grading.context["object_list"]
    assert (listed.pk, listed.version_count, listed.status) == (
        submission.pk,
        2,
        Submission.Status.SUBMITTED,
    )
    assert "To review" in text_of(grading)
    review = text_of(coach.get(review_url))
    assert "Version 2 (latest)" in review
    assert "The map again, with what each funder expects of us." in review
    assert "Your feedback on version 2" in review
    # Version 1 and its feedback are kept beside it.
    assert "Version 1" in review and "A clear map." in review
