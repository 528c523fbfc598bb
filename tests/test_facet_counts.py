"""Facets answered from the counts the writer keeps are exactly Datasette's GROUP BY, on every page they serve."""

import asyncio
from urllib.parse import urlencode

import pytest
from publish_site import build_site_db

from referater import db as store
from referater.db.facetter import FACETS
from referater.pipeline import ingest_file
from referater.publish import make_datasette, metadata_for
from conftest import EXAMPLES


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = build_site_db(tmp_path_factory.mktemp("facetter") / "referater.db")
    return path, store.open_db(path)


def facets(client, table: str, args: list[tuple[str, str]]) -> dict:
    """The facets the table's page shows by default (datasette_metadata.yml) with these filters."""
    query = urlencode(args + [("_size", "0")])
    response = asyncio.run(client.get(f"/referater/{table}.json?{query}"))
    assert response.status_code == 200, response.text
    return {name: [(v["value"], v["count"]) for v in facet["results"]]
            for name, facet in response.json()["facet_results"].items()}  # fmt: skip


def group_by(db, table: str, where: str = "", params=()) -> dict:
    """Datasette's facet query: values by count, then value; at most 30 shown."""
    return {column: [tuple(r) for r in db.execute(
        f"select [{column}], count(*) as n from [{table}] where [{column}] is not null {where} "
        f"group by [{column}] order by n desc, [{column}] limit 30", params).fetchall()]
        for column in FACETS[table]}  # fmt: skip


def pages(db, table: str) -> list[tuple[list, str, list]]:
    """(query-string filter, SQL where, params): the whole table and one value of every facet column."""
    found = [([], "", [])]
    for column in FACETS[table]:
        value = db.execute(f"select [{column}] from [{table}] where [{column}] is not null "
                           f"group by 1 order by count(*) desc limit 1").fetchone()  # fmt: skip
        if value:
            found.append(([(column, str(value[0]))], f"and [{column}] = ?", [value[0]]))
    return found


def test_the_counted_columns_are_the_facets_pages_show():
    tables = metadata_for("referater.db")["databases"]["referater"]["tables"]
    assert {table: tables[table]["facets"] for table in FACETS} == FACETS


@pytest.mark.parametrize("table", sorted(FACETS))
def test_counted_facets_equal_group_by_on_every_page_they_serve(site, table):
    path, db = site
    client = make_datasette(path).client
    for args, where, params in pages(db, table):
        assert facets(client, table, args) == group_by(db, table, where, params), args
    assert len(pages(db, table)) > 3


def test_pages_the_counts_cannot_serve_still_facet_by_group_by(site):
    path, db = site
    client = make_datasette(path).client
    two = [("forum", "Chefforum"), ("aar", "2025")]
    assert facets(client, "punkt", two) == group_by(db, "punkt", "and forum = ? and aar = ?", ["Chefforum", 2025])
    searched = facets(client, "punkt", [("_search", "budget")])
    assert searched == group_by(db, "punkt", "and rowid in (select rowid from punkt_fts where punkt_fts match ?)",
                                ["budget"])  # fmt: skip
    assert searched != group_by(db, "punkt")


def test_counts_follow_replacement_and_deletion(tmp_path):
    db = store.open_db(tmp_path / "referater.db")
    for path in sorted(EXAMPLES.iterdir()):
        ingest_file(db, path)
        ingest_file(db, path, force=True)
    store.delete_referat(db, db.execute("select id from referat order by id limit 1").fetchone()[0])
    for table in FACETS:
        counted = {tuple(r) for r in db.execute("select kolonne, vaerdi, antal from facet_antal where tabel = ? "
                                                "and filter_kolonne = '' and antal > 0", [table])}  # fmt: skip
        expected = {(c, v, n) for c, rows in group_by(db, table).items() for v, n in rows}
        assert counted == expected


def test_the_pages_they_serve_read_the_counts_not_the_rows(tmp_path):
    path = build_site_db(tmp_path / "referater.db")
    db = store.open_db(path)
    db.execute("update facet_antal set antal = antal + 1000 where tabel = 'punkt'")
    db.conn.commit()
    client = make_datasette(path).client
    whole, filtered = facets(client, "punkt", []), facets(client, "punkt", [("forum", "Chefforum")])
    assert whole == {c: [(v, n + 1000) for v, n in rows] for c, rows in group_by(db, "punkt").items()}
    assert filtered["aar"] == [(v, n + 1000) for v, n in group_by(db, "punkt", "and forum = 'Chefforum'")["aar"]]
