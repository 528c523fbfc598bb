"""Reading files: the only code that touches the file system for input.

``read_document(path)`` gives the raw bytes as a Dokument, ``to_tekst(dokument)`` decodes them into
normalised text. Both raise InputError with a one-line message that says what to do.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from ..models import Dokument, Tekst
from .markdown import strip_markdown
from .normalize import normalize_text
from .pdf import extract_pdf
from .text import decode_text, strip_export_residue

FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".pdf": "pdf"}


def find_documents(paths: list[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into the input files we know how to read, sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS))
        else:
            found.append(path)
    return found


def read_document(path: str | Path) -> Dokument:
    """Read one file into a Dokument; the format comes from the extension."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"unknown file type '{path.suffix or '(none)'}': give a {known} file")
    if not path.is_file():
        raise InputError("no such file: check the path")
    data = path.read_bytes()
    if not data.strip():
        raise InputError("the file is empty: export the referat again")
    return Dokument(kilde=str(path), data=data, sha256=hashlib.sha256(data).hexdigest(), format=fmt)


def to_tekst(dokument: Dokument) -> Tekst:
    """Decode a Dokument into normalised text (PDF pages joined, markdown markup stripped)."""
    if dokument.format == "pdf":
        return extract_pdf(dokument.data, dokument.kilde, dokument.sha256)
    text = decode_text(dokument.data)
    if dokument.format == "md":
        text = strip_markdown(text)
    return Tekst(
        kilde=dokument.kilde,
        sha256=dokument.sha256,
        format=dokument.format,
        tekst=normalize_text(strip_export_residue(text)),
    )


def load_tekst(path: str | Path) -> Tekst:
    """``to_tekst(read_document(path))``, the usual way in."""
    return to_tekst(read_document(path))
