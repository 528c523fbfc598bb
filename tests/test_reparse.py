"""Upgrades: the previous release's database migrates with every row, and `reparse` redoes what an older parser stored."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

import referater.pipeline
from conftest import DATA, EXAMPLE_FILES, ROOT, content, copy_examples, every_row, failing_for, table_columns
from pdf_looks import build_pdf
from referater import db as store
from referater.cli import cli
from referater.db.migrations import migrations
from referater.db.rows import afsnit_list
from referater.parsers import PARSER_VERSION
from referater.reparse import Genlaest, describe

FIXTURE = DATA / "referater-0.1.0.db.gz"  # written by release 0.1.0 (tests/data/README.md says how)
NAMES = [path.name for path in EXAMPLE_FILES]
IDS = [f"chefforum-{name[10:20]}" for name in NAMES]
# What an older parser stored differently from this one: a title and an outcome, a warning, a punkt, frister.
OLDER_PARSE = """
update referat set _parser_version = '2';
update punkt set titel = 'Sygefravær', udfald = 'andet' where id = 'chefforum-2025-01-29/3';
update referat set advarsler = '["punkt 7: ingen beslutning fundet"]' where id = 'chefforum-2025-03-12';
delete from punkt where id = 'chefforum-2025-08-13/9';
delete from frist where punkt_id = 'chefforum-2025-09-24/4';
"""
CHANGES = {"chefforum-2025-01-29": ([], ["punkt 3: titel, udfald"]), "chefforum-2025-03-12": ([], ["advarsler"]),
           "chefforum-2025-05-07": ([], []), "chefforum-2025-08-13": ([9], []),
           "chefforum-2025-09-24": ([], ["punkt 4: frister"])}  # fmt: skip


def invoke(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def fixture_copy(folder: Path) -> Path:
    path = folder / "referater.db"
    path.write_bytes(gzip.decompress(FIXTURE.read_bytes()))
    return path


# What the migrations change on purpose: m002 renames person (and person_id) to ansvarlig (ansvarlig_id); m003
# drops the stemmed and trigram copies of the text (tables and their FTS shadow tables: search no longer reads
# them) and stores each punkt's afsnit as headings and starts in tekst (afsnit_list gives the sections back).
# m006 rebuilds punkt_fts over (titel, tekst) without its own beslutning column (punkt.beslutning keeps the text):
# its shadow tables are new (their contents are checked by tests/test_migrate_storage.py: integrity-check, every
# search result kept; 21 tables compared before, 17 now) and its rows are compared on the columns it still reads
# from punkt.
RENAMED_TABLES, RENAMED_COLUMNS = {"person": "ansvarlig"}, {"person_id": "ansvarlig_id"}
DROPPED_COPIES = ("punkt_stamme", "punkt_trigram", "punkt_fts_")
DROPPED_COLUMNS = {"punkt_fts": ["beslutning"]}


def compared_columns(path: Path) -> dict[str, list[str]]:
    """Every table's columns as ``table_columns``, less the ones a migration drops on purpose."""
    columns = table_columns(path)
    return {name: [c for c in cols if c not in DROPPED_COLUMNS.get(name, ())] for name, cols in columns.items()}


def as_migrated(rows: dict[str, list[tuple]], columns: dict[str, list[str]], decode) -> dict[str, list[tuple]]:
    """Every row under the table name the migrations give it; punkt's afsnit decoded by ``decode(tekst, afsnit)``."""
    afsnit, tekst = columns["punkt"].index("afsnit"), columns["punkt"].index("tekst")
    punkter = [row[:afsnit] + (decode(row[tekst], row[afsnit]),) + row[afsnit + 1:] for row in rows["punkt"]]
    return {RENAMED_TABLES.get(name, name): sorted(punkter, key=repr) if name == "punkt" else table_rows
            for name, table_rows in rows.items() if not name.startswith(DROPPED_COPIES)}  # fmt: skip


