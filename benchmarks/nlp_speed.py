"""How fast the NLP stage alone runs on the example referater (a benchmark, not a test).

    python benchmarks/nlp_speed.py [--rounds 10] [--repeat 5]

Parses the examples once, then times ``enrich`` (the spaCy pipeline with the referat components)
over all of them, single process, and prints words per second. Target: >= 30 000 words/s.
"""

from __future__ import annotations

import argparse
import statistics
import time

from referater import EXAMPLES
from referater.ingest import find_documents, load_tekst
from referater.nlp import enrich, load_pipeline
from referater.parsers import parse_tekst



def words(referat) -> int:
    return sum(len(a.tekst.split()) for p in referat.punkter for a in p.afsnit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="passes over the examples per repeat")
    parser.add_argument("--repeat", type=int, default=5, help="repeats; the machine is shared, so best and median")
    args = parser.parse_args()
    referater = [parse_tekst(load_tekst(path)) for path in find_documents([EXAMPLES])]
    nlp = load_pipeline()
    for referat in referater:  # warm up caches (compiled patterns, vocab)
        enrich(referat, nlp)
    total = sum(map(words, referater)) * args.rounds
    rates = sorted(total / timed(referater, nlp, args.rounds) for _ in range(args.repeat))
    print(f"{len(referater)} referater, {total} words per repeat: best {rates[-1]:,.0f} words/s, "
          f"median {statistics.median(rates):,.0f} words/s (target >= 30,000)")


def timed(referater, nlp, rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for referat in referater:
            enrich(referat, nlp)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
