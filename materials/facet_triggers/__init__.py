"""The SQL triggers that keep the library's facet counts exact (materials/models/facet_counts.py).

`material_counts` keeps MaterialFacetCount, `skill_counts` keeps SkillFacetCount. Their migration
installs them with each module's `install`; a bulk load (`generate_load_data`) pauses them with `paused()`,
which counts everything once at the end.
"""

from contextlib import contextmanager

from django.db import connection

from . import material_counts, skill_counts

TRIGGER_MODULES = (material_counts, skill_counts)


def recount_all():
    """Count every facet value again from the materials, for rows written while the triggers
    could not follow: loaded in an order they do not expect, or with the triggers paused."""
    recount = material_counts.RECOUNT_ALL + skill_counts.recount("SELECT id FROM skills_skill")
    with connection.cursor() as cursor:
        for statement in recount.split(";"):
            if statement.strip():
                cursor.execute(statement)


def pending_checks_done(statements):
    """PostgreSQL alters no table with checks still pending in the transaction: Django's foreign
    keys are checked at commit, so check them now, and go back to that afterwards."""
    return ["SET CONSTRAINTS ALL IMMEDIATE", *statements, "SET CONSTRAINTS ALL DEFERRED"]


@contextmanager
def paused():
    """The library's facet counts are kept by triggers that recount what each statement
    (PostgreSQL) or row (SQLite) touches: for 100,000 new materials, most of the time. Within the
    caller's transaction they are off, and everything is counted once at the end."""
    postgres = connection.vendor == "postgresql"
    tables = {table for m in TRIGGER_MODULES for table in m.POSTGRES_FUNCTIONS}
    with connection.cursor() as cursor:
        for statement in (
            pending_checks_done(
                f"ALTER TABLE {table} DISABLE TRIGGER USER" for table in sorted(tables)
            )
            if postgres
            else [
                f"DROP TRIGGER {name}"
                for m in TRIGGER_MODULES
                for name in m.SQLITE_TRIGGER_NAMES
            ]
        ):
            cursor.execute(statement)
    yield
    with connection.cursor() as cursor:
        for statement in (
            pending_checks_done(
                f"ALTER TABLE {table} ENABLE TRIGGER USER" for table in sorted(tables)
            )
            if postgres
            else [statement for m in TRIGGER_MODULES for statement in m.sqlite_triggers()]
        ):
            cursor.execute(statement)
    recount_all()
