"""Where each punkt starts: candidates, their evidence, and the one best sequence for the whole document.

``candidates`` lists every line that could start a punkt with its local evidence. Here the evidence
between neighbours is added — the number continues the previous punkt's, the same form as the previous
heading, text between two headings — and ``best_sequence`` chooses, by dynamic programming over the
candidates in document order, the sequence with the highest total score whose numbers rise.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import patterns as p
from .candidates import EVIDENCE, FORM_NAMES, Candidate, find_candidates, is_case_line, is_field
from .clean import Line
from .toc import Toc, TocEntry, find_toc

PAIR_EVIDENCE = {  # name → (weight, what the user reads; None: not shown)
    "fortsaetter": (2.0, "nummeret følger forrige punkt"),
    "samme_form": (1.0, "samme form som forrige punkt"),
    "anden_form": (-1.0, None),
    "spring": (-0.5, None),
    "uden_tekst": (-4.0, None),
    "blandet": (-4.0, None),
}
WINDOW = 40  # earlier candidates a candidate may follow directly (and any with the number before its own)


@dataclass(frozen=True)
class Heading:
    start: int  # index of the punkt's first line (a case number printed before the heading counts)
    lines: tuple[int, ...]  # the heading lines (number and title, a repeated title): not part of the body
    nummer: int | None  # None where the document prints no number
    titel: str
    lukket: bool
    overskrift: tuple[str, ...]  # the heading lines as printed
    form: str = ""
    grundlag: tuple[str, ...] = ()  # the evidence, as a user reads it


@dataclass(frozen=True)
class Segmentation:
    toc: tuple[int, int] | None  # line range of the table of contents
    entries: tuple[TocEntry, ...]
    headings: tuple[Heading, ...]
    skipped: tuple[str, ...] = ()  # heading-shaped lines read as text because their number did not fit

    @property
    def forms(self) -> set[str]:
        return {h.form for h in self.headings}


def segment(lines: list[Line]) -> Segmentation:
    """The TOC, then the best sequence of punkt starts after it."""
    toc = find_toc(lines)
    found = find_candidates(lines, toc)
    chosen = best_sequence(found, lines)
    headings = tuple(numbered_from_toc(to_heading(lines, c, evidence), toc) for c, evidence in chosen)
    return Segmentation(toc.span, toc.entries, headings, skipped_lines(lines, found, [c for c, _ in chosen]))


# --- the best sequence ---------------------------------------------------------------------------


def best_sequence(found: list[Candidate], lines: list[Line]) -> list[tuple[Candidate, tuple[str, ...]]]:
    """The chain of candidates with the highest total score (local plus pair evidence); numbers rise."""
    filled = filled_prefix(lines)
    totals: list[float] = []
    last_numbers: list[int | None] = []  # the last number printed in the best chain ending at each candidate
    links: list[tuple[int | None, tuple[str, ...]]] = []
    by_number: dict[int, int] = {}  # number → the best chain's last candidate with that number
    for j, c in enumerate(found):
        best, link = c.score, (None, ())
        for i in predecessors(j, c, by_number):
            names = pair_evidence(found[i], last_numbers[i], c, filled)
            if names is None:
                continue
            total = totals[i] + c.score + sum(PAIR_EVIDENCE[name][0] for name in names)
            if total > best:
                best, link = total, (i, names)
        totals.append(best)
        links.append(link)
        last_numbers.append(c.nummer if c.nummer is not None else last_numbers[link[0]] if link[0] is not None else None)
        if c.nummer is not None and (c.nummer not in by_number or best > totals[by_number[c.nummer]]):
            by_number[c.nummer] = j
    return backtrack(found, totals, links)


def predecessors(j: int, c: Candidate, by_number: dict[int, int]) -> list[int]:
    """The candidates just before, and the best one anywhere before with the number before this one's."""
    near = list(range(max(0, j - WINDOW), j))
    far = by_number.get(c.nummer - 1) if c.nummer is not None else None
    return near + [far] if far is not None and far < j - WINDOW else near


