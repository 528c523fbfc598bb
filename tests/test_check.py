"""`referater check FOLDER`: per document what the parser found, a table at the end, exit 1 only for unreadable files."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from conftest import DATA

from referater.cli import cli

LAYOUTS = DATA / "layouts"


def run(*args):
    result = CliRunner().invoke(cli, ["check", *map(str, args)], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def folder(tmp_path, *names, empty: str | None = None):
    """A folder with some layout fixtures and maybe an empty (unreadable) file."""
    for name in names:
        shutil.copy(LAYOUTS / name, tmp_path / name)
    if empty:
        (tmp_path / empty).write_bytes(b"")
    return tmp_path


def test_check_reports_each_document_and_a_table(tmp_path):
    path = folder(tmp_path, "aaben-markoer.txt", "sagsnr-uden-titler.txt", "kb-beslutningsprotokol.txt")
    code, out, err = run(path)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{path / 'aaben-markoer.txt'}",
        "  4 punkter: 0 med titel, 0 med sagsnummer, 3 med beslutning, 1 lukkede",
        "  delt ved: linjen 'Åben'/'Lukket' (4)",
        "  advarsel: ingen punktoverskrifter: punkterne er delt ved linjerne 'Åben'/'Lukket'",
        f"{path / 'kb-beslutningsprotokol.txt'}",
        "  8 punkter: 8 med titel, 6 med sagsnummer, 6 med beslutning, 2 lukkede",
        "  delt ved: overskrift 'Punkt N Titel' (6)",
        "  delt ved: lukket punkt, kun nævnt i indholdsfortegnelsen (2)",
        f"{path / 'sagsnr-uden-titler.txt'}",
        "  3 punkter: 0 med titel, 3 med sagsnummer, 3 med beslutning, 0 lukkede",
        "  delt ved: sagsnummerlinje (3)",
        "  advarsel: ingen punktoverskrifter: punkterne er delt ved sagsnumrene, og titlen er linjen lige efter eller "
        "før sagsnummeret",
        "  advarsel: punkt nr. 2 i rækkefølgen: udfaldet kan ikke læses af beslutningen 'Intet til spørgetiden.'",
        "",
        "fil                          punkter     titel    sagsnr  beslutn.   lukkede advarsler  delt ved",
        "aaben-markoer.txt                  4         0         0         3         1         1  linjen 'Åben'/'Lukket'",
        "kb-beslutningsprotokol.txt         8         8         6         6         2         0  overskrift 'Punkt N Titel', "
        "lukket punkt, kun nævnt i indholdsfortegnelsen",
        "sagsnr-uden-titler.txt             3         0         3         3         0         2  sagsnummerlinje",
        "i alt                             15         8         9        12         3         3  3 dokumenter, 0 kan ikke "
        "læses",
    ]  # fmt: skip


def test_only_an_unreadable_file_makes_check_fail(tmp_path):
    path = folder(tmp_path, "aaben-markoer.txt", empty="tom.txt")
    code, out, err = run(path, "--silent")
    assert (code, err) == (1, f"{path / 'tom.txt'}: filen er tom: eksportér referatet igen\n")
    assert out.splitlines() == [
        "fil                 punkter     titel    sagsnr  beslutn.   lukkede advarsler  delt ved",
        "aaben-markoer.txt         4         0         0         3         1         1  linjen 'Åben'/'Lukket'",
        "tom.txt                   0         0         0         0         0         0  kan ikke læses",
        "i alt                     4         0         0         3         1         1  2 dokumenter, 1 kan ikke læses",
    ]


def test_check_json_is_one_object_per_document(tmp_path):
    path = folder(tmp_path, "aaben-markoer.txt")
    code, out, _err = run(path, "--json")
    assert code == 0
    assert json.loads(out) == [{
        "kilde": str(path / "aaben-markoer.txt"), "fejl": None, "punkter": 4, "med_titel": 0, "med_sagsnummer": 0,
        "med_beslutning": 3, "lukkede": 1, "delt_ved": [{"form": "linjen 'Åben'/'Lukket'", "antal": 4}],
        "advarsler": ["ingen punktoverskrifter: punkterne er delt ved linjerne 'Åben'/'Lukket'"],
    }]  # fmt: skip
