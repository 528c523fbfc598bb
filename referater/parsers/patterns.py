"""The layout grammar as data: every form the parser knows is one line here.

LAYOUTS.md lists how Danish referater differ; each list below is one kind of variation. The code in
this package combines them and never names a municipality. Adding a heading form, a section label, a
case-number scheme, a decision label, a header field, an outcome word or a noise line is one line.
"""

from __future__ import annotations

import re

MONTHS = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # English month names occur in exports from systems set up in English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
}  # fmt: skip
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

# --- dates and times ------------------------------------------------------------------------------
NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./](?P<y>\d{4})\b")
# "13. august 2025", "12 November 2025", "25 september, 2025" (web exports put a comma before the year)
WORD_DATE = re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<m>{MONTH_NAMES}),?\s+(?P<y>\d{{4}})\b", re.I)
CLOCK = re.compile(r"\bkl\.?\s*(?P<h>\d{1,2})[.:](?P<min>\d{2})")
# A time without "kl.": "16:00", "24-09-2025 16:00:00", "2025 - 16:00"; never a date's "13.08".
BARE_CLOCK = re.compile(r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])[:.](?P<min>[0-5]\d)(?::\d{2})?(?![\d.:])")

# --- meeting header -------------------------------------------------------------------------------
DOCUMENT_KINDS = r"REFERAT|Referat|Beslutningsprotokol|BESLUTNINGSPROTOKOL|Udskrift|UDSKRIFT"
# Lines that name the body, the date and maybe time and place at once (first match wins).
TITLE_LINES = [
    # "REFERAT Chefforum d. 29-01-2025"
    re.compile(rf"^(?:{DOCUMENT_KINDS})\s+(?:fra\s+)?(?P<forum>[^\d].+?)\s+(?:d\.|den)\s*(?P<dato>\d{{1,2}}[-.]\d{{1,2}}[-.]\d{{4}})$"),
    # "Referat til mødet i Økonomiudvalget den 10. juni 2025 kl. 17.30 i Mødesal 1, Rådhuset"
    re.compile(r"^(?:Referat|Beslutningsprotokol)\s+(?:til|fra|af)\s+(?:mødet|møde)\s+i\s+(?P<forum>.+?)\s+"
               r"(?:den|d\.)\s+(?P<dato>.+?)(?:\s+i\s+(?P<sted>[A-ZÆØÅ].+))?$"),
    # "Referat – Sundheds- og Forebyggelsesudvalget", "Referat – Byrådet – 3. juni 2025"
    re.compile(rf"^(?:{DOCUMENT_KINDS})\s+[–-]\s+(?P<forum>[A-ZÆØÅ][^–]+?)(?:\s+[–-]\s+(?P<dato>.+))?$"),
    # "Klima- og Planudvalget – Referat – 11. september 2025", "Handicaprådet – Referat"
    re.compile(rf"^(?P<forum>[A-ZÆØÅ].+?)\s+[–-]\s+(?:{DOCUMENT_KINDS}|Dagsordener og referater|Referater og dagsordener)"
               r"(?:\s+[–-]\s+(?P<dato>.+))?$"),
    # "Udskrift fra Økonomiudvalgets møde den 3. juni 2025": genitive body name
    re.compile(rf"^(?:(?:{DOCUMENT_KINDS})\s+(?:af\s+\w+\s+)?fra\s+)?(?P<forum>[A-ZÆØÅ][\w\- ]+?)s\s+møde\s+"
               r"(?:den|d\.)\s+(?P<dato>.+)$"),
    # "Referat for Miljøudvalget møde den 3. juni 2025"
    re.compile(rf"^(?:{DOCUMENT_KINDS})\s+(?:for|fra)\s+(?P<forum>[A-ZÆØÅ][\w\- ]+?)\s+møde(?:t)?\s+(?:den|d\.)\s+(?P<dato>.+)$"),
    # "Referat byrådet 31. oktober 2018": the document kind, the body (maybe in lower case) and the date
    re.compile(rf"^(?:{DOCUMENT_KINDS})\s+(?P<forum>[\wæøå][\w\- ]*?(?:udvalg(?:et)?|råd(?:et)?|bestyrelsen|[Ff]orum))\s+"
               r"(?:d\.\s+|den\s+)?(?P<dato>\d{1,2}\.?\s+[a-zæøå]+\s+\d{4}|\d{1,2}[-.]\d{1,2}[-.]\d{4})$"),
    # "Byrådet 3. juni 2025": the body and the date
    re.compile(r"^(?P<forum>[A-ZÆØÅ][\w\- ]*?(?:udvalg(?:et)?|råd(?:et)?|bestyrelsen|[Ff]orum))\s+"
               r"(?P<dato>\d{1,2}\.?\s+[a-zæøå]+\s+\d{4}|\d{1,2}[-.]\d{1,2}[-.]\d{4})$"),
    # "Referat fra Ældrerådet": the document kind, "fra"/"for", the body
    re.compile(rf"^(?:{DOCUMENT_KINDS})\s+(?:fra|for)\s+(?P<forum>[A-ZÆØÅ][\w\- ]*?(?:udvalg(?:et)?|råd(?:et)?|bestyrelsen|[Ff]orum))$"),
    # "REFERAT Kultur- og Fritidsudvalget": the document kind, then only the body
    re.compile(rf"^(?:{DOCUMENT_KINDS})\s+(?P<forum>[A-ZÆØÅ][\w\- ]+?(?:udvalg(?:et)?|rådet|bestyrelsen|[Ff]orum))$"),
    # "ÅBEN DAGSORDEN SOCIALUDVALG": capitals, the body last
    re.compile(r"^(?:ÅBEN\s+|ÅBENT\s+)?(?:DAGSORDEN|REFERAT|BESLUTNINGSPROTOKOL)\s+(?P<forum>[A-ZÆØÅ][A-ZÆØÅ\- ]+)$"),
    # "Teknik- og Miljøudvalget Referat fra ordinært møde Tirsdag kl. 15:00": the body first, no dash
    re.compile(rf"^(?P<forum>[A-ZÆØÅ][\w\- ]+?(?:udvalg(?:et)?|rådet|bestyrelsen|[Ff]orum))\s+(?:{DOCUMENT_KINDS})\b"
               r"(?:\s+(?:fra|til)\s+(?:\w+\s+)?møde(?:t)?)?(?:\s+(?P<dato>\S.*))?$"),
    # "Referat af møde 6. november 2025 kl. 10.00", "Referat fra møde torsdag den 9. oktober 2025"
    re.compile(r"^(?:Referat|Beslutningsprotokol)\s+(?:af|fra)\s+møde\s+(?P<dato>.+)$"),
]
DOCUMENT_KIND_ALONE = re.compile(rf"^(?:{DOCUMENT_KINDS})$")
# A line of its own that is only a body's name: "Kommunalbestyrelsen", "Plan- og Boligudvalget".
BODY_NAME = re.compile(
    r"^(?P<forum>Direktionen|[A-ZÆØÅ][\wæøå\- ]{0,50}?(?:udvalg(?:et)?|rådet|bestyrelsen|forum|Forum))"
    r"(?:\s+i\s+[A-ZÆØÅ][\wæøå\- ]{1,40}\s+Kommune)?$"  # "Byrådet i Kløvermose Kommune"
)
# "Label value" or "Label: value" header lines → the meeting field they fill.
HEADER_FIELDS = {
    "Udvalg": "forum", "Forum": "forum",
    "Mødedato": "dato", "Dato": "dato",
    "Tid": "starttid", "Tidspunkt": "starttid", "Mødetidspunkt": "starttid", "Starttidspunkt": "dato",
    "Mødested": "sted", "Sted": "sted",
    "Mødedeltagere": "deltagere", "Deltagere": "deltagere", "Medlemmer": "deltagere",
    "Fraværende": "fravaerende", "Afbud": "fravaerende",
    "Stedfortræder": "stedfortraeder", "Fra forvaltningen": "personale", "Referent": "referent",
    "Mødetid": "dato", "Tilstede": "deltagere", "Til stede": "deltagere",
    "Lokale": "sted", "Møde lokation": "sted", "Mødelokation": "sted",
    "Indkaldelse": "ignorer", "Møde": "ignorer", "Sluttidspunkt": "ignorer",
}  # fmt: skip
HEADER_FIELD = re.compile(
    r"^(?P<label>" + "|".join(sorted(map(re.escape, HEADER_FIELDS), key=len, reverse=True))
    + r")\s*(?::\s*|\s+(?=\S)|$)(?P<value>.*)$",
    re.I,
)
# The cell borders of a flattened table: "Udvalg: |", "---|---|".
TABLE_PIPES = re.compile(r"^[\s|:-]*\|[\s|:-]*$|\s*\|\s*$")
# Party letters and short party names printed after members' names; anything else in brackets is a role.
PARTIES = set("ABCDFIKMOVÆØÅ") | {"SF", "EL", "DF", "RV", "LA", "KF", "ALT", "NB", "DD", "Ø", "UP", "LL"}
# Role words printed before a name ("Borgmester Jette Lund") or after it as a list part (", formand").
ROLE_WORDS = {
    "borgmester", "viceborgmester", "formand", "næstformand", "kommunaldirektør", "direktør",
    "stabschef", "sekretær", "referent", "byrådsmedlem", "medlem",
}  # fmt: skip
ROLE_BEFORE_NAME = re.compile(r"^(?P<rolle>(?:" + "|".join(ROLE_WORDS) + r"))\s+(?P<navn>[A-ZÆØÅ].*)$", re.I)
ROLE_AFTER_COMMA = re.compile(r"^(?:\d+\.\s*)?(?:" + "|".join(ROLE_WORDS) + r")$", re.I)
PARENTHESES = re.compile(r"\(([^()]*)\)")
NOBODY = {"ingen", "-", "–", "intet"}  # "Fraværende: Ingen"
SUBSTITUTE = re.compile(r"^(?P<navn>.+?)\s+for\s+(?P<for>[A-ZÆØÅ].+)$")

