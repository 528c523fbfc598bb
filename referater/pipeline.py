"""File → Referat → database, one document at a time; what the CLI commands call."""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing import Pool
from pathlib import Path

import sqlite_utils

from . import db as store
from .errors import ReferatError
from .ingest import read_document, to_tekst
from .ingest.exports import EXPORT_FORMATS, export_to_referat, is_export_format
from .models import Dokument, Referat
from .nlp import enrich, load_pipeline
from .parsers import parse_tekst
from .parsers.kommune import recognise_kommune

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Resultat:
    """What happened to one input file."""

    kilde: str
    status: str  # "ingested", "unchanged" or "failed"
    referat_id: str | None = None
    punkter: int = 0
    fejl: str | None = None
    note: str | None = None  # said to the user: this file and another were the same meeting


def document_referat(dokument: Dokument) -> Referat:
    """The referat a document holds: an agenda export is converted, any other file parsed from its text."""
    if is_export_format(dokument.format):
        return export_to_referat(dokument.data, dokument.kilde, dokument.sha256, dokument.format)
    return parse_tekst(to_tekst(dokument))


def with_kommune(referat: Referat, kommune: str | None) -> Referat:
    """The municipality the user gave (`ingest --kommune`), else the one the referat names itself."""
    return replace(referat, kommune=kommune or recognise_kommune(referat))


def parse_file(path: str | Path, model: str | None = None, kommune: str | None = None) -> Referat:
    """Read, parse and enrich one file without touching a database."""
    return with_kommune(enrich(document_referat(read_document(path)), load_pipeline(model)), kommune)


def ingest_file(db: sqlite_utils.Database, path: str | Path, force: bool = False,
                model: str | None = None, kommune: str | None = None) -> Resultat:
    """Ingest one file; a ReferatError becomes a failed Resultat and leaves the database as it was."""
    try:
        dokument = read_document(path)
        if not force and store.is_ingested(db, dokument.sha256):
            return Resultat(str(path), "unchanged")
        referat = with_kommune(enrich(document_referat(dokument), load_pipeline(model)), kommune)
        rid, note = store.save_document(db, referat, EXPORT_FORMATS)
    except ReferatError as error:
        log.info("%s: %s", path, error)
        return Resultat(str(path), "failed", fejl=str(error))
    return Resultat(str(path), "ingested", referat_id=rid, punkter=len(referat.punkter), note=note)


@dataclass(frozen=True)
class Parsed:
    """A worker's answer for one file: the parsed referat, or why there is none."""

    kilde: str
    sha256: str | None = None
    referat: Referat | None = None  # None when the file was already stored or failed
    fejl: str | None = None


IN_FLIGHT = 2  # documents queued per worker: enough to keep workers busy while the writer writes

# sha256 of the documents stored when the run started; set once per worker so it is not sent per file.
_stored: frozenset[str] = frozenset()


def _set_stored(stored: frozenset[str]) -> None:
    global _stored
    _stored = stored


def parse_document(path: str | Path, force: bool = False, stored: frozenset[str] | None = None,
                   model: str | None = None, kommune: str | None = None) -> Parsed:
    """Read, parse and enrich one file unless its bytes are already stored (a worker's task)."""
    stored = _stored if stored is None else stored
    try:
        dokument = read_document(path)
        if not force and dokument.sha256 in stored:
            return Parsed(str(path), dokument.sha256)
        referat = enrich(document_referat(dokument), load_pipeline(model))  # built once per process
        referat = with_kommune(referat, kommune)
        return Parsed(str(path), dokument.sha256, referat)
    except ReferatError as error:
        return Parsed(str(path), fejl=str(error))


def write_parsed(db: sqlite_utils.Database, parsed: Parsed, force: bool = False) -> Resultat:
    """Store one parsed file (the single writer); checks the sha256 again for duplicates within a run."""
    if parsed.fejl is not None:
        log.info("%s: %s", parsed.kilde, parsed.fejl)
        return Resultat(parsed.kilde, "failed", fejl=parsed.fejl)
    if parsed.referat is None or (not force and store.is_ingested(db, parsed.sha256)):
        return Resultat(parsed.kilde, "unchanged")
    try:
        rid, note = store.save_document(db, parsed.referat, EXPORT_FORMATS)
    except ReferatError as error:  # as in ingest_file: the document is reported and skipped
        log.info("%s: %s", parsed.kilde, error)
        return Resultat(parsed.kilde, "failed", fejl=str(error))
    return Resultat(parsed.kilde, "ingested", referat_id=rid, punkter=len(parsed.referat.punkter), note=note)


def ingest_files(
    db: sqlite_utils.Database, paths: Iterable[str | Path], force: bool = False, jobs: int = 1,
    model: str | None = None, kommune: str | None = None,
) -> Iterator[Resultat]:
    """Ingest files in order, yielding one Resultat each; jobs > 1 parses in worker processes.

    Parsing and NLP run in the workers; this process alone writes, one transaction per document,
    in input order, so the database is the same whatever the number of jobs.
    """
    stored = frozenset(store.stored_sha256(db)) if not force else frozenset()
    if jobs <= 1:
        yield from (write_parsed(db, parse_document(path, force, stored, model, kommune), force) for path in paths)
        return
    work = functools.partial(parse_document, force=force, model=model, kommune=kommune)
    with Pool(jobs, initializer=_set_stored, initargs=(stored,)) as pool:
        for parsed in bounded_map(pool, work, paths, jobs * IN_FLIGHT):
            yield write_parsed(db, parsed, force)


def bounded_map(pool, function, items: Iterable, window: int) -> Iterator:
    """Like pool.imap, in order, but with at most `window` items in flight.

    pool.imap queues every input at once and buffers every result, so when parsing outruns the
    writer the parsed referater pile up in memory (475 MB after 600 documents).
    """
    pending: deque = deque()
    for item in items:
        pending.append(pool.apply_async(function, (item,)))
        if len(pending) >= window:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()
