"""What every test may ask for. Each test builds the academy it needs with the factories
(tests/factories.py); only the demo's own tests and the browser journeys load the demo academy."""

from django.core.cache import cache

import pytest

from tests.factories import MaterialLibraryPageFactory, SmallAcademy, UserFactory, academy_home


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no throttle count or cached page from another test."""
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
