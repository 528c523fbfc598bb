"""`referater hent`: a FirstAgenda portal's meetings → the database, one meeting per transaction.

A meeting is stored under its URL (``referat._kilde``), so a second run fetches only what is not stored
yet: an interrupted run resumes where it stopped. A meeting whose JSON cannot be read is reported and
skipped; a portal that keeps failing stops the run (PortalError), everything fetched before stays.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from datetime import date

import sqlite_utils

from . import db as store
from .ingest.exports import firstagenda
from .ingest.portal import Moede, Portal
from .models import Dokument
from .pipeline import Resultat, parse_new, write_parsed

log = logging.getLogger(__name__)


def select_meetings(meetings: list[Moede], udvalg: str | None = None, fra: date | None = None,
                    til: date | None = None) -> list[Moede]:
    """The meetings of committees whose name contains `udvalg` (any case), dated from `fra` to `til`."""
    wanted = (udvalg or "").casefold()
    return [m for m in meetings
            if wanted in m.udvalg.casefold()
            and (fra is None or (m.dato or "") >= fra.isoformat())
            and (til is None or (m.dato or "9999") <= til.isoformat())]  # fmt: skip


def harvest(db: sqlite_utils.Database, portal: Portal, meetings: list[Moede], force: bool = False,
            model: str | None = None) -> Iterator[Resultat]:
    """Fetch and store each meeting not stored yet; one Resultat per meeting ("unchanged" = already stored)."""
    for meeting in meetings:
        if not force and store.has_kilde(db, meeting.url):
            yield Resultat(meeting.url, "unchanged")
            continue
        yield store_meeting(db, meeting, portal.get(meeting.url), model)  # PortalError ends the run


def store_meeting(db: sqlite_utils.Database, meeting: Moede, data: bytes, model: str | None) -> Resultat:
    """One fetched meeting → the database, as ``ingest`` stores a file (its bytes kept for ``reparse``)."""
    dokument = Dokument(meeting.url, data, hashlib.sha256(data).hexdigest(), firstagenda.FORMAT)
    return write_parsed(db, parse_new(dokument, model=model), force=True)  # stored or not: asked by URL above
