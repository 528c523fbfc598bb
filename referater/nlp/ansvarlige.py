"""Who is named in a referat, of which kind, and under which canonical name.

``build_register(deltagere, tekster)`` collects what one referat defines: its participants, persons
introduced in running text ("projektledes af Anna Hermann Hansen"), units ("Økonomi & Stab"), and
abbreviations — defined in the text ("Projektrådet (PR)"), known to every municipality ("ØU"), or made of
the initials of a body the referat names ("SBUU"). ``register.find(tekst)`` then lists every mention with
its canonical name and kind (``ansvarsformer.TYPER``): an abbreviation resolves to "Full name (ABBR)", a
participant's variant ("Marie Jespersen") to the full name (rapidfuzz; below the cut-off never guessed).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..models import Deltager
from . import ansvarsformer as a
from .datoer import without_overlap


@dataclass(frozen=True)
class Mention:
    """One mention of a possible owner in a text."""

    tekst: str
    start: int
    slut: int
    kanonisk: str
    art: str  # the owner kind: person, rolle, organ, enhed, ekstern, kommunen
    praeposition: str | None = None  # the preposition right before it, "modtager" after "forelægges", or None


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_HOVED_ART = {hoved: art for art, hoveder in a.HOVEDORD.items() for hoved in hoveder}
_NAVNE_HOVED_ART = {hoved: art for art, hoveder in a.NAVNE_HOVEDORD.items() for hoved in hoveder}
# Capitalised words before the head word that belong to the name: "Klima-, Teknik- og Miljøudvalget",
# "Lokale og Anlægsfonden", "Byrådet og Direktionen".
# A place's genitive is part of the name too ("Nord- og Østjyllands Politi"), not a common noun's
# ("Kommunens IT-projektråd").
_NAVN_FORLED = (r"(?:[A-ZÆØÅ][\wæøå]*(?:-,?\s+(?:og\s+|&\s+)?|\s+(?:og|&)\s+(?=[A-ZÆØÅ]))"
                r"|[A-ZÆØÅ][\wæøå]*(?<!en)(?<!et)(?<!ne)s\s+(?=[A-ZÆØÅ]))*")
# The name's capitalised parts are case-sensitive, its head word is not ("BorgerCentret", "fagudvalgene").
_HOVED = re.compile(
    rf"\b{_NAVN_FORLED}(?P<ord>[\wæøå-]*?(?P<hoved>(?i:{_alternation(_HOVED_ART)})))\b"
    r"(?:[ \t]+for[ \t]+[A-ZÆØÅ][\w-]*(?:(?:,?[ \t]+(?:og|&|i)[ \t]+|,?[ \t]+)[A-ZÆØÅ][\w-]*)*)?")  # "Styregruppen for …" (one line)
_SAETNINGSORD = "I|På|Med|Det|Den|De|Der|Hos|Fra|Til|For|Efter|Når|Hvis|Som|En|Et|Og|Hvor|Ved|Om"
_NAVNE_HOVED = re.compile(
    rf"\b(?:(?!(?:{_SAETNINGSORD})\s)[A-ZÆØÅ][\wæøå]*\s+)?"
    rf"(?P<ord>[A-ZÆØÅ][\wæøå-]*?(?P<hoved>(?i:{_alternation(_NAVNE_HOVED_ART)})))\b")
_GENITIV = re.compile(rf"\b{_NAVN_FORLED}(?P<ord>[\wæøå-]*?(?P<hoved>(?i:{_alternation(_HOVED_ART)})))s\b")
_SAMMENSAT = re.compile(a.SAMMENSAT_NAVN)
_FIRMALISTE = re.compile(rf"\b{a.FIRMA_NAVNEORD}\s*\((?P<liste>[^()\n]{{3,120}})\)", re.IGNORECASE)
_EGENNAVN_EFTER = re.compile(r"[ \t]+(?P<navn>[A-ZÆØÅ][a-zæøå]{2,})\b")
_SELSKAB = re.compile(rf"\b[A-ZÆØÅ][\w&.-]*(?:\s+[A-ZÆØÅ&][\w&.-]*){{0,3}}\s+(?:{_alternation(a.SELSKABSFORMER)})(?!\w)")
_UBESTEMT = re.compile(r"\b(?:et|en|ét|nogle|flere|andre|ethvert|ingen|sit|sin|sine|deres)\s+$", re.IGNORECASE)
_KANONISKE_ROLLER = {f"r{i}": kanonisk for i, kanonisk in enumerate(a.KANONISKE_ROLLER.values())}
_ROLLER = re.compile(r"\b(?:" + "|".join(f"(?P<r{i}>{p})" for i, p in enumerate(a.KANONISKE_ROLLER)) + r")\b",
                     re.IGNORECASE)
_ROLLE_ORD = "|".join((r"\w*" if stamme.startswith("*") else "") + f"(?:{_alternation(former)})"
                      for stamme, former in a.ROLLE_NAVNEORD.items())
_ROLLE = re.compile(
    rf"\b(?:(?:{'|'.join(a.ROLLE_BESTEMMER)})\s+(?:{a.ROLLE_ADJEKTIV}\s+)?(?:{_ROLLE_ORD}|ansvarlige)"
    rf"|(?:hver(?:\s+enkelt)?|den\s+enkelte|det\s+enkelte|enhver)\s+(?:{'|'.join(a.ROLLE_ENTAL)})"
    rf"|(?:{_ROLLE_ORD}))\b", re.IGNORECASE)
# The word endings each name pattern needs: a text is only searched with the pattern around such words.
_ENDELSER = {
    "hoved": tuple(_HOVED_ART), "genitiv": tuple(h + "s" for h in _HOVED_ART), "navne_hoved": tuple(_NAVNE_HOVED_ART),
    "rolle": tuple(f for former in a.ROLLE_NAVNEORD.values() for f in former) + ("ansvarlige",) + a.ROLLE_ENTAL,
}
_MOENSTRE = {"hoved": None, "genitiv": None, "navne_hoved": None, "rolle": None}  # filled below
_ORD_RE = re.compile(r"[\wæøå-]+")
_ENHED = re.compile(rf"\b{a.ENHED_MOENSTER}\b")
_NAVN_EFTER_HOVED = [(re.compile(rf"\b(?:{hoved})\s+{a.NAVN_EFTER}\b"), art) for hoved, art in a.NAVN_EFTER_HOVED.items()]
_VINDER = re.compile(a.VINDER_MOENSTER)
_ENHED_ENTAL = re.compile(rf"\b(?:{'|'.join(a.ENHED_ENTAL)})$", re.IGNORECASE)
# A name and its head as two words: "Nordby Bibliotek", "Nordby Forsyning" (the head alone is no name).
_NAVN_OG_HOVED = re.compile(
    rf"\b(?!(?:{_SAETNINGSORD})\s)[A-ZÆØÅ][\wæøå]+\s+(?P<ord>(?P<hoved>(?:{_alternation(h.capitalize() for h in _NAVNE_HOVED_ART)})))\b")
_MOENSTRE.update(hoved=_HOVED, genitiv=_GENITIV, navne_hoved=_NAVNE_HOVED, rolle=_ROLLE)


@lru_cache(maxsize=512)
def _words(tekst: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((x.start(), x.end(), x.group().lower()) for x in _ORD_RE.finditer(tekst))


@lru_cache(maxsize=2048)
def names(art: str, tekst: str) -> tuple[re.Match, ...]:
    """The matches of one name pattern ("hoved", "genitiv", "navne_hoved", "rolle") in a text, found around
    the words with a fitting ending only: a long section is not searched word by word with every pattern."""
    moenster, endelser, fundne = _MOENSTRE[art], _ENDELSER[art], {}
    for start, slut, ord_ in _words(tekst):
        if not ord_.endswith(endelser):
            continue
        fra = tekst.find(" ", max(0, start - 120), start) + 1 if start > 120 else 0
        for x in moenster.finditer(tekst, fra, min(len(tekst), slut + 160)):
            if slut in (x.end(), x.end("ord") if "ord" in moenster.groupindex else -1):
                fundne[x.start(), x.end()] = x
                break
    return tuple(sorted(fundne.values(), key=lambda x: x.start()))
_KOMMUNE = re.compile(a.KOMMUNE_MOENSTER)  # the pattern says itself where case does not matter
_FORKORTELSE = re.compile(
    rf"(?P<navn>{a.ENHED_MOENSTER}|{_NAVN_FORLED}[A-ZÆØÅ][\wæøå-]+)\s*{a.FORKORTELSE_MOENSTER}")
_FORKORTELSE_ORD = re.compile(a.FORKORTELSE_ORD)
_PERSON_I_TEKST = re.compile(rf"\b(?:{'|'.join(a.PERSON_CUES)})\s+(?P<navn>{a.NAVN_MOENSTER})\b")
_PERSON_I_PARENTES = re.compile(rf"\((?P<navn>{a.NAVN_MOENSTER})\)")
_NAVN = re.compile(rf"\b{a.NAVN_MOENSTER}\b")
_PRAEPOSITION_FOER = re.compile(
    rf"\b({'|'.join(a.PRAEPOSITIONER)})\s+(?:(?:{'|'.join(a.MELLEMORD)}|{a.GENITIV_MELLEMORD})\s+){{0,2}}$", re.IGNORECASE)
_MOEDE_ORD = re.compile(rf"\b(?:{'|'.join(a.MOEDE_MELLEMORD)})\b", re.IGNORECASE)
_MODTAGER_FOER = re.compile(a.MODTAGER_FOER, re.IGNORECASE)
_BEHANDLING_FOER = re.compile(a.BEHANDLING_FOER, re.IGNORECASE)
_MODAL_EFTER = re.compile(rf"\s+(?:{'|'.join(a.MODALVERBER)})\b")
_IKKE_NAVNE = {w.lower() for w in a.IKKE_NAVNE}
_SAMORDNET = re.compile(r"\s*(?:,|og|&)\s*")
# "med alle afdelingschefer og deres ledere": the second stands under the first one's preposition too.
_SAMORDNET_UNDER = re.compile(r"\s*(?:,|og|&|samt)\s+(?:(?:deres|sine|hans|hendes|disse|alle|de)\s+)?", re.IGNORECASE)



@dataclass(frozen=True)
class OwnerRegister:
    """The owners one referat can name: variants → (canonical, kind), abbreviations, persons for fuzzy matching."""

    varianter: dict[str, tuple[str, str]] = field(default_factory=dict)  # lowercase variant → (canonical, kind)
    personer: tuple[str, ...] = ()
    stavemaader: dict[str, str] = field(default_factory=dict)  # a name's most written spelling, by lower case
    forkortelser: dict[str, tuple[str, str]] = field(default_factory=dict)  # "PR" → ("Projektrådet (PR)", "organ")
    _literal: re.Pattern | None = None
    _forkortet: re.Pattern | None = None

    def find(self, tekst: str) -> list[Mention]:
        """Every owner mention in ``tekst``, longest first where they overlap, in text order."""
        fundne = (self._literal_mentions(tekst) + self._pattern_mentions(tekst) + self._fuzzy_persons(tekst)
                  + self._abbreviations(tekst) + self.genitives(tekst))
        omtaler = without_overlap(fundne)
        omtaler = sorted(omtaler + _coordinated_acronyms(tekst, omtaler) + _acronyms_as_bodies(tekst, omtaler),
                         key=lambda o: o.start)
        return _inherit_prepositions(tekst, [_with_preposition(tekst, o) for o in omtaler])

    def _literal_mentions(self, tekst: str) -> list[Mention]:
        if self._literal is None:
            return []
        return [Mention(x.group(), x.start(), x.end(), *self.varianter[x.group().lower()])
                for x in self._literal.finditer(tekst)]

    def _abbreviations(self, tekst: str) -> list[Mention]:
        """ "ØU" → "Økonomiudvalget (ØU)"; followed by a proper noun it is that body's name ("KKR Nord")."""
        if self._forkortet is None:
            return []
        fundne = []
        for x in self._forkortet.finditer(tekst):
            kanonisk, art = self.forkortelser[x.group()]
            navn = _EGENNAVN_EFTER.match(tekst, x.end())
            if navn and not re.fullmatch(_SAETNINGSORD, navn["navn"]):
                fundne.append(Mention(tekst[x.start():navn.end()], x.start(), navn.end(), tekst[x.start():navn.end()], art))
            else:
                fundne.append(Mention(x.group(), x.start(), x.end(), kanonisk, art))
        return fundne

    def genitives(self, tekst: str) -> list[Mention]:
        """Bodies in the genitive ("fagudvalgenes drøftelse"), marked so; canonical without the -s."""
        return [replace(self._mention_of(x.group()[:-1], x.start(), x.end() - 1, _HOVED_ART[x["hoved"].lower()]),
                        slut=x.end(), tekst=x.group(), praeposition="genitiv")
                for x in names("genitiv", tekst) if _is_name(tekst, x)]

    def _mention_of(self, navn: str, start: int, slut: int, art: str) -> Mention:
        lav = navn.lower()
        kanonisk, kendt_art = self.varianter.get(lav, (self.stavemaader.get(lav, navn), art))
        return Mention(navn, start, slut, kanonisk, kendt_art or art)

    def _pattern_mentions(self, tekst: str) -> list[Mention]:
        fundne = [Mention(x.group(), x.start(), x.end(), _KANONISKE_ROLLER[x.lastgroup], "rolle")
                  for x in _ROLLER.finditer(tekst)]
        fundne += [self._mention(x, "enhed" if _ENHED_ENTAL.search(x.group()) else "rolle") for x in names("rolle", tekst)]
        fundne += [self._mention(x, _HOVED_ART[x["hoved"].lower()]) for x in names("hoved", tekst)
                   if _is_name(tekst, x)]
        fundne += [self._mention(x, _NAVNE_HOVED_ART[x["hoved"].lower()]) for x in names("navne_hoved", tekst)
                   if x["ord"][0].isupper()]
        fundne += [self._mention(x, art) for regex, art in ((_SELSKAB, "ekstern"), (_ENHED, "enhed"),
                                                            (_KOMMUNE, "kommunen"), (_SAMMENSAT, "organ"),
                                                            (_VINDER, "ekstern"), *_NAVN_EFTER_HOVED)
                   for x in regex.finditer(tekst)]
        fundne += [self._mention(x, _NAVNE_HOVED_ART[x["hoved"].lower()]) for x in _NAVN_OG_HOVED.finditer(tekst)]
        return [d for o in fundne for d in _split_coordination(o, self)]

    def _mention(self, x: re.Match, art: str) -> Mention:
        return self._mention_of(x.group(), x.start(), x.end(), art)

    def _fuzzy_persons(self, tekst: str) -> list[Mention]:
        fundne = []
        for x in _NAVN.finditer(tekst):
            navn = self.person(x.group())
            if navn:
                fundne.append(Mention(x.group(), x.start(), x.end(), navn, "person"))
        return fundne

    def canonical(self, navn: str) -> str:
        """The canonical spelling of a name seen before ("It & Digitalisering" → "IT & Digitalisering")."""
        return self.varianter.get(navn.lower(), (navn, ""))[0]

    def person(self, navn: str) -> str | None:
        """The participant or known person a name variant refers to, or None below the cut-off."""
        if navn.split()[0].lower() in _IKKE_NAVNE or not self.personer:
            return None
        fundet = process.extractOne(navn, self.personer, scorer=fuzz.token_set_ratio, score_cutoff=a.FUZZ_GRAENSE)
        if fundet and navn.split()[0] == fundet[0].split()[0]:
            return fundet[0]
        return None


