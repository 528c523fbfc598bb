"""Small pure readers for the fields inside a referat: header, sagsnummer, indstilling, udfald, bilag."""

from __future__ import annotations

import re

from ..models import Afsnit, Deltager, Sagsnummer
from . import patterns as p

TWO_DIGIT_YEAR_PIVOT = 70  # "-23" is 2023, "-85" is 1985: KLE journal numbers began in the 1970s


def parse_header(lines: list[str]) -> dict:
    """Meeting fields from the header lines: forum, dato, starttid, sted, deltagere."""
    fields = {"forum": None, "dato": None, "starttid": None, "sted": None, "deltagere": ()}
    for raw in lines:
        line = raw.strip()
        if title := p.TITLE_LINE.match(line):
            fields["forum"] = fields["forum"] or title["forum"].strip()
            fields["dato"] = fields["dato"] or parse_date(title["dato"])
        elif field := p.HEADER_FIELD.match(line):
            fill_header_field(fields, p.HEADER_FIELDS[field["label"]], field["value"].strip())
    return fields


def fill_header_field(fields: dict, name: str, value: str) -> None:
    """Store one labelled header value; a dato line may also carry the start time."""
    if name == "dato":
        fields["dato"] = parse_date(value) or fields["dato"]
        if clock := p.CLOCK.search(value):
            fields["starttid"] = f"{int(clock['h']):02d}:{clock['min']}"
    elif name == "deltagere":
        fields["deltagere"] = parse_deltagere(value)
    else:
        fields[name] = value


def parse_date(text: str) -> str | None:
    """The first full date in a text, as ISO: "Onsdag d. 29. januar 2025" → "2025-01-29"."""
    if match := p.WORD_DATE.search(text):
        day, month, year = int(match["d"]), p.MONTHS[match["m"].lower()], int(match["y"])
    elif match := p.NUMERIC_DATE.search(text):
        day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def split_outside_parentheses(text: str, separator: str = ",") -> list[str]:
    """Split on a separator that is not inside parentheses."""
    parts, depth, current = [], 0, []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def parse_deltagere(text: str) -> tuple[Deltager, ...]:
    """ "Henrik Harder (Kommunaldirektør), Kristine Klæbel (Direktør By, Kultur & …)" → Deltagere."""
    deltagere = []
    for part in split_outside_parentheses(text):
        match = p.DELTAGER.match(part)
        if match:
            rolle = match["rolle"].strip() if match["rolle"] else None
            deltagere.append(Deltager(navn=match["navn"].strip(), rolle=rolle))
    return tuple(deltagere)


def parse_sagsnummer(text: str) -> Sagsnummer | None:
    """A case-number line in any known scheme, decoded; None when the line is something else."""
    for skema, pattern in p.SAGSNUMMER_SCHEMES:
        if match := pattern.match(text):
            return decode_sagsnummer(skema, text, match)
    return None


def decode_sagsnummer(skema: str, raw: str, match: re.Match) -> Sagsnummer:
    """Split a matched case number into its parts; the key is the number without label or spaces."""
    parts = match.groupdict()
    noegle = raw[match.start(1) if skema != "kle" else match.start("emne") :].strip()
    if skema == "kommunekode_aar_loebenr":
        noegle = f"{parts['kommune']}-{parts['aar']}-{parts['loebenr']}"
    return Sagsnummer(
        raw=raw,
        noegle=noegle.upper(),
        skema=skema,
        emne=parts.get("emne"),
        handlingsfacet=parts.get("facet"),
        loebenummer=int(parts["loebenr"]) if parts.get("loebenr") else None,
        aar=full_year(parts.get("aar")),
    )


def full_year(text: str | None) -> int | None:
    """ "23" → 2023, "85" → 1985, "2024" → 2024."""
    if not text:
        return None
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= TWO_DIGIT_YEAR_PIVOT else 2000
    return year


def parse_indstilling(text: str) -> tuple[str | None, tuple[str, ...]]:
    """Who recommends ("Kommunaldirektøren indstiller,") and the "at …" points."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    indstiller = next((m["indstiller"] for line in lines if (m := p.INDSTILLER.match(line))), None)
    points = tuple(m["tekst"].strip() for line in lines if (m := p.INDSTILLING_POINT.match(line)))
    return indstiller, points


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
    return (
        first_match(p.UDFALD, beslutning)
        or first_match(p.IMPLIED_UDFALD, " ".join(indstillinger))
        or p.DEFAULT_UDFALD
    )


def first_match(rules: list[tuple[re.Pattern, str]], text: str) -> str | None:
    return next((value for pattern, value in rules if pattern.search(text)), None)


def parse_bilag(text: str) -> tuple[str, ...]:
    """One attachment per non-blank line under Bilag."""
    return tuple(line.strip() for line in text.split("\n") if line.strip())
