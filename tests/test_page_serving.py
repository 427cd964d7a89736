"""Serving a page through Wagtail's own view: view restrictions on the page, on any ancestor, or on
the page an alias stands for close it, and what is unpublished is not found."""

from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse

from wagtail.models import Site

import pytest

from courses.models import ModulePage
from tests.factories import (
    CoursePageFactory,
    ModulePageFactory,
    PageViewRestrictionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(academy):
    course = CoursePageFactory(parent=academy.editions[1], title="Closed course")
    ModulePageFactory(parent=course, title="Closed module")
    return course


def login_url(next_url):
    return f"{reverse('accounts:login')}?next={next_url}"


def test_a_restriction_on_the_home_page_closes_it(client, home):
    assert client.get("/").status_code == 200
    PageViewRestrictionFactory(page=home, restriction_type="login")
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == login_url("/")


def test_an_unpublished_home_page_is_not_found(client, home):
    home.unpublish()
    assert client.get("/").status_code == 404


def test_a_site_whose_root_is_a_routable_page_answers_its_routes(client, academy):
    """Another site may start at the library: its materials are then at /<slug>/."""
    Site.objects.create(hostname="library.example", port=80, root_page=academy.library)
    material = academy.material
    response = client.get(f"/{material.slug}/", headers={"host": "library.example"})
    assert response.status_code == 200
    assert material.title in response.content.decode()
    assert client.get("/", headers={"host": "library.example"}).status_code == 200
    assert client.get("/no-such-material/", headers={"host": "library.example"}).status_code == 404


def test_an_unpublished_page_is_not_found(client, course):
    url = course.url
    assert client.get(url).status_code == 200
    course.unpublish()
    assert client.get(url).status_code == 404


def test_the_modules_of_an_unpublished_course_are_not_found(client, course):
    """Wagtail's routing checks only the page it ends on: the module goes offline with it."""
    module = ModulePage.objects.child_of(course).get()
    assert client.get(module.url).status_code == 200
    course.unpublish()
    assert client.get(module.url).status_code == 404


def test_an_unknown_slug_or_a_path_below_a_module_is_not_found(client, academy):
    module = academy.modules[0]
    assert client.get(module.url).status_code == 200
    assert client.get(module.get_parent().url + "no-such-module/").status_code == 404
    assert client.get(module.url + "nothing-below/").status_code == 404


def test_a_routed_page_has_the_restrictions_of_the_whole_url(home, rf, course):
    module = ModulePage.objects.child_of(course).get()
    path = module.url.strip("/").split("/")
    page = home.route(rf.get(module.url), path).page
    assert list(page.get_view_restrictions()) == []
    restriction = PageViewRestrictionFactory(page=course, restriction_type="login")
    page = home.route(rf.get(module.url), path).page
    assert list(page.get_view_restrictions()) == [restriction]


@pytest.mark.parametrize("restricted", ["home", "edition", "course", "module"])
def test_a_login_restriction_on_the_page_or_any_ancestor_closes_it(client, course, restricted):
    module = ModulePage.objects.child_of(course).get()
    edition = course.get_parent()
    page = {"home": edition.get_parent(), "edition": edition, "course": course, "module": module}[
        restricted
    ]
    PageViewRestrictionFactory(page=page, restriction_type="login")
    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"] == login_url(module.url)
    client.force_login(UserFactory())
    assert "Closed module" in client.get(module.url).content.decode()


def test_a_password_restriction_asks_for_the_password(client, course):
    PageViewRestrictionFactory(page=course)
    response = client.get(course.url)
    assert response.status_code == 200
    assert "Closed course" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_group_restriction_admits_only_members(client, course):
    group = Group.objects.create(name="Alumni")
    member = UserFactory()
    member.groups.add(group)
    PageViewRestrictionFactory(page=course, restriction_type="groups", groups=[group])
    client.force_login(UserFactory())
    assert client.get(course.url).status_code == 302
    client.force_login(member)
    assert "Closed course" in client.get(course.url).content.decode()


def test_an_alias_follows_the_restrictions_of_the_page_it_stands_for(client, academy, course):
    other_edition = academy.editions[0]
    alias = course.create_alias(parent=other_edition, update_slug="closed-course-copy")
    PageViewRestrictionFactory(page=course, restriction_type="login")
    assert client.get(alias.url).status_code == 302
    restrictions = list(alias.specific.get_view_restrictions())
    assert [r.page_id for r in restrictions] == [course.pk]


def test_an_unrestricted_page_is_served_to_anyone(client, course):
    assert "Closed course" in client.get(course.url).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_postgresql_never_spends_longer_compiling_a_page_query_than_running_it():
    """JIT compiles for hundreds of milliseconds whenever the planner over-estimates a query,
    as it does for routing's one query on tables not yet analysed."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
