"""Dataclasses → table rows. Lists are stored as JSON arrays so Datasette can facet on them.

A punkt's text is stored once, in ``tekst`` (each section as its heading line and its text, sections
separated by a blank line); ``afsnit`` lists the sections' headings and where each starts in ``tekst``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..models import Punkt, Referat, Sagsnummer


SECTION_GAP = "\n\n"


def slug(text: str) -> str:
    """ASCII lower-case slug: "Økonomiudvalget" → "oekonomiudvalget"."""
    text = text.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def dumps(value) -> str:
    return json.dumps(list(value), ensure_ascii=False)


def year(dato: str | None) -> int | None:
    return int(dato[:4]) if dato else None


def referat_row(rid: str, referat: Referat, ingested_at: str, parser_version: str) -> dict:
    return {
        "id": rid,
        "forum": referat.forum,
        "kommune": referat.kommune,
        "dato": referat.dato,
        "aar": year(referat.dato),
        "starttid": referat.starttid,
        "sted": referat.sted,
        "antal_punkter": len(referat.punkter),
        "advarsler": dumps(referat.advarsler),
        "antal_advarsler": len(referat.advarsler),
        "_kilde": referat.kilde,
        "_sha256": referat.sha256,
        "_format": referat.format,
        "_ingested_at": ingested_at,
        "_parser_version": parser_version,
    }


def punkt_row_id(rid: str, punkt: Punkt) -> str:
    """ "<referat>/<nummer>"; a punkt without a printed number is known by its place: "<referat>/p2"."""
    return f"{rid}/{punkt.nummer}" if punkt.nummer is not None else f"{rid}/p{punkt.position}"


def punkt_row(rid: str, referat: Referat, punkt: Punkt) -> dict:
    sag = punkt.sagsnummer
    return {
        "id": punkt_row_id(rid, punkt),
        "referat_id": rid,
        "nummer": punkt.nummer,
        "titel": punkt.titel,
        "type": punkt.type,
        "sag_id": sag.noegle if sag else None,
        "sagsnummer": sag.raw if sag else None,
        "forum": referat.forum,
        "kommune": referat.kommune,
        "dato": referat.dato,
        "aar": year(referat.dato),
        "indstiller": punkt.indstiller,
        "indstillinger": dumps(punkt.indstillinger),
        "tidsramme_min": punkt.tidsramme_min,
        "beslutning": punkt.beslutning,
        "udfald": punkt.udfald,
        "afsnit": dumps(section_starts((a.navn, a.tekst) for a in punkt.afsnit)),
        "tekst": SECTION_GAP.join(f"{a.navn}\n{a.tekst}" for a in punkt.afsnit),
        "sider": dumps(punkt.sider),
        "eksport_id": punkt.eksport_id,
    }


def section_starts(sections: Iterable[tuple[str, str]]) -> list[dict]:
    """(heading, text) pairs → [{"navn": heading, "start": where its heading line starts in tekst}, …]."""
    starts, position = [], 0
    for navn, tekst in sections:
        starts.append({"navn": navn, "start": position})
        position += len(navn) + 1 + len(tekst) + len(SECTION_GAP)
    return starts


def afsnit_list(tekst: str | None, afsnit: str | None) -> list[dict]:
    """The sections of a stored punkt as [{"navn", "tekst"}, …], cut out of its one stored text."""
    starts = json.loads(afsnit or "[]")
    tekst = tekst or ""
    ends = [nxt["start"] - len(SECTION_GAP) for nxt in starts[1:]] + [len(tekst)]
    return [{"navn": a["navn"], "tekst": tekst[a["start"] + len(a["navn"]) + 1 : end]} for a, end in zip(starts, ends)]


def sag_row(sag: Sagsnummer) -> dict:
    return {
        "id": sag.noegle,
        "raw": sag.raw,
        "skema": sag.skema,
        "emne": sag.emne,
        "handlingsfacet": sag.handlingsfacet,
        "loebenummer": sag.loebenummer,
        "aar": sag.aar,
    }


def deltager_rows(rid: str, referat: Referat) -> list[dict]:
    return [
        {"id": f"{rid}/{i}", "referat_id": rid, "position": i, "navn": d.navn, "rolle": d.rolle, "parti": d.parti,
         "fravaerende": int(d.fravaerende)}  # fmt: skip
        for i, d in enumerate(referat.deltagere, start=1)
    ]


def bilag_rows(punkt_id: str, punkt: Punkt) -> list[dict]:
    links = punkt.bilag_links + (None,) * (len(punkt.bilag) - len(punkt.bilag_links))  # parsed text has no links
    return [
        {"id": f"{punkt_id}/{i}", "punkt_id": punkt_id, "position": i, "titel": titel, "link": link}
        for i, (titel, link) in enumerate(zip(punkt.bilag, links), start=1)
    ]


def behandling_rows(punkt_id: str, punkt: Punkt) -> list[dict]:
    sag_id = punkt.sagsnummer.noegle if punkt.sagsnummer else None
    return [
        {"id": f"{punkt_id}/{i}", "punkt_id": punkt_id, "position": i, "organ": b.organ, "dato": b.dato,
         "punkt_nummer": b.punkt_nummer, "udtalelse": b.udtalelse, "sag_id": sag_id}  # fmt: skip
        for i, b in enumerate(punkt.behandling, start=1)
    ]


def lukket_punkt_row(rid: str, punkt: Punkt) -> dict:
    return {"id": punkt_row_id(rid, punkt), "referat_id": rid, "nummer": punkt.nummer, "titel": punkt.titel}
