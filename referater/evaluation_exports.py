"""Agenda-export samples (``../shared/agenda-exports``): what ingest makes of each against what the export states.

Run as ``python -m referater.evaluation_exports [FOLDER]``; ``make eval`` runs it when the folder is there.
The project never needs the folder: without it this prints one line and returns.

"What the export states" is read here on its own, straight from the JSON or XML fields, without the
converters' section reading: item numbers, titles (a closed item's "Lukket:" mark is what makes it
closed, so it is compared without it), case numbers, and this meeting's decision text as printed,
attendance lines ("Afbud: …") included as the real corpus's gold has them (a block of only attendance
lines, a decision not yet released or an empty placeholder is no decision; a logged decision of an
earlier meeting date is not this meeting's).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import ReferatError
from .ingest import read_document
from .ingest.exports import detect_export, export_to_referat
from .ingest.exports.compose import closed_title
from .ingest.exports.html import html_lines, plain_lines
from .ingest.exports.labels import DATED_ENTRY, PLACEHOLDERS, UNRELEASED_DECISIONS
from .ingest.exports.xml import parse_xml, raw_text, text
from .models import Referat
from .parsers import patterns as p
from .parsers.header import parse_date

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "agenda-exports"
SUFFIXES = {".json", ".xml", ".zip"}


@dataclass(frozen=True)
class Stated:
    """One item as the export states it."""

    nummer: str
    titel: str
    sagsnummer: str | None
    beslutning: str | None


def collapse(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def decision_text(lines: list[str]) -> str | None:
    kept = [line for line in lines if line not in PLACEHOLDERS]
    if all(p.ATTENDANCE_LINE.match(line) for line in kept):
        return None
    text_ = collapse(" ".join(kept))
    return None if text_ in UNRELEASED_DECISIONS else text_


def firstagenda_items(data: bytes) -> list[Stated]:
    """Decision: an open item's lines from its "Beslutning" heading to the next heading; a closed item's whole text."""
    items = []
    for item in json.loads(data.decode("utf-8-sig"))["Dagsordenpunkter"]:
        lines = [line for felt in item.get("Felter") or [] for line in html_lines(felt.get("Html"))]
        start = next((i for i, line in enumerate(lines) if line.heading and line.tekst == "Beslutning"), None)
        if start is not None:
            end = next((i for i in range(start + 1, len(lines)) if lines[i].heading), len(lines))
            decision = decision_text([line.tekst for line in lines[start + 1 : end]])
        else:
            decision = decision_text([line.tekst for line in lines]) if closed_title(item["Navn"])[1] else None
        items.append(Stated(item["Punktnummer"], item["Navn"], item.get("SagsNummer"), decision))
    return items


def edoc_items(data: bytes) -> list[Stated]:
    root = parse_xml(data)
    items = []
    for element in root.iterfind("Committee/Meeting/Agenda/AgendaElements/AgendaElement"):
        handling = element.find("HandlingItem")
        this = [h for h in handling.iterfind("HandlingPlan/Handling") if text(h, "Placement") == "This"]
        lines = [line.tekst for h in this for line in html_lines(raw_text(h, "Decision"))]
        items.append(Stated(text(handling, "SerialNo"), text(handling, "NeutralTitle") or text(handling, "Title"),
                            text(handling, "CaseNumber"), decision_text(lines)))  # fmt: skip
    return items


def sbsys_items(data: bytes) -> list[Stated]:
    root = parse_xml(data)
    dato = parse_date(text(root, "Agendas/Agenda/Meeting/When") or "")
    items = []
    for item in root.iterfind("Agendas/Agenda/Items/Item"):
        fields = [f for f in item.iterfind("Fields/ItemField") if text(f, "IsFeedback") == "True"]
        lines = [line for f in fields for line in this_meeting(html_lines(raw_text(f, "Content")), dato)]
        items.append(Stated(text(item, "Number"), text(item, "Caption"),
                            text(item, "ItemCaseNumber") or text(item, "Case/Number"), decision_text(lines)))  # fmt: skip
    return items


def this_meeting(lines, dato: str | None) -> list[str]:
    """The lines of a decision field that belong to this meeting: before any date, or after this meeting's date."""
    kept, current = [], None
    for line in lines:
        if match := DATED_ENTRY.match(line.tekst):
            current = parse_date(match["dato"])
            line_text = match["rest"]
        else:
            line_text = line.tekst
        if current is None or current == dato:
            kept += plain_lines(line_text)
    return kept


STATED = {"firstagenda": firstagenda_items, "edoc": edoc_items, "sbsys": sbsys_items}


def compare(referat: Referat, stated: list[Stated]) -> dict:
    """Counts of what equals the export's own statement, item by item in order."""
    pairs = list(zip(referat.punkter, stated))
    with_decision = [(punkt, item) for punkt, item in pairs if item.beslutning]
    return {
        "found": len(referat.punkter), "stated": len(stated),
        "numbers": sum(str(punkt.nummer) == (item.nummer or "").strip() for punkt, item in pairs),
        "titles": sum(punkt.titel == closed_title(item.titel or "")[0] for punkt, item in pairs),
        "cases": sum((punkt.sagsnummer.raw if punkt.sagsnummer else None) == collapse(item.sagsnummer)
                     for punkt, item in pairs),
        "decisions": sum(collapse(punkt.beslutning) == item.beslutning for punkt, item in with_decision),
        "decisions_of": len(with_decision),
        "extra": sum(punkt.beslutning is not None and not item.beslutning for punkt, item in pairs),
    }  # fmt: skip


def evaluate(path: Path) -> dict:
    dokument = read_document(path)
    data = dokument.data
    name = detect_export(data)
    referat = export_to_referat(data, dokument.kilde, dokument.sha256, name)
    return {"file": path.name, "format": name, **compare(referat, STATED[name](data))}


ROW = "{file:58} {format:12} {found:>3} af {stated:<3} {numbers:>3}/{stated:<3} {titles:>3}/{stated:<3} " \
      "{cases:>3}/{stated:<3} {decisions:>4}/{decisions_of:<4} {extra:>5}"  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    folder = Path(args[0]) if args else SAMPLES
    files = sorted(f for f in folder.rglob("*") if f.suffix.lower() in SUFFIXES) if folder.is_dir() else []
    if not files:
        print(f"dagsordenseksporter: {folder} findes ikke (eller er tom); intet at måle")
        return
    print(f"dagsordenseksporter i {folder} (fundet af det eksporten selv angiver)")
    print(f"{'eksport':58} {'format':12} {'punkter':<9} {'numre':<7} {'titler':<7} {'sagsnr':<7} {'beslutn.':<9} "
          f"{'ekstra':>5}")  # fmt: skip
    rows = []
    for path in files:
        try:
            rows.append(evaluate(path))
        except ReferatError as error:
            print(f"{path.name:58} kunne ikke indlæses: {error}")
    for row in rows:
        print(ROW.format(**row))
    keys = ("found", "stated", "numbers", "titles", "cases", "decisions", "decisions_of", "extra")
    print(ROW.format(file="i alt", format="", **{key: sum(row[key] for row in rows) for key in keys}))


if __name__ == "__main__":
    main()
