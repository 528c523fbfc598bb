"""Feeds that calendar and feed clients read: iCalendar with all-day deadlines, and absolute links.

A query with the columns ``event_uid``, ``event_name`` and ``event_date`` (ISO date) renders as ``.ics``: one
all-day event per row (DTSTART/DTEND as DATE values), with ``event_url`` and ``event_description`` when
present. datasette-ics can only make timed events, so calendars showed every frist at 00:00.

Feed entries need absolute URLs, which SQL cannot know: the magic parameter ``:_adresse_punkt`` is the
absolute address of the current database's punkt pages ("http://host/referater/punkt/"), to which a
query appends ``tilde_kode(punkt.id)``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import icalendar
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response

ICS_COLUMNS = {"event_uid", "event_name", "event_date"}
ICS_OPTIONAL = {"event_url": "url", "event_description": "description"}
PRODID = "-//referater//frister//DA"


def can_render_ics(columns) -> bool:
    return ICS_COLUMNS.issubset(columns)


def render_ics(datasette, request, database, rows, columns, query_name):
    """One all-day VEVENT per row that has a date; the canned query's title names the calendar."""
    from datasette.views.base import DatasetteError

    if not can_render_ics(columns):
        raise DatasetteError(f"Forespørgslen skal give kolonnerne {', '.join(sorted(ICS_COLUMNS))}", status=400)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", calendar_title(datasette, database, query_name))
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for row in rows:
        if row["event_date"]:
            calendar.add_component(all_day_event(dict(zip(columns, row)), stamp))
    return Response(calendar.to_ical().decode("utf-8"), content_type="text/calendar; charset=utf-8")


def all_day_event(row: dict, stamp: datetime) -> icalendar.Event:
    day = date.fromisoformat(row["event_date"])
    event = icalendar.Event()
    event.add("uid", str(row["event_uid"]))
    event.add("dtstamp", stamp)
    event.add("summary", row["event_name"])
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))  # DTEND is exclusive: the event fills exactly that day
    for column, name in ICS_OPTIONAL.items():
        if row.get(column):
            event.add(name, row[column])
    return event


def calendar_title(datasette, database: str, query_name: str | None) -> str:
    queries = (datasette.metadata(database=database) or {}).get("queries", {})
    return (queries.get(query_name) or {}).get("title") or query_name or database


def magic_parameters(datasette):
    """``:_adresse_punkt``: the absolute URL prefix of punkt pages in the database of the request."""

    def adresse(key: str, request) -> str:
        if key != "punkt":
            raise KeyError(key)
        path = datasette.urls.table(request.url_vars["database"], "punkt")
        return datasette.absolute_url(request, path) + "/"

    return [("adresse", adresse)]


def tilde_kode(value: str | None) -> str | None:
    """A primary key as it stands in a Datasette row URL ("chefforum-2025-01-29/3" → "…~2F3")."""
    return tilde_encode(value) if value is not None else None
