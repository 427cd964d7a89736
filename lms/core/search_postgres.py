"""Wagtail's PostgreSQL search backend, ranking inside the search index.

Two costs of the stock backend grow with the number of matches (docs/performance.md):

- to_tsquery() without a configuration depends on the session's default configuration, so
  PostgreSQL calls it again for every matching row each time it ranks one. Here the query is
  parsed once per statement, in a scalar subquery, whatever the configuration.
- Ordering by relevance, it joins every object of the queryset to its index entry (casting each
  id to text), then ranks all the matches. Here the matching index entries are ranked on their own
  and only the objects of the slice asked for are read, in the same single query. When one of the
  best entries is not in the queryset (a draft, say), or fewer entries match than the slice asks
  for, a second query ranks only the entries whose object is, looking each one up by primary key
  (when no object was read, only if counting the matches finds any).

Scores and order are the stock backend's: the same rank expression on the same columns, ties
broken by the object's primary key, descending. Counting, filtering without relevance, searches
on given fields, negated, fuzzy and match-all queries are left to the stock backend.
"""

from django.contrib.postgres.search import SearchQuery
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Cast

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from lms.core.search_ranked import RankedResultsMixin

PARSED_ONCE = "(SELECT %(function)s(%(expressions)s))"


class ParsedOnceMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        tsquery = super().build_tsquery_content(query, config=config, invert=invert)
        if type(tsquery) is SearchQuery:
            tsquery.template = PARSED_ONCE
        return tsquery


class RankedSearchQueryCompiler(ParsedOnceMixin, PostgresSearchQueryCompiler):
    def ranked(self, config, start, stop, score_field=None):
        """The objects of this slice, best match first; None where the stock search applies."""
        if (
            not self.order_by_relevance
            or self.fields is not None
            or isinstance(self.query, (MatchAll, Not, Fuzzy))
        ):
            return None
        entries = IndexEntry.objects.filter(
            content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        matching = entries.annotate(
            _vector_=F("title")._combine(F("body"), "||", False),
            object_pk=Cast("object_id", self.queryset.model._meta.pk),
        ).filter(_vector_=self.build_tsquery(self.query, config=config))
        # get_index_vectors(), seen from the index entry rather than from the object
        score = self._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )
        # The slice's own scores, read through the entries' unique (content type, id) index.
        own_score = entries.filter(
            object_id=Cast(OuterRef("pk"), IndexEntry._meta.get_field("object_id"))
        ).values(score=score)

        def read(candidates, start):
            best = (
                candidates.annotate(score=score)
                .order_by("-score", "-object_pk")
                .values("object_pk")[start:stop]
            )
            objects = self.queryset.filter(pk__in=best).annotate(_rank_=Subquery(own_score))
            return sorted(objects, key=lambda obj: (obj._rank_, obj.pk), reverse=True)

        # Usually the best entries are all objects of the queryset (published, live...): ranking
        # the entries alone then gives the slice, without looking every match up in the queryset.
        # Short of a full slice, some of the best entries were not in the queryset, or fewer
        # matched: then only the entries whose object is in the queryset are ranked, if any match.
        # A queryset of every object of the model (the skill chips' searches) holds every entry's
        # object: a short slice then means that fewer matched.
        in_queryset = matching.filter(object_pk__in=self.queryset.order_by().values("pk"))
        if stop is None:
            results = read(in_queryset, start)
        elif len(shown := read(matching, 0)) == stop or not self.queryset.query.where:
            results = shown[start:]
        elif shown or matching.count():
            results = read(in_queryset, start)
        else:
            results = []
        if score_field:
            for obj in results:
                setattr(obj, score_field, obj._rank_)
        return results


class ParsedOnceAutocompleteQueryCompiler(ParsedOnceMixin, PostgresAutocompleteQueryCompiler):
    pass


class RankedSearchResults(RankedResultsMixin, PostgresSearchResults):
    pass


class RankedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = RankedSearchQueryCompiler
    autocomplete_query_compiler_class = ParsedOnceAutocompleteQueryCompiler
    results_class = RankedSearchResults


SearchBackend = RankedPostgresSearchBackend
