"""Closing the materials library closes its materials (issue 19): wherever the site reads
materials (the library, the materials API, skill pages and the skills API, site search and its
autocomplete, and every count they show), a visitor sees them only where Wagtail would let them
into the library at /materials/ (`MaterialLibraryPage.visible_materials`)."""

from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.test import RequestFactory

from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

import pytest

from materials.models import MaterialLibraryPage
from tests.factories import MaterialFactory, PageViewRestrictionFactory, UserFactory
from tests.test_api_write import Staff

pytestmark = pytest.mark.django_db

MATERIALS_API = "/api/v3/academy/materials/"
# What a closed library must not give away: the material's title and description (both say
# "Zebra"), its tag ("zebra secret"), and its file's name, which its download URL carries.
SECRETS = ("Zebra", "zebra secret", "zebra-workbook")
CLOSED = [
    "login",
    "password",
    "groups",
    "login on the home page",
    "library unpublished",
    "home page unpublished",
    "no library",
]


@pytest.fixture
def workbook(academy):
    """A published material with a file, tagged with the skill action-planning."""
    document = get_document_model().objects.create(
        title="Workbook", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="zebra-workbook.pdf")
    )
    return MaterialFactory(
        title="Zebra crossing workbook",
        slug="crossing-workbook",
        description="Zebra notes for the academy's members only.",
        document=document,
        skills=[academy.action_planning],
        tags=["zebra secret"],
    )


def close(academy, how, group=None):
    """Close the library in one of the ways Wagtail has (`how` is one of CLOSED)."""
    if how in ("login", "password", "groups"):
        PageViewRestrictionFactory(
            page=academy.library, restriction_type=how, groups=[group] if group else []
        )
    elif how == "login on the home page":
        PageViewRestrictionFactory(page=academy.home, restriction_type="login")
    elif how == "library unpublished":
        academy.library.unpublish()
    elif how == "home page unpublished":
        # Its pages left live, as unpublishing left them before courses/publishing.py.
        Page.objects.filter(pk=academy.home.pk).update(live=False)
        assert MaterialLibraryPage.objects.live().exists()
    else:
        academy.library.delete()


def shows(response):
    """Whether the response gives any of the material's secrets away."""
    return any(secret in response.content.decode() for secret in SECRETS)


def facet_counts(facets):
    """Every count the facets answer gives, the skill areas' skills included."""
    values = [value for facet in facets["facets"] for value in facet["values"]]
    values += [child for value in values for child in value["children"]]
    return [facets["count"]] + [value["count"] for value in values]


def material_counts(areas):
    return [item["material_count"] for area in areas for item in [area, *area["skills"]]]


def what_the_api_shows(client, headers=None):
    """Whether the materials API's list, search, facets and detail, and the skills API's counts,
    show any material."""
    listed = client.get(MATERIALS_API, headers=headers)
    searched = client.get(MATERIALS_API, {"q": "crossing workbook"}, headers=headers)
    facets = client.get(f"{MATERIALS_API}facets/", {"skill": "action-planning"}, headers=headers)
    detail = client.get(f"{MATERIALS_API}crossing-workbook/", headers=headers)
    skills = client.get("/api/v3/academy/skills/", headers=headers)
    assert detail.status_code in (200, 404)
    return {
        "list": (listed.json()["count"] > 0, shows(listed)),
        "search": (searched.json()["count"] > 0, shows(searched)),
        "facets": (any(facet_counts(facets.json())), shows(facets)),
        "detail": (detail.status_code == 200, shows(detail)),
        "skill counts": any(material_counts(skills.json())),
    }


def what_the_site_shows(client):
    """Whether the skill pages (and their counts), site search and autocomplete show any
    material."""
    skill = client.get("/skills/action-planning/")
    taxonomy = client.get("/skills/")
    searched = client.get("/search/", {"q": "crossing workbook"})
    suggested = client.get("/search/autocomplete/", {"q": "crossing"})
    return {
        "skill page": (skill.context["page_obj"].paginator.count > 0, shows(skill)),
        "skill counts": any(
            item.material_count
            for area in taxonomy.context["areas"]
            for item in [area, *area.skill_list]
        ),
        "search": shows(searched),
        "autocomplete": shows(suggested),
    }


API_OPEN = {
    "list": (True, True),
    "search": (True, True),
    "facets": (True, True),
    "detail": (True, True),
    "skill counts": True,
}
API_CLOSED = {
    "list": (False, False),
    "search": (False, False),
    "facets": (False, False),
    "detail": (False, False),
    "skill counts": False,
}
SITE_OPEN = {"skill page": (True, True), "skill counts": True, "search": True, "autocomplete": True}
SITE_CLOSED = {
    "skill page": (False, False),
    "skill counts": False,
    "search": False,
    "autocomplete": False,
}


@pytest.mark.parametrize("how", CLOSED)
def test_a_closed_library_shows_its_materials_nowhere_and_counts_none(
    client, academy, workbook, how
):
    assert what_the_api_shows(client) == API_OPEN
    assert what_the_site_shows(client) == SITE_OPEN

    close(academy, how, group=Group.objects.create(name="Board"))

    assert what_the_api_shows(client) == API_CLOSED
    assert what_the_site_shows(client) == SITE_CLOSED


def test_a_library_behind_a_login_shows_its_materials_to_signed_in_learners_only(
    client, academy, workbook
):
    close(academy, "login")
    learner = UserFactory()
    assert client.get("/materials/").status_code == 302
    assert what_the_site_shows(client) == SITE_CLOSED

    client.force_login(learner)

    assert client.get("/materials/").status_code == 200
    assert shows(client.get("/materials/"))
    assert shows(client.get("/materials/crossing-workbook/"))
    assert what_the_site_shows(client) == SITE_OPEN
    # The API takes no session (Wagtail's AllowAnonymous): only the learner's own token opens it.
    assert what_the_api_shows(client) == API_CLOSED
    assert what_the_api_shows(client, headers=Staff(client, learner).headers) == API_OPEN


def test_a_library_behind_a_password_shows_its_materials_once_the_password_is_given(
    client, academy, workbook
):
    close(academy, "password")
    assert what_the_site_shows(client) == SITE_CLOSED

    restriction = academy.library.view_restrictions.get()
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()

    assert what_the_site_shows(client) == SITE_OPEN


def test_a_library_closed_to_a_group_shows_its_materials_to_its_members_only(
    client, academy, workbook
):
    board = Group.objects.create(name="Board")
    close(academy, "groups", group=board)
    client.force_login(UserFactory())
    assert what_the_site_shows(client) == SITE_CLOSED

    member = UserFactory()
    member.groups.add(board)
    client.force_login(member)

    assert what_the_site_shows(client) == SITE_OPEN


def test_a_page_naming_a_material_shows_it_only_where_the_library_is_open(academy, workbook):
    def render_for_anonymous_visitor():
        request = RequestFactory().get("/")
        request.user, request.session = AnonymousUser(), {}
        template = Template(
            "{% load material_tags %}{% visible_material material as shown %}{{ shown.title }}"
        )
        return template.render(Context({"request": request, "material": workbook}))

    assert render_for_anonymous_visitor() == workbook.title
    close(academy, "login")
    assert render_for_anonymous_visitor() == ""
