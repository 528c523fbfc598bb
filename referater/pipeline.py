"""File → Referat → database, one document at a time; what the CLI commands call."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from . import db as store
from .errors import ReferatError
from .ingest import read_document, to_tekst
from .models import Referat
from .nlp import enrich
from .parsers import parse_tekst

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Resultat:
    """What happened to one input file."""

    kilde: str
    status: str  # "ingested", "unchanged" or "failed"
    referat_id: str | None = None
    punkter: int = 0
    fejl: str | None = None


def parse_file(path: str | Path) -> Referat:
    """Read, parse and enrich one file without touching a database."""
    return enrich(parse_tekst(to_tekst(read_document(path))))


def ingest_file(db: sqlite_utils.Database, path: str | Path, force: bool = False) -> Resultat:
    """Ingest one file; a ReferatError becomes a failed Resultat and leaves the database as it was."""
    try:
        dokument = read_document(path)
        if not force and store.is_ingested(db, dokument.sha256):
            return Resultat(str(path), "unchanged")
        referat = enrich(parse_tekst(to_tekst(dokument)))
        rid = store.save_referat(db, referat)
    except ReferatError as error:
        log.info("%s: %s", path, error)
        return Resultat(str(path), "failed", fejl=str(error))
    return Resultat(str(path), "ingested", referat_id=rid, punkter=len(referat.punkter))
