"""Find Danish date expressions in text and resolve them against the meeting date.

Pure functions, no spaCy: ``find_datoer("senest 27. august", date(2025, 8, 13))`` gives one
``DateExpression`` with ``dato="2025-08-27"`` and ``praecision="dag"``. Conventions follow the gold notes:
a week is due on its Friday, a month/season/quarter/half/year at its end, ``medio <år>`` on 30 June,
and a date without a year at its first occurrence on or after the meeting.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import patterns as m


@dataclass(frozen=True)
class DateExpression:
    """One date expression: its exact text span and the calendar date it resolves to."""

    tekst: str
    start: int
    slut: int
    dato: str  # ISO
    praecision: str  # dag, uge, maaned, kvartal, halvaar, aar
    art: str  # which pattern found it: dag, uge, maaned, aarstid, ...
    begyndelse: bool = False  # a start ("fra sommeren") rather than an end


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MAANED = _alternation(m.MAANEDER)
_FORKORTET = _alternation(m.MAANED_FORKORTELSER)
_AAR = r"(?:19|20)\d{2}"
_FOER = r"(?:\b(?:" + "|".join(m.UGEDAGE) + r")\s*,?\s+)?(?:\b(?:den|d\.?)\s+)?"
_ORDINAL = r"(?P<n>[1-4]|" + _alternation(m.ORDINALER) + r")\.?\s*"
_DEL = _alternation(m.PERIODEDEL)
_AARSTID = _alternation(m.AARSTIDER)
_FERIE = _alternation({**m.FERIER, **m.FERIEUGER})

# (art, pattern): each art has a resolver below. Order does not matter: the longest match wins.
DATE_PATTERNS = {
    # these three start with the digits so the regex engine can jump between digits; the words before
    # ("onsdag den", "d.") are added afterwards by _with_prefix
    "dag": rf"(?P<dag>\d{{1,2}})[.,]?\s*(?:(?P<maaned>{_MAANED})\b|(?P<forkortet>{_FORKORTET})\b\.?)"
           rf"(?:,?\s+(?P<aar>{_AAR})\b)?",
    "numerisk": rf"(?P<dag>\d{{1,2}})[./-](?P<mnd>[01]?\d)[./-](?P<aar>{_AAR}|\d{{2}})(?![\d-]|\.\d)",
    "broek": rf"(?P<dag>\d{{1,2}})/(?P<mnd>[01]?\d)(?:(?:\s+|-)(?P<aar>{_AAR}))?(?![\d/])(?!\s+af\b)",
    "uge": rf"\buge(?:rne)?\s+(?P<uge>\d{{1,2}})\b(?:\s*(?:-|–|og|til)\s*(?P<uge2>\d{{1,2}})\b)?"
           rf"(?:,?\s+(?P<aar>{_AAR})\b)?",
    "ugens_loeb": r"\bi\s+(?:ugens\s+løb|(?:denne|indeværende)\s+uge)\b",
    "naeste_uge": r"\bi\s+(?:næste|den\s+kommende)\s+uge\b",
    "periodedel": rf"\b(?P<del>{_DEL})\s+(?:(?P<maaned>{_MAANED})\b(?:\s+(?P<aar>{_AAR}))?|(?P<aar2>{_AAR})\b"
                  r"|(?P<aaret>året)\b)",
    "maaned": rf"\b(?P<maaned>{_MAANED})\b(?:\s+måned)?(?:\s+(?P<aar>{_AAR})\b)?",
    "udgangen": rf"\b(?:(?:inden|ved|frem\s+til|til|før)\s+)?udgangen\s+af\s+(?:(?P<aar>{_AAR})\b|(?P<aaret>året)\b"
                rf"|(?P<maaned>{_MAANED})\b(?:\s+(?P<aar2>{_AAR})\b)?)",
    "i_aar": rf"\bi\s+(?:løbet\s+af\s+)?(?P<aar>{_AAR})\b(?![-/])",
    "aarsskifte": rf"\bved\s+årsskiftet\b(?:\s+(?P<aar>{_AAR})\b)?",
    "dette_aar": r"\b(?:i\s+år|i\s+indeværende\s+år|året\s+ud|(?:sidst|senere)\s+på\s+året|(?:inden|ved|før)\s+årets\s+udgang"
                 r"|i\s+løbet\s+af\s+året)\b",
    "naeste_aar": r"\b(?:i\s+)?næste\s+år\b",
    # "inden for 14 dage", "indenfor to uger": counted from the meeting, where the decision was taken
    "inden_for": rf"\binden\s*for\s+(?P<antal>\d{{1,3}}|{_alternation(m.TAL)})"
                 rf"\s+(?P<enhed>{_alternation(m.ENHEDER)})\b",
    "aarstid": rf"(?P<fra>\bfra\s+)?\b(?P<tid>{_AARSTID})\b(?:\s+(?P<aar>{_AAR})\b)?",
    "kvartal": _ORDINAL + rf"kvartal\b(?:\s+(?:af\s+)?(?P<aar>{_AAR})\b)?",
    "q_kvartal": rf"\b(?-i:[QK])(?P<n>[1-4])(?:[ .-]*(?P<aar>{_AAR})\b)?(?![\w/])",  # "Q3 2026", "K1-2027"
    # a year that heads a timetable line: "2026: Udbud", "- 2027 – Ibrugtagning"
    "aar_linje": rf"(?m)^(?:[-–•*][ \t]*)?(?P<aar>{_AAR})(?=[ \t]*(?::|[-–][ \t]))",
    "halvaar": _ORDINAL + rf"halvår\b(?:\s+(?:af\s+)?(?P<aar>{_AAR})\b)?",
    # "budgetåret 2026", "regnskabsår 2025": the year's end
    "budgetaar": rf"\b(?:budget|regnskabs)år(?:et)?\s+(?P<aar>{_AAR})\b",
    # "fra skoleåret 2025/26": a school year starts on 1 August (only its start is a date to meet)
    "skoleaar": rf"(?<=\bfra\s)skoleåret\s+(?P<aar>{_AAR})/(?:\d{{2}}|\d{{4}})\b",
    # the first days of a list that names its month once: "12. og 26. juni", "den 20. og 24. august 2022",
    # "1., 2. og 3. september"; each day is its own date (the last one is found by "dag")
    "dageliste": rf"(?P<dag>\d{{1,2}})\.(?=(?:\s*(?:,|og|til|-|–)\s*(?:og\s+)?(?:den\s+)?\d{{1,2}}\.)*"
                 rf"\s*(?:,|og|til|-|–)\s*(?:og\s+)?(?:den\s+)?\d{{1,2}}\.?\s*(?P<maaned>{_MAANED})\b"
                 rf"(?:,?\s+(?P<aar>{_AAR})\b)?)",
    "ferie": rf"\b(?:inden|før|op\s+til)\s+(?P<ferie>{_FERIE})\b(?:\s+(?P<aar>{_AAR})\b)?",
}
_COMPILED = {art: re.compile(p, re.IGNORECASE) for art, p in DATE_PATTERNS.items()}
_SPAN_START = {"aar_linje": "aar"}  # the span starts at this group, not at the bullet before it
_CIFFER_FOERST = {"dag": r"\w", "numerisk": r"[\w./-]", "broek": r"[\w./-]", "dageliste": r"[\w./-]"}  # what may not touch the digits
_FOER_SLUT = re.compile(_FOER + r"\Z", re.IGNORECASE)  # \Z: "$" also matches before a final line break
# Two expressions joined like "marts og april", "ultimo 2022 eller primo 2023", "september-oktober"
# are one span that is due at the later bound.
_FORBINDER = re.compile(r"\s*(?:-|–|og|eller|til|/)\s*|\s*,\s*", re.IGNORECASE)
# Days are never merged: "12. og 26. juni" are two dates (two meetings, two steps), months and seasons are
# one period ("marts og april").
_ENKELTDAGE = {"dag", "numerisk", "broek", "dageliste"}
_DAGLISTE_MELLEM = re.compile(r"\s*(?:\([^)\n]{0,30}\))?\s*(?:og|,|-|–|til)\s*(?:og\s+)?(?:den\s+|d\.\s*)?", re.IGNORECASE)
_AARSTAL = re.compile(r"\b(?:19|20)\d{2}\b")
# A year-less date right after past-tense words ("godkendt i Direktørforum den 20/1") lies behind us.
_FORTID_FOER = re.compile(
    r"\b(?:" + "|".join(m.FORTID_CUES + m.FORTID_PARTICIPIER + m.FORTID_NAVNEORD) + r")\b[^.\n]{0,40}$",
    re.IGNORECASE)
_FORTID_EFTER = re.compile(r"\s+(?:\w+\s+)?(?:" + "|".join(m.FORTID_PARTICIPIER) + r")\b", re.IGNORECASE)
_UDLEDER_AAR = {"dag", "numerisk", "broek", "uge", "periodedel", "maaned", "udgangen", "aarstid",
                "kvartal", "halvaar", "ferie", "dageliste"}


def _month_end(aar: int, maaned: int) -> date:
    return date(aar, maaned, calendar.monthrange(aar, maaned)[1])


def _friday_of_week(aar: int, uge: int) -> date | None:
    try:
        return date.fromisocalendar(aar, uge, 5)
    except ValueError:
        return None


def _forward(build, aar: int | None, moede: date, graense: date | None = None) -> date | None:
    """Build a date with ``build(year)``; without a year, take the first one on or after the meeting.

    A date just before the meeting (within ``m.NYLIG_DAGE``) keeps the meeting's year: papers written
    for a meeting refer to last week ("workshop d. 22/9"), not to the same day next year."""
    if aar is not None:
        return build(aar)
    kandidat = build(moede.year)
    graense = graense or moede - timedelta(days=m.NYLIG_DAGE)
    if kandidat is not None and kandidat < graense:
        return build(moede.year + 1)
    return kandidat


def _year(g: dict, *navne: str) -> int | None:
    for navn in navne:
        if g.get(navn):
            return int(g[navn])
    return None


def _month_number(tekst: str) -> int:
    tekst = tekst.lower().rstrip(".")
    return m.MAANEDER.get(tekst) or m.MAANED_FORKORTELSER[tekst]


def _dag(g, moede):
    def build(aar):
        try:
            return date(aar, _month_number(g["maaned"] or g["forkortet"]), int(g["dag"]))
        except ValueError:
            return None
    return _forward(build, _year(g, "aar"), moede), "dag"


def _numerisk(g, moede):
    aar = _year(g, "aar")
    if aar is not None and aar < 100:
        aar += 2000

    def build(a):
        try:
            return date(a, int(g["mnd"]), int(g["dag"]))
        except ValueError:
            return None
    return _forward(build, aar, moede), "dag"


def _uge(g, moede):
    uge = int(g["uge2"] or g["uge"])
    mandag = moede - timedelta(days=moede.weekday())
    return _forward(lambda a: _friday_of_week(a, uge), _year(g, "aar"), moede, mandag), "uge"


def _ugens_loeb(g, moede, ekstra=0):
    return moede + timedelta(days=4 - moede.weekday() + 7 * ekstra), "uge"


def _periodedel(g, moede):
    del_ = m.PERIODEDEL[re.sub(r"\s+", " ", g["del"].lower())]
    if g["maaned"]:
        maaned = _month_number(g["maaned"])
        return _forward(lambda a: _month_end(a, maaned), _year(g, "aar"), moede), "maaned"
    aar = _year(g, "aar2") or moede.year
    if del_ == "midt":
        return date(aar, 6, 30), "halvaar"
    return _month_end(aar, 1 if del_ == "start" else 12), "maaned"


def _maaned(g, moede):
    maaned = _month_number(g["maaned"])
    return _forward(lambda a: _month_end(a, maaned), _year(g, "aar"), moede), "maaned"


def _udgangen(g, moede):
    if g["maaned"]:
        return _maaned(g | {"aar": g["aar2"]}, moede)
    return date(_year(g, "aar") or moede.year, 12, 31), "aar"


def _aarstid(g, moede):
    foerste, sidste = m.AARSTIDER[g["tid"].lower()]
    if g["fra"]:
        return _forward(lambda a: date(a, foerste, 1), _year(g, "aar"), moede), "kvartal"
    # winter runs into the next year: "vinteren 2025" ends in February 2026
    return _forward(lambda a: _month_end(a + (sidste > 12), (sidste - 1) % 12 + 1),
                   _year(g, "aar"), moede), "kvartal"


def _kvartal(g, moede):
    n = int(g["n"]) if g["n"].isdigit() else m.ORDINALER[g["n"].lower()]
    return _forward(lambda a: _month_end(a, 3 * n), _year(g, "aar"), moede), "kvartal"


def _halvaar(g, moede):
    n = int(g["n"]) if g["n"].isdigit() else m.ORDINALER[g["n"].lower()]
    if n > 2:
        return None, "halvaar"
    return _forward(lambda a: _month_end(a, 6 * n), _year(g, "aar"), moede), "halvaar"


def _ferie(g, moede):
    navn = g["ferie"].lower()
    if navn in m.FERIEUGER:
        return _forward(lambda a: _friday_of_week(a, m.FERIEUGER[navn]), _year(g, "aar"), moede), "uge"
    maaned, dag, praecision = m.FERIER[navn]
    return _forward(lambda a: date(a, maaned, dag), _year(g, "aar"), moede), praecision


def shift(fra: date, antal: int, enhed: str) -> date:
    """``antal`` units (dage, uger, måneder; negative = back) from a date: "4 uger efter 1. maj"."""
    art, gange, _ = m.ENHEDER[enhed.lower().removeprefix("arbejds") or "dage"]
    if art == "days":
        return fra + timedelta(days=antal * gange)
    maaned = fra.month - 1 + antal
    aar, maaned = fra.year + maaned // 12, maaned % 12 + 1
    return date(aar, maaned, min(fra.day, calendar.monthrange(aar, maaned)[1]))


def _inden_for(g, moede):
    antal = int(g["antal"]) if g["antal"].isdigit() else m.TAL[g["antal"].lower()]
    return shift(moede, antal, g["enhed"]), m.ENHEDER[g["enhed"].lower()][2]


RESOLVERS = {
    "dag": _dag, "numerisk": _numerisk, "broek": _numerisk, "uge": _uge, "ugens_loeb": _ugens_loeb,
    "naeste_uge": lambda g, mo: _ugens_loeb(g, mo, 1), "periodedel": _periodedel, "maaned": _maaned,
    "udgangen": _udgangen, "i_aar": lambda g, mo: (date(int(g["aar"]), 12, 31), "aar"),
    "aarsskifte": lambda g, mo: (date(_year(g, "aar") or mo.year, 12, 31), "aar"),
    "dette_aar": lambda g, mo: (date(mo.year, 12, 31), "aar"),
    "naeste_aar": lambda g, mo: (date(mo.year + 1, 12, 31), "aar"),
    "aarstid": _aarstid, "kvartal": _kvartal, "halvaar": _halvaar, "ferie": _ferie, "inden_for": _inden_for,
    "skoleaar": lambda g, mo: (date(int(g["aar"]), 8, 1), "dag"),
    "budgetaar": lambda g, mo: (date(int(g["aar"]), 12, 31), "aar"), "aar_linje": lambda g, mo: (date(int(g["aar"]), 12, 31), "aar"),
    "q_kvartal": lambda g, mo: _kvartal(g, mo), "dageliste": lambda g, mo: _dag(g | {"forkortet": None}, mo),
}


def _candidates(tekst: str, moede: date) -> list[DateExpression]:
    fundne, smaat = [], tekst.lower()
    for art, regex in _COMPILED.items():
        if art in m.DATO_FORFILTER and not any(ord_ in smaat for ord_ in m.DATO_FORFILTER[art]):
            continue  # the pattern cannot match: skip a scan of the whole text
        for match in regex.finditer(tekst):
            if art in _CIFFER_FOERST and match.start() and re.match(_CIFFER_FOERST[art], tekst[match.start() - 1]):
                continue  # inside a number or word: "85.13.00-P20-1-22", "P35"
            dato, praecision = RESOLVERS[art](match.groupdict(), moede)
            if dato is None:
                continue
            start = _with_prefix(tekst, match.start()) if art in _CIFFER_FOERST else match.start(_SPAN_START.get(art, 0))
            if art in _UDLEDER_AAR and not any(v for k, v in match.groupdict().items() if "aar" in k):
                dato = _back_if_past(tekst[:match.start()], tekst[match.end():], dato, moede)
            fundne.append(DateExpression(tekst[start:match.end()], start, match.end(), dato.isoformat(),
                                     praecision, art, _is_start(art, match)))
    return fundne


def _with_prefix(tekst: str, start: int) -> int:
    """Widen a date to the words that belong to it: "onsdag den 20. august", "d. 4 februar"."""
    foer = _FOER_SLUT.search(tekst[max(0, start - 30):start])
    return start - (len(tekst[max(0, start - 30):start]) - foer.start()) if foer else start


def _is_start(art: str, match: re.Match) -> bool:
    """ "fra sommeren", "primo 2025", "i starten af året" name when something starts, not a due date."""
    if art == "aarstid":
        return bool(match.group("fra"))
    if art == "periodedel":
        return m.PERIODEDEL[re.sub(r"\s+", " ", match.group("del").lower())] == "start" and not match.group("maaned")
    return False


def _back_if_past(foer: str, efter: str, dato: date, moede: date) -> date:
    """An inferred year goes one back when the words around the date are in the past tense."""
    if dato > moede and (_FORTID_FOER.search(foer[-60:]) or _FORTID_EFTER.match(efter[:40])):
        try:
            return dato.replace(year=dato.year - 1)
        except ValueError:  # 29 February
            return dato.replace(year=dato.year - 1, day=28)
    return dato


def without_overlap(spans: list) -> list:
    """Keep the longest of overlapping spans (anything with start/slut), so "den 4. februar 2025" beats
    "februar 2025"; in text order. The kept spans stay sorted, so each check looks at two neighbours."""
    starts: list[int] = []
    kept: list = []
    for span in sorted(spans, key=lambda s: (-(s.slut - s.start), s.start)):
        i = bisect.bisect_left(starts, span.start)
        if (i == 0 or kept[i - 1].slut <= span.start) and (i == len(kept) or span.slut <= kept[i].start):
            starts.insert(i, span.start)
            kept.insert(i, span)
    return kept


def _merge_ranges(tekst: str, udtryk: list[DateExpression], moede: date) -> list[DateExpression]:
    """Merge "X og/eller/-/til Y" into one span due at Y; an earlier part without year borrows Y's."""
    flettede: list[DateExpression] = []
    for u in udtryk:
        forrige = flettede[-1] if flettede else None
        if (forrige and _FORBINDER.fullmatch(tekst[forrige.slut:u.start]) and not forrige.begyndelse
                and not {forrige.art, u.art} & _ENKELTDAGE):
            if tekst[forrige.slut:u.start].strip() == "," and forrige.art != u.art:
                flettede.append(u)
                continue
            senere = u  # ranges are written in order; "maj-juni 2025" lends its year to "maj"
            praecision = senere.praecision
            if forrige.art == u.art == "aarstid":
                praecision = "halvaar"  # "forår og sommer" spans half a year (gold convention)
            flettede[-1] = replace(senere, tekst=tekst[forrige.start:u.slut], start=forrige.start,
                                   slut=u.slut, praecision=praecision, begyndelse=_wraps(forrige, u))
        else:
            flettede.append(u)
    return flettede


