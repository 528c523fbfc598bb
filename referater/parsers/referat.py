"""Text of one referat → Referat: header, table of contents, punkter and their sections.

Pure: no I/O. Every non-blank input line lands in exactly one place — a header line, a TOC line,
a punkt heading, a sagsnummer line, or the text of a section — so nothing is ever lost.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..errors import NoPunkterError
from ..models import Afsnit, Punkt, Referat, Tekst
from . import patterns as p
from .toc_pages import check_toc_pages
from .fields import (
    parse_bilag,
    parse_header,
    parse_indstilling,
    parse_punkt_type,
    parse_sagsnummer,
    parse_tidsramme,
    parse_udfald,
)

PARSER_VERSION = "1"
UNTITLED_SECTION = "(uden overskrift)"
TOC_MATCH_CUTOFF = 90  # rapidfuzz partial ratio; TOC titles may be cut short or wrapped


@dataclass(frozen=True)
class Line:
    nummer: int  # 0-based line index
    offset: int  # character offset of the line start in the text
    tekst: str

    @property
    def blank(self) -> bool:
        return not self.tekst.strip()


def split_lines(text: str) -> list[Line]:
    """Split text into lines that remember where they start."""
    lines, offset = [], 0
    for i, raw in enumerate(text.split("\n")):
        lines.append(Line(i, offset, raw.rstrip()))
        offset += len(raw) + 1
    return lines


def parse_tekst(tekst: Tekst) -> Referat:
    """Parse a decoded document; see ``parse_referat``."""
    referat = parse_referat(tekst.tekst, kilde=tekst.kilde, sha256=tekst.sha256, format=tekst.format,
                            sider=tekst.sider, advarsler=tekst.advarsler)  # fmt: skip
    return check_toc_pages(referat)


def parse_referat(
    text: str,
    *,
    kilde: str = "",
    sha256: str = "",
    format: str = "txt",
    sider: tuple[int, ...] = (),
    advarsler: tuple[str, ...] = (),
) -> Referat:
    """Parse the text of one referat; raise NoPunkterError when it holds no punkt headings."""
    lines = split_lines(text)
    starts = [i for i, line in enumerate(lines) if p.PUNKT_HEADING.match(line.tekst.strip())]
    if not starts:
        raise NoPunkterError("no punkter found (no line like 'Punkt 1: Titel'): is this a referat?")
    hoved, toc = split_preamble(lines[: starts[0]])
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    punkter = tuple(parse_punkt(lines[a:b], sider) for a, b in bounds)
    header = parse_header([line.tekst for line in hoved])
    warnings = tuple(advarsler) + check_toc(toc, punkter)
    return Referat(
        kilde=kilde,
        sha256=sha256,
        format=format,
        punkter=punkter,
        hoved=tuple(line.tekst for line in hoved if not line.blank),
        indholdsfortegnelse=tuple(line.tekst for line in toc if not line.blank),
        advarsler=warnings,
        **header,
    )


def split_preamble(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Everything before the first punkt: header lines, then the TOC from its heading on."""
    for i, line in enumerate(lines):
        if line.tekst.strip() in p.TOC_HEADINGS:
            return lines[:i], lines[i:]
    toc_start = next((i for i, line in enumerate(lines) if p.TOC_ENTRY.match(line.tekst.strip())), len(lines))
    return lines[:toc_start], lines[toc_start:]


def toc_titles(toc: list[Line]) -> list[str]:
    """The titles of the TOC entries (the TOC heading itself and blanks skipped)."""
    matches = (p.TOC_ENTRY.match(line.tekst.strip()) for line in toc)
    return [m["titel"].strip() for m in matches if m]


def check_toc(toc: list[Line], punkter: tuple[Punkt, ...]) -> tuple[str, ...]:
    """Cross-check: every TOC title must be (the start of) some punkt title, else a warning."""
    warnings = []
    for title in toc_titles(toc):
        best = max((fuzz.partial_ratio(title, punkt.titel) for punkt in punkter), default=0)
        if best < TOC_MATCH_CUTOFF:
            warnings.append(f"indholdsfortegnelsen nævner '{title}', men intet punkt har den titel")
    return tuple(warnings)


