"""Which uploaded files the academy accepts, decided by what the file is rather than what it is
called.

A participant's file is later downloaded by their trainers, so a file that merely calls itself a
PDF (an HTML page, an SVG with a script, an executable) must never get in. `check` sniffs the
content: PDF, Office (OOXML and the legacy OLE2 formats), OpenDocument, and PNG/JPEG/GIF/WebP
images that Pillow can read. Zip containers are looked at through their directory only: nothing is
extracted, and a zip that would unpack to far more than it weighs (a zip bomb) is refused before
anything reads its parts. The size limit is `settings.COACHING_MAX_UPLOAD_BYTES`.

Every refusal is a `ValidationError` whose message names the file and says what is allowed, so
forms can show it as it is.
"""

import posixpath
import struct
import unicodedata
import warnings
import zipfile
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError

from PIL import Image

ALLOWED = (
    "PDF, Word, Excel or PowerPoint (also the older .doc, .xls and .ppt), OpenDocument text, "
    "spreadsheet or presentation, and PNG, JPEG, GIF or WebP images"
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
# The stream that makes an OLE2 compound file a Word, Excel or PowerPoint document.
LEGACY_OFFICE = {
    "WordDocument": ("doc", "application/msword"),
    "Workbook": ("xls", "application/vnd.ms-excel"),
    "Book": ("xls", "application/vnd.ms-excel"),
    "PowerPoint Document": ("ppt", "application/vnd.ms-powerpoint"),
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
    *(extension for extension, _ in LEGACY_OFFICE.values()),
    *(extension for extension, _ in IMAGES.values()),
    *(alias for aliases in ALIASES.values() for alias in aliases),
}

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
        return sniff_ole2(uploaded_file, label)
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


def sniff_ole2(uploaded_file, label):
    """Legacy Office files are OLE2 compound files; the name of their main stream tells a Word
    document from a workbook or a presentation (other OLE2 files, such as installers, have
    none of them)."""
    try:
        streams = ole2_stream_names(uploaded_file)
    except (struct.error, ValueError):
        raise corrupt(label) from None
    if "EncryptedPackage" in streams:
        raise ValidationError(
            f"“{label}” is protected by a password. Please hand in a copy without one.",
            code="encrypted_file",
        )
    for stream, detected in LEGACY_OFFICE.items():
        if stream in streams:
            return detected
    raise refused(label)


FREE_SECTOR_IDS = 0xFFFFFFFA  # Sector ids from here up mark free, end-of-chain or FAT sectors.


def ole2_stream_names(f):
    """The names of the storages and streams in an OLE2 file's directory ([MS-CFB]), read by
    following the directory's sector chain through the FAT. Raises ValueError when the
    structure does not hold together."""
    f.seek(0)
    header = f.read(512)
    if len(header) < 512:
        raise ValueError("short header")
    shift = struct.unpack_from("<H", header, 0x1E)[0]
    if shift not in (9, 12):
        raise ValueError("bad sector size")
    sector_size = 1 << shift
    per_sector = sector_size // 4
    last_sector = max(f.size // sector_size, 1)

    def sector(number):
        if number >= last_sector:
            raise ValueError("sector out of range")
        f.seek((number + 1) * sector_size)
        data = f.read(sector_size)
        if len(data) < sector_size:
            raise ValueError("short sector")
        return data

    fat_sectors = list(struct.unpack_from("<109I", header, 0x4C))
    difat = struct.unpack_from("<I", header, 0x44)[0]
    for _ in range(last_sector):
        if difat >= FREE_SECTOR_IDS:
            break
        ids = struct.unpack(f"<{per_sector}I", sector(difat))
        fat_sectors.extend(ids[:-1])
        difat = ids[-1]
    fat_sectors = [number for number in fat_sectors if number < FREE_SECTOR_IDS]

    names = set()
    current = struct.unpack_from("<I", header, 0x30)[0]
    seen = set()
    while current < FREE_SECTOR_IDS:
        if current in seen:
            raise ValueError("loop in the directory chain")
        seen.add(current)
        data = sector(current)
        for offset in range(0, sector_size, 128):
            entry = data[offset : offset + 128]
            length = struct.unpack_from("<H", entry, 0x40)[0]
            if entry[0x42] in (1, 2) and 2 <= length <= 64:
                names.add(entry[: length - 2].decode("utf-16-le", "replace"))
        index = current // per_sector
        if index >= len(fat_sectors):
            raise ValueError("FAT too short")
        current = struct.unpack_from("<I", sector(fat_sectors[index]), (current % per_sector) * 4)[
            0
        ]
    return names


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