def _split_coordination(o: Mention, register: OwnerRegister) -> list[Mention]:
    """ "Byrådet og Direktionen" is two bodies, each with its own head word; "Lokale og Anlægsfonden" is one."""
    dele = re.split(r"\s+(og|&)\s+", o.tekst, maxsplit=1)
    if len(dele) < 3 or not _head_of(dele[0]) or o.kanonisk != o.tekst:
        return [o]
    anden = o.start + len(dele[0]) + len(dele[1]) + 2
    return [register._mention_of(dele[0], o.start, o.start + len(dele[0]), _HOVED_ART[_head_of(dele[0])]),
            register._mention_of(o.tekst[anden - o.start:], anden, o.slut, o.art)]


def _is_name(tekst: str, x: re.Match) -> bool:
    """A head word alone counts only in its definite form or inside a name ("udvalget", "Byråd", "fagudvalg"),
    and never after an indefinite article ("et udvalg", "et godt råd")."""
    if _UBESTEMT.search(tekst[max(0, x.start() - 12):x.start()]):
        return False
    ord_, hoved = x["ord"], x["hoved"].lower()
    return (ord_.lower() != hoved or ord_[0].isupper() or hoved.endswith(("et", "en", "ne")) or hoved in a.AGENTNAVNEORD
            or x.start() != x.start("ord"))


