"""Text of one referat → Referat, by a small grammar over the forms declared in ``patterns``.

clean lines → table of contents and punkt headings (``segment``) → header (``header``) → per punkt:
case number, sections, indstilling, the deciding body's decision and the trail (``sections``).
Pure: no I/O. Every non-blank line lands in one place — header, TOC, a punkt heading, a case-number
line, a section, or the removed noise — and whatever the parser is unsure of becomes a warning.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from collections import Counter

from rapidfuzz import fuzz

from ..dates import date_in_name
from ..models import Afsnit, Punkt, Referat, Sagsnummer, Tekst
from . import patterns as p
from .clean import Line, clean_lines
from .fields import decode_sagsnummer, parse_bilag, parse_punkt_type, parse_sagsnummer
from .header import impossible_dates, parse_header
from .sections import (
    UNTITLED_SECTION,
    decision_labels,
    read_sections,
    section_text,
    split_sections,
)
from .candidates import section_kind
from .segment import Heading, Segmentation, segment
from .toc import TocEntry
from .toc_pages import check_toc_pages

PARSER_VERSION = "3"  # raise it when parse or NLP output changes: `referater reparse` redoes older referater
TOC_MATCH_CUTOFF = 90  # rapidfuzz partial ratio; TOC titles may be cut short or wrapped
FALLBACK_WARNINGS = {
    "sagsnummer": "ingen punktoverskrifter: punkterne er delt ved sagsnumrene, og titlen er linjen lige efter "
    "eller før sagsnummeret",
    "sektioner": "ingen punktoverskrifter eller sagsnumre: punkterne er delt hvor afsnittene begynder forfra, "
    "og titlen er linjen før",
    "status": "ingen punktoverskrifter: punkterne er delt ved linjerne 'Åben'/'Lukket'",
    "toc_titel": "ingen punktoverskrifter: punkterne er delt ved titlerne fra indholdsfortegnelsen",
}
AGENDA_WARNING = "ingen af punkterne har en beslutning: dokumentet er vel en dagsorden"
TOC_ONLY = "lukket punkt, kun nævnt i indholdsfortegnelsen"
WHOLE_TEXT_WARNING = ("ingen punktoverskrift, intet sagsnummer og ingen afsnitsoverskrifter fundet: hele teksten er "
                      "læst som ét punkt uden nummer og titel")
# Section kinds that only occur inside a punkt; "Afbud"/"Fraværende" also head header blocks.
FRAGMENT_KINDS = {"resume", "sagsfremstilling", "indstilling", "indstilling_og_beslutning", "beslutning"}
__all__ = ["PARSER_VERSION", "UNTITLED_SECTION", "parse_referat", "parse_tekst"]


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
    """Parse the text of one referat; a text without any recognisable punkt is one punkt, with a warning."""
    lines, noise = clean_lines(text)
    found = segment(lines)
    if not found.headings:
        found = whole_text(lines, found)
    first = found.headings[0].start
    hoved = [line for line in lines[:first] if not in_range(line.nummer, found.toc)]
    toc = lines[found.toc[0] : found.toc[1]] if found.toc else []
    header = parse_header([line.tekst for line in hoved])
    typos = impossible_dates([line.tekst for line in hoved])
    meeting, warnings = complete_meeting(header, found, lines, typos, kilde)
    punkter = [parse_punkt(lines, h, end, meeting, sider, position)
               for position, (h, end) in enumerate(bounds(found.headings, len(lines)), start=1)]  # fmt: skip
    punkter, toc_warnings = merge_toc(punkter, found.entries)
    warnings += fragment_warnings(hoved) + toc_warnings + punkt_warnings(punkter, found)
    return Referat(
        kilde=kilde, sha256=sha256, format=format, punkter=tuple(punkter),
        hoved=tuple(line.tekst for line in hoved if not line.blank),
        indholdsfortegnelse=tuple(line.tekst for line in toc if not line.blank),
        advarsler=tuple(advarsler) + tuple(warnings), stoej=tuple(noise), **meeting,
    )  # fmt: skip


def whole_text(lines: list[Line], found: Segmentation) -> Segmentation:
    """No candidate at all: the text after the TOC is one punkt without number or title."""
    after = found.toc[1] if found.toc else 0
    start = next((line.nummer for line in lines[after:] if not line.blank), len(lines))
    heading = Heading(start, (), None, "", False, (), "hele_teksten", ("intet sted at dele: hele teksten er ét punkt",))
    return Segmentation(found.toc, found.entries, (heading,), found.skipped)


def in_range(index: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= index < span[1]


def bounds(headings: tuple[Heading, ...], total: int) -> list[tuple[Heading, int]]:
    """Each heading with the index where the next punkt starts."""
    ends = [h.start for h in headings[1:]] + [total]
    return list(zip(headings, ends, strict=True))


def complete_meeting(header: dict, found: Segmentation, lines: list[Line], typos: list[str],
                     kilde: str) -> tuple[dict, list[str]]:
    """Fill forum and dato from the decision labels when the header lacks them; say so.

    A header date that is no calendar day (``typos``, e.g. "31. september 2025") is never used: the date
    comes from another header line, the decision labels or, failing those, the file name.
    """
    labels = [label for h, end in bounds(found.headings, len(lines))
              for label in decision_labels(split_sections(lines, body_lines(lines, h, end)))]  # fmt: skip
    warnings = [f"datoen '{typo}' i hovedet findes ikke i kalenderen (tastefejl?) og er ikke brugt" for typo in typos]
    if header["forum"] is None and labels:
        header["forum"] = Counter(organ for organ, _ in labels).most_common(1)[0][0]
        warnings.append(f"mødets forum står ikke i hovedet; taget fra beslutningerne: {header['forum']}")
    if header["dato"] is None and any(dato for _, dato in labels):
        header["dato"] = Counter(dato for _, dato in labels if dato).most_common(1)[0][0]
        warnings.append(f"mødets dato står ikke i hovedet; taget fra beslutningerne: {header['dato']}")
    if header["dato"] is None and typos and (named := date_in_name(kilde)):
        header["dato"] = named
        warnings.append(f"mødets dato står ikke gyldigt i hovedet; taget fra filnavnet: {named}")
    warnings += [f"mødets {name} blev ikke fundet" for name in ("forum", "dato") if header[name] is None]
    return header, warnings


def body_lines(lines: list[Line], heading: Heading, end: int) -> list[Line]:
    """The punkt's non-blank lines that are not its heading (a case number above the heading is body)."""
    printed = set(heading.lines)
    return [line for line in lines[heading.start : end] if not line.blank and line.nummer not in printed]


