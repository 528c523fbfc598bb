"""Search ranks within a window of the newest matches; below the window size it is plain bm25."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILES

from referater import db as store
from referater.db import fts
from referater.pipeline import ingest_file

QUERIES = ["budget", "sygefravær", "medarbejdere", "Chefforum", "økonomi", "lønfunktionen", "intet"]
REFERENCE = (  # the plain query: bm25 over every match, optionally only rowids from a floor up
    "select punkt.id, punkt.dato, punkt.forum, punkt.nummer, punkt.titel, punkt.udfald, "
    "snippet(punkt_fts, 1, '[', ']', '…', 12) as uddrag "
    "from punkt_fts join punkt on punkt.rowid = punkt_fts.rowid "
    "where punkt_fts match :q and punkt_fts.rowid >= :floor order by bm25(punkt_fts) limit :limit"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = store.open_db(tmp_path_factory.mktemp("search") / "search.db")
    for path in EXAMPLE_FILES:
        ingest_file(db, path)
    return db


def reference(db, query: str, limit: int, floor: int = 0) -> list[dict]:
    return [dict(row) for row in db.query(REFERENCE, {"q": db.quote_fts(query), "floor": floor, "limit": limit})]


@pytest.mark.parametrize("query", QUERIES)
def test_fewer_matches_than_the_window_rank_exactly_like_bm25(db, query):
    assert store.search(db, query, limit=10) == reference(db, query, 10)
    assert reference(db, query, 10), "every query must find something, else the comparison is empty"


@pytest.mark.parametrize("query", ["Chefforum", "indstiller", "økonomi"])
def test_more_matches_than_the_window_rank_the_newest_ones(db, query, monkeypatch):
    monkeypatch.setattr(fts, "RANK_WINDOW", 5)
    matches = [r[0] for r in db.execute("select rowid from punkt_fts where punkt_fts match ? order by rowid desc",
                                        [db.quote_fts(query)])]  # fmt: skip
    assert len(matches) > 5
    got = store.search(db, query, limit=3)
    assert got == reference(db, query, 3, floor=matches[4])
    assert got != reference(db, query, 3) or len(matches) <= 5  # the window changed what ranks first


def test_a_cut_ranking_is_said_out_loud(db, monkeypatch, caplog):
    monkeypatch.setattr(fts, "RANK_WINDOW", 5)
    store.search(db, "Chefforum", limit=3)
    assert caplog.messages == ["'Chefforum' matches more than 5 punkter; ranked among the 5 newest: narrow the search"]
    caplog.clear()
    store.search(db, "lønfunktionen", limit=3)
    assert caplog.messages == []
