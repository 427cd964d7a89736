"""Files are accepted by what they are, not by what they are called: the hostile uploads of the
issue are refused with a message naming the file, on the hand-in form and by coaching.uploads,
and nothing of them is stored."""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image

from coaching import uploads
from coaching.models import Submission, SubmissionFile
from tests.factories import AssignmentFactory

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def private_files(monkeypatch, tmp_path):
    """Submitted files stored in a folder of the test's own, to see what was stored."""
    folder = tmp_path / "private"
    field = SubmissionFile._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=folder, base_url=None))
    return folder


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def zipped(parts, stored_first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(*stored_first, compress_type=zipfile.ZIP_STORED)
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes():
    return zipped(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "_rels/.rels": "<Relationships/>",
            "word/document.xml": "<w:document><w:body>My essay</w:body></w:document>",
        }
    )


def opendocument_bytes(kind="text"):
    return zipped(
        {"content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<manifest/>"},
        stored_first=("mimetype", f"application/vnd.oasis.opendocument.{kind}"),
    )


def image_bytes(format_name, size=(20, 10)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, format_name)
    return buffer.getvalue()


def zip_bomb_docx():
    """A "DOCX" whose document part unpacks to 200 MB of zeros: built in memory, in chunks, so
    neither the test nor the check ever holds the 200 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = bytes(1024 * 1024)
            for _ in range(200):
                part.write(chunk)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("name", "content", "extension", "content_type"),
    [
        ("Essay.pdf", pdf_bytes(), "pdf", "application/pdf"),
        ("Essay.docx", docx_bytes(), "docx", DOCX),
        ("Essay.odt", opendocument_bytes(), "odt", "application/vnd.oasis.opendocument.text"),
        (
            "Budget.ods",
            opendocument_bytes("spreadsheet"),
            "ods",
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("Map.png", image_bytes("PNG"), "png", "image/png"),
        ("Photo.jpg", image_bytes("JPEG"), "jpg", "image/jpeg"),
        ("Logo.gif", image_bytes("GIF"), "gif", "image/gif"),
        ("Logo.webp", image_bytes("WEBP"), "webp", "image/webp"),
    ],
    ids=lambda value: value if isinstance(value, str) and "/" not in value else "",
)
def test_the_allowed_types_are_recognised_by_their_content(name, content, extension, content_type):
    accepted = uploads.check(upload(name, content))

    assert accepted == uploads.Accepted(name, content_type, extension, len(content))


def test_the_name_takes_the_extension_the_content_proves():
    assert uploads.check(upload("essay.txt", pdf_bytes())).name == "essay.pdf"
    assert uploads.check(upload("scan", image_bytes("PNG"))).name == "scan.png"
    assert uploads.check(upload("holiday.jpeg", image_bytes("JPEG"))).name == "holiday.jpeg"
    assert uploads.check(upload("report v1.2", docx_bytes())).name == "report v1.2.docx"


def test_the_name_is_made_safe_to_show_and_to_download():
    # A right-to-left override would show "report‮fdp.exe" as "reportexe.pdf".
    assert uploads.check(upload("report\u202efdp.exe", pdf_bytes())).name == "reportfdp.pdf"
    assert uploads.check(upload("..\\..\\windows\\evil.pdf", pdf_bytes())).name == "evil.pdf"
    assert uploads.check(upload("line\nbreak.pdf", pdf_bytes())).name == "linebreak.pdf"
    long_name = uploads.check(upload("a" * 300 + ".pdf", pdf_bytes())).name
    assert len(long_name) == 255
    assert long_name.endswith("aaa.pdf")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("essay.pdf", b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"),
        (
            "map.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        ("map.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="5"/></svg>'),
        ("notes.pdf", b"Just some text, not a PDF.\n"),
        ("setup.docx", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"),
        ("archive.docx", zipped({"readme.txt": "hello"})),
    ],
    ids=["html", "svg-script", "svg", "text", "executable", "plain-zip"],
)
def test_other_content_is_refused_whatever_its_name(name, content):
    with pytest.raises(ValidationError) as refused:
        uploads.check(upload(name, content))

    message = refused.value.messages[0]
    assert message.startswith(f"“{name}” is not a file type we accept")
    assert "Allowed: PDF, Word, Excel or PowerPoint" in message


def test_an_older_office_file_is_refused_with_the_format_to_save_it_in():
    # Every .doc, .xls and .ppt file starts like this: an OLE2 compound file.
    old_word_file = uploads.OLE2_MAGIC + bytes(1024)

    with pytest.raises(ValidationError) as refused:
        uploads.check(upload("Old essay.doc", old_word_file))

    assert refused.value.code == "legacy_office"
    assert "Please save it as .docx, .xlsx or .pptx" in refused.value.messages[0]


def test_an_office_file_with_macros_is_refused():
    with_macros = zipped(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": "<w:document/>",
            "word/vbaProject.bin": "Attribute VB_Name = \"AutoOpen\"",
        }
    )

    with pytest.raises(ValidationError) as refused:
        uploads.check(upload("Essay.docx", with_macros))

    assert refused.value.code == "macros"
    assert refused.value.messages[0].startswith("“Essay.docx” contains macros.")


def test_a_zip_bomb_disguised_as_docx_is_refused_without_unpacking_it():
    bomb = zip_bomb_docx()
    assert len(bomb) < 1024 * 1024

    with pytest.raises(ValidationError) as refused:
        uploads.check(upload("essay.docx", bomb))

    assert refused.value.code == "zip_bomb"
    assert refused.value.messages[0].startswith("“essay.docx” would unpack to far more")


def test_a_part_that_unpacks_to_a_hundred_times_its_weight_is_refused():
    # 2 MB of zeros: far below the total cap, but a thousand times its compressed size.
    small_bomb = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": bytes(2 << 20)})

    with pytest.raises(ValidationError) as refused:
        uploads.check(upload("essay.docx", small_bomb))

    assert refused.value.code == "zip_bomb"


def test_a_zip_of_too_many_parts_is_refused():
    parts = {"[Content_Types].xml": "<Types/>"}
    parts.update({f"word/part{n}.xml": "<p/>" for n in range(uploads.ZIP_MAX_ENTRIES)})

    with pytest.raises(ValidationError) as refused:
        uploads.check(upload("many.docx", zipped(parts)))

    assert refused.value.code == "zip_bomb"


def test_a_damaged_document_is_refused_as_damaged():
    truncated = docx_bytes()[:-30]

    with pytest.raises(ValidationError) as refused:
        uploads.check(upload("essay.docx", truncated))

    assert refused.value.messages == [
        "“essay.docx” is damaged and cannot be read. Please save it again and hand in the new copy."
    ]


def test_an_image_past_pillows_pixel_limit_is_refused(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)

    with pytest.raises(ValidationError) as refused:
        uploads.check(upload("huge.png", image_bytes("PNG", size=(20, 10))))

    assert refused.value.code == "image_too_large"


def test_a_file_over_the_limit_is_refused_with_both_sizes(settings):
    settings.COACHING_MAX_UPLOAD_BYTES = 1024 * 1024
    big = pdf_bytes() + bytes(int(1.3 * 1024 * 1024))

    with pytest.raises(ValidationError) as refused:
        uploads.check(upload("scan.pdf", big))

    assert refused.value.messages == ["“scan.pdf” is 1.3 MB; the limit is 1 MB."]


# The same hostile files, handed in over HTTP.


@pytest.fixture
def assignment(module):
    return AssignmentFactory(page=module, title="Stakeholder map")


def hand_in(client, assignment, *files):
    return client.post(
        reverse("coaching:assignment", args=[assignment.pk]),
        {"hand_in-text": "My answer.", "hand_in-files": list(files)},
    )


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("essay.pdf", b"<html><body><script>alert(1)</script></body></html>", "is not a file type"),
        (
            "map.png",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
            b"<script>alert(1)</script></svg>",
            "is not a file type",
        ),
        ("essay.docx", zip_bomb_docx, "would unpack to far more than it weighs"),
    ],
    ids=["html-renamed-pdf", "svg-with-script-renamed-png", "zip-bomb-as-docx"],
)
def test_hostile_files_are_refused_on_the_hand_in_form(
    client, participant, assignment, private_files, name, content, says
):
    client.force_login(participant)
    content = content() if callable(content) else content

    response = hand_in(client, assignment, upload(name, content))

    assert response.status_code == 400
    assert f"“{name}” {says}" in response.content.decode()
    assert not Submission.objects.exists()
    assert not SubmissionFile.objects.exists()
    assert stored_files(private_files) == []


def test_a_file_over_the_limit_is_refused_on_the_hand_in_form(
    client, settings, participant, assignment, private_files
):
    settings.COACHING_MAX_UPLOAD_BYTES = 1024 * 1024
    client.force_login(participant)

    response = hand_in(
        client, assignment, upload("scan.pdf", pdf_bytes() + bytes(12 * 1024 * 1024 // 10))
    )

    assert response.status_code == 400
    assert "“scan.pdf” is 1.2 MB; the limit is 1 MB." in response.content.decode()
    assert not Submission.objects.exists()
    assert stored_files(private_files) == []


def test_one_hostile_file_among_good_ones_refuses_the_whole_version(
    client, participant, assignment, private_files
):
    client.force_login(participant)

    response = hand_in(
        client,
        assignment,
        upload("essay.pdf", pdf_bytes()),
        upload("page.pdf", b"<html><script>alert(1)</script></html>"),
    )

    assert response.status_code == 400
    assert "“page.pdf” is not a file type we accept" in response.content.decode()
    assert not Submission.objects.exists()
    assert stored_files(private_files) == []


def test_valid_files_are_stored_privately_under_the_proven_extension(
    client, participant, assignment, private_files
):
    client.force_login(participant)

    response = hand_in(
        client,
        assignment,
        upload("essay.pdf", pdf_bytes()),
        upload("essay", docx_bytes()),
        upload("essay.odt", opendocument_bytes()),
        upload("map.gif", image_bytes("PNG")),
    )

    assert response.status_code == 302
    files = SubmissionFile.objects.order_by("pk")
    assert [(f.name, f.content_type) for f in files] == [
        ("essay.pdf", "application/pdf"),
        ("essay.docx", DOCX),
        ("essay.odt", "application/vnd.oasis.opendocument.text"),
        ("map.png", "image/png"),
    ]
    assert [f.file.name.rsplit(".", 1)[1] for f in files] == ["pdf", "docx", "odt", "png"]
    assert all(f.file.name.startswith("submissions/") for f in files)
    assert "essay" not in " ".join(f.file.name for f in files)
    assert len(stored_files(private_files)) == 4
