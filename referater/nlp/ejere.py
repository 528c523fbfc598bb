"""Who must act on a deadline: the owner rules (``RULES``), tried in order on the mentions of its sentence.

The owner is found from the sentence's grammar, never from mere nearness: the one who acts (subject of a
finite verb, also after it in V2 order), the agent of a passive, the body that treats the case or meets at
the date, the subject of the date's clause, or the owner the section names for its work. The first rule
that finds someone decides; when none does, the deadline has no owner.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import ansvarsformer as a
from .ansvarlige import Mention, kind_of
from .datoer import DateExpression
from .saetninger import by_sentence, clause, line_of, sentences
from .stemming import stem_words

_ORD = re.compile(r"[\wæøåÆØÅ]+")
_FORTID_UDSAGN = re.compile(a.FORTID_UDSAGN_EFTER, re.IGNORECASE)
_PASSIV = re.compile(a.PASSIV_EFTER, re.IGNORECASE)
_BESTILLER = re.compile(a.BESTILLER_EFTER, re.IGNORECASE)
_MODTAGER_EFTER = re.compile(a.MODTAGER_EFTER, re.IGNORECASE)
_EFTERLED = re.compile(a.STED_EFTER)
_OG = re.compile(r"\s*(?:,|og|&|samt)\s*", re.IGNORECASE)
_PLAN_AT = re.compile(r"\s+(?:med\s+)?at\s", re.IGNORECASE)  # "forventer at kunne fremlægge" (no comma: the subject acts)
_PLANVERBER = set(a.PLANVERBER)
_ANSVAR_EFTER = re.compile(a.ANSVAR_EFTER, re.IGNORECASE)
_RELATIV_EFTER = re.compile(a.RELATIV_EFTER, re.IGNORECASE)
_AGENT_FOER = re.compile(a.AGENT_FOER, re.IGNORECASE)
_BEHANDLING_FOER = re.compile(a.BEHANDLING_FOER, re.IGNORECASE)
_ANSVAR = re.compile(r"\b(?:" + "|".join(a.ANSVAR_UDSAGN) + r")\s+$", re.IGNORECASE)
_POLITISK = re.compile(r"^(?:" + "|".join(a.POLITISKE_ORGANER) + r")$", re.IGNORECASE)
_HENHOLDSVIS = re.compile(r"\bhenholdsvis\b", re.IGNORECASE)
_V2_FORLED = re.compile(a.V2_FORLED, re.IGNORECASE | re.DOTALL)
_MODAL = set(a.MODALVERBER)
_HANDLING = _MODAL | set(a.HANDLINGSVERBER)
_VERBER = _HANDLING | set(a.VERBER)
_ADVERBIER = set(a.MELLEMADVERBIER)
_DATOFORLED = re.compile(r"\s*(?:i|den|d\.)?\s*$", re.IGNORECASE)
_LEDGRAENSE = re.compile(a.LEDGRAENSE, re.IGNORECASE)
_MOEDE_EFTER = re.compile(a.MOEDE_EFTER, re.IGNORECASE)
_HANDLINGSNAVNEORD = re.compile(r"\s+(?:" + "|".join(a.HANDLINGSNAVNEORD) + r")\w*\b", re.IGNORECASE)
_KILDE_FOER = re.compile(a.KILDE_FOER, re.IGNORECASE)
_PRAEPOSITION_FOER = re.compile(r"\b(?:" + "|".join(a.PRAEPOSITIONER) + r"|efter|før|inden|senest)\s+$", re.IGNORECASE)
_KILDE_SAETNING = re.compile(a.KILDE_SAETNING, re.IGNORECASE)
_ANSVAR_KOLONNE = re.compile(a.ANSVAR_KOLONNE, re.IGNORECASE)
_PRONOMEN = re.compile(a.PRONOMEN_SUBJEKT)
_KUN_DATOFORLED = re.compile(r"\s*(?:\|\s*)?(?:den\s+|d\.\s*)?")  # "Byrådet den …", a table row "Byrådet | 28. marts"
_SUBJEKT_NAVNEORD = re.compile(a.SUBJEKT_NAVNEORD)
_HAR_GJORT = re.compile(a.HAR_GJORT_EFTER, re.IGNORECASE)
_RELATIV_START = re.compile(r"(?:som|der)\s", re.IGNORECASE)
_PASSIV_ORD = re.compile(a.PASSIV_ORD)
_INDSTILLER = re.compile(a.INDSTILLER_EFTER, re.IGNORECASE)


class Punktet:
    """The other sections of the deadline's punkt, their owner mentions found only when a rule asks."""

    def __init__(self, tekster: list[str], find: Callable[[str], list[Mention]]):
        self.tekster, self._find, self._omtaler = tekster, find, {}

    def omtaler(self, tekst: str) -> list[Mention]:
        if tekst not in self._omtaler:
            self._omtaler[tekst] = self._find(tekst)
        return self._omtaler[tekst]


