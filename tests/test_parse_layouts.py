"""The parser against referater in other municipalities' layouts (tests/data/layouts/README.md).

Each expected file was written by hand from reading the text; the whole result is compared.
"""

from __future__ import annotations

import contextlib

import pytest
from conftest import DATA, load_json
from line_contract import assert_no_line_lost
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referater.errors import ReferatError

from referater.ingest import load_tekst
from referater.parsers import parse_referat, parse_tekst
from referater.evaluation import layout_files
from referater.layout_result import layout_result

LAYOUTS = DATA / "layouts"
LAYOUT_FILES = layout_files(LAYOUTS)


def parse(path):
    return layout_result(parse_tekst(load_tekst(path)))


def test_there_are_at_least_twelve_layouts():
    assert len(LAYOUT_FILES) >= 12
    assert {path.suffix for path in LAYOUT_FILES} == {".txt", ".md"}


@pytest.mark.parametrize("path", LAYOUT_FILES, ids=lambda p: p.stem)
def test_meeting_matches_expected(path):
    expected = load_json(path.with_suffix(".expected.json"))
    result = parse(path)
    assert {k: result[k] for k in ("forum", "dato", "starttid", "sted", "deltagere")} == {
        k: expected[k] for k in ("forum", "dato", "starttid", "sted", "deltagere")
    }


@pytest.mark.parametrize("path", LAYOUT_FILES, ids=lambda p: p.stem)
def test_punkter_match_expected(path):
    expected = load_json(path.with_suffix(".expected.json"))
    assert parse(path)["punkter"] == expected["punkter"]


@pytest.mark.parametrize("path", [p for p in LAYOUT_FILES if p.suffix == ".txt"], ids=lambda p: p.stem)
def test_parsing_the_raw_text_gives_the_same_result(path):
    """The parser cleans on its own (soft hyphens, ligatures), so ingest's normalisation is not needed."""
    raw = parse_referat(path.read_text(encoding="utf-8"))
    assert layout_result(raw) == parse(path)


def test_closed_punkter_keep_only_their_title():
    referat = parse_tekst(load_tekst(LAYOUTS / "kb-beslutningsprotokol.txt"))
    closed = [punkt for punkt in referat.punkter if punkt.lukket]
    assert [(p.nummer, p.titel, p.afsnit, p.beslutning, p.sagsnummer) for p in closed] == [
        (7, "Salg af ejendom - matr.nr. 14b Vesterå By", (), None, None),
        (8, "Personalesag", (), None, None),
    ]


def test_noise_is_removed_and_kept_aside():
    referat = parse_tekst(load_tekst(LAYOUTS / "byraad-webeksport.txt"))
    assert set(referat.stoej) >= {"Til toppen", "Fold alle ud", "Udskriv", "Hent som fil", "Se alle bilag",
                                  "Accepter alle cookies", "Kontakt os"}  # fmt: skip
    text = "\n".join(a.tekst for punkt in referat.punkter for a in punkt.afsnit)
    assert "Til toppen" not in text and "cookies" not in text


def test_a_second_case_number_is_a_warning():
    text = (LAYOUTS / "kfu-sag-nr-efter-titel.txt").read_text(encoding="utf-8")
    text = text.replace("Sagens kerne\nKulturnat", "Sagens kerne\nSag 657-2024-1988\nKulturnat")
    assert parse_referat(text).advarsler == (
        "punkt 46 (Tilskud til Kulturnat fredag den 10. oktober 2025 kl. 17-23): flere sagsnumre (657-2024-1988); "
        "657-2025-2031 er brugt",
    )


def test_page_furniture_inside_run_on_lines_is_removed():
    referat = parse_tekst(load_tekst(LAYOUTS / "pdf-loebende-tekst.txt"))
    text = "\n".join(a.tekst for punkt in referat.punkter for a in punkt.afsnit)
    assert "Side 2 af 4" not in text and "Referat – 11. september 2025" not in text
    assert "klimafremskrivninger. Forvaltningen vurderer" in text
    assert "hævning af stien" in text and "finansieres" in text and "\u00ad" not in text