# --- table of contents ----------------------------------------------------------------------------
TOC_HEADINGS = {"Indholdsfortegnelse", "Dagsordenspunkter", "PUNKTER", "Indhold", "Dagsorden", "Punkter",
                "INDHOLDSFORTEGNELSE", "Sagsoversigt", "Sagsoversigt:", "Følgende sager behandles på mødet", "Indhold:"}
# A TOC heading inside a run-on paragraph of a PDF transcript: the rest of the paragraph is the TOC.
RUN_ON_TOC_HEADINGS = ["Indholdsfortegnelse", "INDHOLDSFORTEGNELSE", "Sagsoversigt:", "Dagsordenspunkter",
                       "Følgende sager behandles på mødet", "Indhold:"]
# The numbers of a run-on TOC that kept them: "1. Title 2. Title".
RUN_ON_TOC_NUMBER = re.compile(r"(?:^|(?<=\s))(?P<nummer>\d{1,3})\.\s+(?=[A-ZÆØÅ])")
# "Title.....<TAB>3" — a title, dot leaders and/or a tab, then the page number.
# The title ends on a visible non-dot character and the leader is matched possessively (*+), so long runs
# of dots, tabs or spaces are scanned once, not once per character (Python ≥ 3.11).
TOC_ENTRY = re.compile(r"^(?P<titel>.*?[^.\s])(?:\s*+\.{2,}+\s*+|[ ]*+\t\s*+)(?P<side>\d{1,4})$")
# "Åbent 3 Title", "Lukket 7 Title", "åbent 3 Title": TOC entries that say whether the punkt is open.
TOC_STATUS_ENTRY = re.compile(r"^(?P<status>(?i:Åbent|Åben|Lukket))\s+(?P<nummer>\d{1,4})\.?\s+(?P<titel>\S.*)$")
# Group headings over a list of punkter: the punkter under a closed group are closed.
GROUP_HEADING = re.compile(r"^(?P<status>(?i:Åbne|Lukkede|Fortrolige))\s+(?i:sager|punkter|dagsordenspunkter)$")
CLOSED_GROUP = {"lukkede", "fortrolige"}

