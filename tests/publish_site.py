"""Builds the database the publishing tests look at: the example referater through the real ingest,
the hand-written KLE plan, and frister. Until the NLP stage stores frister itself, the frist table
is filled from the hand-checked gold annotations (schema frist(id, punkt_id, tekst, dato, praecision,
ansvarlig, handling, afsnit)), which are real deadlines from these very referater."""

from __future__ import annotations

import json
from pathlib import Path

from referater import db as store
from referater.ingest.kle import read_kle_file
from referater.parsers.kle import parse_kle
from referater.pipeline import ingest_file

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
GOLD = Path(__file__).parent / "data" / "gold"
KLE_XML = Path(__file__).parent / "data" / "kle-test.xml"
PRECISION = {"day": "dag", "week": "uge", "month": "maaned", "quarter": "kvartal", "half": "halvaar", "year": "aar"}
FRIST_COLUMNS = {"id": str, "punkt_id": str, "tekst": str, "dato": str, "praecision": str, "ansvarlig": str,
                 "handling": str, "afsnit": str}  # fmt: skip


def build_site_db(path: Path) -> Path:
    """Ingest every example into ``path`` (named referater.db for the canned queries), plus KLE and frister."""
    db = store.open_db(path)
    for example in sorted(EXAMPLES.iterdir()):
        assert ingest_file(db, example).status == "ingested", example
    store.import_kle(db, parse_kle(read_kle_file(KLE_XML)))
    if not db["frist"].exists() or not db["frist"].count:
        add_gold_frister(db)
    store.ensure_shape(db)  # indexes frist for the one search box, as any later command would
    db.close()
    return path


def gold_frist_rows(db) -> list[dict]:
    """frist rows from the gold files, attached to the stored punkt of the same meeting and number."""
    rows = []
    for gold_file in sorted(GOLD.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for item in gold["items"]:
            (punkt_id,) = next(db.execute("select id from punkt where dato = ? and nummer = ?",
                                          [gold["meeting"]["date"], item["number"]]))  # fmt: skip
            for i, deadline in enumerate(item["deadlines"], start=1):
                if deadline["due"]:
                    rows.append({"id": f"{punkt_id}/{i}", "punkt_id": punkt_id, "tekst": deadline["phrase"],
                                 "dato": deadline["due"], "praecision": PRECISION[deadline["precision"]],
                                 "ansvarlig": deadline["owner"], "handling": deadline["action"],
                                 "afsnit": deadline["section"]})  # fmt: skip
    return rows


def add_gold_frister(db) -> None:
    if not db["frist"].exists():
        db.create_table("frist", FRIST_COLUMNS, pk="id", foreign_keys=[("punkt_id", "punkt", "id")])
    db["frist"].insert_all(gold_frist_rows(db))
