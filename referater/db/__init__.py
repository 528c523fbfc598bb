"""Every sqlite-utils call: the schema as data, ``ensure_shape`` and one transaction per referat."""

from __future__ import annotations

import functools
from collections.abc import Collection
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from ..models import Referat
from ..parsers import PARSER_VERSION
from ..parsers.fields import normalise_sagsnummer
from . import dokument as dokument_tables
from . import frister as nlp_tables
from .fts import search  # noqa: F401  (part of this module's interface)
from .dokument import TEXTLESS_SQL, referater_by_age, save_dokument, stored_payload  # noqa: F401
from .facetter import FACETS, ensure_facet_counts
from .frister import delete_frister, find_frister, refresh_ansvarlige, save_frister  # noqa: F401
from .dedupe import save_merged
from .migrations import migrate
from .publish import ensure_search, import_kle, index_words, kle_columns, kle_placeholder  # noqa: F401
from .rows import (
    behandling_rows, bilag_rows, deltager_rows, lukket_punkt_row, punkt_row, referat_row, sag_row, slug,
)

DEFAULT_DB = "referater.db"

# Table → (columns, primary key, foreign keys). Children come after their parents.
TABLES: dict[str, dict] = {
    "referat": {
        "columns": {
            "id": str, "forum": str, "dato": str, "aar": int, "starttid": str, "sted": str,
            "antal_punkter": int, "advarsler": str, "antal_advarsler": int, "_kilde": str,
            "_sha256": str, "_format": str, "_ingested_at": str, "_parser_version": str, "kommune": str,
            # a PDF or text of the same meeting whose pages are kept beside an agenda export's punkter
            "_sider_kilde": str, "_sider_sha256": str,
        },
        "pk": "id",
        "foreign_keys": [],
    },
    "sag": {
        "columns": {
            "id": str, "raw": str, "skema": str, "emne": str, "handlingsfacet": str,
            "loebenummer": int, "aar": int,
        },
        "pk": "id",
        "foreign_keys": [],
    },
    "kle": {
        "columns": {
            "nummer": str, "niveau": str, "titel": str, "betegnelse": str, "hovedgruppe": str,
            "gruppe": str, "bevaring": str, "sletning": str,
        },
        "pk": "nummer",
        "foreign_keys": [],
    },
    "punkt": {
        "columns": {
            "id": str, "referat_id": str, "nummer": int, "titel": str, "type": str, "sag_id": str,
            "sagsnummer": str, "forum": str, "dato": str, "aar": int, "indstiller": str,
            "indstillinger": str, "tidsramme_min": int, "beslutning": str, "udfald": str,
            "afsnit": str, "tekst": str, "sider": str, "maaned": str, "kle_hovedgruppe": str,
            "kle_gruppe": str, "kle_emne": str, "handlingsfacet": str, "kommune": str,
            "eksport_id": str,  # the item's id in the agenda export it came from
        },
        "pk": "id",
        "foreign_keys": [
            ("referat_id", "referat", "id"), ("sag_id", "sag", "id"), ("kle_hovedgruppe", "kle", "nummer"),
            ("kle_gruppe", "kle", "nummer"), ("kle_emne", "kle", "nummer"),
        ],
    },
    "deltager": {
        "columns": {"id": str, "referat_id": str, "position": int, "navn": str, "rolle": str, "parti": str,
                    "fravaerende": int},  # fmt: skip
        "pk": "id",
        "foreign_keys": [("referat_id", "referat", "id")],
    },
    "bilag": {
        "columns": {"id": str, "punkt_id": str, "position": int, "titel": str, "link": str},
        "pk": "id",
        "foreign_keys": [("punkt_id", "punkt", "id")],
    },
    # The case's trail: earlier bodies' recommendations quoted in a punkt (ØU → KB).
    "behandling": {
        "columns": {"id": str, "punkt_id": str, "position": int, "organ": str, "dato": str, "punkt_nummer": int,
                    "udtalelse": str, "sag_id": str},
        "pk": "id",
        "foreign_keys": [("punkt_id", "punkt", "id"), ("sag_id", "sag", "id")],
    },
    # Closed punkter: title only, kept out of `punkt` so they never reach the full-text index.
    "lukket_punkt": {
        "columns": {"id": str, "referat_id": str, "nummer": int, "titel": str},
        "pk": "id",
        "foreign_keys": [("referat_id", "referat", "id")],
    },
}  # fmt: skip
TABLES.update(nlp_tables.TABLES)  # ansvarlig, frist, opgave: what the NLP stage found
TABLES.update(dokument_tables.TABLES)  # the stored text `reparse` parses again

KLE_CODE_COLUMNS = ("kle_hovedgruppe", "kle_gruppe", "kle_emne")  # as in publish.ensure_kle_codes

