"""Indexing many new objects fast, writing the very rows the search backend itself would write.

Wagtail's database backends (modelsearch) read every search field of an object once per index
column (title, body, autocomplete, and on PostgreSQL also two plain-text columns), and on
PostgreSQL turn every text into a `SearchVector` expression that Django then compiles: for
100,000 materials that took minutes of Python while PostgreSQL sat idle (docs/performance.md).

Here the backend's own indexer still decides which texts go where, with which weight and
configuration, but reads each field once. On PostgreSQL the vectors are then written as plain
SQL calling the same `to_tsvector` and `setweight` the compiled expressions call; on SQLite the
texts go in with the same bulk insert. Both then run the backend's own title-norm refresh, as its
`add_items` does. Other backends index through their own `add_bulk`.
"""

from functools import cache

from django.db import connection

from modelsearch.backends.database.postgres.postgres import ObjectIndexer, PostgresIndex
from modelsearch.backends.database.postgres.weights import WEIGHTS
from modelsearch.utils import get_content_type_pk

EMPTY_VECTOR = "''::tsvector"


def add_new(backend, model, objects):
    """Index these objects of model, which are not in the index yet, as
    `backend.add_bulk(model, objects)` would."""
    if not objects or not model.get_search_fields():
        return
    index = backend.get_index_for_model(model)
    if isinstance(index, PostgresIndex):
        add_to_postgres_index(index, model, objects)
    elif connection.vendor == "sqlite" and isinstance(index, sqlite_classes()[0]):
        add_to_sqlite_index(index, model, objects)
    else:
        backend.add_bulk(model, objects)


class ReadsFieldsOnce:
    """For a backend's ObjectIndexer: each search field of the object is read once, rather
    than once per index column."""

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object, reached from a field of obj read once
            return super().prepare_field(obj, field)
        prepared = self.__dict__.setdefault("prepared_fields", {})
        if id(field) not in prepared:
            prepared[id(field)] = list(super().prepare_field(obj, field))
        return prepared[id(field)]


@cache
def sqlite_classes():
    """The SQLite backend's index class, and its indexer reading each field once: modelsearch's
    SQLite module can only be imported where its full-text table exists."""
    from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer, SQLiteIndex

    class SQLiteTexts(ReadsFieldsOnce, ObjectIndexer):
        pass

    return SQLiteIndex, SQLiteTexts


class PostgresTexts(ReadsFieldsOnce, ObjectIndexer):
    """The PostgreSQL backend's indexer, giving the texts of each vector column."""

    def as_vector(self, texts, for_autocomplete=False):
        """(config, [(text, weight), ...]): what the backend's as_vector makes a vector of."""
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
    content_type_pk = get_content_type_pk(model)
    rows, params = [], []
    for obj in objects:
        indexer = PostgresTexts(obj, index.backend)
        params += (content_type_pk, indexer.id)
        vectors = [
            vector_sql(vector, params)
            for vector in (indexer.title, indexer.autocomplete, indexer.body)
        ]
        params += (indexer.title_text, indexer.body_text)
        rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
    with index.write_connection.cursor() as cursor:
        # The backend's own statement (PostgresIndex.add_items), for rows that are all new.
        cursor.execute(
            f"""
            INSERT INTO {index.entries.model._meta.db_table} (content_type_id, object_id, title,
                autocomplete, body, title_norm, title_text, body_text)
            VALUES {", ".join(rows)}
            """,  # noqa: S608 (table name from the model; values are parameters)
            params,
        )
    index._refresh_title_norms()


def add_to_sqlite_index(index, model, objects):
    sqlite_texts = sqlite_classes()[1]
    content_type_pk = get_content_type_pk(model)
    entries = []
    for obj in objects:
        indexer = sqlite_texts(obj, index.backend)
        entries.append(
            index.entries.model(
                content_type_id=content_type_pk,
                object_id=indexer.id,
                title=indexer.title,
                autocomplete=indexer.autocomplete,
                body=indexer.body,
            )
        )
    # As SQLiteIndex.add_items writes the objects it has not indexed yet.
    index.entries.bulk_create(entries)
    index._refresh_title_norms()
