"""Journey: a trainer grades homework in the admin. They sign in, open Grading from the Coaching
menu, open a participant's work, score the rubric, write their comments and save; the work is
then reviewed. The grading list and the review page pass axe with no serious or critical
violation.

The homework is made in the test, on a module of the demo academy's first edition; nothing of
the demo's own coaching data is relied on.
"""

from axe_playwright_python.sync_playwright import Axe

from coaching.models import Feedback, Submission
from courses.models import EditionPage, ModulePage
from lms.accounts.models import User
from tests.e2e.conftest import e2e, screenshot
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import AssignmentFactory, SkillFactory, UserFactory, handed_in, trainer_of

pytestmark = e2e

PASSWORD = "correct horse battery"
COMMENTS = "A clear map of the region's actors. Next, say what each funder expects."


def homework_to_grade():
    """A trainer of an edition and a participant's work on one of its modules, to review."""
    edition = EditionPage.objects.live().order_by("path").first()
    module = ModulePage.objects.live().descendant_of(edition).order_by("path").first()
    trainer = trainer_of(
        edition,
        UserFactory(
            email="tove.trainer@academy.example.org",
            display_name="Tove Trainer (fictional)",
            role=User.Role.TRAINER,
        ),
    )
    assignment = AssignmentFactory(
        page=module,
        title="Map your cluster's stakeholders",
        criteria=[SkillFactory(name="Stakeholder mapping"), SkillFactory(name="Funding")],
    )
    learner = UserFactory(display_name="Pia Participant (fictional)")
    submission = handed_in(
        assignment, learner, text="The regional agency, two universities and forty firms."
    )
    return trainer, assignment, submission


def test_a_trainer_scores_the_rubric_and_the_work_is_reviewed(page):
    trainer, assignment, submission = homework_to_grade()
    axe = Axe()
    problems = []

    page.goto("/admin/login/")
    page.get_by_label("Email").fill(trainer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    page.get_by_role("button", name="Coaching").click()
    page.get_by_role("link", name="Grading").click()
    page.wait_for_url("**/admin/coaching/grading/")
    row = page.get_by_role("row").filter(has_text="Pia Participant (fictional)")
    assert "To review" in row.inner_text()
    problems += blocking_violations(axe, page)
    screenshot(page, "grading", "01-grading-list")

    row.get_by_role("link", name="Pia Participant (fictional)").click()
    page.wait_for_url(f"**/admin/coaching/submissions/{submission.pk}/")
    page.get_by_text("The regional agency, two universities and forty firms.").wait_for()
    problems += blocking_violations(axe, page)
    review_url = page.url

    for criterion, level in zip(assignment.criteria.select_related("skill"), (3, 2), strict=True):
        group = page.get_by_role("group", name=f"{criterion.title} ({criterion.skill})")
        group.get_by_label(f"{level}. {criterion.levels[level - 1]}").check()
    page.get_by_label("Comments").fill(COMMENTS)
    screenshot(page, "grading", "02-review")
    page.get_by_role("button", name="Save the feedback").click()

    page.wait_for_url("**/admin/coaching/grading/")
    page.get_by_text("is saved; they are told by email").wait_for()
    row = page.get_by_role("row").filter(has_text="Pia Participant (fictional)")
    assert "Reviewed" in row.inner_text()
    screenshot(page, "grading", "03-reviewed")
    # Checked as it loads again: Wagtail's own message slides in half transparent for a moment.
    problems += blocking_violations(axe, page, "/admin/coaching/grading/")

    feedback = Feedback.objects.get(submission=submission)
    assert feedback.trainer == trainer and feedback.comments == COMMENTS
    assert sorted(feedback.scores.values_list("level", flat=True)) == [2, 3]
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REVIEWED

    # The review page once reviewed, and the list filtered by state.
    problems += blocking_violations(axe, page, review_url)
    page.get_by_text(COMMENTS).wait_for()
    problems += blocking_violations(axe, page, "/admin/coaching/grading/?state=reviewed")
    assert not problems, "\n".join(problems)
