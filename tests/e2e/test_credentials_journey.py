"""A learner's Open Badges credential travels: she finds it on My learning, opens its public
verification page and downloads it; a visitor who gets the file verifies it on the academy's
verification page, pasted or uploaded, and reads what was verified. axe finds no serious or
critical violation on any of these pages."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from courses.models import CoursePage
from credentials.models import Credential
from learning.services import complete_module, enrol
from tests.e2e.conftest import e2e, screenshot
from tests.e2e.test_accessibility import blocking_violations, right_answers
from tests.factories import UserFactory

pytestmark = e2e

NAME = "Mira Badge"


@pytest.fixture(scope="module")
def axe():
    return Axe()


def learner_with_a_credential():
    """A learner who completed one of the demo's courses, which issued her credential."""
    learner = UserFactory(display_name=NAME)
    course = CoursePage.objects.live().specific().first()
    enrol(learner, course)
    for module in course.get_modules().specific():
        complete_module(learner, module, course, right_answers(module))
    return learner, Credential.objects.get(learner=learner, page=course)


def test_a_learner_shares_her_credential_and_a_visitor_verifies_it(page, sign_in, new_context, axe):
    learner, credential = learner_with_a_credential()
    course = credential.achievement_name
    sign_in(learner)
    problems = []

    # Mira finds the credential on My learning and opens its verification page.
    page.goto("/learning/")
    problems += blocking_violations(axe, page)
    credentials = page.get_by_role("region", name="Your Open Badges credentials")
    credentials.get_by_role("heading", name=course).wait_for()
    screenshot(page, "credentials", "01-my-learning")
    credentials.get_by_role("link", name=f"Verification page of {course}").click()
    page.wait_for_url(f"**{credential.get_absolute_url()}")
    page.get_by_role("heading", name="Verified: a valid credential of the academy").wait_for()
    page.get_by_text(f"Issued to {NAME} for “{course}”.").wait_for()
    problems += blocking_violations(axe, page)
    screenshot(page, "credentials", "02-credential-page")

    # She downloads both files.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the signed credential (.jwt)").click()
    assert download.value.suggested_filename.endswith(".jwt")
    jwt = open(download.value.path()).read()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the credential (.json)").click()
    json_path = download.value.path()
    assert json.loads(open(json_path).read())["credentialSubject"]["achievement"]["name"] == course

    # A visitor, not signed in, pastes the .jwt on the verification page.
    visitor = new_context().new_page()
    visitor.goto("/credentials/verify/")
    problems += blocking_violations(axe, visitor)
    visitor.get_by_label("Paste a credential").fill(jwt)
    visitor.get_by_role("button", name="Verify").click()
    visitor.get_by_role("heading", name="Verified: a valid credential of the academy").wait_for()
    visitor.get_by_text(f"Issued to {NAME} for “{course}”.").wait_for()
    visitor.get_by_text("Not revoked").wait_for()
    problems += blocking_violations(axe, visitor)
    screenshot(visitor, "credentials", "03-verified-jwt")

    # Then uploads the .json, and a copy of it with the course changed.
    visitor.get_by_label("Or upload a credential file").set_input_files(json_path)
    visitor.get_by_role("button", name="Verify").click()
    visitor.get_by_text(
        "Every claim of the presented file matches what the academy signed."
    ).wait_for()
    tampered = json.loads(open(json_path).read())
    tampered["credentialSubject"]["achievement"]["name"] = "Rocket science"
    visitor.get_by_label("Or upload a credential file").set_input_files(
        {
            "name": "tampered.json",
            "mimeType": "application/json",
            "buffer": json.dumps(tampered).encode(),
        }
    )
    visitor.get_by_role("button", name="Verify").click()
    visitor.get_by_role("alert").get_by_text(
        "credentialSubject.achievement.name differs from what the academy signed"
    ).wait_for()
    problems += blocking_violations(axe, visitor)
    screenshot(visitor, "credentials", "04-tampered-json")

    assert not problems, "\n".join(problems)
