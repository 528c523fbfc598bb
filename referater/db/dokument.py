"""The stored text of each referat (``dokument``) and which referater an older parser version made.

One ``dokument`` row per referat, written and deleted in the referat's own transaction: the payload
its format is parsed from (see ``referater/stored.py``; zlib-compressed), the file's sha256 and format,
and the parser version that read the file. ``referater reparse`` parses it again without the file.
"""

from __future__ import annotations

import sqlite_utils

from ..models import Referat

TABLES: dict[str, dict] = {
    "dokument": {
        "columns": {"referat_id": str, "_sha256": str, "_format": str, "_parser_version": str, "_payload": bytes},
        "pk": "referat_id",
        "foreign_keys": [("referat_id", "referat", "id")],
    },
}
INDEXES = {"dokument": [["_sha256"]]}
# Referater with these bytes stored before texts were kept: an ingest of the same bytes replaces them.
TEXTLESS_SQL = "select id from referat where _sha256 = ? and id not in (select referat_id from dokument)"
REFERAT_COLUMNS = "id, _kilde, _sha256, _format, _parser_version, kommune"  # what reparse needs of a referat row


def save_dokument(db: sqlite_utils.Database, rid: str, referat: Referat, payload: bytes, parser_version: str) -> None:
    """Store a referat's payload (inside the caller's transaction)."""
    db.execute("insert into dokument values (?, ?, ?, ?, ?)",
               [rid, referat.sha256, referat.format, parser_version, payload])  # fmt: skip


def stored_payload(db: sqlite_utils.Database, rid: str) -> tuple[bytes, str] | None:
    """(payload, parser version that read the file) of a referat, or None when its text is not stored."""
    row = db.execute("select _payload, _parser_version from dokument where referat_id = ?", [rid]).fetchone()
    return (row[0], row[1]) if row else None


def version_key(version: str | None) -> tuple[int, ...]:
    """ "3" → (3,), "3.1" → (3, 1); a missing or unreadable version sorts first (oldest)."""
    try:
        return tuple(int(part) for part in (version or "").split("."))
    except ValueError:
        return ()


def referater_by_age(db: sqlite_utils.Database, version: str) -> dict[str, list[dict]]:
    """Referat rows (``REFERAT_COLUMNS``) by the age of the parser that made them: "older", "current", "newer"."""
    ages: dict[str, list[dict]] = {"older": [], "current": [], "newer": []}
    for row in db.query(f"select {REFERAT_COLUMNS} from referat order by _kilde, id"):
        key, now = version_key(row["_parser_version"]), version_key(version)
        ages["older" if key < now else "newer" if key > now else "current"].append(row)
    return ages
