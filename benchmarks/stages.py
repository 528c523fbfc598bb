"""CPU seconds per ingest stage, for before/after comparisons of the ingest path.

    python -m benchmarks.stages CORPUS_DIR [--limit N]

Runs read → decode → parse → NLP → write for each text file in one process, timing each stage with
process_time (CPU time, so other load on a shared machine disturbs it little), and compares the write
time of the last tenth of the documents with the first tenth: a ratio well above 1 means ingest slows
as the database grows. Run it with PYTHONPATH pointing at another checkout to measure that version.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from referater import db as store
from referater.ingest import read_document, to_tekst
from referater.nlp import enrich
from referater.parsers import parse_tekst

STAGES = ("read", "decode", "parse", "nlp", "write")


def run_stages(files: list[Path], db_path: Path) -> dict:
    db, totals, writes, words = store.open_db(db_path), dict.fromkeys(STAGES, 0.0), [], 0
    for path in files:
        value = path
        for stage, function in zip(STAGES, (read_document, to_tekst, parse_tekst, enrich)):
            start = time.process_time()
            value = function(value)
            totals[stage] += time.process_time() - start
            words += len(value.tekst.split()) if stage == "decode" else 0
        start = time.process_time()
        store.save_referat(db, value)
        writes.append(time.process_time() - start)
    totals["write"] = sum(writes)
    tenth = max(1, len(writes) // 10)
    return {"files": len(files), "words": words, "cpu_s": totals, "total_cpu_s": sum(totals.values()),
            "words_per_cpu_s": words / sum(totals.values()),
            "write_growth": sum(writes[-tenth:]) / max(sum(writes[:tenth]), 1e-9)}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a generated corpus (its txt/ folder is read)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    args = parser.parse_args(argv)
    files = sorted((args.corpus / "txt").rglob("*.txt"))[: args.limit or None]
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(run_stages(files, Path(tmp) / "stages.db"), indent=2))


if __name__ == "__main__":
    main()
