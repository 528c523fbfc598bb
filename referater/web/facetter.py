"""Datasette's column facets, answered from the counts the database keeps (``db/facetter.py``).

Datasette's ColumnFacet runs one GROUP BY over the page's rows per facet. This subclass renders facets
exactly as Datasette does, but a facet query on a page that shows the whole table, or the table
filtered on one value of another counted column, is answered by one lookup in ``facet_antal``.
Any other page (a search, two filters, a comparison) runs Datasette's own GROUP BY.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from datasette.facets import ArrayFacet, ColumnFacet, DateFacet
from datasette.plugins import pm
from datasette.utils import detect_json1

from ..db.facetter import COUNTS_SQL, FACETS, WHOLE_TABLE

# Query-string arguments that change how rows are shown, not which rows there are.
NEUTRAL_ARGS = {"_facet", "_facet_size", "_size", "_sort", "_sort_desc", "_next", "_labels", "_nolabels", "_col",
                "_nocol", "_nocount", "_shape", "_json", "_trace", "_facet_date", "_facet_array"}  # fmt: skip
FACET_SQL = re.compile(r"\s*select \[?(?P<column>\w+)\]? as value, count\(\*\) as count from \(.*"
                       r"limit (?P<limit>\d+)\s*$", re.DOTALL)  # fmt: skip
INTEGER = re.compile(r"-?(0|[1-9]\d*)")

# datasette.facets registers after the plugins of installed packages load: block it (unregisters it when it
# came first); facet_classes() gives its classes, with CountedColumnFacet in place of its ColumnFacet.
pm.set_blocked("datasette.facets")


def facet_classes() -> list:
    """What datasette.facets registered, with the counted column facet in place of Datasette's."""
    return [CountedColumnFacet, DateFacet] + ([ArrayFacet] if detect_json1() else [])


class CountedColumnFacet(ColumnFacet):
    async def facet_results(self):
        datasette = self.ds
        self.ds = CountsFirst(datasette, self)
        try:
            return await super().facet_results()
        finally:
            self.ds = datasette


class CountsFirst:
    """Stands in for Datasette while a facet runs: facet queries the counts can answer go to them."""

    def __init__(self, datasette, facet: ColumnFacet):
        self._datasette, self._facet = datasette, facet

    def __getattr__(self, name):
        return getattr(self._datasette, name)

    async def execute(self, database, sql, params=None, **kwargs):
        match = FACET_SQL.match(sql)
        filter_ = await page_filter(self._facet) if match else None
        if filter_ is None or match["column"] not in FACETS[self._facet.table] or match["column"] == filter_[0]:
            return await self._datasette.execute(database, sql, params, **kwargs)
        counts = {"tabel": self._facet.table, "filter": filter_[0], "filter_vaerdi": filter_[1],
                  "kolonne": match["column"], "limit": int(match["limit"])}  # fmt: skip
        return await self._datasette.execute(database, COUNTS_SQL, counts, **kwargs)


async def page_filter(facet: ColumnFacet) -> tuple[str, object] | None:
    """(column, value) of the page's one filter, (WHOLE_TABLE, WHOLE_TABLE) for the whole table, or None
    when the page's rows are not what the counts describe."""
    if facet.table not in FACETS:
        return None
    pairs = parse_qsl(facet.request.query_string, keep_blank_values=True)
    args = [(key, value) for key, value in pairs if key not in NEUTRAL_ARGS]
    if not args:
        return WHOLE_TABLE, WHOLE_TABLE
    if len(args) > 1:
        return None
    key, value = args[0]
    column = key.removesuffix("__exact")
    if column not in FACETS[facet.table]:
        return None
    if (await column_types(facet)).get(column) == "INTEGER":  # Datasette compares as SQLite's affinity does
        return (column, int(value)) if INTEGER.fullmatch(value) else None
    return column, value


async def column_types(facet: ColumnFacet) -> dict[str, str]:
    db = facet.ds.get_database(facet.database)
    rows = await db.execute(f"select name, upper(type) from pragma_table_info('{facet.table}')")
    return {name: kind for name, kind in rows.rows}
