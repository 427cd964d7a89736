"""A real task worker for the tests: `manage.py run_worker` as a subprocess.

The worker runs with the development settings against this test's database (a SQLite file, see
lms/settings/test.py, or the PostgreSQL test database), so it reads only what the test committed:
such a test is `django_db(transaction=True, serialized_rollback=True)`. Emails it delivers are
files in a folder of the test's (`mail_dir`); a test passes any other setting the worker needs as
environment (the LRS it sends to, short retry delays).
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.db import connection

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKER_ID = "test-host-1"
# How long the worker may take to do what a test gives it; it needs a few seconds.
DEADLINE_SECONDS = 60


def database_url():
    """This test's database, for the worker process."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    user = quote(database["USER"]) + (
        f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else ""
    )
    return f"postgres://{user}@{database['HOST']}:{database['PORT'] or 5432}/{database['NAME']}"


@pytest.fixture
def tasks_in_database(settings):
    """The site's own task backend in this process too (lms/settings/base.py): what the test
    enqueues waits in the database for the worker, rather than running at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def mail_dir(tmp_path):
    return tmp_path / "mail"


@pytest.fixture
def start_worker(tmp_path, mail_dir):
    """`start_worker(worker_id=…, **environ)` starts `manage.py run_worker` with the development
    settings and these environment variables besides; the workers it started stop with the test."""
    workers = []

    def start(worker_id=WORKER_ID, **environ):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url(),
            # Persistent connections, as in production: the worker checks its connection
            # between tasks.
            "DB_CONN_MAX_AGE": "60",
            "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
            **environ,
        }
        log = tmp_path / f"worker-{len(workers) + 1}.log"
        with log.open("w") as output:
            worker = subprocess.Popen(  # noqa: S603 (fixed arguments)
                [
                    sys.executable,
                    "manage.py",
                    "run_worker",
                    "--worker-id",
                    worker_id,
                    "--no-reload",
                    "--no-startup-delay",
                    "--interval",
                    "0.1",
                ],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        worker.log = log
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        if worker.poll() is None:
            worker.kill()
        worker.wait()


def wait_for(condition, worker, what, seconds=DEADLINE_SECONDS, interval=0.01):
    """Wait until `condition()` holds, while the worker runs, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert worker.poll() is None, f"the worker stopped:\n{worker.log.read_text()}"
        assert time.monotonic() < deadline, f"{what}: not after {seconds} s"
        time.sleep(interval)
