"""The owner register of a referat: participants, units, bodies, roles, abbreviations, persons in text."""

from referater.models import Deltager
from referater.nlp.ansvarlige import Mention, build_register

DELTAGERE = (
    Deltager("Henrik Harder", "Kommunaldirektør"),
    Deltager("Marie Brøchner Jespersen", "Afdelingschef Miljø & Teknik"),
    Deltager("Marie Aasøe", "Afdelingschef for Økonomi & Stab"),
)
TEKSTER = [
    "Økonomi & Stab (ØS) har gennemført en afdækning. Direktørforum (DIF) besluttede sagen.",
    "Processen projektledes af Anna Hermann Hansen og vil ske i samarbejde med fagområderne.",
    "Leder af It & Digitalisering præsenterede. IT & Digitalisering afsætter 100 timer.",
    "IT & Digitalisering har ansvaret for vurderingen. IT & Digitalisering svarer.",
]


def kanoniske(tekst: str) -> list[tuple[str, str, str | None]]:
    register = build_register(DELTAGERE, TEKSTER + [tekst])
    return [(o.tekst, o.kanonisk, o.praeposition) for o in register.find(tekst)]


def test_participant_variant_is_matched_to_the_full_name():
    assert kanoniske("Systemejer (Marie Jespersen) deltog.") == [
        ("Systemejer", "systemejer", None), ("Marie Jespersen", "Marie Brøchner Jespersen", None),
    ]


def test_name_below_the_cut_off_stays_unmatched():
    register = build_register(DELTAGERE, TEKSTER)
    assert register.person("Marie Hansen") is None
    assert register.person("Henrik Harder") == "Henrik Harder"


def test_abbreviations_defined_in_the_text():
    assert kanoniske("ØS skal svare, og DIF skal beslutte.") == [
        ("ØS", "Økonomi & Stab", None), ("DIF", "Direktørforum", None),
    ]


def test_units_keep_their_most_written_spelling_and_roles_are_collective():
    assert kanoniske("It & Digitalisering og alle afdelingschefer samt lederne melder til Sekretariatet.") == [
        ("It & Digitalisering", "IT & Digitalisering", None),
        ("alle afdelingschefer", "afdelingscheferne", None),
        ("lederne", "lederne", None),
        ("Sekretariatet", "Sekretariatet", "til"),
    ]


def test_person_named_in_running_text_is_found():
    register = build_register(DELTAGERE, TEKSTER)
    assert "Anna Hermann Hansen" in register.personer
    assert register.find("Anna Hermann Hansen skal gennemgå siden.") == [
        Mention("Anna Hermann Hansen", 0, 19, "Anna Hermann Hansen", "person"),
    ]


def test_bodies_and_prepositions():
    assert kanoniske("Sagen forelægges på det kommende Chefforum og i Økonomiudvalget.") == [
        ("Chefforum", "Chefforum", "møde"), ("Økonomiudvalget", "Økonomiudvalget", "i"),
    ]


def test_a_receiver_is_marked_and_a_two_part_committee_name_is_whole():
    assert kanoniske("Sagen forelægges Kultur- og Fritidsudvalget i januar 2026.") == [
        ("Kultur- og Fritidsudvalget", "Kultur- og Fritidsudvalget", "modtager"),
    ]
