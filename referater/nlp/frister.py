"""Decide which date expressions are deadlines (frister), and who owns them.

One classifier (``classify``) reads the table of forms in ``fristformer.FORMER`` top-down for each date
expression: the first form whose cue words stand where the form says decides what the date is. Only
``frist`` makes a deadline; ``ejere.choose_owner`` then finds who must act. Works on one section at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..models import Frist
from . import patterns as m
from .ansvarlige import Mention
from .cues import CueIndex
from .datoer import DateExpression, shift
from .ejere import Saetning, acting_mentions, choose_owner, default_ansvarlig
from .fristformer import FORMER, TIDSPLAN_AFSNIT, Form
from .saetninger import by_sentence, clause, line_of, sentence_of, sentences

_AARSTAL = re.compile(r"\b(?:19|20)\d{2}\b")
_VARIGHED_UDTRYK = re.compile(m.VARIGHED_UDTRYK, re.IGNORECASE)
_RELATIV = re.compile(m.RELATIV_FRIST, re.IGNORECASE)
_HVOR = re.compile(r",\s*hvor\s+(?=\w+\s+(?:skal|vil|må|bør)\b)", re.IGNORECASE)
_FRIST_NAVNEORD = re.compile(r"\w*frist(?:en)?|deadline(?:n)?", re.IGNORECASE)
_TRIGGER = re.compile(r"\b(?:" + "|".join(m.TRIGGER_ORD) + r")\s*(?:\*\*)?\s*(?:den\s+|d\.\s*)?$", re.IGNORECASE)
# A timetable line: the date opens it (after a bullet, maybe after other days of a list) and a separator
# follows ("- 12. og 26. juni: Status …", "Januar 2023 - Udvalget godkender"), or a short label does
# ("Budopfordring: Januar/februar 2024"), or it opens a table cell ("Høring | 1. maj 2025").
_LINJE_START = re.compile(r"[ \t]*(?:[-–•*][ \t]*)?(?:(?:den\s+)?\d{1,2}\.?[ \t]*(?:,|og|-|–|til)?[ \t]*(?:og[ \t]+)?)*")
_ETIKET = re.compile(r"[ \t]*(?:[-–•*][ \t]*)?[A-ZÆØÅ][^\n:|]{0,40}:[ \t]*|.*\|[ \t]*")
_SKILLE_EFTER = re.compile(r"[ \t]*(?:kl\.[ \t]*[\d.:–-]+[ \t]*)?(?::|[-–][ \t])")
_I_LISTE = re.compile(r"\s*(?:,|og|eller|til|-|–)?\s*(?:og\s+)?(?:den\s+)?", re.IGNORECASE)
_BESTEMT_NAVNEORD = re.compile(r"\w{3,}(?:en|et|ne)", re.IGNORECASE)  # "koncerten", "budgettet", "møderne"
_SAETNINGSSKIFT = re.compile(r"[a-zæøå]\.\s+[A-ZÆØÅ]")  # "… sagen. Den …", not "1. maj"
AAR_ARTER = ("i_aar", "dette_aar", "naeste_aar", "budgetaar")
UNDER_TVIVL = ("aarstid", "ferie")  # seasons and holidays are vague: usikker


@dataclass(frozen=True)
class Kontekst:
    """What the classifier may look at for one date: its sentence, clause, cues and neighbours."""

    tekst: str
    cues: CueIndex
    saetning: tuple[int, int]
    afsnit: str
    moede: str  # ISO meeting date
    datoer: tuple[DateExpression, ...]  # every date of the section, in order
    aktoerer: tuple[int, ...]  # where the sentence's mentions that are given something to do start


def _is_list_line(u: DateExpression, k: Kontekst) -> bool:
    """A short line without a sentence in it: an attachment's name, not prose that ended up under "Bilag"."""
    linje = k.tekst[slice(*line_of(k.tekst, u.start, u.slut))]
    return len(linje.split()) <= m.BILAGSLINJE_ORD and not _SAETNINGSSKIFT.search(linje)


def _opens(u: DateExpression, k: Kontekst) -> bool:
    return not k.tekst[line_of(k.tekst, u.start, u.slut)[0]:u.start].strip()


def opens_line(u: DateExpression, k: Kontekst) -> bool:
    """The date heads a timetable line or cell (see ``_LINJE_START``)."""
    l_start, l_slut = line_of(k.tekst, u.start, u.slut)
    if _ETIKET.fullmatch(k.tekst, l_start, u.start):
        return True
    if not _LINJE_START.fullmatch(k.tekst, l_start, u.start):
        return False
    slut = u.slut
    for naeste in (d for d in k.datoer if d.start >= u.slut):  # "12. og 26. juni": skip the rest of the list
        if naeste.start > l_slut or not _I_LISTE.fullmatch(k.tekst, slut, naeste.start):
            break
        slut = naeste.slut
    return bool(_SKILLE_EFTER.match(k.tekst, slut))


