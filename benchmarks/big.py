"""Build the ≈ 1 M-punkt database of `make bench-full` once, with the real reader, parser and writer.

    python -m benchmarks.big DB CORPUS [--jobs 2] [--nlp]

The NLP stage costs ≈ 14 µs per word (73 000 words per CPU second): for the 653 M words of the full
corpus that is ≈ 2.5 hours of both cores of a 2-core machine, on top of ≈ 1 hour for reading, parsing
and writing. Without ``--nlp`` the referater go to the writer as the parser made them (no frister or
opgaver), which is the same database a real ingest gives in every table but frist, opgave and person.
Progress goes to stderr every 500 referater.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from referater import db as store
from referater import pipeline


def without_nlp(referat, nlp=None):
    """The NLP stage left out: the referat as the parser made it."""
    return referat


def build(db_path: Path, files: list[Path], jobs: int = 2, nlp: bool = False) -> dict:
    """Ingest files into db_path (forked workers inherit the choice of NLP stage); seconds and counts."""
    if not nlp:
        pipeline.enrich = without_nlp
    db, start, done, failed = store.open_db(db_path), time.perf_counter(), 0, 0
    for result in pipeline.ingest_files(db, files, jobs=jobs):
        done, failed = done + 1, failed + (result.status == "failed")
        if done % 500 == 0:
            rate = done / (time.perf_counter() - start)
            print(f"[{time.strftime('%H:%M:%S')}] {done}/{len(files)} referater, {rate:.1f}/s", file=sys.stderr,
                  flush=True)  # fmt: skip
    seconds = time.perf_counter() - start
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    punkter = db["punkt"].count
    db.close()
    return {"sekunder": seconds, "filer": len(files), "fejlet": failed, "punkter": punkter, "nlp": nlp}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("corpus", type=Path, help="a generated corpus (its txt/ folder is read)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--nlp", action="store_true", help="run the NLP stage too (hours at 1 M punkter)")
    args = parser.parse_args(argv)
    print(build(args.db, sorted((args.corpus / "txt").rglob("*.txt")), args.jobs, args.nlp))


if __name__ == "__main__":
    main()
