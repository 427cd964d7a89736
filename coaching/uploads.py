"""Which uploaded files the academy accepts, decided by what the file is rather than what it is
called.

A participant's file is later downloaded by their trainers, so a file that merely calls itself a
PDF (an HTML page, an SVG with a script, an executable) must never get in. `check` sniffs the
content: PDF, Office (.docx, .xlsx, .pptx, without macros), OpenDocument, and PNG/JPEG/GIF/WebP
images that Pillow can read. The older Office formats (.doc, .xls, .ppt) are refused with a
request to save them anew: they hide macros where no check of the package would see them. Zip containers are looked at through their directory only: nothing is
extracted, and a zip that would unpack to far more than it weighs (a zip bomb) is refused before
anything reads its parts. The size limit is `settings.COACHING_MAX_UPLOAD_BYTES`.

Every refusal is a `ValidationError` whose message names the file and says what is allowed, so
forms can show it as it is.
"""

import posixpath
import unicodedata
import warnings
import zipfile
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError

from PIL import Image

ALLOWED = (
    "PDF, Word, Excel or PowerPoint (.docx, .xlsx, .pptx), OpenDocument text, spreadsheet or "
    "presentation, and PNG, JPEG, GIF or WebP images"
)

# Zip containers: caps far above any real document, far below what hurts the server.
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_TOTAL_BYTES = 100 * 1024 * 1024
ZIP_MAX_RATIO = 100
# Small parts of real documents (repetitive XML) may compress very well; the ratio only matters
# for parts big enough to hurt.
ZIP_RATIO_FLOOR_BYTES = 1024 * 1024

