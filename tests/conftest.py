"""What every test may ask for. Each test builds the academy it needs with the factories
(tests/factories.py); only the demo's own tests and the browser journeys load the demo academy."""

import uuid

from django.core.cache import cache
from django.db import connections

import pytest
from pytest_django.plugin import blocking_manager_key

from tests.database import is_journey, restore
from tests.factories import MaterialLibraryPageFactory, SmallAcademy, UserFactory, academy_home

# The real LRS (Ralph) the xAPI tests send to: `ralph_lrs` and `lrs`; a real task worker
# process: `start_worker`, `tasks_in_database` and `mail_dir`.
pytest_plugins = ["tests.lrs", "tests.worker"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that commits (`django_db(transaction=True, serialized_rollback=True)`), give
    the database back as migrations left it: Django's flush emptied it, and the tests that follow
    expect Wagtail's root page, site and locale. The journeys restore their own academy
    (tests/e2e/conftest.py)."""
    yield
    marker = item.get_closest_marker("django_db")
    if nextitem is None or marker is None or is_journey(item):
        return
    if marker.kwargs.get("serialized_rollback"):
        with item.config.stash[blocking_manager_key].unblock():
            restore({c.alias: c._test_serialized_contents for c in connections.all()})


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no throttle count or cached page from another test."""
    cache.clear()


@pytest.fixture(params=["redis", "locmem"])
def page_cache(request, settings, db):
    """The anonymous page cache on, once with the real Redis server (under a key prefix of its
    own) and once with the in-process memory cache."""
    if request.param == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": "redis://127.0.0.1:6379/0",
                "KEY_PREFIX": f"lms-test-cache-{uuid.uuid4().hex}",
            }
        }
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"lms-test-cache-{uuid.uuid4().hex}",
            }
        }
    settings.PAGE_CACHE_SECONDS = 600
    yield request.param
    if request.param == "redis":
        cache.delete_pattern("*")
    else:
        cache.clear()


@pytest.fixture
def home(db):
    """The academy's home page, at the root of the default site."""
    return academy_home()


@pytest.fixture
def library(home):
    """The materials library at /materials/."""
    return MaterialLibraryPageFactory(parent=home)


@pytest.fixture
def academy(home):
    """A small academy built with the factories (tests/factories.py `SmallAcademy`)."""
    return SmallAcademy(home)


@pytest.fixture
def learner(db):
    return UserFactory()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
