"""Mutations of real referater: lines deleted, duplicated, swapped, cut, and junk lines inserted.

``mutate(lines, pick)`` takes its choices from ``pick(n)`` (an int in ``range(n)``), so the same
mutations run from a seeded ``random.Random`` (``make fuzz``) and from hypothesis (``tests/test_fuzz.py``).
Junk lines are templates whose ``{n}`` fields are filled with numbers from NUMBERS: impossible and
ambiguous dates, huge numbers, headings and labels in the wrong place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Pick = Callable[[int], int]

MAX_MUTATIONS = 12
NUMBERS = ["0", "1", "2", "12", "13", "24", "29", "30", "31", "32", "53", "54", "99", "00", "000",
           "1799", "1800", "2025", "2999", "9999", "99999999999999999999"]  # fmt: skip
JUNK = [
    "REFERAT Chefforum d. {n}-{n}-{n}", "Mødedato {n}. september {n} kl. {n}.{n}", "Mødedato: {n}-{n}-{n}",
    "Dato: {n}. februar {n}", "Onsdag d. 31. september 2025", "29-02-2025", "13-13-2025", "00-00-0000",
    "Beslutning i Chefforum den {n}-{n}-{n}:", "Beslutning i Økonomiudvalget den {n}. februar {n}",
    "Økonomiudvalget, {n}. februar {n}, pkt. {n}: Indstilles godkendt.", "Chefforum, {n}-{n}-{n}, pkt. {n}:",
    "senest den {n}. september", "inden den {n}/{n}", "frist {n}/{n}-{n}", "i uge {n}", "uge {n}-{n} {n}",
    "i løbet af uge {n} {n}", "{n}. kvartal {n}", "{n}. halvår {n}", "inden for {n} måneder", "inden for {n} dage",
    "medio {n}", "ultimo {n}", "næste år", "i {n}", "udgangen af februar {n}", "vinteren {n}",
    "Punkt {n}: Godkendelse af {n}", "Punkt {n}:", "Pkt. {n}", "{n}. Orientering om {n}", "Åbent punkt {n}",
    "Lukket punkt {n}: Personale", "Sagsnr.: {n}.{n}.{n}-A{n}-{n}-{n}", "{n}.{n}.{n}-P{n}-{n}-{n}",
    "Sag nr. {n}", "(Tidsramme {n} min.)", "kl. {n}.{n}-{n}.{n}", "Side {n} af {n}", "Godkendelse.....\t{n}",
    "Ad {n}: Godkendt.", "At {n}: Udsat", "1. at {n}", "Indholdsfortegnelse", "Indstilling", "Beslutning",
    "Beslutning:", "Bilag", "Bilag {n}: {n}", "Fraværende:", "Afbud: (A), (), ,", "Mødedeltagere ( , ) (",
    "Stedfortræder: for", "Referent:", "UDVALG", "STARTTIDSPUNKT {n}-{n}-{n} {n}:{n}:{n}", "Indstilles godkendt.",
    "Kommunaldirektøren indstiller, at", "- ", "•", "\t", "  ", ".....", "(", ")", ":", "ÆØÅ æøå", "\u00ad",
    "\ufeff", "\u00a0", "ﬁﬂ", "–", "https://", "a" * 300,
]  # fmt: skip


def junk_line(pick: Pick) -> str:
    """A junk template with each {n} filled from NUMBERS."""
    template = JUNK[pick(len(JUNK))]
    parts = template.split("{n}")
    return "".join(part + NUMBERS[pick(len(NUMBERS))] for part in parts[:-1]) + parts[-1]


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
