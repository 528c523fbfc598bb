"""One meeting ingested as an export and as a PDF is one referat: the export's punkter, the PDF's pages."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from firstagenda_text import render
from pdf_looks import build_pdf

from conftest import DATA
from referater.cli import cli

EXPORT = DATA / "exports" / "firstagenda-moede.json"
RID = "miljoe-og-teknikudvalget-2025-02-10"
PDF_PAGES = {1: [1], 2: [1], 4: [1, 2]}  # where the printed meeting puts each open punkt


@pytest.fixture
def files(tmp_path):
    pdf = tmp_path / "moede.pdf"
    pdf.write_bytes(build_pdf(render(json.loads(EXPORT.read_text(encoding="utf-8"))), "page_per_punkt"))
    export = tmp_path / "moede.json"
    export.write_bytes(EXPORT.read_bytes())
    return export, pdf


def ingest(db, path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "-s"], catch_exceptions=False)
    return result.exit_code, result.stdout


def table(db, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def stored(db) -> dict:
    """The database as the user sees it, without the time of ingest."""
    tables = ("punkt", "lukket_punkt", "bilag", "frist", "opgave", "deltager", "sag", "behandling")
    return {
        "referat": table(db, "select id, forum, dato, _kilde, _format, _sider_kilde from referat"),
        **{name: table(db, f"select * from {name} order by 1") for name in tables},
    }


def test_pdf_first_then_export(tmp_path, files):
    export, pdf = files
    db = tmp_path / "r.db"
    assert ingest(db, pdf) == (0, "")
    assert ingest(db, export) == (0, f"{export}: samme møde som {pdf}; eksportens punkter bruges, sidetallene derfra "
                                     "er gemt som kilde\n")  # fmt: skip
    assert table(db, "select id, _kilde, _format, _sider_kilde from referat") == [(RID, str(export), "firstagenda", str(pdf))]
    assert {n: json.loads(s) for n, s in table(db, "select nummer, sider from punkt")} == PDF_PAGES
    assert table(db, "select nummer, eksport_id from punkt")[0] == (1, "0b7e1c2a-1111-4000-8000-000000000001")
    assert ingest(db, pdf) == (0, "") and ingest(db, export) == (0, "")  # both files count as stored


def test_export_first_then_pdf_gives_the_same_database(tmp_path, files):
    export, pdf = files
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    ingest(first, pdf)
    ingest(first, export)
    assert ingest(second, export) == (0, "")
    assert ingest(second, pdf) == (0, f"{pdf}: samme møde som eksporten {export}; eksportens punkter bruges, "
                                      "sidetallene herfra er gemt som kilde\n")  # fmt: skip
    assert stored(second) == stored(first)
    assert table(second, "select titel, link from bilag") == [
        ("Bilag 1. Parkeringsstrategi - udkast",
         "https://dagsordener.eksempel.dk/Vis/Pdf/bilag/9c3b2a10-3333-4000-8000-000000000001"),
        ("Bilag 2. Tællinger af parkerede biler 2024",
         "https://dagsordener.eksempel.dk/Vis/Pdf/bilag/9c3b2a10-3333-4000-8000-000000000002"),
    ]  # fmt: skip


def test_a_changed_export_keeps_the_pdf_pages(tmp_path, files):
    export, pdf = files
    db = tmp_path / "r.db"
    ingest(db, pdf)
    ingest(db, export)
    meeting = json.loads(export.read_text(encoding="utf-8"))
    meeting["Dagsordenpunkter"][3]["Navn"] = "Orientering om vintertjenesten 2024/25"
    export.write_text(json.dumps(meeting, ensure_ascii=False), encoding="utf-8")
    assert ingest(db, export) == (0, "")
    assert table(db, "select _kilde, _sider_kilde from referat") == [(str(export), str(pdf))]
    assert {n: json.loads(s) for n, s in table(db, "select nummer, sider from punkt")} == PDF_PAGES
    assert table(db, "select titel from punkt where nummer = 4") == [("Orientering om vintertjenesten 2024/25",)]
