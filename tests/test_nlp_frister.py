"""Which dates are deadlines, who owns them, and which sentences are assignments.

Each case is one section of one punkt run through ``enrich``; expectations are whole lists.
"""

import pytest
from conftest import EXAMPLES

from referater.models import Afsnit, Deltager, Frist, Opgave, Punkt, Referat
from referater.nlp import enrich, load_pipeline

DELTAGERE = (
    Deltager("Henrik Harder", "Kommunaldirektør"),
    Deltager("Marie Aasøe", "Afdelingschef for Økonomi & Stab"),
    Deltager("Marie Brøchner Jespersen", "Afdelingschef Miljø & Teknik"),
)


def enriched(tekst: str, moede: str = "2025-03-12", afsnit: str = "Sagsfremstilling") -> Punkt:
    punkt = Punkt(nummer=1, titel="Test", type="andet", afsnit=(Afsnit(afsnit, tekst),))
    referat = Referat("t.txt", "0" * 64, "txt", "Chefforum", moede, "09:00", "Rådhuset", DELTAGERE, (punkt,))
    return enrich(referat).punkter[0]


def frist_datoer(tekst: str, moede: str = "2025-03-12", afsnit: str = "Sagsfremstilling") -> list[str]:
    return [f.dato for f in enriched(tekst, moede, afsnit).frister]


# (sentence, meeting date, ISO dates of the deadlines in it)
CASES = [
    ("Økonomi & Stab skal aflevere analysen senest den 1. maj 2025.", "2025-03-12", ["2025-05-01"]),
    ("Lederne havde frist den 20. december 2024 for indmeldelse af måltal.", "2025-01-29", ["2024-12-20"]),
    ("Ansøgningsfristen er den 1. juni.", "2025-03-12", ["2025-06-01"]),
    ("Analysen skal være færdiggjort ultimo maj.", "2025-03-12", ["2025-05-31"]),
    ("Projektet forventes færdigt i løbet af 2. halvår.", "2025-03-12", ["2025-12-31"]),
    ("Chefforum skal udfylde planen i løbet af uge 34.", "2025-08-13", ["2025-08-22"]),
    ("Den 1. april,\n\n- bliver der lukket for at oprette nye filer.", "2025-03-12", ["2025-04-01"]),
    ("Høringssvar sendes inden for 14 dage.", "2025-03-12", ["2025-03-26"]),
    ("Fristen for høringssvar fastsættes til den 15. oktober 2025, kl. 12.00.", "2025-09-10", ["2025-10-15"]),
    ("Forvaltningen udarbejder et notat til udvalgets møde i november.", "2025-09-10", ["2025-11-30"]),
    ("Sagen genoptages på Økonomiudvalgets møde den 4. november 2025.", "2025-09-10", ["2025-11-04"]),
    ("Høringsperioden løber fra den 1. september til den 29. september 2025.", "2025-08-10", []),
    ("Kassebeholdningen ved udgangen af 2025 forventes at udgøre 118 mio. kr.", "2025-06-17", []),
    ("Udvalget ønsker en status i juni 2026.", "2025-10-08", ["2026-06-30"]),
    ("Taksterne træder i kraft den 1. januar 2026.", "2025-10-08", []),
    ("Fagudvalgene skal introduceres for den nye kommunalbestyrelse, der tiltræder i januar 2026.", "2025-05-07",
     []),
    ("Driftsaftalen udløber den 31. december 2025.", "2025-10-08", []),
    # a limit counted from an undated meeting is kept without a date
    ("Materialet skal sendes senest 5 dage før mødet.", "2025-03-12", [None]),
    # traps: "senest" = most recently; past events; a start; recurring; a state that lasts; an event
    ("Senest vedtagelsen af planen i 2024 viste behovet.", "2025-03-12", []),
    ("Styregruppen godkendte planen den 4. december 2024.", "2025-03-12", []),
    ("Den 22. maj 2025 godkendte Chefforum en ny skabelon, som skal bruges.", "2025-03-12", []),
    ("Der er behov for elever i juniormesterlære fra sommeren 2025, som skal findes.", "2025-03-12", []),
    ("Fra uge 13 og frem vil analysen blive påbegyndt.", "2025-03-12", []),
    ("Hvert år i marts skal lederne melde ind.", "2025-01-29", []),
    ("Oktober er på vanlig vis sikkerhedsmåned, og phishing vil være i fokus.", "2025-09-24", []),
    ("Kompetencerne er dækket ind til udgangen af 2025, herefter skal der findes nye.", "2025-03-12", []),
    ("Der bliver afholdt StoreMED-dag den 28. oktober 2025.", "2025-03-12", []),
    ("Der er udarbejdet et program for lederdagen den 25. februar 2025, der tager udgangspunkt i temaerne.",
     "2025-01-29", []),
    ("Der skal udarbejdes en plan for lederdage i 2025, der skal behandles på Direktørforum.", "2025-01-29", []),
    ("Medarbejdere tæller som langtidsfriske, hvis de i 2023 og i 2024 har haft lavt fravær.", "2025-01-29", []),
]


@pytest.mark.parametrize("tekst,moede,expected", CASES)
def test_which_dates_are_frister(tekst, moede, expected):
    assert frist_datoer(tekst, moede) == expected


def test_attachment_names_are_not_frister():
    assert frist_datoer("Systembeskrivelse - til godkendelse senest 29.01.2025", "2025-01-29", "Bilag") == []


