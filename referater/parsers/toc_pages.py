"""Cross-check for printed referater: the page a TOC entry names must be the page its punkt starts on."""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz

from ..models import Punkt, Referat
from . import patterns as p

TITLE_MATCH_CUTOFF = 90  # rapidfuzz partial ratio, as the title cross-check uses


def check_toc_pages(referat: Referat) -> Referat:
    """The referat with a warning for every TOC entry whose page number is not where its punkt starts.

    Only PDFs know their pages, so text exports pass through unchanged."""
    if not any(punkt.sider for punkt in referat.punkter):
        return referat
    warnings = []
    for line in referat.indholdsfortegnelse:
        entry = p.TOC_ENTRY.match(line.strip())
        punkt = entry and best_punkt(entry["titel"].rstrip(". "), referat.punkter)
        if punkt and punkt.sider and punkt.sider[0] != int(entry["side"]):
            warnings.append(f"indholdsfortegnelsen angiver side {entry['side']} for punkt {punkt.nummer} "
                            f"'{punkt.titel}', men punktet begynder på side {punkt.sider[0]}")  # fmt: skip
    return replace(referat, advarsler=referat.advarsler + tuple(warnings)) if warnings else referat


def best_punkt(titel: str, punkter: tuple[Punkt, ...]) -> Punkt | None:
    """The punkt whose title the TOC title matches best, if it matches well enough."""
    scored = [(fuzz.partial_ratio(titel, punkt.titel), -i, punkt) for i, punkt in enumerate(punkter)]
    score, _, punkt = max(scored, default=(0, 0, None), key=lambda s: s[:2])
    return punkt if score >= TITLE_MATCH_CUTOFF else None
