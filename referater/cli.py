"""The `referater` command: glue between files, the pipeline, the database and Datasette."""

from __future__ import annotations

import json
import logging
import textwrap
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import click
from rapidfuzz import process

from . import EXAMPLES
from . import db as store
from .check import as_json as check_json
from .check import check_file, document_lines, summary_lines
from .errors import ReferatError
from .ingest import find_documents
from .harvest import harvest, select_meetings
from .ingest.kle import read_kle_file
from .ingest.portal import Portal, PortalError, portal_base
from .jsonout import referat_dict
from .nlp import load_pipeline
from .nlp.ansvarsformer import TYPER
from .parsers.kle import parse_kle
from .pipeline import ingest_file, ingest_files, parse_file
from .publish import serve_args
from .reparse import describe, outdated_note, reparse_referater, summary, to_reparse
from .web.labels import label

SUGGESTIONS = 5
SUGGESTION_CUTOFF = 60

db_option = click.option("--db", "db_path", default=store.DEFAULT_DB, show_default=True, help="SQLite database file.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
silent_option = click.option("-s", "--silent", is_flag=True, help="No progress bar.")
jobs_option = click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1),
                           help="Worker processes for reading, parsing and NLP; one process writes.")
model_option = click.option("--model", help="An installed trained spaCy pipeline (fx da_core_news_sm) whose "
                            "PERSON/ORG entities add owners; default: rules only.")


class Fejl(click.ClickException):
    """Our own one-line error for the whole command, printed as "Fejl: …" (click's own says "Error: …")."""

    def show(self, file=None) -> None:
        click.echo(f"Fejl: {self.format_message()}", file=file, err=file is None, color=self.show_color)


def shown(kind: str, code) -> str:
    """The Danish word for a stored code, as the web site shows it; "-" where there is none."""
    return label(kind, code) or "-"


def emit_json(value) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def emit_rows(rows: list[dict], as_json: bool, describe) -> None:
    """Rows as JSON, or per row a headline and an indented detail line from ``describe(row)``."""
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        headline, detail = describe(row)
        click.echo(headline)
        click.echo(textwrap.indent(detail, "    "))