def test_the_0_1_0_database_migrates_and_keeps_every_row_of_every_table(tmp_path):
    path = fixture_copy(tmp_path)
    columns = compared_columns(path)
    before = as_migrated(every_row(path, columns), columns, lambda _tekst, afsnit: json.loads(afsnit))
    assert len(before) == 17 and len(before["punkt"]) == 45 and len(before["frist"]) == 72
    db = store.open_db(path)
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    assert set(store.TABLES) <= set(db.table_names()) and db["dokument"].count == 0
    db.close()
    kept = {RENAMED_TABLES.get(name, name): [RENAMED_COLUMNS.get(c, c) for c in cols] for name, cols in columns.items()
            if not name.startswith(DROPPED_COPIES)}  # fmt: skip
    assert as_migrated(every_row(path, kept), columns, afsnit_list) == before


def test_reparse_upgrades_the_0_1_0_database_from_its_files_to_what_an_ingest_gives_today(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the fixture's _kilde paths are examples/…
    path = fixture_copy(tmp_path)
    result = invoke("reparse", "--db", path, "--json", "-s")
    assert result.exit_code == 0, result.output
    assert [(r["kilde"], r["status"], r["nyt_id"]) for r in json.loads(result.stdout)] == [
        (f"examples/{name}", "reparsed", rid) for name, rid in zip(NAMES, IDS)]
    assert invoke("ingest", "examples", "--db", tmp_path / "fresh.db", "-s").exit_code == 0
    assert content(path) == content(tmp_path / "fresh.db")
    assert invoke("reparse", "--db", path).output.splitlines()[-1] == (
        "ingen referater at genlæse: alle 5 er læst med denne version (--all genlæser dem alligevel)")


def test_reparse_without_the_files_redoes_an_older_parse_and_says_what_changed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_examples(tmp_path / "filer")
    for name in ("old.db", "fresh.db"):
        assert invoke("ingest", "filer", "--db", name, "-s").exit_code == 0
    shutil.rmtree(tmp_path / "filer")
    with sqlite3.connect("old.db") as connection:
        connection.executescript(OLDER_PARSE)
    result = invoke("reparse", "--db", "old.db", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {"kilde": f"filer/{name}", "referat_id": rid, "status": "reparsed", "nyt_id": rid, "nye_punkter": CHANGES[rid][0],
         "fjernede_punkter": [], "aendringer": CHANGES[rid][1], "fejl": None} for name, rid in zip(NAMES, IDS)]  # fmt: skip
    assert content(tmp_path / "old.db") == content(tmp_path / "fresh.db")


def test_reparse_prints_one_line_per_changed_referat_and_a_summary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_examples(tmp_path / "filer")
    invoke("ingest", "filer", "--db", "old.db", "-s")
    with sqlite3.connect("old.db") as connection:
        connection.executescript(OLDER_PARSE)
    assert invoke("reparse", "--db", "old.db", "--jobs", 2).output.splitlines() == [
        "Genlæser referater",
        "chefforum-2025-01-29: ændret: punkt 3: titel, udfald",
        "chefforum-2025-03-12: ændret: advarsler",
        "chefforum-2025-08-13: nye punkter: 9",
        "chefforum-2025-09-24: ændret: punkt 4: frister",
        "5 genlæst (4 ændret), 0 fejlet, 0 uden gemt tekst",
    ]


def test_describe_names_a_new_id_and_every_kind_of_change():
    result = Genlaest("a.txt", "chefforum-udateret", "reparsed", "chefforum-2025-09-24", (10,), (2, 3),
                      ("dato", "punkt 4: frister, udfald"))  # fmt: skip
    assert describe(result) == ("chefforum-udateret → chefforum-2025-09-24: nye punkter: 10; fjernede punkter: 2, 3; "
                                "ændret: dato; punkt 4: frister, udfald")  # fmt: skip


def test_reparse_all_of_text_and_pdf_without_the_files_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = copy_examples(tmp_path / "filer")
    (folder / "chefforum-pdf.pdf").write_bytes(build_pdf(EXAMPLE_FILES[0].read_text(encoding="utf-8"), "header_footer"))
    invoke("ingest", "filer", "--db", "db.db", "-s")
    before = content(tmp_path / "db.db")
    assert any(json.loads(row[-1]) for row in every_row(tmp_path / "db.db", {"punkt": ["sider"]})["punkt"])  # pages
    shutil.rmtree(folder)
    result = invoke("reparse", "--db", "db.db", "--all", "--jobs", 2)
    assert result.output.splitlines()[-1] == "6 genlæst (0 ændret), 0 fejlet, 0 uden gemt tekst"
    assert content(tmp_path / "db.db") == before


def test_reparse_says_what_to_do_when_the_text_is_not_stored_and_the_advice_works(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = fixture_copy(tmp_path)
    store.open_db(path).close()
    before = every_row(path)
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / NAMES[0]).write_text("Punkt 1: En anden tekst\n", encoding="utf-8")
    result = invoke("reparse", "--db", path, "-s")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"examples/{NAMES[0]}: teksten er ikke gemt i databasen, og filen er ændret siden den blev indlæst: indlæs den "
        f"igen med `referater ingest examples/{NAMES[0]}` (den nye udgave erstatter referatet)"] + [
        f"examples/{name}: teksten er ikke gemt i databasen, og filen findes ikke her længere: indlæs filen igen, fra "
        "hvor den ligger nu, med `referater ingest FIL`" for name in NAMES[1:]]  # fmt: skip
    assert every_row(path) == before
    copy_examples(tmp_path / "flyttet")  # the files, found again somewhere else
    assert invoke("ingest", "flyttet", "--db", path, "-s").exit_code == 0
    rows = sqlite3.connect(path).execute("select id, _kilde, _parser_version from referat order by id").fetchall()
    assert rows == [(rid, f"flyttet/{name}", PARSER_VERSION) for rid, name in zip(IDS, NAMES)]
    assert sqlite3.connect(path).execute("select count(*) from dokument").fetchone() == (5,)


