"""Facet counts kept in step with the rows, so a faceted page costs the same at 1 M punkter as at 1 000.

A Datasette facet is a GROUP BY over every row of the table on every page view: at 1 M punkter the
punkt page took over a second. ``facet_antal`` holds, per table and facet column, how many rows have
each value, for the whole table and for each value of each other facet column (the page a user gets
by clicking one facet value). Triggers keep it in step with every insert, delete and update, whoever
writes; ``web/facetter.py`` answers Datasette's facet queries from it when the page's filter allows.
"""

from __future__ import annotations

from collections import Counter
from itertools import permutations

import sqlite_utils

COUNTS = "facet_antal"
# The facet columns of each table (datasette_metadata.yml shows these by default).
FACETS = {
    "punkt": ["kommune", "forum", "aar", "maaned", "type", "udfald", "kle_hovedgruppe", "kle_emne", "handlingsfacet"],
    "frist": ["ansvarlig", "ansvarlig_type", "maaned", "praecision", "forum", "afsnit", "usikker"],
}
WHOLE_TABLE = ""  # filter_kolonne and filter_vaerdi of the counts over the whole table
CREATE = (
    f"create table {COUNTS} (tabel text not null, filter_kolonne text not null, filter_vaerdi not null, "
    "kolonne text not null, vaerdi not null, antal integer not null, "
    "primary key (tabel, filter_kolonne, filter_vaerdi, kolonne, vaerdi)) without rowid"
)
UPSERT = (
    f"insert into {COUNTS} (tabel, filter_kolonne, filter_vaerdi, kolonne, vaerdi, antal) {{select}} "
    "on conflict do update set antal = antal + excluded.antal"
)
TRIGGERS = {  # name suffix → (event, rows whose values are counted with sign)
    "facet_ai": ("after insert on {table}", [("new", 1)]),
    "facet_ad": ("after delete on {table}", [("old", -1)]),
    "facet_au": ("after update of {columns} on {table}", [("old", -1), ("new", 1)]),
}
COUNTS_SQL = (
    f"select vaerdi as value, antal as count from {COUNTS} where tabel = :tabel and filter_kolonne = :filter "
    "and filter_vaerdi = :filter_vaerdi and kolonne = :kolonne and antal > 0 order by antal desc, vaerdi limit :limit"
)


def counted_select(table: str, row: str, sign: int) -> str:
    """SELECT of (table, filter column, filter value, column, value, ±1) for one row as a trigger sees it."""
    columns = FACETS[table]
    filters = " union all ".join([f"select '{WHOLE_TABLE}' as k, '{WHOLE_TABLE}' as v"] +
                                 [f"select '{c}', {row}.[{c}]" for c in columns])  # fmt: skip
    values = " union all ".join(f"select '{c}' as k, {row}.[{c}] as v" for c in columns)
    return (f"select '{table}', f.k, f.v, c.k, c.v, {sign} from ({filters}) as f, ({values}) as c "
            "where c.v is not null and f.v is not null and f.k <> c.k")  # fmt: skip


def trigger_sql(table: str, suffix: str) -> str:
    event, rows = TRIGGERS[suffix]
    body = " ".join(UPSERT.format(select=counted_select(table, row, sign)) + ";" for row, sign in rows)
    on = event.format(table=table, columns=", ".join(FACETS[table]))
    return f"CREATE TRIGGER {table}_{suffix} {on} begin {body} end"  # as sqlite_master stores it


def ensure_facet_counts(db: sqlite_utils.Database) -> None:
    """Create the counts and their triggers; a table's counts are filled from the rows already stored when
    the counts are new or its triggers were written for other facet columns (FACETS changed)."""
    created = not db[COUNTS].exists()
    if created:
        db.execute(CREATE)
    stored = {row[0]: row[1] for row in db.execute("select name, sql from sqlite_master where type = 'trigger'")}
    for table in FACETS:
        if not db[table].exists():
            continue
        wanted = {f"{table}_{suffix}": trigger_sql(table, suffix) for suffix in TRIGGERS}
        if all(stored.get(name) == sql for name, sql in wanted.items()) and not created:
            continue
        with db.atomic():
            for name, sql in wanted.items():
                db.execute(f"drop trigger if exists [{name}]")
                db.execute(sql)
            db.execute(f"delete from {COUNTS} where tabel = ?", [table])
            fill(db, table)


def fill(db: sqlite_utils.Database, table: str) -> None:
    """Count the stored rows in one pass over the table (a database made before the counts existed)."""
    columns = FACETS[table]
    names = ", ".join(f"[{c}]" for c in columns)
    combinations = db.execute(f"select {names}, count(*) from [{table}] group by {names}").fetchall()
    counts: Counter = Counter()
    for *values, n in combinations:
        row = dict(zip(columns, values))
        for column, value in row.items():
            if value is not None:
                counts[(WHOLE_TABLE, WHOLE_TABLE, column, value)] += n
        for filter_column, column in permutations(columns, 2):
            if row[filter_column] is not None and row[column] is not None:
                counts[(filter_column, row[filter_column], column, row[column])] += n
    db.conn.executemany(f"insert into {COUNTS} values (?, ?, ?, ?, ?, ?)",
                        [(table, *key, n) for key, n in counts.items()])  # fmt: skip
