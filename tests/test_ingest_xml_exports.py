"""eDoc, SBSYS and Acadre publication XML (our own small files in tests/data/exports) → whole Referater.

eDoc AgendaWeb and SBSYS follow the real exports' shape (BOM, CRLF, CDATA, entities, booleans as
"True"/"true"); eDocAgendaPublishing and Acadre follow the OS2dagsorden importers' XPaths, the only
description there is of them.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from conftest import DATA
from referater.ingest.exports import EXPORT_GRUNDLAG, ExportError, detect_export, export_to_referat
from referater.models import Afsnit, Behandling, Deltager, Punkt, Referat, Sagsnummer

EXPORTS = DATA / "exports"
EXPORT = (EXPORT_GRUNDLAG,)  # every punkt of an export is one because the export lists it

EDOC = Referat(
    kilde="", sha256="", format="edoc", forum="Børne- og Skoleudvalget", dato="2025-03-03", starttid="15:00",
    sted="Udvalgsværelse 3, Rådhuset",
    deltagere=(Deltager("Ida Brandt", rolle="Formand", parti="A"),
               Deltager("Ole Krogh", rolle="Medlem", fravaerende=True)),
    hoved=("Børne- og Skoleudvalget", "Referat"),
    punkter=(
        Punkt(
            position=1, grundlag=EXPORT,
            nummer=12, titel="Skolernes ferieplan 2025/26", type="andet",
            sagsnummer=Sagsnummer("2024-012345", "2024/12345", "aar_loebenr", loebenummer=12345, aar=2024),
            indstillinger=("at ferieplanen godkendes.",),
            afsnit=(Afsnit("Præsentation", "Ferieplanen for næste skoleår lægges frem."),
                    Afsnit("Forvaltningen foreslår", "- at ferieplanen godkendes."),
                    Afsnit("Sagsbeskrivelse", "Skolerne skal senest den 1. maj 2025 have meldt planen ud til forældrene."),
                    Afsnit("Beslutning", "Godkendt.\nFraværende: Ole Krogh")),
            beslutning="Godkendt.\nFraværende: Ole Krogh", udfald="godkendt", bilag=("Ferieplan 2025-26.pdf",),
            bilag_links=("Attachments/100-200-1.pdf",), overskrift="Skolernes ferieplan 2025/26",
            behandling=(Behandling("Skolebestyrelsesforum", "2025-02-10", None, "Anbefales."),),
            eksport_id="e1000000-0000-4000-8000-000000000001",
        ),
        # closed, no public title: the working title is used; "Beslutning ikke frigivet" is no decision
        Punkt(
            position=2, grundlag=EXPORT,
            nummer=13, titel="Personalesag", type="andet", overskrift="Personalesag", lukket=True,
            eksport_id="e1000000-0000-4000-8000-000000000002"),
    ),
)  # fmt: skip

SBSYS = Referat(
    kilde="", sha256="", format="sbsys", forum="Teknik- og Miljøudvalget", dato="2025-03-12", starttid="16:30",
    sted="Mødelokale B", deltagere=(Deltager("Rasmus Friis", parti="A"), Deltager("Sofie Dam", parti="V", fravaerende=True)),
    hoved=("Teknik- og Miljøudvalget", "Referat"),
    punkter=(
        Punkt(
            position=1, grundlag=EXPORT,
            nummer=1, titel="Renovering af Stationsvej", type="andet",
            sagsnummer=Sagsnummer("05.01.02-G01-12-24", "05.01.02-G01-12-24", "kle", emne="05.01.02",
                                  handlingsfacet="G01", loebenummer=12, aar=2024),
            # the parser's reading of "indstiller, at" followed by a list without "at" (one point); reported to issue 11
            indstiller="Administrationen",
            indstillinger=("at - renoveringen af Stationsvej udføres i 2025, - anlægsbevillingen frigives.",),
            afsnit=(  # in the order of the fields' Index, not of the file
                Afsnit("PUNKTET BEHANDLET TIDLIGERE", "Teknik- og Miljøudvalget den 12. februar 2025, sag nr. 4"),
                Afsnit("SAGSFREMSTILLING", "Baggrund\nVejen er nedslidt. Entreprenøren skal være færdig senest den "
                                           "30. september 2025."),
                Afsnit("ADMINISTRATIONENS INDSTILLING", "Administrationen indstiller, at\n"
                       "- renoveringen af Stationsvej udføres i 2025,\n- anlægsbevillingen frigives."),
                Afsnit("TEKNIK- OG MILJØUDVALGETS BESLUTNING", "Godkendt."),  # this meeting's entry of the log
            ),
            beslutning="Godkendt.", udfald="godkendt", bilag=("Skitseprojekt Stationsvej",),
            bilag_links=("Enclosures/1.pdf",), overskrift="Renovering af Stationsvej",
            behandling=(Behandling("TEKNIK- OG MILJØUDVALGET", "2025-02-12", None, "Udsat."),), eksport_id="501",
            beslutningsorgan="TEKNIK- OG MILJØUDVALGET",  # named in the label of this meeting's decision
        ),
        Punkt(
            position=2, grundlag=EXPORT,
            nummer=2, titel="Lejeaftale for depot", type="andet",
            sagsnummer=Sagsnummer("2025-000311", "2025/311", "aar_loebenr", loebenummer=311, aar=2025),
            afsnit=(Afsnit("Beslutning", "Tiltrådt."),), beslutning="Tiltrådt.", udfald="tiltraadt",
            overskrift="Lejeaftale for depot", lukket=True, eksport_id="502",
        ),
    ),
)  # fmt: skip

EDOC_PUBLISHING = Referat(
    kilde="", sha256="", format="edoc_publishing", forum="Kultur- og Fritidsudvalget", dato="2025-04-07",
    starttid="17:00", sted=None, hoved=("Kultur- og Fritidsudvalget", "Referat"),
    punkter=(
        Punkt(
            position=1, grundlag=EXPORT,
            nummer=5, titel="Tilskud til idrætsforeninger 2025", type="andet", indstiller="Forvaltningen",
            indstillinger=("at tilskuddene udbetales inden 1. juni 2025.",),
            afsnit=(Afsnit("(uden overskrift)", "Foreningerne har søgt om tilskud til nye baner."),
                    Afsnit("Resume", "Der er kommet fire ansøgninger."),
                    Afsnit("Indstilling", "Forvaltningen indstiller, at tilskuddene udbetales inden 1. juni 2025."),
                    Afsnit("Beslutning", "Godkendt.")),
            beslutning="Godkendt.", udfald="godkendt", bilag=("Ansøgninger samlet.pdf",),
            bilag_links=("bilag/ansoegninger.pdf",), overskrift="Tilskud til idrætsforeninger 2025", eksport_id="d-5001",
        ),
        Punkt(
            position=2, grundlag=EXPORT,
            nummer=6, titel="Køb af ejendom", type="andet", overskrift="Køb af ejendom", lukket=True,
            eksport_id="d-5002"),  # on the closed agenda
    ),
)  # fmt: skip

ACADRE = Referat(
    kilde="", sha256="", format="acadre", forum="Social- og Sundhedsudvalget", dato="2025-05-12", starttid="14:00",
    sted="Rådhuset, lokale 101", deltagere=(Deltager("Lise Bak"), Deltager("Peter Ulv", fravaerende=True)),
    hoved=("Social- og Sundhedsudvalget", "Referat"),
    punkter=(
        Punkt(
            position=1, grundlag=EXPORT,
            nummer=1, titel="Plan for hjemmeplejen 2026", type="andet",
            sagsnummer=Sagsnummer("25/4417", "2025/4417", "aar_loebenr", loebenummer=4417, aar=2025),
            indstiller="Direktionen", indstillinger=("at planen godkendes.",),
            afsnit=(Afsnit("Sagsfremstilling", "Planen skal være klar senest 1. december 2025."),
                    Afsnit("Indstilling", "Direktionen indstiller, at planen godkendes."), Afsnit("Beslutning", "Godkendt.")),
            beslutning="Godkendt.", udfald="godkendt", bilag=("Plan for hjemmeplejen",), bilag_links=("plan.pdf",),
            overskrift="Plan for hjemmeplejen 2026", eksport_id="88123",
        ),
        Punkt(
            position=2, grundlag=EXPORT,
            nummer=2, titel="Klagesag", type="andet", overskrift="Klagesag", lukket=True, eksport_id="88124"),
    ),
)  # fmt: skip


@pytest.mark.parametrize("name, expected", [
    ("edoc-agendaweb.xml", EDOC), ("sbsys-publication.xml", SBSYS), ("edoc-publishing.xml", EDOC_PUBLISHING),
    ("acadre-dagsorden.xml", ACADRE),
])  # fmt: skip
def test_xml_export_becomes_the_whole_referat(name, expected):
    data = (EXPORTS / name).read_bytes()
    assert detect_export(data) == expected.format
    assert export_to_referat(data) == expected


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def test_a_zip_as_sbsys_ships_it_is_read_from_its_xml():
    data = zipped({"Publication71/Publication71.xml": (EXPORTS / "sbsys-publication.xml").read_bytes(),
                   "Publication71/Enclosures/1.pdf": b"%PDF-1.4 skitse"})  # fmt: skip
    assert detect_export(data) == "sbsys"
    assert export_to_referat(data) == SBSYS


@pytest.mark.parametrize("members, message", [
    ({"bilag/1.pdf": b"%PDF-1.4"}, "zip-filen indeholder ingen dagsordenseksporter: giv en zip med netop ét møde"),
    ({"a.xml": (EXPORTS / "sbsys-publication.xml").read_bytes(), "b.xml": (EXPORTS / "edoc-agendaweb.xml").read_bytes()},
     "zip-filen indeholder 2 dagsordenseksporter: giv en zip med netop ét møde"),
])  # fmt: skip
def test_a_zip_without_exactly_one_export_is_refused(members, message):
    with pytest.raises(ExportError) as error:
        export_to_referat(zipped(members))
    assert str(error.value) == message
