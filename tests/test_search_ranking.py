"""The search ranking is complete: its top N is the top N of every match ranked, also for common words."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_FILES

from referater import db as store
from referater.db import fts
from referater.pipeline import ingest_file

QUERIES = ["orientering", "budget", "budgetterne", "sygefravær", "medarbejdere", "lønfunktionen", "medarbejdere trivsel",
           "godkendt indstilling", "intet"]  # fmt: skip
COMMON = ["Chefforum", "økonomi", "indstiller"]  # in most punkter of the examples


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = store.open_db(tmp_path_factory.mktemp("search") / "search.db")
    for path in EXAMPLE_FILES:
        ingest_file(db, path)
    fts.register_functions(db.conn)
    return db


def full_ranking(db, query: str) -> list[str]:
    """Every match, each in the first tier that holds it, newest first within a tier (no limit anywhere)."""
    placed: dict[int, int] = {}
    for tier, (index, words) in enumerate(fts.TIERS, start=1):
        expression = db.execute(f"select soeg_{'eksakt' if words == 'eksakt' else 'udtryk'}(?)", [query]).fetchone()[0]
        for (rowid,) in db.execute(f"select rowid from {index} where {index} match ?", [expression]):
            placed.setdefault(rowid, tier)
    ranked = sorted(placed, key=lambda rowid: (placed[rowid], -rowid))
    ids = dict(db.execute("select rowid, id from punkt").fetchall())
    return [ids[rowid] for rowid in ranked]


@pytest.mark.parametrize("query", QUERIES + COMMON)
def test_every_match_in_fund_is_the_full_ranking(db, query):
    sql = f"with {fts.fund_sql()} select punkt.id from fund join punkt on punkt.rowid = fund.rowid order by gruppe, rang"
    assert [row[0] for row in db.execute(sql, {"q": query})] == full_ranking(db, query)


@pytest.mark.parametrize("query", QUERIES + COMMON)
@pytest.mark.parametrize("limit", [1, 3, 20, 1000])
def test_the_top_n_is_the_top_n_of_the_full_ranking(db, query, limit):
    assert [row["id"] for row in store.search(db, query, limit=limit)] == full_ranking(db, query)[:limit]


def test_the_common_words_match_most_punkter_and_tiers_reorder_them(db):
    punkter = db.execute("select count(*) from punkt").fetchone()[0]
    assert all(len(full_ranking(db, query)) > punkter / 2 for query in COMMON)
    newest_first = [r[0] for r in db.execute("select id from punkt where rowid in (select rowid from punkt_fts "
                                             "where punkt_fts match soeg_udtryk('orientering')) order by rowid desc")]
    assert full_ranking(db, "orientering")[:20] != newest_first[:20]  # title hits first, not recency alone


def test_exact_title_hits_come_first(db):
    ranked = store.search(db, "sygefravær", limit=5)
    assert [row["titel"] for row in ranked[:2]] == ["Orientering om sygefravær 1. kvartal 2025",
                                                    "Orientering om sygefravær for 4. kvartal 2024"]  # fmt: skip
