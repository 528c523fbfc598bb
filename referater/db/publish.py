"""What publishing adds to the database: KLE lookup rows, facet columns and the Danish search indexes.

One exact-word index over the whole punkt, ``punkt_fts`` (external content: the text is stored once,
in ``punkt``), serves every search: Datasette's own, search-all, and the Danish search of the web page
and the CLI, which expands each query word through the vocabulary in ``soegeord`` (inflections and
compounds). ``punkt_titel_fts`` indexes the titles alone (no positions: a few bytes per punkt), so the
search finds the newest title hits without walking every punkt that only mentions a word.
"""

from __future__ import annotations

import sqlite_utils

from ..parsers.kle import decode_kle_emne
from .soegeord import add_words, ensure_vocabulary, punkt_words

KLE_LEVELS = {1: "hovedgruppe", 2: "gruppe", 3: "emne"}  # dotted parts → niveau

# Tables other stages create; once they exist they get an exact-word index, so datasette-search-all's one
# search box covers them too.
LATER_FTS = {"frist": ["tekst", "handling", "ansvarlig"]}


TITLE_INDEX = "punkt_titel_fts"
TITLE_SQL = {
    TITLE_INDEX: f"create virtual table {TITLE_INDEX} using fts5(titel, content='punkt', content_rowid='rowid', "
    "detail=none, tokenize='{tokenize}')",
    f"{TITLE_INDEX}_ai": f"create trigger {TITLE_INDEX}_ai after insert on punkt begin "
    f"insert into {TITLE_INDEX}(rowid, titel) values (new.rowid, new.titel); end",
    f"{TITLE_INDEX}_ad": f"create trigger {TITLE_INDEX}_ad after delete on punkt begin "
    f"insert into {TITLE_INDEX}({TITLE_INDEX}, rowid, titel) values ('delete', old.rowid, old.titel); end",
    f"{TITLE_INDEX}_au": f"create trigger {TITLE_INDEX}_au after update of titel on punkt begin "
    f"insert into {TITLE_INDEX}({TITLE_INDEX}, rowid, titel) values ('delete', old.rowid, old.titel); "
    f"insert into {TITLE_INDEX}(rowid, titel) values (new.rowid, new.titel); end",
}  # fmt: skip


def ensure_search(db: sqlite_utils.Database, tokenize: str) -> None:
    """Create the title index and the vocabulary (filled from existing punkter when new), and LATER_FTS."""
    for name, columns in LATER_FTS.items():
        if db[name].exists() and not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, create_triggers=True, tokenize=tokenize)
    existing = {row[0] for row in db.execute("select name from sqlite_master")}
    for name, sql in TITLE_SQL.items():
        if name not in existing:
            db.execute(sql.format(tokenize=tokenize))
    if TITLE_INDEX not in existing:
        db.execute(f"insert into {TITLE_INDEX}({TITLE_INDEX}) values ('rebuild')")
    ensure_vocabulary(db)


def index_words(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """Add the words of punkt rows just written to the search vocabulary."""
    add_words(db, punkt_words(rows))


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
