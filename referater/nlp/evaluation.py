"""Deadline, owner and assignment metrics against hand-made gold (printed by ``make eval``).

A predicted deadline is correct when it sits in the right punkt and has a gold ISO date (one gold
entry per prediction). Recall counts gold entries not marked ``uncertain``; precision counts against
all gold entries; undated entries (gold or predicted) are not scored. Owners are compared on the
correct deadlines whose gold entry names one: right when the two are the same after normalisation,
one contains the other, or they are nearly the same (similarity >= 0.8), as the README of the
development set ``../shared/real/frister`` defines it. Assignments: recall of certain gold
assignments matched by punkt and owner.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..models import Punkt, Referat

# gold precision names → ours
PRAECISION = {"day": "dag", "week": "uge", "month": "maaned", "quarter": "kvartal", "half": "halvaar", "year": "aar"}
# The development set of real meetings with deadline and owner gold; the project never needs it.
DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "real" / "frister"
OWNER_SIMILARITY = 80  # the dev set's README: "nearly the same (similarity >= 0.8)"
NO_OWNER = "ingen"  # the kind column for gold deadlines without an owner
# "| `Byrådet` | organ | 16 |": the README's table of owner strings and their kind
KIND_ROW = re.compile(r"^\|\s*`(?P<owner>[^`]+)`\s*\|\s*(?P<kind>[a-z]+)\s*\|\s*\d+\s*\|\s*$", re.MULTILINE)


@dataclass
class KindCounts:
    """What one owner kind scores: recall of its certain deadlines and owners right on matched ones."""

    gold_certain: int = 0
    found_certain: int = 0
    owner_gold: int = 0
    owner_right: int = 0
    type_right: int = 0


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
    kinds: dict[str, KindCounts] = field(default_factory=lambda: defaultdict(KindCounts))
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

    @property
    def owner_accuracy(self) -> float:
        return self.owner_right / self.owner_gold if self.owner_gold else 0.0


def _name(ejer: str | None) -> str:
    return " ".join((ejer or "").casefold().split())


def owner_matches(predicted: str | None, gold: str) -> bool:
    """Same after normalisation, one inside the other, or nearly the same."""
    a, b = _name(predicted), _name(gold)
    return bool(a) and (a == b or a in b or b in a or fuzz.ratio(a, b) >= OWNER_SIMILARITY)


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


def _pair_frister(punkt, guld_item: dict, t: Counts, kilde: str, kinds: dict[str, str]) -> None:
    # certain gold entries first, so a prediction that could match either counts towards recall
    guld = sorted((g for g in guld_item["deadlines"] if g["due"]), key=lambda g: bool(g.get("uncertain")))
    frister = [f for f in punkt.frister if f.dato]
    par = _pair(frister, guld)
    for j, f in enumerate(frister):
        t.predicted += 1
        if j not in par:
            t.problems.append(f"{kilde} punkt {punkt.nummer}: extra {f.dato} {f.tekst!r} ({f.afsnit})")
            continue
        g = guld[par[j]]
        t.correct += 1
        t.found_certain += not g.get("uncertain")
        t.precision_name_right += PRAECISION.get(g["precision"]) == f.praecision
        _score_owner(f, g, t, kinds, f"{kilde} punkt {punkt.nummer}")
    for i, g in enumerate(guld):
        kind = t.kinds[_kind(g, kinds)]
        t.gold_certain += not g.get("uncertain")
        kind.gold_certain += not g.get("uncertain")
        kind.found_certain += i in par.values() and not g.get("uncertain")
        if i not in par.values() and not g.get("uncertain"):
            t.problems.append(f"{kilde} punkt {punkt.nummer}: missed {g['due']} {g['phrase']!r} ({g['section']})")


def _kind(g: dict, kinds: dict[str, str]) -> str:
    return kinds.get(g["owner"], "?") if g.get("owner") else NO_OWNER


def _score_owner(f, g: dict, t: Counts, kinds: dict[str, str], sted: str) -> None:
    if not g.get("owner"):
        if f.ansvarlig:
            t.problems.append(f"{sted}: owner of {f.tekst!r} is {f.ansvarlig!r}, gold none")
        return
    kind = t.kinds[_kind(g, kinds)]
    right = owner_matches(f.ansvarlig, g["owner"])
    t.owner_gold += 1
    t.owner_right += right
    kind.owner_gold += 1
    kind.owner_right += right
    kind.type_right += kinds.get(g["owner"]) == getattr(f, "ansvarlig_type", None)
    if not right:
        t.problems.append(f"{sted}: owner of {f.tekst!r} is {f.ansvarlig!r}, gold {g['owner']!r}")


def _pair_opgaver(punkt, guld_item: dict, t: Counts) -> None:
    fundne = [o.ansvarlig for o in punkt.opgaver]
    for g in guld_item.get("assignments", []):
        if g.get("uncertain"):
            continue
        t.opgaver_gold += 1
        fundet = next((f for f in fundne if owner_matches(f, g["owner"])), None)
        if fundet is not None:
            fundne.remove(fundet)
            t.opgaver_found += 1


def evaluate_nlp(par: list[tuple[Referat, dict]], kinds: dict[str, str] | None = None,
                 t: Counts | None = None) -> Counts:
    """Compare enriched referater with their gold files; ``kinds`` maps gold owner strings to their kind."""
    t = t or Counts()
    for referat, guld in par:
        items = {item["number"]: item for item in guld["items"]}
        punkter = {p.nummer: p for p in referat.punkter}
        for nummer in {**items, **punkter}:  # a gold item the parser did not find is all misses
            punkt = punkter.get(nummer, Punkt(nummer, "", "andet"))
            item = items.get(nummer, {"deadlines": [], "assignments": []})
            _pair_frister(punkt, item, t, referat.kilde, kinds or {})
            _pair_opgaver(punkt, item, t)
    return t


def format_nlp(t: Counts) -> list[str]:
    """The report lines ``make eval`` prints for the examples' gold."""
    opg = t.opgaver_found / t.opgaver_gold if t.opgaver_gold else 0.0
    return [
        f"frister: predicted {t.predicted}, correct {t.correct}, "
        f"certain gold {t.gold_certain}, found {t.found_certain}",
        f"frister: precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  (target F1 >= 0.93)",
        f"frister: precision name right on {t.precision_name_right}/{t.correct} correct deadlines",
        f"ansvarlig: right on {t.owner_right}/{t.owner_gold} correct deadlines with a gold owner = "
        f"{t.owner_accuracy:.3f} (target >= 0.90)",
        f"opgaver: recall {t.opgaver_found}/{t.opgaver_gold} = {opg:.3f} (target >= 0.80)",
    ]


