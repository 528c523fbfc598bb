"""The command line, through click's runner: ingest, parse, sag, search, and every kind of bad input."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from pypdf import PdfWriter
from conftest import EXAMPLES

from referater import db as store
from referater.cli import cli



def blank_pdf() -> bytes:
    """A valid PDF whose one page has no text layer, as a scanner without OCR makes it."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def run(*args, code=0):
    result = CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_ingest_folder_then_again(tmp_path, examples_copy):
    db = tmp_path / "r.db"
    first = run("ingest", examples_copy, "--db", db, "--json")
    assert [(r["status"], r["punkter"]) for r in json.loads(first.stdout)] == [
        ("ingested", 9), ("ingested", 10), ("ingested", 8), ("ingested", 9), ("ingested", 9)]  # fmt: skip
    second = run("ingest", examples_copy, "--db", db)
    assert second.stdout.splitlines()[-1] == "0 indlæst, 5 uændret, 0 fejlet"


BAD_INPUTS = {
    "tom.txt": (b"", "filen er tom: eksportér referatet igen"),
    "skrald.txt": (bytes(range(256)) * 20, "det er ikke en tekstfil (binære data): giv referatet som .txt, .md eller .pdf"),
    "skrald.pdf": (b"%PDF-1.4\n" + bytes(range(256)) * 4, "PDF'en kan ikke læses"),
    "scannet.pdf": (blank_pdf(), "PDF'en har intet tekstlag (den ser scannet ud; der køres ikke OCR): eksportér den med tekst"),
    "referat.docx": (b"PK\x03\x04", "ukendt filtype '.docx': giv en fil af typen .json, .markdown, .md, .pdf, .txt, .xml, .zip"),
}  # fmt: skip


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_one_line_and_leaves_database_untouched(tmp_path, name):
    data, message = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    db_path = tmp_path / "r.db"
    run("ingest", EXAMPLES / "chefforum-2025-01-29.txt", "--db", db_path, "-s")
    before = {t: list(store.open_db(db_path)[t].rows) for t in store.TABLES}
    result = run("ingest", bad, EXAMPLES / "chefforum-2025-03-12.txt", "--db", db_path, "-s", code=1)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: {message}")
    after = store.open_db(db_path)
    assert {t: list(after[t].rows) for t in store.TABLES if t != "referat"} != before  # 03-12 was ingested
    assert [r["id"] for r in after["referat"].rows] == ["chefforum-2025-01-29", "chefforum-2025-03-12"]


def test_a_note_without_punkter_is_one_punkt_saying_what_was_missing(tmp_path):
    """Text is never rejected: a note gives one punkt without number or title, and warnings say what was missing."""
    notes = tmp_path / "noter.txt"
    notes.write_text("Huskeliste\n\nKøb kaffe til mødet.\n", encoding="utf-8")
    data = json.loads(run("parse", notes, "--json").stdout)
    assert [(p["nummer"], p["titel"], p["position"], p["afsnit"], p["grundlag"]) for p in data["punkter"]] == [
        (None, "", 1, [{"navn": "Huskeliste", "tekst": "Køb kaffe til mødet."}],
         ["intet sted at dele: hele teksten er ét punkt"])]  # fmt: skip
    assert data["advarsler"] == [
        "mødets forum blev ikke fundet", "mødets dato blev ikke fundet",
        "ingen punktoverskrift, intet sagsnummer og ingen afsnitsoverskrifter fundet: hele teksten er læst som ét punkt "
        "uden nummer og titel", "punkt nr. 1 i rækkefølgen: ingen beslutning fundet"]  # fmt: skip


def test_missing_path(tmp_path):
    result = run("ingest", tmp_path / "findes-ikke.txt", "--db", tmp_path / "r.db", "-s", code=1)
    assert result.stderr.strip() == f"{tmp_path / 'findes-ikke.txt'}: filen findes ikke: tjek stien"


def test_parse_json_shape():
    result = run("parse", EXAMPLES / "chefforum-2025-08-13.txt", "--json")
    data = json.loads(result.stdout)
    assert list(data) == ["kilde", "sha256", "format", "forum", "dato", "starttid", "sted", "deltagere",
                          "punkter", "advarsler", "kommune"]  # fmt: skip
    assert data["kommune"] == "Albertslund Kommune"  # named in its own text
    punkt = data["punkter"][4]
    # frister and opgaver are compared whole in test_nlp_examples.py
    assert {k: punkt[k] for k in ("nummer", "titel", "type", "sagsnummer", "indstiller", "indstillinger",
                                  "tidsramme_min", "udfald", "bilag")} == {
        "nummer": 5, "titel": "Orientering om projekt ny medarbejderside", "type": "orientering",
        "sagsnummer": "00.13.00-A50-1-23", "indstiller": "Kommunaldirektøren",
        "indstillinger": ["at processen for ny medarbejderside tages til efterretning",
                          "at der udpeges en tovholder fra hvert fagområde til deltagelse i processen"],
        "tidsramme_min": 20, "udfald": "godkendt_med_bemaerkninger", "bilag": [],
    }  # fmt: skip
    assert [f["dato"] for f in punkt["frister"]] == ["2026-06-30", "2026-06-30", "2025-08-27", "2025-08-27"]
    assert punkt["sag"] == {"raw": "00.13.00-A50-1-23", "noegle": "00.13.00-A50-1-23", "skema": "kle",
                            "emne": "00.13.00", "handlingsfacet": "A50", "loebenummer": 1, "aar": 2023}  # fmt: skip
    assert [a["navn"] for a in punkt["afsnit"]][:3] == ["Indstilling", "Resumé", "Sagsfremstilling"]
    assert data["deltagere"][0] == {"navn": "Henrik Harder", "rolle": "Kommunaldirektør", "parti": None,
                                    "fravaerende": False}  # fmt: skip


