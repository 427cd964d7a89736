"""A learner of the demo academy who assessed themselves two months ago signs in, assesses their
skills again on the form, and sees on "My skills" their new levels next to the earlier ones: a
chart whose name and description (the table of its numbers) the accessibility tree reads. Both
pages pass axe with no serious or critical violation."""

import datetime

from django.utils import dateformat, timezone

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from skills.models import SkillArea
from tests.e2e.conftest import e2e, screenshot
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import UserFactory, self_assessment

pytestmark = e2e


def day(moment):
    """A date as the site writes it, in its own time zone: "3 December 2026"."""
    return dateformat.format(timezone.localtime(moment), "j F Y")


def test_a_learner_reassesses_their_skills_and_sees_where_they_stand(page, academy_server):
    area = SkillArea.taxonomy()[0]
    needs, vision, third = area.skill_list[:3]
    learner = UserFactory(display_name="Lena Fischer")
    earlier = timezone.now() - datetime.timedelta(days=60)
    self_assessment(learner, {needs: 1, vision: 2}, when=earlier)
    axe = Axe()

    # My skills needs an account: the learner signs in and comes back to it.
    page.goto("/learning/skills/")
    page.get_by_label("Email").fill(learner.email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="My skills", level=1).wait_for()
    page.get_by_role("link", name="Assess your skills again").click()

    page.get_by_role("heading", name="Assess your skills", level=1).wait_for()
    assert not blocking_violations(axe, page, page.url)
    # An area per group; in it a group per skill, starting from the learner's last answers.
    needs_group = page.get_by_role("group", name=needs.name, exact=True)
    expect(needs_group.get_by_role("radio", name=f"1 — {needs.scale.level_1}")).to_be_checked()
    expect(
        page.get_by_role("group", name=third.name, exact=True).get_by_role("radio", name="Skip")
    ).to_be_checked()
    screenshot(page, "self-assessment", "01-form")

    # Keyboard or mouse, no script needed: pick a line per skill, and send.
    needs_group.get_by_role("radio", name=f"3 — {needs.scale.level_3}").check()
    page.get_by_role("group", name=third.name, exact=True).get_by_role(
        "radio", name=f"4 — {third.scale.level_4}"
    ).check()
    vision_group = page.get_by_role("group", name=vision.name, exact=True)
    vision_group.get_by_role("radio", name="Skip").check()
    page.get_by_role("button", name="Save my self-assessment").click()

    page.get_by_text("Your self-assessment is saved.").wait_for()
    assert page.url.endswith("/learning/skills/")
    now, then = day(timezone.now()), day(earlier)
    chart = page.get_by_role(
        "img",
        name="Chart of your self-assessed levels from 1 to 5, per area and skill: "
        f"{now} next to {then}",
    )
    expect(chart).to_be_visible()
    expect(chart).to_have_accessible_description(f"Your levels: {now} and {then}")
    numbers = page.get_by_role("table", name=f"Your levels: {now} and {then}")
    expect(numbers).to_match_aria_snapshot(
        f"""
        - table:
          - rowgroup:
            - row:
              - columnheader "Area and skill"
              - columnheader "{now} (latest)"
              - columnheader "{then} (previous)"
          - rowgroup:
            - row:
              - rowheader "{area.name} (average)"
              - cell "3.5"
              - cell "1.5"
            - row:
              - rowheader "{needs.name}"
              - cell "3"
              - cell "1"
            - row:
              - rowheader "{vision.name}"
              - cell "skipped"
              - cell "2"
            - row:
              - rowheader "{third.name}"
              - cell "4"
              - cell "skipped"
        """
    )
    expect(page.get_by_role("heading", name="Evidence: modules you completed")).to_be_visible()
    screenshot(page, "self-assessment", "02-my-skills")
    assert not blocking_violations(axe, page, page.url)
