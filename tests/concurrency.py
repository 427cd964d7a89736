"""What the tests of simultaneous requests share: real concurrent transactions on PostgreSQL, each
action in a thread with a database connection of its own, all released at the same moment."""

import threading

from django.db import connection, connections

import pytest

POSTGRESQL_ONLY = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs concurrent writers: SQLite serialises them; CI runs it on PostgreSQL",
)


def run_together(actions):
    """Run each action in a thread of its own, all released at the same moment; fails the test
    with any exception an action raised."""
    start = threading.Barrier(len(actions))
    errors = []

    def run(action):
        start.wait()
        try:
            action()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