def test_parse_bad_file_is_one_line(tmp_path):
    bad = tmp_path / "tom.md"
    bad.write_text("   \n")
    result = CliRunner().invoke(cli, ["parse", str(bad)])
    assert (result.exit_code, result.output) == (1, f"Fejl: {bad}: filen er tom: eksportér referatet igen\n")


def test_sag_newest_first_and_suggestions(tmp_path):
    db = tmp_path / "r.db"
    run("ingest", EXAMPLES, "--db", db, "-s")
    rows = json.loads(run("sag", "00.01.00-A00-32-24", "--db", db, "--json").stdout)
    assert [r["dato"] for r in rows] == sorted((r["dato"] for r in rows), reverse=True)
    assert len({r["referat_id"] for r in rows}) == 5
    missing = CliRunner().invoke(cli, ["sag", "00.01.00-A00-32-2", "--db", str(db)])
    assert missing.exit_code == 1
    assert missing.output.startswith("Fejl: sagsnummer 00.01.00-A00-32-2 findes ikke; nærmeste: 00.01.00-A00-32-24, ")


def test_search_text_output(tmp_path):
    db = tmp_path / "r.db"
    run("ingest", EXAMPLES, "--db", db, "-s")
    lines = run("search", "datawarehouse", "--db", db, "--limit", "1").stdout.splitlines()
    assert lines[0] == ("2025-08-13 Chefforum punkt 7: Beslutning om fælles datawarehouse til bedre, sikker og "
                        "mere tilgængelig brug af data i AK")  # fmt: skip


# A meeting that states neither time nor place; punkt 1 is taken note of, punkt 2 has no decision.
UDEN_TID_OG_STED = """Økonomiudvalget
Referat
Mødedato: 02-02-2026

1. Budget
Sagsnr.: 26-000101
Sagsfremstilling
Økonomiudvalget skal godkende budgetrammen i marts 2026.
Beslutning
Taget til efterretning.

2. Skolerne
Sagsnr.: 26-000101
Sagsfremstilling
Forvaltningen fortæller om skolerne.
"""


@pytest.fixture
def uden_tid_og_sted(tmp_path):
    path = tmp_path / "oeu.txt"
    path.write_text(UDEN_TID_OG_STED, encoding="utf-8")
    return path


def test_parse_text_output_speaks_the_sites_words(uden_tid_og_sted):
    """Outcome, precision and owner kind as the web site shows them; '-' for no outcome; no 'kl. None'."""
    assert run("parse", uden_tid_og_sted).stdout.splitlines() == [
        "Økonomiudvalget 2026-02-02",
        "    1. Budget [26-000101] → taget til efterretning",
        "       frist 2026-03-31 [måned] Økonomiudvalget [politisk organ]: «marts 2026» i Sagsfremstilling",
        "    2. Skolerne [26-000101] → -",
        "  advarsel: punkt 2 (Skolerne): ingen beslutning fundet",
    ]


def test_parse_header_line_with_time_and_place():
    assert run("parse", EXAMPLES / "chefforum-2025-08-13.txt").stdout.splitlines()[0] == (
        "Chefforum 2025-08-13 kl. 09:00, Mødelokale 915")


def test_sag_text_output(tmp_path, uden_tid_og_sted):
    db = tmp_path / "r.db"
    run("ingest", uden_tid_og_sted, "--db", db, "-s")
    assert run("sag", "26-000101", "--db", db).stdout.splitlines() == [
        "2026-02-02 Økonomiudvalget punkt 1: Budget → taget til efterretning",
        "    Taget til efterretning.",
        "2026-02-02 Økonomiudvalget punkt 2: Skolerne → -",
        "",
    ]


def test_frister_text_output_in_the_sites_words(tmp_path, uden_tid_og_sted):
    db = tmp_path / "r.db"
    run("ingest", uden_tid_og_sted, "--db", db, "-s")
    assert run("frister", "--db", db, "--fra", "2026-01-01", "--type", "organ").stdout.splitlines() == [
        "2026-03-31 [måned] Økonomiudvalget [politisk organ]: Økonomiudvalget skal godkende budgetrammen",
        "    Økonomiudvalget 2026-02-02 punkt 1: Budget, sag 26-000101 – «marts 2026» i Sagsfremstilling",
    ]
