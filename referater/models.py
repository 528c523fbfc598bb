"""The plain values the pipeline passes along: file → Dokument → Tekst → Referat.

Field names are the column names, so a row is ``asdict(x)`` minus nested tuples.
Every collection is a tuple so the dataclasses stay frozen and hashable.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Dokument:
    """The bytes of one input file, before any decoding."""

    kilde: str  # the path as the user gave it
    data: bytes
    sha256: str
    format: str  # "txt", "md", "pdf", or the agenda export it is: "firstagenda", "edoc", "sbsys", …


@dataclass(frozen=True)
class Tekst:
    """Normalised text of one document and where each page starts in it."""

    kilde: str
    sha256: str
    format: str
    tekst: str
    sider: tuple[int, ...] = ()  # character offset where page i+1 starts; empty for text files
    advarsler: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deltager:
    navn: str
    rolle: str | None = None
    parti: str | None = None  # party letter as printed: "A", "Ø", "SF"
    fravaerende: bool = False  # listed under Fraværende / Afbud


@dataclass(frozen=True)
class Afsnit:
    """One section of a punkt: its heading as written and the text under it."""

    navn: str
    tekst: str


@dataclass(frozen=True)
class Sagsnummer:
    """A case number as printed, its normalised key and what its parts mean."""

    raw: str
    noegle: str
    skema: str  # "kle", "kommunekode_aar_loebenr", "aar_loebenr", "heltal", "andet"
    emne: str | None = None  # KLE emne "00.01.00"
    handlingsfacet: str | None = None  # KLE handlingsfacet "P35"
    loebenummer: int | None = None
    aar: int | None = None  # four-digit year


@dataclass(frozen=True)
class Frist:
    """A deadline found in a punkt's text, resolved to a calendar date."""

    tekst: str
    dato: str | None  # ISO date
    praecision: str | None  # dag, uge, maaned, kvartal, halvaar, aar
    ansvarlig: str | None
    handling: str | None
    afsnit: str
    start: int  # character offsets into the section text
    slut: int
    usikker: bool = False
    ansvarlig_tekst: str | None = None  # the owner as written ("alle afdelingschefer")
    ansvarlig_type: str | None = None  # person, rolle, organ, enhed, ekstern, kommunen


@dataclass(frozen=True)
class Opgave:
    """An assignment: who must do what, and by when if the text says."""

    ansvarlig: str
    handling: str
    afsnit: str
    frist: str | None = None  # ISO date of the linked deadline
    ansvarlig_tekst: str | None = None  # the owner as written
    ansvarlig_type: str | None = None  # person, rolle, organ, enhed, ekstern, kommunen


@dataclass(frozen=True)
class Behandling:
    """One step of a case's trail: an earlier body's recommendation quoted in this punkt."""

    organ: str
    dato: str | None  # ISO date
    punkt_nummer: int | None
    udtalelse: str


@dataclass(frozen=True)
class Delbeslutning:
    """The decision on one numbered indstilling point ("Ad 2: Udsat.")."""

    nummer: int
    tekst: str


@dataclass(frozen=True)
class Punkt:
    nummer: int | None  # as printed; None where the document prints no number
    titel: str  # "" where the document prints no title
    type: str
    sagsnummer: Sagsnummer | None = None
    indstiller: str | None = None
    indstillinger: tuple[str, ...] = ()
    tidsramme_min: int | None = None
    afsnit: tuple[Afsnit, ...] = ()
    beslutning: str | None = None
    udfald: str | None = None
    bilag: tuple[str, ...] = ()
    frister: tuple[Frist, ...] = ()
    opgaver: tuple[Opgave, ...] = ()
    overskrift: str = ""  # the heading line as printed
    sider: tuple[int, ...] = ()  # pages the punkt spans (PDF only)
    lukket: bool = False  # closed punkt: only nummer and titel are known and kept
    behandling: tuple[Behandling, ...] = ()  # earlier bodies' recommendations quoted here
    delbeslutninger: tuple[Delbeslutning, ...] = ()
    eksport_id: str | None = None  # the item's id in the agenda export it came from (provenance, as sider for a PDF)
    bilag_links: tuple[str | None, ...] = ()  # link of each bilag, in the order of `bilag`, when the export gives one
    position: int = 0  # 1-based place in the referat; names a punkt without a number
    grundlag: tuple[str, ...] = ()  # why the parser started a punkt here: the heading form and the evidence
    beslutningsorgan: str | None = None  # the deciding body named in the decision label
    beslutningsdato: str | None = None  # ISO date named in the decision label


@dataclass(frozen=True)
class Referat:
    kilde: str
    sha256: str
    format: str
    forum: str | None
    dato: str | None  # ISO date of the meeting
    starttid: str | None  # "09:00"
    sted: str | None
    deltagere: tuple[Deltager, ...] = ()
    punkter: tuple[Punkt, ...] = ()
    hoved: tuple[str, ...] = ()  # header lines as printed
    indholdsfortegnelse: tuple[str, ...] = ()  # TOC lines as printed
    advarsler: tuple[str, ...] = field(default=())
    stoej: tuple[str, ...] = ()  # noise removed before parsing: UI strings, page furniture
    kommune: str | None = None  # "Kløvermose Kommune": from `ingest --kommune`, else named in the text
