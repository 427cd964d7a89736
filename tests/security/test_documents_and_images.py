"""Documents and images are an editor's tool (issue 19): the v3 API shows them to their editors'
tokens only, and a document downloads only where the site already shows it to the visitor
(lms/core/api_guards.py, materials/documents.py)."""

import json

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest
import wagtail_factories

from tests.factories import (
    CoursePageFactory,
    EditionPageFactory,
    EditorFactory,
    MaterialFactory,
    ModulePageFactory,
    PageViewRestrictionFactory,
    UserFactory,
)
from tests.test_api_write import Staff

pytestmark = pytest.mark.django_db

Document = get_document_model()
PROBLEM_JSON = "application/problem+json"


def pdf(title="Session slides", **kwargs):
    return Document.objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="slides.pdf"), **kwargs
    )


@pytest.fixture
def slides(db):
    return pdf()


@pytest.fixture
def photo(db):
    return wagtail_factories.ImageFactory(title="Group photo")


@pytest.fixture
def course(home):
    return CoursePageFactory(parent=EditionPageFactory(parent=home), title="Strategy")


def linking(document):
    """A module body whose paragraph links to the document, as the editor's rich text does."""
    link = f'<p>Read <a linktype="document" id="{document.pk}">the slides</a>.</p>'
    return json.dumps([{"type": "paragraph", "value": link}])


def downloads(client, document):
    """The status of downloading the document; a 200 must bring the file itself."""
    response = client.get(document.url)
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4\n%%EOF\n"
    return response.status_code


# The v3 API


def api_paths(slides, photo):
    return [
        "/api/v3/documents/",
        f"/api/v3/documents/{slides.pk}/",
        "/api/v3/images/",
        f"/api/v3/images/{photo.pk}/",
    ]


def test_the_public_api_shows_no_document_or_image(client, slides, photo):
    for path in api_paths(slides, photo):
        response = client.get(path)

        assert response.status_code == 404, path
        assert response["Content-Type"] == PROBLEM_JSON
        assert "slides" not in response.content.decode()


def test_a_learners_token_sees_no_document_or_image_where_an_editors_does(client, slides, photo):
    learner, editor = Staff(client, UserFactory()), Staff(client, EditorFactory())
    assert learner.get("/api/v3/whoami/").status_code == 200

    for path in api_paths(slides, photo):
        assert learner.get(path).status_code == 404, path
    assert [item["title"] for item in editor.get("/api/v3/documents/").json()["items"]] == [
        "Session slides"
    ]
    assert editor.get(f"/api/v3/documents/{slides.pk}/").json()["title"] == "Session slides"
    assert [item["title"] for item in editor.get("/api/v3/images/").json()["items"]] == [
        "Group photo"
    ]
    assert editor.get(f"/api/v3/images/{photo.pk}/").json()["title"] == "Group photo"


@pytest.mark.parametrize("header", ["Bearer not-a-token", "Token abc", "Basic ZWQ6cHc="])
def test_a_wrong_token_sees_no_document_or_image(client, slides, photo, header):
    for path in api_paths(slides, photo):
        assert client.get(path, headers={"Authorization": header}).status_code == 404, path


def test_an_editors_admin_session_does_not_open_the_api(client, slides, photo):
    """As everywhere in Wagtail's API, only a bearer token counts: a browser signed in to the
    admin sends its cookie to any site's request for the API."""
    client.force_login(EditorFactory())

    for path in api_paths(slides, photo):
        assert client.get(path).status_code == 404, path


def test_the_public_cannot_even_try_to_write_documents_or_images(client, slides, photo):
    client.raise_request_exception = False
    responses = [
        client.post("/api/v3/documents/", {"title": "Mine"}),
        client.patch(f"/api/v3/documents/{slides.pk}/", "{}", "application/json"),
        client.delete(f"/api/v3/images/{photo.pk}/"),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    editor = Staff(client, EditorFactory())
    response = editor.send("patch", f"/api/v3/documents/{slides.pk}/", {"title": "Day 1 slides"})
    assert response.status_code == 200, response.content
    assert Document.objects.get().title == "Day 1 slides"


# Downloading a document


def test_a_document_nothing_uses_downloads_for_editors_only(client, slides):
    assert downloads(client, slides) == 404
    client.force_login(UserFactory())
    assert downloads(client, slides) == 404
    client.force_login(EditorFactory())
    assert downloads(client, slides) == 200


def test_a_materials_document_downloads_once_the_material_is_published(client, library):
    slides = pdf()
    material = MaterialFactory(document=slides, live=False)

    assert downloads(client, slides) == 404
    material.save_revision().publish()
    assert downloads(client, slides) == 200


def test_a_materials_document_downloads_only_where_the_library_is_open(client, library):
    slides = pdf()
    MaterialFactory(document=slides)
    PageViewRestrictionFactory(page=library, restriction_type="login")

    assert downloads(client, slides) == 404
    client.force_login(UserFactory())
    assert downloads(client, slides) == 200


def test_a_document_linked_from_a_module_downloads_once_the_module_is_live(client, course):
    slides = pdf()
    module = ModulePageFactory(parent=course, body=linking(slides), live=False)

    assert downloads(client, slides) == 404
    module.save_revision().publish()
    assert downloads(client, slides) == 200


def test_a_link_in_a_live_modules_unpublished_draft_opens_nothing(client, course):
    slides = pdf()
    module = ModulePageFactory(parent=course)
    module.body = linking(slides)
    revision = module.save_revision()

    assert downloads(client, slides) == 404
    revision.publish()
    assert downloads(client, slides) == 200


def test_a_module_closed_to_the_public_opens_its_documents_to_those_it_admits(client, course):
    slides = pdf()
    ModulePageFactory(parent=course, body=linking(slides))
    PageViewRestrictionFactory(page=course, restriction_type="login")

    assert downloads(client, slides) == 404
    client.force_login(UserFactory())
    assert downloads(client, slides) == 200


def test_a_module_closed_to_a_group_opens_its_documents_to_its_members_only(client, course):
    slides = pdf()
    ModulePageFactory(parent=course, body=linking(slides))
    trainers = Group.objects.get(name="Trainers")  # made by the roles migrations
    PageViewRestrictionFactory(page=course, restriction_type="groups", groups=[trainers])
    learner, trainer = UserFactory(), UserFactory()
    trainer.groups.add(trainers)

    client.force_login(learner)
    assert downloads(client, slides) == 404
    client.force_login(trainer)
    assert downloads(client, slides) == 200


def test_a_module_behind_a_password_opens_its_documents_to_no_one_without_it(client, course):
    slides = pdf()
    ModulePageFactory(parent=course, body=linking(slides))
    PageViewRestrictionFactory(page=course, restriction_type="password")

    assert downloads(client, slides) == 404
    client.force_login(UserFactory())
    assert downloads(client, slides) == 404


def test_a_private_collection_still_asks_the_visitor_to_sign_in_first(client, course):
    """Wagtail's own check of the document's collection comes first (its sign-in), then ours."""
    private = Collection.get_first_root_node().add_child(name="Trainers only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    used, unused = pdf("Used", collection=private), pdf("Unused", collection=private)
    ModulePageFactory(parent=course, body=linking(used))

    for document in (used, unused):
        response = client.get(document.url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    client.force_login(UserFactory())
    assert downloads(client, used) == 200
    assert downloads(client, unused) == 404
