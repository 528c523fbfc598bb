"""Assignments (opgaver): who must do what, and by when.

In Beslutning and Indstilling an owner followed by an obligation verb makes an assignment
("Økonomi & Stab skal undersøge …", "HR & Løn arbejder videre …"). In any section a deadline whose
sentence names its owner as subject is an assignment too ("I løbet af foråret vil Kommunikation …").
Political bodies (udvalg, kommunalbestyrelse, DIF) decide and are never given tasks.
"""

from __future__ import annotations

import bisect
import re

from ..models import Frist, Opgave
from . import patterns as m
from .ansvarlige import Mention
from .ejere import acting_mentions, default_ansvarlig, is_political
from .saetninger import by_sentence, clause, sentence_of, sentences

_UDSAGN = re.compile(r"\s*(?:\w+\s+)?(?P<udsagn>" + "|".join(m.OPGAVE_UDSAGN) + r")\b\s*",
                     re.IGNORECASE)
# Danish V2 order puts the verb before the owner: "På seminaret har hver afdelingschef 10 minutter
# til at gennemgå …", "Derfor skal Økonomi & Stab undersøge …".
_V2_FOER = re.compile(r"\b(?P<udsagn>" + "|".join(m.OPGAVE_V2_UDSAGN) + r")\s+$", re.IGNORECASE)
_TIL_AT = re.compile(r"(?:\s+\S+){0,5}?\s+til\s+at\b", re.IGNORECASE)
# A clause ends at ; ! ? a line break, a sentence-final dot (not the one in "27. august") or a
# comma before a new subordinate clause.
_KLAUSULSLUT = re.compile(r"[;!?\n]|\.(?=\s+[A-ZÆØÅ]|\s*$)|,\s+(?:og\s+)?(?:hvis|da|fordi|men|så|når|hvorefter)\b")


def _action(tekst: str, start: int, slut: int) -> str:
    """The words after the verb up to the end of the clause, at most OPGAVE_MAKS_ORD of them."""
    bid = tekst[start:slut]
    stop = _KLAUSULSLUT.search(bid)
    ord_ = (bid[:stop.start()] if stop else bid).replace("*", " ").split()
    return " ".join(ord_[:m.OPGAVE_MAKS_ORD]).strip(" .,:;-")


def _frist_in(frister: list[Frist], start: int, slut: int) -> str | None:
    return next((f.dato for f in frister if start <= f.start < slut), None)


def _from_verbs(tekst: str, afsnit: str, omtaler: list[Mention], frister: list[Frist]) -> list[Opgave]:
    """Owners followed (or, in V2 order, preceded) by an obligation verb."""
    opgaver = []
    saetninger = sentences(tekst)
    for (s_start, s_slut), i_saetning, frister_her in zip(saetninger, by_sentence(omtaler, saetninger),
                                                            by_sentence(frister, saetninger)):
        for o in i_saetning:
            if o.praeposition or is_political(o.kanonisk):
                continue
            handling = _after_verb(tekst, o, s_slut)
            if handling:
                opgaver.append(Opgave(o.kanonisk, handling, afsnit, _frist_in(frister_her, s_start, s_slut), o.tekst, o.art))
    return opgaver


def _after_verb(tekst: str, o: Mention, s_slut: int) -> str | None:
    """What an owner must do: "<owner> skal undersøge …", or in V2 order "har <owner> … til at gennemgå …"."""
    udsagn = _UDSAGN.match(tekst, o.slut, s_slut)
    if udsagn:
        return (udsagn.group("udsagn") + " " + _action(tekst, udsagn.end(), s_slut)).strip()
    foer = _V2_FOER.search(tekst[max(0, o.start - 12):o.start])
    if not foer:
        return None
    if foer.group("udsagn").lower() == "har":  # "har X tid til at …" only
        efter = _TIL_AT.match(tekst, o.slut, s_slut)
        return _action(tekst, efter.end(), s_slut) if efter else None
    return (foer.group("udsagn") + " " + _action(tekst, o.slut, s_slut)).strip()


def _from_frister(tekst: str, omtaler: list[Mention], frister: list[Frist]) -> list[Opgave]:
    """Deadlines whose owner acts in their sentence, or is named responsible for the section's work."""
    opgaver = []
    standard = default_ansvarlig(tekst, omtaler)
    starts = [o.start for o in omtaler]  # omtaler come in text order
    for f in frister:
        if not f.ansvarlig or is_political(f.ansvarlig):
            continue
        saetning = sentence_of(f.start, tekst)
        # the owner must act in the deadline's own clause: "Chefforum skal drøfte borgermødet, der skal
        # afholdes den 25. marts" gives Chefforum no task for 25 March
        k_start, k_slut = clause(tekst, f.start, f.slut, *saetning)
        i_klausul = omtaler[bisect.bisect_left(starts, k_start):bisect.bisect_left(starts, k_slut)]
        if (standard and standard.kanonisk == f.ansvarlig) or any(
                o.kanonisk == f.ansvarlig for o in acting_mentions(tekst, i_klausul)):
            opgaver.append(Opgave(f.ansvarlig, f.handling or "", f.afsnit, f.dato, f.ansvarlig_tekst, f.ansvarlig_type))
    return opgaver


def find_opgaver(tekst: str, afsnit: str, omtaler: list[Mention], frister: list[Frist]) -> list[Opgave]:
    """The assignments in one section text; one per owner and action."""
    opgaver = _from_verbs(tekst, afsnit, omtaler, frister) if afsnit.lower() in m.OPGAVE_AFSNIT else []
    kendte = {(o.ansvarlig, o.frist) for o in opgaver}
    opgaver += [o for o in _from_frister(tekst, omtaler, frister) if (o.ansvarlig, o.frist) not in kendte]
    return list(dict.fromkeys(opgaver))
