"""An exported item's fields → the same Punkt the parser makes from the printed text.

The export states number, title, case number and which text is which; the text inside a field is read
with the parser's own functions (sections, indstilling, this meeting's decision and the trail, udfald),
so a punkt from an export and one from a PDF of the same meeting mean the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...models import Behandling, Punkt, Sagsnummer
from ...parsers import patterns as p
from ...parsers.clean import Line
from ...parsers.fields import (
    decode_sagsnummer, normalise_sagsnummer, parse_punkt_type, parse_sagsnummer,
)  # fmt: skip
from ...parsers.header import parse_date, parse_time
from ...parsers.sections import (
    UNTITLED_SECTION, Section, known_label, read_sections, split_sections,
)  # fmt: skip
from ..normalize import normalize_text
from . import labels
from .html import HtmlLine


@dataclass(frozen=True)
class Item:
    """What an export states about one agenda item, before its text is read."""

    nummer: int
    titel: str  # as the export gives it, "Lukket: …" included
    eksport_id: str | None
    sagsnummer: str | None = None
    lukket: bool = False
    bilag: tuple[tuple[str, str | None], ...] = ()  # (title, link)


@dataclass(frozen=True)
class Meeting:
    forum: str | None
    dato: str | None


def clean_texts(texts: list[str]) -> list[str]:
    """The non-blank lines as the text parser would see them (same character and bullet normalisation)."""
    lines = normalize_text("\n".join(texts)).split("\n")
    return [line.strip() for line in lines if line.strip() and line.strip() not in labels.PLACEHOLDERS]


def as_lines(texts: list[str]) -> list[Line]:
    """Consecutive Line values, as if the texts were printed one under the other."""
    lines, offset = [], 0
    for i, text in enumerate(texts):
        lines.append(Line(i, offset, text))
        offset += len(text) + 1
    return lines


def text_sections(html: list[HtmlLine]) -> list[Section]:
    """One HTML field holding a whole item: split at the section labels, as the parser splits text.

    A field that uses none of the known labels is split at its heading tags instead (they are then
    set apart by blank lines, which is what makes the parser take a short line for a heading).
    """
    texts = clean_texts([line.tekst for line in html])
    if any(known_label(text) is not None for text in texts):
        lines = as_lines(texts)
        return split_sections(lines, lines)
    headings = {line.tekst for line in html if line.heading}
    spaced = [t for text in texts for t in (["", text, ""] if text in headings else [text])]
    lines = as_lines(spaced)
    return split_sections(lines, [line for line in lines if not line.blank])


def field_section(caption: str | None, texts: list[str], decision: bool = False) -> Section:
    """One captioned field of an export as one section; its kind comes from the caption."""
    navn = " ".join((caption or "").split()) or UNTITLED_SECTION
    kind, organ = caption_kind(navn, decision)
    return Section(navn, kind, tuple(as_lines(clean_texts(texts))), organ)


def caption_kind(caption: str, decision: bool) -> tuple[str, str | None]:
    """(kind, deciding body) of a field caption: "FORRETNINGSUDVALGETS BESLUTNING" → ("beslutning", "…S")."""
    label = known_label(caption)  # the parser's labels, "Beslutning i X den …" included
    ending = next((kind for pattern, kind in labels.CAPTION_ENDINGS if pattern.search(caption)), None)
    kind = "beslutning" if decision else (label and label.kind) or labels.SECTION_KINDS.get(caption.lower()) or ending
    organ = label.organ if label else None
    if kind == "beslutning" and organ is None and (match := labels.GENITIVE_DECISION.match(caption)):
        organ = match["organ"]
    return kind or "oevrigt", organ


def split_dated_entries(section: Section, dato: str | None) -> tuple[list[Section], list[Behandling]]:
    """A decision field that logs several meetings ("18. september 2012: Udsat.") → this meeting's part + trail."""
    parts: list[tuple[str | None, list[Line]]] = [(None, [])]
    for line in section.lines:
        if match := labels.DATED_ENTRY.match(line.tekst):
            parts.append((parse_date(match["dato"]), []))
            line = Line(line.nummer, line.offset, match["rest"].strip())
        if line.tekst:
            parts[-1][1].append(line)
    own = [line for when, lines in parts if when is None or when == dato for line in lines]
    trail = [Behandling(section.organ or section.navn, when, None, " ".join(line.tekst for line in lines))
             for when, lines in parts if when is not None and when != dato and lines]  # fmt: skip
    kept = Section(section.navn, section.kind, tuple(as_lines([line.tekst for line in own])), section.organ)
    return ([kept] if own else []), trail


def sagsnummer(raw: str | None) -> Sagsnummer | None:
    """The export's case number, decoded and keyed as the parser keys a printed "Sagsnr.: …" line."""
    text = " ".join((raw or "").split())
    if not text:
        return None
    found = parse_sagsnummer(text) or decode_sagsnummer(text)
    return found or Sagsnummer(raw=text, noegle=normalise_sagsnummer(text), skema="andet")


def closed_title(titel: str) -> tuple[str, bool]:
    """ "Lukket: Salg af …" → ("Salg af …", True): the parser's closed marks, on the export's title."""
    titel = " ".join(titel.split())
    for mark in p.CLOSED_MARKS:
        if mark.search(titel):
            return mark.sub("", titel).strip(), True
    return titel, False


def build_punkt(item: Item, sections: list[Section], meeting: Meeting, trail: tuple[Behandling, ...] = ()) -> Punkt:
    """Compose the punkt as the parser does: indstilling, this meeting's decision, trail, udfald."""
    titel, marked = closed_title(item.titel)
    fields = read_sections(sections, meeting.forum, meeting.dato)
    return Punkt(
        nummer=item.nummer, titel=titel, type=parse_punkt_type(titel), sagsnummer=sagsnummer(item.sagsnummer),
        bilag=tuple(title for title, _ in item.bilag), overskrift=item.titel, lukket=item.lukket or marked,
        eksport_id=item.eksport_id, bilag_links=tuple(link for _, link in item.bilag),
        **{**fields, "behandling": tuple(trail) + fields["behandling"]},
    )  # fmt: skip


def date_and_time(value: str | None) -> tuple[str | None, str | None]:
    """A meeting timestamp as the systems write it ("2017-05-02T10:00:00", "02-05-2017 10:00") → (date, "HH:MM")."""
    value = value or ""
    if match := labels.ISO_TIMESTAMP.match(value):
        clock = match["clock"]
        return match["dato"], clock if clock and clock != "00:00" else None
    return parse_date(value), parse_time(value)


def is_true(text: str | None) -> bool:
    return (text or "").strip().lower() in labels.TRUE_WORDS
