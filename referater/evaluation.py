"""`make eval`: what the parser gets right, measured against the hand-annotated referater.

Run as ``python -m referater.evaluation [GOLD_DIR ...]``; prints one line per file and a total.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .ingest import load_tekst
from .parsers import parse_tekst

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT / "tests" / "data" / "gold", ROOT / "tests" / "data" / "expected"]
EXAMPLES = ROOT / "examples"
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
    dirs = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or DEFAULT_DIRS
    rows = [evaluate_file(path) for folder in dirs for path in sorted(folder.glob("*.json"))]
    print(f"{'fil':32} {'punkter':>12} {'felter':>14} {'møde':>6}")
    for r in rows:
        print(f"{r['file']:32} {r['found']:>4} af {r['expected']:<4} {r['fields']:>5} af {r['of']:<5}"
              f" {r['meeting']}/{r['meeting_of']}")  # fmt: skip
    fields, of = sum(r["fields"] for r in rows), sum(r["of"] for r in rows)
    print(f"{'i alt':32} {sum(r['found'] for r in rows):>4} af {sum(r['expected'] for r in rows):<4} "
          f"{fields:>5} af {of:<5} ({fields / of:.1%} af felterne)")  # fmt: skip


if __name__ == "__main__":
    main()
