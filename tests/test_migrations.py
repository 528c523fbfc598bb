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
