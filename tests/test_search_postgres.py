"""On PostgreSQL, search ranks inside the index and orders results as Wagtail's own backend does."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

import pytest

from courses.models import ModulePage
from materials.models import Material
from skills.models import Skill, SkillArea
from tests.factories import (
    MaterialFactory,
    SkillFactory,
    search_catalogue,
)

if connection.vendor != "postgresql":
    pytest.skip(
        "the ranked backend replaces Wagtail's PostgreSQL backend only; SQLite has its own "
        "(tests/test_search_ranking.py), and PostgreSQL's search models do not exist there",
        allow_module_level=True,
    )

from modelsearch.backends.database.postgres.postgres import (  # noqa: E402
    IndexEntry,
    PostgresSearchBackend,
)

from lms.core.search_postgres import RankedPostgresSearchBackend  # noqa: E402

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def searchable(academy):
    """The academy with materials, modules and a skill on cluster strategy, action plans,
    internationalisation and member surveys, some matching in their title and others only in
    their text, as search ranks them."""
    search_catalogue(academy)
    SkillFactory(
        name="Internationalisation",
        slug="internationalisation",
        description="A strategy that takes cluster members beyond borders.",
        area=academy.strategy,
    )


QUERIES = ["strategy", "cluster members", "action plan", "internationalisation", "zzzz"]


def site_pages():
    site = Site.objects.get(is_default_site=True)
    return Page.objects.live().public().in_site(site).specific()


def both(words, queryset, start=0, stop=20):
    ranked, stock = get_search_backend(), PostgresSearchBackend({})
    assert isinstance(ranked, RankedPostgresSearchBackend)
    ours = ranked.search(words, queryset()).annotate_score("score")[start:stop]
    theirs = stock.search(words, queryset()).annotate_score("score")[start:stop]
    return [(r.pk, r.score) for r in ours], [(t.pk, t.score) for t in theirs]


@pytest.mark.parametrize("words", QUERIES)
@pytest.mark.parametrize(
    "queryset", [Material.objects.published, ModulePage.objects.live, site_pages, Skill.objects.all]
)
def test_ranked_results_are_wagtails_own_in_the_same_order(words, queryset):
    ours, theirs = both(words, queryset)
    assert ours == theirs
    assert theirs or words == "zzzz"
    assert both(words, queryset, 2, 5) == (theirs[2:5], theirs[2:5])


def test_equal_scores_are_ordered_by_id_as_numbers_not_as_text():
    # 99999 sorts after 100000 as a number but before it as text (the index keeps ids as text).
    for pk in (99_999, 100_000, 100_001):
        MaterialFactory(pk=pk, title="Zebrafish cluster", slug=f"zebrafish-{pk}")
    MaterialFactory(pk=100_002, title="Zebrafish cluster", slug="zebrafish-draft", live=False)
    # Each new entry's title norm is taken from the average title when it is added: make the
    # three entries alike, as they would be after a rebuild.
    IndexEntry.objects.filter(object_id__in=["99999", "100000", "100001"]).update(title_norm=1.0)

    ours, theirs = both("zebrafish", Material.objects.published)

    assert [pk for pk, _ in ours] == [100_001, 100_000, 99_999]
    assert len({score for _, score in ours}) == 1
    assert ours == theirs
    # The draft ranks first among the best entries: the best published ones are read instead.
    assert both("zebrafish", Material.objects.published, 0, 2) == (theirs[:2], theirs[:2])
    assert both("zebrafish", Material.objects.published, 0, 1) == (theirs[:1], theirs[:1])


def test_a_slice_and_its_objects_are_read_in_one_query(django_assert_num_queries):
    results = get_search_backend().search("cluster", Material.objects.published())
    first = [m.pk for m in results[:5]]  # content types are looked up once, then cached
    with django_assert_num_queries(1):
        page = list(results[2:5])
    assert [m.pk for m in page] == first[2:5]


@pytest.mark.parametrize("model", [Skill, SkillArea])
def test_fewer_matches_than_asked_for_among_every_object_take_one_query(
    model, django_assert_num_queries
):
    """The skill chips: a short slice of an unfiltered model needs no second look."""
    stock = list(PostgresSearchBackend({}).search("strategy", model.objects.all())[:8])
    assert 0 < len(stock) < 8
    with django_assert_num_queries(1):
        assert list(get_search_backend().search("strategy", model.objects.all())[:8]) == stock


@pytest.mark.parametrize("method", ["search", "autocomplete"])
def test_the_search_query_is_parsed_once_per_statement_not_once_per_row(method):
    # Without a configuration to_tsquery() is not immutable: left in the ranking, PostgreSQL
    # would parse the query again for every matching row.
    backend = get_search_backend()
    with CaptureQueriesContext(connection) as queries:
        assert list(getattr(backend, method)("strategy", Material.objects.published())[:5])
    (sql,) = [query["sql"] for query in queries if "@@" in query["sql"]]
    assert sql.count("to_tsquery(") == sql.count("(SELECT to_tsquery(") > 0