def punkt_line(row: dict) -> str:
    return f"{row['dato']} {row['forum']} punkt {row['nummer']}: {row['titel']}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option()
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Danish municipal referater → a searchable record of every decision."""
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--force", is_flag=True, help="Parse again even when the file is already stored.")
@silent_option
@jobs_option
@model_option
@click.option("--kommune", help="The municipality the referater come from (fx 'Kløvermose Kommune'); "
              "default: the one each referat names in its own text.")  # fmt: skip
@json_option
def ingest(paths, db_path, force, silent, jobs, model, kommune, as_json):
    """Ingest referat files and folders (.pdf, .txt, .md) into the database.

    Example: referater ingest examples/ --db referater.db --jobs 2
    """
    check_model(model)
    db = store.open_db(db_path)
    files = find_documents(list(paths))
    results = []
    with click.progressbar(length=len(files), label="Indlæser referater", hidden=silent or as_json,
                           item_show_func=lambda p: p.name if p else "") as bar:  # fmt: skip
        for result in ingest_files(db, files, force=force, jobs=jobs, model=model, kommune=kommune):
            results.append(result)
            bar.update(1, Path(result.kilde))
    report_run(results, as_json, silent, ("indlæst", "uændret", "fejlet"))
    if note := outdated_note(db, db_path):
        click.echo(note, err=True)
    if any(r.status == "failed" for r in results):
        raise SystemExit(1)


@cli.command()
@click.argument("portal_url", metavar="PORTAL-URL")
@click.option("--udvalg", help="Only committees whose name contains this text (fx 'Økonomiudvalget').")
@click.option("--fra", type=click.DateTime(["%Y-%m-%d"]), help="First meeting date.")
@click.option("--til", type=click.DateTime(["%Y-%m-%d"]), help="Last meeting date.")
@db_option
@click.option("--force", is_flag=True, help="Fetch again meetings that are already stored.")
@click.option("--pause", default=0.5, show_default=True, type=click.FloatRange(0),
              help="Seconds between two requests; after a failure the wait starts at 4 × pause and doubles.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0, min_open=True),
              help="Seconds to wait for an answer.")
@click.option("-s", "--silent", is_flag=True, help="No progress bar.")
@model_option
@json_option
def hent(portal_url, udvalg, fra, til, db_path, force, pause, timeout, silent, model, as_json):
    """Fetch a FirstAgenda portal's meetings and ingest them; a second run fetches only what is new.

    Example: referater hent https://dagsordener.kommune.dk --udvalg Økonomiudvalget --fra 2024-01-01
    """
    try:
        portal = Portal(portal_base(portal_url), pause=pause, timeout=timeout, backoff=4 * pause)
        meetings = select_meetings(portal.meetings(), udvalg, fra and fra.date(), til and til.date())
    except PortalError as error:
        raise Fejl(f"{portal_url}: {error}")
    db = store.open_db(db_path)
    results, stopped = [], None
    with click.progressbar(length=len(meetings), label="Henter møder", hidden=silent or as_json) as bar:
        try:
            for result in harvest(db, portal, meetings, force=force, model=model):
                results.append(result)
                bar.update(1)
        except PortalError as error:  # the portal keeps failing: stop, keep what was fetched
            stopped = f"{portal_url}: {error} ({len(results)} af {len(meetings)} møder behandlet; kør igen for resten)"
    report_run(results, as_json, silent, ("hentet", "allerede gemt", "fejlet"))
    if stopped:
        click.echo(stopped, err=True)
    if stopped or any(r.status == "failed" for r in results):
        raise SystemExit(1)


def report_run(results, as_json: bool, silent: bool, words: tuple[str, str, str]) -> None:
    """Failed files (stderr) and merge notes, one line each; then the JSON or a one-line count."""
    for result in results:
        if result.status == "failed":
            click.echo(f"{result.kilde}: {result.fejl}", err=True)
        elif result.note and not as_json:
            click.echo(f"{result.kilde}: {result.note}")
    if as_json:
        emit_json([vars(r) for r in results])
    elif not silent:
        counts = [sum(r.status == s for r in results) for s in ("ingested", "unchanged", "failed")]
        click.echo(", ".join(f"{n} {word}" for n, word in zip(counts, words)))


@cli.command()
@db_option
@click.option("--all", "--force", "alle", is_flag=True, help="Parse every referat again, also those this version made.")
@silent_option
@jobs_option
@model_option
@json_option
def reparse(db_path, alle, silent, jobs, model, as_json):
    """Parse the stored referater again with this version of the parser, without their files.

    Example: referater reparse --db referater.db --jobs 2
    """
    check_model(model)
    db = store.open_db(db_path)
    rows = to_reparse(db, alle)
    results = []
    with click.progressbar(length=len(rows), label="Genlæser referater", hidden=silent or as_json,
                           item_show_func=lambda r: r.referat_id if r else "") as bar:  # fmt: skip
        for result in reparse_referater(db, rows, jobs, model):
            results.append(result)
            bar.update(1, result)
    for result in results:
        if result.status != "reparsed":
            click.echo(f"{result.kilde}: {result.fejl}", err=True)
        elif not as_json and result.aendret:
            click.echo(describe(result))
    if as_json:
        emit_json([asdict(r) for r in results])
    elif not silent:
        click.echo(summary(results, db["referat"].count))
    if any(r.status != "reparsed" for r in results):
        raise SystemExit(1)


def check_model(model: str | None) -> None:
    """A missing model is one error for the run, not one per file."""
    if model:
        try:
            load_pipeline(model)
        except ReferatError as error:
            raise Fejl(str(error))


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@model_option
@json_option
def parse(file, model, as_json):
    """Show what the parser makes of one file, without touching a database.

    Example: referater parse examples/chefforum-2025-01-29.txt --json
    """
    try:
        referat = parse_file(file, model)
    except ReferatError as error:
        raise Fejl(f"{file}: {error}")
    if as_json:
        emit_json(referat_dict(referat))
        return
    click.echo(header_line(referat))
    for punkt in referat.punkter:
        sag = punkt.sagsnummer.raw if punkt.sagsnummer else "-"
        nummer = f"{punkt.nummer:>3}." if punkt.nummer is not None else "  -."
        udfald = "lukket" if punkt.lukket else shown("udfald", punkt.udfald)
        click.echo(f"  {nummer} {punkt.titel or '(uden titel)'} [{sag}] → {udfald}")
        for frist in punkt.frister:
            click.echo(f"       frist {frist.dato or '(uden dato)'} [{shown('praecision', frist.praecision)}] "
                       f"{owner_label(frist.ansvarlig, frist.ansvarlig_type, '-')}: «{frist.tekst}» i {frist.afsnit}")
        for opgave in punkt.opgaver:
            click.echo(f"       opgave {opgave.ansvarlig}: {opgave.handling}")
    for advarsel in referat.advarsler:
        click.echo(f"  advarsel: {advarsel}")


def header_line(referat) -> str:
    """ "Økonomiudvalget 2025-01-29 kl. 16:00, Rådhuset": only what the referat tells."""
    when = " ".join(str(part) for part in (referat.forum, referat.dato, referat.starttid and f"kl. {referat.starttid}")
                    if part)  # fmt: skip
    return ", ".join(part for part in (when, referat.sted) if part)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-s", "--silent", is_flag=True, help="Only the table at the end, not each document.")
@json_option
def check(paths, silent, as_json):
    """What the parser makes of referat files and folders, stored nowhere: run it first on a new municipality's files.

    Example: referater check ~/referater/2019/
    """
    kontroller = []
    for path in find_documents(list(paths)):
        kontroller.append(kontrol := check_file(path))
        if not silent and not as_json:
            click.echo("\n".join(document_lines(kontrol)))
    if as_json:
        emit_json([check_json(k) for k in kontroller])
    else:
        click.echo(("" if silent else "\n") + "\n".join(summary_lines(kontroller)))
    for kontrol in (k for k in kontroller if k.fejl):
        click.echo(f"{kontrol.kilde}: {kontrol.fejl}", err=True)
    if any(k.fejl for k in kontroller):
        raise SystemExit(1)


@cli.command()
@click.argument("sagsnummer")
@db_option
@json_option
def sag(sagsnummer, db_path, as_json):
    """Every punkt that carries a sagsnummer, newest meeting first.

    Example: referater sag 00.01.00-A00-32-24
    """
    db = store.open_db(db_path)
    rows = store.find_sag(db, sagsnummer)
    if not rows:
        close = process.extract(sagsnummer.upper(), store.all_sagsnumre(db), limit=SUGGESTIONS,
                                score_cutoff=SUGGESTION_CUTOFF)  # fmt: skip
        hint = ", ".join(match for match, _score, _i in close) or "ingen"
        raise Fejl(f"sagsnummer {sagsnummer} findes ikke; nærmeste: {hint}")
    emit_rows(rows, as_json,
              lambda row: (f"{punkt_line(row)} → {shown('udfald', row['udfald'])}", row["beslutning"] or ""))


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, help="At most this many results.")
@json_option
def search(query, db_path, limit, as_json):
    """Danish search over punkter, as on the web page: every form of a word, exact words first.

    Example: referater search budgetterne
    """
    rows = store.search(store.open_db(db_path), query, limit)
    emit_rows(rows, as_json, lambda row: (punkt_line(row), " ".join(row["uddrag"].split())))


@cli.command()
@db_option
@click.option("--fra", type=click.DateTime(["%Y-%m-%d"]), help="First date (default: today, so only open frister).")
@click.option("--til", type=click.DateTime(["%Y-%m-%d"]), help="Last date.")
@click.option("--ansvarlig", help="Only frister whose owner contains this text (fx 'Økonomi & Stab').")
@click.option("--type", "ansvarlig_type", type=click.Choice(TYPER),
              help="Only frister whose owner is of this kind (fx organ for udvalg, råd and direktion).")
@json_option
def frister(db_path, fra, til, ansvarlig, ansvarlig_type, as_json):
    """Open deadlines found in the referater, soonest first, with their owner, its kind, punkt and sagsnummer.

    Example: referater frister --fra 2025-08-01 --type organ --ansvarlig økonomiudvalget
    """
    fra = (fra or datetime.now()).date().isoformat()
    rows = store.find_frister(store.open_db(db_path), fra, til and til.date().isoformat(), ansvarlig, ansvarlig_type)
    if not rows and not as_json:
        filtre = " ".join(f"for {f}" for f in (ansvarlig, ansvarlig_type) if f)
        click.echo(f"ingen frister fra {fra}" + (f" {filtre}" if filtre else ""))
    emit_rows(rows, as_json, frist_lines)


def owner_label(ansvarlig: str | None, art: str | None, ingen: str = "(ingen ansvarlig nævnt)") -> str:
    """ "Økonomiudvalget (ØU) [politisk organ]": the owner and its kind, in the site's words."""
    return f"{ansvarlig} [{label('ansvarlig_type', art)}]" if ansvarlig and art else ansvarlig or ingen


