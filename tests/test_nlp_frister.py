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
    # the forms of formal municipal prose
    ("Fristen for høringssvar er den 1. juni 2026.", "2026-03-01", ["2026-06-01"]),
    ("Ansøgningsfristen udløber den 1. juni 2026.", "2026-03-01", ["2026-06-01"]),
    ("Renoveringen skal være afsluttet inden 1. oktober 2026.", "2026-03-01", ["2026-10-01"]),
    ("Byggeriet forventes færdigt primo oktober 2026.", "2026-03-01", ["2026-10-31"]),
    ("Forslaget sendes til behandling i Byrådet den 24. juni 2026.", "2026-03-01", ["2026-06-24"]),
    ("Planen skal være implementeret i 2027.", "2026-03-01", ["2027-12-31"]),
    ("Puljen skal være brugt inden udgangen af budgetåret 2026.", "2026-03-01", ["2026-12-31"]),
    ("Kontrakten med leverandøren indgås i marts 2026.", "2026-01-10", ["2026-03-31"]),
    # a forecast is no deadline, even with someone who expects it
    ("Kommunen forventer, at omkring 80 borgere vil være omfattet af ordningen i løbet af 2026.", "2026-01-10", []),
    # the anchor of a relative limit is no deadline of its own
    ("Kommunerne skal indsende regnskab senest 4 uger efter 1. maj 2026.", "2026-03-01", ["2026-05-29"]),
    ("Fristen for høringssvar fastsættes til den 15. oktober 2025, kl. 12.00.", "2025-09-10", ["2025-10-15"]),
    ("Forvaltningen udarbejder et notat til udvalgets møde i november.", "2025-09-10", ["2025-11-30"]),
    ("Sagen genoptages på Økonomiudvalgets møde den 4. november 2025.", "2025-09-10", ["2025-11-04"]),
    # a hearing period ends in the hearing deadline (the dev set's convention: a period gives its end)
    ("Høringsperioden løber fra den 1. september til den 29. september 2025.", "2025-08-10", ["2025-09-29"]),
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
              ansvarlig_tekst="alle afdelingschefer", ansvarlig_type="rolle"),
    )
    assert punkt.opgaver == (
        Opgave("afdelingscheferne", "melder en tovholder til Kommunikation senest den 27. august 2025",
               "Beslutning", "2025-08-27", "alle afdelingschefer", "rolle"),
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
        Opgave("Økonomi & Stab", "skal undersøge, hvordan data indgår", "Beslutning", None, "Økonomi & Stab", "enhed"),
        Opgave("HR & Løn", "arbejder videre med retningslinjen", "Beslutning", None, "HR & Løn", "enhed"),
        Opgave("Sekretariatet", "samler op på kommentarerne", "Beslutning", None, "Sekretariatet", "enhed"),
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
        "Fejl: spaCy model 'da_findes_ikke' is not installed: install it with pip, or leave out --model"]


def explained(tekst: str, moede: str, afsnit: str) -> tuple[list[tuple[str, str | None]], list[str | None]]:
    """(date phrase, the form that decided it) for every date, and the frister's dates."""
    from referater.nlp.ansvarlige import build_register

    nlp = load_pipeline()
    doc = nlp.make_doc(tekst)
    doc.user_data["referat_tekst"] = tekst
    doc._.moededato, doc._.afsnit, doc._.ansvarlige = moede, afsnit, build_register(DELTAGERE, [tekst])
    doc = nlp(doc)
    return doc._.former, [f.dato for f in doc._.frister]