@dataclass(frozen=True)
class Saetning:
    """One deadline's sentence: its text, bounds, owner mentions and dates, and the section's owner."""

    tekst: str
    graenser: tuple[int, int]
    omtaler: list[Mention]
    datoer: list[DateExpression]
    standard: Mention | None
    forbi: bool  # the date lies before the meeting: a past verb does not disqualify its subject
    sektion: list[Mention] = field(default_factory=list)  # every mention of the section, for the context rule
    indstiller: Mention | None = None  # the unit that recommends in this section ("Administrationen indstiller, at")
    punkt: Punktet | None = None  # every section of the punkt, for the rule that reads the same verb elsewhere


def _finite(ord_: str, strict: bool = False) -> bool:
    """A present-tense or modal verb: "skal", "godkender", "igangsætter" (not "temaer", "måneder");
    ``strict``: only one that gives its subject something to do."""
    lav = ord_.lower()
    if strict:
        return lav in _HANDLING
    return lav in _VERBER or (ord_.islower() and lav.endswith(a.VERBALENDELSER) and len(lav) > 6)


def _next_word(s: Saetning, position: int) -> tuple[str, int] | None:
    """The first word after ``position`` that is neither an adverb ("også", "derfor") nor part of a date
    ("administrationen i januar/februar måned udvælger")."""
    while True:
        datoer = [d for d in s.datoer if d.start >= position and _DATOFORLED.fullmatch(s.tekst, position, d.start)]
        if datoer:
            position = datoer[0].slut
            continue
        x = _ORD.search(s.tekst, position, s.graenser[1])
        if x is None or x.group().lower() not in _ADVERBIER and x.group().lower() not in ("måned", "uge"):
            return (x.group(), x.end()) if x else None
        position = x.end()


def acts(s: Saetning, o: Mention, strict: bool = False) -> bool:
    """The mention is the subject of a finite verb: right after it ("Kommunerne skal", "Byrådet godkender",
    "administrationen i januar udvælger") or right before it after a fronted adverbial ("I august
    igangsætter Styrelsen", "Derfor skal Økonomi & Stab")."""
    relativ = _RELATIV_EFTER.match(s.tekst, o.slut)  # "en ramme for administrationen, der arbejder …"
    if relativ and not strict and o.praeposition != "genitiv" and _relative_verb(s, relativ.end()):
        return True
    if o.praeposition is not None or _MODTAGER_EFTER.match(s.tekst, o.slut):  # "Udvalget får en status i juni"
        return False
    slut = _end_of_coordination(s, o)
    efterled = _EFTERLED.match(s.tekst, slut)  # "Plejecentrene i Nordby Kommune skal", "kommunerne i kredsen skal"
    slut = efterled.end() if efterled else slut
    if not strict and _ANSVAR_EFTER.match(s.tekst, slut):  # "Ældrerådet har frist for …", "er i gang med …"
        return True
    efter = _next_word(s, slut)
    if efter and (_finite(efter[0], strict) or _PLAN_AT.match(s.tekst, efter[1]) and efter[0].lower() in _PLANVERBER):
        return True
    foer = _ORD.findall(s.tekst[max(s.graenser[0], o.start - 20):o.start])
    if foer and foer[-1].lower() in _MODAL and s.tekst[o.start - len(foer[-1]) - 1:o.start].endswith(f"{foer[-1]} "):
        return True  # "Efter godkendelse vil administrationen iværksætte …": the verb after it is an infinitive
    if not s.forbi and (_FORTID_UDSAGN.match(s.tekst, o.slut) or _PASSIV.match(s.tekst, o.slut)):
        return False
    if not foer or not _finite(foer[-1], strict):
        return False
    verbum_start = s.tekst.rfind(foer[-1], s.graenser[0], o.start)
    return foer[-1].lower() in _MODAL or bool(_V2_FORLED.match(s.tekst[clause_start(s, verbum_start):verbum_start]))


