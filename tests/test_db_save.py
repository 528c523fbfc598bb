"""Storing referater: whole rows, idempotent re-ingest, replacement, search with æøå, atomic failure."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES

from referater import db as store
from referater.parsers import PARSER_VERSION
from referater.pipeline import ingest_file, parse_file


@pytest.fixture
def db(tmp_path):
    return store.open_db(tmp_path / "test.db")


def dump(db) -> dict:
    """Every row of every table, for comparing whole databases."""
    return {name: list(db[name].rows) for name in store.TABLES}


def test_punkt_row_is_stored_whole(db):
    ingest_file(db, EXAMPLES / "chefforum-2025-01-29.txt")
    row = db["punkt"].get("chefforum-2025-01-29/3")
    afsnit = json.loads(row.pop("afsnit"))
    tekst = row.pop("tekst")
    assert row == {
        "id": "chefforum-2025-01-29/3", "referat_id": "chefforum-2025-01-29", "nummer": 3,
        "titel": "Orientering om sygefravær for 4. kvartal 2024", "type": "orientering",
        "sag_id": "81.28.00-P05-1-25", "sagsnummer": "81.28.00-P05-1-25", "forum": "Chefforum",
        "dato": "2025-01-29", "aar": 2025, "indstiller": "Kommunaldirektøren",
        "indstillinger": '["at Chefforum tager orienteringen om sygefravær for 4. kvartal 2024 til efterretning."]',
        "tidsramme_min": 10,
        "beslutning": (
            "Chefforum drøftede, at sygefraværet fortsat går den rigtige vej i Albertslund Kommune.\n"
            "Økonomi & Stab skal undersøge, hvordan skift af ekstern leverandør til at løse kommunale opgaver samt "
            "nedlagte arbejdspladser indgår i sygefraværsdata. Videre skal det tydeligt fremgå af sagsfremstillingen "
            "og bilag hvilken tidsperiode, der tæller med i sygefraværsdata.\n"
            "Der skal i forbindelse med tidsregistrering indføres en ny praksis, hvor der i tidsregistreringssystemet "
            "kan registreres delvis sygefravær. Økonomi & Stab vil orientere om denne praksis.\n"
            "Chefforum tog orienteringen til efterretning."
        ),
        "udfald": "taget_til_efterretning", "sider": "[]",
        # Facet columns for publishing: meeting month and the KLE levels of the sagsnummer.
        "maaned": "2025-01", "kle_hovedgruppe": "81", "kle_gruppe": "81.28", "kle_emne": "81.28.00",
        "handlingsfacet": "P05",
        "eksport_id": None,  # a text file has no agenda-export item id
        "kommune": "Albertslund Kommune",  # named in the referat's text, copied to each punkt for the facet
    }  # fmt: skip
    assert [a["navn"] for a in afsnit] == [
        "Indstilling", "Resumé", "Sagsfremstilling", "Status sygefravær 4. kvartal 2024", "Figur 1 - Udvikling i sygefraværs dagsværk pr. kvartal",
        "Langtidsfriske", "Sygefraværsindsats", "Beslutning", "Bilag",
    ]  # fmt: skip
    assert tekst.startswith("Indstilling\nKommunaldirektøren indstiller,\n1. at Chefforum tager orienteringen")
    assert list(db["bilag"].rows_where("punkt_id = ?", ["chefforum-2025-01-29/3"], select="titel")) == [
        {"titel": "Sygefravær pr 4 kvartal 2024 - enheder"},
        {"titel": "Sygefravær pr 4 kvartal 2024 - afdelinger"},
    ]


def test_referat_and_sag_rows(db):
    ingest_file(db, EXAMPLES / "chefforum-2025-01-29.txt")
    referat = db["referat"].get("chefforum-2025-01-29")
    assert {k: v for k, v in referat.items() if k not in ("_ingested_at", "_sha256", "_kilde")} == {
        "id": "chefforum-2025-01-29", "forum": "Chefforum", "dato": "2025-01-29", "aar": 2025,
        "starttid": "09:00", "sted": "Mødelokale 915", "antal_punkter": 9, "advarsler": "[]",
        "antal_advarsler": 0, "_format": "txt", "_parser_version": PARSER_VERSION, "kommune": "Albertslund Kommune",
        "_sider_kilde": None, "_sider_sha256": None,  # no other file of the same meeting
    }  # fmt: skip
    assert db["sag"].get("85.11.00-P20-39-24") == {
        "id": "85.11.00-P20-39-24", "raw": "85.11.00-P20-39-24", "skema": "kle", "emne": "85.11.00",
        "handlingsfacet": "P20", "loebenummer": 39, "aar": 2024,
    }  # fmt: skip
    assert db["deltager"].count == 10


def test_reingest_is_a_noop_and_force_reparses(db):
    first = ingest_file(db, EXAMPLES / "chefforum-2025-03-12.txt")
    before = dump(db)
    again = ingest_file(db, EXAMPLES / "chefforum-2025-03-12.txt")
    assert (first.status, first.punkter, again.status) == ("ingested", 10, "unchanged")
    assert dump(db) == before
    forced = ingest_file(db, EXAMPLES / "chefforum-2025-03-12.txt", force=True)
    assert forced.status == "ingested"
    strip = lambda d: {**d, "referat": [{**r, "_ingested_at": None} for r in d["referat"]]}  # noqa: E731
    assert strip(dump(db)) == strip(before)


def test_changed_file_replaces_its_rows(db, tmp_path):
    path = tmp_path / "chefforum.txt"
    text = (EXAMPLES / "chefforum-2025-08-13.txt").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    ingest_file(db, path)
    cut = text[: text.index("Punkt 9:")]  # the secretariat removes the last punkt and saves again
    path.write_text(cut, encoding="utf-8")
    result = ingest_file(db, path)
    assert (result.status, result.punkter) == ("ingested", 8)
    assert [r["id"] for r in db["referat"].rows] == ["chefforum-2025-08-13"]
    assert db["punkt"].count == 8


def test_search_keeps_danish_letters(db):
    for path in sorted(EXAMPLES.iterdir()):
        ingest_file(db, path)
    hits = store.search(db, "lønfunktionen")
    assert [h["id"] for h in hits] == ["chefforum-2025-03-12/3", "chefforum-2025-08-13/2"]  # title hit ranks first
    # "år" is a word of its own: with diacritics removed it would also match "ar".
    assert {h["id"] for h in store.search(db, "Årshjul", limit=50)} == {
        "chefforum-2025-08-13/2", "chefforum-2025-09-24/4"}  # fmt: skip
    assert store.search(db, "Arshjul") == []


def test_failed_document_leaves_database_untouched(db, tmp_path, monkeypatch):
    ingest_file(db, EXAMPLES / "chefforum-2025-01-29.txt")
    before = dump(db)
    referat = parse_file(EXAMPLES / "chefforum-2025-03-12.txt")
    calls = []

    def failing_insert(*args, **kwargs):  # the fifth punkt's bilag fail after every punkt row is written
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    original = store.bilag_rows
    monkeypatch.setattr(store, "bilag_rows", failing_insert)
    with pytest.raises(RuntimeError):
        store.save_referat(db, referat)
    assert dump(db) == before


def test_find_sag_newest_first(db):
    for path in sorted(EXAMPLES.iterdir()):
        ingest_file(db, path)
    rows = store.find_sag(db, "00.01.00-a00-32-24 ")
    assert [r["id"] for r in rows] == [
        "chefforum-2025-09-24/1", "chefforum-2025-09-24/2", "chefforum-2025-09-24/3", "chefforum-2025-09-24/9",
        "chefforum-2025-08-13/3", "chefforum-2025-08-13/6", "chefforum-2025-08-13/8", "chefforum-2025-05-07/8",
        "chefforum-2025-03-12/8", "chefforum-2025-01-29/8", "chefforum-2025-01-29/9",
    ]  # fmt: skip