# One sentence per row of fristformer.FORMER: (form, sentence, meeting date, section, the date phrase it
# decides, the deadlines of the sentence). Written for these tests; a new form needs a new row here.
FORM_CASES = [
    ("bilagsnavn", "- Bilag 2: Udkast til høringssvar, senest 1. maj 2026", "2026-03-01", "Bilag", "1. maj 2026", []),
    ("inden_for", "Indsigelser skal sendes inden for fire uger.", "2026-02-02", "Sagsfremstilling",
     "inden for fire uger", ["2026-03-02"]),
    ("frist_ord", "Svarfristen er sat til den 14. april 2026.", "2026-03-01", "Sagsfremstilling",
     "den 14. april 2026", ["2026-04-14"]),
    ("beloeb", "Der er afsat 3,5 mio. kr. i 2027 til projektet, som skal gennemføres.", "2026-03-01", "Økonomi",
     "i 2027", []),
    ("fortid", "Planen blev vedtaget den 3. februar 2026.", "2026-03-01", "Sagsfremstilling", "den 3. februar 2026", []),
    ("fortid_efter", "Den 3. marts 2026 vedtog kommunalbestyrelsen planen, som skal følges.", "2026-01-10",
     "Sagsfremstilling", "Den 3. marts 2026", []),
    ("kalender", "Møderne i 2027 foreslås holdt:\n12. januar\n9. februar", "2026-10-01", "Sagsfremstilling",
     "12. januar", []),
    ("forloeb", "10-03-2026 Teknik- og Miljøudvalget\nAnbefales.", "2026-03-10", "Sagens forløb", "10-03-2026", []),
    ("tidslinje", "- 14. april: Udkast sendes til politisk behandling", "2026-03-01", "Sagsfremstilling",
     "14. april", ["2026-04-14"]),
    ("frist_forled", "Byggeriet forventes færdigt primo 2027.", "2026-03-01", "Sagsfremstilling", "primo 2027",
     ["2027-01-31"]),
    ("om_perioden", "Udvalget orienteres om forbruget for 2. kvartal 2026 på næste møde.", "2026-05-01",
     "Sagsfremstilling", "2. kvartal 2026", []),
    ("klar_til", "Systemet skal være klar til ibrugtagning 1. september 2026.", "2026-03-01", "Sagsfremstilling",
     "1. september 2026", ["2026-09-01"]),
    ("start_aaben", "Fra uge 10 og frem holder borgerservice lukket om fredagen.", "2026-01-10", "Sagsfremstilling",
     "uge 10", []),
    ("start_med_pligt", "Alle plejecentre skal tilbyde aftensmad fra 1. oktober 2026.", "2026-03-01",
     "Sagsfremstilling", "1. oktober 2026", ["2026-10-01"]),
    ("start_med_agent", "Administrationen indgår en ny aftale med virkning fra 1. juli 2026.", "2026-03-01",
     "Indstilling", "1. juli 2026", ["2026-07-01"]),
    ("start", "Den nye ordning gælder fra 1. juli 2026.", "2026-03-01", "Sagsfremstilling", "1. juli 2026", []),
    ("start_udsagn", "Taksterne træder i kraft den 1. januar 2027.", "2026-10-08", "Sagsfremstilling",
     "den 1. januar 2027", []),
    ("begyndelse", "Projektet kommer i gang i starten af 2027.", "2026-03-01", "Sagsfremstilling",
     "i starten af 2027", []),
    ("gentagelse", "Hver måned i 2026 afrapporteres forbruget.", "2026-01-10", "Sagsfremstilling", "i 2026", []),
    ("gentagelse_saetning", "November er traditionen tro budgetmåned, og alle vil have travlt.", "2026-09-01",
     "Sagsfremstilling", "November", []),
    ("tidsplan", "Udbud af opgaven i maj 2026.", "2026-03-01", "Tidsplan", "maj 2026", ["2026-05-31"]),
    ("sat_til", "Mødet om skolestrukturen er udsat til den 2. juni 2026.", "2026-03-01", "Sagsfremstilling",
     "den 2. juni 2026", ["2026-06-02"]),
    ("hoeringsperiode", "Planforslaget er i offentlig høring fra 1. april til 27. maj 2026.", "2026-03-01",
     "Sagsfremstilling", "27. maj 2026", ["2026-05-27"]),
    ("frem_mod_til", "Der arbejdes frem mod indgåelse af kontrakt til 1. august 2026 med at sænke prisen.", "2026-03-01",
     "Sagsfremstilling", "1. august 2026", ["2026-08-01"]),
    ("ansoegningsperiode", "Alle foreninger kan søge puljen frem til 1. april 2026.", "2026-03-01",
     "Sagsfremstilling", "1. april 2026", ["2026-04-01"]),
    ("varighed", "Lejemålet løber indtil 31. december 2027, og det skal forlænges.", "2026-03-01",
     "Sagsfremstilling", "31. december 2027", []),
    ("varighed_udtryk", "Restgælden ved udgangen af 2027 forventes at være 4 mio. kr.", "2026-03-01",
     "Sagsfremstilling", "ved udgangen af 2027", []),
    ("betingelse", "Hvis tilskuddet gives i juni 2026, kan byggeriet gå i gang.", "2026-03-01", "Sagsfremstilling",
     "juni 2026", []),
    ("aar_med_cue", "Kommunen skal i 2027 udbyde opgaven.", "2026-03-01", "Sagsfremstilling", "i 2027",
     ["2027-12-31"]),
    ("aar_i_loebet_skal", "Plejecentrene skal implementere den nye model i løbet af 2027.", "2026-03-01",
     "Sagsfremstilling", "i løbet af 2027", ["2027-12-31"]),
    ("aar", "Tilskuddet er fastholdt i 2027.", "2026-03-01", "Sagsfremstilling", "i 2027", []),
    ("dette_moede", "Udvalget godkender dagsordenen for mødet den 12. marts 2026.", "2026-03-12", "Beslutning",
     "den 12. marts 2026", []),
    ("behandling", "Budgettet får 2. behandling i Kommunalbestyrelsen den 7. oktober 2026.", "2026-09-01",
     "Sagsfremstilling", "den 7. oktober 2026", ["2026-10-07"]),
    ("begivenhed_med_pligt", "Alle ledere skal deltage i lederseminaret den 3. juni 2026.", "2026-03-01",
     "Sagsfremstilling", "den 3. juni 2026", ["2026-06-03"]),
    ("begivenhed_med_agent", "Direktionen sender invitationer ud til borgermødet den 9. september 2026.",
     "2026-03-01", "Sagsfremstilling", "den 9. september 2026", ["2026-09-09"]),
    ("begivenhed", "Der er lagt et program for lederdagen den 25. februar 2026.", "2026-01-10", "Sagsfremstilling",
     "den 25. februar 2026", []),
    ("procestrin", "Evalueringen af ordningen sker ultimo 2026.", "2026-03-01", "Sagsfremstilling", "ultimo 2026",
     ["2026-12-31"]),
    ("afholdes_med_pligt", "Informationsmødet afholdes den 4. maj 2026, og alle beboere skal inviteres.",
     "2026-03-01", "Sagsfremstilling", "den 4. maj 2026", ["2026-05-04"]),
    ("afholdes", "Generalforsamlingen afholdes 20. april 2026.", "2026-03-01", "Sagsfremstilling", "20. april 2026",
     []),
    ("cue", "Der følges op på indsatsen i november 2026.", "2026-03-01", "Sagsfremstilling",
     "november 2026", ["2026-11-30"]),
    ("agent", "Forvaltningen udarbejder et notat til udvalgets møde i november 2026.", "2026-03-01",
     "Sagsfremstilling", "november 2026", ["2026-11-30"]),
]


