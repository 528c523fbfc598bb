"""Search ranks within a window of the newest matches; below the window size it is the full ranking."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILES

from referater import db as store
from referater.db import fts
from referater.pipeline import ingest_file

QUERIES = ["budget", "sygefravær", "medarbejdere", "Chefforum", "økonomi", "lønfunktionen", "intet"]
# The full ranking: every match of the expanded query, exact-word hits first, then bm25 with the weights.
REFERENCE = """
select punkt.id from punkt_fts join punkt on punkt.rowid = punkt_fts.rowid
where punkt_fts match soeg_udtryk(:q) and punkt_fts.rowid >= :floor
order by punkt_fts.rowid in (select rowid from punkt_fts where punkt_fts match soeg_eksakt(:q)) desc,
  bm25(punkt_fts, {weights}), punkt_fts.rowid desc
limit :limit
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = store.open_db(tmp_path_factory.mktemp("search") / "search.db")
    for path in EXAMPLE_FILES:
        ingest_file(db, path)
    fts.register_functions(db.conn)
    return db


def reference(db, query: str, limit: int, floor: int = 0) -> list[str]:
    sql = REFERENCE.format(weights=", ".join(map(str, fts.WEIGHTS)))
    return [row[0] for row in db.execute(sql, {"q": query, "floor": floor, "limit": limit})]


def ids(rows: list[dict]) -> list[str]:
    return [row["id"] for row in rows]


@pytest.mark.parametrize("query", QUERIES)
def test_fewer_matches_than_the_window_rank_exactly_like_the_full_ranking(db, query):
    assert ids(store.search(db, query, limit=10)) == reference(db, query, 10)
    assert query == "intet" or reference(db, query, 10), "the query must find something, else the comparison is empty"


@pytest.mark.parametrize("query", ["Chefforum", "indstiller", "økonomi"])
def test_more_matches_than_the_window_rank_the_newest_ones(db, query, monkeypatch):
    monkeypatch.setattr(fts, "RANK_WINDOW", 5)
    matches = [r[0] for r in db.execute("select rowid from punkt_fts where punkt_fts match soeg_udtryk(?) "
                                        "order by rowid desc", [query])]  # fmt: skip
    assert len(matches) > 5
    got = ids(store.search(db, query, limit=3))
    assert got == reference(db, query, 3, floor=matches[4])
    assert got != reference(db, query, 3)  # the window changed what ranks first


def test_a_cut_ranking_is_said_out_loud(db, monkeypatch, caplog):
    monkeypatch.setattr(fts, "RANK_WINDOW", 5)
    store.search(db, "Chefforum", limit=3)
    assert caplog.messages == ["'Chefforum' matches more than 5 punkter; ranked among the 5 newest: narrow the search"]
    caplog.clear()
    store.search(db, "lønfunktionen", limit=3)
    assert caplog.messages == []