# --- punkt headings: (name, pattern); every form is a candidate, the evidence decides ---------------
TITLE_START = r"[A-ZÆØÅ0-9\"'«(]"
HEADING_FORMS = [
    # "Punkt 3: Title", "Pkt. 87 Title", "Punkt nr. 3 Title", "Sag nr. 3: Title", "Sag 3: Title", "Dagsordenpunkt 3. Title", "Dagsordenspunkt 3: Title", "• Punkt 3 Title" ("- Punkt 3" once bullets are normalised), "Åbent punkt 3 Title", "12 Punkt 3 Title" (a page number first)
    # (titles start with a capital: "punkt 28. i sidste referat" is a reference, not a heading)
    ("punkt", re.compile(r"^(?:\d{1,4}\s+(?=(?i:Punkt|Pkt)))?(?:[-•·▪]\s*)?(?i:(?P<status>Åbent|Åben|Lukket)\s+)?(?i:Dagsordens?punkt|Punkt|Pkt\.?|Sag)\s*"
                         r"(?i:nr\.?\s*)?(?P<nummer>\d{1,4})"
                         rf"\s*(?:[:.]|\s[-–])?\s+(?P<titel>{TITLE_START}.*)$")),
    # "Nr.142 - Title", "Nr. 142 Title"
    ("nr", re.compile(rf"^Nr\.\s*(?P<nummer>\d{{1,4}})\s*(?:[-–:]\s*|\s)(?P<titel>{TITLE_START}.*)$")),
    # "Punkt: 1" alone, the title a few lines further down (after the case-number block)
    # "Punkt 3", "Punkt 3:", "Sag nr. 3." alone too (a table's number cell)
    ("punkt_alene", re.compile(r"^(?i:Dagsordens?punkt|Punkt|Pkt\.?|Sag\s+nr\.?)\s*:?\s*(?P<nummer>\d{1,4})\s*[.:]?(?P<titel>)$")),
    # "3. Title", "3.Title", "3.   Title", "3) Title", "3: Title", "3. - Title", " 1.  1. Title" (a list marker repeating the number), "3 1. Title" (a
    # page number first); the title starts with a capital or a digit ("3.2. behandling"), never "4.740.000 kr."
    ("tal", re.compile(r"^(?:\d{1,4}\s+(?=\d{1,3}\.\s))?(?P<nummer>\d{1,3})(?:\.|\)(?=\s)|:(?=\s))\s*(?:(?P=nummer)\.\s+)?"
                       r"(?:[-–]\s+)?(?!\d{3}(?:\D|$))(?P<titel>[A-ZÆØÅ0-9].*)$")),
    # "(3) Title": the number in brackets
    ("tal", re.compile(r"^\((?P<nummer>\d{1,3})\)\s+(?P<titel>[A-ZÆØÅ].*)$")),
    # "3." or "3" alone, the title on a line below (number and title in two table cells)
    ("tal_alene", re.compile(r"^(?P<nummer>\d{1,3})\.?(?P<titel>)$")),
    # "88 Title", " 1          Title": number and title in two table cells; "12 - Title"
    ("mellemrum", re.compile(r"^(?P<nummer>\d{1,3})(?:\s+[-–]\s+|\s+)(?P<titel>[A-ZÆØÅ][a-zæøåA-ZÆØÅ].*)$")),
    # "3Title": number glued to the title by a PDF conversion
    ("klistret", re.compile(r"^(?P<nummer>\d{1,3})(?P<titel>[A-ZÆØÅ][a-zæøå].*)$")),
]
DIGITS = re.compile(r"\d+")
BARE_NUMBER = re.compile(r"^\d{1,3}$")  # a page number, or a table's number cell over a title
# Forms printing the number alone, the title on a line below.
NUMBER_ALONE_FORMS = {"punkt_alene", "tal_alene"}
# "Title" then "Sag nr. 45": the number line under a title is the punkt number, not a case number.
NUMBER_AFTER_TITLE = re.compile(r"^Sag\s+nr\.\s*(?P<nummer>\d{1,4})$")
# A line that only says whether the punkt is open: "Åben", "Lukket", "Fortrolig" (one per punkt in some viewers).
STATUS_LINE = re.compile(r"^(?P<status>(?i:Åben|Åbent|Åbent punkt|Åben sag|Lukket|Lukket punkt|Lukket sag|Fortrolig))$")
CLOSED_STATUS = {"lukket", "lukket punkt", "lukket sag", "fortrolig"}
# Decorations removed from titles; "(Lukket)" and "Lukket punkt:" also close the punkt.
TITLE_DECORATIONS = [
    re.compile(r"\s*\((?:B|O|D|bevilling|Beslutning|Orientering|Åben|Åbent)\)\s*$", re.I),
    re.compile(r"^(?:[A-ZÆØÅ]{2,5}/)+[A-ZÆØÅ]{2,5}\s+[-–]\s+"),  # routing "ØU/KB - ", "MBU/ØU/KB - "
    re.compile(r"^Åbent\s+punkt\s*:\s*", re.I),
    re.compile(r"(?<=[^.\s])\s*\.{3,}\s*\d{1,4}$"),  # a TOC line's dot leaders and page number
]
CLOSED_MARKS = [
    re.compile(r"\s*[-–]?\s*\((?:Lukket|Fortrolig)(?:\s+punkt)?\)\s*$", re.I),
    re.compile(r"^(?:Lukket|Fortrolig)(?:\s+punkt)?\s*:\s*", re.I),
]
# UI text of agenda viewers glued to a heading: "TitelKlik her for at folde ud …", "Titel Åbn/luk punkt".
TITLE_UI_TEXT = re.compile(r"(?:Klik her for at folde ud\b.*|\s*Åbn/luk punkt|\s*Fold ud|(?<=[a-zæøå0-9.)])Referat)$")

