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
    ("Økonomistaben udarbejder budgetforslaget inden 15. august 2026.",
     [("2026-08-15", "Økonomistaben", "enhed")]),
    ("Team Vej og Park udskifter belysningen inden 1. november 2026.",
     [("2026-11-01", "Team Vej og Park", "enhed")]),
    ("Det enkelte plejecenter skal udarbejde en handleplan senest 1. juni 2026.",
     [("2026-06-01", "Det enkelte plejecenter", "enhed")]),
    ("Dagtilbuddene skal indsende deres pædagogiske planer senest 1. september 2026.",
     [("2026-09-01", "Dagtilbuddene", "enhed")]),
    ("Nordby Bibliotek skal offentliggøre programmet inden 1. august 2026.",
     [("2026-08-01", "Nordby Bibliotek", "enhed")]),
    # ekstern: a firm, a state agency, a source of what is awaited
    ("Rådgiveren skal aflevere skitseprojektet senest 15. oktober 2026.", [("2026-10-15", "Rådgiveren", "ekstern")]),
    ("Vejbyg A/S skal være færdig med asfalteringen inden 1. november 2026.",
     [("2026-11-01", "Vejbyg A/S", "ekstern")]),
    ("Sundhedsstyrelsen forventes at udsende nye retningslinjer i løbet af foråret 2026.",
     [("2026-05-31", "Sundhedsstyrelsen", "ekstern")]),
    ("Der forventes en afklaring fra Energistyrelsen i december 2026.",
     [("2026-12-31", "Energistyrelsen", "ekstern")]),
    ("Region Nord skal godkende planen inden 1. juni 2026.", [("2026-06-01", "Region Nord", "ekstern")]),
    ("Nordby Forsyning skal etablere ledningen inden 1. oktober 2026.",
     [("2026-10-01", "Nordby Forsyning", "ekstern")]),
    ("Vinderen af udbuddet skal aflevere en driftsplan senest 1. september 2026.",
     [("2026-09-01", "Vinderen af udbuddet", "ekstern")]),
    ("Kystvandsamarbejdet (KVS) er etableret. KVS skal aflevere en plan senest 1. juni 2026.",
     [("2026-06-01", "Kystvandsamarbejdet (KVS)", "ekstern")]),
    ("Vinder af udbud overtager driften 1. april 2026.", [("2026-04-01", "Vinder af udbud", "ekstern")]),
    # kommunen: the municipality itself
    ("Kommunen skal indsende ansøgningen senest den 2. februar 2027.", [("2027-02-02", "Kommunen", "kommunen")]),
    ("Nordby Kommune skal have en ny plan klar inden 1. januar 2027.",
     [("2027-01-01", "Nordby Kommune", "kommunen")]),
    # "kommunen" in a referat of Nordby Kommune is Nordby Kommune: one owner however it is written
    ("Nordby Kommune har fået tilsagn fra puljen. Kommunen skal indsende regnskab senest 1. maj 2027.",
     [("2027-05-01", "Nordby Kommune", "kommunen")]),
    # what else gives a subject something to do: a frist of its own, work in progress, a relative clause
    ("Ældrerådet har frist for høringssvar den 1. juni 2026.", [("2026-06-01", "Ældrerådet", "organ")]),
    ("Administrationen er i gang med at udarbejde planen, som forventes færdig i juni 2026.",
     [("2026-06-30", "Administrationen", "enhed")]),
    ("Beslutningen er en ramme for administrationen, der arbejder videre med planen frem mod 1. august 2026.",
     [("2026-08-01", "administrationen", "enhed")]),
    ("Administrationen vender tilbage til udvalget med en status i juni 2026.",
     [("2026-06-30", "Administrationen", "enhed")]),
    ("Borgmestrene i de fem kommuner mødes den 21. september 2026.", [("2026-09-21", "Borgmestrene", "rolle")]),
    # the body a case is put before again, or whose meeting it is put on, treats it then
    ("Sagen forelægges igen for udvalget i juni 2026.", [("2026-06-30", "udvalget", "organ")]),
    ("Sagen genoptages på udvalgets møde i juni 2026.", [("2026-06-30", "udvalget", "organ")]),
    ("Sagen sendes videre til Økonomiudvalget og Byrådet i juni 2026.", [("2026-06-30", "Økonomiudvalget", "organ")]),
    ("Der forelægges en ny sag for udvalget i juni 2026.", [("2026-06-30", "udvalget", "organ")]),
    ("Det videre arbejde drøftes i Direktionen i juni 2026.", [("2026-06-30", "Direktionen", "organ")]),
    # the party heard gives its answer by the end of the hearing
    ("Ældrerådet høres i perioden 1. maj til 1. juni 2026.", [("2026-06-01", "Ældrerådet", "organ")]),
    ("Planen sendes i høring hos Handicaprådet med frist 1. juni 2026.", [("2026-06-01", "Handicaprådet", "organ")]),
    ("Høringssvar fra Ældrerådet skal være modtaget senest 1. juni 2026.", [("2026-06-01", "Ældrerådet", "organ")]),
    # an unknown abbreviation where only a body stands is a body
    ("Sagen behandles i NPU den 14. juni 2026.", [("2026-06-14", "NPU", "organ")]),
    ("NPU skal godkende planen i juni 2026.", [("2026-06-30", "NPU", "organ")]),
    # a timetable line names the body that treats the case after the date
    ("- Juni 2026: Endelig godkendelse i Byrådet", [("2026-06-30", "Byrådet", "organ")]),
    ("- 24. juni 2026 - Byrådets behandling af planen", [("2026-06-24", "Byrådet", "organ")]),
    # a passive step the recommending unit proposes is its own; an actor named in the step wins
    ("Administrationen indstiller, at\n1. planen godkendes\n2. at planen sendes i høring i maj 2026.",
     [("2026-05-31", "Administrationen", "enhed")]),
    ("Administrationen indstiller, at Byrådet godkender planen den 24. juni 2026.",
     [("2026-06-24", "Byrådet", "organ")]),
    # "Det skal ske …" is the step of the sentence before; "Planen …" the plan someone makes there
    ("Kystsamarbejdet skal udarbejde en plan. Det skal ske senest 1. juni 2026.",
     [("2026-06-01", "Kystsamarbejdet", "ekstern")]),
    ("Kystsamarbejdet udarbejder en plan. Planen forventes færdig i juni 2026.",
     [("2026-06-30", "Kystsamarbejdet", "ekstern")]),
    # a place's genitive belongs to the name of the body
    ("Midt- og Nordjyllands Politi og kommunerne i kredsen skal indgå en aftale inden 1. juni 2026.",
     [("2026-06-01", "Midt- og Nordjyllands Politi", "ekstern")]),
    # who began a thing carries it on; a modal before the subject makes the verb after it an infinitive
    ("Administrationen har igangsat en analyse, som forventes afsluttet i juni 2026.",
     [("2026-06-30", "Administrationen", "enhed")]),
    ("Administrationen har igangsat en analyse. Analysen forventes afsluttet i juni 2026.",
     [("2026-06-30", "Administrationen", "enhed")]),
    ("Efter godkendelse vil administrationen iværksætte ordningen pr. 1. august 2026.",
     [("2026-08-01", "administrationen", "enhed")]),
    ("Beslutningen om ordningen til opstart 1. august 2026 er en ramme for administrationen, der i samarbejde "
     "med de involverede parter arbejder ud fra den.", [("2026-08-01", "administrationen", "enhed")]),
    # a body in a table row meets at the row's date; a body that gets a report does not act on it
    ("Politisk behandling | Dato\nSkoleudvalget | 14. marts 2026\nByrådet | 28. marts 2026",
     [("2026-03-14", "Skoleudvalget", "organ"), ("2026-03-28", "Byrådet", "organ")]),
    ("Udvalget får en orientering om resultatet på mødet i juni 2026.", [("2026-06-30", None, None)]),
    ("Administrationen indstiller, at der gives en status til udvalget i juni 2026.",
     [("2026-06-30", "Administrationen", "enhed")]),
    # those a step is done for are no owners: "af kommunens medarbejdere og ledere"
    ("Undervisningen af kommunens medarbejdere og ledere kommer til at foregå i september og oktober 2026.",
     [("2026-10-31", None, None)]),
    # a label line names the section's owner; a name never runs on to the next line
    ("Ansvarlig: Center for Teknik og Miljø\nFrist: 1. juni 2026", [("2026-06-01", "Center for Teknik og Miljø", "enhed")]),
    # what must be in place when a school year starts
    ("Skolerne skal fra skoleåret 2026/27 tilbyde valgfag.", [("2026-08-01", "Skolerne", "enhed")]),
    # a habit in the present tense is no date to meet
    ("I januar udsender Kommunernes Landsforening sin årlige rapport.", []),
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


