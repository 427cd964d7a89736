"""SQL, template and HTML injection strings typed into search, sign-up, the profile and the admin
come back on every page that shows them as text: escaped, never run, never evaluated.

Each string is wrapped in a marker ("Zq … Zq") so that a page is checked where the value stands:
the escaped form is there, the raw HTML is not, and `{{ 7*7 }}` never became 49.
"""

from django.test import Client
from django.urls import reverse
from django.utils.html import escape

import pytest

from courses.models import ModulePage
from lms.accounts.models import User
from materials.models import Material
from tests.factories import (
    CourseWithModulesFactory,
    EditionPageFactory,
    EditorFactory,
    MaterialFactory,
    ModeratorFactory,
)
from tests.security.hostile import INJECTIONS
from tests.test_api_write import Staff

STRONG = "Quiet lantern 7 harbour"
CASES = list(INJECTIONS.items())
IDS = ["sql", "template-expression", "template-tag", "script", "attribute-break"]


def marked(value):
    return f"Zq {value} Zq"


def assert_shown_escaped(html, raw, escaped, where):
    """`raw`, wrapped in markers, appears in `html` only in its escaped form."""
    assert marked(escaped) in html, f"{where}: the value is missing or escaped differently"
    if raw != escaped:
        assert marked(raw) not in html, f"{where}: the value is not escaped"
    assert marked("49") not in html, f"{where}: a template expression was evaluated"


@pytest.mark.parametrize(("raw", "escaped"), CASES, ids=IDS)
def test_a_learners_own_words_come_back_escaped(client, home, raw, escaped):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "mallory@cluster.example.eu",
            "password1": STRONG,
            "password2": STRONG,
            "display_name": marked(raw),
            "organisation": marked(raw),
            "country": marked(raw),
        },
    )
    assert response.status_code == 302
    learner = User.objects.get(email="mallory@cluster.example.eu")
    # Stored as typed: escaping belongs to the pages, not to the database.
    assert learner.display_name == learner.organisation == marked(raw)

    course = CourseWithModulesFactory(parent=EditionPageFactory(parent=home), modules=1)
    module = ModulePage.objects.child_of(course).get()
    client.post(reverse("enrol", args=[course.pk]))
    client.post(reverse("complete_module", args=[module.pk]))
    certificate = learner.certificates.get()
    assert certificate.learner_name == marked(raw)

    for where in ["/accounts/profile/", "/learning/", certificate.get_absolute_url(), course.url]:
        response = client.get(where)
        assert response.status_code == 200, where
        assert_shown_escaped(response.content.decode(), raw, escaped, where)
    # The certificate is public: an anonymous visitor sees the same escaped name.
    public = Client().get(certificate.get_absolute_url()).content.decode()
    assert_shown_escaped(public, raw, escaped, "public certificate")


@pytest.mark.parametrize(("raw", "escaped"), CASES, ids=IDS)
@pytest.mark.parametrize("path", ["/search/", "/materials/"])
def test_search_text_comes_back_escaped(client, library, path, raw, escaped):
    response = client.get(path, {"q": marked(raw)})

    assert response.status_code == 200
    assert_shown_escaped(response.content.decode(), raw, escaped, path)


@pytest.mark.parametrize(("raw", "escaped"), CASES, ids=IDS)
def test_a_tag_name_comes_back_escaped_in_the_library_filters(library, raw, escaped):
    tag = MaterialFactory(tags=[marked(raw)]).tags.get()
    for params in ({}, {"tag": tag.slug}):  # offered, then selected
        response = Client().get("/materials/", params)
        assert response.status_code == 200
        html = response.content.decode()
        assert f'data-value="{tag.slug}"' in html
        assert_shown_escaped(html, raw, escaped, f"library {params}")


@pytest.mark.parametrize(("raw", "escaped"), CASES, ids=IDS)
@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/"])
def test_a_next_parameter_comes_back_escaped(client, db, path, raw, escaped):
    response = client.get(path, {"next": marked(raw)})

    assert response.status_code == 200
    html = response.content.decode()
    assert marked(raw) not in html or raw == escaped
    assert marked("49") not in html


@pytest.fixture
def editor_user(db):
    return EditorFactory()


@pytest.fixture
def editor(editor_user):
    return Staff(Client(), editor_user)


@pytest.fixture
def moderator(db):
    return Staff(Client(), ModeratorFactory())


def admin_html(user, path):
    client = Client()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize(("raw", "escaped"), CASES, ids=IDS)
def test_a_material_title_from_an_editor_comes_back_escaped(
    library, editor, editor_user, moderator, raw, escaped
):
    created = editor.send(
        "post",
        "/api/v3/snippets/materials.Material/",
        {
            "title": marked(raw),
            "slug": "injected-material",
            "kind": "template",
            "description": marked(raw),
            "language": "en",
            "date": "2024-03-11",
        },
    )
    assert created.status_code == 201, created.content
    material = Material.objects.get(slug="injected-material")
    published = moderator.send(
        "post", f"/api/v3/snippets/materials.Material/{material.pk}/actions/publish/"
    )
    assert published.status_code == 200, published.content

    pages = {
        "admin listing": admin_html(editor_user, "/admin/snippets/materials/material/"),
        "admin edit": admin_html(
            editor_user, f"/admin/snippets/materials/material/edit/{material.pk}/"
        ),
        "public page": Client().get("/materials/injected-material/").content.decode(),
        "library": Client().get("/materials/").content.decode(),
        "search": Client().get("/search/", {"q": "Zq"}).content.decode(),
    }
    for where, html in pages.items():
        assert_shown_escaped(html, raw, escaped, where)


@pytest.mark.parametrize(("raw", "escaped"), CASES, ids=IDS)
def test_a_module_title_from_an_editor_comes_back_escaped(
    academy, editor, editor_user, moderator, raw, escaped
):
    course = academy.course
    created = editor.send(
        "post",
        "/api/v3/pages/",
        {
            "title": marked(raw),
            "slug": "injected-module",
            "introduction": marked(raw),
            "estimated_minutes": 10,
            "meta": {"type": "courses.ModulePage", "parent_id": course.pk},
        },
    )
    assert created.status_code == 201, created.content
    module = ModulePage.objects.get(slug="injected-module")
    module.skills.add(*course.skills.all()[:1])
    module.save_revision()
    published = moderator.send("post", f"/api/v3/pages/{module.pk}/actions/publish/")
    assert published.status_code == 200, published.content

    pages = {
        "admin explorer": admin_html(editor_user, f"/admin/pages/{course.pk}/"),
        "admin edit": admin_html(editor_user, f"/admin/pages/{module.pk}/edit/"),
        "module page": Client().get(module.url).content.decode(),
        "course page": Client().get(course.url).content.decode(),
        "search": Client().get("/search/", {"q": "Zq"}).content.decode(),
    }
    for where, html in pages.items():
        assert_shown_escaped(html, raw, escaped, where)


def test_the_escaped_forms_are_djangos():
    assert all(escape(raw) == escaped for raw, escaped in INJECTIONS.items())