def _relative_verb(s: Saetning, position: int) -> bool:
    """A relative clause with a finite verb in its first words: "der skal …", "der i samarbejde med de
    involverede parter arbejder ud fra …" (a prepositional phrase may come first)."""
    forste = _next_word(s, position)
    if forste and _finite(forste[0]):
        return True
    ord_ = _ORD.findall(s.tekst[position:min(s.graenser[1], position + 80)])[:a.RELATIV_MAKS_ORD]
    return bool(ord_) and ord_[0].lower() in a.PRAEPOSITIONER and any(_finite(w) for w in ord_[1:])


def _end_of_coordination(s: Saetning, o: Mention) -> int:
    """The end of "Nordby Kommune og Region Syd": a coordinated subject shares its verb."""
    slut = o.slut
    for naeste in s.omtaler:
        if naeste.start >= slut and _OG.fullmatch(s.tekst, slut, naeste.start):
            slut = naeste.slut
    return slut


def clause_start(s: Saetning, position: int) -> int:
    return clause(s.tekst, position, position, *s.graenser)[0]


def led(s: Saetning, u: DateExpression) -> tuple[int, int]:
    """The clause of the date, cut further at "og at", "samt at", "men", "hvorefter"."""
    start, slut = clause(s.tekst, u.start, u.slut, *s.graenser)
    for x in _LEDGRAENSE.finditer(s.tekst, start, slut):
        if x.end() <= u.start:
            start = x.start() + 1
        elif x.start() >= u.slut:
            return start, x.start()
    return start, slut


def _nearest(u: DateExpression, kandidater: list[Mention]) -> Mention | None:
    if not kandidater:
        return None
    return min(kandidater, key=lambda o: min(abs(o.start - u.slut), abs(u.start - o.slut)))


def _respectively(s: Saetning, u: DateExpression) -> Mention | None:
    """ "12. og 26. juni: Status … på henholdsvis ØU og BY": the i-th date goes with the i-th body."""
    hv = _HENHOLDSVIS.search(s.tekst, *s.graenser)
    if not hv:
        return None
    liste = [d for d in s.datoer if d.slut <= hv.start()]
    efter = [o for o in s.omtaler if o.start > hv.end()]
    if u not in liste or len(liste) < 2 or len(efter) < len(liste):
        return None
    return efter[liste.index(u)]


def _timetable_line(s: Saetning, u: DateExpression) -> Mention | None:
    """ "Januar 2023 - Udvalget godkender …": the first owner named after a date that opens its line."""
    l_start, l_slut = line_of(s.tekst, u.start, u.slut)
    if s.tekst[l_start:u.start].strip(" -–•*\t"):
        return None
    return next((o for o in s.omtaler if u.slut <= o.start < l_slut and (
        o.praeposition in (None, "modtager")  # "Januar 2027 - Udvalget godkender …"
        or o.praeposition in ("i", "på") and _BEHANDLING_FOER.search(s.tekst[max(l_start, o.start - 60):o.start])
        or o.praeposition == "genitiv" and _HANDLINGSNAVNEORD.match(s.tekst, o.slut))), None)  # "Byrådets behandling"


