"""Rows and queries for what the NLP stage found: frister, opgaver and the persons who own them.

``person`` holds one row per canonical owner with every spelling seen for it, rebuilt from the
frist and opgave rows so a re-ingest never leaves a stale variant or an orphan behind.
"""

from __future__ import annotations

import json
import re

import sqlite_utils

from ..models import Punkt, Referat
from .rows import slug

# Table config, merged into db.TABLES (children after parents).
TABLES: dict[str, dict] = {
    "person": {
        "columns": {"id": str, "navn": str, "varianter": str, "antal_frister": int, "antal_opgaver": int},
        "pk": "id",
        "foreign_keys": [],
    },
    "frist": {
        "columns": {
            "id": str, "punkt_id": str, "referat_id": str, "person_id": str, "position": int,
            "dato": str, "maaned": str, "praecision": str, "ansvarlig": str, "ansvarlig_tekst": str,
            "handling": str, "tekst": str, "afsnit": str, "start": int, "slut": int, "usikker": int,
            "forum": str, "moededato": str, "sagsnummer": str, "punkt_titel": str,
        },
        "pk": "id",
        "foreign_keys": [("punkt_id", "punkt", "id"), ("referat_id", "referat", "id"), ("person_id", "person", "id")],
    },
    "opgave": {
        "columns": {
            "id": str, "punkt_id": str, "referat_id": str, "person_id": str, "position": int,
            "ansvarlig": str, "ansvarlig_tekst": str, "handling": str, "afsnit": str, "frist": str,
        },
        "pk": "id",
        "foreign_keys": [("punkt_id", "punkt", "id"), ("referat_id", "referat", "id"), ("person_id", "person", "id")],
    },
}  # fmt: skip
INDEXES = {"frist": [["dato"], ["ansvarlig"], ["maaned"], ["punkt_id"], ["person_id"], ["referat_id"]],
           "opgave": [["ansvarlig"], ["punkt_id"], ["person_id"], ["referat_id"]]}


def person_id(navn: str | None) -> str | None:
    """ "Økonomi & Stab" → "oekonomi-stab"; the key is readable and stable across referater."""
    if not navn:
        return None
    return slug(navn) or None


def frist_rows(rid: str, referat: Referat, punkt: Punkt, punkt_id: str) -> list[dict]:
    sagsnummer = punkt.sagsnummer.raw if punkt.sagsnummer else None
    return [
        {"id": f"{punkt_id}/frist/{i}", "punkt_id": punkt_id, "referat_id": rid,
         "person_id": person_id(f.ansvarlig), "position": i, "dato": f.dato, "maaned": (f.dato or "")[:7] or None,
         "praecision": f.praecision, "ansvarlig": f.ansvarlig, "ansvarlig_tekst": f.ansvarlig_tekst,
         "handling": f.handling, "tekst": f.tekst, "afsnit": f.afsnit, "start": f.start, "slut": f.slut,
         "usikker": int(f.usikker), "forum": referat.forum, "moededato": referat.dato, "sagsnummer": sagsnummer,
         "punkt_titel": punkt.titel}
        for i, f in enumerate(punkt.frister, start=1)
    ]  # fmt: skip


def opgave_rows(rid: str, punkt: Punkt, punkt_id: str) -> list[dict]:
    return [
        {"id": f"{punkt_id}/opgave/{i}", "punkt_id": punkt_id, "referat_id": rid,
         "person_id": person_id(o.ansvarlig), "position": i, "ansvarlig": o.ansvarlig,
         "ansvarlig_tekst": o.ansvarlig_tekst, "handling": o.handling, "afsnit": o.afsnit, "frist": o.frist}
        for i, o in enumerate(punkt.opgaver, start=1)
    ]  # fmt: skip


def save_frister(db: sqlite_utils.Database, rid: str, referat: Referat, punkt: Punkt, punkt_id: str) -> None:
    """Store a punkt's frister and opgaver (inside the caller's transaction); persons first for the FKs.

    A person whose rows change is marked for ``refresh_personer`` by an empty count (NULL)."""
    frister, opgaver = frist_rows(rid, referat, punkt, punkt_id), opgave_rows(rid, punkt, punkt_id)
    for pid, navn in {(r["person_id"], r["ansvarlig"]) for r in frister + opgaver if r["person_id"]}:
        db["person"].insert({"id": pid, "navn": navn, "varianter": "[]"}, ignore=True)
        db.execute("update person set antal_frister = null where id = ?", [pid])
    db["frist"].insert_all(frister)
    db["opgave"].insert_all(opgaver)


def delete_frister(db: sqlite_utils.Database, rid: str) -> None:
    """Remove a referat's frister and opgaver (before its punkter, for the foreign keys)."""
    db.execute("update person set antal_frister = null where id in (select person_id from frist where referat_id = ?"
               " union select person_id from opgave where referat_id = ?)", [rid, rid])
    for table in ("frist", "opgave"):
        db.execute(f"delete from [{table}] where referat_id = ?", [rid])


# One person's use, by the person_id indexes: cost grows with the persons a document touches, not the database.
PERSON_SQL = """
select json_group_array(distinct ansvarlig_tekst) filter (where ansvarlig_tekst is not null), sum(f), sum(o)
from (select ansvarlig_tekst, 1 as f, 0 as o from frist where person_id = :pid
      union all select ansvarlig_tekst, 0, 1 from opgave where person_id = :pid)
"""


def refresh_personer(db: sqlite_utils.Database) -> None:
    """Recount the marked persons' frister/opgaver and variants; drop those nobody refers to any more."""
    for (pid,) in db.execute("select id from person where antal_frister is null").fetchall():
        varianter, antal_frister, antal_opgaver = db.execute(PERSON_SQL, {"pid": pid}).fetchone()
        if not antal_frister and not antal_opgaver:
            db.execute("delete from person where id = ?", [pid])
            continue
        db.execute("update person set varianter = ?, antal_frister = ?, antal_opgaver = ? where id = ?",
                   [json.dumps(sorted(json.loads(varianter)), ensure_ascii=False), antal_frister, antal_opgaver, pid])


def find_frister(db: sqlite_utils.Database, fra: str | None = None, til: str | None = None,
                 ansvarlig: str | None = None) -> list[dict]:
    """Deadlines between two ISO dates (inclusive), soonest first, optionally for one owner."""
    where, params = ["dato is not null"], []
    if fra:
        where.append("dato >= ?")
        params.append(fra)
    if til:
        where.append("dato <= ?")
        params.append(til)
    sql = (
        "select dato, praecision, ansvarlig, handling, tekst, afsnit, forum, moededato, sagsnummer, "
        f"punkt_id, punkt_titel, usikker from frist where {' and '.join(where)} order by dato, punkt_id, position"
    )
    rows = [dict(row) for row in db.query(sql, params)]
    if ansvarlig:  # in Python: SQLite's LIKE folds only ASCII case, and owners are spelt with æøå
        rows = [r for r in rows if ansvarlig.casefold() in (r["ansvarlig"] or "").casefold()]
    return rows