DATO_TESTS = {
    "inden_for": lambda u, k: u.art == "inden_for",
    "fortid": lambda u, k: u.dato < k.moede,
    "moededag": lambda u, k: u.dato == k.moede,
    "bilagsnavn": lambda u, k: k.afsnit.strip().lower() in m.IKKE_FRIST_AFSNIT and _is_list_line(u, k),
    "forloeb": lambda u, k: u.dato == k.moede and u.art in ("numerisk", "broek") and _opens(u, k),
    "tidslinje": opens_line,
    "tidsplan": lambda u, k: k.afsnit.strip().lower().startswith(TIDSPLAN_AFSNIT),
    "begyndelse": lambda u, k: u.begyndelse,
    "uden_aar": lambda u, k: not _AARSTAL.search(u.tekst),
    "aar": lambda u, k: u.art in AAR_ARTER,
    "dag": lambda u, k: u.praecision == "dag",
    "periode": lambda u, k: u.praecision not in ("dag", "uge"),
    "varighed_udtryk": lambda u, k: bool(_VARIGHED_UDTRYK.match(u.tekst)),
}


def _near(k: Kontekst, gruppe: str, u: DateExpression) -> bool:
    """A cue a few words from a bare year, inside its clause ("i 2025 skal afholdes"); a cue after the
    year does not count when the year belongs to the noun before it ("datoen for koncerten i 2025
    offentliggøres")."""
    k_start, k_slut = clause(k.tekst, u.start, u.slut, *k.saetning)
    foer = k.tekst[k_start:u.start].split()[-m.AAR_NAERHED_ORD:]
    efter = [] if foer and _BESTEMT_NAVNEORD.fullmatch(foer[-1]) else k.tekst[u.slut:k_slut].split()[:2]
    start = u.start - len(" ".join(foer)) - 1 if foer else u.start
    slut = u.slut + 1 + len(" ".join(efter)) + 1 if efter else u.slut
    return k.cues.any_in(gruppe, max(k_start, start), min(k_slut, slut))


def holds(k: Kontekst, gruppe: str, side: str, u: DateExpression) -> bool:
    """Whether ``gruppe`` stands at ``side`` of the date (``agent``: someone in the sentence acts)."""
    if gruppe == "agent":  # someone in the sentence (or clause) is given something to do
        graenser = clause(k.tekst, u.start, u.slut, *k.saetning) if side == "klausul" else k.saetning
        return any(graenser[0] <= a < graenser[1] for a in k.aktoerer)
    s_start, s_slut = k.saetning
    if side == "foer":
        return k.cues.before(gruppe, u.start, s_start)
    if side == "efter":
        return k.cues.after(gruppe, u.slut, s_slut)
    if side == "naer":
        return _near(k, gruppe, u)
    if side == "klausul":
        return k.cues.any_in(gruppe, *clause(k.tekst, u.start, u.slut, s_start, s_slut))
    if side == "saetning_foer":
        return k.cues.any_in(gruppe, s_start, u.start)
    if side == "klausul_foer":
        return k.cues.any_in(gruppe, clause(k.tekst, u.start, u.slut, s_start, s_slut)[0], u.start)
    return k.cues.any_in(gruppe, s_start, s_slut)


def classify(u: DateExpression, k: Kontekst) -> Form | None:
    """The first form of ``FORMER`` that holds for the date, or None."""
    for form in FORMER:
        if form.dato and not DATO_TESTS[form.dato](u, k):
            continue
        if form.gruppe and not holds(k, form.gruppe, form.side, u):
            continue
        if form.kraever and not holds(k, *form.kraever, u):
            continue
        return form
    return None


def action_phrase(tekst: str, start: int, slut: int, saetning: tuple[int, int]) -> str:
    """A short phrase saying what is due: the clause around the date phrase, without it (the whole
    sentence when the clause is just an apposition like ", Chefforum den 8. oktober 2025,")."""
    k_start, k_slut = clause(tekst, start, slut, *saetning)
    hvor = _HVOR.match(tekst, k_slut, saetning[1])
    if hvor:  # "temamødet den 8. april, hvor afdelingscheferne skal deltage": the task is in the hvor-clause
        return action_phrase(tekst, hvor.end(), hvor.end(), saetning)
    if len(tekst[k_start:start].split() + tekst[slut:k_slut].split()) < 3:
        k_start, k_slut = saetning
    foer = re.sub(r"^\s*(?:\d+\.|[-–•])\s+", "", tekst[k_start:start]).replace("*", " ").split()
    efter = tekst[slut:k_slut].replace("*", " ").split()
    while foer and foer[0].lower() in m.HANDLING_FYLDORD_FOER:
        foer.pop(0)
    while foer and (foer[-1].lower() in m.HANDLING_FYLDORD_EFTER or _FRIST_NAVNEORD.fullmatch(foer[-1])):
        foer.pop()
    if not foer + efter:  # "Den 1. april,\n- bliver der lukket …": the list says what happens
        efter = re.sub(r"[-–•*]", " ", tekst[k_slut:saetning[1]]).split()
    return " ".join((foer + efter)[:m.HANDLING_MAKS_ORD]).strip(" .,:;-")


