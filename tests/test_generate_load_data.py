"""An operator fills the academy with generated load data on top of what is loaded.

The command needs a site and the skills taxonomy (usually the demo academy's); a small academy
built with the factories has both.
"""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client

from wagtail.models import Page

import pytest

from courses.models import CoursePage, EditionPage, ModulePage
from learning.models import Enrolment, ModuleCompletion
from materials.models import Material
from tests.test_facet_counts import assert_exact

SMALL = {
    "editions": 2,
    "courses": 4,
    "modules": 12,
    "materials": 30,
    "learners": 5,
    "completions": 20,
    "seed": 1,
}


def generate(**sizes):
    out = StringIO()
    call_command("generate_load_data", stdout=out, **{**SMALL, **sizes})
    return out.getvalue()


def test_it_adds_the_requested_numbers_to_what_is_loaded(academy):
    before = {
        model: model.objects.count()
        for model in (EditionPage, CoursePage, ModulePage, Enrolment, ModuleCompletion)
    }
    before[Material] = Material.objects.published().count()  # the academy has a draft too
    generate()
    generate()
    assert EditionPage.objects.count() == before[EditionPage] + 4
    assert CoursePage.objects.count() == before[CoursePage] + 8
    assert ModulePage.objects.count() == before[ModulePage] + 24
    assert Material.objects.published().count() == before[Material] + 60
    assert ModuleCompletion.objects.count() == before[ModuleCompletion] + 40
    assert Enrolment.objects.count() > before[Enrolment]


def test_the_page_tree_stays_valid_and_every_generated_page_is_served(academy):
    generate()
    assert Page.find_problems() == ([], [], [], [], [])
    client = Client()
    edition = EditionPage.objects.order_by("-pk").first()
    assert client.get(edition.url).status_code == 200
    for course in CoursePage.objects.child_of(edition):
        response = client.get(course.url)
        assert response.status_code == 200
        for module in course.get_modules():
            assert module.title.encode() in response.content
            assert client.get(module.url).status_code == 200


def test_generated_materials_carry_skills_and_can_be_found_by_search_and_skill(academy):
    generate()
    material = Material.objects.order_by("-pk").first()
    skills = list(material.skills.all())
    assert 1 <= len(skills) <= 4
    assert Material.objects.published().search(material.title.split("#")[0]).count() > 0
    number = material.title.split("#")[1]
    assert material in Material.objects.search(f"{skills[0].name} {number}")
    assert Client().get(f"/materials/{material.slug}/").status_code == 200
    assert material in Material.objects.filter(skills=skills[0])


def test_generated_pages_are_in_the_search_index(academy):
    generate()
    module = ModulePage.objects.order_by("-pk").first()
    results = ModulePage.objects.live().search(module.title)
    assert module.pk in [page.pk for page in results]


def test_completions_belong_to_enrolled_courses_of_the_generated_learners(academy):
    generate()
    completion = ModuleCompletion.objects.select_related("module").order_by("-pk").first()
    course = CoursePage.objects.parent_of(completion.module).get()
    assert Enrolment.objects.filter(learner=completion.learner, course=course).exists()


def test_impossible_sizes_are_refused_clearly(db):
    with pytest.raises(CommandError, match="negative"):
        generate(materials=-1)
    with pytest.raises(CommandError, match="Modules need"):
        generate(courses=0, modules=5)


def test_without_a_taxonomy_it_asks_for_the_academy_first(home):
    with pytest.raises(CommandError, match="No skills: run `manage.py load_academy` first"):
        generate()


def test_the_library_counts_generated_materials_exactly_and_keeps_counting_after(academy):
    """The generator pauses the facet-count triggers and recounts once; they work again after."""
    generate()
    assert_exact()
    material = Material.objects.filter(live=True).first()
    material.live = False
    material.save()
    assert_exact()


def test_postgresql_plans_with_statistics_of_the_generated_rows(academy):
    """Autovacuum would analyse the new rows only minutes later; until then the planner guesses."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL planner statistics; SQLite is deliberately not analysed")
    generate()
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'materials_material'")
        (estimated,) = cursor.fetchone()
    assert estimated == Material.objects.count()
