"""A FirstAgenda meeting JSON (our own, tests/data/exports/firstagenda-moede.json) → the whole Referat.

The fixture has what the portals' JSON has: the decision first, the wrapper heading "Fremstilling",
h4 and h3><span> headings, a heading broken over two lines, entities, a list, a table, "Sagens forløb",
a closed item whose HTML is only its decision, an item without a case number whose decision block holds only
an attendance line (no decision), bilag.
"""

from __future__ import annotations

import json

from conftest import DATA
from referater.ingest.exports import EXPORT_GRUNDLAG, detect_export, export_to_referat
from referater.models import Afsnit, Deltager, Frist, Opgave, Punkt, Referat, Sagsnummer
from referater.nlp import enrich

FIXTURE = DATA / "exports" / "firstagenda-moede.json"
EXPORT = (EXPORT_GRUNDLAG,)  # every punkt of an export is one because the export lists it
HOST = "https://dagsordener.eksempel.dk/Vis/Pdf/bilag/"
ITEM_ID = "0b7e1c2a-1111-4000-8000-00000000000"
AFBUD = "\nAfbud: Jonas Vestergaard"  # attendance printed in the decision block is part of the decision


def sag(raw: str) -> Sagsnummer:
    return Sagsnummer(raw=raw, noegle=raw, skema="andet")  # "24-004567K" is no scheme the parser decodes further


def aar_sag(raw: str) -> Sagsnummer:
    """ "24-011201": two-digit year and serial number, keyed like 2024/11201 in every other form."""
    aar, loebenummer = raw.split("-")
    return Sagsnummer(raw=raw, noegle=f"20{aar}/{int(loebenummer)}", skema="aar_loebenr",
                      loebenummer=int(loebenummer), aar=2000 + int(aar))


EXPECTED = Referat(
    kilde="moede.json", sha256="abc", format="firstagenda", forum="Miljø- og Teknikudvalget", dato="2025-02-10",
    starttid="16:00", sted="Mødelokale 2, Rådhuset",
    deltagere=(Deltager("Karen Holm"), Deltager("Jonas Vestergaard", fravaerende=True),
               Deltager("Mette Lund", parti="V")),
    hoved=("Miljø- og Teknikudvalget", "Dagsorden"),
    punkter=(
        Punkt(
            position=1, grundlag=EXPORT,
            nummer=1, titel="Godkendelse af dagsorden", type="godkendelse", sagsnummer=aar_sag("24-011201"),
            indstiller="Administrationen", indstillinger=("at dagsordenen godkendes.",),
            afsnit=(Afsnit("Beslutning", "Godkendt." + AFBUD), Afsnit("Fremstilling", ""),
                    Afsnit("Sagsprocedure", "Miljø- og Teknikudvalget."),
                    Afsnit("Resume", "Godkendelse af dagsorden for mødet den 10. februar 2025."),
                    Afsnit("Indstilling", "Administrationen indstiller, at dagsordenen godkendes.")),
            beslutning="Godkendt." + AFBUD, udfald="godkendt", overskrift="Godkendelse af dagsorden",
            eksport_id=ITEM_ID + "1",
        ),
        Punkt(
            position=2, grundlag=EXPORT,
            nummer=2, titel="Ny parkeringsstrategi for bymidten", type="andet", sagsnummer=sag("24-004567K"),
            indstiller="Administrationen",
            indstillinger=("at parkeringsstrategien godkendes,",
                           "at der holdes et borgermøde inden udgangen af april 2025."),
            afsnit=(
                Afsnit("Beslutning", "Godkendt med bemærkning om, at borgermødet holdes i biblioteket." + AFBUD),
                Afsnit("Fremstilling", ""), Afsnit("Sagsprocedure", "Miljø- og Teknikudvalget og Byrådet."),
                Afsnit("Resume", "Udkastet til en ny parkeringsstrategi for bymidten lægges frem til godkendelse."),
                Afsnit("Indstilling", "Administrationen indstiller,\n- at parkeringsstrategien godkendes,\n"
                                      "- at der holdes et borgermøde inden udgangen af april 2025."),
                Afsnit("Sagsbeskrivelse", "Baggrund for strategien\n"
                                          "Antallet af biler i bymidten er steget med 12 procent siden 2019.\n"
                                          "Administrationen skal senest den 1. juni 2025 fremlægge en handleplan "
                                          "for udvalget."),
                Afsnit("Økonomiske konsekvenser", "Sagen har ingen økonomiske konsekvenser."),
                Afsnit("Tidsplan", "Aktivitet | Dato\nBorgermøde | 22. april 2025\n"
                                   "Endelig vedtagelse i Byrådet | 26. juni 2025"),
                Afsnit("Sagens forløb", "10-02-2025 Miljø- og Teknikudvalget\n"
                                        "Godkendt med bemærkning om, at borgermødet holdes i biblioteket."),
            ),
            beslutning="Godkendt med bemærkning om, at borgermødet holdes i biblioteket." + AFBUD,
            udfald="godkendt_med_bemaerkninger",
            bilag=("Bilag 1. Parkeringsstrategi - udkast", "Bilag 2. Tællinger af parkerede biler 2024"),
            bilag_links=(HOST + "9c3b2a10-3333-4000-8000-000000000001", HOST + "9c3b2a10-3333-4000-8000-000000000002"),
            overskrift="Ny  parkeringsstrategi for bymidten", eksport_id=ITEM_ID + "2",
        ),
        Punkt(
            position=3, grundlag=EXPORT,
            nummer=3, titel="Salg af byggegrund på Havnevej", type="andet", sagsnummer=aar_sag("23-019876"),
            afsnit=(Afsnit("Beslutning", "Anbefales." + AFBUD),), beslutning="Anbefales." + AFBUD, udfald="anbefalet",
            overskrift="Lukket: Salg af byggegrund på Havnevej", lukket=True, eksport_id=ITEM_ID + "3",
        ),
        Punkt(
            position=4, grundlag=EXPORT,
            nummer=4, titel="Orientering om vintertjenesten", type="orientering",
            indstiller="Administrationen", indstillinger=("at orienteringen tages til efterretning.",),
            afsnit=(Afsnit("Beslutning", AFBUD.strip()), Afsnit("Fremstilling", ""),
                    Afsnit("Sagsprocedure", "Miljø- og Teknikudvalget."),
                    Afsnit("Resume", "Vintertjenesten har saltet 41 gange i denne sæson."),
                    Afsnit("Indstilling", "Administrationen indstiller, at orienteringen tages til efterretning.")),
            overskrift="Orientering om vintertjenesten", eksport_id=ITEM_ID + "4",
        ),
    ),
)  # fmt: skip


