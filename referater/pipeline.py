"""File → Referat → database, one document at a time; what the CLI commands call.

Every document goes through four steps: reading (file → the payload that is stored, see ``stored.py``),
parsing, NLP and writing. A ReferatError in any step is that document's one line; any other exception
is too (``intern fejl under <step>``, an InternalError), so no document can abort a run, and the
database keeps nothing of a document that failed (one transaction per document).
"""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing import Pool
from pathlib import Path

import sqlite_utils

from . import db as store
from .errors import InternalError, ReferatError
from .ingest import read_document
from .ingest.exports import EXPORT_FORMATS
from .models import Dokument, Referat
from .nlp import enrich, load_pipeline
from .parsers import PARSER_VERSION
from .parsers.kommune import recognise_kommune
from .stored import payload_from_dokument, referat_from_stored

log = logging.getLogger(__name__)

# The steps of one document, named as the user reads them in "intern fejl under <step>".
READ, PARSE, NLP, WRITE = "læsning", "parsing", "NLP", "gemning"
MAX_DETAIL = 200  # characters of an exception's text in its one line


def step(name: str, function, *args):
    """Run one step of one document; an exception that is not a ReferatError becomes an InternalError."""
    try:
        return function(*args)
    except ReferatError:
        raise
    except Exception as error:  # noqa: BLE001 - any bug in one document must not end the run
        log.info("intern fejl under %s", name, exc_info=True)  # -v shows the traceback
        raise InternalError(f"intern fejl under {name}: {detail(error)}; rapportér gerne filen") from error


def detail(error: Exception) -> str:
    """ "ValueError: day is out of range for month", on one line and cut at MAX_DETAIL characters."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"


@dataclass(frozen=True)
class Resultat:
    """What happened to one input file."""

    kilde: str
    status: str  # "ingested", "unchanged" or "failed"
    referat_id: str | None = None
    punkter: int = 0
    fejl: str | None = None
    note: str | None = None  # said to the user: this file and another were the same meeting


@dataclass(frozen=True)
class Parsed:
    """A worker's answer for one file: the parsed referat and its payload, or why there is none."""

    kilde: str
    sha256: str | None = None
    referat: Referat | None = None  # None when the file was already stored or failed
    fejl: str | None = None
    payload: bytes | None = None  # what is stored for reparse (stored.py)
    payload_version: str = PARSER_VERSION  # the parser version whose reading step made the payload
    mangler: bool = False  # reparse: the text is not stored and the file is gone or changed


def parse_payload(format: str, payload: bytes, kilde: str, sha256: str, model: str | None = None,
                  kommune: str | None = None) -> Referat:
    """Parse and enrich a stored payload: what ingest and reparse both do after reading."""
    referat = step(PARSE, referat_from_stored, format, payload, kilde, sha256)
    return with_kommune(step(NLP, enrich, referat, load_pipeline(model)), kommune)


def with_kommune(referat: Referat, kommune: str | None) -> Referat:
    """The municipality the user gave (`ingest --kommune`), else the one the referat names itself."""
    return replace(referat, kommune=kommune or recognise_kommune(referat))


def parse_dokument(dokument: Dokument, model: str | None = None, kommune: str | None = None) -> Parsed:
    """Read the payload of a Dokument, then parse and enrich it; raises ReferatError."""
    payload = step(READ, payload_from_dokument, dokument)
    referat = parse_payload(dokument.format, payload, dokument.kilde, dokument.sha256, model, kommune)
    return Parsed(dokument.kilde, dokument.sha256, referat, payload=payload)


def parse_file(path: str | Path, model: str | None = None, kommune: str | None = None) -> Referat:
    """Read, parse and enrich one file without touching a database."""
    return parse_dokument(step(READ, read_document, path), model, kommune).referat


IN_FLIGHT = 2  # documents queued per worker: enough to keep workers busy while the writer writes

# sha256 of the documents stored when the run started; set once per worker so it is not sent per file.
_stored: frozenset[str] = frozenset()


def _set_stored(stored: frozenset[str]) -> None:
    global _stored
    _stored = stored


def parse_document(path: str | Path, force: bool = False, stored: Container[str] | None = None,
                   model: str | None = None, kommune: str | None = None) -> Parsed:
    """Read, parse and enrich one file unless its bytes are already stored (a worker's task); never raises."""
    try:
        dokument = step(READ, read_document, path)
    except ReferatError as error:
        return Parsed(str(path), fejl=str(error))
    return parse_new(dokument, force, _stored if stored is None else stored, model, kommune)


def parse_new(dokument: Dokument, force: bool = False, stored: Container[str] = (), model: str | None = None,
              kommune: str | None = None) -> Parsed:
    """Parse and enrich a document that was read (a file, a fetched meeting) unless it is stored; never raises."""
    if not force and dokument.sha256 in stored:
        return Parsed(dokument.kilde, dokument.sha256)
    try:
        return parse_dokument(dokument, model, kommune)  # the NLP pipeline is built once per process
    except ReferatError as error:
        return Parsed(dokument.kilde, fejl=str(error))


def write_parsed(db: sqlite_utils.Database, parsed: Parsed, force: bool = False) -> Resultat:
    """Store one parsed file (the single writer); checks the sha256 again for duplicates within a run."""
    if parsed.fejl is not None:
        log.info("%s: %s", parsed.kilde, parsed.fejl)
        return Resultat(parsed.kilde, "failed", fejl=parsed.fejl)
    if parsed.referat is None or (not force and store.is_ingested(db, parsed.sha256)):
        return Resultat(parsed.kilde, "unchanged")
    try:
        rid, note = step(WRITE, store.save_document, db, parsed.referat, EXPORT_FORMATS, parsed.payload,
                         parsed.payload_version)  # fmt: skip
    except ReferatError as error:  # the transaction was rolled back: nothing of the document is kept
        log.info("%s: %s", parsed.kilde, error)
        return Resultat(parsed.kilde, "failed", fejl=str(error))
    return Resultat(parsed.kilde, "ingested", referat_id=rid, punkter=len(parsed.referat.punkter), note=note)


class InDatabase:
    """``sha256 in InDatabase(db)``: the stored-documents check asked of the database, one file at a time."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def __contains__(self, sha256: str) -> bool:
        return store.is_ingested(self.db, sha256)


def ingest_file(db: sqlite_utils.Database, path: str | Path, force: bool = False,
                model: str | None = None, kommune: str | None = None) -> Resultat:
    """Ingest one file; any error becomes a failed Resultat and leaves the database as it was."""
    return write_parsed(db, parse_document(path, force, InDatabase(db), model, kommune), force)


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
