"""Shared paths and helpers for the test suite; everything it reads lives in the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from referater import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold"
EXPECTED = DATA / "expected"
EXAMPLE_FILES = sorted(EXAMPLES.glob("chefforum-*"))


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def annotated() -> list[Path]:
    """Gold files (hand-annotated by the product owner) and our own hand-checked expectations."""
    return sorted(GOLD.glob("*.json")) + sorted(EXPECTED.glob("*.json"))


@pytest.fixture
def examples_copy(tmp_path: Path) -> Path:
    """A private copy of the example folder, safe to modify."""
    target = tmp_path / "examples"
    target.mkdir()
    for path in EXAMPLE_FILES:
        (target / path.name).write_bytes(path.read_bytes())
    return target
