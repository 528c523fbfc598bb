"""Small pure readers for the fields inside a punkt: sagsnummer, indstilling, type, udfald, bilag."""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Afsnit, Sagsnummer
from . import patterns as p



@lru_cache(maxsize=8192)  # a line is asked about several times; the answer is an immutable value
def parse_sagsnummer(line: str, labelled_only: bool = False) -> Sagsnummer | None:
    """A whole line that is a case number ("Sagsnr.: 24/18842", "00.01.00-P35-7-23"), decoded; else None."""
    text = p.TABLE_CELL_BORDER.sub(" ", line).strip() if "|" in line else line.strip()  # "Sagsnr. | 19/1234 |"
    if match := p.SAGSNUMMER_LABEL.match(text) or p.INITIALS_SAGSNUMMER.match(text):
        return decode_sagsnummer(match["nummer"].rstrip(".,;"))
    if labelled_only:
        return None
    found = decode_sagsnummer(text)
    return found if found is not None and found.skema in p.UNLABELLED_SCHEMES else None


def decode_sagsnummer(raw: str) -> Sagsnummer | None:
    """Split a bare case number into its parts and give it a normalised key; None if no scheme fits."""
    for skema, pattern in p.SAGSNUMMER_SCHEMES:
        if match := pattern.match(raw):
            parts = match.groupdict()
            return Sagsnummer(
                raw=raw,
                noegle=sagsnummer_key(skema, raw, parts),
                skema=skema,
                emne=parts.get("emne"),
                handlingsfacet=parts.get("facet"),
                loebenummer=int(parts["loebenr"]) if parts.get("loebenr") else None,
                aar=full_year(parts.get("aar")),
            )
    return None


def sagsnummer_key(skema: str, raw: str, parts: dict) -> str:
    """The key that is the same however the number was printed: "791-2025-0012" → "791-2025-12"."""
    loebenr = int(parts["loebenr"]) if parts.get("loebenr") else None
    if skema == "kle":
        year = f"-{parts['aar']}" if parts.get("aar") else ""
        return f"{parts['emne']}-{parts['facet']}-{loebenr}{year}"
    if skema == "kommunekode_aar_loebenr":
        return f"{parts['kommune']}-{parts['aar']}-{loebenr}"
    if skema in {"aar_loebenr", "loebenr_aar"}:
        return f"{full_year(parts['aar'])}/{loebenr}"
    if skema == "heltal":
        return str(loebenr)
    return raw.upper()


def normalise_sagsnummer(text: str) -> str:
    """The key a user's typed case number is looked up by; unknown forms are upper-cased as typed."""
    found = parse_sagsnummer(text) or decode_sagsnummer(text.strip())
    return found.noegle if found else text.strip().upper()


def full_year(text: str | None) -> int | None:
    """ "23" → 2023, "85" → 1985, "2024" → 2024."""
    if not text:
        return None
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= p.TWO_DIGIT_YEAR_PIVOT else 2000
    return year


def parse_indstilling(text: str) -> tuple[str | None, tuple[str, ...]]:
    """Who recommends ("Kommunaldirektøren indstiller,") and the "at …" points.

    One sentence "X indstiller, at …" is one point; a text without points or that phrase is one point.
    """
    lines = [p.TABLE_CELL_BORDER.sub(" ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    indstiller = next((m["indstiller"] for line in lines if (m := p.INDSTILLER.match(line))), None)
    points = tuple(m["tekst"].strip() for line in lines if (m := p.INDSTILLING_POINT.match(line)))
    if points or not lines:
        return indstiller, points
    if p.ENDS_WITH_AT.search(lines[0]) and (numbered := numbered_points(lines[1:])):
        return indstiller, numbered  # "X indstiller, at" / "1. Byrådet optager …"
    whole = " ".join(first_sentence_lines(lines))
    if sentence := p.INDSTILLING_SENTENCE.search(whole):
        text = p.RECOMMENDATION_ROUTING.sub("", sentence["tekst"].strip())
        return indstiller, tuple(point.strip() for point in p.NEXT_POINT.split(text))
    return indstiller, (whole,)


def first_sentence_lines(lines: list[str]) -> list[str]:
    """From the "X indstiller, at …" line to the line that ends its sentence; what follows ("Økonomiudvalget
    anbefaler indstillingen.") is another body's word, not a point."""
    start = next((i for i, line in enumerate(lines) if p.INDSTILLING_SENTENCE.search(line)), None)
    if start is None:
        return lines
    end = next((i for i in range(start, len(lines)) if lines[i].endswith((".", "!", "?"))), len(lines) - 1)
    return lines[start : end + 1]


def numbered_points(lines: list[str]) -> tuple[str, ...]:
    """The points of a numbered list ("1. Byrådet optager et lån …"), numbers removed."""
    return tuple(m["tekst"].strip() for line in lines if (m := p.NUMBERED_POINT.match(line)))


def parse_tidsramme(afsnit: tuple[Afsnit, ...]) -> int | None:
    """Minutes set aside, from a "(20 min.)" line in any section."""
    for section in afsnit:
        for line in section.tekst.split("\n"):
            if match := p.TIDSRAMME.match(line.strip()):
                return int(match["min"])
    return None


def parse_punkt_type(titel: str) -> str:
    """Type from the title's opening words ("Beslutning om …" → "beslutning")."""
    return first_match(p.PUNKT_TYPES, titel) or p.DEFAULT_PUNKT_TYPE


def parse_udfald(beslutning: str | None, indstillinger: tuple[str, ...] = ()) -> str | None:
    """Outcome from the decision wording, else the one its recommendations imply; None without a decision."""
    if not beslutning:
        return None
    beslutning = p.LEADING_ATTENDANCE.sub("", beslutning) or beslutning  # "X var fraværende. Godkendt."
    return (
        first_match(p.UDFALD, beslutning)
        or first_match(p.IMPLIED_UDFALD, " ".join(indstillinger))
        or p.DEFAULT_UDFALD
    )


def first_match(rules: list[tuple[re.Pattern, str]], text: str) -> str | None:
    return next((value for pattern, value in rules if pattern.search(text)), None)


def parse_bilag(text: str) -> tuple[str, ...]:
    """One attachment per non-blank line under Bilag ("Ingen bilag" is none)."""
    return tuple(line.strip() for line in text.split("\n") if line.strip() and line.strip().lower() not in p.NO_ATTACHMENTS)
