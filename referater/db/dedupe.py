"""One meeting from two files is one referat: an agenda export's punkter win, a PDF's pages stay as provenance.

A referat is the same meeting as a stored one when both have the same date and the same forum, or share
most punkt titles (a PDF may print "Byrådet" where the export says "Byråd 2022-2025"), and one came from
an agenda export while the other did not. Two exports, or two PDFs, are not merged here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import replace

import sqlite_utils

from ..models import Referat
from .rows import slug

SHARED_TITLES = 0.5  # share of the smaller referat's punkt titles both must have to be the same meeting
NOTE_EXPORT_WINS = "samme møde som {kilde}; eksportens punkter bruges, sidetallene derfra er gemt som kilde"
NOTE_PAGES_KEPT = "samme møde som eksporten {kilde}; eksportens punkter bruges, sidetallene herfra er gemt som kilde"


def save_merged(db: sqlite_utils.Database, referat: Referat, export_formats: Collection[str],
                save: Callable, delete: Callable) -> tuple[str, str | None]:
    """Save with ``save(db, referat)``, merged with a stored referat of the same meeting; (id, note or None)."""
    is_export = referat.format in export_formats
    with db.atomic():
        other = same_meeting(db, referat, export_formats)
        if other is not None and not is_export:  # the export stays; this file's pages are kept beside it
            attach_pages(db, other["id"], referat)
            return other["id"], NOTE_PAGES_KEPT.format(kilde=other["_kilde"])
        source = other or (earlier_pages(db, referat.kilde) if is_export else None)
        if source is None:
            return save(db, referat), None
        pages = stored_pages(db, source["id"])
        if other is not None:
            delete(db, other["id"])
        rid = save(db, with_pages(referat, pages))
        db.execute("update referat set _sider_kilde = ?, _sider_sha256 = ? where id = ?",
                   [source["sider_kilde"], source["sider_sha256"], rid])  # fmt: skip
    return rid, NOTE_EXPORT_WINS.format(kilde=other["_kilde"]) if other is not None else None


def same_meeting(db: sqlite_utils.Database, referat: Referat, export_formats: Collection[str]) -> dict | None:
    """The stored referat of this meeting from the other kind of file (export vs PDF/text), if any."""
    if referat.dato is None:
        return None
    is_export = referat.format in export_formats
    titles = {title_key(p.titel) for p in referat.punkter}
    sql = "select id, forum, _kilde, _sha256, _format from referat where dato = ? and _kilde != ?"
    for row in map(dict, db.query(sql, [referat.dato, referat.kilde])):
        if (row["_format"] in export_formats) == is_export:
            continue
        same_forum = bool(referat.forum and row["forum"]) and slug(referat.forum) == slug(row["forum"])
        if same_forum or shares_titles(titles, stored_titles(db, row["id"])):
            return {**row, "sider_kilde": row["_kilde"], "sider_sha256": row["_sha256"]}
    return None


def earlier_pages(db: sqlite_utils.Database, kilde: str) -> dict | None:
    """The stored version of this export when it carries another file's pages (the export changed)."""
    sql = "select id, _sider_kilde as sider_kilde, _sider_sha256 as sider_sha256 from referat where _kilde = ? " \
          "and _sider_kilde is not null"  # fmt: skip
    row = db.execute(sql, [kilde]).fetchone()
    return dict(zip(("id", "sider_kilde", "sider_sha256"), row)) if row else None


def title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def stored_titles(db: sqlite_utils.Database, rid: str) -> set[str]:
    sql = "select titel from punkt where referat_id = ? union select titel from lukket_punkt where referat_id = ?"
    return {title_key(row[0]) for row in db.execute(sql, [rid, rid])}


def shares_titles(ours: set[str], theirs: set[str]) -> bool:
    smaller = min(len(ours), len(theirs))
    return smaller > 0 and len(ours & theirs) >= SHARED_TITLES * smaller


def stored_pages(db: sqlite_utils.Database, rid: str) -> dict[int, tuple[int, ...]]:
    """Pages of each stored punkt, by number."""
    rows = db.execute("select nummer, sider from punkt where referat_id = ?", [rid]).fetchall()
    return {nummer: tuple(json.loads(sider or "[]")) for nummer, sider in rows}


def with_pages(referat: Referat, pages: dict[int, tuple[int, ...]]) -> Referat:
    punkter = tuple(replace(p, sider=pages.get(p.nummer, p.sider)) for p in referat.punkter)
    return replace(referat, punkter=punkter)


def attach_pages(db: sqlite_utils.Database, rid: str, referat: Referat) -> None:
    """Keep a PDF's pages (and which file they are from) on the export's stored punkter."""
    for punkt in referat.punkter:
        db.execute("update punkt set sider = ? where referat_id = ? and nummer = ?",
                   [json.dumps(list(punkt.sider)), rid, punkt.nummer])  # fmt: skip
    db.execute("update referat set _sider_kilde = ?, _sider_sha256 = ? where id = ?",
               [referat.kilde, referat.sha256, rid])