def _first_of_coordination(s: Saetning, o: Mention | None) -> Mention | None:
    """ "Nordby Kommune og Region Syd skal …": a coordinated subject is owned by its first member."""
    while o is not None:
        forrige = next((p for p in s.omtaler if p.slut <= o.start and p.praeposition == o.praeposition
                        and _OG.fullmatch(s.tekst, p.slut, o.start)), None)
        if forrige is None:
            return o
        o = forrige
    return o


def _acting(s: Saetning, u: DateExpression) -> Mention | None:
    """The acting mention nearest the date in its clause."""
    k_start, k_slut = led(s, u)
    return _first_of_coordination(s, _nearest(u, [o for o in s.omtaler if k_start <= o.start < k_slut and acts(s, o)]))


def _acting_in_sentence(s: Saetning, u: DateExpression) -> Mention | None:
    """The acting mention nearest the date in its sentence."""
    return _first_of_coordination(s, _nearest(u, [o for o in s.omtaler if acts(s, o)]))


def _genitive_actor(s: Saetning, u: DateExpression) -> Mention | None:
    """ "fagudvalgenes drøftelse … frem mod Byrådets temamøde den 3. juni": the body whose action it is."""
    k_start, k_slut = led(s, u)
    return next((o for o in s.omtaler if o.praeposition == "genitiv" and k_start <= o.start < u.start
                 and _HANDLINGSNAVNEORD.match(s.tekst, o.slut)), None)


def _passive_agent(s: Saetning, u: DateExpression) -> Mention | None:
    """ "Principaftalen skal være godkendt af de 5 kommuner": the agent after "af"."""
    k_start, k_slut = led(s, u)
    return next((o for o in s.omtaler if o.praeposition == "af" and k_start <= o.start < k_slut
                 and _AGENT_FOER.search(s.tekst[max(k_start, o.start - 40):o.start])), None)


def _treating_body(s: Saetning, u: DateExpression) -> Mention | None:
    """ "2. behandling af lokalplanen i Økonomiudvalget den 14. august", "til godkendelse i KKR før sommeren"."""
    k_start, k_slut = led(s, u)
    return next((o for o in s.omtaler if k_start <= o.start < k_slut and o.slut <= u.start + 1
                 and o.art in ("organ", "rolle", "kommunen", "ekstern", "enhed")
                 and _BEHANDLING_FOER.search(s.tekst[max(k_start, o.start - 60):o.start])), None)


def _meeting_body(s: Saetning, u: DateExpression) -> Mention | None:
    """The body met at the date ("på Økonomiudvalget den 4. februar", "udsat til kommende Chefforum den …",
    "Byrådet den 26. september") or presented the case ("forelægges Kultur- og Fritidsudvalget i januar
    2026"): it treats it then."""
    moeder = [o for o in s.omtaler if 0 <= u.start - o.slut <= a.MOEDE_AFSTAND and (
        o.praeposition in ("på", "i", "møde") and o.art != "enhed"  # "på Bakkeskolen i foråret" is a place
        or (o.praeposition not in ("fra", "genitiv") and o.art == "organ"
            and _KUN_DATOFORLED.fullmatch(s.tekst, o.slut, u.start)))]  # "… og Byrådet den 25. september"
    if moeder:
        return moeder[-1]
    k_start, _ = clause(s.tekst, u.start, u.slut, *s.graenser)
    return next((o for o in s.omtaler if o.praeposition == "modtager" and o.art == "organ"
                 and k_start <= o.start and o.slut <= u.start), None)


def _meeting_of(s: Saetning, u: DateExpression) -> Mention | None:
    """ "på Byrådets møde den 30. september": the body whose meeting it is."""
    return next((o for o in s.omtaler if o.praeposition == "genitiv" and o.slut <= u.start
                 and _MOEDE_EFTER.fullmatch(s.tekst, o.slut, u.start)), None)


def _nearest_subject(s: Saetning, u: DateExpression) -> Mention | None:
    """The subject nearest before the date in its clause, else right after it; one that did something
    ("Direktørforum har besluttet …") does not own what is still due."""
    k_start, k_slut = clause(s.tekst, u.start, u.slut, *s.graenser)
    subjekter = [o for o in s.omtaler if o.praeposition is None and k_start <= o.start < k_slut
                 and (s.forbi or not _FORTID_UDSAGN.match(s.tekst, o.slut)) and not _BESTILLER.match(s.tekst, o.slut)]
    foer = [o for o in subjekter if o.slut <= u.start]
    return foer[-1] if foer else next((o for o in subjekter if o.start >= u.slut), None)


