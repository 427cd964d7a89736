"""`manage.py run_worker`: django-tasks-db's `db_worker` under a stable worker id, which first
takes back the tasks that its previous run left half done.

`db_worker` marks a task RUNNING when it claims it, under the worker's id, and nothing ever looks
at it again if that process dies (SIGKILL, the OOM killer, a power cut): the task would stay
RUNNING for ever. A worker id here is stable across restarts (by default the machine's name and
slot 1, e.g. `web1-1`), and no two running workers share one (docs/operations.md), so a worker
starting with an id knows that the tasks still RUNNING under it were its own before it died, and
sets them READY to run again. Tasks are therefore written to be run twice safely (see
cohorts/reminders.py).

It is `db_worker`'s own command with the default of `--worker-id` changed, rather than a command
calling it, so that it takes every option of `db_worker`, parsed and documented as there.
"""

import socket

from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult


def default_worker_id():
    # db_worker refuses ids of 64 characters or more.
    return f"{socket.gethostname()[:60]}-1"


class Command(db_worker.Command):
    help = (
        "Run the task worker under a stable --worker-id (default: <hostname>-1), first making the "
        "tasks a killed run with the same id left RUNNING ready to run again."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=default_worker_id())

    def handle(self, *args, worker_id, backend_name, **options):
        taken_back = take_back(worker_id, backend_name)
        if taken_back:
            self.stderr.write(f"{taken_back} task(s) left RUNNING by {worker_id} are ready again.")
        super().handle(*args, worker_id=worker_id, backend_name=backend_name, **options)


def take_back(worker_id, backend_name):
    """Set READY the tasks whose last claim is `worker_id`'s; returns how many there were."""
    # Only a dead worker's tasks are RUNNING under its id: a handful of rows, read in Python since
    # SQLite cannot query inside a JSON list.
    running = DBTaskResult.objects.running().filter(backend_name=backend_name)
    ours = [
        pk for pk, claims in running.values_list("pk", "worker_ids") if claims[-1:] == [worker_id]
    ]
    return running.filter(pk__in=ours).update(status=TaskResultStatus.READY)
