"""Text of one referat → Referat, by a small grammar over the forms declared in ``patterns``.

clean lines → table of contents and punkt headings (``segment``) → header (``header``) → per punkt:
case number, sections, indstilling, the deciding body's decision and the trail (``sections``).
Pure: no I/O. Every non-blank line lands in one place — header, TOC, a punkt heading, a case-number
line, a section, or the removed noise — and whatever the parser is unsure of becomes a warning.
"""

from __future__ import annotations

import bisect
from collections import Counter

from rapidfuzz import fuzz

from ..dates import date_in_name
from ..errors import NoPunkterError
from ..models import Afsnit, Punkt, Referat, Sagsnummer, Tekst
from . import patterns as p
from .clean import Line, clean_lines
from .fields import parse_bilag, parse_indstilling, parse_punkt_type, parse_sagsnummer, parse_tidsramme, parse_udfald
from .header import impossible_dates, parse_header
from .sections import (
    UNTITLED_SECTION,
    decision_labels,
    find_decision,
    recommendation_lines,
    section_text,
    split_sections,
)
from .segment import Heading, Segmentation, TocEntry, section_kind, segment
from .toc_pages import check_toc_pages

PARSER_VERSION = "3"  # raise it when parse or NLP output changes: `referater reparse` redoes older referater
TOC_MATCH_CUTOFF = 90  # rapidfuzz partial ratio; TOC titles may be cut short or wrapped
FALLBACK_WARNINGS = {
    "sagsnummer": "ingen punktoverskrifter: punkterne er delt ved sagsnumrene, og titlen er linjen lige efter "
    "eller før sagsnummeret",
    "sektioner": "ingen punktoverskrifter eller sagsnumre: punkterne er delt hvor afsnittene begynder forfra, "
    "og titlen er linjen før",
}
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
    """Parse the text of one referat; raise NoPunkterError when no punkt can be found."""
    lines, noise = clean_lines(text)
    found = segment(lines)
    if not found.headings:
        raise NoPunkterError("no punkter found (no line like 'Punkt 1: Titel'): is this a referat?")
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
    return [line for line in lines[heading.body : end] if not line.blank]


def parse_punkt(lines: list[Line], heading: Heading, end: int, meeting: dict, sider: tuple[int, ...],
                position: int) -> Punkt:
    """One punkt: heading, case number, sections, indstilling, decision and trail."""
    nummer = heading.nummer if heading.nummer is not None else position  # documents without numbers
    overskrift = "\n".join(heading.overskrift)
    body = body_lines(lines, heading, end)
    if heading.lukket:
        return closed_punkt(lines, heading, body, nummer)
    sagsnummer, body = find_sagsnummer(lines_before_heading(lines, heading) + body, heading)
    sections = split_sections(lines, body)
    afsnit = tuple(Afsnit(s.navn, s.tekst) for s in sections)
    recommendation = "\n".join(line.tekst for line in recommendation_lines(sections, meeting["forum"]))
    indstiller, indstillinger = parse_indstilling(recommendation)
    decision = find_decision(sections, meeting["forum"], meeting["dato"])
    udfald_text = decision.delbeslutninger[0].tekst if decision.delbeslutninger else decision.tekst
    return Punkt(
        nummer=nummer, titel=heading.titel, type=parse_punkt_type(heading.titel), sagsnummer=sagsnummer,
        indstiller=indstiller, indstillinger=indstillinger, tidsramme_min=parse_tidsramme(afsnit),
        afsnit=afsnit, beslutning=decision.tekst, udfald=parse_udfald(udfald_text, indstillinger),
        bilag=parse_bilag(section_text(sections, {p.ATTACHMENT_SECTION})), overskrift=overskrift,
        sider=pages_spanned(lines[heading.start : end], sider), behandling=decision.behandling,
        delbeslutninger=decision.delbeslutninger,
    )  # fmt: skip


