"""A database of release 0.1.0 (its schema, rows as its writer stored them) migrates to one stored copy of
the text: every row kept, every search result kept, and the same database a fresh ingest gives."""

import json
import re

import pytest
import sqlite_utils
from conftest import DATA, EXAMPLES

from referater import db as store
from referater.db.migrations import migrations
from referater.db.rows import afsnit_list
from referater.nlp.stemming import danish_stemmer
from referater.pipeline import ingest_file

V010_SCHEMA = DATA / "v0.1.0-schema.sql"
QUERIES = ["budget", "budgetterne", "medarbejder", "sygefravær", "Chefforum", "økonomi", "årshjul",
           "medarbejdere trivsel", "lønfunktionen", "datawarehouse", "år"]  # fmt: skip
# The web search of 0.1.0 (datasette_metadata.yml, query soeg): stemmed hits, then trigram-only hits.
V010_SEARCH = """
select rowid from punkt_stamme where punkt_stamme match :stamme
union select rowid from punkt_trigram where punkt_trigram match :trigram
"""


def v010_stem_text(text: str) -> str:
    """0.1.0's stemmed index line: every \\w+ word, lower-cased, Snowball-stemmed once."""
    return " ".join(danish_stemmer().stemWords([w.lower() for w in re.findall(r"\w+", text)]))


def v010_queries(query: str) -> dict:
    words = re.findall(r"\w+", query)
    stems = danish_stemmer().stemWords([w.lower() for w in words])
    return {"stamme": " ".join(f'"{s}"' for s in stems),
            "trigram": " ".join(f'"{w}"' for w in words if len(w) >= 3) or '"\u2400"'}  # fmt: skip


def dump(db) -> dict:
    return {name: list(db.query(f"select rowid, * from [{name}] order by rowid")) for name in store.TABLES}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    db = store.open_db(tmp_path_factory.mktemp("fresh") / "referater.db")
    for path in sorted(EXAMPLES.iterdir()):
        assert ingest_file(db, path).status == "ingested"
    return db


def as_v010(fresh, path) -> sqlite_utils.Database:
    """The fresh database's rows in a file with 0.1.0's schema, afsnit and stemmed index as 0.1.0 wrote them."""
    old = sqlite_utils.Database(path)
    old.conn.executescript(V010_SCHEMA.read_text(encoding="utf-8"))
    with old.conn:
        for name, rows in dump(fresh).items():
            for row in rows:
                if name == "punkt":
                    row["afsnit"] = json.dumps(afsnit_list(row["tekst"], row["afsnit"]), ensure_ascii=False)
                old[name].insert(row)
        for row in fresh.query("select rowid, titel, tekst, beslutning from punkt"):
            text = "\n".join(row[c] or "" for c in ("titel", "tekst", "beslutning"))
            old.execute("insert into punkt_stamme(rowid, tekst) values (?, ?)", [row["rowid"], v010_stem_text(text)])
    return old


def test_a_v010_database_keeps_every_row_and_every_search_result(fresh, tmp_path):
    path = tmp_path / "v010.db"
    old = as_v010(fresh, path)
    assert not old["_sqlite_migrations"].exists() and old["punkt_trigram"].exists()
    exact = {q: {r[0] for r in old.execute("select rowid from punkt_fts where punkt_fts match ?", [old.quote_fts(q)])}
             for q in QUERIES}  # fmt: skip
    web = {q: {r[0] for r in old.execute(V010_SEARCH, v010_queries(q))} for q in QUERIES}
    old.execute("pragma wal_checkpoint(truncate)")
    old.close()
    size_before = path.stat().st_size

    db = store.open_db(path)
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    assert not db["punkt_stamme"].exists() and not db["punkt_trigram"].exists()
    assert dump(db) == dump(fresh)
    db.execute("insert into punkt_fts(punkt_fts) values ('integrity-check')")
    for query in QUERIES:
        found = {r[0] for r in db.execute("select rowid from punkt_fts where punkt_fts match ?", [db.quote_fts(query)])}
        assert found == exact[query], query  # Datasette's own search: the same punkter
        ranked = store.search(db, query, limit=1000)
        assert ranked == store.search(fresh, query, limit=1000), query  # as a fresh ingest of today's shape
        rowids = {r[0] for r in db.execute("select rowid from punkt where id in (select value from json_each(?))",
                                           [json.dumps([r["id"] for r in ranked])])}  # fmt: skip
        assert web[query] <= rowids, query  # nothing the 0.1.0 web search found is lost
    assert any(exact.values()) and any(web.values())
    db.execute("pragma wal_checkpoint(truncate)")
    assert path.stat().st_size < size_before


def test_facet_counts_of_a_migrated_database_equal_group_by(fresh, tmp_path):
    db = store.open_db(as_v010(fresh, tmp_path / "v010.db").conn.execute("pragma database_list").fetchone()[2])
    for table, columns in store.facetter.FACETS.items():
        for column in columns:
            counted = dict(db.execute("select vaerdi, antal from facet_antal where tabel = ? and filter_kolonne = '' "
                                      "and kolonne = ? and antal > 0", [table, column]).fetchall())  # fmt: skip
            grouped = dict(db.execute(f"select [{column}], count(*) from [{table}] where [{column}] is not null "
                                      f"group by [{column}]").fetchall())  # fmt: skip
            assert counted == grouped, (table, column)
