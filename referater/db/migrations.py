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

import json
from collections.abc import Callable

import sqlite_utils
from sqlite_utils.migrations import Migrations

from .rows import section_starts

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


@migrations()
def m003_text_stored_once(db: sqlite_utils.Database) -> None:
    """One copy of each punkt's text: the stemmed and trigram copies go (search expands query words
    through the vocabulary ``soegeord`` that ensure_shape builds), and ``afsnit`` keeps only each
    section's heading and where it starts in ``tekst`` instead of a second copy of the text."""
    for name in ("punkt_stamme_ad", "punkt_trigram_ai", "punkt_trigram_ad", "punkt_trigram_au"):
        db.execute(f"drop trigger if exists [{name}]")
    for name in ("punkt_stamme", "punkt_trigram"):
        db.execute(f"drop table if exists [{name}]")
    if not db["punkt"].exists() or "afsnit" not in db["punkt"].columns_dict:
        return
    # The rewrite changes no searched column, so the FTS update trigger is set aside rather than re-index.
    triggers = db.execute("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'punkt' "
                          "and sql like '% update %'").fetchall()  # fmt: skip
    for name, _sql in triggers:
        db.execute(f"drop trigger [{name}]")
    rows = db.execute("select rowid, afsnit from punkt where afsnit like '[{\"navn\": %\"tekst\": %'").fetchall()
    db.conn.executemany("update punkt set afsnit = ? where rowid = ?", [(starts(a), rowid) for rowid, a in rows])
    for _name, sql in triggers:
        db.execute(sql)


def starts(afsnit: str) -> str:
    """'[{"navn", "tekst"}, …]' → '[{"navn", "start"}, …]', as db.rows.punkt_row writes it now."""
    sections = [(section["navn"], section["tekst"]) for section in json.loads(afsnit)]
    return json.dumps(section_starts(sections), ensure_ascii=False)


@migrations(transactional=False)
def m004_vacuum_after_text_stored_once(db: sqlite_utils.Database) -> None:
    """Give the space of the dropped copies back to the file system."""
    db.execute("vacuum")


@migrations()
def m005_facet_indexes_with_date(db: sqlite_utils.Database) -> None:
    """Each punkt facet column was indexed alone; ensure_shape now indexes it with dato (a filtered page
    sorts by date in the index), and the single-column indexes are prefixes of those: dropped."""
    for column in ("kommune", "forum", "udfald", "type", "aar", "maaned", "kle_hovedgruppe", "kle_emne",
                   "handlingsfacet"):
        db.execute(f"drop index if exists idx_punkt_{column}")


@migrations()
def m006_decision_indexed_once(db: sqlite_utils.Database) -> None:
    """``punkt_fts`` indexed ``beslutning`` twice, in its own column and as the decision section of ``tekst``;
    the index and its triggers are dropped here and ensure_shape builds them over (titel, tekst)."""
    if db["punkt_fts"].exists() and "beslutning" in db["punkt_fts"].columns_dict:
        db["punkt"].disable_fts()


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