def closed_punkt(lines: list[Line], heading: Heading, body: list[Line], nummer: int) -> Punkt:
    """Only the title of a closed punkt is known; what is printed under it is kept as text, not read."""
    afsnit = tuple(Afsnit(s.navn, s.tekst) for s in split_sections(lines, body))
    return Punkt(nummer=nummer, titel=heading.titel, type=parse_punkt_type(heading.titel), afsnit=afsnit,
                 overskrift="\n".join(heading.overskrift), lukket=True)  # fmt: skip


def lines_before_heading(lines: list[Line], heading: Heading) -> list[Line]:
    """A case number printed above the heading (the punkt starts there)."""
    span = lines[heading.start : heading.body]
    return [line for line in span if not line.blank and line.tekst.strip() not in heading.overskrift]


def find_sagsnummer(body: list[Line], heading: Heading) -> tuple[Sagsnummer | None, list[Line]]:
    """The punkt's case number: a labelled line anywhere, or a bare number next to the heading."""
    window = sum(1 for line in body if line.nummer < heading.body) + p.UNLABELLED_SAGSNUMMER_WINDOW
    for i, line in enumerate(body):
        sag = parse_sagsnummer(line.tekst, labelled_only=i >= window)
        if sag is not None:
            return sag, body[:i] + body[i + 1 :]
    return None, body


def merge_toc(punkter: list[Punkt], entries: tuple[TocEntry, ...]) -> tuple[list[Punkt], list[str]]:
    """Closed punkter known only from the TOC join the list; other TOC entries without a punkt are warned about."""
    numbers = {punkt.nummer for punkt in punkter}
    warnings, merged = [], list(punkter)
    for entry in entries:
        if entry.nummer is not None and entry.nummer in numbers:
            continue
        if entry.nummer is not None and entry.lukket:
            merged.append(Punkt(nummer=entry.nummer, titel=entry.titel, type=parse_punkt_type(entry.titel),
                                overskrift=entry.tekst, lukket=True))  # fmt: skip
        elif not any(fuzz.partial_ratio(entry.titel, punkt.titel) >= TOC_MATCH_CUTOFF for punkt in punkter):
            warnings.append(f"indholdsfortegnelsen nævner '{entry.titel}', men intet punkt har den titel")
    if any(entry.nummer is not None for entry in entries) and all(p_.nummer for p_ in merged):
        merged.sort(key=lambda punkt: punkt.nummer)
    return merged, warnings


def fragment_warnings(hoved: list[Line]) -> list[str]:
    """Section or decision labels before the first punkt: the document starts in the middle of a punkt."""
    if any(section_kind(line.tekst) in FRAGMENT_KINDS for line in hoved if not line.blank):
        return ["dokumentet begynder midt i et punkt: teksten før det første punkt er gemt i hovedet"]
    return []


def punkt_warnings(punkter: list[Punkt], found: Segmentation) -> list[str]:
    """What the parser was unsure of, per punkt."""
    warnings = [FALLBACK_WARNINGS[found.how]] if found.how in FALLBACK_WARNINGS else []
    warnings += [f"linjen '{text}' ligner en punktoverskrift, men nummeret følger ikke rækkefølgen; "
                 "den er læst som tekst" for text in found.skipped]  # fmt: skip
    for punkt in (punkt for punkt in punkter if not punkt.lukket):
        name = f"punkt {punkt.nummer} ({punkt.titel})"
        if punkt.beslutning is None:
            warnings.append(f"{name}: ingen beslutning fundet")
        elif punkt.udfald == p.DEFAULT_UDFALD:
            warnings.append(f"{name}: udfaldet kan ikke læses af beslutningen '{punkt.beslutning[:60]}'")
        if others := other_sagsnumre(punkt):
            warnings.append(f"{name}: flere sagsnumre ({', '.join(others)}); {punkt.sagsnummer.raw} er brugt")
    return warnings


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