# --- case numbers: (scheme, pattern on the bare number) tried in order -----------------------------
# Numbers are bounded (løbenummer ≤ 10 digits, punkt ≤ 4 as in the headings): longer digit runs are no such
# number, and would not fit an SQLite INTEGER.
SAGSNUMMER_SCHEMES = [
    # KLE journal form 00.01.00-P35-7-23: emne, handlingsfacet, løbenummer, år
    ("kle", re.compile(r"^(?P<emne>\d{2}\.\d{2}\.\d{2})-(?P<facet>[A-ZÆØÅ]\d{2})-(?P<loebenr>\d{1,10})-(?P<aar>\d{2})$")),
    # compacted KLE 13.02.00P20-0031, 00.22.00G01-0047 (no year)
    ("kle", re.compile(r"^(?P<emne>\d{2}\.\d{2}\.\d{2})(?P<facet>[A-ZÆØÅ]\d{2})-(?P<loebenr>\d{1,10})$")),
    # kommunekode-år-løbenummer 791-2025-4418
    ("kommunekode_aar_loebenr", re.compile(r"^(?P<kommune>\d{3})-(?P<aar>(?:19|20)\d{2})-(?P<loebenr>\d{1,10})$")),
    # år/løbenummer 24/18842, 2017/40815
    ("aar_loebenr", re.compile(r"^(?P<aar>\d{2}|(?:19|20)\d{2})/(?P<loebenr>\d{1,10})$")),
    # år-løbenummer 2017-023406, 24-019342 (a long løbenummer: "2020-2022" is a span of years)
    ("aar_loebenr", re.compile(r"^(?P<aar>(?:19|20)\d{2}|\d{2})-(?P<loebenr>\d{5,}|0\d{3,})$")),
    # løbenummer-år 071829-2012
    ("loebenr_aar", re.compile(r"^(?P<loebenr>\d{5,7})-(?P<aar>(?:19|20)\d{2})$")),
    # a subject code, then år/løbenummer: 013604 - 2017/40815, 00.01.00A04 - 2007/51207
    ("aar_loebenr", re.compile(r"^(?P<emnekode>[\w.]{3,14})\s+-\s+(?P<aar>(?:19|20)\d{2})/(?P<loebenr>\d{1,10})$")),
    # a region's journal number 0-5-2-21 (group-group-løbenummer-år)
    ("region", re.compile(r"^(?P<gruppe>\d{1,2}-\d{1,2})-(?P<loebenr>\d{1,6})-(?P<aar>\d{2})$")),
    # bare digits 118342
    ("heltal", re.compile(r"^(?P<loebenr>\d{4,10})$")),
    # anything else with a digit printed under a case-number label: SAG-2025-00417
    ("andet", re.compile(r"^(?=\D*\d)(?P<andet>[A-ZÆØÅ0-9][\w./-]{3,40})$")),
]
# Labels that say "this is the punkt's case number"; the number follows (on the same line or the next).
# "Sag nr. 45" under a title is the punkt's number (NUMBER_AFTER_TITLE), never a case number.
SAGSNUMMER_LABELS = ["Acadre sagsnr.", "Sagsnr.", "Sagsnr", "Sags nr.", "Sagsnummer", "Sagsid.", "Sagsid", "Sags-id",
                     "Sagnr.", "Sag", "Journal nr.", "Journalnr.", "Journalnummer", "J. nr.", "J.nr.", "J. nr", "Jnr."]  # fmt: skip
SAGSNUMMER_LABEL_TEXT = "|".join(map(re.escape, sorted(SAGSNUMMER_LABELS, key=len, reverse=True)))
# Labelled fields printed in a punkt's heading block; never a title. A run-on paragraph is split before them.
FIELD_LABELS = ["Acadre sagsnr.", "Sagsbehandler", "Sagsbeh.", "Sagsansvarlig enhed", "Sagsansvarlig", "Sagsforløb",
                "Mødedato", "Journalnr.", "Journal nr.", "J. nr", "Initialer", "Dok.nr.", "Dok.nr", "Dok. nr.",
                "Dokumentnr.", "Kompetenceudvalg", "Sagsnr.", "Sagsnr", "Sagnr.", "Sagsid.", "Sagsnummer"]  # fmt: skip
FIELD_LINE = re.compile(r"^(?:" + "|".join(map(re.escape, sorted(FIELD_LABELS, key=len, reverse=True)))
                        + r")(?::|(?=\s|$))")
