"""Rows and queries for what the NLP stage found: frister, opgaver and the owners (ansvarlige) they have.

``ansvarlig`` holds one row per owner across referater — a person, role, body, unit, outside party or
the municipality — with its kind, every spelling seen and counts. An owner a new referat names is the
row with the same key (its words stemmed, case and "(ABBR)" ignored: "Økonomiudvalget", "ØU" resolved to
"Økonomiudvalget (ØU)", "økonomiudvalget" are one key) or, failing that, a nearly equal key (rapidfuzz)
among the owners of the same municipality (``referat.kommune`` when the referat carries one, else all
owners). Its label ``navn`` is the canonical name written most often; ``frist.ansvarlig`` and
``opgave.ansvarlig`` always show that label, ``ansvarlig_tekst`` the text as written.
"""

from __future__ import annotations

import json
import re

import sqlite_utils
from rapidfuzz import fuzz, process

from ..models import Punkt, Referat
from ..nlp.stemming import stem_words
from .rows import slug

# Table config, merged into db.TABLES (children after parents).
TABLES: dict[str, dict] = {
    "ansvarlig": {
        "columns": {"id": str, "navn": str, "type": str, "kommune": str, "noegle": str, "varianter": str,
                    "antal_frister": int, "antal_opgaver": int},
        "pk": "id",
        "foreign_keys": [],
    },
    "frist": {
        "columns": {
            "id": str, "punkt_id": str, "referat_id": str, "ansvarlig_id": str, "position": int,
            "dato": str, "maaned": str, "praecision": str, "ansvarlig": str, "ansvarlig_tekst": str,
            "ansvarlig_type": str, "handling": str, "tekst": str, "afsnit": str, "start": int, "slut": int,
            "usikker": int, "forum": str, "moededato": str, "sagsnummer": str, "punkt_titel": str, "_kanonisk": str,
        },
        "pk": "id",
        "foreign_keys": [("punkt_id", "punkt", "id"), ("referat_id", "referat", "id"),
                         ("ansvarlig_id", "ansvarlig", "id")],
    },
    "opgave": {
        "columns": {
            "id": str, "punkt_id": str, "referat_id": str, "ansvarlig_id": str, "position": int,
            "ansvarlig": str, "ansvarlig_tekst": str, "ansvarlig_type": str, "handling": str, "afsnit": str,
            "frist": str, "_kanonisk": str,
        },
        "pk": "id",
        "foreign_keys": [("punkt_id", "punkt", "id"), ("referat_id", "referat", "id"),
                         ("ansvarlig_id", "ansvarlig", "id")],
    },
}  # fmt: skip
INDEXES = {"frist": [["dato"], ["ansvarlig"], ["ansvarlig_type"], ["maaned"], ["punkt_id"], ["ansvarlig_id"],
                     ["referat_id"]],
           "opgave": [["ansvarlig"], ["punkt_id"], ["ansvarlig_id"], ["referat_id"]],
           "ansvarlig": [["noegle"], ["kommune"]]}  # fmt: skip
# Two keys at least this similar (0–100) are one owner: "kultur- og fritidsudvalg" ~ "kultur- og fritidsvalg".
SAMME_EJER = 92
_FORKORTELSE = re.compile(r"\s*\([A-ZÆØÅ&]{2,7}\)\s*$")


def owner_key(navn: str) -> str:
    """ "Økonomiudvalget (ØU)" → "økonomiudvalg": stemmed words without the abbreviation, case ignored."""
    return " ".join(stem_words(_FORKORTELSE.sub("", navn)))


def _kommune(referat: Referat) -> str | None:
    return getattr(referat, "kommune", None)  # issue 13 adds referat.kommune; without it, all owners are one pool


