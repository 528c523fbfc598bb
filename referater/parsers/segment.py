"""Where each punkt starts: the table of contents, the heading forms, and two fall-backs for documents
without headings (split at case-number lines, or where the section sequence starts again).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from . import patterns as p
from .clean import Line
from .fields import parse_sagsnummer

TOC_MATCH_CUTOFF = 90  # rapidfuzz ratio between a TOC title and a candidate heading's title
SPLIT_SCHEMES = {"kle", "kommunekode_aar_loebenr", "aar_loebenr"}  # bare numbers that may start a punkt


@dataclass(frozen=True)
class TocEntry:
    nummer: int | None
    titel: str
    lukket: bool
    tekst: str  # the line as printed


@dataclass(frozen=True)
class Heading:
    start: int  # index of the punkt's first line (a case number printed before the heading counts)
    body: int  # index of the first line after the heading lines
    nummer: int | None  # None where the document prints no number
    titel: str
    lukket: bool
    overskrift: tuple[str, ...]  # the heading lines as printed


@dataclass(frozen=True)
class Segmentation:
    toc: tuple[int, int] | None  # line range of the table of contents
    entries: tuple[TocEntry, ...]
    headings: tuple[Heading, ...]
    how: str  # the heading form used, or "sagsnummer" / "sektioner" for the fall-backs
    skipped: tuple[str, ...] = ()  # heading-shaped lines read as text because their number did not fit


# --- table of contents ----------------------------------------------------------------------------


def find_toc(lines: list[Line]) -> tuple[tuple[int, int] | None, tuple[TocEntry, ...]]:
    """The TOC's line range and entries; its entries are never punkter."""
    start = next((line.nummer for line in lines if line.tekst.strip() in p.TOC_HEADINGS), None)
    first = start + 1 if start is not None else None
    if start is None:
        first = next((line.nummer for line in lines if p.TOC_ENTRY.match(line.tekst.strip())), None)
        start = first
    if start is None:
        return None, ()
    entries, end, paged = [], first, None
    for line in lines[first:]:
        if line.blank:
            continue
        entry = toc_entry(line.tekst.strip())
        is_paged = bool(p.TOC_ENTRY.match(line.tekst.strip()))
        restarts = entry and entries and entry.nummer is not None and entries[-1].nummer is not None \
            and entry.nummer <= entries[-1].nummer  # fmt: skip
        if entry is None or restarts or (paged is not None and is_paged != paged):
            break
        paged = is_paged if paged is None else paged
        entries.append(entry)
        end = line.nummer + 1
    return ((start, end), tuple(entries)) if entries else (None, ())


def toc_entry(text: str) -> TocEntry | None:
    """One TOC line: "Title.....3", "45. Title ..... 2", "Lukket 7 Title", "• Punkt 3 Title"."""
    paged = p.TOC_ENTRY.match(text)
    body = paged["titel"].strip() if paged else text
    if status := p.TOC_STATUS_ENTRY.match(body):
        titel, lukket = clean_title(status["titel"])
        return TocEntry(int(status["nummer"]), titel, lukket or status["status"] == "Lukket", text)
    for _, form in p.HEADING_FORMS:
        if match := form.match(body):
            titel, lukket = clean_title(match["titel"])
            closed = lukket or (match.groupdict().get("status") or "").lower() == "lukket"
            return TocEntry(int(match["nummer"]), titel, closed, text)
    if paged:
        titel, lukket = clean_title(body)
        return TocEntry(None, titel, lukket, text)
    return None


def clean_title(text: str) -> tuple[str, bool]:
    """Title without decorations, and whether a decoration said the punkt is closed."""
    titel, lukket = " ".join(text.split()), False
    for mark in p.CLOSED_MARKS:
        titel, n = mark.subn("", titel)
        lukket = lukket or n > 0
    for decoration in p.TITLE_DECORATIONS:
        titel = decoration.sub("", titel)
    return titel.strip(), lukket


# --- headings -------------------------------------------------------------------------------------


def segment(lines: list[Line]) -> Segmentation:
    """Find the TOC and the punkt headings, trying the heading forms in order, then the fall-backs."""
    toc, entries = find_toc(lines)
    start = toc[1] if toc else 0
    for name, form in p.HEADING_FORMS[:2]:
        if found := candidates(lines, start, form, strict=False, entries=entries):
            return with_skipped(toc, entries, found, name)
    if found := number_after_title(lines, start):
        return with_skipped(toc, entries, found, "sag_nr")
    for name, form in p.HEADING_FORMS[2:]:
        if found := candidates(lines, start, form, strict=True, entries=entries):
            return with_skipped(toc, entries, found, name)
    if found := split_at_sagsnumre(lines, start):
        return Segmentation(toc, entries, tuple(found), "sagsnummer")
    return Segmentation(toc, entries, tuple(split_at_section_restart(lines, start)), "sektioner")


def with_skipped(toc, entries, found: list[Heading], how: str) -> Segmentation:
    kept = increasing(found)
    skipped = tuple("\n".join(h.overskrift) for h in found if h not in kept)
    return Segmentation(toc, entries, tuple(kept), how, skipped)


def candidates(lines: list[Line], start: int, form, strict: bool, entries: tuple[TocEntry, ...]) -> list[Heading]:
    """Lines of one heading form; the weak numeric forms must stand apart and agree with the TOC."""
    found = []
    for line in lines[start:]:
        match = form.match(line.tekst.strip())
        if not match or is_sagsnummer(line):  # "00.01.00-A00-12-25" is not punkt 0
            continue
        if strict and not stands_apart(lines, line.nummer, start):
            continue
        titel, lukket = clean_title(match["titel"])
        if strict and entries and not in_toc(titel, entries):
            continue
        closed = lukket or (match.groupdict().get("status") or "").lower() == "lukket"
        found.append(make_heading(lines, line.nummer, int(match["nummer"]), titel, closed, start))
    return found