def _table_column(s: Saetning, u: DateExpression) -> Mention | None:
    """A timetable row under a header with a column for who acts ("Aktivitet | Ansvarlig | Frist")."""
    l_start, l_slut = line_of(s.tekst, u.start, u.slut)
    if " | " not in s.tekst[l_start:l_slut]:
        return None
    hoved_start = l_start
    while hoved_start > 0:
        forrige = s.tekst.rfind("\n", 0, hoved_start - 1) + 1
        if " | " not in s.tekst[forrige:hoved_start - 1]:
            break
        hoved_start = forrige
    overskrifter = s.tekst[hoved_start:s.tekst.find("\n", hoved_start)].split(" | ")
    kolonne = next((i for i, celle in enumerate(overskrifter) if _ANSVAR_KOLONNE.fullmatch(celle.strip())), None)
    celler = s.tekst[l_start:l_slut].split(" | ")
    if kolonne is None or hoved_start == l_start or kolonne >= len(celler) or not celler[kolonne].strip():
        return None
    c_start = l_start + sum(len(c) + 3 for c in celler[:kolonne])
    c_slut = c_start + len(celler[kolonne])
    navn = celler[kolonne].strip()
    i_celle = [o for o in s.sektion if c_start <= o.start < c_slut]
    if i_celle and i_celle[0].tekst == navn:
        return i_celle[0]
    start = s.tekst.index(navn, c_start)  # the whole cell names the owner: "Ekstern konsulent"
    return Mention(navn, start, start + len(navn), navn, i_celle[0].art if i_celle else kind_of(navn))


def _source(s: Saetning, u: DateExpression) -> Mention | None:
    """What is awaited from someone: "Der forventes en udmelding fra Sundhedsstyrelsen i foråret"."""
    k_start, k_slut = led(s, u)
    if not _KILDE_SAETNING.search(s.tekst, k_start, k_slut):
        return None
    return next((o for o in s.omtaler if k_start <= o.start < k_slut and o.art in ("ekstern", "organ")
                 and _KILDE_FOER.search(s.tekst[max(k_start, o.start - 10):o.start])), None)


def _pronoun(s: Saetning, u: DateExpression) -> Mention | None:
    """ "De skal indsende … senest 1. maj": the actors of the sentence before."""
    k_start, _ = led(s, u)
    if not _PRONOMEN.match(s.tekst, k_start):
        return None
    saetninger = sentences(s.tekst)
    i = saetninger.index(s.graenser) if s.graenser in saetninger else 0
    if i == 0:
        return None
    forrige = Saetning(s.tekst, saetninger[i - 1], [o for o in s.sektion if saetninger[i - 1][0] <= o.start
                                                    < saetninger[i - 1][1]], [], None, False)
    aktive = [o for o in forrige.omtaler if acts(forrige, o) and o.art != "person"]
    return aktive[-1] if aktive else None


def _same_thing(s: Saetning, u: DateExpression) -> Mention | None:
    """ "Screeningen forgår i løbet af efteråret": who acts on the same thing elsewhere in the section
    ("I august igangsætter Styrelsen en screening", "når analysen påbegyndes af BDO")."""
    k_start, _ = led(s, u)
    subjekt = _SUBJEKT_NAVNEORD.match(s.tekst, k_start)
    if not subjekt or subjekt.end() > u.start or any(o.start <= subjekt.start("ord") < o.slut for o in s.omtaler):
        return None
    stamme = stem_words(subjekt["ord"])[0]
    saetninger = sentences(s.tekst)
    for graenser, omtaler in zip(saetninger, by_sentence(list(s.sektion), saetninger)):
        if graenser == s.graenser or not omtaler:
            continue
        anden = Saetning(s.tekst, graenser, omtaler, [], None, False)
        for x in re.finditer(r"[\wæøå]{4,}", s.tekst[graenser[0]:graenser[1]]):
            anden_stamme = stem_words(x.group())[0]
            kort, lang = sorted((stamme, anden_stamme), key=len)
            if len(kort) < 4 or len(kort) == 4 and kort != lang or not lang.endswith(kort) or _PRAEPOSITION_FOER.search(
                    s.tekst, max(0, graenser[0] + x.start() - 12), graenser[0] + x.start()):
                continue  # "trafiktælling" ~ "tælling", but not "senest 4 uger efter høringsfristen"
            ejer = _actor_of(anden, graenser[0] + x.start())
            if ejer:
                return ejer
    return None