def _coordinated_acronyms(tekst: str, omtaler: list[Mention]) -> list[Mention]:
    """An unknown abbreviation listed with a body is a body too: "på henholdsvis ØU og BY"."""
    fundne = []
    for o in omtaler:
        if o.art != "organ":
            continue
        for x in _FORKORTELSE_ORD.finditer(tekst, o.slut, min(len(tekst), o.slut + 12)):
            if _SAMORDNET.fullmatch(tekst, o.slut, x.start()) and not any(p.start == x.start() for p in omtaler):
                fundne.append(Mention(x.group(), x.start(), x.end(), x.group(), "organ"))
    return fundne


def _acronyms_as_bodies(tekst: str, omtaler: list[Mention]) -> list[Mention]:
    """An unknown abbreviation where only a body stands is a body: "Sagen forelægges SBUU i juni", "behandles i
    SBUU den …", "SBUU skal godkende …" (before a modal verb)."""
    fundne = []
    for x in _FORKORTELSE_ORD.finditer(tekst):
        if any(o.start <= x.start() < o.slut for o in omtaler):
            continue
        foer = tekst[max(0, x.start() - 60):x.start()]
        if (_MODTAGER_FOER.search(foer) or _BEHANDLING_FOER.search(foer)
                or _MODAL_EFTER.match(tekst, x.end())):
            fundne.append(Mention(x.group(), x.start(), x.end(), x.group(), "organ"))
    return fundne


