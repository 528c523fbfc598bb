"""The no-text-lost contract, shared by the layout tests and the property tests."""

from __future__ import annotations

from collections import Counter

from referater.parsers.clean import clean_lines
from referater.parsers.patterns import SAGSNUMMER_LABEL_ALONE


def afsnit_lines(afsnit, source: set[str]) -> list[str]:
    """The printed lines of a section; "Beslutning: Godkendt." was one line with the label inline."""
    texts = afsnit.tekst.split("\n")
    if f"{afsnit.navn} {texts[0]}" in source:
        return [f"{afsnit.navn} {texts[0]}"] + texts[1:]
    return ([afsnit.navn] if afsnit.navn != "(uden overskrift)" else []) + texts


def assert_no_line_lost(text: str, referat) -> None:
    """Every cleaned non-blank line lands in one place: header, TOC, heading, case-number line, section or noise."""
    lines, noise = clean_lines(text)
    source = [line.tekst.strip() for line in lines if not line.blank]
    placed = list(referat.hoved) + list(referat.indholdsfortegnelse)
    for punkt in referat.punkter:
        from_toc = punkt.lukket and punkt.overskrift in referat.indholdsfortegnelse
        placed += [] if from_toc else punkt.overskrift.split("\n")
        for afsnit in punkt.afsnit:
            placed += afsnit_lines(afsnit, set(source))
    raws = [punkt.sagsnummer.raw for punkt in referat.punkter if punkt.sagsnummer]
    placed = Counter(line.strip() for line in placed if line.strip())
    leftover = Counter(source) - placed
    labels = [line for line in leftover.elements() if SAGSNUMMER_LABEL_ALONE.match(line)]
    assert placed - Counter(source) == Counter()  # nothing placed that the text does not hold
    # what is left is one case-number line per punkt, and the label line where the number stands under it
    assert len(list(leftover.elements())) - len(labels) == len(raws)
    assert all(any(raw in line for raw in raws) for line in leftover if line not in labels)
    assert set(noise) <= set(referat.stoej)
