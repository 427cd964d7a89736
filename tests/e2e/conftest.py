"""Browser journeys in Debian's Chromium, driven by Playwright, against a live server on 127.0.0.1.

Locally they skip when Chromium is missing; in CI (CI=true) a missing browser is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API keeps an event loop in the test thread; the ORM calls the tests make
# there are still synchronous, so Django's async-safety guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
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


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium")
    if path:
        return path
    reason = "Debian's chromium is not installed (apt-get install chromium): browser journeys skipped"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(chromium_path):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def academy_server(live_server):
    """A live server holding the demo academy (transactional tests start from an empty database)."""
    call_command("load_academy", verbosity=0)
    return live_server


@pytest.fixture
def page(browser, academy_server):
    """A desktop browser tab; any request leaving the live server is blocked and fails the test."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], base_url=academy_server.url)
    leaked = []

    def only_local(route):
        if route.request.url.startswith(academy_server.url):
            route.continue_()
        else:
            leaked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
    assert not leaked, f"requests left 127.0.0.1: {leaked}"


def screenshot(tab, journey, step):
    """Save the step at desktop and phone widths as a test artifact."""
    folder = ARTIFACTS / journey
    folder.mkdir(parents=True, exist_ok=True)
    original = tab.viewport_size
    for name, size in VIEWPORTS.items():
        tab.set_viewport_size(size)
        tab.screenshot(path=folder / f"{step}-{name}.png", full_page=True)
    tab.set_viewport_size(original)
