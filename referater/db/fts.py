"""The Danish search over punkter, one SQL statement for the web page and the CLI alike.

A query word stands for every stored word of its family and every compound holding a short form of
it (``soegeord``); punkter holding the words exactly as typed come first, then the rest, each group in
bm25 order with the title weighing most. Both the web page (Datasette's canned query ``soeg``) and
``referater search`` run ``SEARCH_SQL`` with the SQL functions ``register_functions`` adds.
"""

from __future__ import annotations

import logging
import sqlite3

import sqlite_utils

from ..nlp.stemming import HIT_END, HIT_START, exact_match_query, expanded_match_query, highlight_excerpt
from .soegeord import expansions

log = logging.getLogger(__name__)

# bm25 column weights for punkt_fts (titel, tekst, beslutning): a word in the title says most about a punkt.
WEIGHTS = (10.0, 1.0, 2.0)
# bm25 ranks at most this many matches, the most recently ingested; a query with more matches is ranked
# within its newest ones, because FTS5 scores every match before it can sort.
RANK_WINDOW = 2000
WEB_LIMIT = 100

# The ranked punkter of one query: (rowid, eksakt, rang). The floor is the rowid of the RANK_WINDOW-th
# newest match; the query words are expanded once (a materialized CTE) and shared by every step.
RANKED_SQL = """
with udtryk as materialized (select soeg_udtryk(:q) as alle, soeg_eksakt(:q) as eksakt),
gulv as materialized (
  select coalesce((select rowid from punkt_fts where punkt_fts match (select alle from udtryk)
                   order by rowid desc limit 1 offset {window}), 0) as rowid
),
fund as (
  select rowid, bm25(punkt_fts, {weights}) as rang from punkt_fts
  where punkt_fts match (select alle from udtryk) and rowid >= (select rowid from gulv)
),
eksakte as (
  select rowid from punkt_fts
  where punkt_fts match (select eksakt from udtryk) and rowid >= (select rowid from gulv)
),
rangeret as (
  select fund.rowid, fund.rowid in (select rowid from eksakte) as eksakt, fund.rang from fund
  order by eksakt desc, fund.rang, fund.rowid desc
  limit {limit}
)"""
# What the web page shows per hit (excerpts are cut after the limit, so only the rows shown pay for them).
WEB_COLUMNS = """
select punkt.id as punkt, punkt.dato as Dato, punkt.forum as Forum, punkt.titel as Titel,
  dansk_uddrag(punkt.titel || char(10) || coalesce(punkt.tekst, ''), :q) as uddrag,
  punkt.udfald as Udfald, punkt.sagsnummer, punkt.sag_id
from rangeret join punkt on punkt.rowid = rangeret.rowid
order by rangeret.eksakt desc, rangeret.rang, rangeret.rowid desc"""
CLI_COLUMNS = """
select punkt.id, punkt.dato, punkt.forum, punkt.nummer, punkt.titel, punkt.udfald,
  dansk_uddrag(punkt.titel || char(10) || coalesce(punkt.tekst, ''), :q) as uddrag
from rangeret join punkt on punkt.rowid = rangeret.rowid
order by rangeret.eksakt desc, rangeret.rang, rangeret.rowid desc"""
COUNT_SQL = "select count(*) from (select rowid from punkt_fts where punkt_fts match soeg_udtryk(:q) limit :n)"


def ranked_sql(limit: int | str) -> str:
    weights = ", ".join(str(w) for w in WEIGHTS)
    return RANKED_SQL.format(window=RANK_WINDOW - 1, weights=weights, limit=limit)


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
    matches = db.execute(COUNT_SQL, {"q": query, "n": RANK_WINDOW + 1}).fetchone()[0]
    if matches > RANK_WINDOW:  # say so rather than let a user trust a ranking that left older matches out
        log.warning("'%s' matches more than %d punkter; ranked among the %d newest: narrow the search",
                    query, RANK_WINDOW, RANK_WINDOW)  # fmt: skip
    rows = [dict(row) for row in db.query(ranked_sql(":limit") + CLI_COLUMNS, {"q": query, "limit": limit})]
    brackets = str.maketrans({HIT_START: "[", HIT_END: "]"})
    return [{**row, "uddrag": row["uddrag"].translate(brackets)} for row in rows]
