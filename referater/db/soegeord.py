"""The search vocabulary: every word the punkt index holds, once, with its family key and a trigram index.

Inflections and compounds are resolved against this small table instead of against extra copies of
the text: a query word becomes the stored words of its family plus the words that contain one of the
family's shortest forms, and the one exact-word index ``punkt_fts`` is asked for any of them. The
writer adds the new words of each referat; a word is never removed (a word no punkt holds any more
only adds a term that matches nothing).
"""

from __future__ import annotations

import sqlite_utils

from ..nlp.stemming import family_key, quote, substring_forms, words

VOCABULARY = "soegeord"
SEARCHED_COLUMNS = ("titel", "tekst", "beslutning")  # what punkt_fts finds (beslutning's words are in tekst)
CREATE = {
    VOCABULARY: f"create table {VOCABULARY} (id integer primary key, ord text not null unique, noegle text not null)",
    f"idx_{VOCABULARY}_noegle": f"create index idx_{VOCABULARY}_noegle on {VOCABULARY}(noegle)",
    f"{VOCABULARY}_fts": f"create virtual table {VOCABULARY}_fts using fts5(ord, content='{VOCABULARY}', "
    "content_rowid='id', tokenize='trigram')",
    f"{VOCABULARY}_ai": f"create trigger {VOCABULARY}_ai after insert on {VOCABULARY} begin "
    f"insert into {VOCABULARY}_fts(rowid, ord) values (new.id, new.ord); end",
}  # fmt: skip
INSERT = f"insert or ignore into {VOCABULARY} (ord, noegle) values (?, ?)"
FAMILY_SQL = f"select ord from {VOCABULARY} where noegle = ?"
CONTAINING_SQL = f"select ord from {VOCABULARY}_fts where {VOCABULARY}_fts match ?"


def ensure_vocabulary(db: sqlite_utils.Database) -> None:
    """Create the vocabulary and its trigram index, filled from the stored punkter when new."""
    existing = {row[0] for row in db.execute("select name from sqlite_master")}
    for name, sql in CREATE.items():
        if name not in existing:
            db.execute(sql)
    if VOCABULARY not in existing:
        with db.atomic():
            add_words(db, punkt_words(db.execute("select titel, tekst, beslutning from punkt")))


def punkt_words(rows) -> set[str]:
    """The distinct words of punkt rows given as (titel, tekst, beslutning) tuples or dicts."""
    found: set[str] = set()
    for row in rows:
        values = [row[c] for c in SEARCHED_COLUMNS] if isinstance(row, dict) else row
        for value in values:
            found.update(words(value))
    return found


def add_words(db: sqlite_utils.Database, new: set[str]) -> None:
    """Store words not seen before (inside the caller's transaction)."""
    if new:
        db.conn.executemany(INSERT, [(word, family_key(word)) for word in sorted(new)])


def expand(db: sqlite_utils.Database | object, word: str) -> set[str]:
    """The stored words a query word stands for: its family and the compounds holding a short form of it."""
    execute = db.execute
    word = word.lower()
    forms = {row[0] for row in execute(FAMILY_SQL, [family_key(word)])} | {word}
    compounds = {row[0] for form in substring_forms(forms) for row in execute(CONTAINING_SQL, [quote(form)])}
    return forms | compounds


def expansions(db, query: str) -> list[set[str]]:
    """One set of stored words per query word."""
    return [expand(db, word) for word in dict.fromkeys(words(query))]
