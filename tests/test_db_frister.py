"""Frister, opgaver and their owners (ansvarlige) in the database, and the `referater frister` command."""

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
        "referat_id": "chefforum-2025-08-13", "ansvarlig_id": "albertslund-kommune-chefforum", "position": 1, "dato": "2025-08-22",
        "maaned": "2025-08", "praecision": "uge", "ansvarlig": "Chefforum", "ansvarlig_tekst": "Chefforum",
        "ansvarlig_type": "organ", "handling": "Chefforum skal udfylde med temaer", "tekst": "i løbet af uge 34",
        "afsnit": "Beslutning", "start": 794, "slut": 811, "usikker": 0, "forum": "Chefforum",
        "moededato": "2025-08-13", "sagsnummer": "00.01.00-A00-32-24",
        "punkt_titel": "Beslutning om mødestrukturen for Chefforum", "_kanonisk": "Chefforum",
    }]  # fmt: skip
    assert list(db.query("select ansvarlig, handling, afsnit, frist from opgave where punkt_id = ?",
                         ["chefforum-2025-08-13/6"])) == [
        {"ansvarlig": "Sekretariatet", "handling": "udarbejdes en ny plan for temadrøftelser i Teams, som Chefforum "
         "skal udfylde med temaer i løbet af uge 34", "afsnit": "Beslutning", "frist": "2025-08-22"},
        {"ansvarlig": "Chefforum", "handling": "skal udfylde med temaer i løbet af uge 34", "afsnit": "Beslutning",
         "frist": "2025-08-22"},
    ]  # fmt: skip


def test_ansvarlig_keeps_kind_every_spelling_and_counts(db_path):
    db = store.open_db(db_path)
    # the examples name their municipality, so their owners are pooled under it
    assert db["ansvarlig"].get("albertslund-kommune-afdelingscheferne") == {
        "id": "albertslund-kommune-afdelingscheferne", "navn": "afdelingscheferne", "type": "rolle",
        "kommune": "Albertslund Kommune",
        "noegle": "afdelingschef",
        "varianter": json.dumps(["afdelingscheferne", "alle afdelingschefer", "cheferne", "hver afdelingschef"],
                                ensure_ascii=False),
        "antal_frister": 2, "antal_opgaver": 4,
    }


def test_reingest_replaces_without_duplicates_or_orphans(db_path):
    db = store.open_db(db_path)
    def rows():
        return {t: sorted(db[t].rows, key=lambda r: r["id"]) for t in ("frist", "opgave", "ansvarlig")}

    before = rows()
    ingest_file(db, EXAMPLES / "chefforum-2025-08-13.txt", force=True)
    assert rows() == before
    with db.atomic():
        store.delete_referat(db, "chefforum-2025-03-12")
        store.refresh_ansvarlige(db)
    ansvarlige = {r["id"]: r["antal_opgaver"] for r in db["ansvarlig"].rows}
    assert "albertslund-kommune-marianne-bolvig" not in ansvarlige  # only 03-12 named her
    assert ansvarlige["albertslund-kommune-afdelingscheferne"] == 2  # its opgaver in 03-12 are no longer counted


def test_foreign_keys_point_at_punkt_and_ansvarlig(db_path):
    db = store.open_db(db_path)
    fks = {(fk.column, fk.other_table) for fk in db["frist"].foreign_keys}
    assert fks == {("punkt_id", "punkt"), ("referat_id", "referat"), ("ansvarlig_id", "ansvarlig")}
    assert not list(db.query("pragma foreign_key_check"))


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_frister_between_dates_for_an_owner(db_path):
    output = run("frister", "--db", db_path, "--fra", "2025-08-01", "--til", "2025-09-30", "--ansvarlig", "afdelingschef")
    assert output.splitlines() == [
        "2025-08-27 [dag] afdelingscheferne [rolle]: alle afdelingschefer melder en tovholder til Kommunikation",
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
        "       frist 2025-08-22 [uge] Chefforum [politisk organ]: «i løbet af uge 34» i Beslutning",
        "       opgave Sekretariatet: udarbejdes en ny plan for temadrøftelser i Teams, som Chefforum skal udfylde "
        "med temaer i løbet af uge 34",
        "       opgave Chefforum: skal udfylde med temaer i løbet af uge 34",
    ]


def frist_json(db_path, query: str = "") -> tuple[dict, dict]:
    """The frist table through Datasette's own client: its rows and facets (facet → value → count)."""
    import asyncio

    from referater.publish import make_datasette

    datasette = make_datasette(db_path)

    async def fetch():
        await datasette.invoke_startup()
        response = await datasette.client.get(f"/{db_path.stem}/frist.json?_shape=objects{query}")
        assert response.status_code == 200, response.text
        return response.json()

    data = asyncio.run(fetch())
    return data, {name: {v["value"]: v["count"] for v in facet["results"]}
                  for name, facet in data["facet_results"].items()}


