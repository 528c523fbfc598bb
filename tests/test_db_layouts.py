"""The database side of other layouts: the behandling trail, closed punkter kept out of search, parties."""

from __future__ import annotations

import pytest
import sqlite_utils
from conftest import DATA

from referater import db as store
from referater.pipeline import ingest_file

LAYOUTS = DATA / "layouts"
KB = "kommunalbestyrelsen-2025-06-17"


@pytest.fixture
def db(tmp_path):
    db = store.open_db(tmp_path / "r.db")
    assert ingest_file(db, LAYOUTS / "kb-beslutningsprotokol.txt").status == "ingested"
    return db


def test_trail_rows_are_stored_whole(db):
    rows = list(db.query("select * from behandling where punkt_id = ? order by position", [f"{KB}/4"]))
    assert rows == [
        {"id": f"{KB}/4/1", "punkt_id": f"{KB}/4", "position": 1, "organ": "Børne- og Ungeudvalget",
         "dato": "2025-05-28", "punkt_nummer": 6, "udtalelse": "Anbefales, idet V og C tager forbehold.",
         "sag_id": "791-2025-2290"},
        {"id": f"{KB}/4/2", "punkt_id": f"{KB}/4", "position": 2, "organ": "Økonomiudvalget",
         "dato": "2025-06-03", "punkt_nummer": 7, "udtalelse": "Indstilles godkendt. Morten Dal (C) tager forbehold.",
         "sag_id": "791-2025-2290"},
    ]  # fmt: skip
    assert db["behandling"].count == 6


def test_closed_punkter_are_kept_apart_and_never_searchable(db):
    assert list(db["lukket_punkt"].rows) == [
        {"id": f"{KB}/7", "referat_id": KB, "nummer": 7, "titel": "Salg af ejendom - matr.nr. 14b Vesterå By"},
        {"id": f"{KB}/8", "referat_id": KB, "nummer": 8, "titel": "Personalesag"},
    ]
    assert [row["nummer"] for row in db["punkt"].rows] == [1, 2, 3, 4, 5, 6]
    assert store.search(db, "Personalesag") == []
    assert store.search(db, "matr") == []


def test_parties_and_absence_are_stored(db):
    people = db["deltager"].rows_where(order_by="position")
    rows = [(r["navn"], r["rolle"], r["parti"], r["fravaerende"]) for r in people]
    assert rows[0] == ("Jette Lund", "Borgmester", "A", 0)
    assert ("Ole Berg", None, "V", 1) in rows
    assert rows[-1] == ("Kasper Riis", "stedfortræder for Ole Berg", "V", 0)


def test_sag_is_found_however_the_number_is_typed(db):
    for typed in ("791-2025-0012", "791-2025-12", " 791-2025-0012 "):
        assert [row["id"] for row in store.find_sag(db, typed)] == [f"{KB}/1"]


def test_reingest_replaces_trail_and_closed_rows(db):
    ingest_file(db, LAYOUTS / "kb-beslutningsprotokol.txt", force=True)
    assert (db["behandling"].count, db["lukket_punkt"].count, db["punkt"].count) == (6, 2, 6)


def test_an_older_database_gets_the_new_columns(tmp_path):
    old = sqlite_utils.Database(tmp_path / "old.db")
    old["deltager"].create({"id": str, "referat_id": str, "position": int, "navn": str, "rolle": str}, pk="id")
    store.ensure_shape(old)
    assert {"parti", "fravaerende"} <= set(old["deltager"].columns_dict)
    assert old["behandling"].exists() and old["lukket_punkt"].exists()
