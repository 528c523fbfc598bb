"""The meeting header in any of its forms → forum, dato, starttid, sted and deltagere."""

from __future__ import annotations

from ..dates import iso_date
from ..models import Deltager
from . import patterns as p


PEOPLE_FIELDS = {"deltagere", "fravaerende", "personale", "stedfortraeder", "referent"}


def parse_header(lines: list[str]) -> dict:
    """Meeting fields from the header lines; fields a line does not give stay None."""
    fields = {"forum": None, "dato": None, "starttid": None, "sted": None, "deltagere": ()}
    people: list[Deltager] = []
    lines = joined_title(lines)
    for label, value in labelled_values(lines):
        if label is None:
            read_free_line(fields, value)
        else:
            fill_field(fields, people, p.HEADER_FIELDS[label], value)
    fields["deltagere"] = tuple(people)
    return fields


def joined_title(lines: list[str]) -> list[str]:
    """ "Referat" / "til" / "mødet i Byrådet" / "den 9. april 2018 kl. 16:30": one title sentence printed over lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled or not p.DOCUMENT_KIND_ALONE.match(lines[filled[0]].strip()):
        return lines
    block = filled[: next((k for k in range(1, len(filled)) if filled[k] != filled[k - 1] + 1), len(filled))]
    sentence = " ".join(lines[i].strip() for i in block)
    if len(block) < 2 or not any(pattern.match(sentence) for pattern in p.TITLE_LINES):
        return lines
    return [sentence] + lines[block[-1] + 1 :]


def labelled_values(lines: list[str]) -> list[tuple[str | None, str]]:
    """(label, value) pairs; a label alone on its line ("UDVALG", "Medlemmer:") takes the lines under it."""
    pairs: list[tuple[str | None, str]] = []
    block: str | None = None
    filled = False  # whether the block has a value yet: blank lines between a label and its values are kept
    gap = False  # blank lines since the label: only a list of people ("Anne Lund, V") continues the block
    for raw in lines:
        line = p.TABLE_PIPES.sub("", raw).strip()  # "Udvalg: |" / "---|---|": a flattened table
        if not line:
            block, gap = (block, True) if not filled else (None, False)
            continue
        if gap and block is not None and p.HEADER_FIELDS[block] in PEOPLE_FIELDS and not any(mark in line for mark in ",("):
            block = None
        filled, gap = True, False
        match = p.HEADER_FIELD.match(line)
        if match and canonical_label(match["label"]):
            label, value = canonical_label(match["label"]), match["value"].strip()
            block, filled = (label if not value else None), bool(value)
            if value:
                pairs.append((label, value))
        elif block is not None and line.endswith(":"):  # "Bemærkninger:": another (unknown) label ends the block
            block = None
            pairs.append((None, line))
        elif block is not None:
            pairs.append((block, line))
        else:
            pairs.append((None, line))
    return pairs


def canonical_label(label: str) -> str | None:
    """ "UDVALG" → "Udvalg": capitalised label blocks mean the same as the mixed-case labels."""
    return next((known for known in p.HEADER_FIELDS if known.lower() == label.lower()), None)


def read_free_line(fields: dict, line: str) -> None:
    """An unlabelled header line: a title sentence, a lone body name, or a lone date."""
    for pattern in p.TITLE_LINES:
        if match := pattern.match(line):
            parts = match.groupdict()
            if parts.get("forum"):
                fields["forum"] = fields["forum"] or parts["forum"].strip()
            if parts.get("sted"):
                fields["sted"] = fields["sted"] or parts["sted"].strip()
            if parts.get("dato"):
                read_date_and_time(fields, parts["dato"])
            return
    if body := p.BODY_NAME.match(line):
        fields["forum"] = fields["forum"] or body["forum"]
    elif fields["dato"] is None and parse_date(line):
        read_date_and_time(fields, line)


def fill_field(fields: dict, people: list[Deltager], name: str, value: str) -> None:
    """Store one labelled header value."""
    if name == "dato":
        read_date_and_time(fields, value)
    elif name == "starttid":
        fields["starttid"] = fields["starttid"] or parse_time(value)
    elif name in {"forum", "sted"}:
        fields[name] = fields[name] or value
    elif name in {"deltagere", "personale"}:
        people.extend(parse_deltagere(value))
    elif name == "referent":
        people.extend(Deltager(navn=d.navn, rolle=d.rolle or "referent", parti=d.parti) for d in parse_deltagere(value))
    elif name == "fravaerende":
        mark_absent(people, parse_deltagere(value))
    elif name == "stedfortraeder":
        people.extend(parse_substitute(value))


def read_date_and_time(fields: dict, text: str) -> None:
    fields["dato"] = fields["dato"] or parse_date(text)
    fields["starttid"] = fields["starttid"] or parse_time(text)


def parse_date(text: str) -> str | None:
    """The first full date in a text, as ISO: "Onsdag d. 29. januar 2025" → "2025-01-29"; None for no calendar day."""
    match = p.WORD_DATE.search(text) or p.NUMERIC_DATE.search(text)
    return iso_date(*date_numbers(match)) if match else None


def date_numbers(match) -> tuple[int, int, int]:
    """(year, month, day) of a WORD_DATE or NUMERIC_DATE match."""
    month = match["m"]
    return int(match["y"]), int(month) if month.isdigit() else p.MONTHS[month.lower()], int(match["d"])


def impossible_dates(lines: list[str]) -> list[str]:
    """Dates as printed that name no calendar day ("31. september 2025", "29-02-2025"): typos to warn about."""
    found = (match for line in lines for pattern in (p.WORD_DATE, p.NUMERIC_DATE) for match in pattern.finditer(line))
    return [match[0] for match in found if iso_date(*date_numbers(match)) is None]


def parse_time(text: str) -> str | None:
    """ "kl. 8.30" → "08:30"; "24-09-2025 16:00:00" → "16:00"; the first time of a range."""
    match = p.CLOCK.search(text) or p.BARE_CLOCK.search(p.NUMERIC_DATE.sub(" ", text))
    return f"{int(match['h']):02d}:{match['min']}" if match else None


def parse_deltagere(text: str) -> list[Deltager]:
    """ "Anne Holm (A), formand, Bo Rask (V)" → Deltagere; a lone role word belongs to the name before it."""
    people: list[Deltager] = []
    for part in split_outside_parentheses(text):
        if part.lower().rstrip(".") in p.NOBODY:
            continue
        if people and part in p.PARTIES and people[-1].parti is None:  # "Anne Lund, V"
            last = people[-1]
            people[-1] = Deltager(last.navn, last.rolle, part, last.fravaerende)
        elif people and p.ROLE_AFTER_COMMA.match(part) and "(" not in part:
            last = people[-1]
            people[-1] = Deltager(last.navn, join_roles(last.rolle, part), last.parti, last.fravaerende)
        elif person := parse_person(part):
            people.append(person)
    return people


def parse_person(text: str) -> Deltager | None:
    """ "Borgmester Jette Lund (A)", "Lis Fjord (byrådsmedlem, V)", "Maja Friis (A) (formand)"."""
    pieces = [piece.strip() for inner in p.PARENTHESES.findall(text) for piece in inner.split(",")]
    parti = next((piece for piece in pieces if piece in p.PARTIES), None)
    rolle = ", ".join(piece for piece in pieces if piece and piece not in p.PARTIES) or None
    navn = " ".join(p.PARENTHESES.sub(" ", text).split())
    if match := p.ROLE_BEFORE_NAME.match(navn):
        navn, rolle = match["navn"], join_roles(match["rolle"], rolle)
    return Deltager(navn=navn, rolle=rolle, parti=parti) if navn else None


def join_roles(first: str | None, second: str | None) -> str | None:
    return ", ".join(role for role in (first, second) if role) or None


def parse_substitute(text: str) -> list[Deltager]:
    """ "Kasper Riis (V) for Ole Berg" → Kasper Riis, stedfortræder for Ole Berg."""
    match = p.SUBSTITUTE.match(text)
    if not match:
        return parse_deltagere(text)
    person = parse_person(match["navn"])
    return [Deltager(person.navn, f"stedfortræder for {match['for'].strip()}", person.parti)] if person else []


def mark_absent(people: list[Deltager], absent: list[Deltager]) -> None:
    """Members listed as absent are marked; absentees not in the member list are added."""
    for person in absent:
        index = next((i for i, known in enumerate(people) if known.navn == person.navn), None)
        if index is None:
            people.append(Deltager(person.navn, person.rolle, person.parti, fravaerende=True))
        else:
            known = people[index]
            people[index] = Deltager(known.navn, known.rolle, known.parti, fravaerende=True)


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
