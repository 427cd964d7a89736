"""Nothing below an unpublished or closed page is public: not served, listed, searched or given by
the API (issue 19, finding 6).

A live page has only live ancestors (courses/publishing.py): unpublishing a course, by any path,
takes its modules offline; publishing below a draft is refused where an editor publishes, and put
right after the fact where nobody does (scheduled go-live, a workflow's approval, a move, a copy).
A view restriction closes everything below it, through Wagtail's `public()`.
"""

import datetime
import importlib
import json

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import APIToken, Page, PageLogEntry

import pytest

from courses.models import CoursePage, ModulePage
from courses.publishing import UNPUBLISHED_WITH_ANCESTOR
from tests.factories import (
    CoursePageFactory,
    EditorFactory,
    ModeratorFactory,
    ModulePageFactory,
    PageViewRestrictionFactory,
)
from tests.test_roles import add_module_url, module_form

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "courses.migrations.0002_unpublish_pages_below_unpublished_ancestors"
)

WORD = "Wombat"
PLACES = ["search", "autocomplete", "skill page", "pages API", "courses API"]


def places_showing(client, word=WORD):
    """The public places, of those a visitor reads pages through, that show anything titled with
    `word` (a module's title, or its course's as the pages API's `meta.parent.title`)."""
    responses = {
        "search": client.get("/search/", {"q": word.lower()}),
        "autocomplete": client.get("/search/autocomplete/", {"q": word.lower()[:4]}),
        "skill page": client.get("/skills/action-planning/"),
        "pages API": client.get("/api/v3/pages/", {"search": word.lower()}),
        "courses API": client.get("/api/v3/academy/courses/", {"limit": 20}),
    }
    return [place for place, response in responses.items() if word in response.content.decode()]


def tagged(academy, page, live=True):
    page.skills.add(academy.action_planning)
    page.save()
    if live:
        page.save_revision().publish()
    return page


@pytest.fixture
def course(academy):
    """A live course of two live modules, all titled with WORD and tagged "Action planning"."""
    course = tagged(academy, CoursePageFactory(parent=academy.editions[0], title=f"{WORD} course"))
    for number in (1, 2):
        tagged(academy, ModulePageFactory(parent=course, title=f"{WORD} module {number}"))
    return course


