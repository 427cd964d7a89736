"""Staff script the academy through Wagtail's v3 API with personal tokens, as `wt` does."""

import json

from wagtail.models import APIToken

import pytest

from courses.models import ModulePage
from materials.models import Material
from tests.factories import EditorFactory, MaterialFactory, ModeratorFactory, UserFactory

SNIPPETS = "/api/v3/snippets/materials.Material/"
PAGES = "/api/v3/pages/"
ACADEMY = "/api/v3/academy/"


class Staff:
    """A client sending one user's bearer token, the way `wt` does."""

    def __init__(self, client, user=None):
        self.client = client
        self.headers = {}
        if user is not None:
            token = APIToken.create_token(user=user, name="script")[1]
            self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path, **params):
        return self.client.get(path, params, headers=self.headers)

    def send(self, method, path, data=None):
        return getattr(self.client, method)(
            path, json.dumps(data or {}), content_type="application/json", headers=self.headers
        )


@pytest.fixture
def editor(client, db):
    return Staff(client, EditorFactory())


@pytest.fixture
def moderator(client, db):
    return Staff(client, ModeratorFactory())


@pytest.fixture
def anonymous(client, db):
    return Staff(client)


# Its skill, like the modules' below, is one of the `academy` fixture's.
NEW_MATERIAL = {
    "title": "Trend radar template",
    "slug": "trend-radar-template",
    "kind": "template",
    "description": "A one-page radar for the trends your members face.",
    "language": "en",
    "date": "2024-03-11",
    "skills": ["Trend analysis"],
    "tags": ["foresight"],
}


def test_editor_lists_creates_a_draft_and_updates_it_but_cannot_publish(editor, academy):
    listed = editor.get(SNIPPETS)
    assert listed.status_code == 200
    assert listed.json()["count"] == Material.objects.count()

    created = editor.send("post", SNIPPETS, NEW_MATERIAL)
    assert created.status_code == 201, created.content
    material = Material.objects.get(slug="trend-radar-template")
    assert not material.live
    draft = material.get_latest_revision_as_object()
    assert [skill.slug for skill in draft.skills.all()] == ["trend-analysis"]

    updated = editor.send("patch", f"{SNIPPETS}{material.pk}/", {"title": "Trend radar"})
    assert updated.status_code == 200, updated.content
    material.refresh_from_db()
    assert material.get_latest_revision_as_object().title == "Trend radar"
    assert not material.live

    published = editor.send("post", f"{SNIPPETS}{material.pk}/actions/publish/")
    assert published.status_code == 403
    material.refresh_from_db()
    assert not material.live
    drafts_seen = editor.get(f"{SNIPPETS}{material.pk}/", version="draft").json()
    assert drafts_seen["title"] == "Trend radar"

    also_published = editor.send(
        "post", SNIPPETS, {**NEW_MATERIAL, "slug": "x", "meta": {"action": "publish"}}
    )
    assert also_published.status_code == 403
    assert not Material.objects.filter(slug="x", live=True).exists()


def test_moderator_publishes_a_draft_material(moderator):
    material = MaterialFactory(live=False)

    response = moderator.send("post", f"{SNIPPETS}{material.pk}/actions/publish/")

    assert response.status_code == 200, response.content
    material.refresh_from_db()
    assert material.live


def module_payload(course, **meta):
    return {
        "title": "Writing a member survey",
        "slug": "writing-a-member-survey",
        "introduction": "Ask members what they need.",
        "estimated_minutes": 25,
        "skills": ["member-satisfaction-surveys"],
        "meta": {"type": "courses.ModulePage", "parent_id": course.pk, **meta},
    }


@pytest.fixture
def course(academy):
    return academy.course


def test_editor_creates_and_updates_a_module_draft_but_cannot_publish(editor, course):
    created = editor.send("post", PAGES, module_payload(course))
    assert created.status_code == 201, created.content
    module = ModulePage.objects.get(slug="writing-a-member-survey")
    assert not module.live

    updated = editor.send(
        "patch",
        f"{PAGES}{module.pk}/",
        {"estimated_minutes": 30, "meta": {"type": "courses.ModulePage"}},
    )
    assert updated.status_code == 200, updated.content

    published = editor.send("post", f"{PAGES}{module.pk}/actions/publish/")
    assert published.status_code == 403
    module.refresh_from_db()
    assert not module.live


