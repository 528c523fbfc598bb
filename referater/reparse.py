"""`referater reparse`: parse and enrich stored referater again with this version, without their files.

Each referat an older parser version made is parsed again from its stored payload (``dokument``), in
worker processes when ``jobs > 1``, and rewritten in one transaction by this process alone. A referat
stored before payloads were kept is read once more from its file when that still has the same bytes;
otherwise it is reported, with what to do. Each result says what changed.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import sqlite_utils

from . import db as store
from .db.snapshot import referat_snapshot
from .errors import ReferatError, TextMissingError
from .ingest import read_document
from .parsers import PARSER_VERSION
from .pipeline import IN_FLIGHT, READ, WRITE, Parsed, bounded_map, parse_payload, step
from .stored import payload_from_dokument


@dataclass(frozen=True)
class Genlaest:
    """What reparse did to one referat."""

    kilde: str
    referat_id: str  # the id before
    status: str  # "reparsed", "failed" or "missing" (no stored text and no usable file)
    nyt_id: str | None = None  # the id after (forum or date may have changed)
    nye_punkter: tuple[int, ...] = ()
    fjernede_punkter: tuple[int, ...] = ()
    aendringer: tuple[str, ...] = ()  # "dato", "punkt 3: udfald, frister"
    fejl: str | None = None

    @property
    def aendret(self) -> bool:
        return bool(self.nye_punkter or self.fjernede_punkter or self.aendringer)


@dataclass(frozen=True)
class Task:
    """One referat to parse again: its row and its stored payload, if any."""

    row: dict
    payload: bytes | None
    payload_version: str | None


def payload_from_file(row: dict) -> bytes:
    """A referat stored without its text: read its file again, if it is still there with the same bytes."""
    kilde = row["_kilde"]
    if not Path(kilde).is_file():
        raise TextMissingError("teksten er ikke gemt i databasen, og filen findes ikke her længere: indlæs filen igen, "
                               "fra hvor den ligger nu, med `referater ingest FIL`")
    dokument = read_document(kilde)
    if dokument.sha256 != row["_sha256"]:
        raise TextMissingError(f"teksten er ikke gemt i databasen, og filen er ændret siden den blev indlæst: "
                               f"indlæs den igen med `referater ingest {kilde}` (den nye udgave erstatter referatet)")
    return payload_from_dokument(dokument)


def parse_task(task: Task, model: str | None = None) -> Parsed:
    """Parse and enrich one stored referat again (a worker's task); never raises."""
    row, payload, version = task.row, task.payload, task.payload_version
    try:
        if payload is None:
            payload, version = step(READ, payload_from_file, row), PARSER_VERSION
        # the municipality stays what it was, given with `ingest --kommune` or recognised
        referat = parse_payload(row["_format"], payload, row["_kilde"], row["_sha256"], model, row["kommune"])
    except ReferatError as error:
        return Parsed(row["_kilde"], fejl=str(error), mangler=isinstance(error, TextMissingError))
    return Parsed(row["_kilde"], row["_sha256"], referat, payload=payload, payload_version=version)


def rewrite(db: sqlite_utils.Database, rid: str, parsed: Parsed) -> tuple[str, dict, dict]:
    """Replace a referat by its new parse in one transaction; (new id, before, after)."""
    with db.atomic():
        before = referat_snapshot(db, rid)
        nyt_id = store.save_referat(db, parsed.referat, parsed.payload, parsed.payload_version)
        return nyt_id, before, referat_snapshot(db, nyt_id)


def write_reparsed(db: sqlite_utils.Database, row: dict, parsed: Parsed) -> Genlaest:
    """Store one reparsed referat (the single writer) and say what changed."""
    if parsed.fejl is not None:
        return Genlaest(row["_kilde"], row["id"], "missing" if parsed.mangler else "failed", fejl=parsed.fejl)
    try:
        nyt_id, before, after = step(WRITE, rewrite, db, row["id"], parsed)
    except ReferatError as error:  # rolled back: the referat stays as it was
        return Genlaest(row["_kilde"], row["id"], "failed", fejl=str(error))
    return Genlaest(row["_kilde"], row["id"], "reparsed", nyt_id, *changes(before, after))


def changes(before: dict, after: dict) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    """(punkter added, punkter removed, changed fields: "dato", "punkt 3: udfald, frister")."""
    old, new = before["punkter"], after["punkter"]
    fields = [name for name, value in after["referat"].items() if before["referat"].get(name) != value]
    for nummer in sorted(old.keys() & new.keys()):
        if changed := [name for name in new[nummer].keys() | old[nummer].keys()
                       if old[nummer].get(name) != new[nummer].get(name)]:  # fmt: skip
            fields.append(f"punkt {nummer}: {', '.join(sorted(changed))}")
    return tuple(sorted(new.keys() - old.keys())), tuple(sorted(old.keys() - new.keys())), tuple(fields)


def tasks(db: sqlite_utils.Database, rows: list[dict]) -> Iterator[Task]:
    for row in rows:
        payload, version = store.stored_payload(db, row["id"]) or (None, None)
        yield Task(row, payload, version)


def reparse_referater(db: sqlite_utils.Database, rows: list[dict], jobs: int = 1,
                      model: str | None = None) -> Iterator[Genlaest]:
    """Parse the given referat rows again, in order, yielding one Genlaest each; jobs > 1 parses in workers."""
    work = functools.partial(parse_task, model=model)
    if jobs <= 1:
        yield from (write_reparsed(db, task.row, work(task)) for task in tasks(db, rows))
        return
    with Pool(jobs) as pool:
        for row, parsed in zip(rows, bounded_map(pool, work, tasks(db, rows), jobs * IN_FLIGHT)):
            yield write_reparsed(db, row, parsed)


def to_reparse(db: sqlite_utils.Database, alle: bool = False) -> list[dict]:
    """The referat rows reparse works on: those an older parser version made, or all of them."""
    ages = store.referater_by_age(db, PARSER_VERSION)
    return ages["older"] + (ages["current"] + ages["newer"] if alle else [])


def describe(result: Genlaest) -> str:
    """One Danish line for a reparsed referat: "chefforum-2025-01-29: punkt 10 ny; ændret: punkt 3: udfald"."""
    name = result.referat_id if result.nyt_id in (None, result.referat_id) else f"{result.referat_id} → {result.nyt_id}"
    parts = []
    if result.nye_punkter:
        parts.append(f"nye punkter: {', '.join(map(str, result.nye_punkter))}")
    if result.fjernede_punkter:
        parts.append(f"fjernede punkter: {', '.join(map(str, result.fjernede_punkter))}")
    if result.aendringer:
        parts.append(f"ændret: {'; '.join(result.aendringer)}")
    return f"{name}: {'; '.join(parts) or 'ingen ændringer'}"


def summary(results: list[Genlaest], stored: int) -> str:
    """The last line of a reparse: "5 genlæst (2 ændret), 0 fejlet, 1 uden gemt tekst"."""
    if not results:
        return f"ingen referater at genlæse: alle {stored} er læst med denne version (--all genlæser dem alligevel)"
    count = Counter(result.status for result in results)
    changed = sum(result.aendret for result in results)
    return (f"{count['reparsed']} genlæst ({changed} ændret), {count['failed']} fejlet, "
            f"{count['missing']} uden gemt tekst")


def outdated_note(db: sqlite_utils.Database, db_path: str) -> str | None:
    """The line ingest prints when referater in the database were made by another parser version."""
    ages = store.referater_by_age(db, PARSER_VERSION)
    if ages["newer"]:
        return (f"{len(ages['newer'])} referater i {db_path} er læst af en nyere version af referater; "
                "opgradér referater, før du indlæser flere")
    if ages["older"]:
        return (f"{len(ages['older'])} referater i {db_path} er læst af en ældre version af parseren; "
                f"kør `referater reparse --db {db_path}` for at læse dem igen med version {PARSER_VERSION}")
    return None
