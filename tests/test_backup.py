"""`manage.py backup` then `restore` gives back every row and every media file, byte for byte.

Runs manage.py in subprocesses against a real database of its own (a SQLite file; a PostgreSQL
database when the server answers), never the suite's own.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"

# Prints every model's row count, the learner's records and a checksum of each media file.
SNAPSHOT = """
import hashlib, json
from pathlib import Path
from django.apps import apps
from django.conf import settings
from learning.models import Certificate, Enrolment, ModuleCompletion
counts = {m._meta.label: m._default_manager.count() for m in apps.get_models()}
learner = {
    "enrolments": sorted(Enrolment.objects.values_list("learner__email", "course_id")),
    "completions": sorted(
        ModuleCompletion.objects.values_list("learner__email", "module_id", "completed_at")
    ),
    "certificates": sorted(Certificate.objects.values_list("learner__email", "code")),
}
files = {
    f"{setting}/{p.relative_to(root)}": hashlib.sha256(p.read_bytes()).hexdigest()
    for setting in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT")
    for root in [Path(getattr(settings, setting))]
    for p in sorted(root.rglob("*")) if p.is_file()
}
print(json.dumps({"counts": counts, "learner": learner, "files": files}, default=str))
"""

# An academy built with the test factories: pages with their revisions, skills, materials.
ACADEMY = """
from tests.factories import SmallAcademy, academy_home
SmallAcademy(academy_home())
"""

# A learner with an enrolment and a completion, an uploaded document in the media, and a
# submission's file in the private media.
LEARNER = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from learning import services as learning
from courses.models import CoursePage
from lms.accounts.models import User
learner = User.objects.create_user(email="kept@example.org", password="Backed up 4 sure")
course = CoursePage.objects.live().order_by("path").first()
module = course.get_modules().first()
learning.enrol(learner, course)
answers = {
    f"answer-{b.id}": str(next(i for i, o in enumerate(b.value["options"]) if o["correct"]))
    for b in module.specific.self_checks
}
assert learning.complete_module(learner, module.specific, course, answers)[0]
get_document_model().objects.create(
    title="Backed-up upload", file=ContentFile(b"the original bytes", name="kept-upload.txt")
)
from coaching.models import private_storage
private_storage().save("submissions/kept-homework.pdf", ContentFile(b"%PDF-1.4 homework"))
"""

# Changes after the backup: the learner deleted, a material gone, the upload overwritten and a
# stray file added.
DAMAGE = """
from pathlib import Path
from django.conf import settings
from wagtail.documents import get_document_model
from materials.models import Material
from lms.accounts.models import User
User.objects.get(email="kept@example.org").delete()
Material.objects.order_by("pk").first().delete()
upload = get_document_model().objects.get(title="Backed-up upload")
Path(upload.file.path).write_bytes(b"overwritten")
(Path(settings.MEDIA_ROOT) / "added-later.txt").write_text("not in the backup")
(Path(settings.PRIVATE_MEDIA_ROOT) / "submissions" / "kept-homework.pdf").unlink()
"""


def manage(env, *arguments):
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def snapshot(env):
    return json.loads(manage(env, "shell", "-c", SNAPSHOT).strip().splitlines()[-1])


def round_trip(env, tmp_path):
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", ACADEMY)
    manage(env, "shell", "-c", LEARNER)
    before = snapshot(env)
    assert ["kept@example.org"] == [e for e, _ in before["learner"]["enrolments"]]
    assert before["files"]["MEDIA_ROOT/documents/kept-upload.txt"]
    assert before["files"]["PRIVATE_MEDIA_ROOT/submissions/kept-homework.pdf"]

    folder = Path(manage(env, "backup", "--output", str(tmp_path / "backup")).strip())
    manage(env, "shell", "-c", DAMAGE)
    damaged = snapshot(env)
    assert damaged != before  # the damage is real, so the restore has something to undo
    assert not damaged["learner"]["enrolments"]

    manage(env, "restore", "--noinput", str(folder))
    after = snapshot(env)
    assert after == before


def environment(tmp_path, database_url):
    env = {
        key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "BACKUP_DIR"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.dev",
        DATABASE_URL=database_url,
        LMS_VAR_DIR=str(tmp_path / "var"),
        MEDIA_ROOT=str(tmp_path / "var" / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "var" / "private"),
    )
    return env


def test_sqlite_round_trip_loses_nothing(tmp_path):
    round_trip(environment(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}"), tmp_path)


@pytest.fixture
def postgres_database():
    """A PostgreSQL database of this test's own, dropped afterwards."""
    psycopg = pytest.importorskip("psycopg")
    name = f"lms_faults_backup_{os.getpid()}"
    try:
        server = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL at {PG_SERVER} is unreachable: {error}")
    with server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}"')
        yield f"{PG_SERVER}/{name}"
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_postgresql_round_trip_loses_nothing(tmp_path, postgres_database):
    round_trip(environment(tmp_path, postgres_database), tmp_path)


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    env = environment(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", "restore", "--noinput", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "is not a backup folder" in result.stderr
