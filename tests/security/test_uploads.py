"""Uploads cannot hurt the site: images are decoded and measured before they are kept,
documents are limited by extension and size, and every document downloads as an attachment
that no browser will run in the site's origin."""

import struct
import zlib
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import APIToken, Collection, CollectionViewRestriction

import pytest
from PIL import Image as PILImage

from tests.factories import EditorFactory, MaterialFactory, UserFactory

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()

DISGUISED_HTML = (
    b"<!DOCTYPE html><html><body><script>fetch('/accounts/export/')</script></body></html>"
)


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def decompression_bomb(side=20_000):
    """A valid one-colour PNG of side × side pixels (400 million by default) in a few KB:
    1-bit greyscale rows of zeros, compressed a row at a time so the test never holds them."""
    row = b"\x00" * (1 + side // 8)  # filter byte, then the row's bits
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def small_png(size=(40, 30), color="navy"):
    buffer = BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor(client):
    user = EditorFactory()
    client.force_login(user)
    return user


def upload_image(client, name, content, title="Upload"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_document(client, name, content, title="Upload"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def serve_url(document):
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def form_errors(response):
    return response.context["form"].errors


# Images


def test_the_bomb_really_is_a_bomb_of_a_few_kilobytes(monkeypatch):
    bomb = decompression_bomb()
    assert len(bomb) < 100_000
    # Pillow's own guard refuses even to open it; lifted here only to read the header.
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", None)
    with PILImage.open(BytesIO(bomb)) as image:
        assert image.size == (20_000, 20_000)


def test_an_editor_uploads_an_ordinary_image(client, editor):
    response = upload_image(client, "banner.png", small_png(), title="Banner")
    assert response.status_code == 302
    image = Image.objects.get(title="Banner")
    assert (image.width, image.height) == (40, 30)


def test_a_decompression_bomb_is_refused_with_a_form_error(client, editor):
    count = Image.objects.count()
    response = upload_image(client, "innocent.png", decompression_bomb())
    assert response.status_code == 200
    assert "too many pixels" in str(form_errors(response)["file"])
    assert Image.objects.count() == count


def test_a_decompression_bomb_is_refused_by_the_images_api(client):
    token = APIToken.create_token(user=EditorFactory(), name="script")[1]
    count = Image.objects.count()
    response = client.post(
        "/api/v3/images/",
        {
            "file": SimpleUploadedFile("innocent.png", decompression_bomb()),
            "title": "Bomb",
            "collection_id": Collection.get_first_root_node().pk,
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert 400 <= response.status_code < 500, response.content
    assert "pixels" in response.content.decode()
    assert Image.objects.count() == count

    ordinary = client.post(
        "/api/v3/images/",
        {
            "file": SimpleUploadedFile("banner.png", small_png()),
            "title": "Banner",
            "collection_id": Collection.get_first_root_node().pk,
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert ordinary.status_code == 201, ordinary.content


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=10_000)
def test_an_image_over_the_size_limit_is_refused(client, editor):
    noisy = BytesIO()
    PILImage.effect_noise((200, 200), 64).save(noisy, "PNG")
    assert len(noisy.getvalue()) > 10_000
    response = upload_image(client, "noise.png", noisy.getvalue())
    assert response.status_code == 200
    assert "too big" in str(form_errors(response)["file"])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("page.html", DISGUISED_HTML),
        ("photo.png", DISGUISED_HTML),
        ("photo.jpg", small_png()),
    ],
)
def test_only_real_raster_images_of_an_allowed_type_are_accepted(client, editor, name, content):
    count = Image.objects.count()
    response = upload_image(client, name, content)
    assert response.status_code == 200
    assert form_errors(response)["file"]
    assert Image.objects.count() == count


# Documents


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "script.js", "run.exe", "page.htm"])
def test_documents_of_other_types_are_refused(client, editor, name):
    count = Document.objects.count()
    response = upload_document(client, name, DISGUISED_HTML)
    assert response.status_code == 200
    assert "file" in form_errors(response)
    assert Document.objects.count() == count


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1_000)
def test_a_document_over_the_size_limit_is_refused(client, editor):
    response = upload_document(client, "slides.pdf", b"%PDF-1.4\n" + b"0" * 2_000)
    assert response.status_code == 200
    assert "file" in form_errors(response)


def test_html_disguised_as_a_pdf_downloads_as_an_inert_attachment(client, editor, library):
    """The extension is allowed, so the upload is kept; but it is served so that no browser
    renders it: attachment, no sniffing, and a policy that forbids running anything."""
    response = upload_document(client, "report.pdf", DISGUISED_HTML, title="Report")
    assert response.status_code == 302
    document = Document.objects.get(title="Report")
    assert document.url == serve_url(document)
    # A published material offers it, so that the public may download it (materials/documents.py).
    MaterialFactory(document=document)

    client.logout()
    download = client.get(document.url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert f'filename="{document.filename}"' in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(download.streaming_content) == DISGUISED_HTML


def test_even_real_pdfs_download_rather_than_open_in_the_site(client, editor):
    upload_document(client, "slides.pdf", b"%PDF-1.4\n%%EOF\n", title="Slides")
    download = client.get(Document.objects.get(title="Slides").url)
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")


def test_a_material_links_its_file_through_the_serving_view(client, library):
    slides = Document.objects.create(
        title="Session slides", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="slides.pdf")
    )
    material = MaterialFactory(document=slides)
    html = client.get(f"/materials/{material.slug}/").content.decode()
    url = material.document.url
    assert url.startswith("/documents/")
    assert f'href="{url}"' in html
    download = client.get(url)
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_document_in_a_private_collection_is_served_only_to_signed_in_users(client, library):
    private = Collection.get_first_root_node().add_child(name="Trainers only")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert restriction.pk
    document = Document.objects.create(
        title="Trainer notes",
        collection=private,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="trainer-notes.pdf"),
    )
    MaterialFactory(document=document)

    # Served by the view, never as a plain media URL that would skip the restriction.
    assert document.url == serve_url(document)
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("accounts:login"))

    client.force_login(UserFactory())
    download = client.get(document.url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
