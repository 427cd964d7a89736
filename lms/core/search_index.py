"""Adding many new objects to the search index fast, with the very rows the backend would write.

On PostgreSQL, Wagtail's backend (modelsearch) turns every text of every object into a
`SearchVector` expression and has Django compile each one, and its indexer reads every field once
per index column: 100,000 materials took minutes of Python while PostgreSQL sat idle
(docs/performance.md). Here the backend's own indexer still decides which texts go where, with
which weight and configuration, but reads each field once, and the vectors are written as plain
SQL calling the same `to_tsvector` and `setweight` the compiled expressions call, in the backend's
own INSERT statement, followed by its own title-norm refresh. Other backends index through their
own `add_bulk`.
"""

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
)
from modelsearch.backends.database.postgres.weights import WEIGHTS
from modelsearch.utils import get_content_type_pk

EMPTY_VECTOR = "''::tsvector"


def add_bulk(backend, model, objects):
    """Index these objects of model, as `backend.add_bulk(model, objects)` would."""
    index = backend.get_index_for_model(model)
    if isinstance(index, PostgresIndex):
        add_to_postgres_index(index, model, objects)
    else:
        backend.add_bulk(model, objects)


class TextIndexer(ObjectIndexer):
    """The backend's indexer, giving each column's texts rather than a SearchVector expression,
    and reading each field of the object once instead of once per column."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.prepared = {}

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object, reached from a field of obj prepared once
            return super().prepare_field(obj, field)
        if id(field) not in self.prepared:
            self.prepared[id(field)] = list(super().prepare_field(obj, field))
        return self.prepared[id(field)]

    def as_vector(self, texts, for_autocomplete=False):
        """(config, [(text, weight), ...]): what the backend's as_vector would make a vector of."""
        texts = [(text.strip(), weight) for text, weight in texts]
        return (
            self.autocomplete_config if for_autocomplete else self.config,
            [(text, weight) for text, weight in texts if text],
        )


def vector_sql(vector, params):
    """SQL for the tsvector the backend's SearchVector expressions compile to; its params are
    appended to params."""
    config, texts = vector
    if not texts:
        return EMPTY_VECTOR
    parts = []
    for text, weight in texts:
        if weight not in WEIGHTS:
            raise ValueError(f"Unknown tsvector weight {weight!r}")
        if config:
            parts.append(f"setweight(to_tsvector(%s::regconfig, %s), '{weight}')")
            params += (config, text)
        else:
            parts.append(f"setweight(to_tsvector(%s), '{weight}')")
            params.append(text)
    return " || ".join(parts)


def add_to_postgres_index(index, model, objects):
    if not model.get_search_fields() or not objects:
        return
    content_type_pk = get_content_type_pk(model)
    rows, params = [], []
    for obj in objects:
        indexer = TextIndexer(obj, index.backend)
        params += (content_type_pk, indexer.id)
        vectors = [
            vector_sql(v, params) for v in (indexer.title, indexer.autocomplete, indexer.body)
        ]
        params += (indexer.title_text, indexer.body_text)
        rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
    with index.write_connection.cursor() as cursor:
        # The backend's own statement (PostgresIndex.add_items), with plain SQL for the vectors.
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,
                autocomplete, body, title_norm, title_text, body_text)
            (VALUES {", ".join(rows)})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title,
                          title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text,
                          body_text = EXCLUDED.body_text
            """,  # noqa: S608 (table name from the model; values are parameters)
            params,
        )
    # As add_items does after each insert, so title norms come out the same.
    index._refresh_title_norms()
