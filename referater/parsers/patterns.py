"""Everything the parser recognises, declared as data: adding a form is adding a line here."""

from __future__ import annotations

import re

MONTHS = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip

# --- meeting header -------------------------------------------------------------------------------
# "REFERAT Chefforum d. 29-01-2025": document kind, forum and date on the first line.
TITLE_LINE = re.compile(
    r"^(?:REFERAT|Referat|Beslutningsprotokol|BESLUTNINGSPROTOKOL|Udskrift|UDSKRIFT)\s+(?:fra\s+)?"
    r"(?P<forum>.+?)\s+(?:d\.|den)\s*(?P<dato>\d{1,2}[-.]\d{1,2}[-.]\d{4})\s*$"
)
# "Label value" lines of the header; the value is what follows the label.
HEADER_FIELDS = {
    "Mødedato": "dato",
    "Dato": "dato",
    "Mødested": "sted",
    "Sted": "sted",
    "Mødedeltagere": "deltagere",
    "Deltagere": "deltagere",
    "Udvalg": "forum",
}
HEADER_FIELD = re.compile(
    r"^(?P<label>" + "|".join(map(re.escape, HEADER_FIELDS)) + r")\s*:?\s+(?P<value>\S.*)$"
)
NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./](?P<y>\d{4})\b")
WORD_DATE = re.compile(
    r"\b(?P<d>\d{1,2})\.?\s+(?P<m>" + "|".join(MONTHS) + r")\s+(?P<y>\d{4})\b", re.I
)
CLOCK = re.compile(r"\bkl\.?\s*(?P<h>\d{1,2})[.:](?P<min>\d{2})")
# A participant is "Name (Role)"; roles may hold commas and "&", so split only outside parentheses.
DELTAGER = re.compile(r"^\s*(?P<navn>[^()]+?)\s*(?:\((?P<rolle>[^()]*)\))?\s*$")

# --- table of contents ----------------------------------------------------------------------------
TOC_HEADINGS = {"Indholdsfortegnelse", "Dagsordenspunkter", "PUNKTER", "Indhold"}
# "Title.....<TAB>3" — a title, dot leaders and/or a tab, then the page number.
# The title ends on a visible non-dot character, so a long run of dots is scanned once, not once per dot.
TOC_ENTRY = re.compile(r"^(?P<titel>.*?[^.\s])(?:\s*\.{2,}\s*|\s*\t\s*)(?P<side>\d{1,4})$")

# --- punkt headings -------------------------------------------------------------------------------
PUNKT_HEADING = re.compile(r"^Punkt\s+(?P<nummer>\d{1,4})\s*[:.]\s*(?P<titel>\S.*)$")

# --- case numbers: (scheme, pattern) tried in order ------------------------------------------------
SAGSNUMMER_SCHEMES = [
    (
        "kle",
        re.compile(
            r"^(?:Sags?nr\.?:?\s*|Sagsnummer:?\s*)?"
            r"(?P<emne>\d{2}\.\d{2}\.\d{2})-(?P<facet>[A-ZÆØÅ]\d{2})-(?P<loebenr>\d+)-(?P<aar>\d{2})$"
        ),
    ),
    (
        "kommunekode_aar_loebenr",
        re.compile(r"^(?:Sags?nr\.?:?\s*|Sagsnummer:?\s*)?(?P<kommune>\d{3})-(?P<aar>\d{4})-(?P<loebenr>\d+)$"),
    ),
]

