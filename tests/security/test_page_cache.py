"""Nobody can fill the shared cache with copies of pages: a page is kept once per state it shows.

Parameters a page does not read (`utm_source`, `fbclid`…) share the page's one copy, the order of
the library's filters does not matter, a search text is never stored, and no more copies are kept
than PAGE_CACHE_MAX_PAGES. Each test runs with the real Redis server and the in-process memory
cache (the `page_cache` fixture, tests/conftest.py).
"""

from django.core.cache import cache

import pytest

from lms.core.cache import PAGE_KEY_PREFIX
from materials.models import Material
from tests.factories import MaterialFactory
from tests.security.test_hostile_queries import SURFACES


def cached(response):
    return response.get("X-Page-Cache")


def test_junk_parameters_never_add_a_copy_of_a_page(client, page_cache, academy):
    course = academy.course.url
    # A campaign link before anyone asked for the plain page: shown, and nothing stored.
    assert cached(client.get(f"{course}?utm_source=newsletter")) is None
    assert cached(client.get(course)) == "miss"
    for i in range(20):
        junk = f"utm_source=spam{i}&fbclid=x{i}&utm_campaign="
        response = client.get(f"{course}?{junk}")
        assert response.status_code == 200
        assert cached(response) == "hit"
    if page_cache == "redis":
        assert len(cache.keys(f"{PAGE_KEY_PREFIX}*")) == 1


def test_the_library_is_kept_once_whatever_the_order_of_its_filters(client, page_cache, academy):
    first = client.get("/materials/?skill=action-planning&kind=template")
    assert cached(first) == "miss"
    for same in (
        "/materials/?kind=template&skill=action-planning",
        "/materials/?kind=template&skill=action-planning&kind=template&utm_source=x",
        # The library's own search form, submitted with an empty box.
        "/materials/?q=&kind=template&skill=action-planning",
    ):
        response = client.get(same)
        assert cached(response) == "hit", same
        assert response.content == first.content


def test_different_filters_never_share_a_copy(client, page_cache, academy):
    MaterialFactory(title="Trend radar slides", kind=Material.Kind.SLIDES)
    for _ in range(2):
        templates = client.get("/materials/?kind=template").content.decode()
        slides = client.get("/materials/?kind=slides").content.decode()
        everything = client.get("/materials/").content.decode()
        assert "Action plan template" in templates
        assert "Trend radar slides" not in templates
        assert "Trend radar slides" in slides
        assert "Action plan template" not in slides
        assert "Action plan template" in everything
        assert "Trend radar slides" in everything
    assert cached(client.get("/materials/?kind=slides")) == "hit"


@pytest.mark.parametrize("url", ["/materials/?q=action", "/search/?q=strategy"])
def test_a_search_text_is_never_stored(client, page_cache, academy, url):
    assert client.get(url).status_code == 200
    response = client.get(url)
    assert cached(response) is None
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/materials/?page=7",
        "/materials/?page=01",
        "/materials/?page=1&page=2",
        "/skills/action-planning/?page=9",
        "/skills/action-planning/?page=1.0",
    ],
)
def test_other_spellings_of_a_page_number_are_never_stored(client, page_cache, academy, url):
    # Each shows the first page, which is stored only under the library's own spelling of it.
    assert client.get(url).status_code == 200
    assert cached(client.get(url)) is None


@pytest.mark.parametrize(
    ("path", "param"),
    [
        (path, param)
        for path, params in SURFACES.items()
        if not path.startswith("/api/") and path != "/search/autocomplete/"
        for param in params
    ],
)
def test_a_page_never_answers_a_parameter_it_reads_from_its_copy_without_it(
    client, page_cache, academy, path, param
):
    """Every public page declares what it reads (lms.core.cache.vary_on_query): one that forgot
    would answer `?page=0` with the copy of its first page instead of a 400."""
    client.get(path)
    assert cached(client.get(path)) == "hit"
    response = client.get(f"{path}?{param}=0")
    assert cached(response) != "hit"


def test_no_more_pages_are_stored_than_the_limit(client, page_cache, academy, settings):
    settings.PAGE_CACHE_MAX_PAGES = 3
    # A window of many days, so that the count cannot start again during the test.
    settings.PAGE_CACHE_SECONDS = 10**6
    urls = ["/", "/materials/", "/skills/", *(course.url for course in academy.courses)]
    first = [cached(client.get(url)) for url in urls]
    assert first == ["miss", "miss", "miss", None, None]
    again = [cached(client.get(url)) for url in urls]
    assert again == ["hit", "hit", "hit", None, None]