# Things printed beside the case number that are not it: "Dok.nr.: 791-2025-118734", "Initialer: SDU".
SAGSNUMMER_COMPANIONS = re.compile(r"^(?:Dok\.?\s*(?:nr\.?)?|Dokumentnr\.?|Initialer)\s*:?\s*\S.*$", re.I)
FIELD_LABEL_TEXT = "|".join(map(re.escape, sorted(FIELD_LABELS, key=len, reverse=True)))
# "Sagsnr.: 24/18842", "Sagsnr.: 00.00.00-P19-4527-03 Sagsbehandler: Ane Holm", "Sagsnummer 013604 - 2017/40815".
# The case system's name before the label or in brackets after it: "ESDH sagsnr.:", "Sagsnummer (ESDH):".
CASE_SYSTEMS = ["ESDH", "SBSYS", "Sbsys", "Acadre", "Captia", "WorkZone", "eDoc", "KMD", "F2", "Docunote", "GetOrganized"]
SYSTEM_BEFORE = r"(?:(?:" + "|".join(CASE_SYSTEMS) + r")[ -])?"
SYSTEM_AFTER = r"(?:\s*\((?:" + "|".join(CASE_SYSTEMS) + r")\))?"
SAGSNUMMER_LABEL = re.compile(
    rf"^{SYSTEM_BEFORE}(?i:{SAGSNUMMER_LABEL_TEXT}|Sag\s+nr\.(?=\s*:)){SYSTEM_AFTER}(?:\s*:\s*|\s+)(?P<nummer>\S+(?:\s+-\s+\S+)?)"
    rf"(?P<rest>\s{{2,}}.*|\s+(?:[-–|,;]\s*)?(?:Dok\b|(?i:{FIELD_LABEL_TEXT})).*)?$"
)
# A case number printed after the title on the heading's line ("1. Title   Sagsnr.: 24/18842"): the title ends there.
CASE_AFTER_TITLE = re.compile(
    rf"\s+(?P<felt>{SYSTEM_BEFORE}(?i:{'|'.join(map(re.escape, sorted((x for x in SAGSNUMMER_LABELS if x != 'Sag'), key=len, reverse=True)))})"
    rf"{SYSTEM_AFTER}\s*:?\s*\S.*)$"
)
# A label alone on its line: the number is on the next line ("Sagsnummer" / "00.34.00-S00-7-19").
SAGSNUMMER_LABEL_ALONE = re.compile(rf"^{SYSTEM_BEFORE}(?i:{SAGSNUMMER_LABEL_TEXT}){SYSTEM_AFTER}\s*:?$")
# Case officer's initials, then the case number: "DIHAJP / 06/17018".
INITIALS_SAGSNUMMER = re.compile(r"^[A-ZÆØÅ]{2,8}\s+/\s+(?P<nummer>\S+)$")
# An unlabelled case number is only believed this close to the heading (non-blank lines).
UNLABELLED_SAGSNUMMER_WINDOW = 3
UNLABELLED_SCHEMES = {"kle", "kommunekode_aar_loebenr", "aar_loebenr", "loebenr_aar", "heltal"}
TWO_DIGIT_YEAR_PIVOT = 70  # "-23" is 2023, "-85" is 1985: KLE journal numbers began in the 1970s

# --- sections -------------------------------------------------------------------------------------
# Known section labels → the kind of section. Any other heading-shaped line also starts a section.
SECTION_LABELS = {
    "Indstilling": "indstilling", "Administrativ indstilling": "indstilling",
    "Indstilling og beslutning": "indstilling_og_beslutning",
    "Beslutning": "beslutning", "Bilag": "bilag", "Fraværende": "fravaerende", "Afbud": "fravaerende",
    "Beslutningstema": "resume", "Resumé": "resume", "Resume": "resume", "Sagsresumé": "resume",
    "Sagsresume": "resume", "Sagsfremstilling": "sagsfremstilling",
    "Sagsfremstilling og økonomi": "sagsfremstilling", "Supplerende sagsfremstilling": "sagsfremstilling",
    "Sagens kerne": "sagsfremstilling", "Sagens indhold": "sagsfremstilling",
    "Beskrivelse af sagen": "sagsfremstilling", "Anledning": "sagsfremstilling", "Tema": "sagsfremstilling",
    "Baggrund": "sagsfremstilling", "Problemstilling": "sagsfremstilling", "Løsning": "sagsfremstilling",
    "Historik": "sagsfremstilling", "Videre proces": "oevrigt", "Kompetence": "oevrigt",
    "Beslutningskompetence": "oevrigt", "Sagen afgøres af": "oevrigt", "Sagsgang": "oevrigt",
    "Forventet sagsgang": "oevrigt", "Punkttype": "oevrigt", "Økonomi": "oevrigt", "Lovgrundlag": "oevrigt",
    "Høring": "oevrigt", "Bemærkninger": "oevrigt", "Kommunens vision og politikker": "oevrigt",
    "Borgerperspektiv": "oevrigt", "Tidsplan": "oevrigt",
    "Indstillinger": "indstilling", "Forvaltningen foreslår": "indstilling", "Præsentation": "resume",
    "Sagsbeskrivelse": "sagsfremstilling", "Retsgrundlag": "oevrigt", "Økonomiske konsekvenser": "oevrigt",
    "Afledte konsekvenser": "oevrigt", "Begrundelse": "sagsfremstilling", "Sagens baggrund": "sagsfremstilling",
    "Baggrund for sagen": "sagsfremstilling", "Redegørelse": "sagsfremstilling", "Vurdering": "sagsfremstilling",
    "Administrationens vurdering": "sagsfremstilling", "Forvaltningens vurdering": "sagsfremstilling",
    "Kort resumé": "resume", "Direktionens indstilling": "indstilling", "Indstilling fra direktionen": "indstilling",
    "Administrationens indstilling": "indstilling", "Forvaltningens indstilling": "indstilling",
    "Indstilling fra forvaltningen": "indstilling", "Indstilling fra administrationen": "indstilling",
    "Forslag til beslutning": "indstilling", "Beslutningsforslag": "indstilling", "Konklusion": "oevrigt",
    "Bevillingsmæssige konsekvenser": "oevrigt", "Personalemæssige konsekvenser": "oevrigt",
    "Juridiske forhold": "oevrigt", "Kommunikation": "oevrigt", "Miljøvurdering": "oevrigt", "Høringssvar": "oevrigt",
    "Økonomi og finansiering": "oevrigt", "Udtalelser": "oevrigt",
    # Headings of agenda-system templates (seen in FirstAgenda exports and their printed form)
    "Fremstilling": "oevrigt", "Sagsprocedure": "oevrigt", "Øvrige konsekvenser": "oevrigt",
    "Øvrige forhold": "oevrigt", "Lovgivning": "oevrigt", "Sagens forløb": "oevrigt",
}  # fmt: skip
SECTION_KINDS = {label.lower(): kind for label, kind in SECTION_LABELS.items()}
# A label with its text on the same line ("Beslutning: Godkendt."); only for the kinds a decision needs,
# because "Økonomi: …" inside a Sagsfremstilling is a sentence, not a new section.
INLINE_LABEL = re.compile(
    r"^(?P<label>(?:Indstilling|Administrativ indstilling|Beslutning(?:\s+(?:i|på)\s+[^:]{3,80}?)?|Fraværende|Afbud))"
    r"\s*:\s+(?P<rest>\S.*)$"
)
# Sections whose value is the single line under the label, even when that line is "Beslutning".
VALUE_SECTIONS = {"punkttype", "sagen afgøres af", "beslutningskompetence", "kompetence"}
# Order of section kinds in a punkt; where the order starts again, a heading-less document starts a punkt.
SECTION_ORDER = {"resume": 0, "sagsfremstilling": 1, "oevrigt": 2, "indstilling": 3,
                 "indstilling_og_beslutning": 3, "beslutning": 4, "fravaerende": 5, "bilag": 6}  # fmt: skip