# --- sections -------------------------------------------------------------------------------------
# Known section labels; any other heading-shaped line also starts a section under its own name.
SECTION_LABELS = {
    "Indstilling", "Resumé", "Resume", "Sagsfremstilling", "Supplerende sagsfremstilling",
    "Kommunens vision og politikker", "Økonomi", "Lovgrundlag", "Borgerperspektiv", "Beslutning",
    "Bilag", "Historik", "Høring", "Kompetence", "Videre proces", "Tidsplan",
}  # fmt: skip
# Sections whose body is a list or a decision: heading-shaped lines inside them are content, not headings.
CLOSED_SECTIONS = {"Indstilling", "Beslutning", "Bilag"}
# "Beslutning", "Beslutning i Økonomiudvalget den 3. juni 2025:" — the decision section in any form.
DECISION_LABEL = re.compile(r"^Beslutning(?:\s+(?:i|på)\s+.{3,80})?:?$")
ATTACHMENT_SECTION = "Bilag"
RECOMMENDATION_SECTION = "Indstilling"
# Template filler that stands alone like a heading but is the (empty) content of a section.
NOT_HEADINGS = {"Intet at bemærke", "Ingen bemærkninger", "Ingen", "Ikke relevant"}
HEADING_MAX_LENGTH = 90
HEADING_END_PUNCTUATION = tuple(".,:;!?")

# --- fields inside sections -----------------------------------------------------------------------
# "Kommunaldirektøren indstiller," / "IT-projektrådet har screenet ansøgningerne og indstiller:"
INDSTILLER = re.compile(r"^(?P<indstiller>[A-ZÆØÅ].*?)(?:\s+har\s+[^,]+?\s+og)?\s+indstiller\b")
INDSTILLING_POINT = re.compile(r"^\s*(?:\d{1,2}[.)]\s*|[-•·]\s+)?(?P<tekst>at\s.+)$")
TIDSRAMME = re.compile(r"^\(\s*(?P<min>\d{1,3})\s*min\.?\s*\)$")

# --- punkt type from the title (first match wins) -------------------------------------------------
PUNKT_TYPES = [
    (re.compile(r"^Beslutning\s+om\b", re.I), "beslutning"),
    (re.compile(r"^Orientering\s+om\b", re.I), "orientering"),
    (re.compile(r"^Temadrøftelse\b", re.I), "temadroeftelse"),
    (re.compile(r"^Drøftelse\b", re.I), "droeftelse"),
    (re.compile(r"^Godkendelse\s+af\b", re.I), "godkendelse"),
]
DEFAULT_PUNKT_TYPE = "andet"

# --- outcome from the decision text (first match wins, so the more specific wording comes first) ---
# A formal decision beats a noted orientation, which beats a discussion: "tog orienteringen til
# efterretning samt godkendte indstillingen" is godkendt; "drøftede … og tog … til efterretning" is noted.
UDFALD = [
    (r"\bikke\s+(?:godkend|tiltr)|\bforkast|\bafvist|\bafviste\b|\bsagen\s+udgår", "afvist"),
    (r"\budsat\b|\budsatte\b|\butsat\b", "udsat"),
    (r"\bgodkendte?\b[^.]*\bmed\s+(?:\w+\s+){0,2}bemærkning", "godkendt_med_bemaerkninger"),
    (r"\btiltr(?:å|aa)dte?\b", "tiltraadt"),
    (r"\bgodkendte\b|\b(?:blev|er|hermed)\s+godkendt\b|^godkendt\b|\bvedtog\b|\banbefaler\b|"
     r"\bindstilles\s+godkendt\b|^anbefales\b", "godkendt"),
    (r"\btil\s+efterretning\b", "taget_til_efterretning"),
    (r"\bdrøftede\b|\bdrøftet\b|\bgennemgik\b|\b(?:havde|delte|gav|kom\s+med)\b[^.]*\b(?:bemærkninger|erfaringer|input|"
     r"kommentarer|synspunkter)\b", "droeftet"),
    # An orientation that was given but not formally noted is still an orientation taken to note.
    (r"\b(?:præsenterede|orienterede)\b", "taget_til_efterretning"),
]
UDFALD = [(re.compile(pattern, re.I | re.M), udfald) for pattern, udfald in UDFALD]
# When the decision records no formal outcome, the outcome implied is what was recommended.
IMPLIED_UDFALD = [
    (re.compile(r"\bgodkend(?:es|er)\b", re.I), "godkendt"),
    (re.compile(r"\btil\s+efterretning\b", re.I), "taget_til_efterretning"),
    (re.compile(r"\bdrøft(?:es|er)\b", re.I), "droeftet"),
]
DEFAULT_UDFALD = "andet"
