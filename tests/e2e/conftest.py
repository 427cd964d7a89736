"""Browser journeys in Debian's Chromium, driven by Playwright, against a live server on 127.0.0.1.

Locally they skip when Chromium is missing; in CI (CI=true) a missing browser is a failure.
Every journey starts from the same demo academy: the journeys load it themselves, once per test
database, and each journey gets it back from a snapshot (Django's serialized rollback) rather
than loading it again. The ordinary tests never see it: they expect the database as migrations
left it, and get it back after the last journey of each run of journeys a worker makes.
"""

import io
import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.test import Client

import pytest
from pytest_django.plugin import blocking_manager_key

from home.models import HomePage
from materials.facet_triggers import recount_all as recount_all_facets
from materials.models import Material
from skills.models import Skill
from tests import test_budgets
from tests.database import is_journey, restore

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


# What serialized rollback restores before each journey, per database alias: the demo academy
# while journeys run, the database as migrations left it while ordinary tests run.
SNAPSHOTS = pytest.StashKey[dict]()
MIGRATED, DEMO = "migrated", "demo"
# Which of the two the database holds between tests: DEMO during a run of journeys.
HOLDING = pytest.StashKey[str]()


def without_facet_counts(contents):
    """The database keeps the library's facet counts itself: its triggers count the materials
    again as they are restored, so restoring the counts too would clash."""
    counts = {"materials.materialfacetcount", "materials.skillfacetcount"}
    return json.dumps([row for row in json.loads(contents) if row["model"] not in counts])


def hold(config, which):
    """Empty the tables and restore `which` snapshot, which serialized rollback then restores
    before each test (and the ordinary tests' transactions roll back to)."""
    snapshots = config.stash[SNAPSHOTS][which]
    restore(snapshots)
    for alias, contents in snapshots.items():
        connections[alias]._test_serialized_contents = contents
    # The snapshot goes back model by model, tagging rows before the materials they tag, which
    # the facet-count triggers cannot follow: count once it is whole.
    recount_all_facets()
    config.stash[HOLDING] = which


@pytest.fixture(scope="session", autouse=True)
def academy_snapshot(request, browser, django_db_setup, django_db_blocker):
    """Load the demo academy into the test database once, and snapshot it next to the snapshot
    of the database as migrations left it.

    Django restores `_test_serialized_contents` before each serialized-rollback test; by default it
    holds the database as migrations left it, which would leave every journey but the first
    without an academy once the previous journey's flush emptied the tables: while journeys run it
    holds the demo instead. Taken after the browser starts: Playwright's sync API switches context,
    and Django's connections are local to it, so this must be the connection the tests will use.
    """
    snapshots = {MIGRATED: {}, DEMO: {}}
    with django_db_blocker.unblock():
        for connection in connections.all():
            migrated = getattr(connection, "_test_serialized_contents", None)
            snapshots[MIGRATED][connection.alias] = migrated or (
                connection.creation.serialize_db_to_string()
            )
        # Whatever an earlier test's flush left in the process's cache of content types, the
        # demo is loaded against the ids the database holds now.
        ContentType.objects.clear_cache()
        call_command("load_academy", verbosity=0, stdout=io.StringIO())
        for connection in connections.all():
            demo = without_facet_counts(connection.creation.serialize_db_to_string())
            snapshots[DEMO][connection.alias] = demo
            connection._test_serialized_contents = demo
    request.config.stash[SNAPSHOTS] = snapshots
    request.config.stash[HOLDING] = DEMO


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """A run of journeys after ordinary tests starts from the demo academy again.

    The first journey of the session loads it (`academy_snapshot`); a later run finds the
    database as migrations left it, which a restore cannot simply overwrite (the demo replaced
    Wagtail's welcome page): empty it and restore the demo first.
    """
    stash = item.config.stash
    if stash.get(HOLDING, None) == MIGRATED:
        with stash[blocking_manager_key].unblock():
            hold(item.config, DEMO)
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Give the database back as migrations left it once a worker's run of journeys ends.

    A journey's flush empties the tables and only the next serialized-rollback test restores them,
    so the ordinary tests a worker runs after its last journey would find no site at all, or the
    demo academy if a restore put it back: they expect neither.
    """
    yield
    # Nothing follows the session's last test, whose teardown has already removed the database.
    if nextitem is None or is_journey(nextitem):
        return
    if item.config.stash.get(HOLDING, None) == DEMO:
        with item.config.stash[blocking_manager_key].unblock():
            hold(item.config, MIGRATED)


@pytest.fixture
def academy_server(academy_snapshot, live_server):
    """A live server holding the demo academy, with nothing cached from an earlier journey."""
    assert HomePage.objects.live().exists(), "the academy snapshot was not restored"
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


def public_routes():
    """The public routes the budget tests visit (tests/test_budgets.py), in the demo academy:
    its skill action-planning and its first published material."""
    demo = SimpleNamespace(
        action_planning=Skill.objects.get(slug="action-planning"),
        material=Material.objects.published().select_related("edition").first(),
    )
    return test_budgets.public_routes(demo)


def screenshot(tab, journey, step):
    """Save the step at desktop and phone widths as a test artifact."""
    folder = ARTIFACTS / journey
    folder.mkdir(parents=True, exist_ok=True)
    original = tab.viewport_size
    for name, size in VIEWPORTS.items():
        tab.set_viewport_size(size)
        tab.screenshot(path=folder / f"{step}-{name}.png", full_page=True)
    tab.set_viewport_size(original)