# Section kinds that only occur inside a punkt ("Afbud", "Fraværende", "Bemærkninger" also head header blocks).
PUNKT_ONLY_KINDS = {"resume", "sagsfremstilling", "indstilling", "indstilling_og_beslutning", "beslutning"}
# Sections whose body is a list or a decision: heading-shaped lines inside them are content, not headings.
CLOSED_SECTIONS = {"indstilling", "indstilling_og_beslutning", "beslutning", "bilag", "fravaerende"}
ATTACHMENT_SECTION = "bilag"
RECOMMENDATION_SECTIONS = {"indstilling", "indstilling_og_beslutning"}
# Template filler that stands alone like a heading but is the (empty) content of a section.
NOT_HEADINGS = {"Intet at bemærke", "Ingen bemærkninger", "Ingen", "Ikke relevant"}
HEADING_MAX_LENGTH = 90
TITLE_MAX_LENGTH = 250  # a title that wraps in the heading may be longer than a heading-shaped line
# A bullet printed before a decision label ("  • Beslutning i Byrådet den …", "- …" once bullets are normalised).
LABEL_BULLET = re.compile(r"^[•·▪\-–]\s*")
HEADING_END_PUNCTUATION = tuple(".,:;!?")
ORDINAL_END = re.compile(r"\s\d{1,2}\.$")  # "… sygefravær 1." wrapping before "kvartal 2025": no sentence end

