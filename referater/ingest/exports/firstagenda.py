"""FirstAgenda meeting JSON (what a portal's ``/api/agenda/dagsorden/<id>`` answers) → Referat.

Committee ``Udvalg.Navn``; ``Moede.Dato`` (local time with offset), ``Moede.Sted``, ``Moede.Moededeltagere``;
items ``Dagsordenpunkter[]`` with ``Punktnummer``, ``Navn``, ``SagsNummer``, ``Id``, ``Bilag[]`` and the whole
item text as HTML in ``Felter[].Html``. ``IsOpen`` is not trusted (false on every item); a closed item's
title starts "Lukket:" and its HTML holds only the decision.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from ...models import Deltager, Referat
from ...parsers.header import parse_person
from . import labels
from .compose import Item, Meeting, build_punkt, closed_title, date_and_time, text_sections
from .errors import ExportError
from .html import html_lines

FORMAT = "firstagenda"
ITEMS = "Dagsordenpunkter"
ZERO_ID = "00000000-0000-0000-0000-000000000000"
# A bilag's PDF lives where the item's own PDF does: <host>/Vis/Pdf/bilag/<id>.
BILAG_PATH = "/Vis/Pdf/bilag/"


def is_firstagenda(value) -> bool:
    """A FirstAgenda meeting: an object with the items list and the meeting or committee beside it."""
    return isinstance(value, dict) and ITEMS in value and ("Moede" in value or "Udvalg" in value)


def is_committee_list(value) -> bool:
    """The portal's /api/agenda/udvalgsliste: committees and their meetings, not a meeting."""
    return isinstance(value, dict) and isinstance(value.get("Udvalg"), dict) and ITEMS not in value


def convert(data: bytes, kilde: str = "", sha256: str = "") -> Referat:
    """One FirstAgenda meeting JSON → Referat (pure: no I/O)."""
    meeting = load(data)
    udvalg, moede = meeting.get("Udvalg") or {}, meeting.get("Moede") or {}
    dato, starttid = date_and_time(moede.get("Dato") or moede.get("MeetingBeginUtc"))
    context = Meeting(forum=clean(udvalg.get("Navn")), dato=dato)
    punkter = tuple(read_item(raw, position, context) for position, raw in enumerate(meeting[ITEMS], start=1))
    return Referat(
        kilde=kilde, sha256=sha256, format=FORMAT, forum=context.forum, dato=dato, starttid=starttid,
        sted=clean(moede.get("Sted")), deltagere=tuple(deltagere(moede.get("Moededeltagere") or [])), punkter=punkter,
        hoved=tuple(x for x in (context.forum, clean(moede.get("Navn"))) if x),
    )  # fmt: skip


def load(data: bytes) -> dict:
    """The parsed JSON, or an ExportError saying what is missing."""
    try:
        meeting = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(f"ugyldig JSON ({error}): hent mødet fra portalen igen") from error
    if not is_firstagenda(meeting):
        raise ExportError("ikke et FirstAgenda-møde (ingen 'Dagsordenpunkter'): hent mødet fra "
                          "/api/agenda/dagsorden/<id>")
    items = meeting[ITEMS]
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ExportError("ukendt version af FirstAgenda-eksporten: 'Dagsordenpunkter' er ikke en liste af punkter")
    if not items:
        raise ExportError("FirstAgenda-mødet har ingen punkter ('Dagsordenpunkter' er tom)")
    return meeting


def read_item(raw: dict, position: int, meeting: Meeting):
    """One of ``Dagsordenpunkter``: its fields, and its HTML read into sections."""
    titel = raw.get("Navn") or raw.get("Caption") or ""
    item = Item(
        nummer=number(raw.get("Punktnummer") or raw.get("Number"), position), titel=titel,
        eksport_id=raw.get("Id"), sagsnummer=raw.get("SagsNummer") or raw.get("CaseNumber"),
        lukket=closed_title(titel)[1], bilag=tuple(bilag(raw)),
    )  # fmt: skip
    html = [line for felt in raw.get("Felter") or [] for line in html_lines(felt.get("Html"))]
    if item.lukket and html and not any(line.heading for line in html):
        html = [html_lines(f"<h3>{labels.DECISION_CAPTION}</h3>")[0], *html]  # a closed item prints only its decision
    return build_punkt(item, text_sections(html), meeting)


def bilag(raw: dict) -> list[tuple[str, str | None]]:
    """(title, link) of each attachment; the link is made on the host that serves the item's own PDF."""
    host = next((link_base(felt.get("Link")) for felt in raw.get("Felter") or [] if link_base(felt.get("Link"))), None)
    found = []
    for entry in raw.get("Bilag") or []:
        ident = entry.get("Id")
        link = f"{host}{BILAG_PATH}{ident}" if host and ident and ident != ZERO_ID else None
        found.append((clean(entry.get("Navn")) or "", link))
    return found


def link_base(link: str | None) -> str | None:
    parts = urlsplit(link or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def deltagere(people: list[dict]) -> list[Deltager]:
    found = []
    for person in people:
        parsed = parse_person(clean(person.get("Name")) or "")
        if parsed is not None:
            absent = bool(person.get("Absent")) or bool(person.get("ParticipationCancelled"))
            found.append(Deltager(parsed.navn, parsed.rolle, parsed.parti, fravaerende=absent))
    return found


def number(value, position: int) -> int:
    text = str(value or "").strip().rstrip(".")
    return int(text) if text.isdigit() else position


def clean(text: str | None) -> str | None:
    return " ".join(text.split()) or None if isinstance(text, str) else None
