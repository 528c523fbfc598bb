"""Metamorphic tests: the five example referater rewritten the way other municipalities print the same thing.

Each rewriting changes only the printing (the heading's number form, page furniture, a numbered list in a
body, a case-number or decision label form); the punkter read must stay the same: number, title, case
number and decision.
"""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE_FILES

from referater.ingest import load_tekst
from referater.parsers import parse_referat

TEXTS = {path.name: load_tekst(path).tekst for path in EXAMPLE_FILES if path.suffix == ".txt"}
HEADING = re.compile(r"^Punkt (?P<n>\d+): (?P<t>.+)$", re.M)
CASE_LINE = re.compile(r"^(?P<kle>\d{2}\.\d{2}\.\d{2}-[A-Z]\d{2}-\d+-\d{2})$", re.M)
DECISION_LABEL = re.compile(r"^Beslutning$", re.M)
SECTION = re.compile(r"^(Sagsfremstilling|Baggrund)$", re.M)


def heading_form(form: str):
    return lambda text: HEADING.sub(lambda m: form.format(n=m["n"], t=m["t"]), text)


def before_headings(block: str):
    """A block inserted before every heading; {k} numbers the insertions (a page number)."""
    count = iter(range(2, 1000))
    return lambda text: HEADING.sub(lambda m: block.format(k=next(count)) + m.group(), text)


def body_list(text: str) -> str:
    """A numbered list under every Sagsfremstilling, its items different in each punkt."""
    count = iter(range(1, 1000))

    def listed(m: re.Match) -> str:
        k = next(count)
        items = [f"Etape {k}{letter} af projektet gennemføres i {month}" for letter, month in zip("abc", ["marts", "juni", "oktober"])]
        return m.group() + "\n\n" + "\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1)) + "\n"

    return SECTION.sub(listed, text)


REWRITINGS = {
    "N. Title": heading_form("{n}. {t}"),
    "N) Title": heading_form("{n}) {t}"),
    "Sag N: Title": heading_form("Sag {n}: {t}"),
    "Pkt. N Title": heading_form("Pkt. {n} {t}"),
    "Dagsordenspunkt N. Title": heading_form("Dagsordenspunkt {n}. {t}"),
    "Nr. N - Title": heading_form("Nr. {n} - {t}"),
    "(N) Title": heading_form("({n}) {t}"),
    "N. alone over the title": heading_form("{n}.\n\n{t}"),
    "Punkt N alone over the title": heading_form("Punkt {n}\n{t}"),
    "page number over the heading": before_headings("{k}\n\n"),
    "Side N over the heading": before_headings("Side {k}\n\n"),
    "- N - over the heading": before_headings("- {k} -\n\n"),
    "running page header": before_headings("Chefforum\nÅbent referat\n29-01-2025\nSide {k}\n\n"),
    "numbered list in a body": body_list,
    "case number labelled": lambda text: CASE_LINE.sub(r"Sagsnr.: \g<kle>", text),
    "case number under its label": lambda text: CASE_LINE.sub("Sagsnummer\n\\g<kle>", text),
    "case number with the system's name": lambda text: CASE_LINE.sub(r"ESDH sagsnr.: \g<kle>", text),
    "decision label naming the body": lambda text: DECISION_LABEL.sub("Chefforums beslutning", text),
}


def reading(text: str) -> list[tuple]:
    return [(p.nummer, p.titel, p.sagsnummer.raw if p.sagsnummer else None, " ".join((p.beslutning or "").split()))
            for p in parse_referat(text).punkter]  # fmt: skip


BASE = {name: reading(text) for name, text in TEXTS.items()}


@pytest.mark.parametrize("rewriting", REWRITINGS, ids=str)
def test_a_printing_of_other_municipalities_reads_the_same(rewriting):
    for name, text in TEXTS.items():
        changed = REWRITINGS[rewriting](text)
        assert changed != text, f"{rewriting} does not apply to {name}"
        assert reading(changed) == BASE[name], name