def parse_punkt(lines: list[Line], sider: tuple[int, ...]) -> Punkt:
    """One punkt: heading line, optional sagsnummer line, then sections."""
    heading = p.PUNKT_HEADING.match(lines[0].tekst.strip())
    titel = heading["titel"].strip()
    body = [line for line in lines[1:] if not line.blank]
    sagsnummer = parse_sagsnummer(body[0].tekst.strip()) if body else None
    if sagsnummer is not None:
        body = body[1:]
    afsnit = tuple(split_sections(lines, body))
    indstiller, indstillinger = parse_indstilling(section_text(afsnit, p.RECOMMENDATION_SECTION))
    beslutning = decision_text(afsnit)
    return Punkt(
        nummer=int(heading["nummer"]),
        titel=titel,
        type=parse_punkt_type(titel),
        sagsnummer=sagsnummer,
        indstiller=indstiller,
        indstillinger=indstillinger,
        tidsramme_min=parse_tidsramme(afsnit),
        afsnit=afsnit,
        beslutning=beslutning,
        udfald=parse_udfald(beslutning, indstillinger),
        bilag=parse_bilag(section_text(afsnit, p.ATTACHMENT_SECTION)),
        overskrift=lines[0].tekst.strip(),
        sider=pages_spanned(lines, sider),
    )


def split_sections(lines: list[Line], body: list[Line]) -> list[Afsnit]:
    """Group the body lines under the section heading that precedes them."""
    sections: list[tuple[str, list[str]]] = []
    for line in body:
        current = sections[-1][0] if sections else None
        if is_section_heading(line, lines, current):
            sections.append((line.tekst.strip(), []))
        elif sections:
            sections[-1][1].append(line.tekst)
        else:
            sections.append((UNTITLED_SECTION, [line.tekst]))
    return [Afsnit(navn=name, tekst="\n".join(text)) for name, text in sections]


def is_section_heading(line: Line, lines: list[Line], current: str | None) -> bool:
    """A known label, or a heading-shaped line outside the list-like sections."""
    text = line.tekst.strip()
    if text in p.SECTION_LABELS or p.DECISION_LABEL.match(text):
        return True
    if current is not None and section_kind(current) in p.CLOSED_SECTIONS:
        return False
    return is_heading_shaped(line, lines)


def section_kind(name: str) -> str:
    """The known label a section name stands for ("Beslutning i ØU den …" → "Beslutning")."""
    return "Beslutning" if p.DECISION_LABEL.match(name) else name


def is_heading_shaped(line: Line, lines: list[Line]) -> bool:
    """Short, capitalised, unpunctuated, alone between blank lines, not a list item or table row."""
    text = line.tekst.strip()
    if len(text) > p.HEADING_MAX_LENGTH or text.endswith(p.HEADING_END_PUNCTUATION) or "\t" in text:
        return False
    if not text[0].isupper() or text.startswith(("- ", "(")) or text in p.NOT_HEADINGS:
        return False
    before = lines[line.nummer - lines[0].nummer - 1] if line.nummer > lines[0].nummer else None
    after_index = line.nummer - lines[0].nummer + 1
    after = lines[after_index] if after_index < len(lines) else None
    return (before is None or before.blank) and (after is None or after.blank)


def section_text(afsnit: tuple[Afsnit, ...], kind: str) -> str:
    """The text of every section of one kind, joined."""
    return "\n".join(a.tekst for a in afsnit if section_kind(a.navn) == kind)


def decision_text(afsnit: tuple[Afsnit, ...]) -> str | None:
    """The Beslutning text with blank lines dropped, or None when the punkt has none."""
    text = section_text(afsnit, "Beslutning")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return "\n".join(lines) or None


def pages_spanned(lines: list[Line], sider: tuple[int, ...]) -> tuple[int, ...]:
    """1-based page numbers from the punkt's first to its last non-blank line."""
    filled = [line for line in lines if not line.blank]
    if not sider or not filled:
        return ()
    first = bisect.bisect_right(sider, filled[0].offset)
    last = bisect.bisect_right(sider, filled[-1].offset)
    return tuple(range(first, last + 1))
