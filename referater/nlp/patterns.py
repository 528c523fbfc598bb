"""Danish words and patterns the NLP rules are built from: data, not logic.

Everything a reader may want to extend (a month spelling, a cue word, a role noun) lives here.
Regex fragments are written for ``re.IGNORECASE`` unless they say otherwise.
"""

from __future__ import annotations

from ..parsers.patterns import MONTHS

# Month names and the abbreviations agenda systems print; abbreviations are only trusted next to a
# day number, because "Jan" is also a first name.
MAANEDER = MONTHS
MAANED_FORKORTELSER = {
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
    # English spellings occasionally left by templates
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
}
# A year-less date up to this many days before the meeting is taken as recent, not as next year's.
NYLIG_DAGE = 31
UGEDAGE = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

# Seasons: (first month, last month) and whether the season ends in the following year.
# Convention from the gold notes: a season is due at its end (spring 31/5, summer 31/8, autumn 30/11).
AARSTIDER = {
    "forår": (3, 5), "foråret": (3, 5), "sommer": (6, 8), "sommeren": (6, 8),
    "forsommer": (6, 6), "forsommeren": (6, 6), "sensommer": (8, 8), "sensommeren": (8, 8),
    "efterår": (9, 11), "efteråret": (9, 11), "vinter": (12, 14), "vinteren": (12, 14),
}
# Holidays as (month, day, precision): "inden sommerferien" = end of June (gold convention), and so is
# "inden/før sommeren" (before the summer break, not the end of August); "inden jul" = Christmas Eve.
FERIER = {
    "sommerferien": (6, 30, "maaned"), "sommeren": (6, 30, "maaned"), "sommer": (6, 30, "maaned"),
    "juleferien": (12, 20, "maaned"), "jul": (12, 24, "dag"), "julen": (12, 24, "dag"),
}
# Holidays that are a school week: (ISO week, precision), due on its Friday.
FERIEUGER = {"vinterferien": 7, "efterårsferien": 42}

# Counts written as words in relative limits ("inden for to uger").
TAL = {"en": 1, "et": 1, "én": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8,
       "ni": 9, "ti": 10, "fjorten": 14}
# Units of a relative limit and how they count from the meeting: (unit, per count, precision).
ENHEDER = {"dag": ("days", 1, "dag"), "dage": ("days", 1, "dag"), "arbejdsdage": ("days", 1, "dag"), "arbejdsdag": ("days", 1, "dag"),
           "uge": ("days", 7, "uge"), "uger": ("days", 7, "uge"), "måned": ("months", 1, "maaned"),
           "måneder": ("months", 1, "maaned")}
# A limit counted from an event ("senest 5 dage før mødet", "mindst 2 uger i forvejen", "senest 4 uger efter
# høringsfristen"): dated when the event's date is in the text, else a frist without a date.
RELATIV_FRIST = (r"\b(?:senest|mindst|inden|min\.)\s+(?P<antal>\d{1,3}|" + "|".join(TAL) + r")"
                 r"\s+(?P<enhed>(?:arbejds)?(?:dage?|uger?|måneder?))\s+(?:(?P<retning>før|inden|efter)\s+(?:den\s+|d\.\s*)?"
                 r"(?P<anker>\w+)|i\s+forvejen)")