def modules_of(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def staff(user):
    client = Client()
    client.force_login(user)
    return client


def token_headers(user):
    return {"Authorization": f"Bearer {APIToken.create_token(user=user, name='script')[1]}"}


def api_post(path, user, data=None):
    return Client().post(
        path, json.dumps(data or {}), content_type="application/json", headers=token_headers(user)
    )


def unpublish_in_the_admin(course):
    response = staff(ModeratorFactory()).post(
        reverse("wagtailadmin_pages:unpublish", args=(course.pk,))
    )
    assert response.status_code == 302


def unpublish_through_the_api(course):
    response = api_post(f"/api/v3/pages/{course.pk}/actions/unpublish/", ModeratorFactory())
    assert response.status_code == 200, response.content


def expire(course):
    course.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    course.save()
    call_command("publish_scheduled")


def unpublish_the_edition(course):
    course.get_parent().unpublish()


@pytest.mark.parametrize(
    "withdraw",
    [unpublish_in_the_admin, unpublish_through_the_api, expire, unpublish_the_edition],
    ids=["admin", "v3 API", "scheduled expiry", "edition above"],
)
def test_a_withdrawn_course_takes_its_modules_offline_everywhere(client, course, withdraw):
    modules = modules_of(course)
    assert [client.get(module.url).status_code for module in modules] == [200, 200]
    assert places_showing(client) == PLACES

    withdraw(course)

    for module in modules:
        module.refresh_from_db()
        assert not module.live and module.has_unpublished_changes
        assert PageLogEntry.objects.filter(page=module, action=UNPUBLISHED_WITH_ANCESTOR).exists()
        assert client.get(module.url).status_code == 404
    assert places_showing(client) == []
    # The module's own detail in the pages API, which named its course as its parent.
    assert client.get(f"/api/v3/pages/{modules[0].pk}/").status_code == 404


@pytest.fixture
def draft_course(academy):
    """A draft course, and a draft module of it ready to publish (it has its skill)."""
    course = tagged(
        academy,
        CoursePageFactory(parent=academy.editions[0], title=f"{WORD} course", live=False),
        live=False,
    )
    module = ModulePageFactory(
        parent=course, title=f"{WORD} module", slug="wombat-module", live=False
    )
    tagged(academy, module, live=False)
    module.save_revision()
    return course


def test_the_editor_refuses_to_publish_a_module_of_a_draft_course(draft_course):
    moderator = staff(ModeratorFactory())
    module = ModulePage.objects.child_of(draft_course).get()

    edited = moderator.post(
        reverse("wagtailadmin_pages:edit", args=(module.pk,)),
        module_form(f"{WORD} module", publish=True),
    )
    created = moderator.post(add_module_url(draft_course), module_form(f"{WORD} new", publish=True))

    for response in (edited, created):
        assert response.status_code == 200
        assert f"“{WORD} course” is not published" in response.content.decode()
    module.refresh_from_db()
    assert not module.live
    assert not ModulePage.objects.filter(slug="wombat-new").exists()
    # A draft may still be saved below it, or scheduled (the course may go live first: checked
    # then), and published once the course is.
    saved = moderator.post(add_module_url(draft_course), module_form(f"{WORD} draft"))
    assert saved.status_code == 302
    tomorrow = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    scheduled = moderator.post(
        add_module_url(draft_course),
        {**module_form(f"{WORD} later", publish=True), "go_live_at": tomorrow},
    )
    assert scheduled.status_code == 302
    later = ModulePage.objects.get(slug="wombat-later")
    assert not later.live and later.revisions.filter(approved_go_live_at__isnull=False).exists()
    draft_course.save_revision().publish()
    edited = moderator.post(
        reverse("wagtailadmin_pages:edit", args=(module.pk,)),
        module_form(f"{WORD} module", publish=True),
    )
    assert edited.status_code == 302
    module.refresh_from_db()
    assert module.live


def test_the_api_refuses_to_publish_below_a_draft_course(draft_course):
    moderator = ModeratorFactory()
    module = ModulePage.objects.child_of(draft_course).get()
    new_module = {
        "title": f"{WORD} new",
        "slug": "wombat-new",
        "skills": ["action-planning"],
        "meta": {"type": "courses.ModulePage", "parent_id": draft_course.pk, "action": "publish"},
    }
    update = {"estimated_minutes": 30, "meta": {"type": "courses.ModulePage", "action": "publish"}}

    published = api_post(f"/api/v3/pages/{module.pk}/actions/publish/", moderator)
    created = api_post("/api/v3/pages/", moderator, new_module)
    updated = Client().patch(
        f"/api/v3/pages/{module.pk}/",
        json.dumps(update),
        content_type="application/json",
        headers=token_headers(moderator),
    )

    for response in (published, created, updated):
        assert response.status_code == 422, response.content
        assert f"“{WORD} course” is not published" in response.content.decode()
    module.refresh_from_db()
    assert not module.live
    assert not ModulePage.objects.filter(slug="wombat-new").exists()


def schedule(page, minutes_ago):
    """`page`'s draft approved to go live `minutes_ago`, as the admin leaves it once that time
    has come: what `publish_scheduled` looks for."""
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    revision = page.save_revision()
    revision.approved_go_live_at = page.go_live_at
    revision.save(update_fields=["approved_go_live_at"])


def test_a_module_scheduled_to_go_live_below_a_draft_course_stays_offline(draft_course):
    module = ModulePage.objects.child_of(draft_course).get()
    schedule(module, minutes_ago=1)

    call_command("publish_scheduled")

    module.refresh_from_db()
    assert not module.live
    assert PageLogEntry.objects.filter(page=module, action=UNPUBLISHED_WITH_ANCESTOR).exists()


def test_a_course_scheduled_before_its_module_takes_it_live_with_it(draft_course):
    module = ModulePage.objects.child_of(draft_course).get()
    schedule(draft_course, minutes_ago=2)
    schedule(module, minutes_ago=1)

    call_command("publish_scheduled")

    draft_course.refresh_from_db()
    module.refresh_from_db()
    assert draft_course.live and module.live


def test_an_approved_module_of_a_draft_course_stays_offline(draft_course):
    editor = staff(EditorFactory())
    editor.post(add_module_url(draft_course), module_form(f"{WORD} submitted", submit=True))
    module = ModulePage.objects.get(slug="wombat-submitted")
    state = module.current_workflow_state

    approved = staff(ModeratorFactory()).post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(module.pk, "approve", state.current_task_state.pk),
        ),
        {"comment": "Fine"},
    )

    assert approved.status_code == 302
    module.refresh_from_db()
    assert not module.live


def test_a_live_module_moved_or_copied_below_a_draft_course_goes_offline(academy, draft_course):
    module = academy.modules[0]
    copy = module.copy(to=draft_course, update_attrs={"slug": "copied-module"}, keep_live=True)
    moved = staff(ModeratorFactory()).post(
        reverse("wagtailadmin_pages:move_confirm", args=(module.pk, draft_course.pk))
    )

    assert moved.status_code == 302
    for page in (module, copy):
        page.refresh_from_db()
        assert page.get_parent().pk == draft_course.pk
        assert not page.live


def test_the_migration_takes_offline_what_sits_below_a_page_that_is_not_live(academy, course):
    """Before the publishing rules, an unpublished course left its modules live."""
    modules = modules_of(course)
    Page.objects.filter(pk=course.pk).update(live=False)
    other = academy.modules[0]

    migration.unpublish_pages_below_unpublished_ancestors(apps, None)

    for module in modules:
        module.refresh_from_db()
        assert not module.live and module.has_unpublished_changes
        assert module.live_revision is None
    other.refresh_from_db()
    assert other.live
    assert CoursePage.objects.get(pk=course.pk).live is False


@pytest.mark.parametrize("on", ["course", "edition"])
@pytest.mark.parametrize("restriction_type", ["password", "login", "groups"])
def test_a_restriction_above_a_module_hides_it_from_the_public(
    client, course, restriction_type, on
):
    module = modules_of(course)[0]
    assert places_showing(client) == PLACES
    group, _ = Group.objects.get_or_create(name=f"{WORD} cohort")

    PageViewRestrictionFactory(
        page=course if on == "course" else course.get_parent(),
        restriction_type=restriction_type,
        groups=[group] if restriction_type == "groups" else [],
    )

    assert places_showing(client) == []
    assert client.get(f"/api/v3/pages/{module.pk}/").status_code == 404
    assert f"{WORD} module" not in client.get(module.url).content.decode()
