"""What publishing adds to the database: KLE lookup rows, facet columns and the Danish search indexes.

Three indexes serve search: ``punkt_fts`` (exact words, æøå intact, Datasette's own search),
``punkt_stamme`` (Snowball-stemmed words, so inflections match) and ``punkt_trigram`` (substrings,
so "medarbejder" finds "medarbejdersiden"). The stemmed index is written from Python because SQLite
cannot call the stemmer from a trigger; a delete trigger keeps it in step with ``punkt``.
"""

from __future__ import annotations

import sqlite_utils

from ..nlp.stemming import stem_text
from ..parsers.kle import decode_kle_emne

KLE_LEVELS = {1: "hovedgruppe", 2: "gruppe", 3: "emne"}  # dotted parts → niveau
SEARCHED_COLUMNS = ["titel", "tekst", "beslutning"]  # what the stemmed and trigram indexes hold

# Index name → the SQL that creates it; {columns} is SEARCHED_COLUMNS joined.
SEARCH_TABLES = {
    "punkt_stamme": "create virtual table punkt_stamme using fts5(tekst, tokenize='unicode61 remove_diacritics 0')",
    "punkt_trigram": "create virtual table punkt_trigram using fts5({columns}, content='punkt', "
    "content_rowid='rowid', tokenize='trigram')",
}  # fmt: skip
SEARCH_TRIGGERS = {
    "punkt_stamme_ad": "create trigger punkt_stamme_ad after delete on punkt begin "
    "delete from punkt_stamme where rowid = old.rowid; end",
    "punkt_trigram_ai": "create trigger punkt_trigram_ai after insert on punkt begin "
    "insert into punkt_trigram(rowid, {columns}) values (new.rowid, {new}); end",
    "punkt_trigram_ad": "create trigger punkt_trigram_ad after delete on punkt begin "
    "insert into punkt_trigram(punkt_trigram, rowid, {columns}) values ('delete', old.rowid, {old}); end",
    "punkt_trigram_au": "create trigger punkt_trigram_au after update on punkt begin "
    "insert into punkt_trigram(punkt_trigram, rowid, {columns}) values ('delete', old.rowid, {old}); "
    "insert into punkt_trigram(rowid, {columns}) values (new.rowid, {new}); end",
}  # fmt: skip


# Tables other stages create; once they exist they get an exact-word index, so datasette-search-all's one
# search box covers them too.
LATER_FTS = {"frist": ["tekst", "handling", "ansvarlig"]}


def sql_for(template: str) -> str:
    """Fill the column lists into a SEARCH_TABLES/SEARCH_TRIGGERS template."""
    return template.format(
        columns=", ".join(SEARCHED_COLUMNS),
        new=", ".join(f"new.{c}" for c in SEARCHED_COLUMNS),
        old=", ".join(f"old.{c}" for c in SEARCHED_COLUMNS),
    )


def ensure_search(db: sqlite_utils.Database, tokenize: str) -> None:
    """Create the stemmed and trigram indexes (filled from existing punkter when new) and LATER_FTS."""
    for name, columns in LATER_FTS.items():
        if db[name].exists() and not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, create_triggers=True, tokenize=tokenize)
    created = [name for name in SEARCH_TABLES if not db[name].exists()]
    for name in created:
        db.execute(sql_for(SEARCH_TABLES[name]))
    for name, template in SEARCH_TRIGGERS.items():
        if name not in db.triggers_dict:
            db.execute(sql_for(template))
    if "punkt_trigram" in created:
        db.execute("insert into punkt_trigram(punkt_trigram) values ('rebuild')")
    if "punkt_stamme" in created:
        for row in db.query("select rowid, * from punkt"):
            index_stemmed(db, row)


def index_stemmed(db: sqlite_utils.Database, row: dict) -> None:
    """Add one stored punkt (with its rowid) to the stemmed index."""
    text = "\n".join(row.get(column) or "" for column in SEARCHED_COLUMNS)
    db.execute("insert into punkt_stamme(rowid, tekst) values (?, ?)", [row["rowid"], stem_text(text)])


def index_punkt(db: sqlite_utils.Database, punkt_id: str) -> None:
    """Stem a punkt that was just inserted (the trigram index is filled by its trigger)."""
    row = next(db.query("select rowid, * from punkt where id = ?", [punkt_id]))
    index_stemmed(db, row)


def kle_columns(emne: str | None, handlingsfacet: str | None, dato: str | None) -> dict:
    """Facet columns for a punkt: meeting month and the KLE levels of its sagsnummer."""
    koder = decode_kle_emne(emne)
    return {
        "maaned": dato[:7] if dato else None,
        "kle_hovedgruppe": koder["hovedgruppe"],
        "kle_gruppe": koder["gruppe"],
        "kle_emne": koder["emne"],
        "handlingsfacet": handlingsfacet,
    }


def kle_placeholder(nummer: str) -> dict:
    """A kle row for a code seen in a sagsnummer before any emneplan was imported (no title yet)."""
    koder = decode_kle_emne(nummer)
    niveau = KLE_LEVELS[nummer.count(".") + 1]
    return {
        "nummer": nummer, "niveau": niveau, "titel": None, "betegnelse": nummer,
        "hovedgruppe": koder["hovedgruppe"], "gruppe": koder["gruppe"], "bevaring": None, "sletning": None,
    }  # fmt: skip


def ensure_kle_codes(db: sqlite_utils.Database, row: dict) -> None:
    """Make sure every KLE code a punkt row refers to has a kle row, so the foreign keys hold."""
    for column in ("kle_hovedgruppe", "kle_gruppe", "kle_emne"):
        if row.get(column):
            db["kle"].insert(kle_placeholder(row[column]), pk="nummer", ignore=True)


def import_kle(db: sqlite_utils.Database, rows: list[dict]) -> int:
    """Store an emneplan's rows (titles replace placeholders) in one transaction; return the count."""
    with db.atomic():
        for row in rows:
            label = f"{row['nummer']} {row['titel']}" if row["titel"] else row["nummer"]
            db["kle"].upsert({**row, "betegnelse": label}, pk="nummer")
    return len(rows)
