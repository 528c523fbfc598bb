"""Deadline and assignment metrics against the hand-checked gold files (printed by ``make eval``).

A predicted deadline is correct when it sits in the right punkt and has a gold ISO date (one gold
entry per prediction). Recall counts gold entries not marked ``uncertain``; precision counts against
all gold entries. Owners are compared on the correct deadlines whose gold entry names one.
Assignments: recall of certain gold assignments matched by punkt and owner.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Referat

# gold precision names → ours
PRAECISION = {"day": "dag", "week": "uge", "month": "maaned", "quarter": "kvartal", "half": "halvaar", "year": "aar"}


@dataclass
class Optaelling:
    """Counts summed over referater; the ratios are properties."""

    forudsagt: int = 0
    korrekte: int = 0
    guld_sikre: int = 0
    fundne_sikre: int = 0
    praecision_rigtig: int = 0
    ejer_med_guld: int = 0
    ejer_rigtig: int = 0
    opgaver_guld: int = 0
    opgaver_fundne: int = 0
    fejl: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.korrekte / self.forudsagt if self.forudsagt else 0.0

    @property
    def recall(self) -> float:
        return self.fundne_sikre / self.guld_sikre if self.guld_sikre else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _navn(ejer: str | None) -> str:
    return " ".join((ejer or "").casefold().split())


def _par(frister, guld: list[dict]) -> dict[int, int]:
    """Prediction index → gold index: same date, own section first, then any section of the punkt."""
    par: dict[int, int] = {}
    for samme_afsnit in (True, False):
        for j, f in enumerate(frister):
            if j in par:
                continue
            i = next((i for i, g in enumerate(guld) if i not in par.values() and g["due"] == f.dato
                      and (not samme_afsnit or g["section"] == f.afsnit)), None)
            if i is not None:
                par[j] = i
    return par


def _par_frister(punkt, guld_item: dict, t: Optaelling, kilde: str) -> None:
    # certain gold entries first, so a prediction that could match either counts towards recall
    guld = sorted(guld_item["deadlines"], key=lambda g: bool(g.get("uncertain")))
    par = _par(punkt.frister, guld)
    for j, f in enumerate(punkt.frister):
        t.forudsagt += 1
        if j not in par:
            t.fejl.append(f"{kilde} punkt {punkt.nummer}: extra {f.dato} {f.tekst!r} ({f.afsnit})")
            continue
        g = guld[par[j]]
        t.korrekte += 1
        t.fundne_sikre += not g.get("uncertain")
        t.praecision_rigtig += PRAECISION.get(g["precision"]) == f.praecision
        if g.get("owner"):
            t.ejer_med_guld += 1
            t.ejer_rigtig += _navn(g["owner"]) == _navn(f.ansvarlig)
            if _navn(g["owner"]) != _navn(f.ansvarlig):
                t.fejl.append(f"{kilde} punkt {punkt.nummer}: owner of {f.tekst!r} is {f.ansvarlig!r}, "
                              f"gold {g['owner']!r}")
    for i, g in enumerate(guld):
        t.guld_sikre += not g.get("uncertain")
        if i not in par.values() and not g.get("uncertain"):
            t.fejl.append(f"{kilde} punkt {punkt.nummer}: missed {g['due']} {g['phrase']!r} ({g['section']})")


def _par_opgaver(punkt, guld_item: dict, t: Optaelling) -> None:
    fundne = [_navn(o.ansvarlig) for o in punkt.opgaver]
    for g in guld_item["assignments"]:
        if g.get("uncertain"):
            continue
        t.opgaver_guld += 1
        if _navn(g["owner"]) in fundne:
            fundne.remove(_navn(g["owner"]))
            t.opgaver_fundne += 1


def evaluate_nlp(par: list[tuple[Referat, dict]]) -> Optaelling:
    """Compare enriched referater with their gold files."""
    t = Optaelling()
    for referat, guld in par:
        items = {item["number"]: item for item in guld["items"]}
        for punkt in referat.punkter:
            item = items.get(punkt.nummer, {"deadlines": [], "assignments": []})
            _par_frister(punkt, item, t, referat.kilde)
            _par_opgaver(punkt, item, t)
    return t


def format_nlp(t: Optaelling) -> list[str]:
    """The report lines ``make eval`` prints."""
    ejer = t.ejer_rigtig / t.ejer_med_guld if t.ejer_med_guld else 0.0
    opg = t.opgaver_fundne / t.opgaver_guld if t.opgaver_guld else 0.0
    return [
        f"frister: predicted {t.forudsagt}, correct {t.korrekte}, certain gold {t.guld_sikre}, found {t.fundne_sikre}",
        f"frister: precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  (target F1 >= 0.90)",
        f"frister: precision name right on {t.praecision_rigtig}/{t.korrekte} correct deadlines",
        f"ansvarlig: right on {t.ejer_rigtig}/{t.ejer_med_guld} correct deadlines with a gold owner = {ejer:.3f} (target >= 0.85)",
        f"opgaver: recall {t.opgaver_fundne}/{t.opgaver_guld} = {opg:.3f} (target >= 0.80)",
    ]


def nlp_report(gold_paths: list[Path], examples: Path) -> list[str]:
    """Enrich the example referat of every gold file and report the metrics (for ``make eval``)."""
    from ..ingest import load_tekst
    from ..parsers import parse_tekst
    from . import enrich

    par = []
    for path in gold_paths:
        guld = json.loads(path.read_text(encoding="utf-8"))
        par.append((enrich(parse_tekst(load_tekst(examples / guld["file"]))), guld))
    return format_nlp(evaluate_nlp(par))
