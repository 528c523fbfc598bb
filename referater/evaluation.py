"""`make eval`: what the parser gets right, measured against the hand-annotated referater.

Run as ``python -m referater.evaluation [-v] [--tunet] [GOLD_DIR ...]``; prints one line per file and a total,
then the layouts, the deadlines and owners, and the shared corpora when ../shared is there.
-v lists every document of ../shared/real; --tunet prints the tuned half's deadlines and owners entry by entry.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import EXAMPLES
from .errors import ReferatError
from .evaluation_exports import main as exports_main
from .evaluation_real import main as real_main
from .ingest import load_tekst
from .layout_result import layout_result
from .nlp.evaluation import dev_set_report, nlp_report, tuned_report
from .parsers import parse_tekst

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT / "tests" / "data" / "gold", ROOT / "tests" / "data" / "expected"]
LAYOUTS = ROOT / "tests" / "data" / "layouts"
GOLD_TYPE_NAMES = {"temadrøftelse": "temadroeftelse"}
# Gold key → how to read the same field from a parsed Punkt.
FIELDS = {
    "title": lambda p: p.titel,
    "item_type": lambda p: p.type,
    "case_number": lambda p: p.sagsnummer.raw if p.sagsnummer else None,
    "proposer": lambda p: p.indstiller,
    "recommendations": lambda p: list(p.indstillinger),
    "time_allocation_minutes": lambda p: p.tidsramme_min,
    "outcome": lambda p: p.udfald,
    "attachments": lambda p: list(p.bilag),
}
MEETING = {"forum": "forum", "date": "dato", "start_time": "starttid", "location": "sted"}


def evaluate_file(path: Path) -> dict:
    """Counts for one annotation file: punkter expected/found and fields matched."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    referat = parse_tekst(load_tekst(EXAMPLES / gold["file"]))
    by_number = {p.nummer: p for p in referat.punkter}
    matched = total = 0
    for item in gold["items"]:
        punkt = by_number.get(item["number"])
        for key, read in FIELDS.items():
            total += 1
            expected = GOLD_TYPE_NAMES.get(item[key], item[key]) if key == "item_type" else item[key]
            matched += punkt is not None and read(punkt) == expected
    meeting_ok = sum(getattr(referat, ours) == gold["meeting"][key] for key, ours in MEETING.items())
    return {"file": gold["file"], "expected": len(gold["items"]), "found": len(referat.punkter),
            "fields": matched, "of": total, "meeting": meeting_ok, "meeting_of": len(MEETING)}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    if unknown := [a for a in args if a.startswith("-") and a not in {"-v", "--tunet"}]:
        print(__doc__.strip() if {"-h", "--help"} & set(unknown) else f"ukendt tilvalg {unknown[0]}: se --help")
        return
    verbose = "-v" in args
    if "--tunet" in args:  # the owners and deadlines of the tuned half only, per entry
        gold_dirs = [Path(a) for a in args if not a.startswith("-")] or DEFAULT_DIRS
        gold = [p for d in gold_dirs for p in sorted(d.glob("*.json")) if "deadlines" in p.read_text()]
        print("\n".join(tuned_report(gold, EXAMPLES)))
        return
    dirs = [Path(a) for a in args if a != "-v"] or DEFAULT_DIRS
    rows = [evaluate_file(path) for folder in dirs for path in sorted(folder.glob("*.json"))]
    print(f"{'fil':32} {'punkter':>12} {'felter':>14} {'møde':>6}")
    for r in rows:
        print(f"{r['file']:32} {r['found']:>4} af {r['expected']:<4} {r['fields']:>5} af {r['of']:<5}"
              f" {r['meeting']}/{r['meeting_of']}")  # fmt: skip
    fields, of = sum(r["fields"] for r in rows), sum(r["of"] for r in rows)
    print(f"{'i alt':32} {sum(r['found'] for r in rows):>4} af {sum(r['expected'] for r in rows):<4} "
          f"{fields:>5} af {of:<5} ({fields / of:.1%} af felterne)")  # fmt: skip
    print()
    print_layout_metrics(LAYOUTS)
    gold_files = [path for folder in dirs for path in sorted(folder.glob("*.json")) if "deadlines" in path.read_text()]
    if gold_files:  # frister, ansvarlige and opgaver against the hand-annotated gold
        print()
        print("\n".join(nlp_report(gold_files, EXAMPLES)))
        print("\n" + "\n".join(dev_set_report(gold_files, EXAMPLES, verbose=verbose)))  # ../shared/real/frister
    print()
    real_main(["-v"] if verbose else [])  # ../shared/real, when it is there
    print()
    exports_main([])  # ../shared/agenda-exports, when it is there


def layout_files(folder: Path) -> list[Path]:
    """The test referater that have a hand-written expectation beside them (.txt and .md exports)."""
    files = (path for path in folder.iterdir() if path.suffix in {".txt", ".md"})
    return sorted(path for path in files if path.with_suffix(".expected.json").exists())


def evaluate_layout(path: Path) -> dict:
    """Per-layout counts against the hand-written expectation: punkter, titles, case numbers, decisions."""
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))["punkter"]
    try:
        found = layout_result(parse_tekst(load_tekst(path)))["punkter"]
    except ReferatError:
        found = []
    by_number = {punkt_key(i, punkt): punkt for i, punkt in enumerate(found)}
    pairs = [(want, by_number.get(punkt_key(i, want))) for i, want in enumerate(expected)]
    with_decision = [want for want in expected if want["beslutning"] is not None]
    return {
        "file": path.stem, "expected": len(expected), "found": len(found),
        "titles": sum(got is not None and got["titel"] == want["titel"] for want, got in pairs),
        "sager": sum(got is not None and got["sagsnummer"] == want["sagsnummer"] for want, got in pairs),
        "decisions": sum(got is not None and got["beslutning"] == want["beslutning"] for want, got in pairs
                         if want["beslutning"] is not None),
        "decisions_of": len(with_decision),
        "udfald": sum(got is not None and got["udfald"] == want["udfald"] for want, got in pairs),
    }  # fmt: skip


def punkt_key(position: int, punkt: dict) -> int | str:
    """A punkt's number, or for one printed without a number its place."""
    return punkt["nummer"] if punkt["nummer"] is not None else f"#{position}"


def print_layout_metrics(folder: Path) -> list[dict]:
    """One line per test layout: punkter expected vs found, titles and case numbers exact, decisions found."""
    rows = [evaluate_layout(path) for path in layout_files(folder)]
    print(f"{'layout':34} {'punkter':>10} {'titler':>7} {'sagsnr':>7} {'beslutn.':>9} {'udfald':>7}")
    for r in rows:
        print(f"{r['file']:34} {r['found']:>3} af {r['expected']:<3} {r['titles']:>3}/{r['expected']:<3} "
              f"{r['sager']:>3}/{r['expected']:<3} {r['decisions']:>4}/{r['decisions_of']:<4} "
              f"{r['udfald']:>3}/{r['expected']:<3}")  # fmt: skip
    total = {key: sum(r[key] for r in rows) for key in ("expected", "found", "titles", "sager", "decisions",
                                                         "decisions_of", "udfald")}  # fmt: skip
    print(f"{'i alt':34} {total['found']:>3} af {total['expected']:<3} {total['titles']:>3}/{total['expected']:<3} "
          f"{total['sager']:>3}/{total['expected']:<3} {total['decisions']:>4}/{total['decisions_of']:<4} "
          f"{total['udfald']:>3}/{total['expected']:<3}")  # fmt: skip
    return rows


if __name__ == "__main__":
    main()
