"""Shared paths and helpers for the test suite; everything it reads lives in the repository."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from referater import EXAMPLES
from referater.db import TABLES

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold"
EXPECTED = DATA / "expected"
EXAMPLE_FILES = sorted(EXAMPLES.glob("chefforum-*"))
VOLATILE = {"_ingested_at", "applied_at"}  # wall-clock times of a write


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def annotated() -> list[Path]:
    """Gold files (hand-annotated by the product owner) and our own hand-checked expectations."""
    return sorted(GOLD.glob("*.json")) + sorted(EXPECTED.glob("*.json"))


def copy_examples(target: Path) -> Path:
    """A private copy of the example folder at ``target``, safe to modify."""
    target.mkdir()
    for path in EXAMPLE_FILES:
        (target / path.name).write_bytes(path.read_bytes())
    return target


@pytest.fixture
def examples_copy(tmp_path: Path) -> Path:
    """A private copy of the example folder, safe to modify."""
    return copy_examples(tmp_path / "examples")


def table_columns(path: Path) -> dict[str, list[str]]:
    """Every table (FTS shadow tables too) and its columns."""
    with sqlite3.connect(path) as connection:
        names = [row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")]
        return {name: [c[1] for c in connection.execute(f"pragma table_info([{name}])")] for name in names}


def every_row(path: Path, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """The rows of the given tables and columns (default: all of them), in an order that does not depend on rowids."""
    columns = columns or table_columns(path)
    with sqlite3.connect(path) as connection:
        return {name: sorted(connection.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{name}]"), key=repr)
                for name, cols in columns.items()}  # fmt: skip


def content(path: Path) -> dict[str, list[tuple]]:
    """The rows of every table of the schema, without the wall-clock columns; columns in name order, because a
    migrated table has the columns it gained at its end and a new one has them where TABLES puts them."""
    columns = table_columns(path)
    return every_row(path, {name: sorted(c for c in columns[name] if c not in VOLATILE) for name in TABLES})


def failing_for(name: str, function, error: Exception):
    """``function``, except that it raises ``error`` for the file ``name`` (an argument that is, or has, its kilde)."""

    def wrapper(*args, **kwargs):
        if any(str(getattr(arg, "kilde", arg)).endswith(name) for arg in args):
            raise error
        return function(*args, **kwargs)

    return wrapper
