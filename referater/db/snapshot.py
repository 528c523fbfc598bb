"""A referat as the database holds it, field by field, so reparse can say what changed.

Columns derived from others (``aar``, ``maaned``, ``tekst``, the counts) and technical ones are left
out: a change shows once, where it happened.
"""

from __future__ import annotations

import sqlite_utils

REFERAT_FIELDS = ("forum", "dato", "starttid", "sted", "advarsler")
PUNKT_SKIPPED = {"id", "referat_id", "forum", "dato", "aar", "maaned", "tekst"}
# Rows that hang off a punkt: field name → (table, its columns that matter).
PUNKT_CHILDREN = {
    "bilag": ("bilag", "titel"),
    "behandling": ("behandling", "organ, dato, punkt_nummer, udtalelse"),
    "frister": ("frist", "dato, praecision, ansvarlig, handling, tekst, afsnit, usikker"),
    "opgaver": ("opgave", "ansvarlig, handling, afsnit, frist"),
}


def referat_snapshot(db: sqlite_utils.Database, rid: str) -> dict:
    """{"referat": {field: value}, "punkter": {nummer: {field: value}}}; closed punkter have only a title."""
    row = db.execute(f"select {', '.join(REFERAT_FIELDS)} from referat where id = ?", [rid]).fetchone()
    referat = dict(zip(REFERAT_FIELDS, row or ()))
    referat["deltagere"] = rows(db, "select navn, rolle, parti, fravaerende from deltager where referat_id = ? "
                                "order by position", rid)  # fmt: skip
    punkter = {nummer: {"titel": titel, "lukket": True}
               for nummer, titel in db.execute("select nummer, titel from lukket_punkt where referat_id = ?", [rid])}
    for punkt in db.query("select * from punkt where referat_id = ?", [rid]):
        fields = {name: value for name, value in punkt.items() if name not in PUNKT_SKIPPED}
        for name, (table, columns) in PUNKT_CHILDREN.items():
            fields[name] = rows(db, f"select {columns} from [{table}] where punkt_id = ? order by position", punkt["id"])
        punkter[punkt["nummer"]] = fields
    return {"referat": referat, "punkter": punkter}


def rows(db: sqlite_utils.Database, sql: str, key: str) -> list[tuple]:
    return [tuple(row) for row in db.execute(sql, [key])]