def test_datasette_facets_frister_by_ansvarlig_month_and_precision(db_path):
    data, facets = frist_json(db_path, "&ansvarlig=afdelingscheferne")
    assert {name: facets[name] for name in ("ansvarlig", "maaned", "praecision")} == {
        "ansvarlig": {"afdelingscheferne": 2},
        "maaned": {"2025-04": 1, "2025-08": 1},
        "praecision": {"dag": 2},
    }
    assert [row["handling"] for row in data["rows"]] == [
        "afdelingscheferne skal deltage og præsentere med henblik på",
        "alle afdelingschefer melder en tovholder til Kommunikation",
    ]


REFERAT = """{forum}
Referat
Mødedato: {dato}
Mødetidspunkt: 17:00
Mødested: Rådhuset

1. {titel}
Sagsnr.: 26-000101
Sagsfremstilling
{tekst}
Beslutning
Godkendt.
"""


@pytest.fixture
def two_referater(tmp_path):
    """Two meetings that write the same body three ways: "Økonomiudvalget", "ØU", "økonomiudvalget"."""
    path = tmp_path / "ejere.db"
    db = store.open_db(path)
    for navn, dato, tekst in (
        ("a.txt", "02-02-2026", "Økonomiudvalget skal godkende budgetrammen senest 1. marts 2026."),
        ("b.txt", "02-03-2026", "ØU godkender regnskabet senest 1. april 2026. Derefter behandler økonomiudvalget "
                                "investeringsplanen den 15. april 2026. Rådgiveren afleverer skitsen 1. maj 2026."),
    ):
        (tmp_path / navn).write_text(REFERAT.format(forum="Økonomiudvalget", dato=dato, titel="Budget", tekst=tekst),
                                     encoding="utf-8")
        ingest_file(db, tmp_path / navn)
    db.close()
    return path


def test_one_owner_across_referater_labelled_with_its_most_written_name(two_referater):
    db = store.open_db(two_referater)
    assert [(r["id"], r["navn"], r["type"], r["antal_frister"]) for r in db["ansvarlig"].rows] == [
        ("oekonomiudvalget", "Økonomiudvalget (ØU)", "organ", 3), ("raadgiveren", "Rådgiveren", "ekstern", 1),
    ]
    assert [(r["dato"], r["ansvarlig"], r["ansvarlig_tekst"], r["ansvarlig_type"])
            for r in db.query("select * from frist order by dato")] == [
        ("2026-03-01", "Økonomiudvalget (ØU)", "Økonomiudvalget", "organ"),
        ("2026-04-01", "Økonomiudvalget (ØU)", "ØU", "organ"),
        ("2026-04-15", "Økonomiudvalget (ØU)", "økonomiudvalget", "organ"),
        ("2026-05-01", "Rådgiveren", "Rådgiveren", "ekstern"),
    ]  # fmt: skip


def test_cli_frister_by_owner_kind(two_referater):
    output = run("frister", "--db", two_referater, "--fra", "2026-01-01", "--type", "ekstern")
    assert output.splitlines() == [
        "2026-05-01 [dag] Rådgiveren [ekstern part]: Rådgiveren afleverer skitsen",
        "    Økonomiudvalget 2026-03-02 punkt 1: Budget, sag 26-000101 – «1. maj 2026» i Sagsfremstilling",
    ]
    assert run("frister", "--db", two_referater, "--fra", "2026-01-01", "--type", "person") == (
        "ingen frister fra 2026-01-01 for person\n")


def test_owners_are_pooled_per_municipality_when_the_referat_names_it(tmp_path):
    from referater.db.frister import owner_row

    db = store.open_db(tmp_path / "k.db")
    with db.atomic():
        nord = owner_row(db, "Byrådet", "organ", "Nordby Kommune")
        syd = owner_row(db, "Byrådet", "organ", "Sydby Kommune")
        igen = owner_row(db, "byråd", "organ", "Nordby Kommune")
        stavefejl = owner_row(db, "Natur- og Idrætsvalget", "organ", None)
        rigtig = owner_row(db, "Natur- og Idrætsudvalget", "organ", None)
    assert (nord, syd, igen) == (("nordby-kommune-byraadet", "Byrådet"), ("sydby-kommune-byraadet", "Byrådet"),
                                 ("nordby-kommune-byraadet", "Byrådet"))
    assert rigtig == stavefejl  # nearly the same key: one owner


def test_datasette_facets_frister_by_owner_kind(two_referater):
    _, facets = frist_json(two_referater)
    assert (facets["ansvarlig_type"], facets["ansvarlig"]) == (
        {"organ": 3, "ekstern": 1}, {"Økonomiudvalget (ØU)": 3, "Rådgiveren": 1})
