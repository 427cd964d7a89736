"""Editors, moderators and learners: who may do what in the admin."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from courses.models import ModulePage
from materials.models import Material
from tests.factories import EditorFactory, ModeratorFactory, UserFactory

roles_migration = importlib.import_module("lms.core.migrations.0001_editor_and_moderator_roles")


def module_form(title, *, publish=False, submit=False, skills='"Action planning"'):
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "introduction": "Why this module matters.",
            "estimated_minutes": 20,
            "body": streamfield([("paragraph", rich_text("<p>What, why and how.</p>"))]),
            "skills": skills,
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    if submit:
        data["action-submit"] = "action-submit"
    return data


@pytest.fixture
def course(academy):
    """A live course; the module form tags its modules with the academy's "Action planning"."""
    return academy.course


def add_module_url(course):
    return reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))


def test_editor_creates_and_submits_a_module_but_it_waits_for_a_moderator(client, course):
    client.force_login(EditorFactory())

    response = client.post(add_module_url(course), module_form("Reading the room", submit=True))

    assert response.status_code == 302
    module = ModulePage.objects.get(slug="reading-the-room")
    assert not module.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(module.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderators approval"


def test_editor_cannot_publish_a_module(client, course):
    client.force_login(EditorFactory())

    client.post(add_module_url(course), module_form("Not yet live", publish=True))

    module = ModulePage.objects.get(slug="not-yet-live")
    assert not module.live
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(course.pk,)))
    assert response.status_code in (302, 403)
    course.refresh_from_db()
    assert course.live


def test_moderator_publishes_a_module(client, course):
    client.force_login(ModeratorFactory())

    response = client.post(add_module_url(course), module_form("Ready to go", publish=True))

    assert response.status_code == 302
    assert ModulePage.objects.get(slug="ready-to-go").live


def test_moderator_approves_an_editors_submission(client, course):
    client.force_login(EditorFactory())
    client.post(add_module_url(course), module_form("Awaiting review", submit=True))
    module = ModulePage.objects.get(slug="awaiting-review")

    client.force_login(ModeratorFactory())
    state = module.current_workflow_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(module.pk, "approve", state.current_task_state.pk),
        ),
        {"comment": "Good to go"},
    )

    assert response.status_code == 302
    module.refresh_from_db()
    assert module.live


def test_learner_cannot_reach_the_admin(client, db):
    client.force_login(UserFactory())

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response.url


@pytest.mark.parametrize("factory", [EditorFactory, ModeratorFactory])
def test_nobody_but_superusers_manages_users(client, db, factory):
    client.force_login(factory())

    for url in (reverse("wagtailusers_users:index"), reverse("wagtailusers_groups:index")):
        response = client.get(url)
        assert response.status_code in (302, 403), url


def test_only_moderators_manage_the_taxonomy_and_publish_materials(db):
    editor, moderator = EditorFactory(), ModeratorFactory()

    assert editor.has_perm("materials.change_material")
    assert not editor.has_perm("materials.publish_material")
    assert not editor.has_perm("skills.change_skill")
    assert moderator.has_perm("materials.publish_material")
    assert moderator.has_perm("skills.add_skill")
    assert moderator.has_perm("skills.delete_skillarea")
    for user in (editor, moderator):
        assert not user.has_perm("accounts.change_user")
        assert not user.has_perm("auth.change_group")


def test_materials_go_through_the_moderation_workflow(db):
    assert Material.get_default_workflow() == Workflow.objects.get(name="Moderators approval")


def test_roles_migration_is_idempotent(db):
    before = {
        group.name: set(group.permissions.values_list("pk", flat=True))
        for group in Group.objects.all()
    }
    page_permissions = Page.objects.get(depth=1).group_permissions.count()

    roles_migration.configure_roles(apps, None)

    after = {
        group.name: set(group.permissions.values_list("pk", flat=True))
        for group in Group.objects.all()
    }
    assert after == before
    assert Page.objects.get(depth=1).group_permissions.count() == page_permissions
    assert Workflow.objects.filter(name="Moderators approval").count() == 1


def test_editors_keep_the_schedule_and_moderators_also_run_applications_and_seats(client, db):
    """Cohorts' admin (cohorts/migrations/0002): editors add sessions; only moderators see
    applications, seats and attendance."""
    pages = [
        "sessions:add",
        "applications:index",
        "cohort_seats:index",
        "cohorts_reports:attendance",
    ]

    client.force_login(EditorFactory())
    editor = {name: client.get(reverse(name)).status_code for name in pages}
    client.force_login(ModeratorFactory())
    moderator = {name: client.get(reverse(name)).status_code for name in pages}

    assert editor == {
        "sessions:add": 200,
        "applications:index": 302,
        "cohort_seats:index": 302,
        "cohorts_reports:attendance": 302,
    }
    assert set(moderator.values()) == {200}