def parse_punkt(lines: list[Line], heading: Heading, end: int, meeting: dict, sider: tuple[int, ...],
                position: int) -> Punkt:
    """One punkt: heading, case number, sections, indstilling, decision and trail."""
    nummer = heading.nummer
    overskrift = "\n".join(heading.overskrift)
    body = body_lines(lines, heading, end)
    if heading.lukket:
        return closed_punkt(lines, heading, body, position)
    sagsnummer, body = find_sagsnummer(body, heading)
    sections = split_sections(lines, body)
    return Punkt(
        nummer=nummer, titel=heading.titel, type=parse_punkt_type(heading.titel), sagsnummer=sagsnummer,
        bilag=parse_bilag(section_text(sections, {p.ATTACHMENT_SECTION})), overskrift=overskrift,
        sider=pages_spanned(lines[heading.start : end], sider), position=position, grundlag=heading.grundlag,
        **read_sections(sections, meeting["forum"], meeting["dato"]),
    )  # fmt: skip


def closed_punkt(lines: list[Line], heading: Heading, body: list[Line], position: int) -> Punkt:
    """Only the title of a closed punkt is known; what is printed under it is kept as text, not read."""
    afsnit = tuple(Afsnit(s.navn, s.tekst) for s in split_sections(lines, body))
    return Punkt(nummer=heading.nummer, titel=heading.titel, type=parse_punkt_type(heading.titel), afsnit=afsnit,
                 overskrift="\n".join(heading.overskrift), lukket=True, position=position,
                 grundlag=heading.grundlag)  # fmt: skip


def find_sagsnummer(body: list[Line], heading: Heading) -> tuple[Sagsnummer | None, list[Line]]:
    """The punkt's case number: a labelled line anywhere, or a bare number next to the heading."""
    last_heading_line = max(heading.lines, default=heading.start)
    window = sum(1 for line in body if line.nummer < last_heading_line) + p.UNLABELLED_SAGSNUMMER_WINDOW
    for i, line in enumerate(body):
        if (sag := labelled_on_next_line(body, i)) is not None:
            return sag, body[:i] + body[i + 2 :]
        sag = parse_sagsnummer(line.tekst, labelled_only=i >= window)
        if sag is not None:
            return sag, body[:i] + body[i + 1 :]
    return None, body


