"""Referat → the compact shape of the hand-written layout expectations (tests and `make eval` share it)."""

from __future__ import annotations

from .models import Punkt, Referat


def collapse(text: str | None) -> str | None:
    """Whitespace runs → one space: line breaks inside a text are layout, not content."""
    return " ".join(text.split()) if text is not None else None


def punkt_result(punkt: Punkt) -> dict:
    sag = punkt.sagsnummer
    return {
        "nummer": punkt.nummer,
        "titel": punkt.titel,
        "lukket": punkt.lukket,
        "sagsnummer": {"raw": sag.raw, "noegle": sag.noegle, "skema": sag.skema} if sag else None,
        "indstillinger": [collapse(text) for text in punkt.indstillinger],
        "beslutning": collapse(punkt.beslutning),
        "beslutningsorgan": punkt.beslutningsorgan,
        "beslutningsdato": punkt.beslutningsdato,
        "udfald": punkt.udfald,
        "delbeslutninger": [{"nummer": d.nummer, "tekst": collapse(d.tekst)} for d in punkt.delbeslutninger],
        "behandling": [
            {"organ": b.organ, "dato": b.dato, "punkt_nummer": b.punkt_nummer, "udtalelse": collapse(b.udtalelse)}
            for b in punkt.behandling
        ],
        "grundlag": list(punkt.grundlag),
    }


def layout_result(referat: Referat) -> dict:
    """Meeting fields, deltagere and punkter as plain values."""
    return {
        "forum": referat.forum,
        "dato": referat.dato,
        "starttid": referat.starttid,
        "sted": referat.sted,
        "deltagere": [
            {"navn": d.navn, "rolle": d.rolle, "parti": d.parti, "fravaerende": d.fravaerende}
            for d in referat.deltagere
        ],
        "punkter": [punkt_result(punkt) for punkt in referat.punkter],
    }
