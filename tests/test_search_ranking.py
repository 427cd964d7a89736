"""On SQLite, search ranks matches in one query and orders them as Wagtail's own backend does."""

from django.db import connection

from wagtail.search.backends import get_search_backend

import pytest

from courses.models import ModulePage
from materials.models import Material
from tests.factories import search_catalogue

if connection.vendor != "sqlite":
    pytest.skip(
        "the ranked backend replaces Wagtail's SQLite backend only; PostgreSQL has its own "
        "(tests/test_search_postgres.py), and Wagtail's SQLite search models do not exist there",
        allow_module_level=True,
    )

from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend  # noqa: E402

from lms.core.search_sqlite import RankedSQLiteSearchBackend  # noqa: E402

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def searchable(academy):
    """The academy with materials and modules on cluster strategy, action plans,
    internationalisation and member surveys, some matching in their title and others only in
    their text, as search ranks them."""
    search_catalogue(academy)


QUERIES = ["strategy", "cluster members", "action plan", "internationalisation", "zzzz"]


@pytest.mark.parametrize("words", QUERIES)
@pytest.mark.parametrize("queryset", [Material.objects.published, ModulePage.objects.live])
def test_ranked_results_are_wagtails_own_in_the_same_order(words, queryset):
    ranked, stock = get_search_backend(), SQLiteSearchBackend({})
    assert isinstance(ranked, RankedSQLiteSearchBackend)

    ours = list(ranked.search(words, queryset()).annotate_score("score")[:20])
    theirs = list(stock.search(words, queryset()).annotate_score("score")[:20])

    assert [(r.pk, r.score) for r in ours] == [(t.pk, t.score) for t in theirs]
    assert theirs or words == "zzzz"


def test_a_slice_is_read_in_one_query_however_many_rows_match(django_assert_num_queries):
    results = get_search_backend().search("cluster", Material.objects.published())
    with django_assert_num_queries(2):  # ranked ids, then those objects
        page = list(results[2:5])
    assert [m.pk for m in page] == [m.pk for m in list(results[:5])[2:5]]