def labelled_on_next_line(body: list[Line], i: int) -> Sagsnummer | None:
    """ "Sagsnummer" alone, the number on the next line."""
    if i + 1 >= len(body) or not p.SAGSNUMMER_LABEL_ALONE.match(body[i].tekst.strip()):
        return None
    return decode_sagsnummer(body[i + 1].tekst.strip())


def merge_toc(punkter: list[Punkt], entries: tuple[TocEntry, ...]) -> tuple[list[Punkt], list[str]]:
    """Closed punkter known only from the TOC join the list; other TOC entries without a punkt are warned about."""
    numbers = {punkt.nummer for punkt in punkter}
    warnings, merged = [], list(punkter)
    for entry in entries:
        if entry.nummer is not None and entry.nummer in numbers:
            continue
        if entry.nummer is not None and entry.lukket:
            merged.append(Punkt(nummer=entry.nummer, titel=entry.titel, type=parse_punkt_type(entry.titel),
                                overskrift=entry.tekst, lukket=True, grundlag=(TOC_ONLY,)))  # fmt: skip
        elif not any(fuzz.partial_ratio(entry.titel, punkt.titel) >= TOC_MATCH_CUTOFF for punkt in punkter):
            warnings.append(f"indholdsfortegnelsen nævner '{entry.titel}', men intet punkt har den titel")
    if any(entry.nummer is not None for entry in entries) and all(p_.nummer is not None for p_ in merged):
        merged.sort(key=lambda punkt: punkt.nummer)
    return [replace(punkt, position=i) for i, punkt in enumerate(merged, start=1)], warnings


def fragment_warnings(hoved: list[Line]) -> list[str]:
    """Section or decision labels before the first punkt: the document starts in the middle of a punkt."""
    if any(section_kind(line.tekst) in FRAGMENT_KINDS for line in hoved if not line.blank):
        return ["dokumentet begynder midt i et punkt: teksten før det første punkt er gemt i hovedet"]
    return []


def punkt_warnings(punkter: list[Punkt], found: Segmentation) -> list[str]:
    """What the parser was unsure of, per punkt."""
    warnings = [FALLBACK_WARNINGS[form] for form in sorted(found.forms) if form in FALLBACK_WARNINGS]
    warnings += [WHOLE_TEXT_WARNING] if "hele_teksten" in found.forms else []
    warnings += [f"linjen '{text}' ligner en punktoverskrift, men nummeret følger ikke rækkefølgen; "
                 "den er læst som tekst" for text in found.skipped]  # fmt: skip
    aabne = [punkt for punkt in punkter if not punkt.lukket]
    agenda = len(aabne) > 1 and all(punkt.beslutning is None for punkt in aabne)
    warnings += [AGENDA_WARNING] if agenda else []
    for punkt in aabne:
        name = punkt_name(punkt)
        if punkt.beslutning is None and not agenda:
            warnings.append(f"{name}: ingen beslutning fundet")
        elif punkt.udfald == p.DEFAULT_UDFALD:
            warnings.append(f"{name}: udfaldet kan ikke læses af beslutningen '{punkt.beslutning[:60]}'")
        if others := other_sagsnumre(punkt):
            warnings.append(f"{name}: flere sagsnumre ({', '.join(others)}); {punkt.sagsnummer.raw} er brugt")
    return warnings


def punkt_name(punkt: Punkt) -> str:
    """ "punkt 3 (Title)", or for a punkt without a printed number its place: "punkt nr. 2 i rækkefølgen"."""
    number = f"punkt {punkt.nummer}" if punkt.nummer is not None else f"punkt nr. {punkt.position} i rækkefølgen"
    return f"{number} ({punkt.titel})" if punkt.titel else number


def other_sagsnumre(punkt: Punkt) -> list[str]:
    """Labelled case-number lines in the sections that name another case than the punkt's own."""
    own = punkt.sagsnummer.noegle if punkt.sagsnummer else None
    lines = (line for afsnit in punkt.afsnit for line in afsnit.tekst.split("\n"))
    found = (parse_sagsnummer(line, labelled_only=True) for line in lines)
    return sorted({sag.raw for sag in found if sag is not None and own is not None and sag.noegle != own})


def pages_spanned(lines: list[Line], sider: tuple[int, ...]) -> tuple[int, ...]:
    """1-based page numbers from the punkt's first to its last non-blank line."""
    filled = [line for line in lines if not line.blank]
    if not sider or not filled:
        return ()
    first = bisect.bisect_right(sider, filled[0].offset)
    last = bisect.bisect_right(sider, filled[-1].offset)
    return tuple(range(first, last + 1))
