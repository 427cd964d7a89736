"""Journey: a participant writes their strategic action plan. They fill in a goal, an action
serving it and a KPI, save, edit the plan again and save, then compare the two versions. They
share it; a trainer of the edition opens it from the Coaching menu and comments on the goal, and
the participant reads the comment on their plan. The plan page, the versions page and the
trainers' pages in the admin pass axe with no serious or critical violation.

The participant and trainer are made in the test, in the demo academy's first edition; nothing of
the demo's own coaching data is relied on.
"""

import re

from django.conf import settings
from django.test import Client

from axe_playwright_python.sync_playwright import Axe

from coaching.models import ActionPlan
from courses.models import EditionPage
from lms.accounts.models import User
from skills.models import Skill
from tests.e2e.conftest import e2e, screenshot
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import UserFactory, accepted_participant, trainer_of

pytestmark = e2e

GOAL = "Grow the membership to 60 companies"
BETTER_GOAL = "Grow the membership to 80 companies by 2027"
COMMENT = "Which three companies do you approach first?"


def signed_in_tab(new_context, academy_server, user):
    """A tab in a browser of its own, signed in as `user`."""
    client = Client()
    client.force_login(user)
    context = new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": academy_server.url,
            }
        ]
    )
    return context.new_page()


def exactly(label):
    """A field's label as Django writes it, with or without its colon."""
    return re.compile(rf"^{re.escape(label)}:?$")


def row(tab, noun, number):
    """Row `number` of a section of the plan's form: its fieldset, "Goal 1", "Action 1"…"""
    return tab.get_by_role("group", name=re.compile(rf"^{noun} {number}\b"))


def test_a_participant_writes_compares_and_shares_their_plan(new_context, academy_server):
    edition = EditionPage.objects.live().order_by("path").first()
    participant = UserFactory(display_name="Ana Planner (fictional)")
    accepted_participant(edition, applicant=participant)
    trainer = trainer_of(
        edition, UserFactory(display_name="Theo Trainer (fictional)", role=User.Role.TRAINER)
    )
    skill = Skill.objects.get(slug="action-planning")
    axe = Axe()
    problems = []

    tab = signed_in_tab(new_context, academy_server, participant)
    tab.goto(f"/learning/editions/{edition.pk}/action-plan/")
    tab.get_by_role("heading", name="My action plan").wait_for()
    problems += blocking_violations(axe, tab)

    goal = row(tab, "Goal", 1)
    goal.get_by_label(exactly("Goal")).fill(GOAL)
    goal.get_by_label("Skill it builds").select_option(label=skill.name)
    action = row(tab, "Action", 1)
    action.get_by_label(exactly("Action")).fill("Survey the members' needs")
    action.get_by_label("Goal it serves").select_option(label="Goal 1 (the new goal)")
    action.get_by_label("Who does it").fill("Ana")
    action.get_by_label("Due").fill("2027-03-31")
    kpi = row(tab, "KPI", 1)
    kpi.get_by_label(exactly("KPI")).fill("Member companies")
    kpi.get_by_label("Unit").fill("companies")
    kpi.get_by_label("Baseline").fill("40")
    kpi.get_by_label("Target").fill("60")
    tab.get_by_label("Your notes").fill("Present the plan to the board in March.")
    screenshot(tab, "action-plan", "01-first-plan")
    tab.get_by_role("button", name="Save my plan").click()
    tab.get_by_text("Your action plan is saved as version 1.").wait_for()
    assert row(tab, "Action", 1).get_by_label("Goal it serves").input_value() == "goal-1"

    # The participant edits the plan again.
    row(tab, "Goal", 1).get_by_label(exactly("Goal")).fill(BETTER_GOAL)
    row(tab, "Action", 1).get_by_label("Status").select_option(label="In progress")
    tab.get_by_role("button", name="Save my plan").click()
    tab.get_by_text("Your action plan is saved as version 2.").wait_for()
    problems += blocking_violations(axe, tab)
    screenshot(tab, "action-plan", "02-second-version")

    # …and compares the two versions.
    tab.get_by_role("link", name="Versions and changes").click()
    tab.get_by_role("heading", name="Versions of my action plan").wait_for()
    assert tab.get_by_label("From version").input_value() == "1"
    assert tab.get_by_label("To version").input_value() == "2"
    tab.get_by_role("button", name="Compare").click()
    changes = tab.get_by_role("region", name="What changed from version 1 to version 2")
    changes.wait_for()
    assert GOAL in changes.inner_text() and BETTER_GOAL in changes.inner_text()
    assert "In progress" in changes.inner_text()
    problems += blocking_violations(axe, tab)
    screenshot(tab, "action-plan", "03-compare")

    tab.get_by_role("link", name="Back to my action plan").click()
    tab.get_by_role("button", name="Share with the trainers").click()
    tab.get_by_text("Your plan is shared with the edition's trainers").first.wait_for()
    assert ActionPlan.objects.get(learner=participant).shared_with_trainers

    # The trainer opens it from the Coaching menu and comments on the goal.
    admin = signed_in_tab(new_context, academy_server, trainer)
    admin.goto("/admin/")
    admin.get_by_role("button", name="Coaching").click()
    admin.get_by_role("link", name="Action plans").click()
    admin.wait_for_url("**/admin/coaching/plans/")
    problems += blocking_violations(axe, admin)
    screenshot(admin, "action-plan", "04-trainers-list")
    admin.get_by_role("link", name="Ana Planner (fictional)").click()
    admin.get_by_role("heading", name=f"1. {BETTER_GOAL}").wait_for()
    problems += blocking_violations(axe, admin)
    admin.get_by_label("Your comment on goal 1").fill(COMMENT)
    admin.get_by_role("button", name="Send the comment").first.click()
    admin.get_by_text("Your comment is saved").wait_for()
    screenshot(admin, "action-plan", "05-trainer-commented")

    tab.reload()
    comments = tab.get_by_role("group", name="Trainers' comments on goal 1")
    assert COMMENT in comments.inner_text()
    screenshot(tab, "action-plan", "06-comment-in-place")

    assert not problems, "\n".join(problems)
