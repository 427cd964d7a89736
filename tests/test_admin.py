"""The Academy admin menu: materials and the skills taxonomy, as editors and moderators use them."""

import json

from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import ReferenceIndex

import pytest

from materials.models import Material
from skills.models import Skill, SkillArea
from tests.factories import (
    EditorFactory,
    MaterialFactory,
    ModeratorFactory,
    ModulePageFactory,
    SkillFactory,
    UserFactory,
    material_block,
)


def url(model, view, *args):
    return reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}", args=args
    )


@pytest.fixture
def editor(client, db):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def moderator(client, db):
    client.force_login(ModeratorFactory())
    return client


# Who reaches which view: (model, view, editor's status, moderator's status).
ACCESS = [
    ("material", "list", 200, 200),
    ("material", "add", 200, 200),
    ("material", "edit", 200, 200),
    ("material", "usage", 200, 200),
    ("skill", "list", 200, 200),
    ("skill", "add", 302, 200),
    ("skill", "edit", 302, 200),
    ("skillarea", "list", 200, 200),
    ("skillarea", "add", 302, 200),
    ("skillarea", "edit", 302, 200),
]
MODELS = {"material": Material, "skill": Skill, "skillarea": SkillArea}


def view_url(academy, model, view):
    instance = {"material": academy.material, "skill": academy.kpis, "skillarea": academy.strategy}
    args = (instance[model].pk,) if view in ("edit", "usage") else ()
    return url(MODELS[model], view, *args)


@pytest.mark.parametrize(("model", "view", "editor_status", "moderator_status"), ACCESS)
def test_each_academy_view_answers_the_right_role(
    client, academy, model, view, editor_status, moderator_status
):
    target = view_url(academy, model, view)

    client.force_login(EditorFactory())
    assert client.get(target).status_code == editor_status
    client.force_login(ModeratorFactory())
    assert client.get(target).status_code == moderator_status
    client.force_login(UserFactory())
    response = client.get(target)
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_materials_filter_by_kind_skill_and_file(editor):
    skill = SkillFactory()
    tagged = MaterialFactory(title="Cluster canvas", kind="template", skills=[skill])
    MaterialFactory(title="Other canvas", kind="template")

    response = editor.get(url(Material, "list"), {"skills": skill.pk, "kind": "template"})

    titles = [material.title for material in response.context["object_list"]]
    assert titles == [tagged.title]

    with_file = editor.get(url(Material, "list"), {"has_file": "true"}).context["object_list"]
    without = editor.get(url(Material, "list"), {"has_file": "false"}).context["object_list"]
    assert all(material.document_id for material in with_file)
    assert not any(material.document_id for material in without)
    assert tagged in without


def test_materials_search_and_sort(editor):
    MaterialFactory(title="Zebra governance worksheet")

    response = editor.get(url(Material, "list"), {"q": "Zebra"})
    assert [m.title for m in response.context["object_list"]] == ["Zebra governance worksheet"]

    response = editor.get(url(Material, "list"), {"ordering": "title"})
    titles = [m.title for m in response.context["object_list"]]
    assert titles == sorted(titles)


def test_material_listing_queries_do_not_grow_with_materials(
    editor, academy, django_assert_max_num_queries
):
    editor.get(url(Material, "list"))
    with django_assert_max_num_queries(40) as small:
        editor.get(url(Material, "list"))
    for _ in range(10):
        MaterialFactory(skills=[SkillFactory()])
    with django_assert_max_num_queries(len(small.captured_queries)):
        editor.get(url(Material, "list"))


def test_bulk_add_a_skill_to_many_materials(moderator, academy):
    skill = academy.action_planning
    materials = [MaterialFactory(), MaterialFactory()]
    bulk_url = (
        reverse("wagtail_bulk_action", args=("materials", "material", "add_skills"))
        + "?"
        + "&".join(f"id={m.pk}" for m in materials)
    )

    assert moderator.get(bulk_url).status_code == 200
    response = moderator.post(bulk_url, {"skills": [skill.pk]})

    assert response.status_code == 302
    for material in materials:
        material.refresh_from_db()
        assert skill in material.skills.all()
        assert material.live


