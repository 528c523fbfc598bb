"""What makes a date a deadline: cue words (GRUPPER) and the forms they make (FORMER), read top-down.

Each form is one row: which cue group, on which side of the date it stands, what else the sentence must
hold, and what the date then is — a deadline (``frist``) or not (``start``, ``begivenhed``, ``gentagelse``,
``varighed``, ``fortid``, ``maaling``). ``frister.classify`` reads the rows in order; the first that holds
decides, and a date no row holds for is no deadline. A new form is a new row here plus a test sentence in
``tests/test_nlp_frister.py``. Phrases use the syntax of ``cues.py`` (``a|b``, ``x*``, ``*x``, ``?``, ``_``).
"""

from __future__ import annotations

from dataclasses import dataclass

# --- cue groups (Danish words; matched as spaCy token patterns, case ignored) -----------------------
GRUPPER: dict[str, tuple[str, ...]] = {
    # a deadline word right before the date makes it a frist by itself, even a past one
    "frist_ord": ("frist|fristen|*frist|*fristen|deadline|deadlinen er? sat? til?",
                  "frist|fristen|*frist|*fristen for _ af? _? er? sat? til?",
                  "frist|fristen|*frist|*fristen|deadline|deadlinen udløber|løber|udløb"),  # "Ansøgningsfristen udløber den …"
    # amounts per year are not deadlines: "0,5 mia. kr. i 2025", "25 % i 2026"
    "beloeb": ("kr.|kr|mio.|mia.|mio|mia|%|procent|*kroner|*niveau i?",),
    # something must be ready for a start: "til opstart 1. august 2025", "klar til 1. marts"
    "klar_til": ("til opstart|ibrugtagning|idriftsættelse|driftsstart", "klar til", "på plads"),
    # an open start: "fra uge 13 og frem"
    "start_aaben": ("og frem|fremefter|fremover",),
    "start": ("fra", "fra og med", "pr.", "med start", "med virkning fra", "efter", "siden", "gældende fra"),
    "start_udsagn": ("tiltræder|starter|begynder|åbner _?", "træder|træde i kraft _?", "får|få virkning _?",
                     "tiltrådte|startede|begyndte|åbnede _?"),
    # what makes a start a date by which something must be in place: "Alle kommuner skal tilbyde … fra 1. august"
    "pligt": ("skal|skulle|forventes|forventer|planlagt|planlægges",),
    "gentagelse": ("hver|hvert|hvere _? i?", "årligt|månedligt|ugentligt|løbende|årlig i?"),
    "gentagelse_saetning": ("på vanlig vis", "som vanligt", "traditionen tro", "hvert år", "hver måned",
                            "årligt|årlige|årshjul*", "lige|ulige år"),
    # an application period ends in its deadline: "Alle foreninger kan søge puljen frem til 1. april"
    "ansoegning": ("søge|søges|ansøge|ansøges|*ansøgning*|tilmelde|tilmeldes|*tilmelding*|indsende|indsendes",),
    # an obligation: "Plejecentrene skal implementere modellen i løbet af 2026"
    "skal": ("skal|skulle",),
    # a period reported on, not a date to meet: "status for sygefravær for 1. kvartal 2025", "regnskab for 2024"
    "om_perioden": ("for",),
    # a hearing period ends in its deadline: "Høringsperioden løber fra 1. maj til 1. juni"
    "hoering": ("høring*|*høring|*høringen|*høringsperiode*|indsigelse*|*indsigelsesperiode*|høres",),
    # a meeting calendar lists dates without an action: "Møderne foreslås holdt: 16. januar, 13. februar …"
    "kalender": ("møderne|mødedatoer*|mødekalender*|mødeplan*|mødedage*",),
    # a date inside a condition: "Såfremt der indgås kontrakt i maj …", "hvis tilsagn gives i juni"
    "betingelse": ("hvis|såfremt|forudsat|dersom",),
    # a step of a process happens then: "Evalueringen sker ultimo 2025", "Indflytningen finder sted i maj"
    "sker": ("sker|ske", "finder|finde sted"),
    "procesnavneord": ("*ering|*eringen|*ning|*ningen|*else|*elsen|*tion|*tionen|udbud|udbuddet|opstart|opstarten",),
    # a body's treatment of the case: "2. behandling af lokalplanen i Økonomiudvalget den 14. august"
    "behandling": ("*behandling|behandles|godkendelse|godkendes|godkender|forelægges|fremlægges|beslutning|drøftes",),
    # a verb that sets a date: "fastsættes til den 15. oktober", "udsat til kommende møde den …"
    "sat_til": ("fastsættes|fastsat|sat|udsat|udsættes|udskudt|ændret|flyttet|forlænget|forlænges til",),
    # how long a state lasts: "frem til", "indtil", "til og med", "gældende for perioden 1. februar 2024"
    # a goal a step works towards: "frem mod indgåelse af kontrakt til 1. august" (also written "fremmod")
    "frem_mod": ("frem mod", "fremmod"),
    "varighed": ("frem til", "indtil", "til og med", "til", "perioden|periode"),
    # the end of a period only ("i perioden 1. maj til 1. juni": 1. juni)
    "varighed_til": ("frem til", "indtil", "til og med", "til"),
    "fortid_efter": ("blev|var|havde|godkendte|besluttede|drøftede|vedtog|holdt|*ede",),
    "frist_forled": ("senest i?", "inden", "inden for", "indenfor", "forventes færdig* i?", "færdig* i?",
                     "tilendebragt i?", "afleveres i?", "afsluttet i?", "afsluttes i?", "løbet af"),
    # an event noun right before the date: "lederdagen den 25. februar", "Byrådets temamøde den 3. juni"
    "begivenhed": ("*dag|*dagen|*dage|*dagene", "*seminar|*seminaret", "workshop*", "konference|konferencen",
                   "*møde|*mødet|*møder|*møderne", "*messe|*messen"),
    "begivenhed_udsagn": ("afholdes|afholder|afholdt|holdes|inviteres", "finder sted"),
    # what makes an event a deadline: someone must do something for or at it
    "begivenhed_pligt": ("skal|skulle|forventes|senest|inden|frist*|behandles|genoptages|forelægges|fremlægges",
                         "frem mod|imod", "forud for", "forberedelse til", "op til", "planlagt|planlægges"),
    # words anywhere in the sentence that say something must or will happen then
    "cue": (
        "skal|skulle|forventes|forventet|forventer|planlagt|planlægges|forelægges|forelagt|fremlægges|behandles",
        "færdiggøres|færdiggjort|afleveres|afsluttes|tilendebragt|implementeres|vil|bliver|træffes|genoptages",
        "kommer til at", "udsat|udsættes til", "melde*|deltager|senest|inden|fastsættes|fastsat|gennemføres",
        "ønsker|anmoder|beder om? at? få? en? _? status|opfølgning|orientering|temadrøftelse|redegørelse|sag|"
        "drøftelse|evaluering",
        "frist*|deadline*",
        # a report a body will get: "Udvalget får en status i juni", "der gives en orientering på mødet i juni"
        "får|få|gives en? ny? status|orientering|redegørelse|opfølgning|evaluering",
        # formal committee prose: a treatment, approval or decision by a body
        "*behandling|behandle|godkendelse|godkendes|godkender|beslutning|beslutter|vedtages|høres|høring",
        "sendes|udsendes|offentliggøres|fremsendes|indsendes|iværksættes|udbydes|indgås",
        "estimeres|forhandles|udarbejdes|revideres|evalueres|følger|orienteres|følges",
        "frem mod|imod", "sigter mod", "sigtes mod",
    ),
}
# Sections whose future dates are planned steps: "Tidsplan", "Videre proces".
TIDSPLAN_AFSNIT = ("tidsplan", "proces", "videre proces", "den videre proces", "procesplan", "tids- og procesplan")


