"""What the page editor refuses: publishing without a skill, a self-check without one right answer."""

import re

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from courses.models import ModulePage
from tests.factories import EditorFactory, ModeratorFactory
from tests.test_roles import add_module_url, module_form


@pytest.fixture
def moderator(client, db):
    client.force_login(ModeratorFactory())
    return client


@pytest.fixture
def course(academy):
    """A live course of the academy; its modules are tagged with the skill "Action planning"."""
    return academy.course


def test_a_module_without_skills_cannot_be_published(moderator, course):
    response = moderator.post(
        add_module_url(course), module_form("No skills", publish=True, skills="")
    )

    assert response.status_code == 200
    assert "Add at least one skill before publishing" in response.content.decode()
    assert not ModulePage.objects.filter(slug="no-skills").exists()


def test_a_module_without_skills_cannot_be_submitted_for_moderation(client, course):
    client.force_login(EditorFactory())

    response = client.post(
        add_module_url(course), module_form("Submitted bare", submit=True, skills="")
    )

    assert response.status_code == 200
    assert "Add at least one skill before publishing or submitting" in response.content.decode()
    assert not ModulePage.objects.filter(slug="submitted-bare").exists()


def test_the_editor_tells_skills_from_tags(moderator, course):
    html = moderator.get(add_module_url(course)).content.decode()

    labels = dict(re.findall(r'<label[^>]*for="id_(skills|tags)"[^>]*>\s*(\w+)', html))
    assert labels == {"skills": "Skills", "tags": "Tags"}


def test_a_module_without_skills_can_be_saved_as_a_draft(moderator, course):
    response = moderator.post(add_module_url(course), module_form("Skills later", skills=""))

    assert response.status_code == 302
    assert not ModulePage.objects.get(slug="skills-later").live


def test_a_course_without_skills_cannot_be_published(moderator, course):
    edition = course.get_parent()

    response = moderator.post(
        reverse("wagtailadmin_pages:add", args=("courses", "coursepage", edition.pk)),
        {
            "title": "Skill-less course",
            "slug": "skill-less-course",
            "summary": "Two sentences.",
            "learning_outcomes-count": 0,
            "level": "foundation",
            "delivery": "online",
            "skills": "",
            "tags": "",
            "comments-TOTAL_FORMS": 0,
            "comments-INITIAL_FORMS": 0,
            "comments-MIN_NUM_FORMS": 0,
            "comments-MAX_NUM_FORMS": 1000,
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 200
    assert "Add at least one skill before publishing" in response.content.decode()


def test_a_self_check_needs_exactly_one_correct_answer(moderator, course):
    data = module_form("Two right answers", publish=True)
    check = nested_form_data(
        {
            "body": streamfield(
                [
                    (
                        "self_check",
                        {
                            "question": "Which is right?",
                            "options": streamfield(
                                [
                                    ("item", {"text": "A", "correct": "on"}),
                                    ("item", {"text": "B", "correct": "on"}),
                                ]
                            ),
                            "explanation": "",
                        },
                    )
                ]
            )
        }
    )
    data = {k: v for k, v in data.items() if not k.startswith("body-")} | check

    response = moderator.post(add_module_url(course), data)

    assert response.status_code == 200
    assert "Mark exactly one option as the correct answer." in response.content.decode()
    assert not ModulePage.objects.filter(slug="two-right-answers").exists()
