"""The database release 0.1.0 wrote migrates to one stored copy of the text: every search result kept, a
smaller file, facet counts that equal GROUP BY (every row kept: tests/test_reparse.py)."""

import gzip
import json
import re
from pathlib import Path

import sqlite_utils
from conftest import DATA, EXAMPLE_FILES

from referater import db as store
from referater.db.migrations import migrations
from referater.nlp.stemming import danish_stemmer
from referater.pipeline import ingest_file

FIXTURE = DATA / "referater-0.1.0.db.gz"  # written by release 0.1.0 (tests/data/README.md says how)
QUERIES = ["budget", "budgetterne", "medarbejder", "sygefravær", "Chefforum", "økonomi", "årshjul",
           "medarbejdere trivsel", "lønfunktionen", "datawarehouse", "år"]  # fmt: skip
# The web search of 0.1.0 (datasette_metadata.yml, query soeg): stemmed hits, then trigram-only hits.
V010_SEARCH = """
select rowid from punkt_stamme where punkt_stamme match :stamme
union select rowid from punkt_trigram where punkt_trigram match :trigram
"""


def v010_queries(query: str) -> dict:
    words = re.findall(r"\w+", query)
    stems = danish_stemmer().stemWords([w.lower() for w in words])
    return {"stamme": " ".join(f'"{s}"' for s in stems),
            "trigram": " ".join(f'"{w}"' for w in words if len(w) >= 3) or '"\u2400"'}  # fmt: skip


def v010_copy(folder) -> sqlite_utils.Database:
    path = folder / "v010.db"
    path.write_bytes(gzip.decompress(FIXTURE.read_bytes()))
    return sqlite_utils.Database(path)


def rowids_of(db, ids: list[str]) -> set[int]:
    sql = "select rowid from punkt where id in (select value from json_each(?))"
    return {row[0] for row in db.execute(sql, [json.dumps(ids)])}


def test_a_v010_database_keeps_every_search_result_and_shrinks(tmp_path):
    old = v010_copy(tmp_path)
    path = Path(old.conn.execute("pragma database_list").fetchone()[2])
    assert not old["_sqlite_migrations"].exists() and old["punkt_trigram"].exists()
    exact = {q: {r[0] for r in old.execute("select rowid from punkt_fts where punkt_fts match ?", [old.quote_fts(q)])}
             for q in QUERIES}  # fmt: skip
    web = {q: {r[0] for r in old.execute(V010_SEARCH, v010_queries(q))} for q in QUERIES}
    old.close()
    size_before = path.stat().st_size

    db = store.open_db(path)
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    assert not db["punkt_stamme"].exists() and not db["punkt_trigram"].exists()
    db.execute("insert into punkt_fts(punkt_fts) values ('integrity-check')")
    for query in QUERIES:
        found = {r[0] for r in db.execute("select rowid from punkt_fts where punkt_fts match ?", [db.quote_fts(query)])}
        assert found == exact[query], query  # Datasette's own search: the same punkter
        ranked = rowids_of(db, [row["id"] for row in store.search(db, query, limit=1000)])
        assert web[query] <= ranked, query  # nothing the 0.1.0 web search found is lost
    assert all(web[q] for q in ("budget", "budgetterne", "medarbejder", "sygefravær"))
    db.execute("pragma wal_checkpoint(truncate)")
    assert path.stat().st_size < size_before


def test_facet_counts_of_a_migrated_database_equal_group_by(tmp_path):
    db = store.open_db(v010_copy(tmp_path).conn.execute("pragma database_list").fetchone()[2])
    for table, columns in store.facetter.FACETS.items():
        for column in columns:
            counted = dict(db.execute("select vaerdi, antal from facet_antal where tabel = ? and filter_kolonne = '' "
                                      "and kolonne = ? and antal > 0", [table, column]).fetchall())  # fmt: skip
            grouped = dict(db.execute(f"select [{column}], count(*) from [{table}] where [{column}] is not null "
                                      f"group by [{column}]").fetchall())  # fmt: skip
            assert counted == grouped, (table, column)


def test_a_migrated_database_indexes_each_decision_once_and_finds_every_punkt_by_it(tmp_path):
    """`beslutning` is the decision section of `tekst`: the index over (titel, tekst) finds each punkt by every
    word of its decision, as the 0.1.0 index over (titel, tekst, beslutning) did."""
    db = store.open_db(v010_copy(tmp_path).conn.execute("pragma database_list").fetchone()[2])
    assert list(db["punkt_fts"].columns_dict) == ["titel", "tekst"]
    db.execute("insert into punkt_fts(punkt_fts) values ('integrity-check')")
    decisions = db.execute("select rowid, beslutning from punkt where beslutning is not null").fetchall()
    assert len(decisions) > 10
    for rowid, beslutning in decisions:
        words = " ".join(f'"{word}"' for word in dict.fromkeys(re.findall(r"\w+", beslutning)))
        found = {r[0] for r in db.execute("select rowid from punkt_fts where punkt_fts match ?", [words])}
        assert rowid in found, beslutning


def test_every_word_of_a_decision_is_in_the_punkt_text(tmp_path):
    """What lets the index leave `beslutning` out: on the examples, the layout fixtures and the agenda exports."""
    db = store.open_db(tmp_path / "ny.db")
    sources = [*EXAMPLE_FILES, *sorted((DATA / "layouts").glob("*.txt")), *sorted((DATA / "exports").rglob("*.*"))]
    for path in sources:
        ingest_file(db, path)
    rows = db.execute("select titel || ' ' || coalesce(tekst, ''), beslutning from punkt where beslutning is not null")
    decisions = rows.fetchall()
    assert len(decisions) > 100
    for text, beslutning in decisions:
        assert set(re.findall(r"\w+", beslutning.casefold())) <= set(re.findall(r"\w+", text.casefold())), beslutning
