"""Skill pages: the taxonomy with what each skill teaches, and one page per skill or area."""

import pytest

from courses.models import CoursePage, ModulePage
from materials.models import Material
from search.taxonomy import published_taxonomy as skill_taxonomy
from skills.models import Skill
from tests.factories import MaterialFactory, UserFactory, hidden_content, library_catalogue


def _counts(client):
    response = client.get("/skills/")
    assert response.status_code == 200
    return {
        item.slug: (item.course_count, item.module_count, item.material_count)
        for area in response.context["areas"]
        for item in [area, *area.skill_list]
    }


@pytest.mark.django_db
def test_skill_index_counts_published_courses_modules_and_materials(client, academy):
    library_catalogue(academy)
    counts = _counts(client)
    for skill in Skill.objects.all():
        assert counts[skill.slug] == (
            CoursePage.objects.live().filter(skill_items__tag=skill).count(),
            ModulePage.objects.live().filter(skill_items__tag=skill).count(),
            Material.objects.published().filter(skill_items__tag=skill).count(),
        )
    area_materials = (
        Material.objects.published().filter(skills__area__slug="strategy-foresight").distinct()
    )
    assert counts["strategy-foresight"][2] == area_materials.count()
    assert "Strategy &amp; foresight" in client.get("/skills/").content.decode()


@pytest.mark.django_db
def test_area_page_shows_everything_tagged_with_any_of_its_skills(client, academy):
    library_catalogue(academy)
    only_sub_skill = MaterialFactory(
        title="Action plan one-pager", skills=[academy.action_planning]
    )
    response = client.get("/skills/strategy-foresight/")
    assert response.status_code == 200
    materials = response.context["page_obj"].paginator.object_list
    assert only_sub_skill in materials
    assert (
        materials.count()
        == (
            Material.objects.published().filter(skills__area__slug="strategy-foresight").distinct()
        ).count()
    )
    course_titles = {c.title for c in response.context["courses"]}
    assert academy.course.title in course_titles


@pytest.mark.django_db
def test_skill_page_paginates_materials(client, academy):
    skill = academy.action_planning
    for i in range(15):
        MaterialFactory(title=f"Planning drill {i:02}", skills=[skill])
    first = client.get("/skills/action-planning/")
    second = client.get("/skills/action-planning/?page=2")
    total = Material.objects.published().filter(skill_items__tag=skill).count()
    assert len(first.context["page_obj"]) == 12
    # The total comes from the stored counts the triggers keep, and must match the materials.
    assert first.context["page_obj"].paginator.count == total
    assert len(first.context["page_obj"]) + len(second.context["page_obj"]) == total
    assert 'href="?page=2"' in first.content.decode()
    assert "/materials/?skill=action-planning" in first.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/skills/no-such-skill/", "/skills/%E2%9C%93/"])
def test_unknown_skill_is_404(client, academy, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_bad_page_number_is_400_not_500(client, academy):
    response = client.get("/skills/action-planning/?page=abc")
    assert response.status_code == 400
    assert "page" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("as_learner", [False, True])
def test_hidden_content_never_appears_on_skill_pages_or_in_their_counts(
    client, academy, as_learner
):
    if as_learner:
        client.force_login(UserFactory())
    before = _counts(client)
    hidden_content(academy)
    assert _counts(client) == before
    request = client.get("/skills/").wsgi_request
    assert [a.material_count for a in skill_taxonomy(request)] == [
        before[a.slug][2] for a in skill_taxonomy(request)
    ]
    for url in ["/skills/", "/skills/action-planning/", "/skills/strategy-foresight/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Quokka" not in response.content.decode(), url
