"""Frister, opgaver and persons in the database, and the `referater frister` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from referater import db as store
from referater.cli import cli
from referater.pipeline import ingest_file


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "test.db"
    db = store.open_db(path)
    for name in ("chefforum-2025-08-13.txt", "chefforum-2025-03-12.txt"):
        ingest_file(db, EXAMPLES / name)
    db.close()
    return path


def test_frist_rows_are_stored_whole(db_path):
    db = store.open_db(db_path)
    rows = list(db.query("select * from frist where punkt_id = 'chefforum-2025-08-13/6'"))
    assert rows == [{
        "id": "chefforum-2025-08-13/6/frist/1", "punkt_id": "chefforum-2025-08-13/6",
        "referat_id": "chefforum-2025-08-13", "person_id": "chefforum", "position": 1, "dato": "2025-08-22",
        "maaned": "2025-08", "praecision": "uge", "ansvarlig": "Chefforum", "ansvarlig_tekst": "Chefforum",
        "handling": "Chefforum skal udfylde med temaer", "tekst": "i løbet af uge 34", "afsnit": "Beslutning",
        "start": 794, "slut": 811, "usikker": 0, "forum": "Chefforum", "moededato": "2025-08-13",
        "sagsnummer": "00.01.00-A00-32-24", "punkt_titel": "Beslutning om mødestrukturen for Chefforum",
    }]  # fmt: skip
    assert list(db.query("select ansvarlig, handling, afsnit, frist from opgave where punkt_id = ?",
                         ["chefforum-2025-08-13/6"])) == [
        {"ansvarlig": "Sekretariatet", "handling": "udarbejdes en ny plan for temadrøftelser i Teams, som Chefforum "
         "skal udfylde med temaer i løbet af uge 34", "afsnit": "Beslutning", "frist": "2025-08-22"},
        {"ansvarlig": "Chefforum", "handling": "skal udfylde med temaer i løbet af uge 34", "afsnit": "Beslutning",
         "frist": "2025-08-22"},
    ]  # fmt: skip


def test_person_keeps_every_spelling_and_counts(db_path):
    db = store.open_db(db_path)
    assert db["person"].get("afdelingscheferne") == {
        "id": "afdelingscheferne", "navn": "afdelingscheferne",
        "varianter": json.dumps(["afdelingscheferne", "alle afdelingschefer", "cheferne", "hver afdelingschef"],
                                ensure_ascii=False),
        "antal_frister": 2, "antal_opgaver": 4,
    }


def test_reingest_replaces_without_duplicates_or_orphans(db_path):
    db = store.open_db(db_path)
    def rows():
        return {t: sorted(db[t].rows, key=lambda r: r["id"]) for t in ("frist", "opgave", "person")}

    before = rows()
    ingest_file(db, EXAMPLES / "chefforum-2025-08-13.txt", force=True)
    assert rows() == before
    with db.atomic():
        store.delete_referat(db, "chefforum-2025-03-12")
        store.refresh_personer(db)
    personer = {r["id"]: r["antal_opgaver"] for r in db["person"].rows}
    assert "marianne-bolvig" not in personer  # only 03-12 named her
    assert personer["afdelingscheferne"] == 2  # her opgaver in 03-12 are no longer counted


def test_foreign_keys_point_at_punkt_and_person(db_path):
    db = store.open_db(db_path)
    fks = {(fk.column, fk.other_table) for fk in db["frist"].foreign_keys}
    assert fks == {("punkt_id", "punkt"), ("referat_id", "referat"), ("person_id", "person")}
    assert not list(db.query("pragma foreign_key_check"))


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_frister_between_dates_for_an_owner(db_path):
    output = run("frister", "--db", db_path, "--fra", "2025-08-01", "--til", "2025-09-30", "--ansvarlig", "afdelingschef")
    assert output.splitlines() == [
        "2025-08-27 [dag] afdelingscheferne: alle afdelingschefer melder en tovholder til Kommunikation",
        "    Chefforum 2025-08-13 punkt 5: Orientering om projekt ny medarbejderside, sag 00.13.00-A50-1-23 – "
        "«senest den 27. august 2025» i Beslutning",
    ]


def test_cli_frister_json_soonest_first(db_path):
    rows = json.loads(run("frister", "--db", db_path, "--fra", "2025-03-12", "--til", "2025-04-01", "--json"))
    assert [(r["dato"], r["punkt_id"]) for r in rows] == [
        ("2025-03-14", "chefforum-2025-03-12/3"), ("2025-03-25", "chefforum-2025-03-12/8"),
        ("2025-03-26", "chefforum-2025-03-12/7"),
        ("2025-04-01", "chefforum-2025-03-12/5"), ("2025-04-01", "chefforum-2025-03-12/5"),
    ]


def test_cli_frister_says_when_there_are_none(db_path):
    assert run("frister", "--db", db_path, "--fra", "2030-01-01") == "ingen frister fra 2030-01-01\n"


def test_cli_parse_shows_frister_and_opgaver_under_their_punkt():
    lines = run("parse", EXAMPLES / "chefforum-2025-08-13.txt").splitlines()
    start = lines.index(next(line for line in lines if line.startswith("    6. ")))
    assert lines[start + 1:start + 4] == [
        "       frist 2025-08-22 [uge] Chefforum: «i løbet af uge 34» i Beslutning",
        "       opgave Sekretariatet: udarbejdes en ny plan for temadrøftelser i Teams, som Chefforum skal udfylde "
        "med temaer i løbet af uge 34",
        "       opgave Chefforum: skal udfylde med temaer i løbet af uge 34",
    ]


def test_datasette_facets_frister_by_ansvarlig_month_and_precision(db_path):
    import asyncio

    from referater.publish import make_datasette

    datasette = make_datasette(db_path)

    async def fetch():
        await datasette.invoke_startup()
        response = await datasette.client.get(f"/{db_path.stem}/frist.json?_shape=objects&ansvarlig=afdelingscheferne")
        assert response.status_code == 200, response.text
        return response.json()

    data = asyncio.run(fetch())
    facets = {name: {v["value"]: v["count"] for v in facet["results"]}
              for name, facet in data["facet_results"].items()}
    assert {name: facets[name] for name in ("ansvarlig", "maaned", "praecision")} == {
        "ansvarlig": {"afdelingscheferne": 2},
        "maaned": {"2025-04": 1, "2025-08": 1},
        "praecision": {"dag": 2},
    }
    assert [row["handling"] for row in data["rows"]] == [
        "afdelingscheferne skal deltage og præsentere med henblik på",
        "alle afdelingschefer melder en tovholder til Kommunikation",
    ]
