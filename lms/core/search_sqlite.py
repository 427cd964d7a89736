"""Wagtail's SQLite search backend, ranking the matches in one query.

Ordering by relevance, the stock backend scores each matching row with a correlated subquery that
runs the full-text MATCH again, so the work grows with the square of the matches: a word found in
most of 100,000 materials took minutes (docs/performance.md). Here the matches are scored and
sorted in a single MATCH, and only the slice asked for is read. Counting, filtering without
relevance, negated queries and autocomplete are left to the stock backend.
"""

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from lms.core.search_ranked import RankedResultsMixin


class RankedSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def ranked(self, config, start, stop, score_field=None):
        """The objects of this slice, best match first; None where the stock search applies."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        model = self.queryset.model
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        rows = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(model),
                index_entry__object_id__in=self.queryset.order_by().values("pk"),
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", "score")[start:stop]
        )
        scores = {model._meta.pk.to_python(object_id): score for object_id, score in rows}
        objects = self.queryset.in_bulk(list(scores))
        results = []
        for pk, score in scores.items():
            if pk in objects:
                if score_field:
                    setattr(objects[pk], score_field, score)
                results.append(objects[pk])
        return results


class RankedSearchResults(RankedResultsMixin, SQLiteSearchResults):
    pass


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSearchQueryCompiler
    results_class = RankedSearchResults


SearchBackend = RankedSQLiteSearchBackend
