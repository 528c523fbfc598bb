"""Reading files: the only code that touches the file system for input.

``read_document(path)`` gives the raw bytes as a Dokument, ``to_tekst(dokument)`` decodes them into
normalised text. Both raise InputError with a one-line message that says what to do. An agenda-system
export (FirstAgenda JSON, eDoc / SBSYS / Acadre XML, a zip of one) is recognised by its content, whatever
its name; its Dokument's format names the export and ``exports.export_to_referat`` reads it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from ..models import Dokument, Tekst
from .exports import ExportError, detect_export, looks_like_export
from .markdown import strip_markdown
from .normalize import normalize_text
from .pdf import extract_pdf
from .text import decode_text, strip_export_residue

FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".pdf": "pdf"}
# Extensions agenda exports come with; what they hold is decided by their content.
EXPORT_SUFFIXES = {".json", ".xml", ".zip"}
KNOWN_SUFFIXES = set(FORMATS) | EXPORT_SUFFIXES


def find_documents(paths: list[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into the input files we know how to read, sorted.

    In a folder, a .json, .xml or .zip file is taken only when it holds an agenda export; named on its
    own, any file is read (and refused with a reason when it is neither a referat nor an export).
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and wanted_in_folder(p)))
        else:
            found.append(path)
    return found


def wanted_in_folder(path: Path) -> bool:
    """A file a folder walk picks up: a referat by its extension, or a .json/.xml/.zip that holds an agenda export."""
    suffix = path.suffix.lower()
    return suffix in FORMATS or (suffix in EXPORT_SUFFIXES and looks_like_export(path.read_bytes()))


def read_document(path: str | Path) -> Dokument:
    """Read one file into a Dokument; an agenda export by its content, anything else by its extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in KNOWN_SUFFIXES and not path.is_file():
        raise InputError(f"ukendt filtype '{path.suffix or '(ingen)'}': giv en fil af typen {known_types()}")
    if not path.is_file():
        raise InputError("filen findes ikke: tjek stien")
    data = path.read_bytes()
    if not data.strip():
        raise InputError("filen er tom: eksportér referatet igen")
    fmt = content_format(data, suffix)
    return Dokument(kilde=str(path), data=data, sha256=hashlib.sha256(data).hexdigest(), format=fmt)


def content_format(data: bytes, suffix: str) -> str:
    """The export a file holds, else the format its extension names; ExportError for a broken export."""
    if suffix == ".pdf" and data.startswith(b"%PDF"):
        return "pdf"
    if (export := detect_export(data) if suffix in EXPORT_SUFFIXES else sniff_export(data)) is not None:
        return export
    if suffix in FORMATS:
        return FORMATS[suffix]
    if suffix in EXPORT_SUFFIXES:
        raise ExportError("ikke en dagsordenseksport: giv en FirstAgenda-JSON eller en eDoc-, SBSYS- eller Acadre-XML")
    raise InputError(f"ukendt filtype '{suffix or '(ingen)'}': giv en fil af typen {known_types()}")


def sniff_export(data: bytes) -> str | None:
    """An export saved under another name (.txt, no extension); a text that merely starts with "<" is not one."""
    try:
        return detect_export(data)
    except ExportError:
        return None


def known_types() -> str:
    return ", ".join(sorted(KNOWN_SUFFIXES))


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
