"""Browser journeys in Debian's Chromium, driven by Playwright, against a live server on 127.0.0.1.

Locally they skip when Chromium is missing; in CI (CI=true) a missing browser is a failure.
Every journey starts from the same demo academy: it is loaded once per test database and each
journey gets it back from a snapshot (Django's serialized rollback) rather than loading it again;
the last journey a worker runs puts it back for the ordinary tests that follow.
"""

import json
import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.test import Client

from wagtail.models import Page

import pytest
from pytest_django.plugin import blocking_manager_key

from materials.facet_triggers import recount_all as recount_all_facets

# Playwright's sync API keeps an event loop in the test thread; the ORM calls the tests make
# there are still synchronous, so Django's async-safety guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# pytest-django serves on "localhost" unless told; the journeys run against 127.0.0.1.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

ARTIFACTS = Path(
    os.environ.get("E2E_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts")
)
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Each journey runs against the live server in its own transaction-less test, and starts from the
# demo academy restored from the snapshot below.
e2e = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium")
    if path:
        return path
    missing = "Debian's chromium is not installed (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"{missing}: CI must run the browser journeys")
    pytest.skip(f"{missing}: browser journeys skipped")


@pytest.fixture(scope="session")
def browser(chromium_path):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Connections opened under Playwright's context are not the ones Django closes before
        # dropping the test database, which PostgreSQL refuses while they stay open.
        connections.close_all()


@pytest.fixture(scope="session", autouse=True)
def academy_snapshot(browser, django_db_setup, django_db_blocker):
    """Snapshot the test database once the demo academy is in it (tests/conftest.py loads it).

    Django restores `_test_serialized_contents` before each serialized-rollback test; by default it
    holds the database as migrations left it, which would leave every journey but the first
    without an academy once the previous journey's flush emptied the tables. Taken after the
    browser starts: Playwright's sync API switches context, and Django's connections are local to
    it, so this must be the connection the tests will use.
    """
    with django_db_blocker.unblock():
        for connection in connections.all():
            rows = json.loads(connection.creation.serialize_db_to_string())
            # The database keeps the library's facet counts itself: its triggers count the
            # materials again as they are restored, so restoring the counts too would clash.
            counts = {"materials.materialfacetcount", "materials.skillfacetcount"}
            rows = [row for row in rows if row["model"] not in counts]
            connection._test_serialized_contents = json.dumps(rows)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the academy back once a worker's run of journeys ends.

    A journey's flush empties the tables and only the next serialized-rollback test restores them,
    so the ordinary tests a worker runs after its last journey would find no academy.
    """
    yield
    # Nothing follows the session's last test, whose teardown has already removed the database.
    if nextitem is None or nextitem.path.parent == item.path.parent:
        return
    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents and not Page.objects.using(connection.alias).filter(depth=2).exists():
                connection.creation.deserialize_db_from_string(contents)
                recount_all_facets()


@pytest.fixture
def academy_server(academy_snapshot, live_server):
    """A live server holding the demo academy, with nothing cached from an earlier journey."""
    assert Page.objects.filter(depth=2).exists(), "the academy snapshot was not restored"
    # The snapshot goes back model by model, tagging rows before the materials they tag, which
    # the facet-count triggers cannot follow: count once the academy is whole.
    recount_all_facets()
    cache.clear()
    return live_server


@pytest.fixture
def leaks():
    """Every request the browser tried to send somewhere other than the live server."""
    return []


@pytest.fixture
def new_context(browser, academy_server, leaks):
    """Opens desktop browsers (one per person); a request leaving the live server is blocked and
    fails the test."""
    contexts = []

    def only_local(route):
        if route.request.url.startswith(academy_server.url):
            route.continue_()
        else:
            leaks.append(route.request.url)
            route.abort()

    def new_context():
        context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=academy_server.url)
        context.route("**/*", only_local)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield new_context
    for context in contexts:
        context.close()
    assert not leaks, f"requests left 127.0.0.1: {leaks}"


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    """A tab in the desktop browser."""
    return context.new_page()


@pytest.fixture
def sign_in(context, academy_server):
    """Give the browser a user's session without going through the sign-in form."""

    def sign_in(user):
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": academy_server.url}
        context.add_cookies([cookie])

    return sign_in


def screenshot(tab, journey, step):
    """Save the step at desktop and phone widths as a test artifact."""
    folder = ARTIFACTS / journey
    folder.mkdir(parents=True, exist_ok=True)
    original = tab.viewport_size
    for name, size in VIEWPORTS.items():
        tab.set_viewport_size(size)
        tab.screenshot(path=folder / f"{step}-{name}.png", full_page=True)
    tab.set_viewport_size(original)