# (extension, content type) by detected type.
PDF = ("pdf", "application/pdf")
OOXML = {
    "word/": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
OPENDOCUMENT = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
IMAGES = {
    "PNG": ("png", "image/png"),
    "JPEG": ("jpg", "image/jpeg"),
    "GIF": ("gif", "image/gif"),
    "WEBP": ("webp", "image/webp"),
}
# Extensions that name the same type as the canonical one; the uploader's choice is kept.
ALIASES = {"jpg": {"jpeg"}}
# What a file picker may offer; what is accepted is decided by the content alone.
EXTENSIONS = {
    PDF[0],
    *(extension for extension, _ in OOXML.values()),
    *OPENDOCUMENT.values(),
    *(extension for extension, _ in IMAGES.values()),
    *(alias for aliases in ALIASES.values() for alias in aliases),
}

# The older Office formats (.doc, .xls, .ppt) are OLE2 compound files.
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"


class Accepted(NamedTuple):
    name: str
    content_type: str
    extension: str
    size: int


def check(uploaded_file):
    """The accepted file's safe name, content type, canonical extension and size; or a
    ValidationError saying why it is refused. The file is left at its start, ready to be saved."""
    label = safe_name(getattr(uploaded_file, "name", "") or "")
    size = uploaded_file.size
    limit = settings.COACHING_MAX_UPLOAD_BYTES
    if size > limit:
        raise ValidationError(
            f"“{label}” is {megabytes(size)}; the limit is {megabytes(limit)}.",
            code="file_too_large",
        )
    if not size:
        raise ValidationError(f"“{label}” is empty.", code="empty_file")
    try:
        extension, content_type = sniff(uploaded_file, label)
    finally:
        uploaded_file.seek(0)
    return Accepted(
        name=safe_name(label, extension),
        content_type=content_type,
        extension=extension,
        size=size,
    )


def sniff(uploaded_file, label):
    uploaded_file.seek(0)
    head = uploaded_file.read(8)
    uploaded_file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(ZIP_MAGIC):
        return sniff_zip(uploaded_file, label)
    if head == OLE2_MAGIC:
        raise ValidationError(
            f"“{label}” is in an older Office format (.doc, .xls or .ppt), which can hide macros. "
            "Please save it as .docx, .xlsx or .pptx and hand in that copy.",
            code="legacy_office",
        )
    image = sniff_image(uploaded_file, label)
    if image:
        return image
    raise refused(label)


def refused(label):
    return ValidationError(
        f"“{label}” is not a file type we accept (its content decides, not its name). Allowed: {ALLOWED}.",
        code="file_type",
    )


def corrupt(label):
    return ValidationError(
        f"“{label}” is damaged and cannot be read. Please save it again and hand in the new copy.",
        code="corrupt_file",
    )


def sniff_zip(uploaded_file, label):
    """OOXML and OpenDocument files are zip archives: read the directory, refuse bombs, then
    recognise the document by its parts. Only the small `mimetype` part is ever read."""
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            entries = archive.infolist()
            refuse_zip_bomb(entries, label)
            names = {entry.filename for entry in entries}
            if "mimetype" in names:
                with archive.open("mimetype") as part:
                    mimetype = part.read(100).decode("ascii", "replace").strip()
                if mimetype in OPENDOCUMENT:
                    return OPENDOCUMENT[mimetype], mimetype
            if "[Content_Types].xml" in names:
                if any(name.lower().endswith("vbaproject.bin") for name in names):
                    raise ValidationError(
                        f"“{label}” contains macros. Please save it without them (as .docx, "
                        ".xlsx or .pptx) and hand in that copy.",
                        code="macros",
                    )
                for folder, detected in OOXML.items():
                    if any(name.startswith(folder) for name in names):
                        return detected
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise corrupt(label) from None
    except RuntimeError:
        # zipfile's word for an encrypted part it has no password for.
        raise ValidationError(
            f"“{label}” is protected by a password. Please hand in a copy without one.",
            code="encrypted_file",
        ) from None
    raise refused(label)


def refuse_zip_bomb(entries, label):
    message = (
        f"“{label}” would unpack to far more than it weighs, which is how harmful files are "
        "built. Please save the document again and hand in the new copy."
    )
    if len(entries) > ZIP_MAX_ENTRIES:
        raise ValidationError(message, code="zip_bomb")
    if sum(entry.file_size for entry in entries) > ZIP_MAX_TOTAL_BYTES:
        raise ValidationError(message, code="zip_bomb")
    for entry in entries:
        if entry.file_size <= ZIP_RATIO_FLOOR_BYTES:
            continue
        if entry.file_size > ZIP_MAX_RATIO * max(entry.compress_size, 1):
            raise ValidationError(message, code="zip_bomb")


def sniff_image(uploaded_file, label):
    """A raster image Pillow recognises and verifies, within Pillow's decompression-bomb limit
    (its warning is taken as a refusal too)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded_file, formats=list(IMAGES)) as image:
                detected = IMAGES.get(image.format)
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            f"“{label}” has too many pixels to be opened safely. Please hand in a smaller image.",
            code="image_too_large",
        ) from None
    except Exception:  # Pillow raises many kinds of errors on bad input: none is accepted.
        return None
    return detected


def safe_name(name, extension=None):
    """The uploader's file name fit to show and to offer as a download name: its last path
    part, without control or direction-changing characters, at most 255 characters, and (given
    the detected `extension`) ending in that extension."""
    name = name.replace("\\", "/")
    name = posixpath.basename(name)
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    name = " ".join(name.split()).strip(" .")
    if extension is None:
        return name[:255] or "file"
    stem, dot, current = name.rpartition(".")
    current = current.lower()
    if not dot:
        stem = name
    elif current == extension or current in ALIASES.get(extension, ()):
        extension = current
    elif not (current.isalnum() and len(current) <= 5 and not current.isdigit()):
        stem = name
    stem = stem.strip(" .")[: 254 - len(extension)] or "file"
    return f"{stem}.{extension}"


def megabytes(size):
    value = size / (1024 * 1024)
    if value == int(value):
        return f"{int(value)} MB"
    return f"{value:.1f} MB"