def owner_row(db: sqlite_utils.Database, navn: str, art: str | None, kommune: str | None) -> tuple[str, str]:
    """(id, label) of the ansvarlig row an owner belongs to, creating it when no stored owner is the same."""
    noegle = owner_key(navn) or navn.casefold()
    fundet = db.execute("select id, navn from ansvarlig where noegle = ? and kommune is ? limit 1",
                        [noegle, kommune]).fetchone()
    if fundet is None:
        fundet = _nearly_same(db, noegle, art, kommune)
    if fundet is not None:
        db.execute("update ansvarlig set antal_frister = null where id = ?", [fundet[0]])
        return fundet[0], fundet[1]
    rid = _free_id(db, "-".join(p for p in (slug(kommune or ""), slug(navn)) if p) or "ansvarlig")
    db["ansvarlig"].insert({"id": rid, "navn": navn, "type": art, "kommune": kommune, "noegle": noegle,
                            "varianter": "[]"})
    return rid, navn


def _nearly_same(db: sqlite_utils.Database, noegle: str, art: str | None, kommune: str | None):
    rows = db.execute("select id, navn, noegle from ansvarlig where kommune is ? and (type is ? or type is null)",
                      [kommune, art]).fetchall()
    if not rows:
        return None
    match = process.extractOne(noegle, [r[2] for r in rows], scorer=fuzz.ratio, score_cutoff=SAMME_EJER)
    return rows[match[2]][:2] if match else None


def _free_id(db: sqlite_utils.Database, base: str) -> str:
    rid, n = base, 1
    while db.execute("select 1 from ansvarlig where id = ?", [rid]).fetchone():
        n += 1
        rid = f"{base}-{n}"
    return rid


def frist_rows(rid: str, referat: Referat, punkt: Punkt, punkt_id: str, ejere: dict) -> list[dict]:
    sagsnummer = punkt.sagsnummer.raw if punkt.sagsnummer else None
    return [
        {"id": f"{punkt_id}/frist/{i}", "punkt_id": punkt_id, "referat_id": rid,
         "ansvarlig_id": ejere.get(f.ansvarlig, (None,))[0], "position": i, "dato": f.dato,
         "maaned": (f.dato or "")[:7] or None, "praecision": f.praecision,
         "ansvarlig": ejere.get(f.ansvarlig, (None, None))[1], "ansvarlig_tekst": f.ansvarlig_tekst,
         "ansvarlig_type": f.ansvarlig_type, "handling": f.handling, "tekst": f.tekst, "afsnit": f.afsnit,
         "start": f.start, "slut": f.slut, "usikker": int(f.usikker), "forum": referat.forum,
         "moededato": referat.dato, "sagsnummer": sagsnummer, "punkt_titel": punkt.titel, "_kanonisk": f.ansvarlig}
        for i, f in enumerate(punkt.frister, start=1)
    ]  # fmt: skip


def opgave_rows(rid: str, punkt: Punkt, punkt_id: str, ejere: dict) -> list[dict]:
    return [
        {"id": f"{punkt_id}/opgave/{i}", "punkt_id": punkt_id, "referat_id": rid,
         "ansvarlig_id": ejere[o.ansvarlig][0], "position": i, "ansvarlig": ejere[o.ansvarlig][1],
         "ansvarlig_tekst": o.ansvarlig_tekst, "ansvarlig_type": o.ansvarlig_type, "handling": o.handling,
         "afsnit": o.afsnit, "frist": o.frist, "_kanonisk": o.ansvarlig}
        for i, o in enumerate(punkt.opgaver, start=1)
    ]  # fmt: skip


def save_frister(db: sqlite_utils.Database, rid: str, referat: Referat, punkt: Punkt, punkt_id: str) -> None:
    """Store a punkt's frister and opgaver (inside the caller's transaction); owners first for the FKs.

    An owner whose rows change is marked for ``refresh_ansvarlige`` by an empty count (NULL)."""
    navne = {(x.ansvarlig, x.ansvarlig_type) for x in punkt.frister + punkt.opgaver if x.ansvarlig}
    ejere = {navn: owner_row(db, navn, art, _kommune(referat)) for navn, art in sorted(navne, key=str)}
    db["frist"].insert_all(frist_rows(rid, referat, punkt, punkt_id, ejere))
    db["opgave"].insert_all(opgave_rows(rid, punkt, punkt_id, ejere))


