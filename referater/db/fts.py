"""The Danish search over punkter, one SQL statement for the web page and the CLI alike.

A query word stands for every stored word of its family and every compound holding a short form of
it (``soegeord``). Matches are ranked in four tiers, newest punkt first within each:

1. every query word exactly as typed, in the title (``punkt_titel_fts``);
2. every query word exactly as typed, anywhere in the punkt (``punkt_fts``);
3. a form of every query word in the title;
4. a form of every query word anywhere.

The ranking is complete, every match has its place, and its top N is found without ranking them all:
a punkt among the first N of tier k has fewer than N newer punkter in tier k's matches (each of those
ranks before it), so the N newest matches of each tier hold the whole top N. FTS5 walks a doclist
newest first and stops there. bm25 was given up for this: FTS5 computes its idf by walking every
match of every query term, ≈ 25 ms at 200 000 punkter for one common word, before ranking even one.
Both the web page (Datasette's canned query ``soeg``) and ``referater search`` run ``ranked_sql`` with
the SQL functions ``register_functions`` adds.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from ..nlp.stemming import HIT_END, HIT_START, exact_match_query, expanded_match_query, highlight_excerpt
from .publish import TITLE_INDEX
from .soegeord import expansions

WEB_LIMIT = 100
TIERS = [(TITLE_INDEX, "eksakt"), ("punkt_fts", "eksakt"), (TITLE_INDEX, "alle"), ("punkt_fts", "alle")]

TIER_SQL = "select rowid, {tier} as lag from (select rowid from {index} where {index} match (select {words} " \
           "from udtryk) order by rowid desc limit {limit})"  # fmt: skip
# The ranked punkter of one query: (rowid, lag); the query words are expanded once (a materialized CTE).
RANKED_SQL = """
with udtryk as materialized (select soeg_eksakt(:q) as eksakt, soeg_udtryk(:q) as alle),
lagdelt as (
  {tiers}
),
rangeret as (
  select rowid, min(lag) as lag from lagdelt group by rowid order by lag, rowid desc limit {limit}
)"""
# What the web page shows per hit (excerpts are cut after the limit, so only the rows shown pay for them).
WEB_COLUMNS = """
select punkt.id as punkt, punkt.dato as Dato, punkt.forum as Forum, punkt.titel as Titel,
  dansk_uddrag(punkt.titel || char(10) || coalesce(punkt.tekst, ''), :q) as uddrag,
  punkt.udfald as Udfald, punkt.sagsnummer, punkt.sag_id
from rangeret join punkt on punkt.rowid = rangeret.rowid
order by rangeret.lag, rangeret.rowid desc"""
CLI_COLUMNS = """
select punkt.id, punkt.dato, punkt.forum, punkt.nummer, punkt.titel, punkt.udfald,
  dansk_uddrag(punkt.titel || char(10) || coalesce(punkt.tekst, ''), :q) as uddrag
from rangeret join punkt on punkt.rowid = rangeret.rowid
order by rangeret.lag, rangeret.rowid desc"""


# Every match with its tier as `fund` (rowid, gruppe, rang), the interface of web/queries.py's PUNKT_SOEG:
# for feeds that follow a search (they read every match); a page of hits uses ranked_sql, which stops early.
FUND_SQL = """udtryk as materialized (select soeg_eksakt(:q) as eksakt, soeg_udtryk(:q) as alle),
alle_lag as (
  {tiers}
),
fund as (select rowid, min(lag) as gruppe, -rowid as rang from alle_lag group by rowid)"""


def fund_sql() -> str:
    """FUND_SQL with its tiers (no limits: every match)."""
    tiers = "\n  union all ".join(f"select rowid, {number} as lag from {index} where {index} match (select {words} "
                                  "from udtryk)" for number, (index, words) in enumerate(TIERS, start=1))  # fmt: skip
    return FUND_SQL.format(tiers=tiers)


def ranked_sql(limit: int | str) -> str:
    """The CTEs ``udtryk``, ``lagdelt`` and ``rangeret`` (the top ``limit``: rowid, lag) for :q."""
    tiers = "\n  union all ".join(TIER_SQL.format(tier=number, index=index, words=words, limit=limit)
                                  for number, (index, words) in enumerate(TIERS, start=1))  # fmt: skip
    return RANKED_SQL.format(tiers=tiers, limit=limit)


def web_search_sql() -> str:
    """The canned query ``soeg`` of the web page."""
    return ranked_sql(WEB_LIMIT) + WEB_COLUMNS


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the search needs, on one connection (Datasette's prepare_connection, the CLI)."""
    conn.create_function("soeg_udtryk", 1, lambda q: expanded_match_query(expansions(conn, q)))
    conn.create_function("soeg_eksakt", 1, exact_match_query, deterministic=True)
    conn.create_function("dansk_uddrag", 2, highlight_excerpt, deterministic=True)


def search(db: sqlite_utils.Database, query: str, limit: int = 20) -> list[dict]:
    """The punkter matching a Danish query, best first, with a highlighted excerpt (as the web page)."""
    register_functions(db.conn)
    rows = [dict(row) for row in db.query(ranked_sql(":limit") + CLI_COLUMNS, {"q": query, "limit": limit})]
    brackets = str.maketrans({HIT_START: "[", HIT_END: "]"})
    return [{**row, "uddrag": row["uddrag"].translate(brackets)} for row in rows]
