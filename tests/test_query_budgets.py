"""No public page needs more than 15 SQL queries (docs/performance.md measures them at scale).

The one exception is full-text search on SQLite, which takes one query more per search.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.models import CoursePage, EditionPage, ModulePage
from skills.models import Skill
from tests.factories import (
    CoursePageFactory,
    EditionPageFactory,
    MaterialFactory,
    ModulePageFactory,
)

MAX_QUERIES = 15


def module_citing_a_material():
    return next(
        module
        for module in ModulePage.objects.live().order_by("path")
        if any(block.block_type == "material" for block in module.body)
    )


PAGES = {
    "home": lambda: "/",
    "edition": lambda: EditionPage.objects.live().order_by("-number").first().url,
    "course": lambda: CoursePage.objects.live().order_by("path").last().url,
    "module with a material": lambda: module_citing_a_material().url,
    "library": lambda: "/materials/",
    "library filtered": lambda: "/materials/?skill=action-planning&kind=slides&language=en",
    "library search": lambda: "/materials/?q=strategy&sort=title",
    "skill": lambda: Skill.objects.get(slug="action-planning").get_absolute_url(),
    "skill area": lambda: Skill.objects.get(slug="action-planning").area.get_absolute_url(),
    "search": lambda: "/search/?q=cluster",
}


# On SQLite each full-text search reads its ranking, then its rows (lms/core/search_sqlite.py: one
# query more than Wagtail's backend, whose single query grows with the square of the matches).
SQLITE_SEARCHES = {"search": 4, "library search": 1}


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_a_public_page_needs_at_most_15_queries(client, name, django_assert_max_num_queries):
    url = PAGES[name]()
    client.get(url)  # look-ups Django and Wagtail keep once made (content types, site roots)
    extra = SQLITE_SEARCHES.get(name, 0) if connection.vendor == "sqlite" else 0
    with django_assert_max_num_queries(MAX_QUERIES + extra):
        assert client.get(url).status_code == 200


def count_queries(client, url):
    client.get(url)  # look-ups kept once made, as above
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_home_and_edition_pages_list_more_in_the_same_queries(client, home):
    """Editions, featured courses and course cards are read per list, never per item."""
    edition = EditionPage.objects.live().order_by("-number").first()
    before = count_queries(client, "/"), count_queries(client, edition.url)
    for _ in range(3):
        EditionPageFactory(parent=home)
        course = CoursePageFactory(parent=edition)
        ModulePageFactory(parent=course)
        course.skills.add(Skill.objects.first())
        course.save()
        home.featured_courses.create(course=course)
    assert (count_queries(client, "/"), count_queries(client, edition.url)) == before


@pytest.mark.django_db
def test_site_search_shows_more_results_in_the_same_queries(client, home):
    """Each result shows its title, type and URL from the row the search read."""
    course = CoursePage.objects.live().first()

    def add_results(count):
        for _ in range(count):
            number = ModulePage.objects.count()
            ModulePageFactory(parent=course, title=f"Zebrafish module {number}")
            MaterialFactory(title=f"Zebrafish material {number}")

    add_results(1)
    before = count_queries(client, "/search/?q=zebrafish")
    add_results(4)
    response = client.get("/search/?q=zebrafish")
    assert response.content.decode().count("Zebrafish") == 10
    assert count_queries(client, "/search/?q=zebrafish") == before
