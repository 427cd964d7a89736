"""Anonymous visitors get cached pages; edits show at once; nobody gets another person's page.

Each test runs against the real Redis server (under a key prefix of its own) and the in-process
memory cache (the `page_cache` fixture, tests/conftest.py).
"""

from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from lms.core.cache import AnonymousPageCacheMiddleware, cached_for_content
from materials.models import Material
from tests.factories import MaterialFactory, UserFactory


@pytest.fixture
def course(academy):
    return academy.course


def test_second_anonymous_view_of_a_course_comes_from_the_cache(client, page_cache, course):
    first = client.get(course.url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    second = client.get(course.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_a_hit_costs_no_database_query(client, page_cache, course, django_assert_num_queries):
    client.get(course.url)
    with django_assert_num_queries(0):
        assert client.get(course.url)["X-Page-Cache"] == "hit"


def test_publishing_a_page_edit_shows_at_once(client, page_cache, course):
    assert b"Renamed for the cache test" not in client.get(course.url).content
    course.title = "Renamed for the cache test"
    course.save_revision().publish()
    response = client.get(course.url)
    assert response["X-Page-Cache"] == "miss"
    assert b"Renamed for the cache test" in response.content


def test_unpublishing_a_page_removes_it_at_once(client, page_cache, course):
    assert client.get(course.url).status_code == 200
    course.unpublish()
    assert client.get(course.url).status_code == 404


@pytest.mark.parametrize("restricted", ["course", "edition"])
def test_closing_a_page_or_an_ancestor_to_the_public_closes_its_cached_copy(
    client, page_cache, course, restricted
):
    client.get(course.url)
    assert client.get(course.url)["X-Page-Cache"] == "hit"
    page = course if restricted == "course" else course.get_parent()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.get(course.url).status_code == 302
    restriction.delete()
    assert client.get(course.url).status_code == 200


def test_a_new_material_appears_in_the_library_at_once(client, page_cache, library):
    client.get("/materials/")
    assert client.get("/materials/")["X-Page-Cache"] == "hit"
    MaterialFactory(title="Brand-new cache test worksheet", date="2099-01-01")
    assert b"Brand-new cache test worksheet" in client.get("/materials/").content


def test_deleting_a_material_removes_its_page_at_once(client, page_cache, library):
    material = MaterialFactory(title="Short-lived worksheet")
    url = f"/materials/{material.slug}/"
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    material.delete()
    assert client.get(url).status_code == 404


def test_unpublishing_a_material_snippet_removes_it_at_once(client, page_cache, academy):
    material = academy.material
    url = f"/materials/{material.slug}/"
    assert client.get(url).status_code == 200
    material.unpublish()
    assert client.get(url).status_code == 404


def test_a_signed_in_learner_never_gets_the_cached_anonymous_page(client, page_cache, course):
    anonymous = client.get(course.url)
    assert b"Sign in" in anonymous.content
    learner = UserFactory(display_name="Ada Lovelace-Cache")
    client.force_login(learner)
    response = client.get(course.url)
    assert "X-Page-Cache" not in response
    assert b"Sign in" not in response.content


def test_a_learners_page_is_never_served_to_anyone_else(client, page_cache, course):
    learner = UserFactory()
    client.force_login(learner)
    personal = client.get(course.url)
    assert b"Sign in" not in personal.content
    client.logout()
    client.cookies.clear()
    response = client.get(course.url)
    assert response["X-Page-Cache"] == "miss"
    assert b"Sign in" in response.content


def test_pages_that_set_a_cookie_are_not_cached(client, page_cache):
    # The sign-in form carries a CSRF token, so it is personal to the visitor.
    client.get("/accounts/login/")
    assert "X-Page-Cache" not in client.get("/accounts/login/")


def test_a_page_with_a_form_token_is_not_cached(page_cache, rf):
    def form_view(request):
        return HttpResponse(f"<form>{get_token(request)}</form>", content_type="text/html")

    middleware = AnonymousPageCacheMiddleware(CsrfViewMiddleware(form_view))
    first = middleware(rf.get("/a-form/"))
    second = middleware(rf.get("/a-form/"))
    assert "csrftoken" in first.cookies
    assert "X-Page-Cache" not in second
    assert first.content != second.content


def test_caching_is_off_when_page_cache_seconds_is_zero(client, page_cache, course, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(course.url)
    assert "X-Page-Cache" not in client.get(course.url)


def test_content_cached_values_are_recomputed_after_a_change(page_cache):
    calls = []

    def count_materials():
        calls.append(1)
        return Material.objects.published().count()

    before = cached_for_content("facets:test", count_materials)
    assert cached_for_content("facets:test", count_materials) == before
    assert len(calls) == 1
    MaterialFactory()
    assert cached_for_content("facets:test", count_materials) == before + 1
    assert len(calls) == 2


def skill_count(client, skill_slug, **filters):
    facets = client.get("/api/v3/academy/materials/facets/", filters).json()["facets"]
    values = next(f for f in facets if f["name"] == "skill")["values"]
    return next(s["count"] for area in values for s in area["children"] if s["value"] == skill_slug)


def test_library_facet_counts_are_cached_and_a_new_material_counts_at_once(
    client, page_cache, academy
):
    skill = academy.trend_analysis
    before = skill_count(client, skill.slug, kind="worksheet")
    with CaptureQueriesContext(connection) as first:
        skill_count(client, skill.slug, kind="slides")
    with CaptureQueriesContext(connection) as again:
        skill_count(client, skill.slug, kind="slides")
    # The facet counts (one UNION query) come from the cache the second time.
    assert len(again) == len(first) - 1

    MaterialFactory(kind=Material.Kind.WORKSHEET, skills=[skill])

    assert skill_count(client, skill.slug, kind="worksheet") == before + 1