# Full-text search keeps æ, ø and å distinct letters: "år" must not find "ar".
# `beslutning` is not indexed on its own: it is the text of the punkt's decision section, which `tekst` holds
# (tests/test_migrate_storage.py checks every word of it is there); indexing it twice cost 0.17 MB per 1 000 punkter.
FTS = {"punkt": ["titel", "tekst"]}
FTS_TOKENIZE = "unicode61 remove_diacritics 0"
# Every foreign key and lookup column is indexed: replacing a referat deletes by referat_id/_kilde and
# `sag` looks up by sag_id; without these each ingested document scanned whole tables (quadratic ingest).
# A facet column is indexed together with the date the table page sorts by, so a page filtered on one facet
# value finds its newest 50 rows in the index instead of sorting every matching row (4 s at 180 000 punkter).
INDEXES = {
    "punkt": [["dato"], ["referat_id"], ["sag_id"], *([column, "dato"] for column in FACETS["punkt"])],
    "referat": [["_sha256"], ["dato"], ["_kilde"], ["_sider_sha256"]],
    "deltager": [["referat_id"]],
    "bilag": [["punkt_id"]],
    "behandling": [["sag_id"], ["punkt_id"]],
    "lukket_punkt": [["referat_id"]],
    **nlp_tables.INDEXES,
    **dokument_tables.INDEXES,
}
INDEXES["frist"] = [*INDEXES["frist"], ["ansvarlig", "dato"]]  # the frist facet users click