@pytest.mark.parametrize("form,tekst,moede,afsnit,fraser,datoer", FORM_CASES, ids=[c[0] for c in FORM_CASES])
def test_each_form_decides_its_sentence(form, tekst, moede, afsnit, fraser, datoer):
    former, fundne = explained(tekst, moede, afsnit)
    assert (fraser, form) in former
    assert fundne == datoer


def test_every_form_has_a_test_sentence():
    from referater.nlp.fristformer import FORMER

    assert sorted(f.navn for f in FORMER) == sorted(c[0] for c in FORM_CASES)


def test_relative_limit_is_dated_from_its_anchor_when_the_text_dates_it():
    tekst = "Høringsfristen er den 1. maj 2026. Administrationen skal svare senest 4 uger efter høringsfristen."
    assert [(f.tekst, f.dato, f.ansvarlig) for f in enriched(tekst, "2026-03-01").frister] == [
        ("Høringsfristen er den 1. maj 2026", "2026-05-01", None),
        ("senest 4 uger efter høringsfristen", "2026-05-29", "Administrationen"),
    ]


def test_relative_limit_without_a_dated_anchor_keeps_its_phrase():
    [frist] = enriched("Kommunen skal svare senest 4 uger efter modtagelsen.", "2026-03-01").frister
    assert (frist.tekst, frist.dato, frist.usikker, frist.ansvarlig_type) == (
        "senest 4 uger efter modtagelsen", None, True, "kommunen")