def test_ingest_says_when_the_database_was_made_by_an_older_or_newer_version(tmp_path):
    path = fixture_copy(tmp_path)
    result = invoke("ingest", DATA / "layouts" / "kb-beslutningsprotokol.txt", "--db", path, "-s")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"5 referater i {path} er læst af en ældre version af parseren; kør `referater reparse --db {path}` "
        f"for at læse dem igen med version {PARSER_VERSION}"]
    with sqlite3.connect(path) as connection:
        connection.execute("update referat set _parser_version = '99'")
    assert invoke("ingest", DATA / "layouts" / "kb-beslutningsprotokol.txt", "--db", path, "-s").stderr == (
        f"6 referater i {path} er læst af en nyere version af referater; opgradér referater, før du indlæser flere\n")


def test_an_exception_during_reparse_is_one_line_and_the_referat_stays_as_it_was(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_examples(tmp_path / "filer")
    invoke("ingest", "filer", "--db", "db.db", "-s")
    with sqlite3.connect("db.db") as connection:  # only 08-13 is older, and it misses its punkt 9
        connection.executescript("update referat set _parser_version = '2' where id = 'chefforum-2025-08-13';"
                                 "delete from punkt where id = 'chefforum-2025-08-13/9';")  # fmt: skip
    before = content(tmp_path / "db.db")
    enrich = referater.pipeline.enrich
    monkeypatch.setattr(referater.pipeline, "enrich", failing_for(NAMES[3], enrich, ZeroDivisionError("division by zero")))
    result = invoke("reparse", "--db", "db.db", "-s")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"filer/{NAMES[3]}: intern fejl under NLP: ZeroDivisionError: division by zero; rapportér gerne filen\n"))
    assert content(tmp_path / "db.db") == before