def pair_evidence(prev: Candidate, last_number: int | None, c: Candidate, filled: list[int]) -> tuple[str, ...] | None:
    """What the step from one punkt start to the next says; None where the two cannot both start punkter
    (overlapping, or a number not above the chain's last one)."""
    if c.start < prev.end_of_heading:
        return None
    if c.nummer is not None and last_number is not None and c.nummer <= last_number:
        return None
    names = []
    if prev.nummer is not None and c.nummer is not None:
        names.append("fortsaetter" if c.nummer == prev.nummer + 1 else "spring")
    elif last_number is not None or c.nummer is not None:  # numbered and unnumbered starts in one chain
        names.append("blandet")
    if not same_form(prev, c):
        names.append("anden_form")
    elif c.titel or c.nummer is not None:  # untitled, unnumbered starts must stand on their own evidence
        names.append("samme_form")
    if not prev.lukket and filled[c.start] - filled[prev.end_of_heading] == 0:
        names.append("uden_tekst")
    return tuple(names)


def same_form(a: Candidate, b: Candidate) -> bool:
    """Two headings in one form ("Punkt 3:" and "Punkt: 4" count as one form)."""
    return a.form.removesuffix("_alene") == b.form.removesuffix("_alene")


def backtrack(found: list[Candidate], totals: list[float], links) -> list[tuple[Candidate, tuple[str, ...]]]:
    """The chain ending at the best total, each candidate with its pair evidence."""
    if not found or max(totals) <= 0:
        return []
    j: int | None = max(range(len(found)), key=lambda k: (totals[k], -k))
    chain = []
    while j is not None:
        i, names = links[j]
        chain.append((found[j], names))
        j = i
    return chain[::-1]


def filled_prefix(lines: list[Line]) -> list[int]:
    """filled[i] = how many lines of text come before line i (blank lines, fields and case numbers are none)."""
    counts = [0]
    for line in lines:
        counts.append(counts[-1] + (not line.blank and not is_field(line.tekst) and not is_case_line(line)))
    return counts


# --- results -------------------------------------------------------------------------------------


def to_heading(lines: list[Line], c: Candidate, pair: tuple[str, ...]) -> Heading:
    """A chosen candidate as the punkt's heading, with the evidence a user reads."""
    shown = [FORM_NAMES[c.form]]
    shown += [EVIDENCE[name][1] for name in c.evidence if EVIDENCE[name][1]]
    shown += [PAIR_EVIDENCE[name][1] for name in pair if PAIR_EVIDENCE[name][1]]
    printed = tuple(lines[i].tekst.strip() for i in c.heading)
    return Heading(c.start, c.heading, c.nummer, c.titel, c.lukket, printed, c.form, tuple(shown))


def numbered_from_toc(heading: Heading, toc: Toc) -> Heading:
    """A heading that lost its number gets the one the TOC prints next to its title."""
    if heading.nummer is not None or not heading.titel or (nummer := toc.number_for(heading.titel)) is None:
        return heading
    return replace(heading, nummer=nummer, grundlag=heading.grundlag + ("nummeret står ved titlen i indholdsfortegnelsen",))


def skipped_lines(lines: list[Line], found: list[Candidate], chosen: list[Candidate]) -> tuple[str, ...]:
    """Lines in a chosen heading form, shaped like a heading (not a list item or a sentence), whose number did
    not fit the sequence: read as text, and said so."""
    forms = {c.form for c in chosen if c.form in STRONG_FORMS}
    kept = {c.line for c in chosen}
    return tuple("\n".join(lines[i].tekst.strip() for i in c.heading)
                 for c in found if c.form in forms and c.line not in kept and looks_like_heading(c)
                 and not_in_heading(c, chosen))  # fmt: skip


def looks_like_heading(c: Candidate) -> bool:
    return "liste" not in c.evidence and not c.titel.endswith(p.HEADING_END_PUNCTUATION)


STRONG_FORMS = {name for name, _ in p.HEADING_FORMS} - {"mellemrum", "klistret"}


def not_in_heading(c: Candidate, chosen: list[Candidate]) -> bool:
    return not any(c.line in h.heading or h.start <= c.line < h.end_of_heading for h in chosen)
