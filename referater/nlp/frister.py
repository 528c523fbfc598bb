"""Decide which date expressions are deadlines (frister), and who owns them.

Works on one section text at a time: sentences, the date expressions in them and the owner mentions.
A date is a deadline when a deadline word stands next to it ("senest", "inden", "frist") or when its
sentence says something must or will happen at a date on or after the meeting; past events, start
dates, recurring rules, event dates and attachment names are not deadlines.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache

from ..models import Frist
from . import patterns as m
from .ansvarlige import Mention
from .datoer import DateExpression


def _words(patterns) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_FRIST_FORLED = re.compile(r"\b(?:" + "|".join(m.FRIST_FORLED) + r")\s*(?:\*\*)?\s*(?:den\s+|d\.\s*)?$",
                           re.IGNORECASE)
_FRIST_ORD = re.compile(r"\b(?:" + "|".join(m.FRIST_ORD) + r")\s*(?:\*\*)?\s*(?:den\s+|d\.\s*)?$",
                        re.IGNORECASE)
_CUES = _words(m.CUES)
_VARIGHED_FOER = re.compile(m.VARIGHED_FORLED, re.IGNORECASE)
_VARIGHED = re.compile(m.VARIGHED_UDTRYK, re.IGNORECASE)
_RELATIV = re.compile(m.RELATIV_FRIST, re.IGNORECASE)
_HVOR = re.compile(r",\s*hvor\s+(?=\w+\s+(?:skal|vil|må|bør)\b)", re.IGNORECASE)
_FRIST_NAVNEORD = re.compile(r"\w*frist(?:en)?|deadline(?:n)?", re.IGNORECASE)
_FORTID_EFTER = re.compile(m.FORTID_EFTER, re.IGNORECASE)
_AGENT_EFTER = re.compile(r"\s+(?:\w+\s+)?(?:" + "|".join(m.AGENT_UDSAGN) + r")\b", re.IGNORECASE)
_FORTID_UDSAGN = re.compile(m.FORTID_UDSAGN_EFTER, re.IGNORECASE)
_AGENT_FOER = re.compile(r"\b(?:skal|vil|må|bør)\s+$", re.IGNORECASE)
_GENTAGELSE = re.compile(m.GENTAGELSE_FORLED, re.IGNORECASE)
_START = re.compile(m.START_FORLED, re.IGNORECASE)
_GENTAGELSE_SAETNING = _words(m.GENTAGELSE_SAETNING)
_AARSTAL = re.compile(r"\b(?:19|20)\d{2}\b")
_START_EFTER = re.compile(m.START_EFTERLED, re.IGNORECASE)
_START_UDSAGN = re.compile(m.START_UDSAGN, re.IGNORECASE)
_BEGIVENHED_FOER = re.compile(r"\b(?:" + "|".join(m.BEGIVENHED_FOER) + r")\s+(?:(?:den|d\.)\s+)?$",
                              re.IGNORECASE)
_BEGIVENHED_CUES = _words(m.BEGIVENHED_CUES)
_BEGIVENHED_UDSAGN = _words(m.BEGIVENHED_UDSAGN)
_ANSVAR = re.compile(r"\b(?:" + "|".join(m.ANSVAR_UDSAGN) + r")\s+$", re.IGNORECASE)
_POLITISK = re.compile(r"^(?:" + "|".join(m.POLITISKE_ORGANER) + r")$", re.IGNORECASE)
# Sentence ends: . ! ? followed by a capital, digit or bullet; a line break unless the line ends in
# "," or ":" (then the list below belongs to the sentence, as in "Den 1. april,\n- bliver der …").
_SAETNINGSSLUT = re.compile(r"(?<=[.!?])[ \t]+(?=[\"'*(\-–•A-ZÆØÅ0-9])|(?<![,:\n])\n+(?![\n])|\n{2,}(?=[A-ZÆØÅ])")
_FORKORTELSER = re.compile(r"\b(?:bl\.a|f\.eks|kl|ca|jf|pkt|nr|evt|hhv|inkl|ift|pr|dvs|d|mht|vedr|ang)\.$",
                           re.IGNORECASE)


@lru_cache(maxsize=64)  # every component of one section asks for the same sentences
def sentences(tekst: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence; abbreviations like "bl.a." and "kl." do not end one."""
    graenser, start = [], 0
    for match in _SAETNINGSSLUT.finditer(tekst):
        if _FORKORTELSER.search(tekst[max(start, match.start() - 6):match.start()]):
            continue
        graenser.append((start, match.start()))
        start = match.end()
    graenser.append((start, len(tekst)))
    return tuple((s, e) for s, e in graenser if tekst[s:e].strip())