def _enriched(path: Path):
    from ..ingest import load_tekst
    from ..parsers import parse_tekst
    from . import enrich

    return enrich(parse_tekst(load_tekst(path)))


def _example_pairs(gold_paths: list[Path], examples: Path) -> list[tuple[Referat, dict]]:
    guld = [json.loads(path.read_text(encoding="utf-8")) for path in gold_paths]
    return [(_enriched(examples / g["file"]), g) for g in guld]


def nlp_report(gold_paths: list[Path], examples: Path) -> list[str]:
    """Enrich the example referat of every gold file and report the metrics (for ``make eval``)."""
    return format_nlp(evaluate_nlp(_example_pairs(gold_paths, examples)))


def owner_kinds(readme: Path) -> dict[str, str]:
    """Owner string → kind, from the table at the end of the development set's README."""
    return {x["owner"]: x["kind"] for x in KIND_ROW.finditer(readme.read_text(encoding="utf-8"))}


def split(stems: list[str]) -> dict[str, str]:
    """The fixed split, chosen before any result was seen: sorted by file name, the 1st, 3rd, 5th and
    7th meeting are tuned on, the 2nd, 4th, 6th and 8th are held out (only their figures are read)."""
    return {stem: ("tunet" if i % 2 == 0 else "holdt ude") for i, stem in enumerate(sorted(stems))}


def evaluate_dev_set(folder: Path = DEV_SET) -> dict[str, Counts]:
    """Counts per half of the split and in all, on every meeting of the development set."""
    kinds = owner_kinds(folder / "README.md")
    paths = {p.name.removesuffix(".gold.json"): p for p in folder.glob("*.gold.json")}
    halves = {"tunet": Counts(), "holdt ude": Counts(), "i alt": Counts()}
    for stem, half in split(list(paths)).items():
        guld = json.loads(paths[stem].read_text(encoding="utf-8"))
        referat = _enriched(folder / guld["file"])
        evaluate_nlp([(referat, guld)], kinds, halves[half])
        evaluate_nlp([(referat, guld)], kinds, halves["i alt"])
    return halves


def _row(name: str, t: Counts) -> str:
    return (f"{name:<28} {t.predicted:>5} {t.correct:>5} {t.found_certain:>4}/{t.gold_certain:<4} "
            f"{t.precision:>5.2f} {t.recall:>5.2f} {t.f1:>5.2f} {t.owner_right:>5}/{t.owner_gold:<4} "
            f"{t.owner_accuracy:>5.2f}")


def _kind_rows(name: str, t: Counts) -> list[str]:
    rows = []
    for kind, k in sorted(t.kinds.items()):
        ejer = f"{k.owner_right:>3}/{k.owner_gold:<3} type {k.type_right:>3}/{k.owner_gold:<3}" if k.owner_gold else ""
        rows.append(f"  {name:<10} {kind:<9} fundet {k.found_certain:>3}/{k.gold_certain:<3} ansvarlig {ejer}")
    return rows


def dev_set_report(examples: list[Path], examples_dir: Path, folder: Path = DEV_SET,
                   verbose: bool = False) -> list[str]:
    """Deadline P/R/F1 and owner accuracy on the examples' gold and on each half of the development set,
    overall and by owner kind; with ``verbose``, the misses of the tuned half only."""
    if not folder.is_dir():
        return [f"{folder}: findes ikke; frister og ansvarlige på rigtige møder scores kun når den er der"]
    halves = {"eksempler (guld)": evaluate_nlp(_example_pairs(examples, examples_dir)), **evaluate_dev_set(folder)}
    lines = [f"frister og ansvarlige: eksemplernes guld og {folder} (delt: 1., 3., 5., 7. fil tunet; resten holdt ude)",
             f"{'':<28} {'fundet':>5} {'rigtig':>5} {'sikre':>9} {'P':>5} {'R':>5} {'F1':>5} {'ansvarlig':>10} {'andel':>5}"]
    lines += [_row(name, t) for name, t in halves.items()]
    for name in ("tunet", "holdt ude"):
        lines += _kind_rows(name, halves[name])
    if verbose:
        lines += [f"    {p}" for p in halves["tunet"].problems]
    return lines
