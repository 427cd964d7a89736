"""What a PDF says, read by a real PDF reader (pypdf), for tests that check a PDF's words."""

import io

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """The text of every page of the PDF `content`, page after page."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
