"""Word lists the corpus generator draws from: fora, rooms, owners and deadline phrasings.

Kept as data so a new forum or deadline form is a one-line change.
"""

FORA = (
    "Chefforum",
    "Direktørforum",
    "Økonomiudvalget",
    "Kommunalbestyrelsen",
    "Børne- og Skoleudvalget",
    "Teknik- og Miljøudvalget",
    "Social- og Sundhedsudvalget",
    "Kultur- og Fritidsudvalget",
    "Beskæftigelsesudvalget",
    "Klima- og Planudvalget",
)

STEDER = (
    "Mødelokale 915",
    "Materialegården",
    "Rådhuset, mødesal 1",
    "Byrådssalen",
    "Mødelokale 2.14",
    "Kulturhuset Birkelund",
)

MAANEDER = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)

UGEDAGE = ("Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag")

ANSVARLIGE = (
    "Økonomi & Stab",
    "IT & Digitalisering",
    "Kommunikation",
    "Sekretariatet",
    "Kommunaldirektøren",
    "Afdelingscheferne",
    "HR",
)

HANDLINGER = (
    "et notat om økonomien",
    "en plan for implementeringen",
    "en status på projektet",
    "et oplæg til temadrøftelsen",
    "en opdateret tidsplan",
    "forslag til næste skridt",
    "en evaluering af forløbet",
)

# Deadline sentences appended to a punkt's Beslutning; {dag} {maaned} {aar} {dato} {uge} are filled in.
FRIST_SKABELONER = (
    "{ansvarlig} udarbejder {handling} senest den {dag}. {maaned} {aar}.",
    "{ansvarlig} skal fremlægge {handling} i løbet af uge {uge}.",
    "Fristen for {handling} er den {dato}.",
    "{ansvarlig} melder {handling} tilbage til forummet inden udgangen af {maaned}.",
)

# Fraction of punkter whose sagsnummer is drawn from the shared pool, so the same sag recurs across meetings.
ANDEL_GENTAGNE_SAGER = 0.3
# Fraction of punkter that get a deadline sentence in their Beslutning.
ANDEL_MED_FRIST = 0.4
# KLE handlingsfacetter seen in the examples; the generator draws new sagsnumre from them.
HANDLINGSFACETTER = ("P35", "P05", "A00", "A26", "P20", "P00", "A50")
