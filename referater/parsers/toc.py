"""The table of contents: where it is, its entries, and the titles a heading can be checked against.

A TOC is found three ways: under a TOC heading ("Indholdsfortegnelse", "Dagsordenspunkter"); as the rest of
a run-on paragraph that holds a TOC heading (PDF transcripts); or as a listing of two or more numbered
lines with no text between them whose numbers or titles are printed again further down (or that lists the
closed punkter). Its entries are never punkter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

from . import patterns as p
from .clean import Line
from .fields import parse_sagsnummer

NUMBER_BEFORE = re.compile(r"(?:^|\s)(?P<nummer>\d{1,4})\.?\s+$")
TOC_MATCH_CUTOFF = 90
MAX_LISTINGS = 5  # listings tried as a TOC (numbered lists in the bodies come later)
MAX_REPEATS = 3  # later lines with an entry's number compared with its title  # rapidfuzz ratio between a TOC title and a candidate heading's title


@dataclass(frozen=True)
class TocEntry:
    nummer: int | None
    titel: str
    lukket: bool
    tekst: str  # the line as printed


@dataclass(frozen=True)
class Toc:
    span: tuple[int, int] | None  # line range of the table of contents
    entries: tuple[TocEntry, ...] = ()
    tekst: str = ""  # the whole TOC as one lower-case string, for titles a run-on TOC lost the bounds of

    def has_title(self, titel: str) -> bool:
        """The title is one of the entries', or (run-on TOC) printed in it."""
        key = " ".join(titel.lower().split())
        if not key:
            return False
        if key in self.by_first_word.get(key.split()[0], ()):
            return True
        similar = self.by_first_word.get(key.split()[0], [])  # a near match starts with the same word
        if process.extractOne(key, similar, scorer=fuzz.ratio, score_cutoff=TOC_MATCH_CUTOFF) is not None:
            return True
        if any(cut_short(title, key) for title in similar):
            return True
        return len(key) >= 4 and not self.entries and key in self.tekst

    @cached_property
    def by_first_word(self) -> dict[str, list[str]]:
        """Lower-case entry titles by their first word, so a lookup compares a few titles, not all."""
        titles: dict[str, list[str]] = {}
        for entry in self.entries:
            if words := entry.titel.lower().split():
                titles.setdefault(words[0], []).append(" ".join(words))
        return titles

    def number_for(self, titel: str) -> int | None:
        """The number the TOC prints next to a title ("463. Til efterretning"), if it prints one."""
        key = " ".join(titel.lower().split())
        if self.entries:
            return self.numbered.get(key)
        at = self.tekst.find(key) if key else -1  # a run-on TOC: the number printed right before the title
        match = NUMBER_BEFORE.search(self.tekst[max(0, at - 8) : at]) if at > 0 else None
        return int(match["nummer"]) if match else None

    @cached_property
    def numbered(self) -> dict[str, int]:
        return {entry.titel.lower(): entry.nummer for entry in self.entries if entry.nummer is not None}

    @cached_property
    def numbers(self) -> set[int]:
        return {entry.nummer for entry in self.entries if entry.nummer is not None}


NO_TOC = Toc(None)
MIN_CUT_TITLE = 20  # characters a title cut short in the TOC (or in a heading) must keep


def cut_short(a: str, b: str) -> bool:
    """One title is the other cut short ("Godkendelse af regnskab for 2024 og …")."""
    short, long = sorted((a.rstrip(" .…"), b.rstrip(" .…")), key=len)
    return len(short) >= MIN_CUT_TITLE and long.startswith(short)


def find_toc(lines: list[Line]) -> Toc:
    """The TOC: under a TOC heading, the rest of a run-on paragraph, or a listing printed again below."""
    for line in lines:
        text = line.tekst.strip()
        if text in p.TOC_HEADINGS and line.run_on:  # a run-on paragraph: the TOC runs to its end
            span = (line.nummer, paragraph_end(lines, line.nummer))
            return make_toc(lines, span, run_on_entries(" ".join(x.tekst.strip() for x in lines[span[0] + 1 : span[1]])))
        if text in p.TOC_HEADINGS and (entries := toc_entries(lines, line.nummer + 1)):
            return make_toc(lines, *without_first_punkt(lines, line.nummer, *entries))
    first_heading = next((line.nummer for line in lines if strong_heading(line)), len(lines))
    paged = next((line.nummer for line in lines[:first_heading] if p.TOC_ENTRY.match(line.tekst.strip())), None)
    if paged is not None and (entries := toc_entries(lines, paged)):
        return make_toc(lines, (paged, entries[1]), entries[0])
    return find_listing(lines)


