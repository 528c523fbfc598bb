"""The read-only SQL behind the front page and the case page, as data plus small async helpers."""

from __future__ import annotations

import json

from rapidfuzz import process

from ..parsers.fields import normalise_sagsnummer

OVERVIEW_SQL = {
    "referater": "select count(*) from referat",
    "punkter": "select count(*) from punkt",
    "sager": "select count(*) from sag",
    "beslutninger": "select count(*) from punkt where beslutning is not null",
    "fra": "select min(dato) from referat",
    "til": "select max(dato) from referat",
    "fora": "select count(distinct forum) from referat",
}
OPEN_FRISTER_SQL = "select count(*) from frist where dato >= date('now')"
SAG_SQL = """
select sag.*, emne.titel as emne_titel, gruppe.titel as gruppe_titel, hoved.titel as hovedgruppe_titel
from sag
left join kle emne on emne.nummer = sag.emne
left join kle gruppe on gruppe.nummer = substr(sag.emne, 1, 5)
left join kle hoved on hoved.nummer = substr(sag.emne, 1, 2)
where sag.id = :nr
"""
PUNKTER_SQL = """
select id, referat_id, dato, forum, nummer, titel, sag_id, sagsnummer, indstiller, indstillinger, beslutning,
  udfald
from punkt where sag_id = :noegle or sagsnummer = :nr order by dato desc, nummer
"""
FRISTER_SQL = "select * from frist where punkt_id in (select value from json_each(:ids)) order by dato"
BEHANDLING_SQL = """
select * from behandling where punkt_id in (select value from json_each(:ids)) order by punkt_id, position
"""
PUNKT_KLE_SQL = """
select kle.betegnelse from punkt join kle on kle.nummer in (punkt.kle_hovedgruppe, punkt.kle_gruppe, punkt.kle_emne)
where punkt.id = :id order by kle.nummer
"""
SUGGESTIONS, SUGGESTION_CUTOFF = 5, 60


async def table_exists(db, name: str) -> bool:
    return name in await db.table_names()


async def scalar(db, sql: str, params: dict | None = None):
    return (await db.execute(sql, params or {})).first()[0]


async def overview(db) -> dict:
    """Figures for the front page; an empty dict when the database is not one of ours."""
    if not await table_exists(db, "punkt"):
        return {}
    figures = {name: await scalar(db, sql) for name, sql in OVERVIEW_SQL.items()}
    has_frister = await table_exists(db, "frist")
    figures["aabne_frister"] = await scalar(db, OPEN_FRISTER_SQL) if has_frister else None
    return figures


async def case_history(db, nummer: str) -> dict:
    """Everything known about one sagsnummer (raw or normalised), newest meeting first."""
    noegle = normalise_sagsnummer(nummer)  # the key ingest stored, whatever form the user typed
    punkter = [punkt_dict(row) for row in await db.execute(PUNKTER_SQL, {"noegle": noegle, "nr": nummer})]
    sag_id = punkter[0]["sag_id"] if punkter else noegle
    sag = (await db.execute(SAG_SQL, {"nr": sag_id})).first()
    ids = json.dumps([p["id"] for p in punkter])
    return {
        "sag": dict(sag) if sag else None,
        "punkter": punkter,
        "frister": await rows_if_table(db, "frist", FRISTER_SQL, {"ids": ids}),
        "behandling": await rows_if_table(db, "behandling", BEHANDLING_SQL, {"ids": ids}),
        "forslag": [] if punkter else await suggestions(db, sag_id),
    }


def punkt_dict(row) -> dict:
    """A punkt row with its JSON list of indstillinger decoded for the template."""
    punkt = dict(row)
    punkt["indstillinger"] = json.loads(punkt["indstillinger"] or "[]")
    return punkt


async def rows_if_table(db, table: str, sql: str, params: dict) -> list[dict]:
    """Rows from a table another stage may not have created yet (frist, behandling)."""
    if not await table_exists(db, table):
        return []
    return [dict(row) for row in await db.execute(sql, params)]


async def suggestions(db, key: str) -> list[str]:
    """Closest stored sagsnumre, because users type them from memory."""
    known = [row[0] for row in await db.execute("select id from sag")]
    matches = process.extract(key, known, limit=SUGGESTIONS, score_cutoff=SUGGESTION_CUTOFF)
    return [match for match, _score, _i in matches]


async def punkt_details(db, punkt_id: str) -> dict:
    """What the punkt page shows beside the row itself: its frister and the KLE levels of its sag."""
    ids = json.dumps([punkt_id])
    return {
        "punkt_frister": await rows_if_table(db, "frist", FRISTER_SQL, {"ids": ids}),
        "punkt_kle": [row[0] for row in await db.execute(PUNKT_KLE_SQL, {"id": punkt_id})],
    }
