"""`make fuzz`: mutated referater through every step of ingest, counting the exceptions that escape.

Inputs are mutations (``fuzz/mutate.py``) of the examples, the test layouts and, when the folder is
there, ``../shared/real``. Each goes through what ``referater ingest`` does to a file — reading the
bytes, parsing, NLP, writing into a database (in memory) — without the pipeline's safety net: a
ReferatError is a refusal with its one line (expected), any other exception has escaped and is listed
with where it was raised and the input's number; ``--show N`` prints that input.

    python -m fuzz.run [--inputs 10000] [--seed 0] [--jobs 2] [--show N]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import traceback
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path

import sqlite_utils

from fuzz.mutate import mutate
from referater import db as store
from referater.errors import ReferatError
from referater.ingest import find_documents, load_tekst
from referater.models import Dokument
from referater.nlp import enrich, load_pipeline
from referater.stored import payload_from_dokument, referat_from_stored

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "examples", ROOT / "tests" / "data" / "layouts", ROOT.parent / "shared" / "real"]
EXAMPLE_SHARE = 2  # every second input is a mutated example: full-length referater reach every step
CHUNK = 25  # inputs per task sent to a worker


@dataclass(frozen=True)
class Source:
    name: str
    format: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    """What inputs are mutated from: the examples, every other document, and every line to borrow."""

    examples: tuple[Source, ...]
    others: tuple[Source, ...]
    lines: tuple[str, ...]


def read_corpus(folders: tuple[Path, ...]) -> Corpus:
    """The text documents in the folders that exist; the first folder holds the examples."""
    found = [path for folder in folders if folder.is_dir() for path in find_documents([folder]) if path.suffix != ".pdf"]
    sources = []
    for path in found:
        tekst = load_tekst(path)
        sources.append(Source(path.name, tekst.format, tuple(tekst.tekst.split("\n"))))
    return Corpus(tuple(s for s, path in zip(sources, found) if path.parent == folders[0]),
                  tuple(s for s, path in zip(sources, found) if path.parent != folders[0]),
                  tuple(sorted({line for source in sources for line in source.lines})))  # fmt: skip


@lru_cache(maxsize=1)
def corpus() -> Corpus:
    return read_corpus(tuple(FOLDERS))


def fuzz_input(index: int, seed: int) -> Dokument:
    """Input number ``index``: the same bytes for the same seed on every machine (given the same folders)."""
    found = corpus()
    pool = found.examples if index % EXAMPLE_SHARE == 0 or not found.others else found.others
    source = pool[(index // EXAMPLE_SHARE) % len(pool)]
    return dokument_of(source, mutate(source.lines, random.Random(f"{seed}/{index}").randrange, found.lines))


def dokument_of(source: Source, lines: list[str]) -> Dokument:
    """The mutated lines as the bytes of a file named like the source."""
    data = "\n".join(lines).encode("utf-8")
    return Dokument(f"fuzz/{source.name}", data, hashlib.sha256(data).hexdigest(), source.format)


def feed(dokument: Dokument, db: sqlite_utils.Database) -> str:
    """Every step of ingest for one document: "stored" or "refused"; any other exception propagates."""
    try:
        payload = payload_from_dokument(dokument)
        referat = enrich(referat_from_stored(dokument.format, payload, dokument.kilde, dokument.sha256),
                         load_pipeline())  # fmt: skip
        store.save_referat(db, referat, payload)
    except ReferatError:
        return "refused"
    return "stored"


def where(error: BaseException) -> str:
    """ "ValueError at referater/nlp/components.py:61": the innermost frame in our code."""
    frames = traceback.extract_tb(error.__traceback__)
    frame = ([f for f in frames if "/referater/" in f.filename] or frames)[-1]
    path = Path(frame.filename)
    return f"{type(error).__name__} at {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{frame.lineno}"


_db: sqlite_utils.Database | None = None


def run_chunk(task: tuple[int, int, int]) -> list[tuple[int, str]]:
    """Inputs ``start`` to ``stop`` of a seed: (index, "stored" | "refused" | "escaped: <where>")."""
    global _db
    start, stop, seed = task
    _db = _db or store.open_db(":memory:")
    results = []
    for index in range(start, stop):
        try:
            results.append((index, feed(fuzz_input(index, seed), _db)))
        except Exception as error:  # noqa: BLE001 - counting them is the point
            results.append((index, f"escaped: {where(error)}"))
    return results


def run(inputs: int, seed: int, jobs: int) -> Counter:
    """Feed ``inputs`` mutated referater; print a summary line, and one line per kind of escape."""
    tasks = [(start, min(start + CHUNK, inputs), seed) for start in range(0, inputs, CHUNK)]
    outcomes, first = Counter(), {}
    with Pool(jobs) as pool:
        for chunk in pool.imap_unordered(run_chunk, tasks):
            for index, outcome in chunk:
                outcomes[outcome] += 1
                first[outcome] = min(first.get(outcome, index), index)
    escaped = {outcome: n for outcome, n in outcomes.items() if outcome.startswith("escaped")}
    found = corpus()
    print(f"fuzz: {inputs} inputs from {len(found.examples) + len(found.others)} documents (seed {seed}): "
          f"{outcomes['stored']} stored, {outcomes['refused']} refused with a ReferatError, "
          f"{sum(escaped.values())} escaped exceptions")
    for outcome, n in sorted(escaped.items(), key=lambda item: -item[1]):
        print(f"  {n} × {outcome[len('escaped: '):]} (first: --show {first[outcome]} --seed {seed})")
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fuzz the ingest pipeline with mutated referater.")
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, help="print input number N (of --seed) and stop")
    args = parser.parse_args(argv)
    if args.show is not None:
        dokument = fuzz_input(args.show, args.seed)
        print(f"# {dokument.kilde}\n{dokument.data.decode('utf-8')}")
        return 0
    outcomes = run(args.inputs, args.seed, args.jobs)
    return 1 if any(outcome.startswith("escaped") for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