def stands_apart(lines: list[Line], index: int, floor: int) -> bool:
    """A blank line (or a case-number line) above: numbered list items inside a text have neither."""
    before = previous_filled(lines, index, floor)
    return before is None or before < index - 1 or is_sagsnummer(lines[before])


def make_heading(lines: list[Line], index: int, nummer: int, titel: str, lukket: bool, floor: int) -> Heading:
    """A heading at one line; a repeated title line after it and a case number before it belong to it."""
    body, printed = index + 1, [lines[index].tekst.strip()]
    after = next_filled(lines, index)
    if after is not None and clean_title(lines[after].tekst)[0] == titel:
        body, printed = after + 1, printed + [lines[after].tekst.strip()]
    before = previous_filled(lines, index, floor)
    start = before if before is not None and is_sagsnummer(lines[before], unlabelled_only=True) else index
    return Heading(start, body, nummer, titel, lukket, tuple(printed))


def increasing(found: list[Heading]) -> list[Heading]:
    """Keep headings whose numbers rise; a lower number is a numbered line in the text, not a punkt."""
    kept: list[Heading] = []
    for heading in found:
        if not kept or heading.nummer > kept[-1].nummer:
            kept.append(heading)
    return kept


def number_after_title(lines: list[Line], start: int) -> list[Heading]:
    """ "Title" then "Sag nr. 45": the title line starts the punkt."""
    found = []
    for line in lines[start:]:
        match = p.NUMBER_AFTER_TITLE.match(line.tekst.strip())
        before = previous_filled(lines, line.nummer, start)
        if match and before is not None:
            titel, lukket = clean_title(lines[before].tekst)
            printed = (lines[before].tekst.strip(), line.tekst.strip())
            found.append(Heading(before, line.nummer + 1, int(match["nummer"]), titel, lukket, printed))
    return found


def split_at_sagsnumre(lines: list[Line], start: int) -> list[Heading]:
    """No headings: a case-number line starts each punkt; its title is the line after it, or else the one before."""
    found = []
    for line in lines[start:]:
        sag = parse_sagsnummer(line.tekst)
        if not sag or sag.skema not in SPLIT_SCHEMES:
            continue
        after, before = next_filled(lines, line.nummer), previous_filled(lines, line.nummer, start)
        if after is not None and is_title_shaped(lines[after].tekst):
            found.append(heading_at(lines, title=after, start=line.nummer, body=after + 1))
        elif before is not None and is_title_shaped(lines[before].tekst):
            found.append(heading_at(lines, title=before, start=before, body=line.nummer))
    return found


def heading_at(lines: list[Line], title: int, start: int, body: int) -> Heading:
    titel, lukket = clean_title(lines[title].tekst)
    return Heading(start, body, None, titel, lukket, (lines[title].tekst.strip(),))


def split_at_section_restart(lines: list[Line], start: int) -> list[Heading]:
    """No headings, no case numbers: a punkt starts where the section order starts again."""
    found, seen, last_rank = [], set(), None
    for line in lines[start:]:
        kind = section_kind(line.tekst)
        if kind is None:
            continue
        rank = p.SECTION_ORDER.get(kind, 2)
        if last_rank is None or kind in seen or rank < last_rank:
            title = previous_filled(lines, line.nummer, start)
            if title is not None and is_title_shaped(lines[title].tekst):
                titel, lukket = clean_title(lines[title].tekst)
                found.append(Heading(title, line.nummer, None, titel, lukket, (lines[title].tekst.strip(),)))
            seen = set()
        seen.add(kind)
        last_rank = rank
    return found


def section_kind(text: str) -> str | None:
    """The kind of a known section label line, or None."""
    label = text.strip().rstrip(":").strip().lower()
    if label in p.SECTION_KINDS:
        return p.SECTION_KINDS[label]
    return "beslutning" if any(form.match(text.strip()) for form in p.DECISION_LABELS) else None


# --- small helpers ---------------------------------------------------------------------------------


def in_toc(titel: str, entries: tuple[TocEntry, ...]) -> bool:
    return any(fuzz.ratio(titel.lower(), entry.titel.lower()) >= TOC_MATCH_CUTOFF for entry in entries)


def is_sagsnummer(line: Line, unlabelled_only: bool = False) -> bool:
    text = line.tekst.strip()
    if unlabelled_only and p.SAGSNUMMER_LABEL.match(text):
        return False
    return parse_sagsnummer(text) is not None


def is_title_shaped(text: str) -> bool:
    """Short, starts with a capital or digit, no closing punctuation: the shape of a punkt title."""
    text = text.strip()
    return bool(text) and len(text) <= p.HEADING_MAX_LENGTH and not text.endswith(p.HEADING_END_PUNCTUATION) \
        and (text[0].isupper() or text[0].isdigit()) and section_kind(text) is None  # fmt: skip


def previous_filled(lines: list[Line], index: int, floor: int = 0) -> int | None:
    return next((i for i in range(index - 1, floor - 1, -1) if not lines[i].blank), None)


def next_filled(lines: list[Line], index: int) -> int | None:
    return next((i for i in range(index + 1, len(lines)) if not lines[i].blank), None)
