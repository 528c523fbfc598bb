"""Who must act on a deadline: the owner rules, read in order, applied to the mentions of its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as m
from .ansvarlige import Mention
from .datoer import DateExpression
from .saetninger import clause

_AGENT_EFTER = re.compile(r"\s+(?:\w+\s+)?(?:" + "|".join(m.AGENT_UDSAGN) + r")\b", re.IGNORECASE)
_AGENT_FOER = re.compile(r"\b(?:skal|vil|må|bør)\s+$", re.IGNORECASE)
_FORTID_UDSAGN = re.compile(m.FORTID_UDSAGN_EFTER, re.IGNORECASE)
_ANSVAR = re.compile(r"\b(?:" + "|".join(m.ANSVAR_UDSAGN) + r")\s+$", re.IGNORECASE)
_POLITISK = re.compile(r"^(?:" + "|".join(m.POLITISKE_ORGANER) + r")$", re.IGNORECASE)


def _subjects(omtaler: list[Mention]) -> list[Mention]:
    return [o for o in omtaler if o.praeposition is None]


def acting_mentions(tekst: str, omtaler: list[Mention]) -> list[Mention]:
    """Mentions that act: followed by "skal/vil/melder …" or, in V2 order, preceded by "skal/vil"."""
    return [o for o in _subjects(omtaler)
            if _AGENT_EFTER.match(tekst, o.slut) or _AGENT_FOER.search(tekst[max(0, o.start - 8):o.start])]


def choose_owner(tekst: str, u: DateExpression, saetning: tuple[int, int], omtaler: list[Mention],
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


@dataclass(frozen=True)
class Owners:
    """The owner choice for one section: its text, its mentions and the owner it names for its work."""

    tekst: str
    omtaler: list[Mention]
    standard: Mention | None

    def choose(self, u: DateExpression, saetning: tuple[int, int], i_saetning: list[Mention],
               datoer: list[DateExpression], moede: str = "") -> Mention | None:
        return choose_owner(self.tekst, u, saetning, i_saetning, self.standard, bool(moede) and u.dato < moede)


def is_political(ansvarlig: str) -> bool:
    """Political bodies decide; they are not given tasks."""
    return bool(_POLITISK.match(ansvarlig))
