"""`make bench`: every figure of the performance issue, measured in one run, printed as one table.

    python -m benchmarks.run            # default size, under 10 minutes on 2 cores
    python -m benchmarks.run --full     # adds search and size at ≈ 1 M punkter (20 000 referater)

Corpora are generated under --work (kept between runs, keyed by size and seed); databases are made
fresh each run. The table is also written as JSON to <work>/bench.json for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path

from benchmarks import big, measure
from referater import db as store
from benchmarks.generate import generate, render_subset

BEFORE = Path(__file__).parent / "storage_before.json"  # sizes of release 0.1.0's schema, same corpus
SIZE_TARGET_MB = 12

# Sizes in referater; "punkter" is the mean per referat. RSS compares a small and a large ingest of short
# referater (2–3 punkter): memory must not grow with the number of documents, and short ones keep it quick.
DEFAULT = {"referater": 100, "punkter": 50, "pdf": 12, "rss": (100, 5000), "rss_punkter": 2, "stor": None,
           "rounds": 2}
FULL = {**DEFAULT, "stor": 20000}
SEED = 7


def corpus(work: Path, referater: int, punkter: int, pdf: int = 0) -> Path:
    """Generate a corpus once; a finished one (corpus.json present) is reused."""
    out = work / f"corpus-{referater}x{punkter}-s{SEED}"
    done = out / "corpus.json"
    if done.exists() and json.loads(done.read_text()).get("pdf", 0) >= pdf:
        return out
    shutil.rmtree(out, ignore_errors=True)
    log(f"generating {referater} referater × ~{punkter} punkter in {out}")
    totals = generate(out, referater, punkter, SEED)
    if pdf:
        totals |= render_subset(out, pdf)
    done.write_text(json.dumps(totals, indent=2) + "\n", encoding="utf-8")
    return out


def fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def best_of(rounds: int, function, *args, **kwargs) -> dict:
    """The fastest of several runs: on a shared machine the minimum is the least disturbed."""
    runs = [function(*args, **kwargs) for _ in range(rounds)]
    return min(runs, key=lambda run: run["sekunder"])


def measure_ingest(work: Path, main: Path, rounds: int) -> dict:
    """Figures 1–4 and 7 on the main corpus: PDF vs pypdf, words/s, re-ingest, --jobs 2, size."""
    pdfs = sorted((main / "pdf").rglob("*.pdf"))
    texts = sorted((main / "txt").rglob("*.txt"))
    figures = {}
    log(f"1: bare pypdf vs ingest, interleaved per file, on {len(pdfs)} PDFs")
    figures["pdf"] = measure.pdf_vs_ingest(fresh(work / "pdf.db"), pdfs)
    log(f"2: parse + NLP on {len(texts)} text files")
    figures["parse"] = measure.parse_words(texts)
    log(f"3, 4: ingest --jobs 1, re-ingest, ingest --jobs 2; best of {rounds}")
    figures["jobs1"] = best_of(rounds, lambda: measure.ingest(fresh(work / "jobs1.db"), texts, jobs=1))
    figures["reingest"] = best_of(rounds, measure.ingest, work / "jobs1.db", texts, jobs=1)
    figures["jobs2"] = best_of(rounds, lambda: measure.ingest(fresh(work / "jobs2.db"), texts, jobs=2))
    figures["size"] = measure.db_size(work / "jobs1.db")
    return figures


def measure_search(work: Path, size: dict) -> dict:
    """Figure 5 (and 7 again) on the main database, or on the ≈ 1 M-punkt one with --full."""
    db_path, built = work / "jobs1.db", None
    if size["stor"]:
        stor = corpus(work, size["stor"], size["punkter"])
        db_path, expected = work / "stor.db", json.loads((stor / "corpus.json").read_text())["referater"]
        if not db_path.exists() or measure.db_size(db_path)["referater"] != expected:
            log(f"5: ingesting {size['stor']} referater for search at scale (long; see benchmarks/big.py)")
            built = big.build(fresh(db_path), sorted((stor / "txt").rglob("*.txt")), jobs=2, bulk=True)
        else:
            log(f"5: reusing {db_path} ({expected} referater, built by an earlier run)")
    log(f"5: search and faceted pages on {db_path.name}")
    store.open_db(db_path).close()  # a database built by an earlier version gets today's shape
    return {"fts": measure.fts_latency(db_path), "side": measure.datasette_page(db_path),
            "size_search": measure.db_size(db_path), "stor_ingest": built}  # fmt: skip


def measure_rss(work: Path, size: dict) -> dict:
    """Figure 6: peak RSS of a separate ingest process, small vs large corpus."""
    result = {}
    for count in size["rss"]:
        source = corpus(work, count, size["rss_punkter"])
        log(f"6: peak RSS of ingest of {count} referater")
        result[count] = measure.peak_rss(fresh(work / f"rss-{count}.db"), source / "txt")
    return result


def rows(f: dict) -> list[tuple[str, str, str, bool | None]]:
    """(figure, measured, target, met) for the table; met is None where there is no target."""
    pdf, pypdf = f["pdf"]["ingest_sider_per_s"], f["pdf"]["pypdf_sider_per_s"]
    pdf_ratio = pdf / pypdf
    parse, nlp_works = f["parse"], f["parse"]["nlp_fund"] > 0
    nlp = f"NLP {parse['nlp_ord_per_s']:,.0f}" if nlp_works else "NLP stage is a no-op"
    reingest = f["reingest"]["sekunder"] / f["jobs1"]["sekunder"]
    speedup = f["jobs1"]["sekunder"] / f["jobs2"]["sekunder"]
    fts, side, rss = f["fts"], f["side"], f["rss"]
    small, large = (rss[k]["rss_mb"] for k in sorted(rss))
    at = f"{f['size_search']['punkter']:,} punkter"
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    return [
        ("1 ingest ÷ bare pypdf (pages/s)",
         f"{pdf:,.0f} ÷ {pypdf:,.0f} = {pdf_ratio:.2f}", "≥ 0.5", pdf_ratio >= 0.5),
        ("2 parse + NLP, text (words/s)",
         f"{parse['ord_per_s']:,.0f} (parse {parse['parse_ord_per_s']:,.0f}; {nlp})", "NLP ≥ 30,000",
         parse["nlp_ord_per_s"] >= 30000 if nlp_works else None),
        ("3 re-ingest ÷ first ingest", f"{reingest:.4f}", "≤ 0.02", reingest <= 0.02),
        ("4 --jobs 2 speed-up over --jobs 1", f"{speedup:.2f}×", "≥ 1.7", speedup >= 1.7),
        (f"5 Danish search top 20, {at}", f"p50 {fts['p50_ms']:.1f} ms, p95 {fts['p95_ms']:.1f} ms",
         "p95 < 25 ms", fts["p95_ms"] < 25),
        ("5 (full ranking of every match)", f"p50 {fts['plain']['p50_ms']:.0f} ms, "
         f"max {fts['plain']['max_ms']:.0f} ms; same top 20 in {fts['plain']['same_top20']} of "
         f"{fts['plain']['queries']} queries", "all", fts["plain"]["same_top20"] == fts["plain"]["queries"]),
        (f"5 facet pages ({len(side['sider'])}), {at}", f"p50 {side['p50_ms']:.0f} ms, p95 {side['p95_ms']:.0f} ms",
         "p95 < 150 ms", side["p95_ms"] < 150),
        ("5 same pages, file opened immutable", f"p50 {side['immutable']['p50_ms']:.0f} ms, "
         f"p95 {side['immutable']['p95_ms']:.0f} ms", "p95 < 150 ms", side["immutable"]["p95_ms"] < 150),
        (f"6 peak RSS, ingest {' vs '.join(map(str, sorted(rss)))} referater",
         f"{small:.0f} MB vs {large:.0f} MB", "flat, < 300 MB", large < 300 and large < small * 1.5),
        ("7 database size per 1 000 punkter", f"{before['mb_per_1000']:.1f} MB before, "
         f"{f['size']['mb_per_1000']:.1f} MB now", f"≤ {SIZE_TARGET_MB} MB", f["size"]["mb_per_1000"] <= SIZE_TARGET_MB),
    ]  # fmt: skip


def size_table(after: dict) -> str:
    """MB per 1 000 punkter by table and index (FTS indexes with their shadow tables), before and after."""
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    old, new = before["tabeller_mb_per_1000"], after["tabeller_mb_per_1000"]
    names = sorted(set(old) | set(new), key=lambda n: -max(old.get(n, 0), new.get(n, 0)))
    shown = [n for n in names if max(old.get(n, 0), new.get(n, 0)) >= 0.02]
    lines = [("MB per 1 000 punkter", "before", "now")]
    lines += [(name, f"{old[name]:.2f}" if name in old else "-", f"{new[name]:.2f}" if name in new else "-")
              for name in shown]  # fmt: skip
    rest = [n for n in names if n not in shown]
    lines.append((f"{len(rest)} smaller tables and indexes", f"{sum(old.get(n, 0) for n in rest):.2f}",
                  f"{sum(new.get(n, 0) for n in rest):.2f}"))  # fmt: skip
    lines.append(("whole file", f"{before['mb_per_1000']:.2f}", f"{after['mb_per_1000']:.2f}"))
    width = max(len(line[0]) for line in lines)
    return "\n".join(f"{a:<{width}}  {b:>7}  {c:>7}" for a, b, c in lines)


def table(lines: list[tuple[str, str, str, bool | None]]) -> str:
    width = [max(len(row[i]) for row in lines) for i in range(3)]
    mark = {True: "ok", False: "MISSED", None: ""}
    out = [f"{'figure':<{width[0]}}  {'measured':<{width[1]}}  {'target':<{width[2]}}  met"]
    out += [f"{a:<{width[0]}}  {b:<{width[1]}}  {c:<{width[2]}}  {mark[d]}" for a, b, c, d in lines]
    return "\n".join(out)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    return {"dato": dt.datetime.now(dt.timezone.utc).isoformat(timespec="minutes"), "cpu": cpu,
            "kerner": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="also search and size at ≈ 1 M punkter")
    parser.add_argument("--work", type=Path, default=Path("benchmarks/work"), help="corpora and databases")
    parser.add_argument("--referater", type=int, help="size of the main corpus (default %(default)s)")
    parser.add_argument("--stor", type=int, help="referater of the large database (--full: 20 000, ≈ 1 M punkter)")
    parser.add_argument("--search-only", action="store_true",
                        help="only figure 5 and the size at the large size (the default-size run is done)")
    args = parser.parse_args(argv)
    size = (FULL if args.full else DEFAULT) | ({"referater": args.referater} if args.referater else {})
    size |= {"stor": args.stor} if args.stor else {}
    args.work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    if args.search_only:
        search_only(args.work, size, start)
        return
    main_corpus = corpus(args.work, size["referater"], size["punkter"], size["pdf"])
    figures = measure_ingest(args.work, main_corpus, size["rounds"]) | measure_search(args.work, size)
    figures["rss"] = measure_rss(args.work, size)
    corpus_totals = json.loads((main_corpus / "corpus.json").read_text())
    figures |= {"machine": machine(), "corpus": corpus_totals, "total_s": time.perf_counter() - start}
    (args.work / "bench.json").write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"corpus: {figures['corpus']}; {figures['machine']['cpu']}, {figures['machine']['kerner']} cores")
    print(table(rows(figures)))
    print()
    print(size_table(figures["size"]))
    log(f"done in {figures['total_s']:.0f} s; details in {args.work / 'bench.json'}")


def search_only(work: Path, size: dict, start: float) -> None:
    """Figure 5 and the size on the large database alone, written to <work>/bench-stor.json."""
    figures = measure_search(work, size) | {"machine": machine(), "total_s": time.perf_counter() - start,
                                             "load": Path("/proc/loadavg").read_text().strip()}  # fmt: skip
    (work / "bench-stor.json").write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    fts, side, at = figures["fts"], figures["side"], f"{figures['size_search']['punkter']:,} punkter"
    print(f"Danish search top 20, {at}: p50 {fts['p50_ms']:.1f} ms, p95 {fts['p95_ms']:.1f} ms; full ranking p50 "
          f"{fts['plain']['p50_ms']:.0f} ms, max {fts['plain']['max_ms']:.0f} ms, same top 20 in "
          f"{fts['plain']['same_top20']} of {fts['plain']['queries']}")
    print(f"facet pages ({len(side['sider'])}), {at}: p50 {side['p50_ms']:.0f} ms, p95 {side['p95_ms']:.0f} ms; "
          f"immutable p50 {side['immutable']['p50_ms']:.0f} ms, p95 {side['immutable']['p95_ms']:.0f} ms")
    print(f"database size per 1 000 punkter, {at}: {figures['size_search']['mb_per_1000']:.1f} MB")
    print(size_table(figures["size_search"]))
    log(f"done in {figures['total_s']:.0f} s; details in {work / 'bench-stor.json'}")


if __name__ == "__main__":
    main()
