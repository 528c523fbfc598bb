"""Builds the database the publishing tests look at: the example referater through the real ingest,
the hand-written KLE plan, and frister. When the ingest stores no frister (the NLP stage is not merged),
table frist is made in the NLP stage's schema and filled from the hand-checked gold annotations, which
are real deadlines from these very referater."""

from __future__ import annotations

import json
from pathlib import Path

from referater import EXAMPLES
from referater import db as store
from referater.ingest.kle import read_kle_file
from referater.parsers.kle import parse_kle
from referater.pipeline import ingest_file

GOLD = Path(__file__).parent / "data" / "gold"
KLE_XML = Path(__file__).parent / "data" / "kle-test.xml"
PRECISION = {"day": "dag", "week": "uge", "month": "maaned", "quarter": "kvartal", "half": "halvaar", "year": "aar"}
FRIST_COLUMNS = {
    "id": str, "punkt_id": str, "referat_id": str, "person_id": str, "position": int, "dato": str, "maaned": str,
    "praecision": str, "ansvarlig": str, "ansvarlig_tekst": str, "handling": str, "tekst": str, "afsnit": str,
    "start": int, "slut": int, "usikker": int, "forum": str, "moededato": str, "sagsnummer": str, "punkt_titel": str,
}  # fmt: skip  (the NLP stage's table; person_id stays empty, there is no person table here)


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
            sql = "select id, referat_id, forum, dato, sagsnummer, titel from punkt where dato = ? and nummer = ?"
            punkt = dict(zip(("id", "referat_id", "forum", "dato", "sagsnummer", "titel"),
                             next(db.execute(sql, [gold["meeting"]["date"], item["number"]]))))  # fmt: skip
            for i, deadline in enumerate(item["deadlines"], start=1):
                if deadline["due"]:
                    rows.append(gold_frist_row(punkt, i, deadline))
    return rows


def gold_frist_row(punkt: dict, position: int, deadline: dict) -> dict:
    return {
        "id": f"{punkt['id']}/frist/{position}", "punkt_id": punkt["id"], "referat_id": punkt["referat_id"],
        "person_id": None, "position": position, "dato": deadline["due"], "maaned": deadline["due"][:7],
        "praecision": PRECISION[deadline["precision"]], "ansvarlig": deadline["owner"],
        "ansvarlig_tekst": deadline["owner"], "handling": deadline["action"], "tekst": deadline["phrase"],
        "afsnit": deadline["section"], "start": None, "slut": None, "usikker": int(deadline.get("uncertain", False)),
        "forum": punkt["forum"], "moededato": punkt["dato"], "sagsnummer": punkt["sagsnummer"],
        "punkt_titel": punkt["titel"],
    }  # fmt: skip


def add_gold_frister(db) -> None:
    if not db["frist"].exists():
        db.create_table("frist", FRIST_COLUMNS, pk="id",
                        foreign_keys=[("punkt_id", "punkt", "id"), ("referat_id", "referat", "id")])  # fmt: skip
    db["frist"].insert_all(gold_frist_rows(db))
