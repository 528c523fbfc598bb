"""SBSYS publication XML (``PublicationNN.xml``, also the variant named ``publication.xml``) → Referat.

``Publication/Agendas/Agenda`` holds ``Committee/Name`` (else the agenda's ``Name``), ``Meeting/{When, Where,
Members}`` and ``Items/Item[@ID]`` with ``Number``, ``Caption``, ``IsPublic``, ``ItemCaseNumber`` or
``Case/Number``, ``Fields/ItemField/{Caption, FieldTypeAsEnum, Index, IsFeedback, Content}`` (IsFeedback marks
the decision fields) and ``Enclosures/Enclosure/{Name, DownloadUrl, InstantiationFilePathRelative}``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ...models import Deltager, Referat
from ...parsers.header import parse_person
from . import labels
from .compose import Item, Meeting, build_punkt, date_and_time, field_section, is_true, split_dated_entries
from .errors import ExportError
from .html import html_lines, plain_lines
from .xml import parse_xml, raw_text, text

FORMAT = "sbsys"
PUBLICATION_TYPES = {"0": "Kladde", "1": "Dagsorden", "2": "Referat"}  # PublicationTypeAsValue
PLAIN_TEXT_FIELD = "Multiline"
LEADING_NUMBER = re.compile(r"^(\d{1,3})")  # the publication.xml variant numbers items in their ID: "3_…"


def is_sbsys(root: ET.Element) -> bool:
    return root.tag == "Publication" and root.find("Agendas/Agenda") is not None


def convert(data: bytes, kilde: str = "", sha256: str = "") -> Referat:
    """One SBSYS publication → Referat (pure: no I/O)."""
    root = parse_xml(data)
    check(root)
    agenda = root.find("Agendas/Agenda")
    meeting = agenda.find("Meeting")
    dato, starttid = date_and_time(text(meeting, "When"))
    context = Meeting(forum=text(agenda, "Committee/Name") or text(agenda, "Name"), dato=dato)
    items = agenda.findall("Items/Item")
    return Referat(
        kilde=kilde, sha256=sha256, format=FORMAT, forum=context.forum, dato=dato, starttid=starttid,
        sted=text(meeting, "Where"), deltagere=tuple(d for m in agenda.findall("Meeting/Members/MeetingMember")
                                                     if (d := deltager(m)) is not None),
        punkter=tuple(read_item(item, position, context) for position, item in enumerate(items, start=1)),
        hoved=tuple(x for x in (text(agenda, "Name"), PUBLICATION_TYPES[publication_type(root)]) if x),
    )  # fmt: skip


def publication_type(root: ET.Element) -> str:
    return text(root, "PublicationTypeAsValue") or "1"  # the publication.xml variant has no type: always a dagsorden


def check(root: ET.Element) -> None:
    kind = publication_type(root)
    if kind not in PUBLICATION_TYPES:
        raise ExportError(f"ukendt version af SBSYS-eksporten (PublicationTypeAsValue {kind}); kendte er "
                          f"{', '.join(PUBLICATION_TYPES)}")  # fmt: skip
    if not root.findall("Agendas/Agenda/Items/Item"):
        raise ExportError("SBSYS-eksporten har ingen punkter (ingen Items/Item)")


def read_item(element: ET.Element, position: int, meeting: Meeting):
    item = Item(
        nummer=number(element, position), titel=text(element, "Caption") or "", eksport_id=element.get("ID"),
        sagsnummer=text(element, "ItemCaseNumber") or text(element, "Case/Number"),
        lukket=not is_true(text(element, "IsPublic")),
        bilag=tuple(enclosure(e) for e in element.findall("Enclosures/Enclosure")),
    )  # fmt: skip
    sections, trail = [], []
    for field in sorted(element.findall("Fields/ItemField"), key=field_index):
        lines = field_lines(field)
        if not lines:
            continue  # an empty field states nothing
        section = field_section(text(field, "Caption"), lines, decision=is_true(text(field, "IsFeedback")))
        own, earlier = split_dated_entries(section, meeting.dato) if section.kind == "beslutning" else ([section], [])
        sections += own
        trail += earlier
    return build_punkt(item, sections, meeting, tuple(trail))


def field_lines(field: ET.Element) -> list[str]:
    content = raw_text(field, "Content")
    if text(field, "FieldTypeAsEnum") == PLAIN_TEXT_FIELD:
        lines = plain_lines(content)
    else:
        lines = [line.tekst for line in html_lines(content)]
    return [line for line in lines if line not in labels.PLACEHOLDERS]


def field_index(field: ET.Element) -> int:
    index = text(field, "Index") or ""
    return int(index) if index.isdigit() else 0


def number(element: ET.Element, position: int) -> int:
    value = text(element, "Number") or ""
    if value.isdigit():
        return int(value)
    match = LEADING_NUMBER.match(element.get("ID") or "")
    return int(match[1]) if match else position


def enclosure(element: ET.Element) -> tuple[str, str | None]:
    link = text(element, "DownloadUrl") or text(element, "InstantiationFilePathRelative")
    return text(element, "Name") or text(element, "FileName") or "", link.replace("\\", "/") if link else None


def deltager(element: ET.Element) -> Deltager | None:
    person = parse_person(text(element, "Name") or "")
    if person is None:
        return None
    status = " ".join(x for x in (text(element, "ParticipationStatusAsText"), text(element, "ParticipationNote")) if x)
    absent = any(word in status.lower() for word in labels.ABSENT_WORDS)
    return Deltager(person.navn, person.rolle, person.parti, fravaerende=absent)