def _inherit_prepositions(tekst: str, omtaler: list[Mention]) -> list[Mention]:
    """The second of "med Byrådet og Direktionen" stands under the same preposition as the first."""
    for i in range(1, len(omtaler)):
        forrige, o = omtaler[i - 1], omtaler[i]
        if o.praeposition is None and forrige.praeposition and _SAMORDNET_UNDER.fullmatch(tekst, forrige.slut, o.start):
            omtaler[i] = replace(o, praeposition=forrige.praeposition)
    return omtaler


def _with_preposition(tekst: str, omtale: Mention) -> Mention:
    if omtale.praeposition:  # a genitive stays one
        return omtale
    if _MODTAGER_FOER.search(tekst[max(0, omtale.start - 60):omtale.start]):
        return replace(omtale, praeposition="modtager")
    foer = _PRAEPOSITION_FOER.search(tekst[max(0, omtale.start - 30):omtale.start])
    if not foer:
        return omtale
    # "til kommende Chefforum" names a meeting of the body, like "på Chefforum"
    praeposition = "møde" if _MOEDE_ORD.search(foer.group()) else foer.group(1).lower()
    return replace(omtale, praeposition=praeposition)


def _units_in_roles(deltagere: tuple[Deltager, ...]) -> list[str]:
    return [x.group() for d in deltagere if d.rolle for x in _ENHED.finditer(d.rolle)]