def test_firstagenda_json_is_recognised_by_its_content():
    assert detect_export(FIXTURE.read_bytes()) == "firstagenda"


def test_firstagenda_json_becomes_the_whole_referat():
    assert export_to_referat(FIXTURE.read_bytes(), kilde="moede.json", sha256="abc") == EXPECTED


def test_nlp_runs_unchanged_on_an_export():
    punkt = enrich(export_to_referat(FIXTURE.read_bytes())).punkter[1]
    assert punkt.frister == (
        # "Administrationen indstiller, - at der holdes et borgermøde inden …": the recommending unit's step
        Frist(tekst="inden udgangen af april 2025", dato="2025-04-30", praecision="maaned", ansvarlig="Administrationen",
              handling="holdes et borgermøde", afsnit="Indstilling", start=96, slut=124,
              ansvarlig_tekst="Administrationen", ansvarlig_type="enhed"),
        Frist(tekst="senest den 1. juni 2025", dato="2025-06-01", praecision="dag", ansvarlig="Administrationen",
              handling="Administrationen skal fremlægge en handleplan for udvalget", afsnit="Sagsbeskrivelse",
              start=112, slut=135, ansvarlig_tekst="Administrationen", ansvarlig_type="enhed"),
        # the Tidsplan table's rows: a step without an owner, and the body that treats the case
        Frist(tekst="22. april 2025", dato="2025-04-22", praecision="dag", ansvarlig=None, handling="Borgermøde",
              afsnit="Tidsplan", start=30, slut=44),
        Frist(tekst="26. juni 2025", dato="2025-06-26", praecision="dag", ansvarlig="Byrådet",
              handling="Endelig vedtagelse i Byrådet", afsnit="Tidsplan", start=76, slut=89,
              ansvarlig_tekst="Byrådet", ansvarlig_type="organ"),
    )  # fmt: skip
    assert punkt.opgaver == (
        Opgave(ansvarlig="Administrationen", handling="Administrationen skal fremlægge en handleplan for udvalget",
               afsnit="Sagsbeskrivelse", frist="2025-06-01", ansvarlig_tekst="Administrationen",
               ansvarlig_type="enhed"),
    )  # fmt: skip


def test_a_meeting_saved_with_another_name_is_still_read(tmp_path):
    from referater.ingest import read_document

    path = tmp_path / "moede-uden-endelse"
    path.write_bytes(FIXTURE.read_bytes())
    assert read_document(path).format == "firstagenda"
    renamed = tmp_path / "moede.txt"
    renamed.write_bytes(json.dumps(json.loads(FIXTURE.read_text(encoding="utf-8"))).encode())
    assert read_document(renamed).format == "firstagenda"


def test_a_template_without_known_labels_is_split_at_its_heading_tags():
    meeting = json.loads(FIXTURE.read_text(encoding="utf-8"))
    item = meeting["Dagsordenpunkter"][3]
    item["Felter"][0]["Html"] = ("<div><h2>Kort om sagen</h2><p>Vejene saltes efter behov.</p>"
                                 "<h2>Anbefalet løsning</h2><p>At <strong>orienteringen</strong> tages til efterretning."
                                 "</p><p><strong>Fremhævet men ingen overskrift</strong></p></div>")  # fmt: skip
    meeting["Dagsordenpunkter"] = [item]
    punkt = export_to_referat(json.dumps(meeting).encode()).punkter[0]
    assert punkt.afsnit == (
        Afsnit("Kort om sagen", "Vejene saltes efter behov."),
        Afsnit("Anbefalet løsning", "At orienteringen tages til efterretning.\nFremhævet men ingen overskrift"),
    )