def _wraps(forrige: DateExpression, senere: DateExpression) -> bool:
    """ "september – juli" without a year runs over New Year: a recurring period (a school year), not a due date."""
    return (forrige.art == senere.art == "maaned" and not _AARSTAL.search(forrige.tekst + senere.tekst)
            and senere.dato[5:7] < forrige.dato[5:7])


def _borrow_years(tekst: str, udtryk: list[DateExpression]) -> list[DateExpression]:
    """A day without a year takes the year of the next day in its list: "den 6. februar (pkt. 9) og 20. marts 2024"."""
    ud = list(udtryk)
    for i in range(len(ud) - 2, -1, -1):
        a, b = ud[i], ud[i + 1]
        if (a.art in _ENKELTDAGE and b.art in _ENKELTDAGE and not _AARSTAL.search(a.tekst)
                and _AARSTAL.search(b.tekst) and _DAGLISTE_MELLEM.fullmatch(tekst, a.slut, b.start)):
            try:
                ud[i] = replace(a, dato=date.fromisoformat(a.dato).replace(year=int(b.dato[:4])).isoformat())
            except ValueError:  # 29 February
                continue
    return ud


def find_datoer(tekst: str, moededato: date) -> list[DateExpression]:
    """Every date expression in ``tekst``, in order, resolved against the meeting date."""
    return _borrow_years(tekst, _merge_ranges(tekst, without_overlap(_candidates(tekst, moededato)), moededato))


def resolve_dato(udtryk: str, moededato: str | date) -> tuple[str, str] | None:
    """Resolve one Danish date phrase: ``resolve_dato("uge 34", "2025-08-13") == ("2025-08-22", "uge")``."""
    if isinstance(moededato, str):
        moededato = date.fromisoformat(moededato)
    fundne = find_datoer(udtryk, moededato)
    if not fundne:
        return None
    return fundne[-1].dato, fundne[-1].praecision
