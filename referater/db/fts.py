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
The web (the canned query ``soeg``, search-all's page: web/queries.py), its feeds (``fund_sql``) and
``referater search`` run this SQL with the SQL functions ``register_functions`` adds.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from ..nlp.stemming import HIT_END, HIT_START, exact_match_query, expanded_match_query, highlight_excerpt
from .publish import TITLE_INDEX
from .soegeord import expansions

TIERS = [(TITLE_INDEX, "eksakt"), ("punkt_fts", "eksakt"), (TITLE_INDEX, "alle"), ("punkt_fts", "alle")]

TIER_SQL = "select rowid, {tier} as lag from (select rowid from {index} where {index} match (select {words} " \
           "from udtryk) order by rowid desc limit {limit})"  # fmt: skip
# The query words, expanded once (a materialized CTE): the FTS5 queries of the exact and the expanded tiers.
WORDS_CTE = "udtryk as materialized (select soeg_eksakt(:q) as eksakt, soeg_udtryk(:q) as alle)"
# The top {limit} ranked punkter of one query as `rangeret` (rowid, lag), for a page of hits.
RANKED_CTES = WORDS_CTE + """,
lagdelt as (
  {tiers}
),
rangeret as (
  select rowid, min(lag) as lag from lagdelt group by rowid order by lag, rowid desc limit {limit}
)"""
# Every match with its tier as `fund` (rowid, gruppe, rang), for feeds that follow a search (they read every
# match, newest first); a page of hits uses RANKED_CTES, which stops early.
FUND_CTES = WORDS_CTE + """,
alle_lag as (
  {tiers}
),
fund as (select rowid, min(lag) as gruppe, -rowid as rang from alle_lag group by rowid)"""
# How many punkter match: tier 4 (a form of every word anywhere) holds every other tier's matches.
COUNT_SQL = f"with {WORDS_CTE} select count(*) from punkt_fts where punkt_fts match (select alle from udtryk)"
# What a page of hits shows (excerpts are cut after the limit, so only the rows shown pay for them).
HIT_ORDER = "from rangeret join punkt on punkt.rowid = rangeret.rowid order by rangeret.lag, rangeret.rowid desc"
EXCERPT = "dansk_uddrag(punkt.titel || char(10) || coalesce(punkt.tekst, ''), :q) as uddrag"
CLI_COLUMNS = f"""
select punkt.id, punkt.dato, punkt.forum, punkt.nummer, punkt.titel, punkt.udfald, {EXCERPT}
{HIT_ORDER}"""


def fund_sql() -> str:
    """The CTEs ``udtryk`` and ``fund``: every punkt matching :q (no limit)."""
    tiers = "\n  union all ".join(f"select rowid, {number} as lag from {index} where {index} match (select {words} "
                                  "from udtryk)" for number, (index, words) in enumerate(TIERS, start=1))  # fmt: skip
    return FUND_CTES.format(tiers=tiers)


def ranked_sql(limit: int | str) -> str:
    """The CTEs ``udtryk``, ``lagdelt`` and ``rangeret`` (the top ``limit`` for :q: rowid, lag), no WITH."""
    tiers = "\n  union all ".join(TIER_SQL.format(tier=number, index=index, words=words, limit=limit)
                                  for number, (index, words) in enumerate(TIERS, start=1))  # fmt: skip
    return RANKED_CTES.format(tiers=tiers, limit=limit)


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the search needs, on one connection (Datasette's prepare_connection, the CLI)."""
    conn.create_function("soeg_udtryk", 1, lambda q: expanded_match_query(expansions(conn, q)))
    conn.create_function("soeg_eksakt", 1, exact_match_query, deterministic=True)
    conn.create_function("dansk_uddrag", 2, highlight_excerpt, deterministic=True)


def search(db: sqlite_utils.Database, query: str, limit: int = 20) -> list[dict]:
    """The punkter matching a Danish query, best first, with a highlighted excerpt (as the web page)."""
    register_functions(db.conn)
    sql = f"with {ranked_sql(':limit')}{CLI_COLUMNS}"
    rows = [dict(row) for row in db.query(sql, {"q": query, "limit": limit})]
    brackets = str.maketrans({HIT_START: "[", HIT_END: "]"})
    return [{**row, "uddrag": row["uddrag"].translate(brackets)} for row in rows]