def test_bulk_add_a_tag_as_an_editor_waits_in_a_draft(editor):
    material = MaterialFactory()
    bulk_url = reverse("wagtail_bulk_action", args=("materials", "material", "add_tags"))

    response = editor.post(f"{bulk_url}?id={material.pk}", {"tags": "peer learning"})

    assert response.status_code == 302
    material.refresh_from_db()
    assert not material.tags.exists()
    draft = material.get_latest_revision_as_object()
    assert [tag.name for tag in draft.tags.all()] == ["peer learning"]


def test_material_usage_lists_the_modules_that_reference_it(editor, academy):
    referenced = academy.material
    module = ModulePageFactory(
        parent=academy.course,
        title="Planning with the template",
        body=json.dumps([material_block(referenced)]),
    )
    ReferenceIndex.create_or_update_for_object(module)

    response = editor.get(url(Material, "usage", referenced.pk))

    assert response.status_code == 200
    assert module.title in response.content.decode()


def test_skills_show_their_area_and_how_much_uses_them(editor, academy):
    response = editor.get(url(Skill, "list"))

    skills = {skill.slug: skill for skill in response.context["object_list"]}
    planning = academy.action_planning
    assert skills["action-planning"].area == planning.area
    assert skills["action-planning"].module_count == planning.module_items.count()
    assert skills["action-planning"].material_count == planning.material_items.count()
    assert skills["action-planning"].course_count == planning.course_items.count()


@pytest.fixture
def arranged(academy):
    """The academy's skills with an order of their own in each area, as editors arrange them
    (dragging needs distinct positions): a third skill of Strategy & foresight comes last."""
    scenarios = SkillFactory(
        name="Scenario building", slug="scenario-building", area=academy.strategy
    )
    for skills in (
        [academy.action_planning, academy.trend_analysis, scenarios],
        [academy.kpis, academy.surveys],
    ):
        for order, skill in enumerate(skills):
            skill.sort_order = order
            skill.save()
    return academy


def tree(moderator):
    response = moderator.get(url(Skill, "list"), {"ordering": "sort_order"})
    return list(response.context["object_list"])


def test_skills_list_as_a_tree_and_reorder_within_their_area(moderator, arranged):
    skills = tree(moderator)
    areas = [skill.area_id for skill in skills]
    assert areas == sorted(areas, key=areas.index), "each area's skills are listed together"
    area = skills[0].area
    siblings = [skill for skill in skills if skill.area == area]

    response = moderator.post(url(Skill, "reorder", siblings[-1].pk) + "?position=0")

    assert response.status_code == 200
    reordered = [skill for skill in tree(moderator) if skill.area == area]
    assert reordered == [siblings[-1], *siblings[:-1]]


def test_a_skill_cannot_be_dragged_into_another_area(moderator, arranged):
    skills = tree(moderator)
    other = next(skill for skill in skills if skill.area != skills[0].area)

    response = moderator.post(url(Skill, "reorder", other.pk) + "?position=0")

    assert response.status_code == 400
    assert tree(moderator) == skills


def test_deleting_a_skill_in_use_is_refused_with_the_reason(moderator, academy):
    skill = academy.action_planning
    module_count = skill.module_items.count()

    response = moderator.post(url(Skill, "delete", skill.pk), follow=True)

    assert response.status_code == 200
    assert Skill.objects.filter(pk=skill.pk).exists()
    message = str(list(response.context["messages"])[0])
    assert "cannot be deleted" in message
    assert f"{module_count} modules" in message


def test_deleting_a_skill_refused_even_when_the_reference_index_is_stale(moderator):
    skill = SkillFactory()
    material = MaterialFactory(skills=[skill])
    ReferenceIndex.objects.filter(to_object_id=str(skill.pk)).delete()

    response = moderator.post(url(Skill, "delete", skill.pk), follow=True)

    assert response.status_code == 200
    assert Skill.objects.filter(pk=skill.pk).exists()
    assert material.skills.filter(pk=skill.pk).exists()


def test_deleting_an_unused_skill_works(moderator):
    skill = SkillFactory()

    response = moderator.post(url(Skill, "delete", skill.pk))

    assert response.status_code == 302
    assert not Skill.objects.filter(pk=skill.pk).exists()


def test_admin_url_finder_knows_materials(db):
    material = MaterialFactory()
    user = ModeratorFactory()

    assert AdminURLFinder(user).get_edit_url(material) == url(Material, "edit", material.pk)
