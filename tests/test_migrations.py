"""Schema migrations: a new database is born migrated, an older one is brought forward on open."""

import sqlite_utils

from referater import db as store
from referater.db.migrations import migrations


def applied(db):
    return [m.name for m in migrations.applied(db)]


def test_a_new_database_records_every_migration_without_running_them(tmp_path):
    db = store.open_db(tmp_path / "new.db")
    assert applied(db) == [m.name for m in migrations._migrations]
    assert migrations.pending(db) == []


def test_a_database_from_before_migrations_gets_its_baseline_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    store.ensure_shape(old)  # release 0.1.0 opened databases with ensure_shape alone
    old["referat"].insert({"id": "chefforum-2025-01-29", "forum": "Chefforum", "dato": "2025-01-29"})
    old.close()
    db = store.open_db(path)
    assert applied(db) == [m.name for m in migrations._migrations]
    assert [row["id"] for row in db["referat"].rows] == ["chefforum-2025-01-29"]


def test_a_0_1_0_database_gets_ansvarlig_in_place_of_person(tmp_path):
    """Release 0.1.0 stored owners in `person` and pointed frist/opgave at it by person_id."""
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["referat"].insert({"id": "r", "forum": "Chefforum", "dato": "2025-01-29"}, pk="id")
    old["punkt"].insert({"id": "r/1", "referat_id": "r"}, pk="id", foreign_keys=[("referat_id", "referat", "id")])
    old["person"].insert({"id": "oekonomiudvalget", "navn": "Økonomiudvalget", "varianter": '["ØU"]',
                          "antal_frister": 1, "antal_opgaver": 0}, pk="id")
    old["frist"].insert({"id": "r/1/frist/1", "punkt_id": "r/1", "referat_id": "r", "person_id": "oekonomiudvalget",
                         "ansvarlig": "Økonomiudvalget"}, pk="id",
                        foreign_keys=[("punkt_id", "punkt", "id"), ("referat_id", "referat", "id"),
                                      ("person_id", "person", "id")])
    old["frist"].create_index(["person_id"])
    old.close()
    db = store.open_db(path)
    assert not db["person"].exists()
    assert db["ansvarlig"].get("oekonomiudvalget")["noegle"] == "økonomiudvalg"
    assert db["frist"].get("r/1/frist/1")["ansvarlig_id"] == "oekonomiudvalget"
    assert {(fk.column, fk.other_table) for fk in db["frist"].foreign_keys} >= {("ansvarlig_id", "ansvarlig")}
    assert not list(db.query("pragma foreign_key_check"))
    assert "m002_person_becomes_ansvarlig" in applied(db)