# Words one of a pattern's matches must contain; a text without them is not scanned with it.
DATO_FORFILTER = {
    "uge": ("uge",), "ugens_loeb": ("uge",), "naeste_uge": ("uge",), "udgangen": ("udgangen",),
    "aarsskifte": ("årsskift",), "dette_aar": ("år",), "q_kvartal": ("q", "k"), "aar_linje": ("20",), "naeste_aar": ("næste år",),
    "aarstid": ("forår", "sommer", "efterår", "vinter"), "kvartal": ("kvartal",), "halvaar": ("halvår",),
    "ferie": ("ferie", "jul", "sommer"), "broek": ("/",), "inden_for": ("inden",), "dageliste": (" og ", ",", " til ", "-", "–"),
    "budgetaar": ("budgetår", "regnskabsår"),
    "periodedel": ("ultimo", "primo", "medio", " af ", " i "),
}
# ultimo/primo/medio and their spelled-out forms: which part of the period they point at.
PERIODEDEL = {
    "ultimo": "slut", "i slutningen af": "slut", "i udgangen af": "slut", "sidst i": "slut",
    "primo": "start", "i starten af": "start", "i begyndelsen af": "start", "først i": "start",
    "medio": "midt", "i midten af": "midt", "midt i": "midt",
}
ORDINALER = {"første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4}

# --- deadlines ---------------------------------------------------------------------------------
# Which dates are deadlines is decided by the table of forms in fristformer.py; these are the words
# that widen a deadline's phrase, as the gold phrases keep an adjacent trigger word ("senest den 27. august").
TRIGGER_ORD = (
    r"frist(?:en)?(?:\s+(?:er|for\s+\w+))?(?:\s+(?:sat\s+)?til)?", r"deadline(?:\s+er)?", r"\w+frist(?:en)?(?:\s+er)?",
    r"senest(?:\s+i)?", r"inden(?:\s+for)?", r"forventes\s+færdig\w*", r"færdig\w*", r"tilendebragt",
    r"afleveres", r"afsluttet", r"i\s+løbet\s+af",
)
# Sentences that describe the past (used to put a year-less date behind the meeting).
FORTID_CUES = (
    r"blev", r"var", r"havde\s+været", r"har\s+været", r"er\s+blevet", r"godkendte", r"besluttede",
    r"drøftede", r"vedtog", r"gennemførtes", r"afholdtes", r"påbegyndt", r"siden",
)
# Past participles that date an event behind the meeting ("godkendt i Direktørforum den 20/1").
FORTID_PARTICIPIER = (r"godkendt", r"behandlet", r"drøftet", r"vedtaget", r"afholdt", r"besluttet",
                      r"gennemført", r"modtaget", r"sendt", r"oplyst", r"nævnt", r"beskrevet")
# Nouns that name a decision already taken: "beslutning fra chefforum den 21. maj" lies behind us.
FORTID_NAVNEORD = (r"beslutning(?:en)?", r"referat(?:et)?")
# "ved udgangen af 2025" is a point where a state is measured ("kassebeholdningen ved udgangen af 2025
# forventes at udgøre …", "aftalen udløber ved udgangen af 2025"), not a due date; "til udgangen af" lasts.
VARIGHED_UDTRYK = r"^(?:(?:frem\s+)?til\s|året\s+ud|ved\s+udgangen)"
# Bare-year expressions ("i 2025") only count when a cue is this close, inside the same clause.
AAR_NAERHED_ORD = 4
# Sections whose short list lines are attachment names, whose dates are never deadlines; prose that a
# layout put under such a heading is read as any other text.
IKKE_FRIST_AFSNIT = ("bilag",)
BILAGSLINJE_ORD = 16
HANDLING_MAKS_ORD = 14
# Words trimmed from the ends of an action phrase: they join it to its sentence, not say what is due.
HANDLING_FYLDORD_FOER = ("samt", "og", "at", "som", "der", "hvorefter", "hvor", "så", "da", "idet", "men")
HANDLING_FYLDORD_EFTER = ("senest", "inden", "i", "på", "den", "d.", "til", "af", "løbet", "fra", "kl.",
                          "deadline", "for") + UGEDAGE

# --- assignments -------------------------------------------------------------------------------
# Verb patterns after an owner that make a sentence an assignment: "X skal undersøge …",
# "X er ansvarlig(e) for at …", "X udarbejder …", "X melder … senest …".
OPGAVE_UDSAGN = (
    r"skal", r"er\s+ansvarlige?\s+for(?:\s+at)?", r"har\s+ansvaret\s+for(?:\s+at)?", r"sørger\s+for(?:\s+at)?",
    r"udarbejder", r"udarbejdes", r"melder", r"undersøger", r"samler", r"følger\s+op", r"arbejder\s+videre",
    r"sender", r"indkalder", r"fremlægger", r"forelægger", r"orienterer", r"tager\s+kontakt",
    r"vil", r"påtager\s+sig", r"bedes", r"inddrages", r"varetager", r"har\s+(?:\S+\s+){0,4}til\s+at",
)
OPGAVE_MAKS_ORD = 20
# Verbs that stand before the owner in V2 order ("Derfor skal Økonomi & Stab …", "har hver afdelingschef
# 10 minutter til at …").
OPGAVE_V2_UDSAGN = (r"skal", r"vil", r"må", r"bør", r"har")
# Sections where an assignment may be made (others only when they carry a dated action).
OPGAVE_AFSNIT = ("beslutning", "indstilling")