def by_sentence(items: list, saetninger: tuple[tuple[int, int], ...]) -> list[list]:
    """Group spans (anything with ``start``) by the sentence they start in, in one pass with bisect:
    a long section must not cost sentences × spans."""
    starts = [s for s, _ in saetninger]
    grupper: list[list] = [[] for _ in saetninger]
    for item in items:
        i = bisect.bisect_right(starts, item.start) - 1
        if i >= 0 and item.start < saetninger[i][1]:
            grupper[i].append(item)
    return grupper


@lru_cache(maxsize=64)
def _sentence_starts(tekst: str) -> list[int]:
    return [s for s, _ in sentences(tekst)]


def sentence_of(position: int, tekst: str) -> tuple[int, int]:
    """The sentence of ``tekst`` a character position lies in (the whole text if none)."""
    saetninger = sentences(tekst)
    i = bisect.bisect_right(_sentence_starts(tekst), position) - 1
    return saetninger[i] if i >= 0 and position < saetninger[i][1] else (0, len(tekst))


def clause(tekst: str, start: int, slut: int, s_start: int, s_slut: int) -> tuple[int, int]:
    """The comma-bounded clause around a span inside its sentence."""
    venstre = max(tekst.rfind(",", s_start, start), tekst.rfind(";", s_start, start))
    hoejre = [i for i in (tekst.find(",", slut, s_slut), tekst.find(";", slut, s_slut)) if i >= 0]
    return (venstre + 1 if venstre >= 0 else s_start), (min(hoejre) if hoejre else s_slut)


def _cue_near(tekst: str, u: DateExpression, saetning: tuple[int, int]) -> bool:
    """For a bare year ("i 2025") the cue must be a few words away in the same clause."""
    k_start, k_slut = clause(tekst, u.start, u.slut, *saetning)
    foer = tekst[k_start:u.start].split()[-m.AAR_NAERHED_ORD:]
    efter = tekst[u.slut:k_slut].split()[:2]
    return bool(_CUES.search(" ".join(foer + efter)))


def is_frist(tekst: str, u: DateExpression, saetning: tuple[int, int], moede: date, agent: bool = False) -> bool:
    """True when the date expression ``u`` in ``tekst`` sets a deadline; ``agent``: someone in the
    sentence is given something to do ("Forvaltningen udarbejder et notat til mødet i november")."""
    foer = tekst[max(saetning[0], u.start - 60):u.start]
    if u.begyndelse or _START.search(foer) or _START_UDSAGN.search(foer) or _START_EFTER.search(
            tekst[u.slut:u.slut + 12]):
        return False
    if _GENTAGELSE.search(foer) or _VARIGHED_FOER.search(foer) or _VARIGHED.match(u.tekst):
        return False
    if not _AARSTAL.search(u.tekst) and _GENTAGELSE_SAETNING.search(tekst, *saetning):
        return False
    if u.art == "inden_for":  # "inden for 14 dage" is a limit by its wording
        return True
    if _FRIST_ORD.search(foer):
        return True
    if u.dato < moede.isoformat() or _FORTID_EFTER.match(tekst[u.slut:u.slut + 30]):
        return False
    if _FRIST_FORLED.search(foer):
        return True
    if u.art in ("i_aar", "dette_aar", "naeste_aar"):
        return _cue_near(tekst, u, saetning)
    hel = tekst[saetning[0]:saetning[1]]
    if _BEGIVENHED_FOER.search(foer) or _BEGIVENHED_UDSAGN.search(hel):
        return agent or bool(_BEGIVENHED_CUES.search(hel))
    return agent or bool(_CUES.search(hel))


def _subjects(omtaler: list[Mention]) -> list[Mention]:
    return [o for o in omtaler if o.praeposition is None]


def acting_mentions(tekst: str, omtaler: list[Mention]) -> list[Mention]:
    """Mentions that act: followed by "skal/vil/melder …" or, in V2 order, preceded by "skal/vil"."""
    return [o for o in _subjects(omtaler)
            if _AGENT_EFTER.match(tekst, o.slut) or _AGENT_FOER.search(tekst[max(0, o.start - 8):o.start])]


