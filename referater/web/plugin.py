"""Datasette plugin: Danish search functions and words, links from every sagsnummer to its case page, lists
and labels in cells, front page over every database, the case page (``/sag?nr=…``), search in every
database (``/-/search?q=…``) and the all-day iCalendar feed."""

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
from . import dansk, feeds, queries
from .facetter import facet_classes
from .labels import cell_label, column_title, label

CASE_PAGE = "/sag"
SEARCH_PAGE = "/-/search"
SAG_COLUMNS = {"sag_id", "sagsnummer"}  # columns whose value is a case number, in any table or query
PUNKT_COLUMNS = {"punkt", "punkt_id"}  # query columns holding a punkt id (tables link these already)
EXCERPT_COLUMN = "uddrag"
# JSON-array columns → how a cell shows them: numbered, bulleted, bulleted sections, or inline.
LIST_COLUMNS = {"indstillinger": "ol", "advarsler": "ul", "afsnit": "afsnit", "sider": "inline", "varianter": "inline"}
SECTION_PREVIEW = 160  # characters of each section's text shown in a table cell
SEARCH_ALL_HITS = 10  # punkter (and frister) per database on the search-all page


@hookimpl
def prepare_connection(conn):
    # Used by the search pages and queries: the same Danish search as `referater search` (db/fts.py).
    register_functions(conn)
    # Feeds: Danish words for codes, and primary keys as they stand in row URLs.
    conn.create_function("etiket", 2, label, deterministic=True)
    conn.create_function("tilde_kode", 1, feeds.tilde_kode, deterministic=True)


@hookimpl
def register_magic_parameters(datasette):
    return feeds.magic_parameters(datasette)


@hookimpl
def register_output_renderer():
    return {"extension": "ics", "render": feeds.render_ics, "can_render": feeds.can_render_ics}


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
    """Sagsnumre link to the case page; punkt ids in queries link to the punkt; excerpts get <mark>; JSON
    lists become lists; codes become Danish words."""
    if isinstance(value, str) and value:
        if column in SAG_COLUMNS or (table == "sag" and column == "id"):
            sag_id = plain(row["sag_id"]) if "sag_id" in row.keys() else None
            return link(case_url(datasette, sag_id or value), value)
        if table is None and column in PUNKT_COLUMNS:
            return link(punkt_url(datasette, database, value), value)
        if column == EXCERPT_COLUMN:
            return highlighted(value)
        if column == "afsnit" and table == "punkt" and value.startswith("["):  # headings and starts in tekst
            tekst = row["tekst"] if "tekst" in row.keys() else None
            return json_list(json.dumps(afsnit_list(tekst, value)), LIST_COLUMNS[column])
        if column in LIST_COLUMNS and value.startswith("["):
            return json_list(value, LIST_COLUMNS[column])
    shown = cell_label(column, value)
    return escape(shown) if shown is not value else None


def highlighted(excerpt: str) -> Markup:
    """Escape the excerpt first, then turn the hit markers into <mark>, so referat text stays text."""
    escaped = str(escape(excerpt))
    return Markup(escaped.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))


def json_list(value: str, shape: str) -> Markup:
    """A JSON array as a list a person reads; every item escaped."""
    items = json.loads(value)
    if shape == "inline":
        return Markup(escape(", ".join(str(item) for item in items)) or "&nbsp;")
    if shape == "afsnit":
        return bullets("ul", [Markup("<strong>{}</strong> {}").format(a["navn"], preview(a["tekst"])) for a in items])
    return bullets(shape, items)


def bullets(tag: str, items: list) -> Markup:
    """A list of items; an empty list is an empty cell (Datasette shows a falsy value as the raw JSON)."""
    inner = Markup("").join(Markup("<li>{}</li>").format(item) for item in items)
    return Markup(f'<{tag} class="liste">') + inner + Markup(f"</{tag}>") if items else Markup("&nbsp;")


def preview(text: str) -> str:
    return text if len(text) <= SECTION_PREVIEW else text[:SECTION_PREVIEW].rsplit(" ", 1)[0] + " …"


@hookimpl
def register_facet_classes():
    return facet_classes()  # Datasette's, with column facets answered from the writer-kept counts


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["fra_json"] = lambda text: json.loads(text or "[]")
    env.filters["afsnit"] = lambda punkt: afsnit_list(punkt["tekst"], punkt["afsnit"])  # text stored once
    env.filters["etiket"] = lambda code, kind: label(kind, code)
    env.filters["celle"] = lambda value, column: cell_label(column, value)
    env.filters["kolonne"] = column_title
    env.filters["tal"] = dansk.tal
    env.filters["fejl"] = dansk.fejl
    env.globals["fejl_titel"] = dansk.fejl_titel
    env.globals["tabelbeskrivelse"] = dansk.table_description
    env.globals["operatorer"] = dansk.LOOKUPS


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if template == "index.html":
        return front_page_vars(datasette)
    if view_name == "row" and table == "punkt":
        return punkt_page_vars(datasette.get_database(database), tilde_decode(request.url_vars["pks"]))
    return None


def our_databases(datasette) -> list:
    """Every database served, in the order given (not Datasette's internal one)."""
    return [db for name, db in datasette.databases.items() if name != "_internal"]


def front_page_vars(datasette):
    async def inner():
        return {"oversigt": await queries.overview_all(our_databases(datasette))}

    return inner


def punkt_page_vars(db, punkt_id: str):
    async def inner():
        return await queries.punkt_details(db, punkt_id)

    return inner


@hookimpl
def register_routes():
    return [(rf"^{CASE_PAGE}$", case_page), (rf"^{SEARCH_PAGE}$", search_page)]


async def case_page(datasette, request):
    """The whole history of one sagsnummer in every database: each punkt, indstillinger, beslutning, frister."""
    nummer = (request.args.get("nr") or "").strip()
    databases = our_databases(datasette)
    history = await queries.case_history(databases, nummer) if nummer else None
    context = {"nr": nummer, "sag": history, "database": databases[0].name,
               "punkt_url": lambda p: punkt_url(datasette, p["database"], p["id"]),
               "case_url": lambda nr: case_url(datasette, nr)}  # fmt: skip
    status = 200 if history and history["punkter"] else 404
    html = await datasette.render_template("sag.html", context, request=request)
    return Response.html(html, status=status)


async def search_page(datasette, request):
    """One search box over every database: per hit title, forum, date, excerpt and link, then the frister."""
    q = (request.args.get("q") or "").strip()
    databases = our_databases(datasette)
    results = [await queries.search(db, q, SEARCH_ALL_HITS) for db in databases] if q else []
    context = {"q": q, "resultater": results, "databaser": [db.name for db in databases],
               "punkt_url": lambda database, pid: punkt_url(datasette, database, pid),
               "uddrag": highlighted}  # fmt: skip
    return Response.html(await datasette.render_template("search_all.html", context, request=request))