def delete_frister(db: sqlite_utils.Database, rid: str) -> None:
    """Remove a referat's frister and opgaver (before its punkter, for the foreign keys)."""
    db.execute("update ansvarlig set antal_frister = null where id in (select ansvarlig_id from frist where "
               "referat_id = ? union select ansvarlig_id from opgave where referat_id = ?)", [rid, rid])
    for table in ("frist", "opgave"):
        db.execute(f"delete from [{table}] where referat_id = ?", [rid])


# One owner's use, by the ansvarlig_id indexes: cost grows with the owners a document touches, not the database.
ANSVARLIG_SQL = """
with brug as (select ansvarlig_tekst, coalesce(_kanonisk, ansvarlig) as navn, ansvarlig_type, 1 as f, 0 as o
              from frist where ansvarlig_id = :id
              union all select ansvarlig_tekst, coalesce(_kanonisk, ansvarlig), ansvarlig_type, 0, 1
              from opgave where ansvarlig_id = :id)
select (select json_group_array(distinct ansvarlig_tekst) filter (where ansvarlig_tekst is not null) from brug),
       (select sum(f) from brug), (select sum(o) from brug),
       (select navn from brug group by navn order by count(*) desc, length(navn) desc, navn limit 1),
       (select ansvarlig_type from brug where ansvarlig_type is not null
        group by ansvarlig_type order by count(*) desc, ansvarlig_type limit 1)
"""


def refresh_ansvarlige(db: sqlite_utils.Database) -> None:
    """Recount the marked owners' frister/opgaver, spellings, label and kind; the label reaches every row
    of the owner; owners nobody refers to any more are dropped."""
    for (aid,) in db.execute("select id from ansvarlig where antal_frister is null").fetchall():
        varianter, antal_frister, antal_opgaver, navn, art = db.execute(ANSVARLIG_SQL, {"id": aid}).fetchone()
        if not antal_frister and not antal_opgaver:
            db.execute("delete from ansvarlig where id = ?", [aid])
            continue
        db.execute("update ansvarlig set navn = ?, type = coalesce(?, type), varianter = ?, antal_frister = ?, "
                   "antal_opgaver = ? where id = ?",
                   [navn, art, json.dumps(sorted(json.loads(varianter)), ensure_ascii=False), antal_frister,
                    antal_opgaver, aid])
        for table in ("frist", "opgave"):
            db.execute(f"update [{table}] set ansvarlig = ? where ansvarlig_id = ? and ansvarlig is not ?",
                       [navn, aid, navn])


def find_frister(db: sqlite_utils.Database, fra: str | None = None, til: str | None = None,
                 ansvarlig: str | None = None, ansvarlig_type: str | None = None) -> list[dict]:
    """Deadlines between two ISO dates (inclusive), soonest first, optionally for one owner or owner kind."""
    where, params = ["dato is not null"], []
    for betingelse, vaerdi in (("dato >= ?", fra), ("dato <= ?", til), ("ansvarlig_type = ?", ansvarlig_type)):
        if vaerdi:
            where.append(betingelse)
            params.append(vaerdi)
    sql = (
        "select dato, praecision, ansvarlig, ansvarlig_type, handling, tekst, afsnit, forum, moededato, sagsnummer, "
        f"punkt_id, punkt_titel, usikker from frist where {' and '.join(where)} order by dato, punkt_id, position"
    )
    rows = [dict(row) for row in db.query(sql, params)]
    if ansvarlig:  # in Python: SQLite's LIKE folds only ASCII case, and owners are spelt with æøå
        rows = [r for r in rows if ansvarlig.casefold() in (r["ansvarlig"] or "").casefold()]
    return rows
