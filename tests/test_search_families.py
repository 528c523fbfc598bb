"""Search forgives inflection: every form of a word finds the same punkter, in the web page and the CLI
alike, and punkter holding the form exactly as typed come first. The families are words of the examples."""

import asyncio
import json

import pytest
from click.testing import CliRunner
from publish_site import build_site_db

from referater import db as store
from referater.cli import cli
from referater.nlp.stemming import words
from referater.publish import make_datasette

FAMILIES = [
    ["budget", "budgettet", "budgetter", "budgetterne"],
    ["medarbejder", "medarbejderen", "medarbejdere", "medarbejderne"],
    ["beslutning", "beslutningen", "beslutninger", "beslutningerne"],
    ["afdeling", "afdelingen", "afdelinger", "afdelingerne"],
    ["kommune", "kommunen", "kommuner", "kommunerne"],
    ["arbejdsplads", "arbejdspladsen", "arbejdspladser", "arbejdspladserne"],
    ["møde", "mødet", "møder", "møderne"],
    ["borger", "borgeren", "borgere", "borgerne"],
    ["dag", "dagen", "dage", "dagene"],
    ["enhed", "enheden", "enheder", "enhederne"],
    ["organisation", "organisationen", "organisationer", "organisationerne"],
    ["projekt", "projektet", "projekter", "projekterne"],
    ["system", "systemet", "systemer", "systemerne"],
    ["analyse", "analysen", "analyser", "analyserne"],
    ["tovholder", "tovholderen", "tovholdere", "tovholderne"],
    ["ansøgning", "ansøgningen", "ansøgninger", "ansøgningerne"],
    ["afdelingschef", "afdelingschefen", "afdelingschefer", "afdelingscheferne"],
    ["aftale", "aftalen", "aftaler", "aftalerne"],
    ["arbejdsgruppe", "arbejdsgruppen", "arbejdsgrupper", "arbejdsgrupperne"],
    ["erfaring", "erfaringen", "erfaringer", "erfaringerne"],
    ["fagområde", "fagområdet", "fagområder", "fagområderne"],
    ["forventning", "forventningen", "forventninger", "forventningerne"],
    ["indikator", "indikatoren", "indikatorer", "indikatorerne"],
    ["indstilling", "indstillingen", "indstillinger", "indstillingerne"],
    ["lederdag", "lederdagen", "lederdage", "lederdagene"],
    ["målsætning", "målsætningen", "målsætninger", "målsætningerne"],
    ["område", "området", "områder", "områderne"],
    ["opgave", "opgaven", "opgaver", "opgaverne"],
    ["orientering", "orienteringen", "orienteringer", "orienteringerne"],
    ["drøftelse", "drøftelsen", "drøftelser", "drøftelserne"],
    ["udvalg", "udvalget", "udvalgets", "udvalgene"],
    ["automatiseringsrobot", "automatiseringsrobotten", "automatiseringsrobotter", "automatiseringsrobotterne"],
    ["år", "året", "årets"],
    ["sygefravær", "sygefraværet", "sygefraværets"],
]
FORMS = [form for family in FAMILIES for form in family]


@pytest.fixture(scope="module")
def site_db(tmp_path_factory):
    return build_site_db(tmp_path_factory.mktemp("familier") / "referater.db")


@pytest.fixture(scope="module")
def web(site_db):
    client = make_datasette(site_db).client

    def search(query: str) -> list[str]:
        response = asyncio.run(client.get(f"/referater/soeg.json?q={query}&_shape=objects"))
        assert response.status_code == 200, response.text
        return [row["punkt"] for row in response.json()["rows"]]

    return search


@pytest.fixture(scope="module")
def cli_search(site_db):
    def search(query: str) -> list[str]:
        result = CliRunner().invoke(cli, ["search", query, "--db", str(site_db), "--json", "--limit", "1000"])
        assert result.exit_code == 0, result.output
        return [row["id"] for row in json.loads(result.output)]

    return search


@pytest.fixture(scope="module")
def texts(site_db):
    db = store.open_db(site_db)
    return {row["id"]: set(words(" ".join(row[c] or "" for c in ("titel", "tekst", "beslutning"))))
            for row in db.query("select id, titel, tekst, beslutning from punkt")}  # fmt: skip


def test_thirty_families_from_the_examples():
    assert len(FAMILIES) >= 30 and len(set(FORMS)) == len(FORMS)


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family[0])
def test_every_form_finds_the_same_punkter_in_web_and_cli(family, web, cli_search, texts):
    found = {form: (set(web(form)), set(cli_search(form))) for form in family}
    first_web, first_cli = found[family[0]]
    assert first_web, f"{family[0]} must find something, else the comparison is empty"
    assert found == {form: (first_web, first_web) for form in family}
    # every punkt holding a form is found (the set is at least the literal hits of the family)
    assert {pid for pid, held in texts.items() if held & set(family)} <= first_web


@pytest.mark.parametrize("form", FORMS)
def test_the_exact_form_ranks_first(form, web, cli_search, texts):
    holding = {pid for pid, held in texts.items() if form in held}
    for ranked in (web(form), cli_search(form)):
        exact_first = ranked[: len(holding)]
        assert set(exact_first) == holding, form
