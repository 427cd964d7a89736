"""The test database put back to a snapshot: tests that commit end with Django's flush, which
empties every table, and only the next serialized-rollback test would restore them."""

from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections

E2E_DIR = Path(__file__).resolve().parent / "e2e"


def is_journey(item):
    """Whether the pytest item is a browser journey (tests/e2e/), which restores its own academy."""
    return item is not None and E2E_DIR in item.path.parents


def restore(snapshots):
    """Empty the tables and load each alias's snapshot (`serialize_db_to_string`) into them."""
    for alias, contents in snapshots.items():
        connection = connections[alias]
        call_command(
            "flush", database=alias, interactive=False, verbosity=0, inhibit_post_migrate=True
        )
        connection.creation.deserialize_db_from_string(contents)
        # The content types came back under their snapshot's ids; the process's cache may hold
        # ids from the emptied tables (flush restarts the ids, and post_migrate makes them anew).
        ContentType.objects.clear_cache()
        # flush restarted the id sequences, and the rows came back with their own ids: new rows
        # must not take those ids again (PostgreSQL; SQLite needs nothing).
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
