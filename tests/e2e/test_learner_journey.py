"""Journey 1: a new learner finds the current edition, signs up, enrols in a course taken in order,
completes every module (getting a required self-check wrong once), reaches 100% and opens the
certificate and its public verification page."""

import re

from courses.models import CoursePage, EditionPage
from learning.models import Certificate
from tests.e2e.conftest import e2e, screenshot

pytestmark = e2e

NAME = "Ana Novak"


def ordered_course_with_required_check(edition):
    for course in CoursePage.objects.live().child_of(edition).specific():
        modules = list(course.get_modules().specific())
        required = [m for m in modules if any(b.value["required"] for b in m.self_checks)]
        if course.modules_in_order and required:
            return course, modules
    raise AssertionError(f"{edition.title} has no ordered course with a required self-check")


def progress(tab):
    return tab.get_by_role("progressbar", name=re.compile("Progress in"))


def answer(tab, block, correct):
    options = [o["text"] for o in block.value["options"] if o["correct"] == correct]
    tab.get_by_role("radio", name=options[0]).check()


def test_new_learner_completes_a_course_and_shares_the_certificate(new_context):
    edition = EditionPage.objects.live().order_by("-onsite_start").first()
    course, modules = ordered_course_with_required_check(edition)
    tab = new_context().new_page()

    tab.goto("/")
    screenshot(tab, "learner", "01-home")
    tab.get_by_role("region", name="Latest edition").get_by_role("link", name=edition.title).click()
    tab.wait_for_url(f"**{edition.url}")
    screenshot(tab, "learner", "02-edition")
    tab.get_by_role("link", name=course.title).first.click()
    tab.wait_for_url(f"**{course.url}")
    screenshot(tab, "learner", "03-course")

    tab.get_by_role("link", name="create a free account").click()
    tab.get_by_label("Email").fill("ana.novak@cluster.example.eu")
    tab.get_by_label("Display name").fill(NAME)
    tab.get_by_label(re.compile(r"^Password:?$")).fill("a long and unusual passphrase")
    tab.get_by_label("Password confirmation").fill("a long and unusual passphrase")
    screenshot(tab, "learner", "04-sign-up")
    tab.get_by_role("button", name="Create account").click()
    tab.wait_for_url(f"**{course.url}")
    tab.get_by_text("Welcome, Ana").wait_for()

    tab.get_by_role("button", name="Enrol in this course").click()
    tab.get_by_text(f"You are enrolled in “{course.title}”").wait_for()
    assert progress(tab).get_attribute("value") == "0"
    screenshot(tab, "learner", "05-enrolled")

    tab.get_by_role("link", name=f"Start the course: {modules[0].title}").click()
    for number, module in enumerate(modules, start=1):
        tab.wait_for_url(f"**{module.url}")
        required = [b for b in module.self_checks if b.value["required"]]
        for block in required:
            answer(tab, block, correct=False)
        if required:
            tab.get_by_role("button", name="Mark this module complete").click()
            tab.get_by_text("Not quite: check your answer").wait_for()
            assert progress(tab).get_attribute("value") == str(number - 1)
            screenshot(tab, "learner", f"06-module-{number}-wrong-answer")
            for block in required:
                answer(tab, block, correct=True)
        tab.get_by_role("button", name="Mark this module complete").click()
        tab.get_by_text(f"{number} of {len(modules)} modules").first.wait_for()
        assert progress(tab).get_attribute("value") == str(number)
        screenshot(tab, "learner", f"07-module-{number}-complete")
        if number < len(modules):
            tab.get_by_role(
                "link", name=f"Continue where you left off: {modules[number].title}"
            ).click()

    tab.get_by_text("100%").first.wait_for()
    tab.get_by_role("link", name="view your certificate").click()
    certificate = Certificate.objects.get(
        course=course, learner__email="ana.novak@cluster.example.eu"
    )
    tab.wait_for_url(f"**{certificate.get_absolute_url()}")
    screenshot(tab, "learner", "08-certificate")

    tab.get_by_role("navigation", name="Main").get_by_role("link", name="My learning").click()
    # A click does not wait for the page it leads to: wait for it before reading it.
    tab.wait_for_url("**/learning/")
    completed = tab.get_by_role("region", name="Completed courses")
    completed.get_by_role("link", name=course.title).wait_for()
    screenshot(tab, "learner", "09-my-learning")

    # Anyone holding the link can check the certificate, without an account.
    stranger = new_context().new_page()
    stranger.goto(certificate.get_absolute_url())
    assert stranger.get_by_text(NAME).is_visible()
    assert stranger.get_by_text(course.title).first.is_visible()
    assert stranger.get_by_role("status").get_by_text("This certificate is genuine").is_visible()
    screenshot(stranger, "learner", "10-verification")
    assert stranger.goto("/certificates/not-a-real-code/").status == 404
