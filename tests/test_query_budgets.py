"""No public page needs more than 15 SQL queries (docs/performance.md measures them at scale).

The one exception is full-text search on SQLite, which takes one query more per search.
"""

from django.db import connection

import pytest

from courses.models import CoursePage, EditionPage, ModulePage, Skill

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
