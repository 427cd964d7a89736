from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Site

import pytest

from tests.factories import UserFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test runs against the demo academy, loaded once per test database."""
    with django_db_blocker.unblock():
        call_command("load_academy", verbosity=0)


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no throttle count or cached page from another test."""
    cache.clear()


@pytest.fixture
def learner(db):
    return UserFactory()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
