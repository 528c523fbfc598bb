"""Mutations of real referater: lines deleted, duplicated, swapped, cut, and junk lines inserted.

``mutate(lines, pick)`` takes its choices from ``pick(n)`` (an int in ``range(n)``), so the same
mutations run from a seeded ``random.Random`` (``make fuzz``) and from hypothesis (``tests/test_fuzz.py``).
Junk lines are templates whose fields (day, month, year, number) are filled from FIELDS: impossible
dates, numbers too large for the database, headings and labels in the wrong place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

Pick = Callable[[int], int]

MAX_MUTATIONS = 12
# What fills a template's fields: days, months and years that are often impossible together, and numbers
# from plausible to far beyond any agenda (an SQLite INTEGER holds 19 digits).
FIELDS = {
    "d": ["0", "1", "12", "24", "28", "29", "30", "31", "32", "99"],
    "m": ["0", "1", "2", "4", "9", "12", "13", "99"],
    "y": ["0000", "1799", "1800", "2024", "2025", "2999", "9999"],
    "n": ["0", "1", "7", "12", "53", "54", "999", "1000000", "9223372036854775808", "99999999999999999999"],
}
JUNK = [
    "REFERAT Chefforum d. {d}-{m}-{y}", "Mødedato {d}. september {y} kl. {n}.{n}", "Mødedato: {d}-{m}-{y}",
    "Dato: {d}. februar {y}", "Onsdag d. 31. september 2025", "Mødedato Onsdag d. {d}. {m}. {y} kl. 9.00",
    "Beslutning i Chefforum den {d}-{m}-{y}:", "Beslutning i Økonomiudvalget den {d}. februar {y}",
    "Økonomiudvalget, {d}. februar {y}, pkt. {n}: Indstilles godkendt.", "Chefforum, {d}-{m}-{y}, pkt. {n}:",
    "senest den {d}. september", "inden den {d}/{m}", "frist {d}/{m}-{y}", "i uge {n}", "uge {n}-{n} {y}",
    "i løbet af uge {n} {y}", "{n}. kvartal {y}", "{n}. halvår {y}", "inden for {n} måneder", "inden for {n} dage",
    "medio {y}", "ultimo {y}", "næste år", "i {y}", "udgangen af februar {y}", "vinteren {y}", "primo {y}",
    "Punkt {n}: Godkendelse af {n}", "Punkt {n}:", "Pkt. {n}", "{n}. Orientering om {n}", "Åbent punkt {n}",
    "Lukket punkt {n}: Personale", "Sagsnr.: {d}.{d}.{d}-A{d}-{n}-{d}", "{d}.{d}.{d}-P{d}-{n}-{d}",
    "{n}-{y}-{n}", "{d}/{n}", "Sag nr. {n}", "(Tidsramme {n} min.)", "({n} min.)", "kl. {n}.{n}-{n}.{n}",
    "Side {n} af {n}", "Godkendelse.....\t{n}", "Lukket {n} Personale", "Ad {n}: Godkendt.", "At {n}: Udsat",
    "1. at {n}", "Indholdsfortegnelse", "Indstilling", "Beslutning", "Beslutning:", "Bilag", "Bilag {n}: {n}",
    "Fraværende:", "Afbud: (A), (), ,", "Mødedeltagere ( , ) (", "Stedfortræder: for", "Referent:", "UDVALG",
    "STARTTIDSPUNKT {d}-{m}-{y} {n}:{n}:{n}", "Indstilles godkendt.", "Kommunaldirektøren indstiller, at", "- ",
    "•", "\t", "  ", ".....", "(", ")", ":", "ÆØÅ æøå", "\u00ad", "\ufeff", "\u00a0", "ﬁﬂ", "–", "https://", "a" * 300,
]  # fmt: skip
FIELD = re.compile(r"\{([dmyn])\}")


def junk_line(pick: Pick) -> str:
    """A junk template with each field filled from FIELDS."""
    return FIELD.sub(lambda field: choice(FIELDS[field[1]], pick), choice(JUNK, pick))


def choice(items: Sequence[str], pick: Pick) -> str:
    return items[pick(len(items))]


def delete(lines: list[str], pick: Pick, others: Sequence[str]) -> None:
    del lines[pick(len(lines))]


def delete_block(lines: list[str], pick: Pick, others: Sequence[str]) -> None:
    start = pick(len(lines))
    del lines[start : start + 1 + pick(20)]


def duplicate(lines: list[str], pick: Pick, others: Sequence[str]) -> None:
    i = pick(len(lines))
    lines.insert(i, lines[i])


def swap(lines: list[str], pick: Pick, others: Sequence[str]) -> None:
    i, j = pick(len(lines)), pick(len(lines))
    lines[i], lines[j] = lines[j], lines[i]


def swap_neighbours(lines: list[str], pick: Pick, others: Sequence[str]) -> None:
    i = pick(len(lines))
    if i + 1 < len(lines):
        lines[i], lines[i + 1] = lines[i + 1], lines[i]


def insert_junk(lines: list[str], pick: Pick, others: Sequence[str]) -> None:
    lines.insert(pick(len(lines) + 1), junk_line(pick))


def insert_other(lines: list[str], pick: Pick, others: Sequence[str]) -> None:
    if others:
        lines.insert(pick(len(lines) + 1), others[pick(len(others))])


def cut(lines: list[str], pick: Pick, others: Sequence[str]) -> None:
    """Keep a window of the document, as a fragment or a truncated download."""
    start = pick(len(lines))
    del lines[start + 1 + pick(len(lines) - start) :]
    del lines[:start]


MUTATIONS = [delete, delete_block, duplicate, swap, swap_neighbours, insert_junk, insert_junk, insert_other, cut]


def mutate(lines: Sequence[str], pick: Pick, others: Sequence[str] = ()) -> list[str]:
    """A mutated copy of a document's lines: 1 to MAX_MUTATIONS mutations; ``others`` are lines to borrow."""
    lines = list(lines)
    for _ in range(1 + pick(MAX_MUTATIONS)):
        if not lines:
            lines.append(junk_line(pick))
        MUTATIONS[pick(len(MUTATIONS))](lines, pick, others)
    return lines
