"""The skills taxonomy is a controlled vocabulary: editors pick skills, they cannot invent them."""

from django.urls import reverse
from django.utils.html import escape

import pytest
from taggit.models import Tag

from courses.models import CoursePage
from skills.models import Skill
from tests.factories import SkillAreaFactory, SkillFactory


@pytest.fixture
def editor_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser(email="editor@example.org", password="pw")
    client.force_login(admin)
    return client


def edit_course_form(course, skills, tags):
    """The page editor's POST for a course, changing only its skills and tags."""
    return {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "learning_outcomes-count": "0",
        "level": course.level,
        "delivery": course.delivery,
        "estimated_hours": "",
        "skills": skills,
        "tags": tags,
        "action-publish": "publish",
    }


@pytest.mark.django_db
def test_typing_an_unknown_skill_is_refused_and_creates_nothing(editor_client, academy):
    course = academy.course
    known = academy.trend_analysis
    skills_before = Skill.objects.count()
    skills_of_course = [s.slug for s in course.skills.all()]

    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
        edit_course_form(course, f'"{known.name}", Underwater basket weaving', "new-free-tag"),
    )

    assert response.status_code == 200
    assert "Not in the skills taxonomy: Underwater basket weaving" in response.content.decode()
    assert Skill.objects.count() == skills_before
    assert not Skill.objects.filter(name__iexact="Underwater basket weaving").exists()
    assert [s.slug for s in CoursePage.objects.get(pk=course.pk).skills.all()] == skills_of_course


def test_free_tags_stay_free_beside_skills(editor_client, academy):
    course = academy.course
    known = academy.trend_analysis

    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
        edit_course_form(course, f'"{known.name}"', "new-free-tag"),
    )

    assert response.status_code == 302, response.content[:2000]
    course = CoursePage.objects.get(pk=course.pk)
    assert [s.slug for s in course.skills.all()] == ["trend-analysis"]
    assert Tag.objects.filter(name="new-free-tag").exists()
    assert "new-free-tag" in [t.name for t in course.tags.all()]


@pytest.mark.django_db
def test_skill_and_area_slugs_never_collide():
    skill = SkillFactory()
    clashing = Skill(name="Clash", slug=skill.area.slug, area=skill.area)
    with pytest.raises(Exception, match="skill area already uses this slug"):
        clashing.full_clean()


@pytest.mark.django_db
def test_the_skills_index_lists_every_area_of_the_taxonomy(client):
    """Each area of the taxonomy on the skills index, its name escaped. (That the demo's taxonomy
    has eight areas of three skills or more is the demo's content: tests/test_demo_academy.py.)"""
    areas = [SkillAreaFactory(name=f"Area {number} & co") for number in range(3)]
    for area in areas:
        SkillFactory.create_batch(3, area=area)

    response = client.get(reverse("skills:index"))

    assert response.status_code == 200
    for area in areas:
        assert escape(area.name) in response.content.decode()
