"""The municipality of a referat: given with `ingest --kommune`, else recognised in the referat's own text."""

import sqlite3

import pytest
from click.testing import CliRunner
from conftest import DATA, EXAMPLE_FILES

from referater.cli import cli
from referater.models import Afsnit, Punkt, Referat
from referater.parsers.kommune import recognise_kommune
from referater.pipeline import parse_file

LAYOUTS = DATA / "layouts"


@pytest.mark.parametrize(
    ("name", "kommune"),
    [
        ("byraad-inline-etiketter.txt", "Kløvermose Kommune"),  # "Byrådet i Kløvermose Kommune" in the header
        ("byraad-webeksport.txt", "Skovlund Kommune"),  # only in the web page's footer (page furniture)
        ("kb-beslutningsprotokol.txt", "Vesterå Kommune"),  # the letterhead line
        ("pbu-beslutning-foerst.txt", "Østmark Kommune"),
        ("aeldreraad-sektionsstart.txt", None),  # a referat that never names its municipality
    ],
)
def test_kommune_recognised_in_the_layouts(name, kommune):
    assert parse_file(LAYOUTS / name).kommune == kommune


def test_kommune_of_the_examples_from_their_running_text():
    assert {parse_file(path).kommune for path in EXAMPLE_FILES} == {"Albertslund Kommune"}


def referat(hoved=(), tekst=()) -> Referat:
    punkter = (Punkt(nummer=1, titel="Budget", type="andet", afsnit=tuple(Afsnit("Sagsfremstilling", t) for t in tekst)),)
    return Referat(kilde="x", sha256="", format="txt", forum=None, dato=None, starttid=None, sted=None,
                   hoved=tuple(hoved), punkter=punkter)  # fmt: skip


def test_header_outranks_running_text_and_genitives_count_for_the_name():
    neighbours = ["Samarbejde med Nabo Kommune og Nabo Kommune om Nabo Kommunes busser."]
    assert recognise_kommune(referat(["Referat – Hjem Kommune"], neighbours)) == "Hjem Kommune"
    assert recognise_kommune(referat([], neighbours + ["Hjem Kommunes plan", "Hjems Kommune"])) == "Nabo Kommune"
    assert recognise_kommune(referat([], ["Hjem Kommunes plan", "Hjems Kommune", "Hjem Kommune"])) == "Hjem Kommune"
    assert recognise_kommune(referat(["Ø-by Regionskommune"])) == "Ø-by Regionskommune"
    assert recognise_kommune(referat([], ["KommuneMED og kommunen"])) is None


def test_ingest_kommune_option_overrides_the_text(tmp_path):
    db = tmp_path / "r.db"
    result = CliRunner().invoke(cli, ["ingest", *map(str, EXAMPLE_FILES[:2]), "--db", str(db), "-s",
                                      "--kommune", "Østby Kommune", "-j", "2"], catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    for table in ("referat", "punkt"):
        assert conn.execute(f"select distinct kommune from {table}").fetchall() == [("Østby Kommune",)]
