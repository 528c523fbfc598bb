from pathlib import Path

import pytest

from referater.errors import InputError
from referater.parsers.kle import decode_kle_emne, parse_kle

KLE_XML = Path(__file__).parent / "data" / "kle-test.xml"


def row(nummer, niveau, titel, hovedgruppe, gruppe, bevaring=None, sletning=None):
    return dict(nummer=nummer, niveau=niveau, titel=titel, hovedgruppe=hovedgruppe, gruppe=gruppe,
                bevaring=bevaring, sletning=sletning)


def test_parse_kle_gives_every_level_in_plan_order():
    assert parse_kle(KLE_XML.read_text(encoding="utf-8")) == [
        row("00", "hovedgruppe", "Styring af kommunen (testtitel)", "00", None),
        row("00.01", "gruppe", "Mødevirksomhed og forretningsgange", "00", "00.01"),
        row("00.01.00", "emne", "Møder i almindelighed", "00", "00.01", "B", "5 år"),
        # The short "10" is completed from its parent; wrapped titles are joined.
        row("00.01.10", "emne", "Ledelsesfora og udvalg", "00", "00.01", "K"),
        row("81", "hovedgruppe", "Personale og løn (testtitel)", "81", None),
        row("81.03", "gruppe", "Trivsel på arbejdspladsen", "81", "81.03"),
    ]


@pytest.mark.parametrize(
    "emne, expected",
    [
        ("00.01.00", ("00", "00.01", "00.01.00")),
        ("81.03", ("81", "81.03", None)),
        ("27", ("27", None, None)),
        ("00.01.00-P35", (None, None, None)),
        ("", (None, None, None)),
        (None, (None, None, None)),
    ],
)
def test_decode_kle_emne(emne, expected):
    koder = decode_kle_emne(emne)
    assert (koder["hovedgruppe"], koder["gruppe"], koder["emne"]) == expected


@pytest.mark.parametrize(
    "xml, message",
    [
        ("<KLE-Emneplan><Hovedgruppe>", "ugyldig XML"),
        ("<Emneplan/>", "rodelementet er <Emneplan>, ikke <KLE-Emneplan>"),
        ("<KLE-Emneplan/>", "har ingen Hovedgruppe"),
        ("<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>x</HovedgruppeNr></Hovedgruppe></KLE-Emneplan>",
         "har intet gyldigt HovedgruppeNr"),
    ],
)
def test_parse_kle_rejects_what_is_not_an_emneplan(xml, message):
    with pytest.raises(InputError, match=message):
        parse_kle(xml)