@dataclass(frozen=True)
class Form:
    """One way a date is written: the cue group and where it stands, what the date then is."""

    navn: str
    goer: str  # frist, start, begivenhed, gentagelse, varighed, fortid, maaling
    gruppe: str | None = None  # the cue group that must stand at ``side``
    side: str | None = None  # foer, efter, naer, klausul, saetning, saetning_foer
    dato: str | None = None  # a property the date itself must have (see frister.DATO_TESTS)
    kraever: tuple[str, str] | None = None  # (group or "agent", side): what else must be there
    usikker: bool = False  # a deadline a careful reader could doubt (stored with usikker = 1)


FORMER: tuple[Form, ...] = (
    Form("bilagsnavn", "bilag", dato="bilagsnavn"),  # "- Bilag 2: Udkast til høringssvar, senest 1. maj 2026"
    Form("inden_for", "frist", dato="inden_for"),  # "Høringssvar sendes inden for 14 dage."
    Form("frist_ord", "frist", "frist_ord", "foer"),  # "Ansøgningsfristen er den 1. juni."
    Form("beloeb", "maaling", "beloeb", "foer"),  # "… 0,5 mia. kr. i 2025"
    Form("fortid", "fortid", dato="fortid"),  # "Styregruppen godkendte planen den 4. december 2024."
    Form("fortid_efter", "fortid", "fortid_efter", "efter"),  # "Den 22. maj 2025 godkendte Chefforum …"
    Form("kalender", "begivenhed", "kalender", "saetning"),  # "Møderne foreslås holdt: 16. januar …"
    Form("forloeb", "fortid", dato="forloeb"),  # the case's trail: "16-08-2022 Plan- og Tryghedsudvalget"
    Form("tidslinje", "frist", dato="tidslinje"),  # "- 9. juni: Status på anlægsplanen"
    Form("frist_forled", "frist", "frist_forled", "foer"),  # "senest den 27. august", "inden 1. april"
    Form("om_perioden", "maaling", "om_perioden", "foer", dato="periode"),  # "sygefravær for 1. kvartal 2025"
    Form("klar_til", "frist", "klar_til", "foer"),  # "… ordningen til opstart 1. august 2025"
    Form("start_aaben", "start", "start_aaben", "efter"),  # "Fra uge 13 og frem vil analysen …"
    Form("start_med_pligt", "frist", "start", "foer", dato="dag", kraever=("pligt", "saetning_foer")),
    Form("start_med_agent", "frist", "start", "foer", dato="dag", kraever=("agent", "klausul")),
    Form("start", "start", "start", "foer"),  # "Der er behov for elever fra sommeren 2025 …"
    Form("start_udsagn", "start", "start_udsagn", "foer"),  # "Taksterne træder i kraft den 1. januar 2026."
    Form("begyndelse", "start", dato="begyndelse"),  # "primo 2025", "i starten af året"
    Form("gentagelse", "gentagelse", "gentagelse", "foer"),  # "Hvert år i marts skal lederne melde ind."
    Form("gentagelse_saetning", "gentagelse", "gentagelse_saetning", "saetning", dato="uden_aar"),
    Form("tidsplan", "frist", dato="tidsplan"),  # every future date of a Tidsplan section
    Form("sat_til", "frist", "sat_til", "foer"),  # "Fristen fastsættes til den 15. oktober 2025."
    Form("hoeringsperiode", "frist", "varighed_til", "foer", kraever=("hoering", "saetning")),
    Form("ansoegningsperiode", "frist", "varighed_til", "foer", kraever=("ansoegning", "saetning")),  # "søge … frem til"  # "… høring til 1. juni"
    Form("frem_mod_til", "frist", "varighed_til", "foer", kraever=("frem_mod", "klausul_foer")),  # "frem mod … til 1. aug."
    Form("varighed", "varighed", "varighed", "foer"),  # "dækket ind til udgangen af 2025"
    Form("varighed_udtryk", "varighed", dato="varighed_udtryk"),  # "ved udgangen af 2025", "året ud"
    Form("betingelse", "betingelse", "betingelse", "klausul_foer"),  # "Såfremt der indgås kontrakt i maj …"
    Form("aar_med_cue", "frist", "cue", "naer", dato="aar"),  # "i 2025 skal afholdes"
    Form("aar_i_loebet_skal", "frist", "skal", "saetning", dato="aar_i_loebet"),  # "… skal … i løbet af 2026"
    Form("aar", "maaling", dato="aar"),  # "hvis de i 2023 og i 2024 har haft lavt fravær"
    Form("dette_moede", "begivenhed", "begivenhed", "foer", dato="moededag"),  # "dagsorden for mødet den …"
    Form("behandling", "frist", "behandling", "klausul"),  # "… i Byrådet den 17. september 2022"
    Form("begivenhed_med_pligt", "frist", "begivenhed", "foer", kraever=("begivenhed_pligt", "saetning")),
    Form("begivenhed_med_agent", "frist", "begivenhed", "foer", kraever=("agent", "saetning")),
    Form("begivenhed", "begivenhed", "begivenhed", "foer"),  # "lederdagen den 25. februar"
    Form("procestrin", "frist", "sker", "klausul", kraever=("procesnavneord", "klausul")),  # "Evalueringen sker …"
    Form("afholdes_med_pligt", "frist", "begivenhed_udsagn", "saetning", kraever=("begivenhed_pligt", "saetning")),
    Form("afholdes", "begivenhed", "begivenhed_udsagn", "saetning"),  # "Der afholdes StoreMED-dag den …"
    Form("cue", "frist", "cue", "saetning"),  # "Sagen genoptages på Økonomiudvalgets møde den 4. november."
    Form("agent", "frist", kraever=("agent", "saetning")),  # "Forvaltningen udarbejder et notat til …"
)
