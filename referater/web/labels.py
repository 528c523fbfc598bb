"""Danish words for the codes stored in the data: one table, used by every page, facet, cell and feed.

Codes stay codes in the database and in URLs (``udfald=taget_til_efterretning``); a person reads the
label ("taget til efterretning"). A code without a label is shown as it is.
"""

from __future__ import annotations

# Kind of code → code → label.
LABELS: dict[str, dict[str, str]] = {
    "udfald": {
        "godkendt": "godkendt",
        "godkendt_med_bemaerkninger": "godkendt med bemærkninger",
        "anbefalet": "anbefalet",
        "taget_til_efterretning": "taget til efterretning",
        "droeftet": "drøftet",
        "tiltraadt": "tiltrådt",
        "udsat": "udsat",
        "oversendt": "oversendt",
        "afvist": "afvist",
        "udgaaet": "udgået",
        "andet": "andet",
    },
    "type": {
        "beslutning": "beslutning",
        "orientering": "orientering",
        "temadroeftelse": "temadrøftelse",
        "droeftelse": "drøftelse",
        "godkendelse": "godkendelse",
        "andet": "andet",
    },
    # Who owns a frist (frist.ansvarlig_type, from the language stage).
    "ansvarlig_type": {
        "person": "person",
        "rolle": "rolle",
        "organ": "politisk organ",
        "enhed": "enhed i forvaltningen",
        "ekstern": "ekstern part",
        "kommunen": "kommunen",
    },
    "praecision": {
        "dag": "dag",
        "uge": "uge",
        "maaned": "måned",
        "kvartal": "kvartal",
        "halvaar": "halvår",
        "aar": "år",
    },
    "skema": {
        "kle": "KLE-nummer",
        "kommunekode_aar_loebenr": "kommunekode-år-løbenummer",
        "aar_loebenr": "år/løbenummer",
        "heltal": "løbenummer",
        "andet": "andet",
    },
    "ja_nej": {"0": "nej", "1": "ja"},
}
# Table ansvarlig names its owner-kind column plainly "type"; the two sets of codes do not overlap.
LABELS["type"] = {**LABELS["type"], **LABELS["ansvarlig_type"]}

# Column (in any table or query, case-insensitive) → the kind of code it holds.
COLUMN_KINDS = {
    "udfald": "udfald",
    "type": "type",
    "ansvarlig_type": "ansvarlig_type",
    "praecision": "praecision",
    "præcision": "praecision",
    "skema": "skema",
    "usikker": "ja_nej",
    "fravaerende": "ja_nej",
}

# Column → the Danish heading shown above it and in facets; other columns are shown by their name.
COLUMN_TITLES = {
    "aar": "år",
    "maaned": "måned",
    "praecision": "præcision",
    "kle_hovedgruppe": "KLE-hovedgruppe",
    "kle_gruppe": "KLE-gruppe",
    "kle_emne": "KLE-emne",
    "handlingsfacet": "handlingsfacet",
    "ansvarlig_type": "ansvarlig (slags)",
    "ansvarlig_tekst": "ansvarlig (som skrevet)",
    "tidsramme_min": "tidsramme (min.)",
    "referat_id": "referat",
    "punkt_id": "punkt",
    "ansvarlig_id": "ansvarlig",
    "sag_id": "sag",
    "antal_punkter": "antal punkter",
    "antal_advarsler": "antal advarsler",
    "antal_frister": "antal frister",
    "antal_opgaver": "antal opgaver",
    "fravaerende": "fraværende",
    "moededato": "mødedato",
    "punkt_titel": "punktets titel",
    "punkt_nummer": "punktnummer",
    "loebenummer": "løbenummer",
    "udtalelse": "udtalelse",
    "_kilde": "kildefil",
    "_sha256": "SHA-256",
    "_format": "filformat",
    "_ingested_at": "indlæst",
    "_parser_version": "parserversion",
    "migration_set": "migrationssæt",
    "name": "navn",
    "applied_at": "udført",
    "q": "søgeord",
}


def kind_of(column: str | None) -> str | None:
    """The kind of code a column holds ("Udfald" → "udfald"), or None for a column of plain values."""
    return COLUMN_KINDS.get((column or "").casefold())


def label(kind: str | None, code) -> str | None:
    """The Danish word for a code ("udfald", "droeftet" → "drøftet"); other values unchanged."""
    if code is None or kind not in LABELS:
        return code
    return LABELS[kind].get(str(code), code)


def cell_label(column: str | None, value):
    """What a person reads for a stored value in this column."""
    return label(kind_of(column), value)


def column_title(column: str) -> str:
    """The heading of a column ("kle_hovedgruppe" → "KLE-hovedgruppe")."""
    return COLUMN_TITLES.get(column, column)
