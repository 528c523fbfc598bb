"""Assignments (opgaver): who must do what, and by when.

In Beslutning and Indstilling an owner followed by an obligation verb makes an assignment
("Økonomi & Stab skal undersøge …", "HR & Løn arbejder videre …"). In any section a deadline whose
sentence names its owner as subject is an assignment too ("I løbet af foråret vil Kommunikation …").
Political bodies (udvalg, kommunalbestyrelse, DIF) decide and are never given tasks.
"""

from __future__ import annotations

import re

from ..models import Frist, Opgave
from . import moenstre as m
from .ansvarlige import Omtale
from .frister import agenter, er_politisk, saetninger

_UDSAGN = re.compile(r"\s*(?:\w+\s+)?(?P<udsagn>" + "|".join(m.OPGAVE_UDSAGN) + r")\b\s*",
                     re.IGNORECASE)
# A clause ends at ; ! ? a line break, a sentence-final dot (not the one in "27. august") or a
# comma before a new subordinate clause.
_KLAUSULSLUT = re.compile(r"[;!?\n]|\.(?=\s+[A-ZÆØÅ]|\s*$)|,\s+(?:og\s+)?(?:hvis|da|fordi|men|så|når|hvorefter)\b")


def _handling(tekst: str, start: int, slut: int) -> str:
    """The words after the verb up to the end of the clause, at most OPGAVE_MAKS_ORD of them."""
    bid = tekst[start:slut]
    stop = _KLAUSULSLUT.search(bid)
    ord_ = (bid[:stop.start()] if stop else bid).replace("*", " ").split()
    return " ".join(ord_[:m.OPGAVE_MAKS_ORD]).strip(" .,:;-")


def _frist_i(frister: list[Frist], start: int, slut: int) -> str | None:
    return next((f.dato for f in frister if start <= f.start < slut), None)


def _fra_udsagn(tekst: str, afsnit: str, omtaler: list[Omtale], frister: list[Frist]) -> list[Opgave]:
    opgaver = []
    for s_start, s_slut in saetninger(tekst):
        for o in omtaler:
            if not s_start <= o.start < s_slut or o.praeposition or er_politisk(o.kanonisk):
                continue
            udsagn = _UDSAGN.match(tekst, o.slut, s_slut)
            if udsagn:
                handling = udsagn.group("udsagn") + " " + _handling(tekst, udsagn.end(), s_slut)
                opgaver.append(Opgave(o.kanonisk, handling.strip(), afsnit, _frist_i(frister, o.slut, s_slut),
                                      o.tekst))
    return opgaver


def _fra_frister(tekst: str, omtaler: list[Omtale], frister: list[Frist]) -> list[Opgave]:
    opgaver = []
    for f in frister:
        if not f.ansvarlig or er_politisk(f.ansvarlig):
            continue
        saetning = next((s for s in saetninger(tekst) if s[0] <= f.start < s[1]), (0, len(tekst)))
        i_saetning = [o for o in omtaler if saetning[0] <= o.start < saetning[1]]
        if any(o.kanonisk == f.ansvarlig for o in agenter(tekst, i_saetning)):
            opgaver.append(Opgave(f.ansvarlig, f.handling or "", f.afsnit, f.dato, f.ansvarlig_tekst))
    return opgaver


def find_opgaver(tekst: str, afsnit: str, omtaler: list[Omtale], frister: list[Frist]) -> list[Opgave]:
    """The assignments in one section text; one per owner and action."""
    opgaver = _fra_udsagn(tekst, afsnit, omtaler, frister) if afsnit.lower() in m.OPGAVE_AFSNIT else []
    kendte = {(o.ansvarlig, o.frist) for o in opgaver}
    opgaver += [o for o in _fra_frister(tekst, omtaler, frister) if (o.ansvarlig, o.frist) not in kendte]
    return list(dict.fromkeys(opgaver))
