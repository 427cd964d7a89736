"""Wagtail's PostgreSQL search can read the title-and-body index (migration courses 0007): its
query must keep the very expression the index was built on, or every search reads all entries."""

import re

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

import pytest

from materials.models import Material
from tests.factories import library_catalogue

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search backend"),
]

# The index entries' table, under its own name or an alias when searched from a subquery.
MATCH = re.compile(r'\(("?\w+"?)\."title" \|\| \1\."body"\) @@')
MATCHING_ENTRIES = (
    "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
    "WHERE (title || body) @@ to_tsquery('strategy')"
)


def test_material_search_matches_on_the_indexed_expression(academy):
    library_catalogue(academy)
    with CaptureQueriesContext(connection) as queries:
        assert list(Material.objects.published().search("strategy")[:60])
    searches = [q["sql"] for q in queries if "@@" in q["sql"]]
    assert searches and all(MATCH.search(sql) for sql in searches), searches
    with transaction.atomic(), connection.cursor() as cursor:
        # The catalogue is too small for the planner to prefer an index unless a scan is ruled out.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(MATCHING_ENTRIES)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_title_body_gin" in plan