def without_first_punkt(lines: list[Line], heading: int, entries: tuple[TocEntry, ...], end: int
                        ) -> tuple[tuple[int, int], tuple[TocEntry, ...]]:
    """An empty TOC heading over the first punkt: its case number or section labels follow the "entry"."""
    after = next_filled(lines, end - 1)
    if after is not None and is_body_line(lines[after].tekst):
        last = previous_filled(lines, end, heading)
        return (heading, last), entries[:-1]
    return (heading, end), entries


def is_body_line(text: str) -> bool:
    """A labelled field, a case number or a section label: what follows a punkt heading, not a TOC entry."""
    text = text.strip()
    return bool(p.FIELD_LINE.match(text) or p.SAGSNUMMER_LABEL_ALONE.match(text)) or parse_sagsnummer(text) is not None \
        or text.rstrip(":").lower() in p.SECTION_KINDS  # fmt: skip


def make_toc(lines: list[Line], span: tuple[int, int], entries: tuple[TocEntry, ...]) -> Toc:
    text = " ".join(line.tekst.strip() for line in lines[span[0] : span[1]])
    return Toc(span, entries, " ".join(text.lower().split()))


def run_on_entries(text: str) -> tuple[TocEntry, ...]:
    """Entries of a run-on TOC that kept its numbers ("1. Title 2. Title 3. Title"): cut where the next number
    follows; none when fewer than two numbers count up."""
    marks = [m for m in p.RUN_ON_TOC_NUMBER.finditer(text)]
    counting, expected = [], None
    for mark in marks:
        if expected is None or int(mark["nummer"]) == expected:
            counting.append(mark)
            expected = int(mark["nummer"]) + 1
    if len(counting) < 2:
        return ()
    ends = [m.start() for m in counting[1:]] + [len(text)]
    return tuple(TocEntry(int(m["nummer"]), clean_title(text[m.end() : end])[0], False, text[m.start() : end].strip())
                 for m, end in zip(counting, ends, strict=True))  # fmt: skip


def paragraph_end(lines: list[Line], index: int) -> int:
    """Index of the first blank line after the index (or the end)."""
    return next((i for i in range(index + 1, len(lines)) if lines[i].blank), len(lines))


def strong_heading(line: Line) -> bool:
    """A line in one of the unambiguous heading forms ("Punkt 3:", "Nr.142 -")."""
    return any(form.match(line.tekst.strip()) for _, form in p.HEADING_FORMS[:2])


def toc_entries(lines: list[Line], first: int) -> tuple[tuple[TocEntry, ...], int] | None:
    """Consecutive TOC entries from a line on; they end where the numbering starts again or the form changes."""
    entries: list[TocEntry] = []
    end, paged, closed = first, None, False
    pending = ""  # a long title wrapped onto the next line: "2. Godkendelse af …,\nkirkeskat … ..... 3"
    for line in lines[first:]:
        if line.blank:
            continue
        text = f"{pending} {line.tekst.strip()}".strip()
        if group := p.GROUP_HEADING.match(text):
            closed = group["status"].lower() in p.CLOSED_GROUP
            continue
        entry = toc_entry(text, closed)
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


def toc_entry(text: str, closed: bool = False) -> TocEntry | None:
    """One TOC line: "Title.....3", "45. Title ..... 2", "Lukket 7 Title", "• Punkt 3 Title"."""
    if parse_sagsnummer(text) is not None:  # "03.02.00-P20-11-16" is not punkt 3
        return None
    paged = p.TOC_ENTRY.match(text)
    body = paged["titel"].strip() if paged else text
    if status := p.TOC_STATUS_ENTRY.match(body):
        titel, lukket = clean_title(status["titel"])
        return TocEntry(int(status["nummer"]), titel, closed or lukket or status["status"].lower() == "lukket", text)
    for _, form in p.HEADING_FORMS:
        if (match := form.match(body)) and match["titel"]:
            titel, lukket = clean_title(match["titel"])
            lukket = closed or lukket or (match.groupdict().get("status") or "").lower() == "lukket"
            return TocEntry(int(match["nummer"]), titel, lukket, text)
    if paged:
        titel, lukket = clean_title(body)
        return TocEntry(None, titel, closed or lukket, text)
    return None


