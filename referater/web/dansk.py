"""Datasette 0.65's own words in Danish: filter operators, the description above a table, error messages
and numbers. The templates in ``templates/`` carry the rest of the page text.
"""

from __future__ import annotations

import re

from datasette.filters import Filters
from .labels import cell_label, column_title

# Filter operator (Datasette's key) → what the operator menu says.
LOOKUPS = {
    "exact": "=", "not": "≠", "contains": "indeholder", "endswith": "slutter med", "startswith": "begynder med",
    "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "like": "ligner (SQL like)", "notlike": "ligner ikke",
    "glob": "glob", "in": "er en af", "notin": "er ingen af", "arraycontains": "listen indeholder",
    "arraynotcontains": "listen indeholder ikke", "date": "dato er", "isnull": "er tom (null)",
    "notnull": "er ikke tom (null)", "isblank": "er blank", "notblank": "er ikke blank",
}  # fmt: skip
# Error messages Datasette and SQLite give (regex on the whole message) → the Danish message.
ERRORS = [
    (r"(?s).*SQL query took too long.*", "SQL-forespørgslen tog for lang tid (grænsen er 3 sekunder). Gør den mere "
     "præcis, fx med et filter eller en kortere periode."),  # fmt: skip
    (r"Table not found.*", "Tabellen findes ikke."),
    (r"Database not found.*", "Databasen findes ikke."),
    (r"Record not found.*", "Rækken findes ikke."),
    (r"Page not found.*|Not found.*|No data.*", "Siden findes ikke."),
    (r"Statement must be a SELECT.*", "Kun forespørgsler der læser (SELECT) er tilladt."),
    (r"Cannot sort table by (?P<x>.+)", "Tabellen kan ikke sorteres efter {x}."),
    (r"Cannot use _sort and _sort_desc at the same time", "Sortér enten stigende eller faldende, ikke begge dele."),
    (r"You do not have permission.*|Permission denied.*|.*forbidden.*", "Du har ikke adgang til denne side."),
    (r"no such column: (?P<x>.+)", "Kolonnen findes ikke: {x}"),
    (r"no such table: (?P<x>.+)", "Tabellen findes ikke: {x}"),
    (r"near (?P<x>.+): syntax error", "Syntaksfejl i SQL ved {x}"),
    (r"Invalid SQL.*", "Ugyldig SQL"),
    (r"(?s).*", "Der skete en fejl: {0}"),  # anything else: the original words behind a Danish lead-in
]
ERROR_TITLES = {400: "Forkert forespørgsel", 403: "Ingen adgang", 404: "Siden findes ikke", 500: "Intern fejl"}
SORTED = {False: "sorteret efter {} (stigende)", True: "sorteret efter {} (faldende)"}


def tal(value) -> str:
    """A count the Danish way: 1.234 (Datasette prints 1,234)."""
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def fejl(message) -> str:
    """An error message in Danish; text inside the message stays escaped."""
    text = str(message)
    for pattern, danish in ERRORS:
        if match := re.fullmatch(pattern, text.strip()):
            return danish.format(text, **{k: v for k, v in match.groupdict().items()})
    return text


def fejl_titel(status, title=None) -> str:
    if title == "Invalid SQL":
        return "Ugyldig SQL"
    return ERROR_TITLES.get(status, f"Fejl {status}")


def table_description(args, columns: list[str], sort: str | None = None, sort_desc: str | None = None) -> str:
    """What the rows shown are, in Danish: 'hvor udfald = drøftet, der matcher «budget», sorteret efter dato'."""
    pairs = [(k, args.get(k)) for k in args.keys() if not k.startswith("_") and k.split("__")[0] in columns]
    conditions = [condition(*selection) for selection in Filters(pairs).selections()] + args.getlist("_where")
    bits = [f"hvor {' og '.join(conditions)}"] if conditions else []
    if args.get("_search"):
        bits.append(f"der matcher «{args['_search']}»")
    if sort or sort_desc:
        bits.append(SORTED[bool(sort_desc)].format(column_title(sort or sort_desc)))
    return ", ".join(bits)


def condition(column: str, lookup: str, value: str) -> str:
    """One filter as words: 'udfald = drøftet'."""
    shown = "" if lookup in {"isnull", "notnull", "isblank", "notblank"} else f" {cell_label(column, value)}"
    return f"{column_title(column)} {LOOKUPS.get(lookup, lookup)}{shown}"
