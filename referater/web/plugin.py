"""Datasette plugin: Danish search functions, links from every sagsnummer to its case page,
front-page figures and the case page itself (``/sag?nr=SAGSNUMMER``)."""

from __future__ import annotations

import json
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from ..db.fts import register_functions
from ..db.rows import afsnit_list
from ..nlp.stemming import HIT_END, HIT_START
from . import queries
from .facetter import facet_classes

CASE_PAGE = "/sag"
SAG_COLUMNS = {"sag_id", "sagsnummer"}  # columns whose value is a case number, in any table or query
PUNKT_COLUMNS = {"punkt", "punkt_id"}  # query columns holding a punkt id (tables link these already)
EXCERPT_COLUMN = "uddrag"


@hookimpl
def prepare_connection(conn):
    # Used by the canned search query: the same Danish search as `referater search` (db/fts.py).
    register_functions(conn)


def case_url(datasette, sagsnummer: str) -> str:
    return datasette.urls.path(f"{CASE_PAGE}?nr={quote(sagsnummer, safe='')}")


def punkt_url(datasette, database: str, punkt_id: str) -> str:
    return datasette.urls.row(database, "punkt", tilde_encode(punkt_id))


def plain(cell):
    """A table row's foreign-key cell is {"value": …, "label": …}; a query's is the value itself."""
    return cell["value"] if isinstance(cell, dict) else cell


def link(href: str, text) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Sagsnumre link to the case page everywhere; punkt ids in queries link to the punkt; excerpts get <mark>."""
    if not isinstance(value, str) or not value:
        return None
    if column in SAG_COLUMNS or (table == "sag" and column == "id"):
        sag_id = plain(row["sag_id"]) if "sag_id" in row.keys() else None
        return link(case_url(datasette, sag_id or value), value)
    if table is None and column in PUNKT_COLUMNS:
        return link(punkt_url(datasette, database, value), value)
    if column == EXCERPT_COLUMN:
        return highlighted(value)
    return None


def highlighted(excerpt: str) -> Markup:
    """Escape the excerpt first, then turn the hit markers into <mark>, so referat text stays text."""
    escaped = str(escape(excerpt))
    return Markup(escaped.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))


@hookimpl
def register_facet_classes():
    return facet_classes()  # Datasette's, with column facets answered from the writer-kept counts


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["fra_json"] = lambda text: json.loads(text or "[]")
    env.filters["afsnit"] = lambda punkt: afsnit_list(punkt["tekst"], punkt["afsnit"])  # text stored once


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if template == "index.html":
        return front_page_vars(datasette)
    if view_name == "row" and table == "punkt":
        return punkt_page_vars(datasette.get_database(database), tilde_decode(request.url_vars["pks"]))
    return None


def front_page_vars(datasette):
    async def inner():
        return {"oversigt": await queries.overview(datasette.get_database())}

    return inner


def punkt_page_vars(db, punkt_id: str):
    async def inner():
        return await queries.punkt_details(db, punkt_id)

    return inner


@hookimpl
def register_routes():
    return [(rf"^{CASE_PAGE}$", case_page)]


async def case_page(datasette, request):
    """The whole history of one sagsnummer: every punkt, its indstillinger, beslutning, frister and trail."""
    nummer = (request.args.get("nr") or "").strip()
    db = datasette.get_database()
    history = await queries.case_history(db, nummer) if nummer else None
    context = {"nr": nummer, "sag": history, "database": db.name,
               "punkt_url": lambda pid: punkt_url(datasette, db.name, pid),
               "case_url": lambda nr: case_url(datasette, nr)}  # fmt: skip
    status = 200 if history and history["punkter"] else 404
    html = await datasette.render_template("sag.html", context, request=request)
    return Response.html(html, status=status)
