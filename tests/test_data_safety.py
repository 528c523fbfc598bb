"""Data safety under real processes: kill -9 mid-ingest, and Datasette reading while ingest or reparse writes (WAL)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import EXAMPLE_FILES
from referater.parsers import PARSER_VERSION
from referater.pipeline import parse_file

CLI = [sys.executable, "-c", "from referater.cli import cli; cli()"]
COPIES = 30  # × 5 examples: long enough that the kill lands mid-ingest
POLL = 0.05  # seconds between looks at the database
PATIENCE = 120  # seconds before a test gives up waiting for a subprocess


def corpus(folder: Path, copies: int) -> dict[str, int]:
    """Copies of the examples, each with its own bytes (so its own sha256 and row); name → punkter."""
    folder.mkdir()
    punkter = {example: len(parse_file(example).punkter) for example in EXAMPLE_FILES}
    expected = {}
    for i in range(copies):
        for example in EXAMPLE_FILES:
            path = folder / f"{i:03d}-{example.name}"
            path.write_bytes(example.read_bytes() + f"\nKopi nummer {i}.\n".encode())
            expected[str(path)] = punkter[example]
    return expected


def read(db_path: Path, sql: str) -> list[tuple]:
    """A reader's view: a separate read-only connection, as Datasette has."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10) as connection:
        return connection.execute(sql).fetchall()


def wait_for(condition, process=None) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        assert process is None or process.poll() is None, "the subprocess ended before the condition held"
        time.sleep(POLL)


def referat_count(db_path: Path) -> int:
    try:
        return read(db_path, "select count(*) from referat")[0][0]
    except sqlite3.OperationalError:  # the database or its tables do not exist yet
        return 0


def test_kill_9_mid_ingest_leaves_whole_documents_only(tmp_path):
    expected = corpus(tmp_path / "korpus", COPIES)
    db_path = tmp_path / "referater.db"
    ingest = subprocess.Popen([*CLI, "ingest", str(tmp_path / "korpus"), "--db", str(db_path), "-s"])
    wait_for(lambda: referat_count(db_path) >= 5, ingest)
    os.kill(ingest.pid, signal.SIGKILL)
    ingest.wait()
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("pragma integrity_check").fetchall() == [("ok",)]
        assert connection.execute("pragma foreign_key_check").fetchall() == []
        connection.execute("insert into punkt_fts(punkt_fts) values('integrity-check')")
        stored = dict(connection.execute(
            "select referat._kilde, count(punkt.id) from referat left join punkt on punkt.referat_id = referat.id "
            "group by referat.id").fetchall())  # fmt: skip
        orphans = connection.execute("select count(*) from punkt where referat_id not in (select id from referat)")
        assert orphans.fetchone() == (0,)
    assert 5 <= len(stored) < len(expected), "the kill must land mid-ingest"
    assert stored == {kilde: expected[kilde] for kilde in stored}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, object]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, json.loads(response.read())


def test_serve_reads_while_ingest_writes(tmp_path):
    expected = corpus(tmp_path / "korpus", COPIES // 2)
    db_path, port = tmp_path / "referater.db", free_port()
    serve = subprocess.Popen([*CLI, "serve", "--db", str(db_path), "--port", str(port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}/referater.json?sql=select+count(*)+as+n+from+punkt&_shape=array"
    try:
        wait_for(lambda: answers(url), serve)
        ingest = subprocess.Popen([*CLI, "ingest", str(tmp_path / "korpus"), "--db", str(db_path), "-s"])
        seen = []
        while ingest.poll() is None:
            status, rows = get(url)
            assert status == 200
            seen.append(rows[0]["n"])
        assert ingest.wait() == 0
        seen.append(get(url)[1][0]["n"])
    finally:
        serve.terminate()
        serve.wait(PATIENCE)
    assert read(db_path, "pragma journal_mode") == [("wal",)]
    assert seen == sorted(seen), "a reader never sees punkter disappear"
    assert seen[-1] == sum(expected.values())
    assert len(set(seen)) > 2, "the reads happened while the ingest was writing"


def answers(url: str) -> bool:
    try:
        return get(url)[0] == 200
    except OSError:
        return False


# What a reader checks on every look while reparse rewrites every referat: whole documents only.
WHOLE = ("select count(*) as referater, (select count(*) from punkt) as punkter, sum(antal_punkter) as antal, "
         f"sum(_parser_version = '{PARSER_VERSION}') as nye from referat")


def test_serve_reads_while_reparse_writes(tmp_path):
    expected = corpus(tmp_path / "korpus", COPIES // 2)
    db_path, port = tmp_path / "referater.db", free_port()
    subprocess.run([*CLI, "ingest", str(tmp_path / "korpus"), "--db", str(db_path), "-s"], check=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("update referat set _parser_version = '2'")  # as if an older version stored them
    shutil.rmtree(tmp_path / "korpus")  # reparse needs only the stored text
    serve = subprocess.Popen([*CLI, "serve", "--db", str(db_path), "--port", str(port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}/referater.json?sql={urllib.parse.quote(WHOLE)}&_shape=array"
    try:
        wait_for(lambda: answers(url), serve)
        reparse = subprocess.Popen([*CLI, "reparse", "--db", str(db_path), "-s"], stdout=subprocess.DEVNULL)
        seen = []
        while reparse.poll() is None:
            status, rows = get(url)
            assert status == 200
            seen.append(rows[0])
        assert reparse.wait() == 0
        seen.append(get(url)[1][0])
    finally:
        serve.terminate()
        serve.wait(PATIENCE)
    total = sum(expected.values())
    assert all((look["referater"], look["punkter"], look["antal"]) == (len(expected), total, total) for look in seen)
    nye = [look["nye"] for look in seen]
    assert nye == sorted(nye) and nye[-1] == len(expected)
    assert len(set(nye)) > 2, "the reads happened while reparse was writing"
