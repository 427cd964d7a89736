"""Back up and restore the database and the media files (`make backup`, `make restore`).

A backup is a folder: `database.sqlite3` (SQLite's online backup API, consistent while the site
runs) or `database.dump` (pg_dump's custom format), `media.tar.gz` (everything under
MEDIA_ROOT), `private.tar.gz` (everything under PRIVATE_MEDIA_ROOT: participants' submissions and
trainers' feedback files) and `manifest.json` saying which engine and database it came from.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
# Each archive and the setting naming the folder it holds.
ARCHIVES = {"media.tar.gz": "MEDIA_ROOT", "private.tar.gz": "PRIVATE_MEDIA_ROOT"}
FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}


class BackupError(Exception):
    pass


def default_folder():
    root = Path(os.environ.get("BACKUP_DIR") or Path(settings.VAR_DIR) / "backups")
    return root / timezone.now().strftime("%Y%m%dT%H%M%SZ")


def _engine():
    if connection.vendor not in FILES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def _pg_command(program, *arguments):
    """Run pg_dump/pg_restore against the configured database, with its password if any."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    command = [program, "--no-owner", "--no-privileges", *arguments]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [option, str(db[key])]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


def _sqlite_copy(source, target):
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def backup(folder):
    """Write a backup of the database and the media into `folder` (created; must be new)."""
    engine = _engine()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=False)
    database = folder / FILES[engine]
    if engine == "sqlite":
        _sqlite_copy(connection.settings_dict["NAME"], database)
    else:
        name = connection.settings_dict["NAME"]
        _pg_command("pg_dump", "--format=custom", "--file", str(database), name)
    for name, setting in ARCHIVES.items():
        root = Path(getattr(settings, setting))
        with tarfile.open(folder / name, "w:gz") as archive:
            if root.exists():
                archive.add(root, arcname=".")
    manifest = {
        "created": timezone.now().isoformat(),
        "engine": engine,
        "database": str(connection.settings_dict["NAME"]),
        "media_root": str(settings.MEDIA_ROOT),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def restore(folder):
    """Put the database and the media back as they were in the backup in `folder`."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup folder ({error}).") from error
    engine = _engine()
    if manifest["engine"] != engine:
        raise BackupError(f"The backup is of a {manifest['engine']} database, this is {engine}.")
    database = folder / FILES[engine]
    connection.close()
    if engine == "sqlite":
        # Page by page into the live file, under SQLite's own locking.
        _sqlite_copy(database, connection.settings_dict["NAME"])
    else:
        name = connection.settings_dict["NAME"]
        _pg_command(
            "pg_restore", "--clean", "--if-exists", "--single-transaction", "--dbname", name,
            str(database),
        )  # fmt: skip
    for name, setting in ARCHIVES.items():
        # A backup made before private files existed has no archive of them: they stay as they are.
        if (folder / name).exists():
            _restore_media(folder / name, Path(getattr(settings, setting)))


def _restore_media(archive_path, media_root):
    """Replace a media folder by the archive's files: files added since the backup go too."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    unpacked = Path(tempfile.mkdtemp(prefix=".restoring-", dir=media_root.parent))
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(unpacked, filter="data")  # no absolute paths, links out or devices
    previous = None
    if media_root.exists():
        previous = media_root.with_name(f".{media_root.name}-before-restore")
        shutil.rmtree(previous, ignore_errors=True)
        media_root.rename(previous)
    unpacked.rename(media_root)
    if previous is not None:
        shutil.rmtree(previous)
