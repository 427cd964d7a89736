"""Accessibility in the browser: axe-core on every public template, and keyboard-only use.

axe-core comes from axe-playwright-python's own copy of axe.min.js, injected into the page: no
request leaves 127.0.0.1.
"""

from django.urls import reverse

import pytest
from axe_playwright_python.sync_playwright import Axe

from coaching.models import ActionPlan, Submission
from courses.models import CoursePage
from learning.services import complete_module, enrol
from lms.accounts.models import User
from tests.e2e.conftest import e2e
from tests.factories import UserFactory
from tests.public_pages import public_urls

pytestmark = e2e

BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def blocking_violations(axe, tab, url=None):
    """axe's serious and critical violations at `url`, or on the page as it stands (a form filled
    in, a message shown) without one."""
    if url is not None:
        tab.goto(url)
    results = axe.run(tab)
    return [
        f"{url or tab.url}: {violation['id']} ({violation['impact']}) {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
    ]


def learner_with_a_certificate():
    """A learner half-way through one ordered course and finished with another."""
    learner = UserFactory(display_name="Mira Keyboard")
    courses = CoursePage.objects.live().filter(modules_in_order=True).specific()[:2]
    finished, ongoing = courses
    for course in courses:
        enrol(learner, course)
    for module in finished.get_modules().specific():
        complete_module(learner, module, finished, right_answers(module))
    first = ongoing.get_modules().specific().first()
    complete_module(learner, first, ongoing, right_answers(first))
    return learner, finished, ongoing


def right_answers(module):
    return {
        f"answer-{block.id}": str(
            next(i for i, option in enumerate(block.value["options"]) if option["correct"])
        )
        for block in module.self_checks
    }


def test_public_pages_have_no_serious_violations(page, axe):
    problems = [
        problem
        for url in [*public_urls(), "/no-such-page/"]
        for problem in blocking_violations(axe, page, url)
    ]
    assert not problems, "\n".join(problems)


def test_learner_pages_have_no_serious_violations(page, axe, sign_in):
    learner, finished, ongoing = learner_with_a_certificate()
    sign_in(learner)
    next_module = ongoing.get_modules().specific()[1]
    certificate = learner.certificates.get()
    urls = [
        "/learning/",
        ongoing.url,
        next_module.url,
        certificate.get_absolute_url(),
        learner.credentials.get(page=finished).get_absolute_url(),
        "/credentials/verify/",
        "/accounts/profile/",
    ]
    problems = [problem for url in urls for problem in blocking_violations(axe, page, url)]
    assert not problems, "\n".join(problems)


def test_a_participants_coaching_pages_have_no_serious_violations(page, axe, sign_in):
    """The demo participant's homework (two versions, feedback with rubric levels and a file),
    the module page that lists it, "Your work" on /learning/, the rubric levels on My skills, and
    her action plan with its versions compared."""
    petra = User.objects.get(email="petra.demo@example.org")
    sign_in(petra)
    submission = Submission.objects.select_related("assignment__page").get(learner=petra)
    plan = ActionPlan.objects.get(learner=petra)
    plan_url = reverse("coaching:plan", args=[plan.edition_id])
    urls = [
        "/learning/",
        reverse("coaching:assignment", args=[submission.assignment_id]),
        submission.assignment.page.url,
        reverse("assessments:my_skills"),
        plan_url,
        f"{reverse('coaching:plan_versions', args=[plan.edition_id])}?a=1&b=2",
    ]
    problems = [problem for url in urls for problem in blocking_violations(axe, page, url)]
    assert not problems, "\n".join(problems)


def focus_is_visible(tab):
    """The focused element draws a focus indicator: an outline or a box shadow."""
    return tab.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            return outline || style.boxShadow !== "none";
        }"""
    )


def press_tab_until(tab, locator, limit=80):
    """Tab through the page until `locator` has focus, checking every stop shows its focus."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        tab.keyboard.press("Tab")
        # Past the last stop focus goes to the browser's own controls, leaving the body active.
        if tab.evaluate("() => document.activeElement !== document.body"):
            focused = tab.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
            assert focus_is_visible(tab), f"focus is invisible on {focused}"
    raise AssertionError(f"{locator} never received focus")


def test_skip_link_is_first_and_moves_focus_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    assert focus_is_visible(page)
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["width"] > 1, "the skip link stays off screen on focus"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    in_main = page.evaluate(
        "() => document.getElementById('main').contains(document.activeElement)"
    )
    assert in_main, "after skipping, the next Tab stop is not inside the content"


def test_learner_signs_in_and_completes_a_module_with_the_keyboard_alone(page):
    learner, _, ongoing = learner_with_a_certificate()
    module = ongoing.get_modules().specific()[1]
    page.goto("/accounts/login/?next=" + module.url)

    press_tab_until(page, page.get_by_label("Email address"))
    page.keyboard.type(learner.email)
    page.keyboard.press("Tab")
    assert page.get_by_label("Password").evaluate("element => element === document.activeElement")
    page.keyboard.type("correct horse battery")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{module.url}")

    for block in module.self_checks:
        right = next(o["text"] for o in block.value["options"] if o["correct"])
        options = page.get_by_role("group", name=block.value["question"])
        press_tab_until(page, options.get_by_role("radio").first)
        while not page.get_by_role("radio", name=right).is_checked():
            page.keyboard.press("ArrowDown")
    press_tab_until(page, page.get_by_role("button", name="Mark this module complete"))
    page.keyboard.press("Enter")

    status = page.get_by_role("status")
    status.get_by_text(f"“{module.title}” is complete").wait_for()
    bar = page.get_by_role("progressbar", name=f"Progress in {ongoing.title}")
    total = ongoing.get_modules().count()
    assert bar.get_attribute("value") == "2"
    assert bar.get_attribute("max") == str(total)
    assert bar.get_attribute("aria-valuetext") == f"2 of {total} modules"


def test_axe_catches_what_these_tests_forbid(browser, axe):
    tab = browser.new_page()
    tab.set_content("<html><body><img src='data:,'><input type='text'></body></html>")
    found = {v["id"]: v["impact"] for v in axe.run(tab).response["violations"]}
    tab.close()
    assert found["image-alt"] in BLOCKING
    assert found["label"] in BLOCKING
