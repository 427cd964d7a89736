"""Who may download a document.

Wagtail serves any document at /documents/<id>/<filename> to anyone (outside private
collections), whatever uses it: a file uploaded for a draft material or a restricted page would be
public to whoever guesses its id. Documents are an editor's tool; anyone else downloads one only
where the site already shows it to them. What uses a document comes from Wagtail's reference
index, which records what each page's and each material's own row refers to (chooser blocks,
rich-text links, the material's file), never their draft revisions.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex

from courses.models import viewable_by
from lms.core.api_guards import is_editor_of
from materials.models import Material, MaterialLibraryPage


def may_download(document, request):
    """Whether the request may download the document: any document for its editors (as in the
    API), otherwise one that a published material the request may see uses, or a live page the
    request may view."""
    if is_editor_of(request.user, type(document)):
        return True
    users = ReferenceIndex.get_references_to(document)
    materials = _ids(users, Material)
    if MaterialLibraryPage.visible_materials(request).filter(pk__in=materials).exists():
        return True
    pages = Page.objects.live().filter(pk__in=_ids(users, Page))
    return any(viewable_by(page, request) for page in pages)


def _ids(references, model):
    """The keys of the `model` rows among the references (pages under their base type, Page)."""
    kind = ContentType.objects.get_for_model(model)
    return [
        int(key)
        for key in references.filter(base_content_type=kind).values_list("object_id", flat=True)
    ]
