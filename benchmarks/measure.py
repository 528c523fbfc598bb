"""One measurement per function: each returns plain numbers for the table ``benchmarks.run`` prints.

Every figure is taken in the same run on the same corpus, and the table reports ratios, because the
machines are shared and absolute times drift from run to run.
"""

from __future__ import annotations

import asyncio
import io
import os
import statistics
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

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
PLAIN_LIMIT_S = 20  # the full ranking of one query is cut off after this long (it took 123 s at 1 M punkter)
# The pages a user reaches by clicking facets: each table page as it opens (it shows the facets of
# datasette_metadata.yml: forum, år, måned, type, udfald, KLE and ansvarlig among them) and the same page
# filtered on the most common value of one facet column; the page's own rows, count and facets all count.
FACET_CLICKS = {"punkt": ["forum", "aar", "udfald", "type", "kle_emne"], "frist": ["ansvarlig"]}


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
    """Danish top-20 search as the CLI and the web page run it; milliseconds p50/p95 over every query.

    The full ranking (every match placed in its tier, then sorted: ``fts.fund_sql``) is timed once per
    query for comparison, cut off after PLAIN_LIMIT_S seconds, and its top 20 is compared with the
    search's: ``same_top20`` counts the queries where they are equal (those not cut off).
    """
    db = sqlite_utils.Database(db_path)
    db.execute("PRAGMA query_only = 1")
    for query in FTS_QUERIES:  # one warm-up round: the page cache, not the first query, is what we measure
        store.search(db, query)
    times = [timed(store.search, db, query)[0] * 1000 for _ in range(QUERY_ROUNDS) for query in FTS_QUERIES]
    full = [full_ranking(db, query) for query in FTS_QUERIES]
    same = sum(ids == [row["id"] for row in store.search(db, query)] for query, (_ms, ids) in zip(FTS_QUERIES, full))
    db.close()
    plain = [ms for ms, _ids in full]
    return {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95), "n": len(times),
            "plain": {"p50_ms": percentile(plain, 50), "max_ms": max(plain), "same_top20": same,
                      "compared": sum(ids is not None for _ms, ids in full), "queries": len(FTS_QUERIES)}}  # fmt: skip


def full_ranking(db, query: str) -> tuple[float, list[str] | None]:
    """Milliseconds to rank every match of a query and its top 20 ids (None when cut off at PLAIN_LIMIT_S)."""
    from referater.db import fts

    sql = f"with {fts.fund_sql()} select punkt.id from fund join punkt on punkt.rowid = fund.rowid " \
          "order by gruppe, rang limit 20"  # fmt: skip
    deadline = time.perf_counter() + PLAIN_LIMIT_S
    db.conn.set_progress_handler(lambda: time.perf_counter() > deadline, 10000)
    try:
        seconds, rows = timed(lambda: [row[0] for row in db.execute(sql, {"q": query})])
    except sqlite3.OperationalError:  # interrupted
        seconds, rows = PLAIN_LIMIT_S, None
    finally:
        db.conn.set_progress_handler(None, 0)
    return seconds * 1000, rows


def datasette_page(db_path: Path) -> dict:
    """The pages of FACET_CLICKS through Datasette's own test client; milliseconds p50/p95 over all of them.

    Measured as `referater serve` configures Datasette, and again with the file opened immutable (as a
    published read-only replica would be), where Datasette counts the table once instead of per page.
    """
    from datasette.app import Datasette

    from referater.publish import SETTINGS, TEMPLATES, make_datasette, metadata_for

    paths = facet_pages(db_path)
    served = page_times(make_datasette(db_path), paths)
    immutable = Datasette(immutables=[str(db_path)], metadata=metadata_for(db_path), settings=SETTINGS,
                          template_dir=str(TEMPLATES))  # fmt: skip
    return served | {"immutable": page_times(immutable, paths), "sider": paths}


def facet_pages(db_path: Path) -> list[str]:
    """Each FACET_CLICKS table page, and the same page after a click on each column's most common value."""
    db, name, paths = sqlite_utils.Database(db_path), db_path.stem, []
    for table, columns in FACET_CLICKS.items():
        paths.append(f"/{name}/{table}")
        for column in columns:
            top = db.execute(f"select vaerdi from facet_antal where tabel = ? and filter_kolonne = '' and kolonne = ? "
                             "order by antal desc limit 1", [table, column]).fetchone()  # fmt: skip
            if top:
                paths.append(f"/{name}/{table}?{urlencode({column: top[0]})}")
    db.close()
    return paths


def page_times(ds, paths: list[str]) -> dict:
    async def run() -> dict[str, list[float]]:
        for path in paths:  # warm-up
            await ds.client.get(path)
        times: dict[str, list[float]] = {path: [] for path in paths}
        for _ in range(PAGE_ROUNDS):
            for path in paths:
                start = time.perf_counter()
                response = await ds.client.get(path)
                times[path].append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{path}: HTTP {response.status_code}")
        return times

    times = asyncio.run(run())
    every = [t for values in times.values() for t in values]
    return {"p50_ms": percentile(every, 50), "p95_ms": percentile(every, 95), "n": len(every),
            "pr_side_p95_ms": {path: percentile(values, 95) for path, values in times.items()}}  # fmt: skip


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
    """Bytes on disk (WAL checkpointed) per 1 000 punkter, in all and by table and index."""
    db = sqlite_utils.Database(db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    punkter, referater = db["punkt"].count, db["referat"].count
    by_name = dict(db.execute("select name, sum(pgsize) from dbstat group by name").fetchall())
    db.close()
    size = db_path.stat().st_size
    per_1000 = 1000 / max(punkter, 1)
    return {"bytes": size, "punkter": punkter, "referater": referater, "mb_per_1000": size / 1e6 * per_1000,
            "tabeller_mb_per_1000": {name: n / 1e6 * per_1000 for name, n in grouped(by_name).items()}}  # fmt: skip


FTS_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")


def grouped(by_name: dict[str, int]) -> dict[str, int]:
    """Pages by table: an FTS index with its shadow tables, every other table and index on its own."""
    fts = {name.removesuffix("_data") for name in by_name if name.endswith("_data")}
    out: dict[str, int] = {}
    for name, size in by_name.items():
        owner = next((f for f in fts for suffix in FTS_SHADOWS if name == f + suffix), name)
        out[owner] = out.get(owner, 0) + size
    return dict(sorted(out.items(), key=lambda item: -item[1]))
