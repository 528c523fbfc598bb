"""The owner register of a referat: participants, units, bodies, roles, abbreviations, persons in text."""

import pytest

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


def test_abbreviations_defined_in_the_text_resolve_to_the_full_name_with_the_abbreviation():
    assert kanoniske("ØS skal svare, og DIF skal beslutte. Direktørforum mødes igen.") == [
        ("ØS", "Økonomi & Stab (ØS)", None), ("DIF", "Direktørforum (DIF)", None),
        ("Direktørforum", "Direktørforum (DIF)", None),
    ]


def test_known_abbreviations_and_initials_of_a_named_body():
    register = build_register((), ["Skole- og Kulturudvalget behandler sagen.", "SKU og KB skal godkende den."])
    assert [(o.tekst, o.kanonisk, o.art) for o in register.find("SKU og KB skal godkende den.")] == [
        ("SKU", "Skole- og Kulturudvalget (SKU)", "organ"), ("KB", "Kommunalbestyrelsen (KB)", "organ"),
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


def owners(tekst: str, moede: str = "2026-03-01", afsnit: str = "Sagsfremstilling") -> list[tuple]:
    from referater.models import Afsnit, Punkt, Referat
    from referater.nlp import enrich

    punkt = Punkt(nummer=1, titel="T", type="andet", afsnit=(Afsnit(afsnit, tekst),))
    referat = Referat("t.txt", "0" * 64, "txt", "Udvalget", moede, None, None, DELTAGERE, (punkt,))
    return [(f.dato, f.ansvarlig, f.ansvarlig_type) for f in enrich(referat).punkter[0].frister]


# Each owner kind and each owner rule, in sentences written for these tests: (sentence, deadlines as
# (date, canonical owner, kind)). The owner is who must act; where nobody is named, there is none.
OWNER_CASES = [
    # person: named in the text, then acting
    ("Projektet ledes af Jens Ravn Holm. Jens Ravn Holm skal aflevere rapporten senest den 3. juni 2026.",
     [("2026-06-03", "Jens Ravn Holm", "person")]),
    # rolle: plural role nouns with their determiners, a singular role, "hver enkelt …"
    ("Alle skoleledere skal indsende deres planer senest 1. marts 2027.", [("2027-03-01", "Alle skoleledere", "rolle")]),
    ("De ansvarlige ledere melder tilbage inden udgangen af april 2026.",
     [("2026-04-30", "De ansvarlige ledere", "rolle")]),
    ("Hver enkelt kommune skal have vedtaget en plan inden 1. juli 2026.",
     [("2026-07-01", "Hver enkelt kommune", "rolle")]),
    ("Borgmesteren underskriver aftalen den 15. maj 2026.", [("2026-05-15", "Borgmesteren", "rolle")]),
    # organ: a body by its head word, an abbreviation defined in the text or known to every municipality
    ("Projektrådet (PR) nedsættes nu. PR skal senest den 1. april 2026 aflevere sin anbefaling.",
     [("2026-04-01", "Projektrådet (PR)", "organ")]),
    ("ØU godkender budgetrammen senest 30. september 2026.", [("2026-09-30", "Økonomiudvalget (ØU)", "organ")]),
    ("Sagen behandles i Økonomiudvalget den 9. juni 2026 og i Kommunalbestyrelsen den 23. juni 2026.",
     [("2026-06-09", "Økonomiudvalget", "organ"), ("2026-06-23", "Kommunalbestyrelsen", "organ")]),
    ("Direktionen følger op på handleplanen i 3. kvartal 2026.", [("2026-09-30", "Direktionen", "organ")]),
    # enhed: a unit of the municipality
    ("Administrationen vil udarbejde et notat inden sommerferien 2026.",
     [("2026-06-30", "Administrationen", "enhed")]),
    ("Center for Trafik og Vej sender forslaget i høring i uge 12 2026.",
     [("2026-03-20", "Center for Trafik og Vej", "enhed")]),
    # ekstern: a firm, a state agency, a source of what is awaited
    ("Rådgiveren skal aflevere skitseprojektet senest 15. oktober 2026.", [("2026-10-15", "Rådgiveren", "ekstern")]),
    ("Vejbyg A/S skal være færdig med asfalteringen inden 1. november 2026.",
     [("2026-11-01", "Vejbyg A/S", "ekstern")]),
    ("Sundhedsstyrelsen forventes at udsende nye retningslinjer i løbet af foråret 2026.",
     [("2026-05-31", "Sundhedsstyrelsen", "ekstern")]),
    ("Der forventes en afklaring fra Energistyrelsen i december 2026.",
     [("2026-12-31", "Energistyrelsen", "ekstern")]),
    # kommunen: the municipality itself
    ("Kommunen skal indsende ansøgningen senest den 2. februar 2027.", [("2027-02-02", "Kommunen", "kommunen")]),
    ("Nordby Kommune skal have en ny plan klar inden 1. januar 2027.",
     [("2027-01-01", "Nordby Kommune", "kommunen")]),
    # nobody named: no owner, never the nearest name
    ("Lokalplanen er i offentlig høring frem til 5. maj 2026.", [("2026-05-05", None, None)]),
    ("Udvalget ønsker en status på indsatsen i juni 2026.", [("2026-06-30", None, None)]),
    ("Referatet sendes til Marie Aasøe senest 10. marts 2026.", [("2026-03-10", None, None)]),
    # the rules that read further than the subject
    ("- 8. og 15. september: Behandling af budgettet i henholdsvis ØU og KB",
     [("2026-09-08", "Økonomiudvalget (ØU)", "organ"), ("2026-09-15", "Kommunalbestyrelsen (KB)", "organ")]),
    ("Aktivitet | Ansvarlig | Frist\nUdsende spørgeskema | Sekretariatet | 3. marts 2026\n"
     "Analyse | Ekstern konsulent | 14. april 2026",
     [("2026-03-03", "Sekretariatet", "enhed"), ("2026-04-14", "Ekstern konsulent", "ekstern")]),
    ("- Marts 2026 – Kultur- og Idrætsudvalget godkender programmet",
     [("2026-03-31", "Kultur- og Idrætsudvalget", "organ")]),
    ("Sagen danner grundlag for fagudvalgenes drøftelse frem mod Kommunalbestyrelsens temamøde den 10. marts 2026.",
     [("2026-03-10", "fagudvalgene", "organ")]),
    ("Planen skal være godkendt af de fire kommuner senest 1. december 2026.",
     [("2026-12-01", "de fire kommuner", "rolle")]),
    ("Forslaget sendes til endelig vedtagelse i Kommunalbestyrelsen i februar 2027.",
     [("2027-02-28", "Kommunalbestyrelsen", "organ")]),
    ("Sagen forelægges Børne- og Skoleudvalget i maj 2026.", [("2026-05-31", "Børne- og Skoleudvalget", "organ")]),
    ("I marts igangsætter Vejdirektoratet en trafiktælling. Tællingen forventes afsluttet i uge 20.",
     [("2026-03-31", "Vejdirektoratet", "ekstern"), ("2026-05-15", "Vejdirektoratet", "ekstern")]),
    ("Foreningerne skal søge om tilskud senest 1. april 2026. De skal aflevere regnskab inden 1. oktober 2026.",
     [("2026-04-01", "Foreningerne", "rolle"), ("2026-10-01", "Foreningerne", "rolle")]),
    ("Sagen behandles på Kommunalbestyrelsens møde den 30. september 2026.",
     [("2026-09-30", "Kommunalbestyrelsen", "organ")]),
    ("Nordby Kommune og Region Syd skal indgå en aftale inden 1. marts 2027.",
     [("2027-03-01", "Nordby Kommune", "kommunen")]),
    ("Administrationen forventer at fremlægge en sag i juni 2026.", [("2026-06-30", "Administrationen", "enhed")]),
    ("Administrationen forventer, at leverandøren er klar i juni 2026.", [("2026-06-30", "leverandøren", "ekstern")]),
    ("Plejehjemmene i Nordby Kommune skal have ny sygeplejeordning senest 1. juni 2026.",
     [("2026-06-01", "Plejehjemmene", "enhed")]),
    ("Byder skal aflevere sit tilbud senest den 3. marts 2026.", [("2026-03-03", "Byder", "ekstern")]),
    ("Sagen behandles af Økonomiudvalget den 8. september 2026 og Byrådet den 22. september 2026.",
     [("2026-09-08", "Økonomiudvalget", "organ"), ("2026-09-22", "Byrådet", "organ")]),
    ("Med aftalen forpligter Nordby Kommune sig til at etablere 20 pladser inden udgangen af 2027.",
     [("2027-12-31", "Nordby Kommune", "kommunen")]),
    ("Sagen går videre til Byrådet. BY behandler sagen den 2. oktober 2026.",
     [("2026-10-02", "Byrådet (BY)", "organ")]),
]


@pytest.mark.parametrize("tekst,expected", OWNER_CASES, ids=[c[0][:40] for c in OWNER_CASES])
def test_owner_and_kind(tekst, expected):
    assert owners(tekst) == expected
