"""The published database through Datasette's own test client: metadata, facets, canned query, FTS."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from conftest import EXAMPLES, annotated, load_json
from test_parse_chefforum import expected_items

from referater import db as store
from referater.pipeline import ingest_file
from referater.publish import make_datasette, metadata_for


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    path = tmp_path_factory.mktemp("ds") / "referater.db"
    db = store.open_db(path)
    for example in sorted(EXAMPLES.iterdir()):
        ingest_file(db, example)
    db.close()
    return make_datasette(path)


def get_json(datasette, path: str):
    async def fetch():
        await datasette.invoke_startup()
        response = await datasette.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_every_table_and_column_has_a_danish_description(tmp_path):
    db = store.open_db(tmp_path / "referater.db")
    tables = metadata_for(tmp_path / "referater.db")["databases"]["referater"]["tables"]
    for name in store.TABLES:
        assert tables[name]["title"] and tables[name]["description"]
        assert set(tables[name]["columns"]) == set(db[name].columns_dict), name


def test_facets_on_punkt(datasette):
    data = get_json(datasette, "/referater/punkt.json?_facet=udfald&_facet=type&_size=0")
    udfald = {f["value"]: f["count"] for f in data["facet_results"]["udfald"]["results"]}
    annotated_outcomes = Counter(item["outcome"] for path in annotated() for item in expected_items(load_json(path)))
    assert udfald == dict(annotated_outcomes) and sum(udfald.values()) == 45
    assert {f["value"] for f in data["facet_results"]["type"]["results"]} == {
        "godkendelse", "orientering", "beslutning", "temadroeftelse", "andet"}  # fmt: skip


def test_canned_sag_query_newest_first(datasette):
    rows = get_json(datasette, "/referater/sag.json?sagsnummer=81.28.00-p05-1-25&_shape=array")
    assert [(r["Dato"], r["Punkt"]) for r in rows] == [("2025-01-29", 3)]
    rows = get_json(datasette, "/referater/sag.json?sagsnummer=00.01.00-A00-32-24&_shape=array")
    assert [r["Dato"] for r in rows] == sorted((r["Dato"] for r in rows), reverse=True)


def test_full_text_search_with_danish_letters(datasette):
    data = get_json(datasette, "/referater/punkt.json?_search=sygefraværsdata&_shape=objects")
    assert [r["id"] for r in data["rows"]] == ["chefforum-2025-01-29/3"]