def test_frist_whole_with_owner_action_and_span():
    tekst = "Chefforum godkendte punkterne, samt at alle afdelingschefer melder en tovholder til Kommunikation senest den 27. august 2025."
    punkt = enriched(tekst, "2025-08-13", "Beslutning")
    start = tekst.index("senest")
    assert punkt.frister == (
        Frist("senest den 27. august 2025", "2025-08-27", "dag", "afdelingscheferne",
              "alle afdelingschefer melder en tovholder til Kommunikation", "Beslutning", start, len(tekst) - 1,
              ansvarlig_tekst="alle afdelingschefer"),
    )
    assert punkt.opgaver == (
        Opgave("afdelingscheferne", "melder en tovholder til Kommunikation senest den 27. august 2025",
               "Beslutning", "2025-08-27", "alle afdelingschefer"),
    )


@pytest.mark.parametrize("tekst,ansvarlig", [
    # V2 order: the subject follows the verb after a fronted date
    ("I løbet af foråret 2025 vil Kommunikation tage nye billeder.", "Kommunikation"),
    # the acting mention wins over a recipient or a forum met at
    ("Det er planlagt, at Marie Jespersen deltager på Chefforum den 9. april 2025.", "Marie Brøchner Jespersen"),
    ("Chefforum drøftede temamødet den 8. april 2025, hvor afdelingscheferne skal deltage.", "afdelingscheferne"),
    # a body met at owns what happens there
    ("Punktet blev udsat til kommende Chefforum den 26. marts 2025.", "Chefforum"),
    # a recipient is never the owner
    ("Navne på tovholdere meldes til Janus Nissen senest 27. marts.", None),
    # the section names who carries the work
    ("Processen forankres i Økonomi & Stab. Den forventes færdig medio 2026.", "Økonomi & Stab"),
])
def test_owner(tekst, ansvarlig):
    [frist] = enriched(tekst).frister
    assert frist.ansvarlig == ansvarlig


def test_assignments_in_beslutning():
    tekst = ("Chefforum drøftede sagen. Økonomi & Stab skal undersøge, hvordan data indgår. "
             "HR & Løn arbejder videre med retningslinjen. Sekretariatet samler op på kommentarerne. "
             "Økonomiudvalget skal fastsætte måltallet. Chefforum kan løbende melde ind.")
    assert enriched(tekst, afsnit="Beslutning").opgaver == (
        Opgave("Økonomi & Stab", "skal undersøge, hvordan data indgår", "Beslutning", None, "Økonomi & Stab"),
        Opgave("HR & Løn", "arbejder videre med retningslinjen", "Beslutning", None, "HR & Løn"),
        Opgave("Sekretariatet", "samler op på kommentarerne", "Beslutning", None, "Sekretariatet"),
    )


def test_no_assignments_outside_beslutning_and_indstilling_without_a_frist():
    assert enriched("Økonomi & Stab skal undersøge sagen.", afsnit="Sagsfremstilling").opgaver == ()


def test_no_meeting_date_no_frister():
    punkt = Punkt(nummer=1, titel="T", type="andet", afsnit=(Afsnit("Beslutning", "Frist senest 1. maj 2025."),))
    referat = Referat("t.txt", "0" * 64, "txt", None, None, None, None, (), (punkt,))
    assert enrich(referat).punkter[0].frister == ()


def test_pipeline_is_built_once_and_exposes_spans():
    nlp = load_pipeline()
    assert nlp is load_pipeline()
    assert nlp.pipe_names == ["referat_sentences", "referat_datoer", "referat_ansvarlige", "referat_frister",
                              "referat_opgaver"]
    doc = nlp.make_doc("Økonomi & Stab skal svare senest 1. maj. Det er vigtigt.")
    doc._.moededato, doc._.afsnit = "2025-03-12", "Beslutning"
    doc = nlp(doc)
    assert [(s.text, s.label_, s._.dato) for s in doc.spans["datoer"]] == [("1. maj", "dag", "2025-05-01")]
    assert [(s.text, s._.kanonisk) for s in doc.spans["frister"]] == [("senest 1. maj", "Økonomi & Stab")]
    assert [s.text for s in doc.sents] == ["Økonomi & Stab skal svare senest 1. maj.", "Det er vigtigt."]


def test_unknown_model_is_one_clear_error():
    from referater.errors import ReferatError

    with pytest.raises(ReferatError, match="is not installed"):
        load_pipeline("da_findes_ikke")


def test_entities_of_a_trained_pipeline_become_owners():
    """A trained pipeline's PER/ORG entities add owners the rules do not know (stood in for by a ruler)."""
    import spacy

    from referater.nlp.components import COMPONENTS

    nlp = spacy.blank("da")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PER", "pattern": "Ib Ibsen"},
                                               {"label": "ORG", "pattern": "Region Hovedstaden"}])
    for navn in COMPONENTS:
        nlp.add_pipe(navn)
    punkt = Punkt(nummer=1, titel="T", type="andet", afsnit=(Afsnit("Beslutning", (
        "Ib Ibsen skal sende udkastet senest 1. maj 2025. Region Hovedstaden vil svare inden uge 20.")),))
    referat = Referat("t.txt", "0" * 64, "txt", "Chefforum", "2025-03-12", None, None, DELTAGERE, (punkt,))
    assert [(f.dato, f.ansvarlig) for f in enrich(referat, nlp).punkter[0].frister] == [
        ("2025-05-01", "Ib Ibsen"), ("2025-05-16", "Region Hovedstaden"),
    ]


def test_cli_refuses_a_missing_model_once(tmp_path):
    from click.testing import CliRunner

    from referater.cli import cli

    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "r.db"), "--model", "da_findes_ikke"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: spaCy model 'da_findes_ikke' is not installed: install it with pip, or leave out --model"]
