"""eDoc ``eDocAgendaPublishing.xml`` (one folder per meeting with the PDFs it names) → Referat.

Described from the OS2dagsorden importer only (no sample): ``/Meeting/{Committee, MeetingDate,
MeetingState}``, ``MeetingAgendaTypes/MeetingAgendaType/{AgendaType, MeetingAgendaItems/MeetingAgendaItem}``;
an item has ``AgendaItemNumber``, ``FullText`` (plain text) and ``Document/{NeutralTitle, PublishingType,
Attachments/Attachment}``. An attachment with a NeutralTitle is a section of the item (its FullText);
one with a published PDFDocument is a bilag.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ...models import Referat
from .compose import Item, Meeting, build_punkt, date_and_time, field_section, text_sections
from .errors import ExportError
from .html import HtmlLine, plain_lines
from .xml import parse_xml, raw_text, text

FORMAT = "edoc_publishing"
PUBLISHED = "SKAL PUBLICERES"  # PublishingType of what may be shown
CLOSED_AGENDA = "lukket"  # an AgendaType containing this word makes all its items closed
FINAL_MINUTES = "Referat endeligt godkendt"  # MeetingState of approved minutes


def is_edoc_publishing(root: ET.Element) -> bool:
    return root.tag == "Meeting" and root.find("MeetingAgendaTypes") is not None


def convert(data: bytes, kilde: str = "", sha256: str = "") -> Referat:
    """One eDocAgendaPublishing.xml → Referat (pure: no I/O)."""
    root = parse_xml(data)
    agendas = root.findall("MeetingAgendaTypes/MeetingAgendaType")
    items = [(agenda, item) for agenda in agendas for item in agenda.findall("MeetingAgendaItems/MeetingAgendaItem")]
    if not items:
        raise ExportError("eDoc-eksporten har ingen punkter (ingen MeetingAgendaItem)")
    dato, starttid = date_and_time(text(root, "MeetingDate"))
    context = Meeting(forum=text(root, "Committee"), dato=dato)
    kind = "Referat" if text(root, "MeetingState") == FINAL_MINUTES else "Dagsorden"
    return Referat(
        kilde=kilde, sha256=sha256, format=FORMAT, forum=context.forum, dato=dato, starttid=starttid, sted=None,
        punkter=tuple(read_item(agenda, item, position, context) for position, (agenda, item) in enumerate(items, 1)),
        hoved=tuple(x for x in (context.forum, kind) if x),
    )  # fmt: skip


def read_item(agenda: ET.Element, element: ET.Element, position: int, meeting: Meeting):
    document = element.find("Document")
    number = text(element, "AgendaItemNumber") or ""
    closed_agenda = CLOSED_AGENDA in (text(agenda, "AgendaType") or "").lower()
    attachments = document.findall("Attachments/Attachment") if document is not None else []
    item = Item(
        nummer=int(number) if number.isdigit() else position, titel=text(document, "NeutralTitle") or "",
        eksport_id=document.get("documentid") if document is not None else None,
        lukket=closed_agenda or text(document, "PublishingType") != PUBLISHED,
        bilag=tuple((text(a, "Title") or text(a, "NeutralTitle") or "", text(a, "PDFDocument")) for a in attachments
                    if text(a, "PDFDocument") and text(a, "PublishingType") == PUBLISHED),
    )  # fmt: skip
    sections = text_sections([HtmlLine(line) for line in plain_lines(raw_text(element, "FullText"))])
    sections += [field_section(text(a, "NeutralTitle"), plain_lines(raw_text(a, "FullText"))) for a in attachments
                 if text(a, "NeutralTitle") and text(a, "FullText")]  # fmt: skip
    return build_punkt(item, sections, meeting)
