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
class Counts:
    """Counts summed over referater; the ratios are properties."""

    predicted: int = 0
    correct: int = 0
    gold_certain: int = 0
    found_certain: int = 0
    precision_name_right: int = 0
    owner_gold: int = 0
    owner_right: int = 0
    opgaver_gold: int = 0
    opgaver_found: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found_certain / self.gold_certain if self.gold_certain else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _name(ejer: str | None) -> str:
    return " ".join((ejer or "").casefold().split())


def _pair(frister, guld: list[dict]) -> dict[int, int]:
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


def _pair_frister(punkt, guld_item: dict, t: Counts, kilde: str) -> None:
    # certain gold entries first, so a prediction that could match either counts towards recall
    guld = sorted(guld_item["deadlines"], key=lambda g: bool(g.get("uncertain")))
    par = _pair(punkt.frister, guld)
    for j, f in enumerate(punkt.frister):
        t.predicted += 1
        if j not in par:
            t.problems.append(f"{kilde} punkt {punkt.nummer}: extra {f.dato} {f.tekst!r} ({f.afsnit})")
            continue
        g = guld[par[j]]
        t.correct += 1
        t.found_certain += not g.get("uncertain")
        t.precision_name_right += PRAECISION.get(g["precision"]) == f.praecision
        if g.get("owner"):
            t.owner_gold += 1
            t.owner_right += _name(g["owner"]) == _name(f.ansvarlig)
            if _name(g["owner"]) != _name(f.ansvarlig):
                t.problems.append(f"{kilde} punkt {punkt.nummer}: owner of {f.tekst!r} is {f.ansvarlig!r}, "
                              f"gold {g['owner']!r}")
    for i, g in enumerate(guld):
        t.gold_certain += not g.get("uncertain")
        if i not in par.values() and not g.get("uncertain"):
            t.problems.append(f"{kilde} punkt {punkt.nummer}: missed {g['due']} {g['phrase']!r} ({g['section']})")


def _pair_opgaver(punkt, guld_item: dict, t: Counts) -> None:
    fundne = [_name(o.ansvarlig) for o in punkt.opgaver]
    for g in guld_item["assignments"]:
        if g.get("uncertain"):
            continue
        t.opgaver_gold += 1
        if _name(g["owner"]) in fundne:
            fundne.remove(_name(g["owner"]))
            t.opgaver_found += 1


def evaluate_nlp(par: list[tuple[Referat, dict]]) -> Counts:
    """Compare enriched referater with their gold files."""
    t = Counts()
    for referat, guld in par:
        items = {item["number"]: item for item in guld["items"]}
        for punkt in referat.punkter:
            item = items.get(punkt.nummer, {"deadlines": [], "assignments": []})
            _pair_frister(punkt, item, t, referat.kilde)
            _pair_opgaver(punkt, item, t)
    return t


def format_nlp(t: Counts) -> list[str]:
    """The report lines ``make eval`` prints."""
    ejer = t.owner_right / t.owner_gold if t.owner_gold else 0.0
    opg = t.opgaver_found / t.opgaver_gold if t.opgaver_gold else 0.0
    return [
        f"frister: predicted {t.predicted}, correct {t.correct}, "
        f"certain gold {t.gold_certain}, found {t.found_certain}",
        f"frister: precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  (target F1 >= 0.90)",
        f"frister: precision name right on {t.precision_name_right}/{t.correct} correct deadlines",
        f"ansvarlig: right on {t.owner_right}/{t.owner_gold} correct deadlines with a gold owner = {ejer:.3f} "
        "(target >= 0.85)",
        f"opgaver: recall {t.opgaver_found}/{t.opgaver_gold} = {opg:.3f} (target >= 0.80)",
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