# --- decisions ------------------------------------------------------------------------------------
DATE_TEXT = rf"\d{{1,2}}[-.]\d{{1,2}}[-.]\d{{4}}|\d{{1,2}}\.?\s+(?:{MONTH_NAMES})\s+\d{{4}}"
# Labels of a decision section; organ and dato say whose decision it is (first match wins).
DECISION_LABELS = [
    # "Beslutning", "Beslutning i Kommunalbestyrelsen den 17-06-2025", "Beslutning i X den 2. oktober 2025:",
    # "Beslutning i Byrådet 9. oktober 2018:" (no "den")
    # "Beslutning truffet af X", "Beslutning (X 03-06-2025)", "… den 03.06.2025 kl. 16.00"
    re.compile(rf"^Beslutning\s*\(?(?:\s*(?:i|på|fra|truffet\s+af)\s+(?P<organ>[^:()]+?))?(?:,?\s+(?:(?:den|d\.)\s+)?(?P<dato>{DATE_TEXT})"
               rf"(?:,?\s+kl\.?\s*\d{{1,2}}[.:]\d{{2}})?)?\s*\)?\s*:?$", re.I),
    # "Beslutning Teknik- og Miljøudvalget den 04-09-2025", "Beslutning Byrådet, 20.12.2016" (no "i")
    re.compile(rf"^Beslutning\s+\(?(?P<organ>[A-ZÆØÅ][^:,()]+?),?\s+(?:(?:den|d\.)\s+)?(?P<dato>{DATE_TEXT})"
               rf"(?:,?\s+kl\.?\s*\d{{1,2}}[.:]\d{{2}})?\)?\s*:?$"),
    # "Økonomiudvalgets beslutning den 3. juni 2025", "FORRETNINGSUDVALGETS BESLUTNING": the body in the genitive
    re.compile(rf"^(?P<organ>[A-ZÆØÅ][\w\- ]{{2,60}}?)[sS]\s+(?i:beslutning)(?:\s+(?:(?i:den|d\.)\s+)?(?P<dato>{DATE_TEXT}))?\s*:?$"),
    # "Børne- og Ungeudvalget, 24-09-2025, pkt. 3" (no word Beslutning)
    re.compile(rf"^(?P<organ>[A-ZÆØÅ][^,:]{{2,60}}),\s*(?:den\s+|d\.\s+)?(?P<dato>{DATE_TEXT}),\s*pkt\.\s*(?P<punkt>\d{{1,4}})\.?\s*:?$"),
]
# Generic nouns a decision label may use for the meeting's own body ("Udvalgets beslutning").
GENERIC_BODIES = {"udvalget", "rådet", "bestyrelsen", "forummet", "direktionen"}
# What differs between two printings of one body's name: "Kommunalbestyrelsen 2018-21", "Økonomi- og Erhvervsudvalget".
BODY_NOISE = re.compile(r"\d{2,4}(?:\s*-\s*\d{2,4})?|[^\wæøå]+")
# A quoted step of the case's trail: "Økonomiudvalget, 3. juni 2025, pkt. 4: Indstilles godkendt."
TRAIL_LINE = re.compile(
    rf"^(?P<organ>[A-ZÆØÅ][^,:]{{2,60}}),\s*(?:den\s+|d\.\s+)?(?P<dato>{DATE_TEXT}),\s*pkt\.\s*(?P<punkt>\d{{1,4}})\.?\s*:\s*(?P<udtalelse>\S.*)$"
)
# A decision keyed per indstilling point: "Ad 1: Anbefales.", "At 2: …", "Ad. 1 Godkendt."
PER_POINT = re.compile(r"^(?:Ad|At)\.?\s*(?P<nummer>\d{1,2})\s*[:.]?\s+(?P<tekst>\S.*)$")
# An unlabelled decision after the indstilling starts with an outcome word or "<forum> <past tense>".
UNLABELLED_DECISION = re.compile(
    r"^(?:-|Godkendt|Anbefales|Tiltrådt|Forkastet|Taget til efterretning|Drøftet|Udsat|Oversendt|Ikke godkendt|"
    r"Indstilles godkendt|Sagen udgår)\b|^-$"
)
# A last sentence that is only an outcome is an unlabelled decision ("… Schleswig. Taget til efterretning").
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")
OUTCOME_SENTENCE_MAX = 40
PAST_TENSE_DECISION = re.compile(r"^\s*(?:godkendte|tiltrådte|anbefalede|vedtog|besluttede|tog|drøftede|forkastede)\b")
EMPTY_DECISIONS = {"-", "–", "—"}
# Attendance printed inside a decision block ("Afbud: Sanne Krog (V)"): part of the block, never a new section.
ATTENDANCE_LINE = re.compile(r"^(?:Fraværende|Afbud|Fravær)\s*:\s*\S.*$", re.I)
# Attendance notes a decision block may open with; the outcome is read after them.
LEADING_ATTENDANCE = re.compile(
    r"^(?:\s*(?:(?:Fraværende|Afbud|Fravær)\s*:[^\n]*(?:\n|$)|[^.\n]{0,120}?\b(?:var|er)\s+fraværende\.|"
    r"[^.\n]{0,120}?\bdeltog\s+ikke\b[^.\n]*\.))+\s*",
    re.I,
)

# --- fields inside sections -----------------------------------------------------------------------
# "Forretningsudvalget indstiller," alone on its line: the label of an indstilling.
INDSTILLER_LABEL = re.compile(r"^[A-ZÆØÅ][\w\-æøå ]{2,60}\s+(?:indstiller|foreslår)\s*[,:]?$")
# "Kommunaldirektøren indstiller," / "IT-projektrådet har screenet ansøgningerne og indstiller:"
INDSTILLER = re.compile(r"^(?P<indstiller>[A-ZÆØÅ].*?)(?:\s+har\s+[^,]+?\s+og)?\s+indstiller\b")
BULLETS = "-•·▪–*►‣◦"
INDSTILLING_POINT = re.compile(rf"^\s*(?:\d{{1,2}}[.)]\s*|[{re.escape(BULLETS)}]\s+)?(?P<tekst>[Aa]t\s.+)$")
# "Forvaltningen indstiller, at dagsordenen godkendes." — the one-sentence form.
INDSTILLING_SENTENCE = re.compile(r"\b(?:indstiller|indstilles)\b[^,]*?,\s*(?P<tekst>[Aa]t\s.+)$", re.S)
# "Direktionen indstiller, at" with the points numbered below it, without "at" of their own.
ENDS_WITH_AT = re.compile(r"\b(?:indstiller|indstilles|foreslår)\b.*,?\s+at:?$")
NUMBERED_POINT = re.compile(r"^\s*\d{1,2}[.)]\s+(?P<tekst>\S.*)$")
# "At A godkendes. At B overføres." run together on one line: one point per "At".
NEXT_POINT = re.compile(r"(?<=[.;])\s+(?=[Aa]t\s)")
# "at Økonomiudvalget anbefaler over for Kommunalbestyrelsen, at …": the routing clause is not the point.
RECOMMENDATION_ROUTING = re.compile(r"^at\s+[\w\- ]+?\s+anbefaler\s+over\s+for\s+[^,]+,\s*(?=at\s)")
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

