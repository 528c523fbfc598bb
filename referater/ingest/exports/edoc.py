"""eDoc AgendaWeb XML (``<Root>`` with the ``edoc:`` namespace, as the OS2dagsorden importers read it) → Referat.

Committee ``Committee/Name``; meeting ``Committee/Meeting/{MeetingDateTime, MeetingLocation,
MeetingParticipants}``; items ``Meeting/Agenda/AgendaElements/AgendaElement`` with ``AccessIsPublic`` and a
``HandlingItem`` holding ``SerialNo``, ``NeutralTitle`` (the public title), ``CaseNumber``,
``CasePresentations/CasePresentation/{Title, Content}``, ``HandlingPlan/Handling/{Placement, Decision}`` and
``Attachments/Attachment/{Title, Link}``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ...models import Behandling, Deltager, Referat
from ...parsers import patterns as p
from ...parsers.header import parse_date
from . import labels
from .compose import Item, Meeting, build_punkt, date_and_time, field_section, is_true
from .errors import ExportError
from .html import html_lines
from .xml import parse_xml, raw_text, text

FORMAT = "edoc"
NAMESPACE = "http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/"
KINDS = {"Agenda", "Minute"}  # OutputTypeEnumName: dagsorden or referat
THIS_MEETING = "This"  # Handling/Placement of this meeting's handling of the item


def is_edoc(root: ET.Element) -> bool:
    return root.tag == "Root" and root.find("Committee/Meeting") is not None


def convert(data: bytes, kilde: str = "", sha256: str = "") -> Referat:
    """One eDoc AgendaWeb publication → Referat (pure: no I/O)."""
    root = parse_xml(data)
    check(root)
    committee = root.find("Committee")
    meeting = committee.find("Meeting")
    dato, starttid = date_and_time(text(meeting, "MeetingDateTime"))
    context = Meeting(forum=text(committee, "Name"), dato=dato)
    elements = meeting.findall("Agenda/AgendaElements/AgendaElement")
    return Referat(
        kilde=kilde, sha256=sha256, format=FORMAT, forum=context.forum, dato=context.dato,
        starttid=starttid, sted=text(meeting, "MeetingLocation"),
        deltagere=tuple(deltager(person) for person in meeting.findall("MeetingParticipants/MeetingParticipant")),
        punkter=tuple(read_element(element, position, context) for position, element in enumerate(elements, 1)),
        hoved=tuple(x for x in (context.forum, text(meeting, "Agenda/Type")) if x),
    )  # fmt: skip


def check(root: ET.Element) -> None:
    kind = text(root, "OutputTypeEnumName")
    if kind not in KINDS:
        raise ExportError(f"ukendt version af eDoc-eksporten (OutputTypeEnumName '{kind}'); kendte er "
                          f"{', '.join(sorted(KINDS))}")  # fmt: skip
    if not root.findall("Committee/Meeting/Agenda/AgendaElements/AgendaElement"):
        raise ExportError("eDoc-eksporten har ingen punkter (ingen AgendaElement)")


def read_element(element: ET.Element, position: int, meeting: Meeting):
    handling = element.find("HandlingItem")
    if handling is None:
        raise ExportError(f"punkt {position} i eDoc-eksporten mangler HandlingItem")
    serial = text(handling, "SerialNo") or ""
    item = Item(
        nummer=int(serial) if serial.isdigit() else position,
        titel=text(handling, "NeutralTitle") or text(handling, "Title") or "",
        eksport_id=text(element, "Identifier") or text(handling, "Identifier"),
        sagsnummer=text(handling, "CaseNumber"), lukket=not is_true(text(element, "AccessIsPublic")),
        bilag=tuple(attachment(a) for a in handling.findall("Attachments/Attachment")),
    )  # fmt: skip
    presentations = [(cp, [line.tekst for line in html_lines(raw_text(cp, "Content"))])
                     for cp in handling.findall("CasePresentations/CasePresentation")]  # fmt: skip
    sections = [field_section(text(cp, "Title"), lines, decision=is_true(text(cp, "IsDecision")))
                for cp, lines in presentations if lines]  # fmt: skip  (an empty field states nothing)
    plan = handling.findall("HandlingPlan/Handling")
    this = [h for h in plan if text(h, "Placement") == THIS_MEETING]
    sections += [field_section(labels.DECISION_CAPTION, decision_lines(h), decision=True) for h in this
                 if decision_lines(h)]  # fmt: skip
    trail = tuple(earlier(h) for h in plan if h not in this and decision_lines(h))
    return build_punkt(item, sections, meeting, trail)


def decision_lines(handling: ET.Element) -> list[str]:
    lines = [line.tekst for line in html_lines(raw_text(handling, "Decision"))]
    return [] if " ".join(lines) in labels.UNRELEASED_DECISIONS else lines


def earlier(handling: ET.Element) -> Behandling:
    """Another meeting's handling of the same case: part of the trail."""
    return Behandling(text(handling, "CommitteeName") or "", parse_date(text(handling, "MeetingDate") or ""), None,
                      " ".join(decision_lines(handling)))  # fmt: skip


def attachment(element: ET.Element) -> tuple[str, str | None]:
    link = text(element, "Link")
    return text(element, "Title") or "", link.replace("\\", "/").lstrip("/") if link else None


def deltager(element: ET.Element) -> Deltager:
    party = text(element, "PoliticalPartyList")
    return Deltager(navn=text(element, "Name") or "", rolle=text(element, "RoleInMeeting"),
                    parti=party if party in p.PARTIES else None,
                    fravaerende=(text(element, "Participate") or "").lower() == "false")  # fmt: skip
