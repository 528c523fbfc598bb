"""A FirstAgenda JSON and the text rendering of the same meeting give the same punkter and deadlines.

The JSON goes through the export reader; our own rendering of it (tests/firstagenda_text.py, made as
the printed form is described) goes through the text parser; NLP runs on both.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from firstagenda_text import render

from conftest import DATA
from referater.ingest.exports import export_to_referat
from referater.ingest.normalize import normalize_text
from referater.nlp import enrich
from referater.parsers import parse_referat

FIXTURE = DATA / "exports" / "firstagenda-moede.json"
# Where each punkt came from and why it was split there, and what the printed form does not show (bilag are
# not printed): not compared.
PROVENANCE = {"overskrift", "eksport_id", "sider", "bilag", "bilag_links", "grundlag"}
# The parser keeps only number and title of a closed punkt (by design: its text never reaches the index).
CLOSED_FIELDS = ("nummer", "titel", "type", "lukket")


def comparable(punkt) -> dict:
    row = asdict(punkt)
    if punkt.lukket:
        return {key: row[key] for key in CLOSED_FIELDS}
    return {key: value for key, value in row.items() if key not in PROVENANCE}


def test_json_and_its_text_rendering_give_the_same_punkter_and_frister():
    data = FIXTURE.read_bytes()
    from_json = enrich(export_to_referat(data))
    from_text = enrich(parse_referat(normalize_text(render(json.loads(data)))))
    meeting = lambda r: (r.forum, r.dato, r.starttid, r.sted)  # noqa: E731
    assert meeting(from_text) == meeting(from_json)
    assert [comparable(p) for p in from_text.punkter] == [comparable(p) for p in from_json.punkter]
    assert sum(len(p.frister) for p in from_json.punkter) == 2  # the comparison covers deadlines, not only empty lists