def test_a_skill_outside_the_taxonomy_is_refused_by_name(editor, course):
    response = editor.send("post", PAGES, {**module_payload(course), "skills": ["Juggling"]})

    assert response.status_code == 422
    assert "Not in the skills taxonomy: Juggling" in response.content.decode()
    assert not ModulePage.objects.filter(slug="writing-a-member-survey").exists()


def test_moderator_publishes_a_module(moderator, course):
    created = moderator.send("post", PAGES, module_payload(course))
    module_id = created.json()["id"]

    response = moderator.send("post", f"{PAGES}{module_id}/actions/publish/")

    assert response.status_code == 200, response.content
    module = ModulePage.objects.get(pk=module_id)
    assert module.live
    assert [skill.name for skill in module.skills.all()] == ["Member satisfaction surveys"]


def test_editor_submits_a_module_draft_and_moderators_find_it_waiting(editor, course):
    module_id = editor.send("post", PAGES, module_payload(course)).json()["id"]

    submitted = editor.send("post", f"{ACADEMY}pages/{module_id}/submit/")

    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["task"] == "Moderators approval"
    module = ModulePage.objects.get(pk=module_id)
    assert module.workflow_in_progress and not module.live
    again = editor.send("post", f"{ACADEMY}pages/{module_id}/submit/")
    assert again.status_code == 409


def test_editor_submits_a_material_draft(editor, academy):
    material_id = editor.send("post", SNIPPETS, NEW_MATERIAL).json()["id"]

    submitted = editor.send("post", f"{ACADEMY}materials/{material_id}/submit/")

    assert submitted.status_code == 200, submitted.content
    material = Material.objects.get(pk=material_id)
    assert material.workflow_in_progress and not material.live


def test_a_module_without_skills_is_neither_submitted_nor_published(editor, moderator, course):
    bare = {**module_payload(course), "skills": []}
    module_id = editor.send("post", PAGES, bare).json()["id"]

    submitted = editor.send("post", f"{ACADEMY}pages/{module_id}/submit/")
    published = moderator.send("post", f"{PAGES}{module_id}/actions/publish/")
    created_live = moderator.send(
        "post",
        PAGES,
        {**bare, "slug": "bare-and-live", "meta": {**bare["meta"], "action": "publish"}},
    )

    for refused in (submitted, published, created_live):
        assert refused.status_code == 422, refused.content
        assert "Add at least one skill" in refused.content.decode()
    module = ModulePage.objects.get(pk=module_id)
    assert not module.live and not module.workflow_in_progress
    assert not ModulePage.objects.filter(slug="bare-and-live").exists()


def test_only_those_who_may_edit_submit(anonymous, client, course):
    learner = Staff(client, UserFactory())
    draft = course.add_child(instance=ModulePage(title="Draft", slug="draft-x", live=False))
    material = MaterialFactory(live=False)

    assert anonymous.send("post", f"{ACADEMY}pages/{draft.pk}/submit/").status_code == 401
    assert learner.send("post", f"{ACADEMY}pages/{draft.pk}/submit/").status_code == 403
    assert learner.send("post", f"{ACADEMY}materials/{material.pk}/submit/").status_code == 403
    assert learner.send("post", f"{ACADEMY}materials/999999/submit/").status_code == 404
    assert not draft.workflow_in_progress and not material.workflow_in_progress


def test_no_token_gets_no_write_access_and_never_sees_drafts(anonymous, course):
    draft = MaterialFactory(live=False)
    draft_module = course.add_child(
        instance=ModulePage(title="Draft module", slug="draft-module", live=False)
    )

    assert anonymous.get(SNIPPETS).status_code == 401
    assert anonymous.get(f"{SNIPPETS}{draft.pk}/").status_code == 401
    assert anonymous.send("post", SNIPPETS, NEW_MATERIAL).status_code == 401
    assert anonymous.send("post", PAGES, module_payload(course)).status_code == 401
    assert anonymous.send("post", f"{PAGES}{draft_module.pk}/actions/publish/").status_code == 401
    assert anonymous.get(f"{PAGES}{draft_module.pk}/").status_code == 404
    listed = anonymous.get(PAGES, child_of=course.pk).json()
    listed_ids = {page["id"] for page in listed["items"]}
    assert listed_ids and draft_module.pk not in listed_ids
    assert not Material.objects.filter(slug=NEW_MATERIAL["slug"]).exists()
    draft_module.refresh_from_db()
    assert not draft_module.live
