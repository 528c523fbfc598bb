"""Referat → the JSON shape `referater parse --json` prints."""

from __future__ import annotations

from dataclasses import asdict

from .models import Punkt, Referat

# Technical fields that are not part of the published JSON shape.
HIDDEN = {"hoved", "indholdsfortegnelse", "overskrift", "stoej"}


def punkt_dict(punkt: Punkt) -> dict:
    row = asdict(punkt)
    row["sag"] = row.pop("sagsnummer")
    row["sagsnummer"] = punkt.sagsnummer.raw if punkt.sagsnummer else None
    return {key: value for key, value in row.items() if key not in HIDDEN}


def referat_dict(referat: Referat) -> dict:
    """The whole referat as plain JSON-ready values; tuples become lists."""
    row = {key: value for key, value in asdict(referat).items() if key not in HIDDEN}
    row["punkter"] = [punkt_dict(punkt) for punkt in referat.punkter]
    return row
