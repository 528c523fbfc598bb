"""Acadre agenda XML (the file an ``XML_<n>.xml`` index names) → Referat.

Described from the OS2dagsorden importer only (no sample). Acadre writes generic tables,
``<table name="…"><fields><field name="…">value</field></fields><table …/></table>``, nested in an order
the importer does not fix: ``committee`` (name), ``meeting`` (date, location, address), and per item
``agendaitemparents`` (sort = number) holding ``agendaitem`` (name, caseno, accessname, sysid) with its
sections ``bullet`` (bulletname, bulletcontent as HTML, bulletsortorder) and ``enclosure`` (name, filename, access).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ...models import Deltager, Referat
from .compose import Item, Meeting, build_punkt, date_and_time, field_section
from .errors import ExportError
from .html import html_lines
from .xml import parse_xml

FORMAT = "acadre"
CLOSED = "lukket"  # accessname of a closed item
OPEN_ENCLOSURE = {"1", ""}  # enclosure access: 1 open, 2 closed, 3 personal
INDEX_TABLE = "producedAgenda"  # only in the index file, which names the agenda XML


def table(root: ET.Element, name: str) -> ET.Element | None:
    return root.find(f".//table[@name='{name}']")


def tables(root: ET.Element, name: str, nested: bool = True) -> list[ET.Element]:
    return root.findall(f"{'.//' if nested else ''}table[@name='{name}']")


def field(element: ET.Element | None, name: str) -> str | None:
    found = element.find(f"fields/field[@name='{name}']") if element is not None else None
    return " ".join((found.text or "").split()) or None if found is not None else None


def raw_field(element: ET.Element, name: str) -> str:
    found = element.find(f"fields/field[@name='{name}']")
    return (found.text or "") if found is not None else ""


def is_acadre(root: ET.Element) -> bool:
    if table(root, "agendaitemparents") is not None:
        return True
    if table(root, INDEX_TABLE) is not None:
        raise ExportError("dette er Acadres indeksfil (XML_<n>.xml): giv dagsordens-XML'en den nævner "
                          "(filesfolder/xmlfilename)")  # fmt: skip
    return False


def convert(data: bytes, kilde: str = "", sha256: str = "") -> Referat:
    """One Acadre agenda XML → Referat (pure: no I/O)."""
    root = parse_xml(data)
    parents = tables(root, "agendaitemparents")
    if not parents:
        raise ExportError("Acadre-eksporten har ingen punkter (ingen agendaitemparents)")
    meeting = table(root, "meeting")
    dato, starttid = date_and_time(field(meeting, "date"))
    context = Meeting(forum=field(table(root, "committee"), "name"), dato=dato)
    return Referat(
        kilde=kilde, sha256=sha256, format=FORMAT, forum=context.forum, dato=dato, starttid=starttid,
        sted=field(meeting, "location") or field(meeting, "address"), deltagere=tuple(deltagere(root)),
        punkter=tuple(read_item(parent, position, context) for position, parent in enumerate(parents, start=1)),
        hoved=tuple(x for x in (context.forum, field(table(root, "agenda"), "name")) if x),
    )  # fmt: skip


def read_item(parent: ET.Element, position: int, meeting: Meeting):
    element = table(parent, "agendaitem")
    if element is None:
        raise ExportError(f"punkt {position} i Acadre-eksporten mangler agendaitem")
    number = field(parent, "sort") or ""
    item = Item(
        nummer=int(number) if number.isdigit() else position, titel=field(element, "name") or "",
        eksport_id=field(element, "sysid"), sagsnummer=field(element, "caseno"),
        lukket=(field(element, "accessname") or "").lower() == CLOSED,
        bilag=tuple((field(e, "name") or field(e, "filename") or "", field(e, "filename"))
                    for e in tables(element, "enclosure", nested=False) if (field(e, "access") or "") in OPEN_ENCLOSURE),
    )  # fmt: skip
    bullets = sorted(tables(element, "bullet", nested=False), key=sort_order)
    sections = [field_section(field(b, "bulletname"), [line.tekst for line in html_lines(raw_field(b, "bulletcontent"))])
                for b in bullets if raw_field(b, "bulletcontent").strip()]  # fmt: skip
    return build_punkt(item, sections, meeting)


def deltagere(root: ET.Element) -> list[Deltager]:
    """Committee members; those the meeting lists with absent = 1 are marked absent."""
    meeting = table(root, "meeting")
    absent = {field(m, "name") for m in (tables(meeting, "member") if meeting is not None else [])
              if field(m, "absent") == "1"}  # fmt: skip
    members = [field(m, "name") for m in tables(root, "commember") for m in tables(m, "member", nested=False)]
    return [Deltager(navn=name, fravaerende=name in absent) for name in dict.fromkeys(members) if name]


def sort_order(bullet: ET.Element) -> int:
    value = field(bullet, "bulletsortorder") or ""
    return int(value) if value.isdigit() else 0