def _persons_in_text(tekster: list[str]) -> list[str]:
    navne = []
    for tekst in tekster:
        for regex in (_PERSON_I_TEKST, _PERSON_I_PARENTES):
            navne += [x.group("navn") for x in regex.finditer(tekst)
                      if x.group("navn").split()[0].lower() not in _IKKE_NAVNE
                      and not set(x.group("navn").split()) & a.IKKE_NAVNE]
    return navne


def _initials(navn: str) -> str:
    """ "Skole-, Børne- og Ungeudvalget" → "SBUU", "Økonomiudvalget" → "ØU": each part and the head word."""
    dele = [d for d in re.split(r"[\s,-]+", navn) if d and d.lower() not in a.INITIAL_FYLDORD]
    if not dele:
        return ""
    sidste = dele[-1].lower()
    hoved = _head_of(sidste)
    hoved = hoved if hoved and sidste != hoved else None
    forbogstaver = [d[0] for d in dele] + ([hoved[0]] if hoved else [])
    return "".join(forbogstaver).upper()


def _opens_sentence(tekst: str, start: int) -> bool:
    foer = tekst[max(0, start - 10):start].rstrip(" \t-–•*")
    return not foer or foer[-1] in ".!?:\n"


def _spelling_counts(tekster: list[str]) -> dict[str, str]:
    """Each pattern name's most written spelling, by its lower-case form, counting only spellings inside a
    sentence: "administrationen", not the "Administrationen" that opens one; "Byrådet" either way."""
    fundne = [(t, x) for t in tekster for art in ("hoved", "rolle") for x in names(art, t)]
    taelling = Counter(x.group() for t, x in fundne if not _opens_sentence(t, x.start()))
    taelling.update({x.group(): 0 for _, x in fundne})
    valgt: dict[str, str] = {}
    for stavning, _ in taelling.most_common():
        valgt.setdefault(stavning.lower(), stavning)
    return valgt


