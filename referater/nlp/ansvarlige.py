"""Who is named in a referat, and under which canonical name.

``build_register(deltagere, tekster)`` collects the owners one referat can name: its participants,
organisational units (from roles and text), forums and bodies, role nouns, abbreviations defined in
the text ("Økonomi & Stab (ØS)") and persons introduced in running text ("med Marianne Bolvig").
``register.find(tekst)`` then lists every mention with its canonical form. Variants of a participant
("Marie Jespersen") are matched with rapidfuzz; below the cut-off a name stays as written.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from ..models import Deltager
from . import patterns as m
from .datoer import without_overlap


@dataclass(frozen=True)
class Mention:
    """One mention of a possible owner in a text."""

    tekst: str
    start: int
    slut: int
    kanonisk: str
    art: str  # person, enhed, organ, rolle
    praeposition: str | None = None  # the preposition right before it, if any


# all role nouns in one pass; the name of the group that matched gives the canonical form
_ROLLE_KANONISK = {f"r{i}": kanonisk for i, kanonisk in enumerate(m.ROLLER.values())}
_ROLLER = re.compile(r"\b(?:" + "|".join(f"(?P<r{i}>{p})" for i, p in enumerate(m.ROLLER)) + r")\b",
                     re.IGNORECASE)
_ORGAN = re.compile(
    rf"\b(?:{m.ORGAN_ENDELSER}|(?i:{'|'.join(m.KENDTE_ORGANER)}))\b"
    r"(?:\s+for\s+[A-ZÆØÅ][\w-]*(?:(?:\s+(?:og|&|i)\s+|\s+)[A-ZÆØÅ][\w-]*)*)?"
)
_ENHED = re.compile(rf"\b{m.ENHED_MOENSTER}\b")
_KOMMUNE = re.compile(rf"\b{m.KOMMUNE_MOENSTER}\b")
_FORKORTELSE = re.compile(
    rf"(?P<navn>{m.ENHED_MOENSTER}|{m.ORGAN_ENDELSER}|[A-ZÆØÅ][\wæøå]+)\s*{m.FORKORTELSE_MOENSTER}")
_PERSON_I_TEKST = re.compile(rf"\b(?:{'|'.join(m.PERSON_CUES)})\s+(?P<navn>{m.NAVN_MOENSTER})\b")
_PERSON_I_PARENTES = re.compile(rf"\((?P<navn>{m.NAVN_MOENSTER})\)")
_NAVN = re.compile(rf"\b{m.NAVN_MOENSTER}\b")
_PRAEPOSITION_FOER = re.compile(
    rf"\b({'|'.join(m.PRAEPOSITIONER)})\s+(?:(?:{'|'.join(m.MELLEMORD)})\s+){{0,2}}$", re.IGNORECASE)
_MOEDE_ORD = re.compile(rf"\b(?:{'|'.join(m.MOEDE_MELLEMORD)})\b", re.IGNORECASE)


@dataclass(frozen=True)
class OwnerRegister:
    """The owners one referat can name: literal variants → canonical name, plus persons for fuzzy matching."""

    varianter: dict[str, tuple[str, str]] = field(default_factory=dict)  # lowercase variant → (canonical, art)
    personer: tuple[str, ...] = ()
    _literal: re.Pattern | None = None

    def find(self, tekst: str) -> list[Mention]:
        """Every owner mention in ``tekst``, longest first where they overlap, in text order."""
        fundne = self._literal_mentions(tekst) + self._pattern_mentions(tekst) + self._fuzzy_persons(tekst)
        return [_with_preposition(tekst, o) for o in without_overlap(fundne)]

    def _literal_mentions(self, tekst: str) -> list[Mention]:
        if self._literal is None:
            return []
        return [Mention(x.group(), x.start(), x.end(), *self.varianter[x.group().lower()])
                for x in self._literal.finditer(tekst)]

    def _pattern_mentions(self, tekst: str) -> list[Mention]:
        fundne = [Mention(x.group(), x.start(), x.end(), _ROLLE_KANONISK[x.lastgroup], "rolle")
                  for x in _ROLLER.finditer(tekst)]
        for regex, art in ((_ORGAN, "organ"), (_ENHED, "enhed"), (_KOMMUNE, "organ")):
            fundne += [Mention(x.group(), x.start(), x.end(), self.canonical(x.group()), art)
                       for x in regex.finditer(tekst)]
        return fundne

    def _fuzzy_persons(self, tekst: str) -> list[Mention]:
        fundne = []
        for x in _NAVN.finditer(tekst):
            navn = self.person(x.group())
            if navn:
                fundne.append(Mention(x.group(), x.start(), x.end(), navn, "person"))
        return fundne

    def canonical(self, navn: str) -> str:
        """The canonical spelling of a unit or body seen before ("It & Digitalisering" → "IT & Digitalisering")."""
        return self.varianter.get(navn.lower(), (navn, ""))[0]

    def person(self, navn: str) -> str | None:
        """The participant or known person a name variant refers to, or None below the cut-off."""
        if navn.split()[0].lower() in _IKKE_NAVNE or not self.personer:
            return None
        fundet = process.extractOne(navn, self.personer, scorer=fuzz.token_set_ratio,
                                    score_cutoff=m.FUZZ_GRAENSE)
        if fundet and navn.split()[0] == fundet[0].split()[0]:
            return fundet[0]
        return None


_IKKE_NAVNE = {w.lower() for w in m.IKKE_NAVNE}


_MODTAGER_FOER = re.compile(m.MODTAGER_FOER, re.IGNORECASE)


def _with_preposition(tekst: str, omtale: Mention) -> Mention:
    if _MODTAGER_FOER.search(tekst[max(0, omtale.start - 30):omtale.start]):
        return replace(omtale, praeposition="modtager")
    foer = _PRAEPOSITION_FOER.search(tekst[max(0, omtale.start - 30):omtale.start])
    if not foer:
        return omtale
    # "til kommende Chefforum" names a meeting of the body, like "på Chefforum"
    praeposition = "møde" if _MOEDE_ORD.search(foer.group()) else foer.group(1).lower()
    return Mention(omtale.tekst, omtale.start, omtale.slut, omtale.kanonisk, omtale.art, praeposition)


def _units_in_roles(deltagere: tuple[Deltager, ...]) -> list[str]:
    return [x.group() for d in deltagere if d.rolle for x in _ENHED.finditer(d.rolle)]


def _persons_in_text(tekster: list[str]) -> list[str]:
    navne = []
    for tekst in tekster:
        for regex in (_PERSON_I_TEKST, _PERSON_I_PARENTES):
            navne += [x.group("navn") for x in regex.finditer(tekst)
                      if x.group("navn").split()[0].lower() not in _IKKE_NAVNE
                      and not set(x.group("navn").split()) & m.IKKE_NAVNE]
    return navne


def build_register(deltagere: tuple[Deltager, ...], tekster: list[str]) -> OwnerRegister:
    """Collect the owners of one referat from its participants and all of its section texts."""
    varianter: dict[str, tuple[str, str]] = {}
    # a unit's canonical spelling: as in a participant's role, else the one written most often
    i_tekst = Counter(x.group() for t in tekster for x in _ENHED.finditer(t))
    for enhed in _units_in_roles(deltagere) + [e for e, _ in i_tekst.most_common()]:
        varianter.setdefault(enhed.lower(), (enhed, "enhed"))
    for enhed in m.ENKLE_ENHEDER:
        varianter.setdefault(enhed.lower(), (enhed, "enhed"))
    for organ in m.KENDTE_ORGANER:  # also when written in lower case ("forelægges chefforum")
        varianter.setdefault(organ.lower(), (organ, "organ"))
    personer = [d.navn for d in deltagere]
    for navn in _persons_in_text(tekster):
        if not process.extractOne(navn, personer, scorer=fuzz.token_set_ratio, score_cutoff=m.FUZZ_GRAENSE):
            personer.append(navn)
    for navn in personer:
        varianter[navn.lower()] = (navn, "person")
    for tekst in tekster:
        for x in _FORKORTELSE.finditer(tekst):
            kanonisk = varianter.get(x.group("navn").lower(), (x.group("navn"), "organ"))
            varianter.setdefault(x.group("forkortelse").lower(), kanonisk)
    return _compile(varianter, tuple(dict.fromkeys(personer)))


def _compile(varianter: dict[str, tuple[str, str]], personer: tuple[str, ...]) -> OwnerRegister:
    if not varianter:
        return OwnerRegister(varianter, personer)
    alternativer = "|".join(sorted((re.escape(v) for v in varianter), key=len, reverse=True))
    literal = re.compile(rf"(?<![\w&])(?:{alternativer})(?![\w&'’])", re.IGNORECASE)  # not "HR's"
    return OwnerRegister(varianter, personer, literal)
