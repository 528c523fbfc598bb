"""Build the ≈ 1 M-punkt database of `make bench-full` once, with the real reader, parser and writer.

    python -m benchmarks.big DB CORPUS [--jobs 2] [--nlp]

The NLP stage costs ≈ 14 µs per word (73 000 words per CPU second): for the 653 M words of the full
corpus that is ≈ 2.5 hours of both cores of a 2-core machine, on top of ≈ 1 hour for reading, parsing
and writing. Without ``--nlp`` the referater go to the writer as the parser made them (no frister or
opgaver), which is the same database a real ingest gives in every table but frist, opgave and person.

With ``--bulk`` the writer writes the rows only: the derived search and facet structures (the FTS
indexes, the vocabulary, the facet counts and the facet indexes) are dropped before the load and built
once after it by ``ensure_shape``, as for any database that lacks them: the same contents, built in
one pass instead of row by row (which, on a shared 2-core machine, made the writer the bottleneck at
about 2 referater per second). The FTS indexes come out as fewer, larger segments than a row-by-row
build leaves. Progress goes to stderr every 500 referater.
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


# What ensure_shape rebuilds from the rows: dropped before a bulk load (triggers go with their tables).
DERIVED_TABLES = ("punkt_fts", "punkt_titel_fts", "soegeord_fts", "soegeord", "facet_antal")
DERIVED_TRIGGERS = ("punkt_ai", "punkt_ad", "punkt_au", "punkt_titel_fts_ai", "punkt_titel_fts_ad",
                    "punkt_titel_fts_au", "punkt_facet_ai", "punkt_facet_ad", "punkt_facet_au", "frist_facet_ai",
                    "frist_facet_ad", "frist_facet_au")  # fmt: skip


def drop_derived(db) -> None:
    """Leave the rows and the lookup indexes the writer needs; drop what ensure_shape rebuilds from them."""
    for name in DERIVED_TRIGGERS:
        db.execute(f"drop trigger if exists [{name}]")
    for name in DERIVED_TABLES:
        db.execute(f"drop table if exists [{name}]")
    for table, columns in store.FACETS.items():
        for column in columns:
            db.execute(f"drop index if exists [idx_{table}_{column}_dato]")
    store.index_words = lambda db, rows: None  # the vocabulary is built from punkt afterwards


def build(db_path: Path, files: list[Path], jobs: int = 2, nlp: bool = False, bulk: bool = False) -> dict:
    """Ingest files into db_path (forked workers inherit the choice of NLP stage); seconds and counts."""
    if not nlp:
        pipeline.enrich = without_nlp
    db, start, done, failed = store.open_db(db_path), time.perf_counter(), 0, 0
    if bulk:
        drop_derived(db)
    for result in pipeline.ingest_files(db, files, jobs=jobs):
        done, failed = done + 1, failed + (result.status == "failed")
        if done % 500 == 0:
            rate = done / (time.perf_counter() - start)
            print(f"[{time.strftime('%H:%M:%S')}] {done}/{len(files)} referater, {rate:.1f}/s", file=sys.stderr,
                  flush=True)  # fmt: skip
    loaded = time.perf_counter() - start
    if bulk:
        print(f"[{time.strftime('%H:%M:%S')}] rows loaded; building the derived indexes", file=sys.stderr, flush=True)
        store.ensure_shape(db)
    seconds = time.perf_counter() - start
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    punkter = db["punkt"].count
    db.close()
    return {"sekunder": seconds, "indlaest_sekunder": loaded, "filer": len(files), "fejlet": failed,
            "punkter": punkter, "nlp": nlp, "bulk": bulk}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("corpus", type=Path, help="a generated corpus (its txt/ folder is read)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--nlp", action="store_true", help="run the NLP stage too (hours at 1 M punkter)")
    parser.add_argument("--bulk", action="store_true", help="build the search and facet structures after the load")
    args = parser.parse_args(argv)
    print(build(args.db, sorted((args.corpus / "txt").rglob("*.txt")), args.jobs, args.nlp, args.bulk))


if __name__ == "__main__":
    main()
