"""The published database: read-only, a SQL time limit, and referat text rendered as text, never as HTML."""

from __future__ import annotations

import asyncio
import sqlite3
from urllib.parse import quote

import pytest

from conftest import EXAMPLES
from referater import db as store
from referater.pipeline import ingest_file
from referater.publish import make_datasette

PAYLOAD = "<script>alert('xss')</script>"
SLOW_SQL = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    """The examples plus a referat whose title, indstilling and beslutning carry a script tag."""
    folder = tmp_path_factory.mktemp("ds")
    hostile = folder / "ondsindet.txt"
    text = (EXAMPLES / "chefforum-2025-08-13.txt").read_text(encoding="utf-8")
    text = text.replace("Punkt 1: Godkendelse af dagsorden og referat", f"Punkt 1: Godkendelse {PAYLOAD}")
    text = text.replace("Chefforum godkendte dagsorden og referat.", f"Chefforum godkendte {PAYLOAD}.")
    hostile.write_text(text.replace("13-08-2025", "14-08-2025").replace("13. august", "14. august"), "utf-8")
    db = store.open_db(folder / "referater.db")
    for path in [EXAMPLES / "chefforum-2025-01-29.txt", hostile]:
        assert ingest_file(db, path).status == "ingested"
    db.close()
    return make_datasette(folder / "referater.db")


def fetch(datasette, path: str):
    async def go():
        await datasette.invoke_startup()
        return await datasette.client.get(path)

    return asyncio.run(go())


@pytest.mark.parametrize("path", ["/referater/punkt/chefforum-2025-08-14~2F1", "/referater/punkt?_search=godkendte",
                                  "/referater/punkt?nummer=1"])  # fmt: skip
def test_script_in_a_referat_renders_as_text(datasette, path):
    response = fetch(datasette, path)
    assert response.status_code == 200
    assert PAYLOAD not in response.text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in response.text


def test_database_is_opened_read_only(datasette):
    async def try_write():
        await datasette.invoke_startup()
        return await datasette.get_database("referater").execute("delete from punkt")

    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(try_write())
    assert fetch(datasette, "/referater.json?sql=delete+from+punkt").status_code == 400


def test_sql_time_limit_stops_a_runaway_query(datasette):
    response = fetch(datasette, "/referater.json?sql=" + quote(SLOW_SQL))
    assert response.status_code == 400
    assert "SQL query took too long" in response.text