def _with_trigger(tekst: str, u: DateExpression, saetning: tuple[int, int]) -> tuple[int, str]:
    """Widen the span to an adjacent trigger word ("senest den 27. august") as the gold phrases do."""
    forled = _TRIGGER.search(tekst[max(saetning[0], u.start - 40):u.start])
    if not forled:
        return u.start, u.tekst
    start = u.start - (len(tekst[max(saetning[0], u.start - 40):u.start]) - forled.start())
    return start, tekst[start:u.slut]


def find_frister(tekst: str, afsnit: str, datoer: list[DateExpression], omtaler: list[Mention],
                 moede: date, cues: CueIndex, former: list | None = None) -> list[Frist]:
    """The deadlines in one section text, one per date per sentence; ``former`` (if given) receives
    (date phrase, name of the form that decided it) for every date, to explain the decision."""
    standard = default_ansvarlig(tekst, omtaler)
    frister, set_ = [], set()
    saetninger = sentences(tekst)
    alle = tuple(datoer)
    for saetning, i_saetning, datoer_her in zip(saetninger, by_sentence(omtaler, saetninger),
                                                 by_sentence(datoer, saetninger)):
        aktoerer = tuple(o.start for o in acting_mentions(tekst, i_saetning, datoer_her, saetning))
        k = Kontekst(tekst, cues, saetning, afsnit, moede.isoformat(), alle, aktoerer)
        for u in datoer_her:
            form = None if (saetning, u.dato) in set_ else classify(u, k)
            if former is not None:
                former.append((u.tekst, form.navn if form else None))
            if form is None or form.goer != "frist":
                continue
            set_.add((saetning, u.dato))
            s = Saetning(tekst, saetning, i_saetning, datoer_her, standard, u.dato < k.moede, omtaler)
            frister.append(_frist(u, k, form, choose_owner(s, u)))
    return sorted(frister + find_relative_frister(tekst, afsnit, datoer, omtaler, moede), key=lambda f: f.start)


def _frist(u: DateExpression, k: Kontekst, form: Form, ejer: Mention | None) -> Frist:
    start, fraser = _with_trigger(k.tekst, u, k.saetning)
    usikker = form.usikker or u.art in UNDER_TVIVL or u.dato < k.moede
    return Frist(fraser, u.dato, u.praecision, ejer.kanonisk if ejer else None,
                 action_phrase(k.tekst, u.start, u.slut, k.saetning), k.afsnit, start, u.slut, usikker,
                 ejer.tekst if ejer else None, ejer.art if ejer else None)


def find_relative_frister(tekst: str, afsnit: str, datoer: list[DateExpression], omtaler: list[Mention],
                          moede: date) -> list[Frist]:
    """Limits counted from an event ("senest 5 dage før mødet", "senest 4 uger efter høringsfristen"):
    dated when the event's date is in the text, else kept without a date and with the phrase."""
    frister = []
    if "før" not in tekst and "forvejen" not in tekst and "efter" not in tekst:
        return frister  # skip the scan: every such limit says "før …", "efter …" or "i forvejen"
    for match in _RELATIV.finditer(tekst):
        saetning = sentence_of(match.start(), tekst)
        dato = _anchored(tekst, match, datoer, moede)
        u = DateExpression(match.group(), match.start(), match.end(), dato or "", "", "relativ")
        i_saetning = [o for o in omtaler if saetning[0] <= o.start < saetning[1]]
        ejer = choose_owner(Saetning(tekst, saetning, i_saetning, [], None, False), u)
        frister.append(Frist(match.group(), dato, "dag" if dato else None, ejer.kanonisk if ejer else None,
                             action_phrase(tekst, match.start(), match.end(), saetning), afsnit, match.start(),
                             match.end(), True, ejer.tekst if ejer else None, ejer.art if ejer else None))
    return frister


def _anchored(tekst: str, match: re.Match, datoer: list[DateExpression], moede: date) -> str | None:
    """The date of a relative limit whose anchor is dated: "4 uger efter 1. maj 2025", or "efter
    høringsfristen" where the text says "Høringsfristen er den 1. maj"."""
    antal = int(match["antal"]) if match["antal"].isdigit() else m.TAL[match["antal"].lower()]
    retning = 1 if (match["retning"] or "").lower() == "efter" else -1
    anker = next((d for d in datoer if d.start <= match.start("anker") < d.slut), None) if match["anker"] else None
    if anker is None and match["anker"]:  # the anchor event dated elsewhere in the section
        stamme = match["anker"].lower()[:6]
        anker = next((d for d in datoer if d.dato and stamme in tekst[max(0, d.start - 40):d.start].lower()), None)
    if anker is None:
        return None
    return shift(date.fromisoformat(anker.dato), retning * antal, match["enhed"]).isoformat()

