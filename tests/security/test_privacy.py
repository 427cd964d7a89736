"""Nothing private reaches anyone who may not see it, on any path that reads pages, materials,
documents or images.

Each kind of privacy (PRIVACY) builds, in a small academy, content that the visitor may not see,
all of it about "Quokka", and files that must not download. Then every reading path
(READING_PATHS: HTML pages, JSON, autocomplete, files) is fetched as an anonymous visitor and as a
signed-in learner who is in no group and knows no password: no answer may contain a private title,
description or file name, and no private file may download. A new capability that reads content (feeds, sessions, badges…) adds its
paths to READING_PATHS; a new kind of privacy adds a builder to PRIVACY.
"""

import json

from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest
import wagtail_factories

from courses.models import CoursePage, EditionPage, ModulePage
from tests.factories import (
    CoursePageFactory,
    EditionPageFactory,
    MaterialFactory,
    ModulePageFactory,
    PageViewRestrictionFactory,
    UserFactory,
    material_block,
)

WORD = "Quokka"


class Private:
    """What one kind of privacy hides: pages and materials (whose URLs and ids the reading paths
    also ask for directly), and files that must not download."""

    def __init__(self, pages=(), materials=(), documents=(), images=(), file_names=True):
        self.pages = list(pages)
        self.file_names = file_names
        self.materials = list(materials)
        self.documents = list(documents)
        self.images = list(images)

    def secrets(self):
        """What the private items say: their titles, descriptions and file names (the searches
        below ask for the word itself, which a results page may well repeat)."""
        texts = [page.title for page in self.pages]
        for material in self.materials:
            texts += [material.title, material.description]
        for file in (*self.documents, *self.images):
            texts.append(file.title)
            if self.file_names:
                texts.append(file.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        return texts


def _document(collection=None):
    return wagtail_factories.DocumentFactory(
        title=f"{WORD} handout",
        file__filename="quokka-handout.pdf",
        **({"collection": collection} if collection else {}),
    )


def _image(collection=None):
    return wagtail_factories.ImageFactory(
        title=f"{WORD} picture",
        file__filename="quokka-picture.jpg",
        **({"collection": collection} if collection else {}),
    )


def _tagged(academy, *pages):
    for page in pages:
        page.skills.add(academy.action_planning)
        page.save()


def draft_pages(academy):
    edition = EditionPageFactory(
        parent=academy.home, title=f"{WORD} draft edition", live=False, hero_image=_image()
    )
    course = CoursePageFactory(parent=academy.editions[0], title=f"{WORD} draft course", live=False)
    module = ModulePageFactory(
        parent=academy.course, title=f"{WORD} unpublished module", live=False
    )
    _tagged(academy, course, module)
    return Private(pages=[edition, course, module], images=[edition.hero_image])


def draft_material(academy):
    document = _document()
    material = MaterialFactory(
        title=f"{WORD} draft material",
        description=f"{WORD} notes nobody may read yet.",
        document=document,
        live=False,
        skills=[academy.action_planning],
        tags=[f"{WORD} secret"],
    )
    return Private(materials=[material], documents=[document])


def unpublished_ancestor(academy):
    """A course and its module were live; then the editor unpublished the course."""
    course = CoursePageFactory(parent=academy.editions[0], title=f"{WORD} withdrawn course")
    module = ModulePageFactory(parent=course, title=f"{WORD} module of a withdrawn course")
    _tagged(academy, course, module)
    course.unpublish()
    return Private(pages=[course, module])


def _restricted(restriction_type, on):
    def build(academy):
        group, _ = Group.objects.get_or_create(name=f"{WORD} cohort")
        if on == "course":
            restricted = CoursePageFactory(
                parent=academy.editions[0], title=f"{WORD} {restriction_type} course"
            )
            pages = [restricted]
            parent = restricted
        else:
            restricted = EditionPageFactory(
                parent=academy.home,
                title=f"{WORD} {restriction_type} edition",
                hero_image=_image(),
            )
            course = CoursePageFactory(parent=restricted, title=f"{WORD} course of an edition")
            pages = [restricted, course]
            parent = course
        pages.append(ModulePageFactory(parent=parent, title=f"{WORD} module"))
        _tagged(academy, *(page for page in pages if not isinstance(page, EditionPage)))
        PageViewRestrictionFactory(
            page=restricted,
            restriction_type=restriction_type,
            groups=[group] if restriction_type == PageViewRestriction.GROUPS else [],
        )
        images = [restricted.hero_image] if on == "edition" else []
        return Private(pages=pages, images=images)

    return build


def _restricted_library(restriction_type, on):
    """Every material follows its library: restricting the library (or the home page above it)
    hides them all, wherever they are shown or cited."""

    def build(academy):
        group, _ = Group.objects.get_or_create(name=f"{WORD} cohort")
        document = _document()
        material = MaterialFactory(
            title=f"{WORD} library material",
            description=f"{WORD} notes for the cohort.",
            document=document,
            skills=[academy.action_planning],
            tags=[f"{WORD} cohort"],
        )
        # A public module cites it, as modules cite materials.
        module = academy.modules[0]
        module.body = json.dumps([material_block(material)])
        module.save()
        PageViewRestrictionFactory(
            page=academy.library if on == "library" else academy.home,
            restriction_type=restriction_type,
            groups=[group] if restriction_type == PageViewRestriction.GROUPS else [],
        )
        return Private(materials=[material], documents=[document])

    return build


def unpublished_library(academy):
    material = MaterialFactory(
        title=f"{WORD} library material",
        description=f"{WORD} notes for the cohort.",
        document=_document(),
        skills=[academy.action_planning],
    )
    academy.library.unpublish()
    return Private(materials=[material], documents=[material.document])


def private_collection(academy):
    """Files in a collection only signed-in people may open, one of them given by a material."""
    root = Collection.get_first_root_node()
    collection = root.add_child(name=f"{WORD} collection")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    document = _document(collection)
    image = _image(collection)
    MaterialFactory(title="Cohort notes", document=document, skills=[academy.action_planning])
    # The public material links to the file, as a public page may: only opening it is refused.
    return Private(documents=[document], images=[image], file_names=False)


PRIVACY = {
    "draft pages": draft_pages,
    "draft material": draft_material,
    "unpublished ancestor": unpublished_ancestor,
    **{
        f"{kind} restriction on {page}": _restricted(kind, on)
        for kind in (
            PageViewRestriction.LOGIN,
            PageViewRestriction.PASSWORD,
            PageViewRestriction.GROUPS,
        )
        for on, page in (("course", "a course"), ("edition", "an edition"))
    },
    **{
        f"{kind} restriction on the {on}": _restricted_library(kind, on)
        for kind in (
            PageViewRestriction.LOGIN,
            PageViewRestriction.PASSWORD,
            PageViewRestriction.GROUPS,
        )
        for on in ("library", "home page")
    },
    "unpublished library": unpublished_library,
    "private collection": private_collection,
}
# A signed-in learner may see what only asks for signing in.
VISIBLE_TO_LEARNERS = {name for name in PRIVACY if name.startswith(PageViewRestriction.LOGIN)}


def _html_paths(academy, private):
    public_pages = [
        academy.home,
        *academy.editions,
        *CoursePage.objects.live(),
        *ModulePage.objects.live().child_of(academy.course),
    ]
    return [
        *(page.url for page in public_pages if page.url),
        "/materials/",
        f"/materials/?q={WORD}",
        f"/materials/?skill={academy.action_planning.slug}",
        f"/materials/{academy.material.slug}/",
        "/skills/",
        f"/skills/{academy.action_planning.slug}/",
        f"/skills/{academy.strategy.slug}/",
        f"/search/?q={WORD}",
        f"/search/?q={WORD}&skill={academy.action_planning.slug}",
        "/learning/",
        # The private items' own addresses answer a sign-in or password form, or a 404.
        *(page.url for page in private.pages if page.url),
        *(f"/materials/{material.slug}/" for material in private.materials),
    ]


def _autocomplete_paths(academy, private):
    return [f"/search/autocomplete/?q={WORD}", f"/search/autocomplete/?q={WORD[:3]}"]


def _api_paths(academy, private):
    academy_api = "/api/v3/academy"
    return [
        f"/api/v3/pages/?search={WORD}",
        "/api/v3/pages/?type=courses.CoursePage&limit=20",
        "/api/v3/pages/?type=courses.ModulePage&limit=20",
        "/api/v3/pages/?type=courses.EditionPage&limit=20",
        f"/api/v3/pages/?descendant_of={academy.home.pk}&limit=20",
        *(f"/api/v3/pages/{page.pk}/" for page in private.pages),
        *(f"/api/v3/pages/{page.pk}/?version=draft" for page in private.pages),
        *(f"/api/v3/pages/find/?html_path={page.url}" for page in private.pages),
        f"{academy_api}/courses/?limit=20",
        f"{academy_api}/materials/?limit=20",
        f"{academy_api}/materials/?q={WORD}",
        f"{academy_api}/materials/?skill={academy.action_planning.slug}",
        f"{academy_api}/materials/facets/",
        *(f"{academy_api}/materials/{material.slug}/" for material in private.materials),
        f"{academy_api}/skills/",
        "/api/v3/documents/",
        f"/api/v3/documents/?search={WORD}",
        "/api/v3/images/",
        f"/api/v3/images/?search={WORD}",
        *(f"/api/v3/documents/{document.pk}/" for document in private.documents),
        *(f"/api/v3/images/{image.pk}/" for image in private.images),
    ]


# Every path that reads pages, materials, documents or images, by kind of answer.
READING_PATHS = {
    "html": _html_paths,
    "autocomplete": _autocomplete_paths,
    "json": _api_paths,
}


def _visitors():
    for visitor in ("anonymous", "learner"):
        for name in PRIVACY:
            if visitor == "learner" and name in VISIBLE_TO_LEARNERS:
                continue
            yield pytest.param(visitor, name, id=f"{visitor}-{name}")


@pytest.mark.django_db
@pytest.mark.parametrize(("visitor", "privacy"), list(_visitors()))
def test_nothing_private_appears_on_any_reading_path(client, academy, visitor, privacy):
    if visitor == "learner":
        client.force_login(UserFactory())
    private = PRIVACY[privacy](academy)
    for kind, paths in READING_PATHS.items():
        for path in paths(academy, private):
            response = client.get(path)
            assert response.status_code < 500, (kind, path)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            body = body.decode(errors="replace")
            leaked = [secret for secret in private.secrets() if secret in body]
            assert not leaked, (kind, path, response.status_code, leaked)
    for document in private.documents:
        # Refused, or answered with a sign-in or password form: never the file as an attachment.
        response = client.get(document.url)
        assert "Content-Disposition" not in response, ("file", document.url)