# --- outcome from the decision text (first match wins, so the stronger wording comes first) --------
# A formal decision beats a noted orientation, which beats a discussion: "tog orienteringen til
# efterretning samt godkendte indstillingen" is godkendt; "drøftede … og tog … til efterretning" is noted.
UDFALD = [
    (r"\bikke\s+(?:godkend|tiltr)|\bforkast|\bafvist|\bafviste\b", "afvist"),
    (r"\b(?:sagen|punktet)\s+udgår\b|^\W*udgår\b", "udgaaet"),
    (r"\budsat\b|\budsatte\b|\butsat\b|\budsættes\b", "udsat"),
    (r"\boversendt\b|\boversendes\b", "oversendt"),
    (r"\bgodkendte?\b[^.]*\bmed\s+(?:\w+\s+){0,2}bemærkning", "godkendt_med_bemaerkninger"),
    (r"\btiltr(?:å|aa)dte?\b", "tiltraadt"),
    (r"^\W*anbefales\b|\bindstilles\s+godkendt\b", "anbefalet"),
    (r"\bgodkendte\b|\b(?:blev|er|hermed)\s+(?:\w+\s+)?godkendt\b|^\W*godkendt\b|\bvedtog\b|\banbefaler\b|\budpegede\b|"
     r"\bvalgte\b|\bgodkendt\b", "godkendt"),
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

# --- noise: removed before parsing, kept in Referat.stoej so no line is silently lost --------------
NOISE_LINES = [
    re.compile(r"^(?:Til toppen|Fold alle ud|Fold alle sammen|Se alle bilag|Udskriv|Hent som fil|Spring til indhold|"
               r"Show video|Vis video|Se video|"
               r"Søg|Menu|Kontakt os|Tilgængelighedserklæring|Accepter alle cookies|Kun nødvendige cookies|"
               r"Afvis cookies|Cookieindstillinger)$", re.I),
    re.compile(r"^Vi bruger cookies\b.*$", re.I),
    re.compile(r"^Forside\s*>.*$"),  # breadcrumb navigation
    re.compile(r"^.*\bKommune\s+·\s+.*\bTlf\.?\s.*$"),  # footer address line of a web page
    re.compile(r"^Side\s+\d{1,4}(?:\s+af\s+\d{1,4})?$", re.I),  # "Side 3 af 12", "Side 3"
    re.compile(r"^[-–]\s*\d{1,4}\s*[-–]$"),  # "- 3 -": a page number between dashes
    re.compile(r"^\d{1,3}$"),  # a bare page number
]
# The column headers of an agenda viewer's table printed as a line ("Punkt Titel", "Udvalg Dato Type Hent"):
# noise, unless the first word is a section label ("Bilag Funktioner" heads the attachments).
TABLE_HEADER_WORDS = ["Punkt", "Pkt.", "Titel", "Tekst", "Emne", "Udvalg", "Dato", "Type", "Hent", "Funktioner",
                      "Bilag", "Side", "Status"]  # fmt: skip
TABLE_HEADER = re.compile(r"^(?P<first>" + "|".join(map(re.escape, TABLE_HEADER_WORDS)) + r")(?:\s+(?:"
                          + "|".join(map(re.escape, TABLE_HEADER_WORDS)) + r")){1,3}$")
TABLE_CELL_BORDER = re.compile(r"\s*\|\s*")  # "at | dagsordenen godkendes |": a table row
NO_ATTACHMENTS = {"ingen bilag", "ingen", "-"}
# All of NOISE_LINES as one alternation (each keeping its own flags): every line of every referat is
# tested, and one regex is several times faster than a Python loop over six.
NOISE_LINE = re.compile("|".join(f"(?{'i' if x.flags & re.I else ''}:{x.pattern})" for x in NOISE_LINES))
# Page furniture inside run-on lines of converted PDFs: "… 2 <running header> Side 2 af 4 …".
# (?<!\s): a match starts where a run of spaces starts, so a long run is scanned once, not once per space.
PAGE_OF = re.compile(r"(?<!\s)\s*\bSide\s+\d{1,4}\s+af\s+\d{1,4}\b\s*", re.I)
# Lines a page header or footer prints on every page: repeated, the first one is the document's own (header),
# every later one is furniture. Never a section label, a status line ("Åben") or decision text.
WEEKDAYS = "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"
# (pattern, times printed): a title line ("X – Referat – dato") also stands once more as a punkt's repeated title.
RUNNING_LINES = [
    (re.compile(r"^(?:(?:Åben|Åbent|Lukket)\s+)?(?:referat|dagsorden|beslutningsprotokol)$", re.I), 2),  # "Åbent referat"
    (re.compile(rf"^(?:(?:{WEEKDAYS}),?\s+)?(?:den\s+|d\.\s*)?(?:{DATE_TEXT})(?:\s+kl\.?\s*\d{{1,2}}[.:]\d{{2}})?$", re.I), 2),
    (BODY_NAME, 2),
    *((title, 3) for title in TITLE_LINES),
]
HEADER_LINES = 12  # non-blank lines at the top of a document where its own title, body and date are printed
DOCUMENT_KIND_LINE = RUNNING_LINES[0][0]
# A line naming the document's kind is the meeting's title, never a punkt's: printed twice, it is a page header.
DOCUMENT_KIND_WORD = re.compile(rf"\b(?:{DOCUMENT_KINDS}|Dagsorden|DAGSORDEN)\b")  # "Referat", "Åben dagsorden": never a punkt's title
PAGE_NUMBER_IN_LINE = re.compile(r"(?<!\s)\s+Side\s+\d{1,4}$", re.I)  # "Økonomiudvalget 03-06-2025 Side 4"
LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
SOFT_HYPHEN = "\u00ad"
# OCR letter-spacing: "B e s l u t n i n g" (at least four letters, single spaces).
LETTER_SPACED = re.compile(r"^(?:[A-Za-zÆØÅæøå] ){3,}[A-Za-zÆØÅæøå]$")
# A word broken at the line end ("hæv-" / "ning"); not "IT- og …" where the hyphen is meant.
BROKEN_WORD = re.compile(r"[a-zæøå]{2}-$")
KEPT_HYPHEN_NEXT = {"og", "eller", "samt", "til"}
