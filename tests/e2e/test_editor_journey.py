"""Journey 3: an editor writes a module in the admin and submits it; a moderator approves and
publishes it; learners then find it on its course page and under its skill."""

import re

from courses.models import CoursePage, ModulePage
from materials.models import Material
from skills.models import Skill
from tests.e2e.conftest import e2e, screenshot
from tests.factories import EditorFactory, ModeratorFactory

pytestmark = e2e

PASSWORD = "correct horse battery"
TITLE = "Peer review of action plans"


def settle_autosave(tab):
    """Wagtail saves the editor's draft half a second after each change: let it start and finish
    before submitting, as a person pausing to check their work would."""
    tab.wait_for_timeout(1_000)
    tab.locator(".w-autosave-indicator__state--saving").wait_for(state="hidden")


def sign_in_to_admin(tab, user, step):
    tab.goto("/admin/login/")
    tab.get_by_label("Email").fill(user.email)
    tab.get_by_label("Password").fill(PASSWORD)
    screenshot(tab, "editor", step)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/admin/")


def test_editor_module_goes_live_after_moderation(new_context):
    course = CoursePage.objects.live().filter(modules_in_order=True).first()
    skill = Skill.objects.get(slug="action-planning")
    material = Material.objects.published().filter(skills=skill).order_by("title").first()
    editor, moderator = EditorFactory(), ModeratorFactory()

    tab = new_context().new_page()
    sign_in_to_admin(tab, editor, "01-editor-sign-in")
    tab.goto(f"/admin/pages/{course.pk}/")
    tab.get_by_role("link", name="Add child page").click()
    tab.wait_for_url(f"**/admin/pages/add/courses/modulepage/{course.pk}/")

    tab.get_by_placeholder("Page title*").fill(TITLE)
    tab.get_by_role("textbox", name="Introduction").fill(
        "Swap action plans with a peer and give structured feedback."
    )
    tab.get_by_role("button", name="Insert a block").first.click()
    tab.get_by_role("option", name="Material").click()
    tab.get_by_role("button", name="Choose material").click()
    chooser = tab.get_by_role("dialog")
    chooser.get_by_role("textbox").first.fill(material.title)
    chooser.get_by_role("link", name=material.title).click()
    tab.get_by_text(material.title).first.wait_for()
    # The skills field only accepts values of the taxonomy, picked from its suggestions.
    tab.locator("#id_skills + ul.tagit input").fill(skill.name[:6])
    tab.locator(".ui-autocomplete li", has_text=skill.name).click()
    screenshot(tab, "editor", "02-new-module")

    settle_autosave(tab)
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Submit to Moderators approval").click()
    # "created and submitted" or, once an autosave has created the draft, "has been submitted".
    tab.get_by_text(re.compile(f"Page '{TITLE}' .*submitted for moderation")).wait_for()
    screenshot(tab, "editor", "03-submitted")
    module = ModulePage.objects.get(title=TITLE)
    assert not module.live

    # A learner cannot see it yet.
    visitor = new_context().new_page()
    visitor.goto(course.url)
    assert visitor.get_by_role("link", name=TITLE).count() == 0

    moderator_tab = new_context().new_page()
    sign_in_to_admin(moderator_tab, moderator, "04-moderator-sign-in")
    review = moderator_tab.get_by_role("region", name="Awaiting your review")
    review.get_by_role("link", name=TITLE).wait_for()
    screenshot(moderator_tab, "editor", "05-awaiting-review")
    review.get_by_role("link", name=TITLE).click()
    moderator_tab.get_by_role("button", name="More actions").click()
    moderator_tab.get_by_role("button", name="Approve and Publish", exact=True).click()
    moderator_tab.get_by_text(f"Page '{TITLE}' has been updated").wait_for()
    screenshot(moderator_tab, "editor", "06-published")

    module.refresh_from_db()
    assert module.live
    assert list(module.skills.values_list("slug", flat=True)) == [skill.slug]
    assert [block.value["material"] for block in module.body] == [material]

    visitor.goto(course.url)
    visitor.get_by_role("link", name=TITLE).click()
    visitor.wait_for_url(f"**{module.url}")
    visitor.get_by_role("link", name=material.title).wait_for()
    screenshot(visitor, "editor", "07-module-live")
    visitor.goto(f"/skills/{skill.slug}/")
    modules = visitor.get_by_role("region", name="Modules")
    assert modules.get_by_role("link", name=TITLE).is_visible()
    screenshot(visitor, "editor", "08-under-skill")