def open_db(path: str | Path = DEFAULT_DB) -> sqlite_utils.Database:
    """Open (creating if needed) a database in the shape this package expects."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    # In WAL mode NORMAL still keeps every committed document after a crash or kill -9 (only a power
    # cut may lose the last few); FULL spent an fsync per document, a third of the writer's time.
    db.execute("PRAGMA synchronous = NORMAL")
    migrate(db, ensure_shape)
    return db


def ensure_shape(db: sqlite_utils.Database) -> None:
    """Create missing tables, FTS, indexes and WAL; safe to run on every command.

    Only additive changes belong here; anything else is a migration (``db/migrations.py``).
    """
    if db.memory is False and db.journal_mode != "wal":
        db.enable_wal()
    for name, spec in TABLES.items():
        if not db[name].exists():
            db.create_table(name, spec["columns"], pk=spec["pk"], foreign_keys=spec["foreign_keys"])
        else:  # a database made by an earlier version gets the columns added since
            for column, kind in spec["columns"].items():
                if column not in db[name].columns_dict:
                    db[name].add_column(column, kind)
    for name, columns in FTS.items():
        if not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZE)
    ensure_search(db, FTS_TOKENIZE)
    ensure_facet_counts(db)
    for name, indexes in INDEXES.items():
        for columns in indexes:
            db[name].create_index(columns, if_not_exists=True)


def is_ingested(db: sqlite_utils.Database, sha256: str) -> bool:
    """True when a document with exactly these bytes is already stored with its text (``dokument``), or as the
    pages kept beside an agenda export of the same meeting.

    A referat stored before texts were kept (release 0.1.0) is parsed again when its file is ingested.
    """
    sql = "select 1 from dokument where _sha256 = ? union all select 1 from referat where _sider_sha256 = ? limit 1"
    return bool(db.execute(sql, [sha256, sha256]).fetchone())


def has_kilde(db: sqlite_utils.Database, kilde: str) -> bool:
    """True when a referat from this file or URL is stored (``referater hent`` skips a fetched meeting)."""
    return bool(db.execute("select 1 from referat where _kilde = ? limit 1", [kilde]).fetchone())


def stored_sha256(db: sqlite_utils.Database) -> list[str]:
    """The sha256 of every stored document, so workers can skip unchanged files without the database."""
    return [row[0] for row in db.execute("select _sha256 from dokument union select _sider_sha256 from referat "
                                         "where _sider_sha256 is not null")]  # fmt: skip


def referat_id(db: sqlite_utils.Database, referat: Referat) -> str:
    """ "chefforum-2025-01-29"; a short hash is added when another file already owns that name."""
    base = "-".join(part for part in (slug(referat.forum or "referat"), referat.dato or "udateret") if part)
    row = db.execute("select _kilde from referat where id = ?", [base]).fetchone()
    if row is None or row[0] == referat.kilde:
        return base
    return f"{base}-{referat.sha256[:8]}"


def save_document(db: sqlite_utils.Database, referat: Referat, export_formats: Collection[str] = (),
                  payload: bytes | None = None, payload_version: str = PARSER_VERSION) -> tuple[str, str | None]:
    """``save_referat``, merged with a stored referat of the same meeting from the other kind of file.

    Returns the referat's id and, when two files were merged, one Danish line saying so (see ``dedupe``).
    """
    save = functools.partial(save_referat, payload=payload, payload_version=payload_version)
    return save_merged(db, referat, export_formats, save, delete_referat)


def save_referat(db: sqlite_utils.Database, referat: Referat, payload: bytes | None = None,
                 payload_version: str = PARSER_VERSION) -> str:
    """Store one referat (and the payload it was parsed from) in one transaction, replacing any earlier version."""
    with db.atomic():
        if payload is not None:
            delete_textless(db, referat.sha256)
        rid = referat_id(db, referat)
        delete_referat(db, rid)
        delete_by_kilde(db, referat.kilde)
        db["referat"].insert(referat_row(rid, referat, now(), PARSER_VERSION))
        if payload is not None:
            save_dokument(db, rid, referat, payload, payload_version)
        insert_rows(db, "deltager", deltager_rows(rid, referat))
        save_punkter(db, rid, referat)
        refresh_ansvarlige(db)
    return rid


def save_punkter(db: sqlite_utils.Database, rid: str, referat: Referat) -> None:
    """All punkter of a referat in one batch per table; one write per punkt cost more than the parse."""
    insert_rows(db, "lukket_punkt", [lukket_punkt_row(rid, p) for p in referat.punkter if p.lukket])
    aabne = [p for p in referat.punkter if not p.lukket]  # closed punkter never reach punkt or its index
    sager = {p.sagsnummer.noegle: sag_row(p.sagsnummer) for p in aabne if p.sagsnummer}
    db["sag"].upsert_all(sager.values(), pk="id")
    rows = [punkt_row(rid, referat, punkt) for punkt in aabne]
    for row, punkt in zip(rows, aabne):
        sag = punkt.sagsnummer
        row.update(kle_columns(sag and sag.emne, sag and sag.handlingsfacet, referat.dato))
    ensure_kle_rows(db, rows)
    insert_rows(db, "punkt", rows)
    index_words(db, rows)
    for row, punkt in zip(rows, aabne):  # these refer to the punkt rows just written
        save_frister(db, rid, referat, punkt, row["id"])
    insert_rows(db, "bilag", [b for row, punkt in zip(rows, aabne) for b in bilag_rows(row["id"], punkt)])
    insert_rows(db, "behandling", [b for row, punkt in zip(rows, aabne) for b in behandling_rows(row["id"], punkt)])


def ensure_kle_rows(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """A kle row for every KLE code the punkt rows refer to, so the foreign keys hold.

    One insert for the distinct codes of a referat, in first-seen order as publish.ensure_kle_codes
    would add them row by row: one sqlite-utils insert per code and punkt was 30 % of the writer.
    """
    codes = dict.fromkeys(row[c] for row in rows for c in KLE_CODE_COLUMNS if row.get(c))
    db["kle"].insert_all([kle_placeholder(code) for code in codes], pk="nummer", ignore=True)


def insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """Insert rows that all have the same keys with one executemany.

    The row builders already give plain str/int/None values, so sqlite-utils' per-value type checks in
    insert_all (40 % of the writer's time, and the writer is what --jobs cannot parallelise) are skipped.
    """
    if not rows:
        return
    columns = list(dict.fromkeys(key for row in rows for key in row))  # the union, in first-seen order
    names, marks = ", ".join(f"[{c}]" for c in columns), ", ".join("?" * len(columns))
    db.conn.executemany(f"insert into [{table}] ({names}) values ({marks})", [[r.get(c) for c in columns] for r in rows])


def delete_referat(db: sqlite_utils.Database, rid: str) -> None:
    """Remove a referat and everything hanging off it (inside the caller's transaction)."""
    for child in ("bilag", "behandling"):
        db.execute(f"delete from [{child}] where punkt_id in (select id from punkt where referat_id = ?)", [rid])
    delete_frister(db, rid)
    for table in ("dokument", "deltager", "lukket_punkt", "punkt"):
        db.execute(f"delete from [{table}] where referat_id = ?", [rid])
    db.execute("delete from referat where id = ?", [rid])


def delete_by_kilde(db: sqlite_utils.Database, kilde: str) -> None:
    """A changed file with the same path replaces the referat it gave before."""
    for (rid,) in db.execute("select id from referat where _kilde = ?", [kilde]).fetchall():
        delete_referat(db, rid)


def delete_textless(db: sqlite_utils.Database, sha256: str) -> None:
    """The same bytes stored without their text (release 0.1.0), maybe from a path that has moved since."""
    for (rid,) in db.execute(TEXTLESS_SQL, [sha256]).fetchall():
        delete_referat(db, rid)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def find_sag(db: sqlite_utils.Database, sagsnummer: str) -> list[dict]:
    """Every punkt carrying this sagsnummer, newest meeting first."""
    sql = (
        "select id, referat_id, dato, forum, nummer, titel, sagsnummer, udfald, beslutning "
        "from punkt where sag_id = ? order by dato desc, nummer"
    )
    return [dict(row) for row in db.query(sql, [normalise_sagsnummer(sagsnummer)])]


def all_sagsnumre(db: sqlite_utils.Database) -> list[str]:
    return [row["id"] for row in db.query("select id from sag")]