def clean_title(text: str) -> tuple[str, bool]:
    """Title without decorations or glued UI text, and whether a decoration said the punkt is closed."""
    titel, lukket = " ".join(p.TITLE_UI_TEXT.sub("", text).split()), False
    for mark in p.CLOSED_MARKS:
        titel, n = mark.subn("", titel)
        lukket = lukket or n > 0
    for decoration in p.TITLE_DECORATIONS:
        titel = decoration.sub("", titel)
    return titel.strip(), lukket


# --- a listing of numbered lines, printed again below ---------------------------------------------


def find_listing(lines: list[Line]) -> Toc:
    """The first run of two or more TOC-shaped lines with nothing between them that is not the punkter
    themselves: its numbers and titles are printed again below, or it lists closed punkter."""
    runs: list[list[tuple[Line, TocEntry]]] = [[]]
    closed = False
    for line in lines:
        if line.blank:
            continue
        if group := p.GROUP_HEADING.match(line.tekst.strip()):
            closed = group["status"].lower() in p.CLOSED_GROUP
            continue
        entry = toc_entry(line.tekst.strip(), closed) if not line.run_on and not after_colon(lines, line) else None
        numbered = entry is not None and entry.nummer is not None
        if numbered and (not runs[-1] or continues(runs[-1][-1], line, entry)):
            runs[-1].append((line, entry))
            continue
        runs.append([(line, entry)] if numbered else [])
        closed = False
    last_seen = last_heading_lines(lines)
    for run in [run for run in runs if len(run) >= 2][:MAX_LISTINGS]:  # a TOC comes early: a few runs are tried
        after = run[-1][0].nummer
        again = any(printed_again(entry, last_seen.get(entry.nummer, []), after) for _, entry in run)
        if again or all(entry.lukket for _, entry in run):
            return make_toc(lines, (run[0][0].nummer, after + 1), tuple(entry for _, entry in run))
    return NO_TOC


def after_colon(lines: list[Line], line: Line) -> bool:
    """Right under "Afbud:" (no blank between): a list, not a TOC."""
    return line.nummer > 0 and lines[line.nummer - 1].tekst.rstrip().endswith(":")


def continues(last: tuple[Line, TocEntry], line: Line, entry: TocEntry) -> bool:
    """The next entry of a listing: a higher number, indented as the one before."""
    return entry.nummer > last[1].nummer and indent(line.tekst) == indent(last[0].tekst)


def indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def last_heading_lines(lines: list[Line]) -> dict[int, list[tuple[int, str]]]:
    """Number → (line, lower-case title) of every numbered line printed with it."""
    seen: dict[int, list[tuple[int, str]]] = {}
    for line in lines:
        entry = toc_entry(line.tekst.strip()) if not line.blank else None
        if entry is not None and entry.nummer is not None:
            seen.setdefault(entry.nummer, []).append((line.nummer, entry.titel.lower()))
    return seen


def printed_again(entry: TocEntry, printed: list[tuple[int, str]], after: int) -> bool:
    """The entry's number with its title (maybe cut short in the TOC) on a line below the listing."""
    title = entry.titel.lower()
    later = [other for index, other in printed if index > after][:MAX_REPEATS]
    return any(fuzz.partial_ratio(title, other) >= TOC_MATCH_CUTOFF for other in later)


def previous_filled(lines: list[Line], index: int, floor: int = 0) -> int | None:
    return next((i for i in range(index - 1, floor - 1, -1) if not lines[i].blank), None)


def next_filled(lines: list[Line], index: int) -> int | None:
    return next((i for i in range(index + 1, len(lines)) if not lines[i].blank), None)
