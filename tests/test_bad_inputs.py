"""Inputs that must not hurt: one clear line naming the file, exit 1, and a database identical to before."""

from __future__ import annotations

import io
import json
import random
import sqlite3

import pytest
from click.testing import CliRunner
from fpdf import FPDF
from pdf_looks import build_pdf
from pypdf import PdfWriter

from conftest import EXAMPLES
from referater import db as store
from referater.cli import cli
from referater.ingest import load_tekst

GOOD = EXAMPLES / "chefforum-2025-01-29.txt"


def text_pdf(pages: int, text: str) -> bytes:
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_font("Helvetica", size=10)
    for n in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 5, f"{text} Kapitel {n + 1}. " + "Vandet er pumpet, målt og fordelt til forbrugerne. " * 6)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf(1, "Punkt 1: Hemmeligt")))
    writer.encrypt(user_password="hemmelig", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf() -> bytes:
    pdf = FPDF()
    for _ in range(3):
        pdf.add_page()
        pdf.rect(20, 20, 170, 250, style="F")  # a picture of a page, no text layer
    return bytes(pdf.output())


def printed_example() -> bytes:
    return build_pdf(load_tekst(GOOD).tekst, "header_footer")


BAD = {
    "tom.pdf": (lambda: b"", "filen er tom: eksportér referatet igen"),
    "tom.txt": (lambda: b"", "filen er tom: eksportér referatet igen"),
    "halv.pdf": (lambda: printed_example()[: len(printed_example()) // 2],
                 "PDF'en kan ikke læses: den er afkortet (ingen slutmarkør); hent eller eksportér den igen"),
    "tilfaeldig.pdf": (lambda: bytes(random.Random(1).randrange(256) for _ in range(5000)),
                       "PDF'en kan ikke læses: det er ikke en PDF (intet %PDF-hoved); giv en rigtig .pdf-, .txt- eller .md-fil"),
    "krypteret.pdf": (encrypted_pdf, "PDF'en er krypteret (beskyttet med adgangskode): gem en ubeskyttet kopi og indlæs den"),
    "scannet.pdf": (scanned_pdf, "PDF'en har intet tekstlag (den ser scannet ud; der køres ikke OCR): eksportér den med tekst, "
                                 "eller kør OCR på den først (fx ocrmypdf)"),
}  # fmt: skip
WHOLE_TEXT = ("ingen punktoverskrift, intet sagsnummer og ingen afsnitsoverskrifter fundet: hele teksten er læst som ét "
              "punkt uden nummer og titel")


def run(*args) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def dump(db_path) -> list[str]:
    with sqlite3.connect(db_path) as connection:
        return list(connection.iterdump())


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "referater.db"
    assert run("ingest", GOOD, "--db", path, "-s")[0] == 0
    return path


@pytest.mark.parametrize("name", BAD)
def test_bad_input_one_line_exit_1_database_unchanged(tmp_path, db_path, name):
    make, message = BAD[name]
    bad = tmp_path / name
    bad.write_bytes(make())
    before = dump(db_path)
    code, _out, err = run("ingest", bad, "--db", db_path, "-s")
    assert (code, err) == (1, f"{bad}: {message}\n")
    assert dump(db_path) == before


def test_a_long_text_without_punkter_is_one_punkt_with_a_warning(tmp_path, db_path):
    """Not a referat as we know it, but text: stored as one unnumbered punkt, and the warning says why."""
    report = tmp_path / "aarsberetning.pdf"
    report.write_bytes(text_pdf(500, "Årsberetning for vandværket."))
    code, out, err = run("ingest", report, "--db", db_path, "--json")
    assert (code, err, [(r["status"], r["punkter"]) for r in json.loads(out)]) == (0, "", [("ingested", 1)])
    db = store.open_db(db_path)
    [row] = db.query("select id, nummer, titel from punkt where referat_id = ?", [json.loads(out)[0]["referat_id"]])
    assert (row["id"].rsplit("/", 1)[1], row["nummer"], row["titel"]) == ("p1", None, "")
    [referat] = db.query("select advarsler from referat where id = ?", [json.loads(out)[0]["referat_id"]])
    assert WHOLE_TEXT in json.loads(referat["advarsler"])


def test_missing_path(tmp_path, db_path):
    before = dump(db_path)
    code, _out, err = run("ingest", tmp_path / "findes-ikke.pdf", "--db", db_path, "-s")
    assert (code, err) == (1, f"{tmp_path / 'findes-ikke.pdf'}: filen findes ikke: tjek stien\n")
    assert dump(db_path) == before


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be"])
def test_old_encodings_are_decoded(tmp_path, encoding):
    source = EXAMPLES / "chefforum-2025-08-13.txt"
    text = source.read_text(encoding="utf-8").replace("–", "-").replace("”", '"')  # Latin-1 has no – or ”
    encoded = tmp_path / f"referat-{encoding}.txt"
    encoded.write_bytes(text.encode(encoding))
    plain = tmp_path / "referat-utf8.txt"
    plain.write_text(text, encoding="utf-8")
    assert load_tekst(encoded).tekst == load_tekst(plain).tekst
    code, out, err = run("ingest", encoded, "--db", tmp_path / "r.db", "--json")
    assert (code, err, json.loads(out)[0]["punkter"]) == (0, "", 9)


def test_folder_with_good_and_bad_files(tmp_path):
    folder = tmp_path / "blandet"
    folder.mkdir()
    for name in ("tom.pdf", "krypteret.pdf", "tilfaeldig.pdf"):
        (folder / name).write_bytes(BAD[name][0]())
    for example in sorted(EXAMPLES.glob("*.txt"))[:2]:
        (folder / example.name).write_bytes(example.read_bytes())
    (folder / "trykt.pdf").write_bytes(printed_example())
    code, out, err = run("ingest", folder, "--db", tmp_path / "r.db", "--json")
    assert code == 1
    assert sorted(line.split(": ")[0] for line in err.splitlines()) == sorted(
        str(folder / name) for name in ("tom.pdf", "krypteret.pdf", "tilfaeldig.pdf"))  # fmt: skip
    status = {r["kilde"].rsplit("/", 1)[-1]: r["status"] for r in json.loads(out)}
    assert status == {"chefforum-2025-01-29.txt": "ingested", "chefforum-2025-03-12.txt": "ingested",
                      "krypteret.pdf": "failed", "tilfaeldig.pdf": "failed", "tom.pdf": "failed",
                      "trykt.pdf": "ingested"}  # fmt: skip
    db = store.open_db(tmp_path / "r.db")
    assert db["referat"].count == 3 and db["punkt"].count == 9 + 10 + 9