@pytest.mark.parametrize(
    "name, warning",
    [
        ("fragment-uden-hoved", "mødets forum står ikke i hovedet; taget fra beslutningerne: Social- og "
                                "Sundhedsudvalget"),
        ("fragment-uden-hoved", "dokumentet begynder midt i et punkt"),
        ("direktion-uden-overskrifter", "ingen punktoverskrifter: punkterne er delt ved sagsnumrene"),
        ("aeldreraad-sektionsstart", "ingen punktoverskrifter eller sagsnumre"),
        ("byraad-inline-etiketter", "punkt 9 (Eventuelt): udfaldet kan ikke læses af beslutningen 'Intet.'"),
        ("handicapraad-dobbelt-overskrift", "punkt 3 (Tilgængelighed i den nye idrætshal i Bakkely): ingen beslutning"),
        ("dagsorden-afkortet-toc", "ingen af punkterne har en beslutning: dokumentet er vel en dagsorden"),
        ("aaben-markoer", "ingen punktoverskrifter: punkterne er delt ved linjerne 'Åben'/'Lukket'"),
        ("enkeltpunkt-nummereret-liste", "ingen punktoverskrifter eller sagsnumre: punkterne er delt hvor afsnittene"),
    ],
)
def test_what_the_parser_guessed_is_a_warning(name, warning):
    referat = parse_tekst(load_tekst(LAYOUTS / f"{name}.txt"))
    assert any(w.startswith(warning) for w in referat.advarsler), referat.advarsler


@pytest.mark.parametrize("path", LAYOUT_FILES, ids=lambda p: p.stem)
def test_no_line_is_lost(path):
    tekst = load_tekst(path)
    assert_no_line_lost(tekst.tekst, parse_tekst(tekst))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_cut_of_a_layout_parses_or_says_why(data):
    """Shuffled, cut or thinned layouts give a Referat or our own error, never a crash."""
    path = data.draw(st.sampled_from(LAYOUT_FILES))
    lines = path.read_text(encoding="utf-8").split("\n")
    keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    text = "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept)
    with contextlib.suppress(ReferatError):
        parse_referat(text)


CLEAR_LAYOUTS = ["bu-sagsnr-foer-overskrift", "buu-store-bogstaver", "byraad-webeksport", "kb-beslutningsprotokol", "kb-ombrudt-indhold",
                 "kfu-sag-nr-efter-titel", "oeu-genitiv-pkt", "oeu-saetningshoved", "pbu-beslutning-foerst",
                 "pdf-loebende-tekst", "sektionsnummer-punkter", "sundhed-markdown", "tmu-udskrift-enkeltpunkt"]  # fmt: skip


@pytest.mark.parametrize("name", CLEAR_LAYOUTS)
def test_nothing_to_guess_means_no_warning(name):
    path = next(path for path in LAYOUT_FILES if path.stem == name)
    assert parse_tekst(load_tekst(path)).advarsler == ()


@pytest.mark.parametrize("name, toc_heading", [("buu-store-bogstaver", "PUNKTER"),
                                                ("byraad-webeksport", "Dagsordenspunkter")])  # fmt: skip
def test_a_toc_in_heading_form_without_a_toc_heading_is_not_read_twice(name, toc_heading):
    text = (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8").replace(f"{toc_heading}\n", "")
    expected = load_json(LAYOUTS / f"{name}.expected.json")
    referat = parse_referat(text)
    assert layout_result(referat)["punkter"] == expected["punkter"]
    assert len(referat.indholdsfortegnelse) == len(expected["punkter"]) and referat.advarsler == ()


def test_a_reference_to_a_punkt_in_the_text_is_not_a_heading():
    text = (LAYOUTS / "kb-beslutningsprotokol.txt").read_text(encoding="utf-8").replace(
        "Overførslerne fordeler sig således:", "Punkt 4 i referatet fra april er rettet.\n\nOverførslerne fordeler sig således:")
    expected = load_json(LAYOUTS / "kb-beslutningsprotokol.expected.json")
    referat = parse_referat(text)
    assert (layout_result(referat)["punkter"], referat.advarsler) == (expected["punkter"], ())
