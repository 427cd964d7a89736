"""A trainer of the demo's illustrative edition opens the skills of its cohort to plan a feedback
session: the heatmap and the participants' levels are tables the accessibility tree reads, with
their numbers as text, the wide table scrolls on its own with the keyboard, and axe finds no
serious or critical violation."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from cohorts.models import Application
from courses.models import EditionPage
from skills.models import SkillArea
from tests.e2e.conftest import e2e, screenshot
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import ApplicationFactory, SessionFactory, UserFactory, self_assessment

pytestmark = e2e


def test_a_trainer_reads_where_the_cohort_stands(page, sign_in):
    edition = EditionPage.objects.get(number=4)
    strategy = SkillArea.taxonomy()[0]
    for n in range(5):
        participant = ApplicationFactory(
            cohort=edition.cohort,
            applicant=UserFactory(display_name=f"Participant {n}"),
            status=Application.Status.ACCEPTED,
        ).applicant
        self_assessment(participant, {skill: 1 + n for skill in strategy.skill_list})
    trainer = UserFactory(display_name="Tomas Trainer")
    SessionFactory(edition=edition).trainers.add(trainer)
    sign_in(trainer)

    url = f"/learning/editions/{edition.pk}/skills/"
    assert not blocking_violations(Axe(), page, url)
    page.get_by_role("heading", name="Skills of the cohort", level=1).wait_for()
    heatmap = page.get_by_role("table", name="Ratings per skill area and level")
    row = heatmap.get_by_role("row", name=strategy.name)
    # Five participants, each rating every skill of the area at their own level.
    count = str(len(strategy.skill_list))
    expect(row.get_by_role("cell")).to_have_text([count] * 5 + [str(5 * int(count))])
    levels = page.get_by_role("table", name="Each participant's latest levels, by skill")
    expect(levels.get_by_role("row", name="Participant 3")).to_be_visible()
    # Wider than the page, the table scrolls by itself, from the keyboard too.
    region = page.get_by_role("region", name="Each participant's latest levels, by skill")
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    region.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    # The browser may scroll smoothly: wait for the scroll rather than read it at once.
    page.wait_for_function("element => element.scrollLeft > 0", arg=region.element_handle())
    # The page itself stays as wide as the window.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "cohort-skills", "trainer")
