"""`referater check`: what the parser makes of a folder of referater, before anything is stored.

The first command a user runs on a new municipality's files: per document the punkter found, what the
parser split them by, how many have a title, a case number and a decision, and its warnings; then one
table for the whole folder. Only files that cannot be read are errors.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import ReferatError
from .ingest import read_document, to_tekst
from .parsers import parse_tekst

COLUMNS = [("punkter", "punkter"), ("titel", "med_titel"), ("sagsnr", "med_sagsnummer"),
           ("beslutn.", "med_beslutning"), ("lukkede", "lukkede"), ("advarsler", "antal_advarsler")]  # fmt: skip


@dataclass(frozen=True)
class Kontrol:
    """The check of one document."""

    kilde: str
    fejl: str | None = None  # why the file cannot be read
    punkter: int = 0
    med_titel: int = 0
    med_sagsnummer: int = 0
    med_beslutning: int = 0
    lukkede: int = 0
    delt_ved: tuple[tuple[str, int], ...] = ()  # what the punkter were split by, and how often
    advarsler: tuple[str, ...] = ()

    @property
    def antal_advarsler(self) -> int:
        return len(self.advarsler)


def check_file(path: Path) -> Kontrol:
    """Read and parse one file (no NLP, no database) and count what was found."""
    try:
        referat = parse_tekst(to_tekst(read_document(path)))
    except ReferatError as error:
        return Kontrol(str(path), fejl=str(error))
    punkter = referat.punkter
    forms = Counter(punkt.grundlag[0] for punkt in punkter if punkt.grundlag)
    return Kontrol(
        kilde=str(path), punkter=len(punkter), med_titel=sum(bool(p.titel) for p in punkter),
        med_sagsnummer=sum(p.sagsnummer is not None for p in punkter),
        med_beslutning=sum(p.beslutning is not None for p in punkter), lukkede=sum(p.lukket for p in punkter),
        delt_ved=tuple(forms.most_common()), advarsler=referat.advarsler,
    )  # fmt: skip


def document_lines(kontrol: Kontrol) -> list[str]:
    """The report of one document, in Danish."""
    if kontrol.fejl:
        return [kontrol.kilde, f"  kan ikke læses: {kontrol.fejl}"]
    lines = [kontrol.kilde,
             f"  {kontrol.punkter} punkter: {kontrol.med_titel} med titel, {kontrol.med_sagsnummer} med sagsnummer, "
             f"{kontrol.med_beslutning} med beslutning, {kontrol.lukkede} lukkede"]  # fmt: skip
    lines += [f"  delt ved: {form} ({count})" for form, count in kontrol.delt_ved]
    lines += [f"  advarsel: {warning}" for warning in kontrol.advarsler]
    return lines


def summary_lines(kontroller: list[Kontrol]) -> list[str]:
    """One row per document and a total: the table at the end of the report."""
    width = max([len("i alt"), *(len(Path(k.kilde).name) for k in kontroller)])
    header = f"{'fil':<{width}}" + "".join(f" {name:>9}" for name, _ in COLUMNS) + "  delt ved"
    rows = [header]
    for k in kontroller:
        cells = "".join(f" {getattr(k, attr):>9}" for _, attr in COLUMNS)
        split = "kan ikke læses" if k.fejl else ", ".join(form for form, _ in k.delt_ved)
        rows.append(f"{Path(k.kilde).name:<{width}}{cells}  {split}")
    totals = "".join(f" {sum(getattr(k, attr) for k in kontroller):>9}" for _, attr in COLUMNS)
    unreadable = sum(k.fejl is not None for k in kontroller)
    rows.append(f"{'i alt':<{width}}{totals}  {len(kontroller)} dokumenter, {unreadable} kan ikke læses")
    return rows


def as_json(kontrol: Kontrol) -> dict:
    row = {name: value for name, value in vars(kontrol).items()}
    row["delt_ved"] = [{"form": form, "antal": count} for form, count in kontrol.delt_ved]
    row["advarsler"] = list(kontrol.advarsler)
    return row