def _actor_of(s: Saetning, position: int) -> Mention | None:
    """Who acts on the noun at ``position``: its passive agent after it, or the acting subject before it."""
    k_start, k_slut = clause(s.tekst, position, position, *s.graenser)
    agent = next((o for o in s.omtaler if o.praeposition == "af" and position < o.start < k_slut
                  and _AGENT_FOER.search(s.tekst[max(position, o.start - 40):o.start])), None)  # "påbegyndes af BDO"
    return agent or next((o for o in reversed(s.omtaler) if k_start <= o.start < position
                          and (acts(s, o) or _has_begun(s, o))), None)


def _has_begun(s: Saetning, o: Mention) -> bool:
    """ "Administrationen har igangsat en analyse": who began a thing carries it on."""
    return o.praeposition is None and bool(_HAR_GJORT.match(s.tekst, _end_of_coordination(s, o)))


def _begun_by(s: Saetning, u: DateExpression) -> Mention | None:
    """ "Administrationen har igangsat en analyse, som forventes afsluttet i juni": the relative clause's step
    is carried on by who began its antecedent."""
    k_start, _ = led(s, u)
    if not _RELATIV_START.match(s.tekst[k_start:u.start].lstrip(", ")):
        return None
    return next((o for o in reversed(s.omtaler) if o.slut <= k_start and _has_begun(s, o)), None)


def _recommending_unit(s: Saetning, u: DateExpression) -> Mention | None:
    """ "Administrationen indstiller, at … 2. at der frem mod 1. august arbejdes med …": a passive step the
    recommending unit proposes is its own to carry out (a body's recommendation is left to the body asked)."""
    if s.indstiller is None or s.indstiller.start > u.start:
        return None
    k_start, k_slut = led(s, u)
    return s.indstiller if any(_PASSIV_ORD.fullmatch(x.group()) for x in _ORD.finditer(s.tekst, k_start, k_slut)) else None


def _same_verb(s: Saetning, u: DateExpression) -> Mention | None:
    """ "Beredskabsplanen skal revideres inden 1. april 2028": who does the same verb in the active voice
    elsewhere in the punkt ("Kommunalbestyrelsen skal revidere beredskabet …"), when exactly one does."""
    if s.punkt is None:
        return None
    k_start, k_slut = led(s, u)
    stammer = {x.group()[:-2].lower() for x in _ORD.finditer(s.tekst, k_start, k_slut)
               if _PASSIV_ORD.fullmatch(x.group()) and len(x.group()) >= 7}
    if not stammer:
        return None
    aktive = re.compile(rf"\b(?:{'|'.join(map(re.escape, stammer))})(?:e|er)\b", re.IGNORECASE)
    ejere = {}
    for tekst in s.punkt.tekster:
        fundne = list(aktive.finditer(tekst))
        if not fundne:
            continue
        omtaler = s.punkt.omtaler(tekst)
        saetninger = sentences(tekst)
        for graenser, i_saetning in zip(saetninger, by_sentence(omtaler, saetninger)):
            for x in fundne:
                if graenser[0] <= x.start() < graenser[1] and i_saetning:
                    ejer = _actor_of(Saetning(tekst, graenser, i_saetning, [], None, False), x.start())
                    if ejer and ejer.art != "person":
                        ejere.setdefault(ejer.kanonisk.lower(), ejer)
    return next(iter(ejere.values())) if len(ejere) == 1 else None