def build_register(deltagere: tuple[Deltager, ...], tekster: list[str], kommune: str | None = None,
                   forum: str | None = None) -> OwnerRegister:
    """Collect the owners of one referat from its participants and all of its section texts; ``kommune``
    (the municipality the referat comes from) is who "kommunen" is: one owner however it is written; the
    ``forum``'s name is a body whose initials the text may use ("SBUU" in a meeting of that committee)."""
    varianter: dict[str, tuple[str, str]] = {}
    if kommune:
        varianter["kommunen"] = (kommune, "kommunen")
    # a unit's canonical spelling: as in a participant's role, else the one written most often
    i_tekst = Counter(x.group() for t in tekster for x in _ENHED.finditer(t))
    for enhed in _units_in_roles(deltagere) + [e for e, _ in i_tekst.most_common()]:
        varianter.setdefault(enhed.lower(), (enhed, "enhed"))
    for enhed in a.ENKLE_ENHEDER:
        varianter.setdefault(enhed.lower(), (enhed, "enhed"))
    for organ in a.KENDTE_ORGANER:  # also when written in lower case ("forelægges chefforum")
        varianter.setdefault(organ.lower(), (organ, "organ"))
    personer = _persons(deltagere, tekster)
    for navn in personer:
        varianter[navn.lower()] = (navn, "person")
    for firma in _listed_firms(tekster):
        varianter.setdefault(firma.lower(), (firma, "ekstern"))
    forkortelser = _abbreviations(tekster, varianter, [forum] if forum else [])
    for forkortelse, (kanonisk, art) in forkortelser.items():
        fuldt = kanonisk.rsplit(" (", 1)[0].lower()
        varianter[fuldt] = (kanonisk, art)  # "Økonomiudvalget" in a referat that says "ØU" is "Økonomiudvalget (ØU)"
    return _compile(varianter, tuple(personer), forkortelser, _spelling_counts(tekster))


