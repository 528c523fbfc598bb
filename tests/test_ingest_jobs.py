"""`ingest --jobs N`: parsing in worker processes gives the very database one process gives."""

import shutil
from pathlib import Path

import sqlite_utils
from click.testing import CliRunner

from benchmarks.generate import generate
from referater import EXAMPLES
from referater.cli import cli
from referater.ingest import find_documents
from referater.pipeline import bounded_map

VOLATILE = {"_ingested_at", "applied_at"}  # wall-clock times of the write and of a migration may differ


def corpus(tmp_path: Path) -> Path:
    """Generated referater, the five examples, a duplicate of one and a file that cannot be ingested."""
    root = tmp_path / "corpus"
    generate(root / "generated", 6, punkter=6, seed=2, examples=EXAMPLES)
    shutil.copytree(EXAMPLES, root / "examples")
    shutil.copy(EXAMPLES / "chefforum-2025-01-29.txt", root / "zz-kopi.txt")
    (root / "tom.txt").write_text("", encoding="utf-8")
    return root


def ingest(root: Path, db_path: Path, jobs: int):
    args = ["ingest", str(root), "--db", str(db_path), "--jobs", str(jobs), "-s", "--json"]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def dump(db_path: Path) -> dict:
    """Every row of every table (FTS shadow tables included), in rowid order, minus volatile columns."""
    db = sqlite_utils.Database(db_path)
    tables = {}
    for name in db.table_names():
        has_rowid = "without rowid" not in db[name].schema.lower()  # FTS shadow tables: pk order
        cursor = db.execute(f"select rowid, * from [{name}] order by rowid" if has_rowid else f"select * from [{name}]")
        columns = [d[0] for d in cursor.description]
        tables[name] = [{c: v for c, v in zip(columns, row) if c not in VOLATILE} for row in cursor]
    return tables


def test_jobs_2_gives_the_same_database_and_report_as_jobs_1(tmp_path):
    root = corpus(tmp_path)
    one, two = ingest(root, tmp_path / "one.db", 1), ingest(root, tmp_path / "two.db", 2)
    assert one.exit_code == two.exit_code == 1  # tom.txt failed, the rest went in
    assert one.output == two.output
    assert '"unchanged"' in one.output  # the duplicate file
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    assert len(dump(tmp_path / "one.db")["punkt"]) > 45


def test_jobs_2_skips_every_unchanged_file_on_a_second_run(tmp_path):
    root = corpus(tmp_path)
    ingest(root, tmp_path / "db.db", 2)
    before = dump(tmp_path / "db.db")
    again = ingest(root, tmp_path / "db.db", 2)
    assert again.output.count('"unchanged"') == len(find_documents([root])) - 1  # all but tom.txt
    assert dump(tmp_path / "db.db") == before


class CountingPool:
    """Stands in for multiprocessing.Pool: runs each task when its result is asked for, counting those in flight."""

    def __init__(self):
        self.in_flight = self.most_in_flight = 0

    def apply_async(self, function, args):
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        pool = self

        class Result:
            def get(self):
                pool.in_flight -= 1
                return function(*args)

        return Result()


def test_bounded_map_keeps_input_order_and_at_most_window_tasks_in_flight():
    pool = CountingPool()
    assert list(bounded_map(pool, lambda n: n * n, range(50), window=4)) == [n * n for n in range(50)]
    assert pool.most_in_flight == 4
