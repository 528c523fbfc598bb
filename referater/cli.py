"""The `referater` command: glue between files, the pipeline, the database and Datasette."""

from __future__ import annotations

import json
import logging
import textwrap
from datetime import datetime
from pathlib import Path

import click
from rapidfuzz import process

from . import db as store
from .errors import ReferatError
from .ingest import find_documents
from .ingest.kle import read_kle_file
from .jsonout import referat_dict
from .nlp import load_pipeline
from .parsers.kle import parse_kle
from .pipeline import ingest_file, ingest_files, parse_file
from .publish import serve_args

EXAMPLES = Path(__file__).parent.parent / "examples"
SUGGESTIONS = 5
SUGGESTION_CUTOFF = 60

db_option = click.option("--db", "db_path", default=store.DEFAULT_DB, show_default=True, help="SQLite database file.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
model_option = click.option("--model", help="An installed trained spaCy pipeline (fx da_core_news_sm) whose "
                            "PERSON/ORG entities add owners; default: rules only.")


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
@click.option("-s", "--silent", is_flag=True, help="No progress bar.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1),
              help="Worker processes for reading, parsing and NLP; one process writes.")  # fmt: skip
@model_option
@json_option
def ingest(paths, db_path, force, silent, jobs, model, as_json):
    """Ingest referat files and folders (.pdf, .txt, .md) into the database.

    Example: referater ingest examples/ --db referater.db --jobs 2
    """
    if model:  # a missing model is one error for the run, not one per file
        try:
            load_pipeline(model)
        except ReferatError as error:
            raise click.ClickException(str(error))
    db = store.open_db(db_path)
    files = find_documents(list(paths))
    results = []
    with click.progressbar(length=len(files), label="Indlæser referater", hidden=silent or as_json,
                           item_show_func=lambda p: p.name if p else "") as bar:  # fmt: skip
        for result in ingest_files(db, files, force=force, jobs=jobs, model=model):
            results.append(result)
            bar.update(1, Path(result.kilde))
    for result in results:
        if result.status == "failed":
            click.echo(f"{result.kilde}: {result.fejl}", err=True)
    if as_json:
        emit_json([vars(r) for r in results])
    elif not silent:
        counts = {s: sum(r.status == s for r in results) for s in ("ingested", "unchanged", "failed")}
        click.echo("{ingested} indlæst, {unchanged} uændret, {failed} fejlet".format(**counts))
    if any(r.status == "failed" for r in results):
        raise SystemExit(1)


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
        raise click.ClickException(f"{file}: {error}")
    if as_json:
        emit_json(referat_dict(referat))
        return
    click.echo(f"{referat.forum} {referat.dato} kl. {referat.starttid}, {referat.sted}")
    for punkt in referat.punkter:
        sag = punkt.sagsnummer.raw if punkt.sagsnummer else "-"
        click.echo(f"  {punkt.nummer:>3}. {punkt.titel} [{sag}] → {'lukket' if punkt.lukket else punkt.udfald}")
        for frist in punkt.frister:
            click.echo(f"       frist {frist.dato or '(uden dato)'} [{frist.praecision or '-'}] "
                       f"{frist.ansvarlig or '-'}: «{frist.tekst}» i {frist.afsnit}")
        for opgave in punkt.opgaver:
            click.echo(f"       opgave {opgave.ansvarlig}: {opgave.handling}")
    for advarsel in referat.advarsler:
        click.echo(f"  advarsel: {advarsel}")


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
        raise click.ClickException(f"sagsnummer {sagsnummer} findes ikke; nærmeste: {hint}")
    emit_rows(rows, as_json, lambda row: (f"{punkt_line(row)} → {row['udfald']}", row["beslutning"] or ""))


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
@json_option
def frister(db_path, fra, til, ansvarlig, as_json):
    """Open deadlines found in the referater, soonest first, with their punkt and sagsnummer.

    Example: referater frister --fra 2025-08-01 --ansvarlig afdelingscheferne
    """
    fra = (fra or datetime.now()).date().isoformat()
    rows = store.find_frister(store.open_db(db_path), fra, til and til.date().isoformat(), ansvarlig)
    if not rows and not as_json:
        click.echo(f"ingen frister fra {fra}" + (f" for {ansvarlig}" if ansvarlig else ""))
    emit_rows(rows, as_json, frist_lines)


def frist_lines(row: dict) -> tuple[str, str]:
    ansvarlig = row["ansvarlig"] or "(ingen ansvarlig nævnt)"
    usikker = " (usikker)" if row["usikker"] else ""
    sag = f", sag {row['sagsnummer']}" if row["sagsnummer"] else ""
    return (f"{row['dato']} [{row['praecision']}] {ansvarlig}: {row['handling']}{usikker}",
            f"{row['forum']} {row['moededato']} punkt {row['punkt_id'].rsplit('/', 1)[1]}: "
            f"{row['punkt_titel']}{sag} – «{row['tekst']}» i {row['afsnit']}")  # fmt: skip


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
def serve(db_path, host, port):
    """Publish the database with Datasette, read-only.

    Example: referater serve --db referater.db --port 8001
    """
    store.open_db(db_path).close()  # make sure tables, FTS and WAL exist before Datasette reads
    serve_datasette(db_path, host, port)


def serve_datasette(db_path: str, host: str, port: int) -> None:
    from datasette.cli import cli as datasette

    datasette.main(serve_args(db_path, host, port), prog_name="datasette")


@cli.command()
@db_option
@click.option("--port", default=8001, show_default=True, type=int)
def demo(db_path, port):
    """Ingest the bundled example referater and serve them on 127.0.0.1.

    Example: referater demo
    """
    if not EXAMPLES.is_dir():
        raise click.ClickException(f"{EXAMPLES}: the example referater are missing; run from a source checkout")
    db = store.open_db(db_path)
    results = [ingest_file(db, path) for path in find_documents([EXAMPLES])]
    click.echo(f"{sum(r.status == 'ingested' for r in results)} referater indlæst i {db_path}")
    db.close()
    serve_datasette(db_path, "127.0.0.1", port)


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
        raise click.ClickException(f"{file}: {error}")
    count = store.import_kle(store.open_db(db_path), rows)
    click.echo(f"{count} KLE-numre indlæst i {db_path}")
