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
    line: int = -1  # index of the heading line itself (-1 where the punkt has no heading)


@dataclass(frozen=True)
class Segmentation:
    toc: tuple[int, int] | None  # line range of the table of contents
    entries: tuple[TocEntry, ...]
    headings: tuple[Heading, ...]
    how: str  # the heading form used, or "sagsnummer" / "sektioner" for the fall-backs
    skipped: tuple[str, ...] = ()  # heading-shaped lines read as text because their number did not fit


# --- table of contents ----------------------------------------------------------------------------


def find_toc(lines: list[Line]) -> tuple[tuple[int, int] | None, tuple[TocEntry, ...]]:
    """The TOC's line range and entries; its entries are never punkter.

    A TOC starts at a TOC heading ("Indholdsfortegnelse", "PUNKTER") that has entries under it, or, with no
    such heading, at the first "Title.....3" line above every punkt heading.
    """
    for line in lines:
        if line.tekst.strip() in p.TOC_HEADINGS and (entries := toc_entries(lines, line.nummer + 1)):
            return (line.nummer, entries[1]), entries[0]
    first_heading = next((line.nummer for line in lines if strong_heading(line)), len(lines))
    paged = next((line.nummer for line in lines[:first_heading] if p.TOC_ENTRY.match(line.tekst.strip())), None)
    if paged is not None and (entries := toc_entries(lines, paged)):
        return (paged, entries[1]), entries[0]
    return None, ()


def strong_heading(line: Line) -> bool:
    """A line in one of the unambiguous heading forms ("Punkt 3:", "Nr.142 -")."""
    return any(form.match(line.tekst.strip()) for _, form in p.HEADING_FORMS[:2])


def toc_entries(lines: list[Line], first: int) -> tuple[tuple[TocEntry, ...], int] | None:
    """Consecutive TOC entries from a line on; they end where the numbering starts again or the form changes."""
    entries: list[TocEntry] = []
    end, paged = first, None
    pending = ""  # a long title wrapped onto the next line: "2. Godkendelse af …,\nkirkeskat … ..... 3"
    for line in lines[first:]:
        if line.blank:
            continue
        text = f"{pending} {line.tekst.strip()}".strip()
        entry = toc_entry(text)
        is_paged = bool(p.TOC_ENTRY.match(text))
        if paged and not is_paged and not pending and wraps(lines, line.nummer):
            pending = text
            continue
        pending = ""
        if entry is None or restarts(entry, entries) or (paged is not None and is_paged != paged):
            break
        paged = is_paged if paged is None else paged
        entries.append(entry)
        end = line.nummer + 1
    return (tuple(entries), end) if entries else None


def wraps(lines: list[Line], index: int) -> bool:
    """The next line, a paged entry without a number of its own, finishes this one."""
    following = next_filled(lines, index)
    if following is None:
        return False
    rest = toc_entry(lines[following].tekst.strip())
    return bool(p.TOC_ENTRY.match(lines[following].tekst.strip())) and rest is not None and rest.nummer is None


def restarts(entry: TocEntry, entries: list[TocEntry]) -> bool:
    """Punkt 1 again after punkt 8: the body has begun."""
    last = entries[-1].nummer if entries else None
    return entry.nummer is not None and last is not None and entry.nummer <= last


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
        if result := with_skipped(toc, entries, candidates(lines, start, form), name, lines):
            return result
    if result := with_skipped(toc, entries, number_after_title(lines, start), "sag_nr", lines):
        return result
    for name, form in p.HEADING_FORMS[2:]:
        if result := with_skipped(toc, entries, candidates(lines, start, form), name, lines, weak=True):
            return result
    if found := split_at_sagsnumre(lines, start):
        return Segmentation(toc, entries, tuple(found), "sagsnummer")
    return Segmentation(toc, entries, tuple(split_at_section_restart(lines, start)), "sektioner")


def with_skipped(toc, entries, found: list[Heading], how: str, lines: list[Line], weak: bool = False
                 ) -> Segmentation | None:
    """Keep rising numbers; a leading run of headings with nothing between them is an unlabelled TOC.

    The weak numeric forms ("3. Title") must also stand apart from the text and agree with the TOC.
    """
    run = leading_toc_run(found, lines) if toc is None else []
    if run:
        toc = (run[0].start, run[-1].line + 1)
        entries = tuple(toc_entry(lines[h.line].tekst.strip()) for h in run)
        found = found[len(run) :]
    if weak:  # a numbered line in the text has no blank line above, or is not in the TOC
        found = [h for h in found if stands_apart(lines, h.line) and (not entries or in_toc(h.titel, entries))]
    kept = increasing(found)
    skipped = tuple("\n".join(h.overskrift) for h in found if h not in kept)
    return Segmentation(toc, entries, tuple(kept), how, skipped) if kept else None


def leading_toc_run(found: list[Heading], lines: list[Line]) -> list[Heading]:
    """Headings printed one after another with no text between, then the same numbers again: a TOC."""
    run = found[:1]
    for heading in found[1:]:
        between = lines[run[-1].line + 1 : heading.start]
        if any(not line.blank for line in between) or heading.nummer <= run[-1].nummer:
            break
        run.append(heading)
    rest = found[len(run) :]
    if len(run) >= 2 and rest and rest[0].nummer == run[0].nummer:
        return run
    return []


def candidates(lines: list[Line], start: int, form) -> list[Heading]:
    """Every line in one heading form (case-number lines excepted: "00.01.00-A00-12-25" is not punkt 0)."""
    found = []
    for line in lines[start:]:
        match = form.match(line.tekst.strip())
        if not match or is_sagsnummer(line):
            continue
        titel, lukket = clean_title(match["titel"])
        closed = lukket or (match.groupdict().get("status") or "").lower() == "lukket"
        found.append(make_heading(lines, line.nummer, int(match["nummer"]), titel, closed, start))
    return found


def stands_apart(lines: list[Line], index: int) -> bool:
    """A blank line (or a case-number line) above: numbered list items inside a text have neither."""
    before = previous_filled(lines, index)
    return before is None or before < index - 1 or is_sagsnummer(lines[before])


def make_heading(lines: list[Line], index: int, nummer: int, titel: str, lukket: bool, floor: int) -> Heading:
    """A heading at one line; a repeated title line after it and a case number before it belong to it."""
    body, printed = index + 1, [lines[index].tekst.strip()]
    after = next_filled(lines, index)
    if after is not None and clean_title(lines[after].tekst)[0] == titel:
        body, printed = after + 1, printed + [lines[after].tekst.strip()]
    before = previous_filled(lines, index, floor)
    start = before if before is not None and number_above(lines, before, index) else index
    return Heading(start, body, nummer, titel, lukket, tuple(printed), index)


def number_above(lines: list[Line], before: int, index: int) -> bool:
    """A case number printed above the heading belongs to it: a bare number, or a labelled one right above."""
    return is_sagsnummer(lines[before], unlabelled_only=True) or (before == index - 1 and is_sagsnummer(lines[before]))


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
            found.append(Heading(before, line.nummer + 1, int(match["nummer"]), titel, lukket, printed, before))
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
