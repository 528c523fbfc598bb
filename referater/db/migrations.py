"""Schema changes between releases, as sqlite-utils Migrations run when a database is opened.

Two kinds of change, one path:
- a new table, column or index is added to the declarative config (``TABLES``, ``INDEXES``, ``FTS`` in
  ``db/__init__.py``); ``ensure_shape`` adds it to any database, old or new;
- every other change (a column renamed or dropped, data moved or recomputed, an index rebuilt in a new
  form) is a function registered here, in release order, named ``mNNN_what_it_does``.

A new database is built in today's shape by ``ensure_shape`` and every migration is recorded as applied
without running. An existing one first runs its pending migrations, each in its own transaction, then
``ensure_shape``. A database made before migrations existed (release 0.1.0) has tables but no record of
migrations: ``m001`` is its baseline. A migration therefore sees the schema of the release before it,
never columns that ``TABLES`` gained later: if it needs one, it adds it itself.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("referater")


@migrations()
def m001_release_0_1_0(db: sqlite_utils.Database) -> None:
    """The shape of release 0.1.0, the first one with users: the baseline, nothing to change."""


@migrations()
def m002_person_becomes_ansvarlig(db: sqlite_utils.Database) -> None:
    """Owners are of six kinds now, not only persons: table person becomes ansvarlig and frist/opgave.person_id
    becomes ansvarlig_id (SQLite rewrites the foreign keys). Each owner gets its matching key, so later
    referater find it; its kind is filled when a referat naming it is ingested again (``ingest --force``)."""
    from .frister import owner_key

    if not db["person"].exists():
        return
    db.execute("alter table person rename to ansvarlig")
    for column in ("type", "kommune", "noegle"):
        db["ansvarlig"].add_column(column, str)
    for aid, navn in db.execute("select id, navn from ansvarlig").fetchall():
        db.execute("update ansvarlig set noegle = ? where id = ?", [owner_key(navn) or navn.casefold(), aid])
    for table in ("frist", "opgave"):
        if db[table].exists() and "person_id" in db[table].columns_dict:
            db.execute(f"drop index if exists idx_{table}_person_id")
            db.execute(f"alter table [{table}] rename column person_id to ansvarlig_id")


def migrate(db: sqlite_utils.Database, ensure_shape: Callable[[sqlite_utils.Database], None]) -> list[str]:
    """Bring a database to this release's shape; return the names of the migrations that ran."""
    if not db["referat"].exists():  # a new database: today's shape, and nothing to migrate
        ensure_shape(db)
        record_all(db)
        return []
    pending = [migration.name for migration in migrations.pending(db)]
    migrations.apply(db)
    ensure_shape(db)
    return pending


def record_all(db: sqlite_utils.Database) -> None:
    """Mark every migration as applied (a database created in today's shape needs none of them)."""
    migrations.ensure_migrations_table(db)
    for migration in migrations.pending(db):
        migrations._record_applied(db, migration.name)
