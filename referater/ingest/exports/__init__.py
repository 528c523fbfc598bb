"""Agenda-system exports → Referat: FirstAgenda meeting JSON, eDoc / SBSYS / Acadre publication XML, a zip of one.

``detect_export(data)`` names the export a file holds, from its content alone (None when it is no
export); ``export_to_referat(data, …)`` converts the bytes. Both are pure functions of the bytes, so a
stored export can be converted again without the file.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import replace

from ...models import Referat
from . import acadre, edoc, edoc_publishing, firstagenda, sbsys
from .errors import ExportError
from .xml import parse_xml

EXPORT_GRUNDLAG = "punkt i dagsordenseksporten"  # why a punkt of an export is one: the export lists it

# format → (does this parsed document belong to it, convert bytes → Referat)
XML_FORMATS: dict[str, tuple[Callable, Callable]] = {
    edoc.FORMAT: (edoc.is_edoc, edoc.convert),
    sbsys.FORMAT: (sbsys.is_sbsys, sbsys.convert),
    edoc_publishing.FORMAT: (edoc_publishing.is_edoc_publishing, edoc_publishing.convert),
    acadre.FORMAT: (acadre.is_acadre, acadre.convert),
}
CONVERTERS: dict[str, Callable] = {firstagenda.FORMAT: firstagenda.convert,
                                   **{name: convert for name, (_, convert) in XML_FORMATS.items()}}  # fmt: skip
EXPORT_FORMATS = frozenset(CONVERTERS)
ZIP_MAGIC = b"PK\x03\x04"
MEMBER_SUFFIXES = (".xml", ".json")
MAX_MEMBER_BYTES = 200_000_000  # a zip bomb is refused, not unpacked
# Byte strings only an agenda export holds: in a folder, other .json/.xml/.zip files are not picked up.
MARKERS = (b'"Dagsordenpunkter"', b"<Publication", b"fujitsu.dk/agenda/xml", b"MeetingAgendaTypes", b"agendaitemparents")
__all__ = ["EXPORT_FORMATS", "ExportError", "detect_export", "export_to_referat", "is_export_format",
           "looks_like_export"]


def is_export_format(name: str) -> bool:
    return name in EXPORT_FORMATS


def looks_like_export(data: bytes) -> bool:
    """A quick look: could these bytes be an agenda export (a broken one included)? A zip is opened."""
    if data.startswith(ZIP_MAGIC):
        return is_member_export(data)
    return any(marker in data for marker in MARKERS)


def detect_export(data: bytes) -> str | None:
    """The export format of these bytes ("firstagenda", "sbsys", …), or None when they are no agenda export.

    Raises ExportError when the bytes are JSON, XML or a zip but not an agenda export it can read.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")[:1]  # the first character tells JSON from XML
    if data.startswith(ZIP_MAGIC):
        return detect_export(zip_member(data)[1])
    if head == b"{":
        value = loads(data)
        if firstagenda.is_committee_list(value):
            raise ExportError("dette er FirstAgenda-portalens udvalgsliste, ikke et møde: hent møderne med "
                              "'referater hent PORTAL-URL'")  # fmt: skip
        return firstagenda.FORMAT if firstagenda.is_firstagenda(value) else not_an_export("JSON")
    if head == b"<":
        root = parse_xml(data)
        return next((name for name, (test, _) in XML_FORMATS.items() if test(root)), None) or not_an_export(
            f"XML med rodelementet <{root.tag}>")
    return None


def export_to_referat(data: bytes, kilde: str = "", sha256: str = "", format: str | None = None) -> Referat:
    """The Referat an export holds; ``format`` may be given (as stored), else it is detected."""
    if data.startswith(ZIP_MAGIC):
        data = zip_member(data)[1]
    name = format or detect_export(data)
    if name not in CONVERTERS:
        raise ExportError("ikke en dagsordenseksport: giv en FirstAgenda-JSON eller en eDoc-, SBSYS- eller Acadre-XML")
    return placed(CONVERTERS[name](data, kilde=kilde, sha256=sha256))


def placed(referat: Referat) -> Referat:
    """Each punkt's place in the meeting, and why it is a punkt: the export lists it (as ``check`` shows)."""
    punkter = tuple(replace(punkt, position=position, grundlag=(EXPORT_GRUNDLAG,))
                    for position, punkt in enumerate(referat.punkter, start=1))  # fmt: skip
    return replace(referat, punkter=punkter)


def not_an_export(what: str):
    raise ExportError(f"ikke en dagsordenseksport ({what}): giv en FirstAgenda-JSON eller en eDoc-, SBSYS- eller "
                      "Acadre-XML")  # fmt: skip


def loads(data: bytes):
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(f"ugyldig JSON ({error}): eksportér eller hent filen igen") from error


def zip_member(data: bytes) -> tuple[str, bytes]:
    """The one export inside a zip (as SBSYS ships ``PublicationNN/PublicationNN.xml`` with its PDFs)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if info.filename.lower().endswith(MEMBER_SUFFIXES)]
        exports = [(info, body) for info in members if (body := read_member(archive, info)) and is_member_export(body)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as error:
        raise ExportError(f"zip-filen kan ikke læses ({error}): pak eksporten igen") from error
    if len(exports) != 1:
        found = "ingen" if not exports else f"{len(exports)}"
        raise ExportError(f"zip-filen indeholder {found} dagsordenseksporter: giv en zip med netop ét møde")
    return exports[0][0].filename, exports[0][1]


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > MAX_MEMBER_BYTES:
        raise ExportError(f"{info.filename} i zip-filen er for stor ({info.file_size} bytes)")
    return archive.read(info)


def is_member_export(body: bytes) -> bool:
    try:
        return detect_export(body) is not None
    except ExportError:
        return False
