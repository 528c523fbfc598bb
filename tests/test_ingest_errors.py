"""No document can abort a run: impossible dates are warnings, and any exception is that document's one line."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from click.testing import CliRunner

import referater.db
import referater.pipeline
from conftest import EXAMPLES, content, failing_for
from referater.cli import cli
from referater.parsers import parse_referat
from referater.pipeline import parse_file

TYPO = "chefforum-2025-09-24.txt"
GOOD = ["chefforum-2025-01-29.txt", "chefforum-2025-03-12.txt"]
HEADER = "REFERAT Chefforum d. {dato}\n\nMødedato {moededato} kl. 09:00\n\nPunkt 1: Godkendelse\n\nBeslutning{label}\nGodkendt.\n"
TYPO_WARNING = "datoen '{}' i hovedet findes ikke i kalenderen (tastefejl?) og er ikke brugt"
# (title date, Mødedato, decision label, file) → (meeting date, warnings): the date falls back, never raises.
DATES = [
    (("31-09-2025", "Onsdag d. 1. oktober 2025", "", "referat.txt"), ("2025-10-01", [TYPO_WARNING.format("31-09-2025")])),
    (("29-02-2025", "", " i Chefforum den 28-02-2025", "referat.txt"),
     ("2025-02-28", [TYPO_WARNING.format("29-02-2025"), "mødets dato står ikke i hovedet; taget fra beslutningerne: 2025-02-28"])),
    (("13-13-2025", "", "", "moeder/chefforum-2025-03-13.txt"),
     ("2025-03-13", [TYPO_WARNING.format("13-13-2025"), "mødets dato står ikke gyldigt i hovedet; taget fra filnavnet: 2025-03-13"])),
    (("31-09-2025", "31. september 2025", "", "referat.txt"),
     (None, [TYPO_WARNING.format("31-09-2025"), TYPO_WARNING.format("31. september 2025"), "mødets dato blev ikke fundet"])),
    (("29-02-2024", "", "", "referat.txt"), ("2024-02-29", [])),  # a leap day is a date
]  # fmt: skip


@pytest.mark.parametrize(("given", "expected"), DATES)
def test_an_impossible_meeting_date_is_a_warning_and_the_date_falls_back(given, expected):
    dato, moededato, label, kilde = given
    referat = parse_referat(HEADER.format(dato=dato, moededato=moededato, label=label), kilde=kilde)
    assert (referat.dato, list(referat.advarsler)) == expected


def typo_folder(tmp_path):
    """Two good referater and one whose header says 31 September (both the title and the Mødedato line)."""
    folder = tmp_path / "referater"
    folder.mkdir()
    for name in GOOD:
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    text = (EXAMPLES / TYPO).read_text(encoding="utf-8")
    (folder / TYPO).write_text(text.replace("24-09-2025", "31-09-2025", 1).replace("24. september", "31. september", 1),
                               encoding="utf-8")  # fmt: skip
    return folder


def invoke(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_folder_with_one_impossible_date_ingests_all_three(tmp_path, jobs):
    folder = typo_folder(tmp_path)
    result = invoke("ingest", folder, "--db", tmp_path / "db.db", "--jobs", jobs)
    assert (result.exit_code, result.stderr, result.stdout.splitlines()[-1]) == (0, "", "3 indlæst, 0 uændret, 0 fejlet")
    row = sqlite3.connect(tmp_path / "db.db").execute("select id, dato, advarsler from referat where _kilde = ?",
                                                      [str(folder / TYPO)]).fetchone()  # fmt: skip
    assert row == ("chefforum-2025-09-24", "2025-09-24", '["datoen \'31-09-2025\' i hovedet findes ikke i kalenderen '
                   '(tastefejl?) og er ikke brugt", "datoen \'31. september 2025\' i hovedet findes ikke i kalenderen '
                   '(tastefejl?) og er ikke brugt", "mødets dato står ikke gyldigt i hovedet; taget fra filnavnet: '
                   '2025-09-24"]')  # fmt: skip
    typo, original = parse_file(folder / TYPO), parse_file(EXAMPLES / TYPO)
    assert replace(typo, kilde="", sha256="", hoved=(), advarsler=()) == replace(original, kilde="", sha256="", hoved=())


# The step that fails → (the module attribute replaced, its Danish name in the message).
STEPS = {
    "read": (referater.pipeline, "payload_from_dokument", "læsning"),
    "parse": (referater.pipeline, "referat_from_stored", "parsing"),
    "nlp": (referater.pipeline, "enrich", "NLP"),
}


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("step", sorted(STEPS))
def test_an_exception_in_one_document_is_its_one_line_and_the_run_goes_on(tmp_path, monkeypatch, step, jobs):
    module, attribute, name = STEPS[step]
    monkeypatch.setattr(module, attribute, failing_for(GOOD[1], getattr(module, attribute), KeyError("sider")))
    check_one_failure(tmp_path, jobs, f"intern fejl under {name}: KeyError: 'sider'; rapportér gerne filen")


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_exception_halfway_through_writing_leaves_nothing_of_the_document(tmp_path, monkeypatch, jobs):
    calls = []
    save_frister = referater.db.save_frister

    def fails_on_the_third_punkt(db, rid, referat, punkt, punkt_id):
        calls.append(rid)
        if rid == "chefforum-2025-03-12" and calls.count(rid) == 3:  # the referat and two punkter are written
            raise sqlite3.OperationalError("disk I/O error")
        return save_frister(db, rid, referat, punkt, punkt_id)

    monkeypatch.setattr(referater.db, "save_frister", fails_on_the_third_punkt)
    check_one_failure(tmp_path, jobs, "intern fejl under gemning: OperationalError: disk I/O error; rapportér gerne filen")


def check_one_failure(tmp_path, jobs: int, message: str) -> None:
    """Ingest the examples GOOD + 05-07: GOOD[1] fails with ``message``, the database holds exactly the other two."""
    folder = tmp_path / "referater"
    folder.mkdir()
    for name in [*GOOD, "chefforum-2025-05-07.md"]:
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    result = invoke("ingest", folder, "--db", tmp_path / "db.db", "--jobs", jobs)
    assert (result.exit_code, result.stderr) == (1, f"{folder / GOOD[1]}: {message}\n")
    assert result.stdout.splitlines()[-1] == "2 indlæst, 0 uændret, 1 fejlet"
    (folder / GOOD[1]).unlink()  # the reference: the same run without the failing file
    assert invoke("ingest", folder, "--db", tmp_path / "reference.db", "-s").exit_code == 0
    assert content(tmp_path / "db.db") == content(tmp_path / "reference.db")


HUGE = """REFERAT Chefforum d. 12-03-2025

Punkt 1: Godkendelse

Sagsnr.: 00.01.00-A00-99999999999999999999-25

Beslutning
Økonomiudvalget, 3. juni 2025, pkt. 99999999999999999999: Indstilles godkendt.
Godkendt.
"""


def test_digit_runs_too_long_for_a_number_are_kept_as_text(tmp_path):
    """A 20-digit løbenummer or punkt number (found by make fuzz) made the write overflow SQLite's INTEGER."""
    (tmp_path / "lange-tal.txt").write_text(HUGE, encoding="utf-8")
    assert invoke("ingest", tmp_path / "lange-tal.txt", "--db", tmp_path / "db.db", "-s").exit_code == 0
    with sqlite3.connect(tmp_path / "db.db") as connection:
        assert connection.execute("select * from sag").fetchall() == [
            ("00.01.00-A00-99999999999999999999-25", "00.01.00-A00-99999999999999999999-25", "andet", None, None, None,
             None)]  # fmt: skip
        assert connection.execute("select count(*) from behandling").fetchone() == (0,)
        assert connection.execute("select beslutning from punkt").fetchone() == (
            "Økonomiudvalget, 3. juni 2025, pkt. 99999999999999999999: Indstilles godkendt.\nGodkendt.",)