def frist_lines(row: dict) -> tuple[str, str]:
    ansvarlig = owner_label(row["ansvarlig"], row["ansvarlig_type"])
    usikker = " (usikker)" if row["usikker"] else ""
    sag = f", sag {row['sagsnummer']}" if row["sagsnummer"] else ""
    return (f"{row['dato']} [{shown('praecision', row['praecision'])}] {ansvarlig}: {row['handling']}{usikker}",
            f"{row['forum']} {row['moededato']} punkt {row['punkt_id'].rsplit('/', 1)[1]}: "
            f"{row['punkt_titel']}{sag} – «{row['tekst']}» i {row['afsnit']}")  # fmt: skip


host_option = click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
port_option = click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")


@cli.command()
@click.option("--db", "db_paths", multiple=True, default=[store.DEFAULT_DB], show_default=True,
              help="SQLite database file; give --db once per municipality to serve several.")  # fmt: skip
@host_option
@port_option
def serve(db_paths, host, port):
    """Publish the databases with Datasette, read-only; front page and search cover them all.

    Example: referater serve --db kloevermose.db --db oestby.db --port 8001
    """
    for db_path in db_paths:  # make sure tables, FTS and WAL exist before Datasette reads
        store.open_db(db_path).close()
    serve_datasette(db_paths, host, port)


def serve_datasette(db_paths: list[str], host: str, port: int) -> None:
    from datasette.cli import cli as datasette

    datasette.main(serve_args(db_paths, host, port), prog_name="datasette")


@cli.command()
@db_option
@host_option
@port_option
def demo(db_path, host, port):
    """Ingest the example referater that ship with the package and serve them.

    Example: referater demo --port 8001
    """
    db = store.open_db(db_path)
    results = [ingest_file(db, path) for path in find_documents([EXAMPLES])]
    click.echo(f"{sum(r.status == 'ingested' for r in results)} referater indlæst i {db_path}")
    db.close()
    serve_datasette([db_path], host, port)


@cli.group()
def kle():
    """The KLE emneplan: titles for the KLE numbers in sagsnumre."""


@kle.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@db_option
def kle_import(file, db_path):
    """Load your own KLE emneplan XML into table kle, so facets and case pages show KLE titles.

    Example: referater kle import KLE-Emneplan.xml --db referater.db
    """
    try:
        rows = parse_kle(read_kle_file(file))
    except ReferatError as error:
        raise Fejl(f"{file}: {error}")
    count = store.import_kle(store.open_db(db_path), rows)
    click.echo(f"{count} KLE-numre indlæst i {db_path}")