def choose_ansvarlig(tekst: str, u: DateExpression, saetning: tuple[int, int], omtaler: list[Mention],
                    standard: Mention | None, forbi: bool = False) -> Mention | None:
    """The owner of a deadline: the acting mention nearest to it in its sentence, else the subject
    nearest before it in its clause, else right after it, else a body it meets at
    ("på Økonomiudvalget"), else the section's default."""
    aktive = acting_mentions(tekst, omtaler)
    if aktive:
        return min(aktive, key=lambda o: min(abs(o.start - u.slut), abs(u.start - o.slut)))
    # a mention that did something ("Direktørforum har besluttet …") does not own what is still due
    k_start, k_slut = clause(tekst, u.start, u.slut, *saetning)
    subjekter = [o for o in _subjects(omtaler) if k_start <= o.start < k_slut
                 and (forbi or not _FORTID_UDSAGN.match(tekst, o.slut))]
    foer = [o for o in subjekter if o.slut <= u.start]
    if foer:
        return foer[-1]
    efter = [o for o in subjekter if o.start >= u.slut]
    if efter:
        return efter[0]
    # "på Økonomiudvalget den 4. februar", "udsat til kommende Chefforum den 26. marts"
    moeder = [o for o in omtaler if o.praeposition in m.MOEDE_PRAEPOSITIONER
              and 0 <= u.start - o.slut <= m.MOEDE_AFSTAND]
    if moeder:
        return moeder[-1]
    # a sentence that names a receiver ("meldes til Janus Nissen") is about the senders, not the
    # section's process owner
    return None if any(o.praeposition in ("til", "modtager") for o in omtaler) else standard


def default_ansvarlig(tekst: str, omtaler: list[Mention]) -> Mention | None:
    """The owner a section names for its work: "Processen forankres i Økonomi & Stab"."""
    return next((o for o in omtaler if _ANSVAR.search(tekst[max(0, o.start - 30):o.start])), None)


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
    forled = _FRIST_FORLED.search(tekst[max(saetning[0], u.start - 40):u.start])
    if not forled:
        return u.start, u.tekst
    start = u.start - (len(tekst[max(saetning[0], u.start - 40):u.start]) - forled.start())
    return start, tekst[start:u.slut]


def find_frister(tekst: str, afsnit: str, datoer: list[DateExpression], omtaler: list[Mention],
                 moede: date) -> list[Frist]:
    """The deadlines in one section text, one per date per sentence."""
    if afsnit.strip().lower() in m.IKKE_FRIST_AFSNIT:
        return []
    standard = default_ansvarlig(tekst, omtaler)
    frister, set_ = [], set()
    saetninger = sentences(tekst)
    for saetning, i_saetning, datoer_her in zip(saetninger, by_sentence(omtaler, saetninger),
                                                 by_sentence(datoer, saetninger)):
        agent = bool(acting_mentions(tekst, i_saetning))
        for u in datoer_her:
            if (saetning, u.dato) in set_ or not is_frist(tekst, u, saetning, moede, agent):
                continue
            set_.add((saetning, u.dato))
            start, fraser = _with_trigger(tekst, u, saetning)
            forbi = u.dato < moede.isoformat()
            usikker = u.art in ("aarstid", "ferie") or forbi
            ejer = choose_ansvarlig(tekst, u, saetning, i_saetning, standard, forbi)
            frister.append(Frist(fraser, u.dato, u.praecision, ejer.kanonisk if ejer else None,
                                 action_phrase(tekst, u.start, u.slut, saetning), afsnit, start, u.slut, usikker,
                                 ejer.tekst if ejer else None))
    return sorted(frister + find_relative_frister(tekst, afsnit, omtaler), key=lambda f: f.start)


def find_relative_frister(tekst: str, afsnit: str, omtaler: list[Mention]) -> list[Frist]:
    """Limits counted from an undated event ("senest 5 dage før mødet"): kept, without a date."""
    frister = []
    if "før" not in tekst and "forvejen" not in tekst:
        return frister  # skip the scan: every such limit says "før …" or "i forvejen"
    for match in _RELATIV.finditer(tekst):
        saetning = sentence_of(match.start(), tekst)
        u = DateExpression(match.group(), match.start(), match.end(), "", "", "relativ")
        i_saetning = [o for o in omtaler if saetning[0] <= o.start < saetning[1]]
        ejer = choose_ansvarlig(tekst, u, saetning, i_saetning, None)
        frister.append(Frist(match.group(), None, None, ejer.kanonisk if ejer else None,
                             action_phrase(tekst, match.start(), match.end(), saetning), afsnit, match.start(),
                             match.end(), True, ejer.tekst if ejer else None))
    return frister


def is_political(ansvarlig: str) -> bool:
    """Political bodies decide; they are not given tasks."""
    return bool(_POLITISK.match(ansvarlig))
