"""PDF → text through pypdf, pages joined with their start offsets kept."""

from __future__ import annotations

import io
import logging

from ..errors import PdfError
from ..models import Tekst
from .text import normalize_text

log = logging.getLogger(__name__)


def extract_pdf(data: bytes, kilde: str, sha256: str) -> Tekst:
    """Extract the text layer of every page; raise PdfError when there is none to read."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PdfError("the PDF is encrypted: save an unprotected copy and ingest that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise PdfError(f"the PDF cannot be read ({error}): export it again") from error
    if not any(page.strip() for page in pages):
        raise PdfError("the PDF has no text layer (it looks scanned; OCR is not done): export it with text")
    starts, parts, offset = [], [], 0
    for page in pages:
        page = normalize_text(page).strip("\n") + "\n"
        starts.append(offset)
        parts.append(page)
        offset += len(page) + 1
    return Tekst(kilde=kilde, sha256=sha256, format="pdf", tekst="\n".join(parts), sider=tuple(starts))
