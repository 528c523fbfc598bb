"""One measurement per function: each returns plain numbers for the table ``benchmarks.run`` prints.

Every figure is taken in the same run on the same corpus, and the table reports ratios, because the
machines are shared and absolute times drift from run to run.
"""

from __future__ import annotations

import asyncio
import io
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import sqlite_utils

from referater import db as store
from referater.ingest import load_tekst
from referater.nlp import enrich
from referater.parsers import parse_tekst
from referater.pipeline import ingest_files

# Danish queries a case officer would type; æøå on purpose.
FTS_QUERIES = ("budget", "sygefravær", "ferie", "medarbejdere trivsel", "økonomi", "datawarehouse",
               "kompetenceudvikling", "årshjul", "godkendt indstilling", "bæredygtighed")  # fmt: skip
QUERY_ROUNDS = 5  # every query this many times; p50/p95 over all of them
PAGE_ROUNDS = 20
PLAIN_SEARCH = (
    "select punkt.id, punkt.titel, snippet(punkt_fts, 1, '[', ']', '…', 12) from punkt_fts "
    "join punkt on punkt.rowid = punkt_fts.rowid where punkt_fts match ? order by bm25(punkt_fts) limit 20"
)
FACETED_PAGE = "/{db}/punkt?_facet=forum&_facet=aar&_facet=type&_facet=udfald"


def timed(function, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - start, value


def pdf_vs_ingest(db_path: Path, pdfs: list[Path]) -> dict:
    """Bare pypdf extract_text (the physical limit) and end-to-end ingest, alternating file by file.

    Alternating means a burst of load from other processes hits both sides alike, and which side goes
    first alternates too, so neither always finds the file in the page cache.
    """
    db, pages, pypdf_s, ingest_s = store.open_db(db_path), 0, 0.0, 0.0
    for i, pdf in enumerate(pdfs):
        if i % 2:
            (ingest_t, results), (pypdf_t, count) = timed(ingest_one, db, pdf), timed(extract_pages, pdf)
        else:
            (pypdf_t, count), (ingest_t, results) = timed(extract_pages, pdf), timed(ingest_one, db, pdf)
        pages, pypdf_s, ingest_s = pages + count, pypdf_s + pypdf_t, ingest_s + ingest_t
        if results[0].status != "ingested":
            raise RuntimeError(f"{pdf}: {results[0].fejl}")
    db.close()
    return {"sider": pages, "filer": len(pdfs), "pypdf_sider_per_s": pages / pypdf_s,
            "ingest_sider_per_s": pages / ingest_s}  # fmt: skip


def extract_pages(pdf: Path) -> int:
    """What bare pypdf does: open the bytes, extract_text every page; returns the page count."""
    from pypdf import PdfReader

    return len([page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages])


def ingest_one(db, pdf: Path) -> list:
    return list(ingest_files(db, [pdf]))


def ingest(db_path: Path, files: list[Path], jobs: int = 1) -> dict:
    """End-to-end ingest into db_path (read, extract, parse, NLP, write); seconds and what it stored."""
    db = store.open_db(db_path)
    seconds, results = timed(lambda: list(ingest_files(db, files, jobs=jobs)))
    failed = [r for r in results if r.status == "failed"]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    punkter = db["punkt"].count
    db.close()
    return {"sekunder": seconds, "filer": len(files), "fejlet": len(failed), "punkter": punkter,
            "indlaest": sum(r.status == "ingested" for r in results)}  # fmt: skip


def parse_words(files: list[Path]) -> dict:
    """Read + parse + NLP on text inputs, and NLP alone, in words per second (one core)."""
    words = parse_s = nlp_s = frister = 0
    for path in files:
        tekst = load_tekst(path)
        words += len(tekst.tekst.split())
        seconds, referat = timed(parse_tekst, tekst)
        parse_s += seconds
        seconds, enriched = timed(enrich, referat)
        nlp_s += seconds
        frister += sum(len(p.frister) + len(p.opgaver) for p in enriched.punkter)
    return {"ord": words, "parse_ord_per_s": words / parse_s, "nlp_ord_per_s": words / nlp_s,
            "ord_per_s": words / (parse_s + nlp_s), "nlp_fund": frister}  # fmt: skip


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def fts_latency(db_path: Path) -> dict:
    """bm25 top-20 search (with snippet) as the CLI runs it; milliseconds p50/p95 over every query.

    The plain query (bm25 over every match, snippet for each: the search before it was windowed) is
    timed once per query for comparison.
    """
    db = sqlite_utils.Database(db_path)
    db.execute("PRAGMA query_only = 1")
    for query in FTS_QUERIES:  # one warm-up round: the page cache, not the first query, is what we measure
        store.search(db, query)
    times = [timed(store.search, db, query)[0] * 1000 for _ in range(QUERY_ROUNDS) for query in FTS_QUERIES]
    plain = [timed(lambda q: db.execute(PLAIN_SEARCH, [db.quote_fts(q)]).fetchall(), query)[0] * 1000
             for query in FTS_QUERIES]  # fmt: skip
    db.close()
    return {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95), "n": len(times),
            "plain": {"p50_ms": percentile(plain, 50), "max_ms": max(plain)}}  # fmt: skip


def datasette_page(db_path: Path) -> dict:
    """The punkt table with four facets through Datasette's own test client; milliseconds p50/p95.

    Measured as `referater serve` configures Datasette, and again with the file opened immutable (as a
    published read-only replica would be), where Datasette counts the table once instead of per page.
    """
    from datasette.app import Datasette

    from referater.publish import SETTINGS, make_datasette, metadata_for

    path = FACETED_PAGE.format(db=db_path.stem)
    served = page_times(make_datasette(db_path), path)
    immutable = Datasette(immutables=[str(db_path)], metadata=metadata_for(db_path), settings=SETTINGS)
    return served | {"immutable": page_times(immutable, path)}


def page_times(ds, path: str) -> dict:
    async def run() -> list[float]:
        await ds.client.get(path)  # warm-up
        times = []
        for _ in range(PAGE_ROUNDS):
            start = time.perf_counter()
            response = await ds.client.get(path)
            times.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")
        return times

    times = asyncio.run(run())
    return {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95), "n": len(times)}


def peak_rss(db_path: Path, corpus: Path) -> dict:
    """Peak resident memory (MB) of a separate `referater ingest` process over a corpus."""
    command = [sys.executable, "-c", "from referater.cli import cli; cli()", "ingest", str(corpus),
               "--db", str(db_path), "-s"]  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"ingest of {corpus} failed with exit code {os.waitstatus_to_exitcode(status)}")
    return {"rss_mb": usage.ru_maxrss / 1024, "sekunder": time.perf_counter() - start}


def db_size(db_path: Path) -> dict:
    """Bytes on disk (WAL checkpointed) per 1 000 punkter."""
    db = sqlite_utils.Database(db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    punkter, referater = db["punkt"].count, db["referat"].count
    db.close()
    size = db_path.stat().st_size
    return {"bytes": size, "punkter": punkter, "referater": referater,
            "mb_per_1000": size / 1e6 / max(punkter, 1) * 1000}  # fmt: skip