def _section_owner(s: Saetning, u: DateExpression) -> Mention | None:
    """The owner the section names for its work, unless the sentence sends something to a receiver
    ("meldes til Janus Nissen" is about the senders)."""
    return None if any(o.praeposition in ("til", "modtager") for o in s.omtaler) else s.standard


RULES: tuple[tuple[str, Callable[[Saetning, DateExpression], Mention | None]], ...] = (
    ("henholdsvis", _respectively),  # "12. og 26. juni: … på henholdsvis ØU og BY"
    ("tabel", _table_column),  # "Høring | Administrationen | 1. maj 2025" under "Aktivitet | Ansvarlig | Frist"
    ("tidslinje", _timetable_line),  # "Januar 2023 - Plan- og Tryghedsudvalget godkender …"
    ("handler", _acting),  # "Kommunerne skal …", "I august igangsætter Styrelsen …"
    ("genitiv", _genitive_actor),  # "fagudvalgenes drøftelse … frem mod … den 3. juni"
    ("moede", _meeting_body),  # "på Økonomiudvalget den 4. februar", "forelægges udvalget i januar"
    ("agent", _passive_agent),  # "… godkendt af de 5 kommuner"
    ("behandling", _treating_body),  # "… til godkendelse i KKR og herefter i kommunerne i august"
    ("moede_genitiv", _meeting_of),  # "Sagen behandles på Byrådets møde den 30. september"
    ("kilde", _source),  # "Der forventes en udmelding fra Sundhedsstyrelsen i foråret"
    ("pronomen", _pronoun),  # "Kommunerne skal indsende planer. De skal være færdige inden 1. maj."
    ("handler_i_saetningen", _acting_in_sentence),  # "Chefforum drøftede temamødet den 8. april, hvor …"
    ("paabegyndt", _begun_by),  # "Administrationen har igangsat en analyse, som forventes afsluttet i juni"
    ("indstilling", _recommending_unit),  # "Administrationen indstiller, at … der arbejdes med … til 1. august"
    ("subjekt", _nearest_subject),  # "Processen … Kommunikation … i løbet af foråret"
    ("samme_sag", _same_thing),  # "I august igangsætter Styrelsen en screening. Screeningen forgår i efteråret."
    ("afsnit", _section_owner),  # "Processen forankres i Økonomi & Stab. … medio 2026"
    ("samme_verbum", _same_verb),  # "Kommunalbestyrelsen skal revidere planen …" … "skal revideres inden 1. april"
)


def choose_owner(s: Saetning, u: DateExpression) -> Mention | None:
    """The owner of the deadline at ``u``: what the first rule of ``RULES`` that finds someone finds."""
    for _navn, regel in RULES:
        ejer = regel(s, u)
        if ejer is not None:
            return ejer
    return None


def acting_mentions(tekst: str, omtaler: list[Mention], datoer: list[DateExpression] | None = None,
                    graenser: tuple[int, int] | None = None) -> list[Mention]:
    """The mentions of one sentence that are given something to do (see ``acts``, strict)."""
    s = Saetning(tekst, graenser or (0, len(tekst)), omtaler, datoer or [], None, False)
    return [o for o in omtaler if acts(s, o, strict=True)]


def recommending_unit(tekst: str, omtaler: list[Mention]) -> Mention | None:
    """The unit that recommends in a section: "Administrationen indstiller, at …", "Center for Miljø indstiller"."""
    return next((o for o in omtaler if o.art == "enhed" and o.praeposition is None
                 and _INDSTILLER.match(tekst, o.slut)), None)


def default_ansvarlig(tekst: str, omtaler: list[Mention]) -> Mention | None:
    """The owner a section names for its work: "Processen forankres i Økonomi & Stab"."""
    return next((o for o in omtaler if _ANSVAR.search(tekst[max(0, o.start - 30):o.start])), None)


def is_political(ansvarlig: str) -> bool:
    """Political bodies decide; they are not given tasks."""
    return bool(_POLITISK.match(ansvarlig.rsplit(" (", 1)[0]))
