"""Scores on the development corpus of real referater (``../shared/real``), as its README describes.

Run as ``python -m referater.evaluation_real [-v [--tunet]] [FOLDER]``; ``make eval`` runs it when the folder is
there. The project never needs the corpus: without it this prints one line and returns.

Five figures, for each half of the fixed split (odd file numbers tuned on, even ones held out):
documents rejected, punkt segmentation P/R/F1, titles exact, case numbers exact, decisions found.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReferatError
from .ingest import load_tekst
from .models import Punkt
from .parsers import parse_tekst

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real"
# Decorations an evaluator drops from both titles: a trailing sagstype marker, a leading route prefix.
TRAILING_MARKER = re.compile(r"\s*\((?:B|O|Lukket|lukket|LUKKET|Fortrolig|bevilling)\)\s*$")
ROUTE_PREFIX = re.compile(r"^(?:[A-ZÆØÅ]{1,5}/)*[A-ZÆØÅ]{1,5}\s+-\s+")
# A leading attendance note that a decision text may or may not include.
ATTENDANCE = re.compile(r"^(?:(?:Fraværende|Afbud|Fravær)\s*:[^.]*\.|[^.]{0,80}?\bvar fraværende\.)\s*", re.I)


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def bare_title(title: str | None) -> str:
    return ROUTE_PREFIX.sub("", TRAILING_MARKER.sub("", norm(title)))


@dataclass
class Score:
    """Counts for one document (or a sum of documents)."""

    documents: int = 0
    rejected: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    titles: int = 0
    titles_of: int = 0
    cases: int = 0
    cases_of: int = 0
    decisions: int = 0
    decisions_of: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if name != "misses":
                setattr(self, name, getattr(self, name) + value)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_items(items: list[dict], punkter: list[Punkt]) -> list[Punkt | None]:
    """For each gold item its punkt: by number, else by title, else (neither printed) by position."""
    by_number = {p.nummer: p for p in punkter if p.nummer is not None}
    by_title = {bare_title(p.titel): p for p in punkter if p.titel}
    found: list[Punkt | None] = []
    for item in items:
        if item["number"] is not None:
            found.append(by_number.get(item["number"]))
        elif item["title"] is not None:
            found.append(by_title.get(bare_title(item["title"])))
        else:
            index = item["position"] - 1
            found.append(punkter[index] if index < len(punkter) else None)
    return found


def title_ok(item: dict, punkt: Punkt) -> bool:
    want, got = bare_title(item["title"]), bare_title(punkt.titel)
    return got == want or (item["truncated"] and got.startswith(want))


def case_ok(item: dict, punkt: Punkt) -> bool:
    if punkt.sagsnummer is None:
        return False
    want, got = norm(item["case_number"]), norm(punkt.sagsnummer.raw)
    return got in {want, want.rsplit(" - ", 1)[-1]}


def decision_ok(item: dict, punkt: Punkt) -> bool:
    text, excerpt = norm(punkt.beslutning), item["decision_excerpt"]
    return excerpt in text or ATTENDANCE.sub("", excerpt) in text


def score_document(gold: dict, text_path: Path) -> Score:
    """Parse one corpus text and score it against its gold."""
    items = gold["items"]
    score = Score(documents=1, gold=len(items))
    try:
        punkter = list(parse_tekst(load_tekst(text_path)).punkter)
    except ReferatError as error:
        score.rejected = 1
        score.misses.append(f"afvist: {error}")
        punkter = []
    matches = match_items(items, punkter)
    matched_ids = {id(p) for p in matches if p is not None}
    score.predicted = sum(id(p) in matched_ids or not p.lukket for p in punkter)
    score.matched = len(matched_ids)
    for item, punkt in zip(items, matches):
        label = f"punkt {item['position']} (nr. {item['number']})"
        if punkt is None:
            score.misses.append(f"{label}: ikke fundet")
        checks = [
            ("titel", item["title"] is not None, lambda: title_ok(item, punkt), punkt and punkt.titel, item["title"]),
            ("sagsnr", item["case_number"] is not None, lambda: case_ok(item, punkt),
             punkt and punkt.sagsnummer and punkt.sagsnummer.raw, item["case_number"]),
            ("beslutning", item["has_beslutning"] and not item["truncated"], lambda: decision_ok(item, punkt),
             punkt and norm(punkt.beslutning)[:100], item["decision_excerpt"]),
        ]  # fmt: skip
        for name, applies, ok, got, want in checks:
            if not applies:
                continue
            right = punkt is not None and ok()
            counted = {"titel": "titles", "sagsnr": "cases", "beslutning": "decisions"}[name]
            setattr(score, counted, getattr(score, counted) + right)
            setattr(score, f"{counted}_of", getattr(score, f"{counted}_of") + 1)
            if punkt is not None and not right:
                score.misses.append(f"{label}: {name} {got!r} ≠ {want!r}")
    extra = [p for p in punkter if id(p) not in matched_ids and not p.lukket]
    score.misses += [f"ekstra punkt {p.nummer}: {p.titel!r}" for p in extra]
    return score


def held_out(stem: str) -> bool:
    """The fixed split: odd file numbers (a01, a03, …) are tuned on, even ones are held out."""
    return int(re.match(r"[a-z](\d+)", stem).group(1)) % 2 == 0


def score_folder(folder: Path) -> dict[str, tuple[Score, bool]]:
    return {
        gold_path.name.removesuffix(".gold.json"): (
            score_document(json.loads(gold_path.read_text(encoding="utf-8")), gold_path.with_suffix("").with_suffix(".txt")),
            held_out(gold_path.name),
        )
        for gold_path in sorted(folder.glob("*.gold.json"))
    }  # fmt: skip


def summary_line(name: str, s: Score) -> str:
    return (f"{name:<20} {s.documents:>4} {s.rejected:>7} {s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
            f" {s.titles:>4}/{s.titles_of:<4} {s.cases:>4}/{s.cases_of:<4} {s.decisions:>4}/{s.decisions_of:<4}")  # fmt: skip


def report(folder: Path, verbose: bool = False, tuned_only: bool = False) -> list[str]:
    """The five figures per half of the split and in all; with verbose, every document and miss.

    With tuned_only, the per-document lines show only the tuned half, so the held-out half stays unread.
    """
    scores = score_folder(folder)
    halves = {"tunet (ulige)": Score(), "holdt ude (lige)": Score(), "i alt": Score()}
    for score, out in scores.values():
        halves["holdt ude (lige)" if out else "tunet (ulige)"].add(score)
        halves["i alt"].add(score)
    lines = [f"rigtige referater i {folder} (segmentering P/R/F1; titler, sagsnumre, beslutninger rigtige)",
             f"{'':<20} {'dok':>4} {'afvist':>7} {'P':>6} {'R':>6} {'F1':>6} {'titler':>9} {'sagsnr':>9} {'beslutn.':>9}"]  # fmt: skip
    if verbose:
        for stem, (score, out) in scores.items():
            if out and tuned_only:
                continue
            lines.append(summary_line(stem[:20], score))
            lines += [f"    {miss}" for miss in score.misses]
    lines += [summary_line(name, score) for name, score in halves.items()]
    return lines


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    verbose, tuned_only = "-v" in args, "--tunet" in args
    folders = [Path(a) for a in args if a not in {"-v", "--tunet"}] or [REAL]
    for folder in folders:
        if not folder.is_dir():
            print(f"{folder}: findes ikke; de rigtige referater scores kun når ../shared/real er der")
            continue
        print("\n".join(report(folder, verbose, tuned_only)))


if __name__ == "__main__":
    main()
