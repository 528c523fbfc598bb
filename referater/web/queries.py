"""The read-only SQL behind the front page and the case page, as data plus small async helpers."""

from __future__ import annotations

import json

from rapidfuzz import process

from ..db import fts
from ..parsers.fields import normalise_sagsnummer

OVERVIEW_SQL = {
    "referater": "select count(*) from referat",
    "punkter": "select count(*) from punkt",
    "sager": "select count(*) from sag",
    "beslutninger": "select count(*) from punkt where beslutning is not null",
    "fra": "select min(dato) from referat",
    "til": "select max(dato) from referat",
    "fora": "select count(distinct forum) from referat",
    "kommuner": "select group_concat(kommune, ', ') from (select distinct kommune from referat where kommune is not null"
    " order by kommune)",
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
select id, referat_id, dato, forum, kommune, nummer, titel, sag_id, sagsnummer, indstiller, indstillinger,
  beslutning, udfald
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

# The Danish search lives in db/fts.py, shared with `referater search`: `punkt_bedste` gives the CTE
# `rangeret` (rowid, lag) of the best 100 punkter for :q, found without ranking every match; `punkt_soeg`
# gives `fund` (rowid, gruppe, rang) with every match, for the search feeds (Atom, iCal), which the canned
# queries in datasette_metadata.yml start from ({punkt_bedste}, {punkt_soeg}).
PUNKT_SOEG = fts.fund_sql()
# The columns of the feeds, shared by the plain and the search feed. event_* make the .ics calendar (one
# all-day event per frist: owner in the summary, punkt title in the description, link to the punkt page);
# atom_* make the Atom feed (absolute link to the punkt page). The rest is what the web page shows.
FRIST_KOLONNER = """
'frist-' || frist.id || '@referater' as event_uid,
coalesce(frist.ansvarlig, 'Ingen ansvarlig nævnt') || ': ' || coalesce(frist.handling, frist.tekst)
  || case when frist.usikker then ' (usikker)' else '' end as event_name,
frist.dato as event_date,
:_adresse_punkt || tilde_kode(punkt.id) as event_url,
'Punkt: ' || punkt.titel
  || char(10) || 'Møde: ' || coalesce(punkt.kommune || ', ', '') || punkt.forum || ' ' || punkt.dato
  || ', punkt ' || punkt.nummer
  || char(10) || 'Sag: ' || coalesce(punkt.sagsnummer, '-')
  || char(10) || 'Ansvarlig: ' || coalesce(frist.ansvarlig, '-')
  || char(10) || 'Frist: ' || frist.tekst || ' (' || coalesce(etiket('praecision', frist.praecision), '-') || ')'
  as event_description,
frist.dato as Frist, frist.praecision as Præcision, frist.ansvarlig as Ansvarlig,
coalesce(frist.handling, frist.tekst) as Handling, punkt.titel as Punkttitel,
punkt.forum as Forum, punkt.id as punkt, punkt.sagsnummer, punkt.sag_id
"""
BESLUTNING_KOLONNER = """
punkt.id as atom_id,
punkt.forum || ' ' || punkt.dato || ', punkt ' || punkt.nummer || ': ' || punkt.titel as atom_title,
punkt.dato || 'T00:00:00+00:00' as atom_updated,
:_adresse_punkt || tilde_kode(punkt.id) as atom_link,
'Udfald: ' || coalesce(etiket('udfald', punkt.udfald), '-') || char(10) || char(10) || punkt.beslutning
  as atom_content,
coalesce(punkt.kommune || ', ', '') || punkt.forum as atom_author_name,
punkt.dato as Dato, punkt.kommune as Kommune, punkt.forum as Forum, punkt.titel as Titel,
punkt.udfald as Udfald, punkt.id as punkt, punkt.sagsnummer, punkt.sag_id
"""
# datasette-atom fails on an empty feed, so a feed whose `valgte` is empty gives one entry saying so.
INGEN_BESLUTNINGER = """
select 'ingen-beslutninger', 'Ingen beslutninger endnu', '1970-01-01T00:00:00+00:00', rtrim(:_adresse_punkt, '/'),
  'Der er endnu ingen beslutninger at vise her.', null, null, null, null, null, null, null, null, null
where not exists (select 1 from valgte)
"""
SQL_FRAGMENTS = {"punkt_soeg": PUNKT_SOEG, "punkt_bedste": fts.ranked_sql(100), "frist_kolonner": FRIST_KOLONNER, "beslutning_kolonner": BESLUTNING_KOLONNER,
                 "ingen_beslutninger": INGEN_BESLUTNINGER}  # fmt: skip
# Best hits first; excerpts are cut after the limit, so only the rows shown pay for them.
SEARCH_HITS_SQL = f"""
with {fts.ranked_sql(":limit")}
select punkt.id, punkt.dato, punkt.forum, punkt.kommune, punkt.titel, punkt.udfald, punkt.sagsnummer, punkt.sag_id,
  {fts.EXCERPT}
{fts.HIT_ORDER}
"""
SEARCH_COUNT_SQL = fts.COUNT_SQL
# Frister of the matching punkter, soonest first: what a search finds on the deadline side.
SEARCH_FRISTER_SQL = f"""
with {PUNKT_SOEG}
select frist.id, frist.dato, frist.handling, frist.tekst, frist.ansvarlig, frist.punkt_id, punkt.titel as punkt_titel
from fund join punkt on punkt.rowid = fund.rowid
join frist on frist.punkt_id = punkt.id
order by frist.dato is null, frist.dato, frist.id limit :limit
"""


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


async def overview_all(dbs: list) -> dict:
    """The front page's figures summed over every database, and each database's own line."""
    parts = [{**await overview(db), "database": db.name} for db in dbs]
    ours = [part for part in parts if "punkter" in part]
    if not ours:
        return {}
    total = {key: sum(part[key] or 0 for part in ours) for key in ("referater", "punkter", "sager", "beslutninger",
                                                                  "fora")}  # fmt: skip
    has_frister = [part["aabne_frister"] for part in ours if part["aabne_frister"] is not None]
    total["aabne_frister"] = sum(has_frister) if has_frister else None
    total["fra"] = min((part["fra"] for part in ours if part["fra"]), default=None)
    total["til"] = max((part["til"] for part in ours if part["til"]), default=None)
    total["databaser"] = ours
    return total


async def case_history(dbs: list, nummer: str) -> dict:
    """Everything known about one sagsnummer (raw or normalised) in every database, newest meeting first."""
    parts = [await case_history_in(db, nummer) for db in dbs]
    punkter = sorted((p for part in parts for p in part["punkter"]), key=lambda p: (p["dato"] or "", -p["nummer"]),
                     reverse=True)  # fmt: skip
    return {
        "sag": next((part["sag"] for part in parts if part["sag"]), None),
        "punkter": punkter,
        "antal_moeder": len({(p["database"], p["referat_id"]) for p in punkter}),
        "frister": [row for part in parts for row in part["frister"]],
        "behandling": [row for part in parts for row in part["behandling"]],
        "forslag": [] if punkter else sorted({nr for part in parts for nr in part["forslag"]}),
    }


async def case_history_in(db, nummer: str) -> dict:
    """One database's part of a case history."""
    noegle = normalise_sagsnummer(nummer)  # the key ingest stored, whatever form the user typed
    punkter = [punkt_dict(row, db.name) for row in await db.execute(PUNKTER_SQL, {"noegle": noegle, "nr": nummer})]
    sag_id = punkter[0]["sag_id"] if punkter else noegle
    sag = (await db.execute(SAG_SQL, {"nr": sag_id})).first()
    ids = json.dumps([p["id"] for p in punkter])
    return {
        "sag": dict(sag) if sag else None,
        "punkter": punkter,
        "frister": [{**row, "database": db.name} for row in await rows_if_table(db, "frist", FRISTER_SQL, {"ids": ids})],
        "behandling": [{**row, "database": db.name}
                       for row in await rows_if_table(db, "behandling", BEHANDLING_SQL, {"ids": ids})],
        "forslag": [] if punkter else await suggestions(db, sag_id),
    }


def punkt_dict(row, database: str) -> dict:
    """A punkt row with its JSON list of indstillinger decoded for the template, and its database."""
    punkt = dict(row)
    punkt["indstillinger"] = json.loads(punkt["indstillinger"] or "[]")
    punkt["database"] = database
    return punkt


async def search(db, q: str, limit: int) -> dict:
    """One database's answer to a search: the best punkter with excerpts, how many match, their frister."""
    params = {"q": q, "limit": limit}
    return {
        "database": db.name,
        "punkter": [dict(row) for row in await db.execute(SEARCH_HITS_SQL, params)],
        "antal": await scalar(db, SEARCH_COUNT_SQL, params),
        "frister": await rows_if_table(db, "frist", SEARCH_FRISTER_SQL, params),
    }


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
