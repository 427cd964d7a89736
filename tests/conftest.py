"""What every test may ask for. Each test builds the academy it needs with the factories
(tests/factories.py); only the demo's own tests and the browser journeys load the demo academy."""

import uuid

from django.core.cache import cache

import pytest

from tests.factories import MaterialLibraryPageFactory, SmallAcademy, UserFactory, academy_home


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