def _listed_firms(tekster: list[str]) -> list[str]:
    """Names listed after a noun for firms: "tre konsulenthuse (HP Advisory, Implement og BDO)"."""
    return [navn.strip() for t in tekster for x in _FIRMALISTE.finditer(t)
            for navn in re.split(r",|\s+og\s+", x["liste"]) if navn.strip()[:1].isupper()]


def _persons(deltagere: tuple[Deltager, ...], tekster: list[str]) -> list[str]:
    personer = [d.navn for d in deltagere]
    for navn in _persons_in_text(tekster):
        if not process.extractOne(navn, personer, scorer=fuzz.token_set_ratio, score_cutoff=a.FUZZ_GRAENSE):
            personer.append(navn)
    return list(dict.fromkeys(personer))


def _abbreviations(tekster: list[str], varianter: dict[str, tuple[str, str]],
                   navne: list[str] = ()) -> dict[str, tuple[str, str]]:
    """ABBR → ("Full name (ABBR)", kind): defined in the text first, then known ones the text uses, then
    initials of a body the referat names."""
    forkortelser: dict[str, tuple[str, str]] = {}
    for tekst in tekster:
        for x in _FORKORTELSE.finditer(tekst):
            navn = x.group("navn").strip()
            art = varianter.get(navn.lower(), ("", ""))[1] or _HOVED_ART.get(_head_of(navn)) or _name_kind(navn)
            forkortelser.setdefault(x.group("forkortelse"), (f"{navn} ({x.group('forkortelse')})", art))
    brugte = {x.group() for t in tekster for x in _FORKORTELSE_ORD.finditer(t)}
    for forkortelse, (navn, art) in a.KENDTE_FORKORTELSER.items():
        if forkortelse in brugte:
            forkortelser.setdefault(forkortelse, (f"{navn} ({forkortelse})", art))
    organer = {x.group(): x for t in [*tekster, *navne] for x in names("hoved", t)
               if _HOVED_ART[x["hoved"].lower()] == "organ"}
    for navn in organer:
        initialer = _initials(navn)
        if len(initialer) >= 2 and initialer in brugte:
            forkortelser.setdefault(initialer, (f"{navn} ({initialer})", "organ"))
    for forkortelse in brugte - forkortelser.keys():  # the first letters of a one-word body: "BY" for "Byrådet"
        navn = next((n for n in organer if " " not in n and "-" not in n and n[:len(forkortelse)].upper() == forkortelse
                     and n[:1].isupper()), None)
        if navn:
            forkortelser[forkortelse] = (f"{navn} ({forkortelse})", "organ")
    return forkortelser


def kind_of(navn: str, standard: str = "enhed") -> str:
    """The kind a name's head word gives it ("Ekstern konsulent" → ekstern), else ``standard``."""
    if _ROLLE.fullmatch(navn.strip()):
        return "rolle"
    return _HOVED_ART.get(_head_of(navn), standard)


def _name_kind(navn: str) -> str:
    """The kind a capitalised name's head gives it ("Kystvandsamarbejdet" → ekstern), else organ."""
    lav = navn.lower()
    return next((art for hoved, art in sorted(_NAVNE_HOVED_ART.items(), key=lambda x: -len(x[0]))
                 if lav.endswith(hoved)), "organ")


def _head_of(navn: str) -> str:
    lav = navn.lower()
    return next((h for h in sorted(_HOVED_ART, key=len, reverse=True) if lav.endswith(h)), "")


def _compile(varianter: dict[str, tuple[str, str]], personer: tuple[str, ...],
             forkortelser: dict[str, tuple[str, str]], stavemaader: dict[str, str]) -> OwnerRegister:
    literal = forkortet = None
    if varianter:
        # not "HR's"
        literal = re.compile(rf"(?<![\w&])(?:{_alternation(varianter)})(?![\w&'’])", re.IGNORECASE)
    if forkortelser:  # abbreviations match in capitals only: "KL" is not "kl."
        forkortet = re.compile(rf"(?<![\w&])(?:{_alternation(forkortelser)})(?![\w&'’])")
    return OwnerRegister(varianter, personer, stavemaader, forkortelser, literal, forkortet)
