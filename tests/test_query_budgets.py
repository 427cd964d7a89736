"""No public page needs more than 15 SQL queries, and none needs more as the academy grows.

Each page is counted on a small academy built with the factories, then again once a generated
academy many times its size has been added on top (`manage.py generate_load_data`, the command
docs/performance.md measures the same pages with at 100,000 materials).

The exceptions: full-text search on SQLite, which takes one query more per search, and the pages
that show materials, which first ask whether the library is open to the visitor (three queries).
"""

import json
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.models import CoursePage, EditionPage, ModulePage
from home.models import HomeFeaturedCourse
from materials.models import Material
from tests.factories import (
    CoursePageFactory,
    EditionPageFactory,
    MaterialFactory,
    ModulePageFactory,
    material_block,
)

MAX_QUERIES = 15

# On SQLite each full-text search reads its ranking, then its rows (lms/core/search_sqlite.py: one
# query more than Wagtail's backend, whose single query grows with the square of the matches).
SQLITE_SEARCHES = {"search": 4, "library search": 1}
# Materials show only where the library is open to the visitor (issue 19), asked once per request:
# whether a page above the library is not live, and the view restrictions as Wagtail reads them
# (its ancestors, then their restrictions). The library page pays it on top of Wagtail's own check,
# and a module citing a material asks it before showing the citation.
LIBRARY_CHECK = dict.fromkeys(
    (
        "library",
        "library filtered",
        "library search",
        "skill",
        "skill area",
        "search",
        "module with a material",
    ),
    3,
)

# What the generated academy adds: hundreds of times the small academy's materials, over ten times
# its modules (each citing two materials) and courses, and learners with their progress.
LARGER = {
    "editions": 4,
    "courses": 16,
    "modules": 100,
    "materials": 2000,
    "learners": 50,
    "completions": 500,
    "seed": 7,
}


@pytest.fixture
def small_academy(academy):
    """The small academy with something on every page the budgets visit: a featured course,
    English slides on action planning, and a module citing them, both found by a search for
    "guide" (as are hundreds of generated materials, yet no generated page, so that the first
    page of results holds pages and materials at either size)."""
    academy.home.featured_courses.create(course=academy.course)
    academy.home.save()
    slides = MaterialFactory(
        title="Guide to cluster strategy, in slides",
        description="Slides on cluster strategy for cluster managers.",
        kind=Material.Kind.SLIDES,
        language="en",
        edition=academy.editions[1],
        skills=[academy.action_planning, academy.trend_analysis],
        tags=["strategy"],
    )
    module = ModulePageFactory(
        parent=academy.courses[1],
        title="Guide to cluster strategy in practice",
        body=json.dumps([material_block(slides, note="Open it now.")]),
    )
    module.skills.add(academy.action_planning)
    module.save_revision().publish()
    return academy


def newest_edition():
    return EditionPage.objects.live().order_by("-number").first()


def module_citing_a_material():
    """The last module in the tree that cites a material: ours on the small academy, a generated
    one (citing two) on the larger."""
    return next(
        module
        for module in ModulePage.objects.live().order_by("-path")
        if any(block.block_type == "material" for block in module.body)
    )


# Each page is found anew at each size, so that on the larger academy it is the one with more to
# show: the newest edition and its last course are then generated ones, with more courses and
# modules, and the library, skill and search pages list from two thousand materials.
PAGES = {
    "home": lambda academy: "/",
    "edition": lambda academy: newest_edition().url,
    "course": lambda academy: CoursePage.objects.live().order_by("path").last().url,
    "module with a material": lambda academy: module_citing_a_material().url,
    "library": lambda academy: "/materials/",
    "library filtered": lambda academy: (
        f"/materials/?skill={academy.action_planning.slug}&kind=slides&language=en"
    ),
    "library search": lambda academy: "/materials/?q=strategy&sort=title",
    "skill": lambda academy: academy.action_planning.get_absolute_url(),
    "skill area": lambda academy: academy.strategy.get_absolute_url(),
    "search": lambda academy: "/search/?q=guide",
}


def count_queries(client, url):
    client.get(url)  # look-ups Django and Wagtail keep once made (content types, site roots)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def grow():
    """Add the generated academy on top of what is there."""
    call_command("generate_load_data", stdout=StringIO(), **LARGER)


@pytest.mark.parametrize("name", PAGES)
def test_a_public_page_needs_at_most_15_queries_at_any_size(
    client, small_academy, name, django_assert_num_queries
):
    budget = MAX_QUERIES + LIBRARY_CHECK.get(name, 0)
    budget += SQLITE_SEARCHES.get(name, 0) if connection.vendor == "sqlite" else 0
    small_url = PAGES[name](small_academy)
    small = count_queries(client, small_url)
    assert small <= budget, f"{small_url}: {small} queries"

    grow()
    large_url = PAGES[name](small_academy)
    client.get(large_url)  # the same look-ups, made anew after the content changed
    with django_assert_num_queries(small):
        assert client.get(large_url).status_code == 200


def test_home_and_edition_pages_list_more_in_the_same_queries(client, academy):
    """Editions, featured courses and course cards are read per list, never per item."""
    home, edition = academy.home, academy.editions[1]
    home.featured_courses.create(course=academy.courses[1])
    home.save()
    before = count_queries(client, "/"), count_queries(client, edition.url)
    for _ in range(3):
        EditionPageFactory(parent=home)
        course = CoursePageFactory(parent=edition)
        ModulePageFactory(parent=course)
        course.skills.add(academy.kpis)
        course.save()
        home.featured_courses.create(course=course)
    home.save()
    assert HomeFeaturedCourse.objects.filter(page=home).count() == 4
    assert (count_queries(client, "/"), count_queries(client, edition.url)) == before


def test_site_search_shows_more_results_in_the_same_queries(client, academy):
    """Each result shows its title, type and URL from the row the search read."""

    def add_results(count):
        for _ in range(count):
            number = ModulePage.objects.count()
            ModulePageFactory(parent=academy.course, title=f"Zebrafish module {number}")
            MaterialFactory(title=f"Zebrafish material {number}")

    add_results(1)
    before = count_queries(client, "/search/?q=zebrafish")
    add_results(4)
    response = client.get("/search/?q=zebrafish")
    assert response.content.decode().count("Zebrafish") == 10
    assert count_queries(client, "/search/?q=zebrafish") == before
