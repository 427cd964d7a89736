"""A real Learning Record Store for the tests: Ralph, from its own venv (`make ralph`).

Each test process (each xdist worker) starts one Ralph of its own, on a free port with a folder of
its own for its credentials and statements, the first time a test asks for `ralph_lrs`, and stops
it when the session ends. A test may stop it and start it again: it comes back on the same port
with the statements it held.

Ralph is set up as its documentation says (`ralph auth … -w` with RALPH_APP_DIR, RALPH_AUTH_FILE
and RALPH_RUNSERVER_BACKEND=fs) and served the way `ralph runserver -b fs` serves it, by
tests/ralph_server.py, which leaves out the reloader and lets the file-system LRS store more
than one request's statements (see there).

The LRS is shared by the tests of a process, so a test tells its own statements apart by the
statement ids it recorded, never by counting everything Ralph holds; the `lrs` fixture gives each
test a site address of its own, so that no two tests send statements under the same id.

Locally the tests that need Ralph skip when it is not installed; in CI (CI=true) that is a failure.
"""

import os
import secrets
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
SERVER = Path(__file__).resolve().parent / "ralph_server.py"
MISSING = "Ralph LRS not installed: run `make ralph`"
# Ralph answers its heartbeat a second or two after it starts.
START_SECONDS = 30
STOP_SECONDS = 10
# The xAPI version header every request to an LRS must carry.
XAPI_HEADERS = {"X-Experience-API-Version": "1.0.3"}


def ralph_binary():
    """The `ralph` command (RALPH_BIN, or the one `make ralph` installs); its venv's Python
    serves it."""
    return Path(os.environ.get("RALPH_BIN") or ROOT / ".venv-ralph" / "bin" / "ralph")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Ralph:
    """A Ralph LRS with the file-system backend, its credentials and its data in `directory`."""

    username = "academy"

    def __init__(self, binary, directory):
        self.binary = Path(binary)
        self.python = self.binary.parent / "python"
        self.directory = Path(directory)
        self.password = secrets.token_urlsafe(24)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.process = None
        self.starts = 0
        # Ralph reads its configuration from RALPH_* variables only: none of ours leak in.
        self.environ = {
            **{name: value for name, value in os.environ.items() if not name.startswith("RALPH_")},
            "RALPH_APP_DIR": str(self.directory / "app"),
            "RALPH_AUTH_FILE": str(self.directory / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.directory / "data"),
        }
        subprocess.run(  # noqa: S603 (our own arguments)
            [
                self.binary,
                "auth",
                *("-u", self.username, "-p", self.password, "-s", "all"),
                *("-M", "mailto:lms@example.org", "-w"),
            ],
            cwd=self.directory,
            env=self.environ,
            check=True,
            capture_output=True,
        )

    @property
    def auth(self):
        return (self.username, self.password)

    @property
    def settings(self):
        """The site's settings that send to this LRS (lms/settings/base.py), by name."""
        return {
            "XAPI_LRS_URL": self.url,
            "XAPI_LRS_USERNAME": self.username,
            "XAPI_LRS_PASSWORD": self.password,
        }

    @property
    def running(self):
        return self.process is not None

    def start(self):
        """Serve on this LRS's port and folder; returns once Ralph answers its heartbeat."""
        assert not self.running, "Ralph is already running"
        self.starts += 1
        self.log = self.directory / f"ralph-{self.starts}.log"
        with self.log.open("w") as output:
            self.process = subprocess.Popen(  # noqa: S603 (our own arguments)
                [self.python, SERVER, "127.0.0.1", str(self.port)],
                # Ralph reads a .env file in its working directory, if there is one: not ours.
                cwd=self.directory,
                env=self.environ,
                stdout=output,
                stderr=subprocess.STDOUT,
                # Its own session: a Ctrl-C in the terminal stops the tests, which stop Ralph.
                start_new_session=True,
            )
        deadline = time.monotonic() + START_SECONDS
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Ralph did not start:\n{self.log.read_text()}")
            time.sleep(0.1)

    def answers(self):
        try:
            response = requests.get(urljoin(self.url, "/__heartbeat__"), timeout=1)
            return response.ok and response.json().get("database") == "ok"
        except requests.RequestException:
            return False

    def stop(self):
        """Stop the server; what it stored stays in its folder for the next start."""
        if not self.running:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def get(self, url, **params):
        response = requests.get(
            url, params=params, auth=self.auth, headers=XAPI_HEADERS, timeout=10
        )
        response.raise_for_status()
        return response.json()

    def statements(self, page_size=None):
        """Every statement Ralph holds, page after page (following `more`).

        The xAPI rule is that a plain GET leaves voided statements out (each is fetched alone with
        `voidedStatementId`); Ralph 5 does not apply it and lists them with the others, so this
        is everything it stored: statements, the voided ones and the voiding ones."""
        params = {"limit": page_size} if page_size else {}
        page = self.get(urljoin(self.url, "statements/"), **params)
        found = page["statements"]
        while page.get("more"):
            page = self.get(urljoin(self.url, page["more"]))
            found.extend(page["statements"])
        return found

    def statement(self, statement_id):
        """The statement stored under this id, voided or not; None if there is none.

        Ralph 5 answers `statementId` with a list, voided statements included, and ignores
        `voidedStatementId` (it would list every statement): `statementId` it is."""
        found = self.get(urljoin(self.url, "statements/"), statementId=str(statement_id))
        assert len(found["statements"]) <= 1, f"several statements with the id {statement_id}"
        return found["statements"][0] if found["statements"] else None


@pytest.fixture(scope="session")
def ralph_lrs():
    """This test process's Ralph, started on first use and stopped when the session ends."""
    binary = ralph_binary()
    if not binary.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    with tempfile.TemporaryDirectory(prefix="lms-ralph-") as directory:
        lrs = Ralph(binary, directory)
        lrs.start()
        try:
            yield lrs
        finally:
            lrs.stop()


@pytest.fixture
def lrs(ralph_lrs, settings):
    """Ralph, running, and the site's settings sending to it for this test. A test that stops it
    leaves it running again for the next one.

    Each test is a site of its own to the LRS, at an address of its own: statement ids are fixed
    by the site's address and its rows' ids (xapi.vocabulary), and the test databases give the
    same ids again, test after test, so two tests at the same address would send different
    statements under the same id."""
    for name, value in ralph_lrs.settings.items():
        setattr(settings, name, value)
    settings.WAGTAILADMIN_BASE_URL = f"http://site-{secrets.token_hex(6)}.testserver"
    yield ralph_lrs
    if not ralph_lrs.running:
        ralph_lrs.start()