def punkt_owners(afsnit: list[tuple[str, str]]) -> list[tuple]:
    from referater.models import Afsnit, Punkt, Referat
    from referater.nlp import enrich

    punkt = Punkt(nummer=1, titel="T", type="andet", afsnit=tuple(Afsnit(navn, tekst) for navn, tekst in afsnit))
    referat = Referat("t.txt", "0" * 64, "txt", "Udvalget", "2026-03-01", None, None, (), (punkt,))
    return [(f.dato, f.ansvarlig, f.ansvarlig_type, f.afsnit) for f in enrich(referat).punkter[0].frister]


def test_a_passive_step_is_owned_by_who_does_the_same_verb_elsewhere_in_the_punkt():
    assert punkt_owners([
        ("Lovgrundlag", "Kommunalbestyrelsen skal revidere beredskabet mindst hvert fjerde år."),
        ("Tidsplan", "Planen gælder for 2026-2030 og skal revideres inden 1. april 2030."),
    ]) == [("2030-04-01", "Kommunalbestyrelsen", "organ", "Tidsplan")]
    # two who do it: nobody is guessed
    assert punkt_owners([
        ("Sagsfremstilling", "Byrådet skal godkende planen. Byrådet og udvalget skal også godkende budgettet."),
        ("Tidsplan", "Planen skal godkendes inden 1. juni 2026."),
    ]) == [("2026-06-01", None, None, "Tidsplan")]


def test_the_forums_initials_resolve_to_the_forum():
    from referater.models import Afsnit, Punkt, Referat
    from referater.nlp import enrich

    punkt = Punkt(nummer=1, titel="T", type="andet", afsnit=(Afsnit("Tidsplan", "Sagen forelægges SKU i juni 2026."),))
    referat = Referat("t.txt", "0" * 64, "txt", "Skole- og Kulturudvalget", "2026-03-01", None, None, (), (punkt,))
    assert [(f.dato, f.ansvarlig, f.ansvarlig_type) for f in enrich(referat).punkter[0].frister] == [
        ("2026-06-30", "Skole- og Kulturudvalget (SKU)", "organ")]
