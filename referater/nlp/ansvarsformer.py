"""Who can own a deadline, as data: the kinds of owner, what makes a name one of them, the abbreviations
Danish municipalities share, and the words the owner rules (``ejere.RULES``) look for.

A body is recognised by what makes it a body (udvalg, råd, forum, direktion, bestyrelse, an abbreviation
defined in the text), a role by its form (plural -erne of a role noun, "de ansvarlige …", "hver enkelt
kommune"), an outside party by the text's own cues (A/S, ApS, konsulent, revision, styrelse, ministerium).
"""

from __future__ import annotations

# The owner kinds, stored as frist.ansvarlig_type.
TYPER = ("person", "rolle", "organ", "enhed", "ekstern", "kommunen")

# The last part of a (compound) name decides its kind: "Økonomiudvalget", "fagudvalgene", "ErhvervsCentret",
# "Bolig- og Planstyrelsen". Every inflection is listed; the longest ending wins ("regionsrådet" is ekstern).
HOVEDORD: dict[str, tuple[str, ...]] = {
    "organ": (
        "udvalg", "udvalget", "udvalgene", "råd", "rådet", "rådene", "forum", "forummet", "direktion",
        "direktionen", "bestyrelse", "bestyrelsen", "bestyrelserne", "styregruppe", "styregruppen",
        "styregrupperne", "gruppen", "repræsentantskab", "repræsentantskabet", "kommission", "kommissionen",
    ),
    "enhed": (
        "administration", "administrationen", "forvaltning", "forvaltningen", "forvaltningerne", "sekretariat",
        "sekretariatet", "center", "centret", "centeret", "centre", "centrene", "afdeling", "afdelingen",
        "afdelingerne", "skolerne", "biblioteket", "bibliotekerne", "institutionerne", "plejehjemmene",
        "teamet", "hjemmeplejen", "plejecentrene",
    ),
    "ekstern": (
        "styrelse", "styrelsen", "ministerium", "ministeriet", "ministeren", "regering", "regeringen",
        "regionen", "regionsråd", "regionsrådet", "fonden", "politi", "politiet", "folketinget", "tilsynet",
        "selskabet", "revisionen", "revisor", "revisoren", "konsulent", "konsulenten", "konsulenterne", "rådgiver",
        "rådgiveren", "rådgiverne", "direktorat", "direktoratet", "agentur", "agenturet",
        "leverandøren", "leverandørerne", "entreprenøren", "forpagter", "forpagteren", "byder", "byderen", "staten",
        "bydere", "byderne", "ombudsmanden", "ankestyrelsen", "domstolen",
    ),
}
# Heads that are an owner also without an article ("byder skal aflevere", "ny forpagter fra 1. august"): they
# name someone who acts, so "et godt råd" is no body but "konsulent" is an outside party.
AGENTNAVNEORD = ("byder", "forpagter", "konsulent", "rådgiver", "revisor", "leverandør", "entreprenør")
# Heads that name an owner only inside a capitalised name: "Øresundsvandsamarbejdet", "Greve Svømmehal".
NAVNE_HOVEDORD: dict[str, tuple[str, ...]] = {
    "enhed": ("svømmehal", "svømmehallen", "hal", "hallen", "bibliotek", "skole", "gymnasium", "museum",
              "museet", "plejecenter", "plejehjem", "idrætscenter"),
    "ekstern": ("samarbejdet", "netværket", "forbund", "forbundet", "fond", "region", "landsforening",
                "universitet", "universitetet", "forsyning", "forsyningen"),
}
# Firm forms after a capitalised name: "Strandparken I/S", "Byg & Co A/S".
SELSKABSFORMER = ("A/S", "ApS", "I/S", "P/S", "K/S", "IVS", "AmbA", "F.M.B.A.")
# Nouns for firms whose names the text lists in parentheses: "tre konsulenthuse (HP Advisory, Implement og BDO)".
FIRMA_NAVNEORD = r"(?:konsulenthus|konsulentfirma|leverandør|rådgiver|firma|virksomhed|bydere|tilbudsgiver|revisionsfirma)\w*"

# Role nouns and the inflections that make them a collective owner of kind "rolle" (plural, or singular
# definite): "alle kommuner", "de respektive kommuner", "afdelingscheferne", "de kommunale
# daginstitutionsledere", "Formanden". A leading "*" lets the noun end a compound ("skoleledere").
ROLLE_NAVNEORD: dict[str, tuple[str, ...]] = {
    "kommune": ("kommuner", "kommunerne"), "forening": ("foreninger", "foreningerne"),
    "borgmester": ("borgmesteren", "borgmestre", "borgmestrene"), "*formand": ("formanden", "formænd", "formændene"),
    "*leder": ("lederen", "ledere", "lederne"), "*chef": ("chefen", "chefer", "cheferne"),
    "*direktør": ("direktøren", "direktører", "direktørerne"),
    "tilbudsgiver": ("tilbudsgiveren", "tilbudsgivere", "tilbudsgiverne"),
    "ansøger": ("ansøgeren", "ansøgere", "ansøgerne"), "*part": ("parten", "parter", "parterne"),
    "*medarbejder": ("medarbejdere", "medarbejderne"), "borger": ("borgere", "borgerne"),
    "*aktør": ("aktøren", "aktører", "aktørerne"), "*ejer": ("ejeren", "ejere", "ejerne"),
    "arbejdsgruppe": ("arbejdsgrupper", "arbejdsgrupperne"), "*konsulent": ("konsulenter", "konsulenterne"),
    "*koordinator": ("koordinatoren", "koordinatorer", "koordinatorerne"),
}
# Singular nouns that are a role only after "hver (enkelt)", "den enkelte", "enhver": "hver enkelt kommune".
ROLLE_ENTAL = (r"kommune", r"forening", r"skole", r"institution", r"leder", r"afdeling", r"enhed",
               r"medarbejder", r"borger", r"ansøger", r"tilbudsgiver", r"byder", r"plejecenter")
ROLLE_BESTEMMER = (r"alle", r"de", r"hver(?:\s+enkelt)?", r"den\s+enkelte", r"det\s+enkelte", r"de\s+enkelte",
                   r"de\s+respektive", r"begge", r"samtlige", r"relevante", r"nye?", r"enhver",
                   r"de\s+(?:\d+|to|tre|fire|fem|seks|syv|otte|ni|ti)")
# An adjective between determiner and noun: "de kommunale daginstitutionsledere", "de høringsberettigede parter".
ROLLE_ADJEKTIV = r"[a-zæøå]+(?:e|ede|ige|ske|lige|nde)"
# Internal roles written many ways that mean one collective owner (the Albertslund gold's spelling).
KANONISKE_ROLLER = {
    r"(?:alle\s+|hver\s+|de\s+enkelte\s+|den\s+enkelte\s+)?afdelingschef(?:er|erne|en)?": "afdelingscheferne",
    r"(?:alle\s+)?cheferne": "afdelingscheferne",
    r"(?:alle\s+|de\s+enkelte\s+)?ledere?ne": "lederne",
    r"(?:alle\s+|de\s+enkelte\s+)?enhederne": "enhederne",
    r"områdedirektør(?:en|erne)": "områdedirektørerne",
    r"systemejer(?:en)?": "systemejer",
    r"projektleder(?:en)?": "projektlederen",
}

# Abbreviations every Danish municipality uses for its own bodies: a later "ØU" is "Økonomiudvalget (ØU)".
# An abbreviation the referat defines itself ("Projektrådet (PR)") is read from the text and wins.
KENDTE_FORKORTELSER: dict[str, tuple[str, str]] = {
    "KB": ("Kommunalbestyrelsen", "organ"), "BR": ("Byrådet", "organ"), "ØU": ("Økonomiudvalget", "organ"),
    "MED": ("MED-udvalget", "organ"), "HMU": ("Hovedmedudvalget", "organ"),
    "KKR": ("Kommunekontaktrådet", "organ"), "KL": ("Kommunernes Landsforening", "ekstern"),
}
# Bodies the rules know by name in any case ("forelægges chefforum").
KENDTE_ORGANER = ("Chefforum", "Direktørforum", "KommuneMED", "HovedMED", "Kommunalbestyrelsen")
# Organisational units are written "X & Y" with capitals ("Økonomi & Stab"); also single-word units.
# At most four comma parts ("Politik, Jura, Kommunikation & Udvikling"): unbounded, a long list of
# capitalised words without "&" would be tried from every word again.
ENHED_MOENSTER = r"[A-ZÆØÅ][\wæøå]*(?:,\s*[A-ZÆØÅ][\wæøå]*){0,4}\s+&\s+[A-ZÆØÅ][\wæøå]*"
ENKLE_ENHEDER = ("Kommunikation", "Sekretariatet", "Lønadministrationen", "HR")
# The municipality itself: "Albertslund Kommune", "kommunen".
KOMMUNE_MOENSTER = r"\b[A-ZÆØÅ][\wæøå]+(?:-[A-ZÆØÅ][\wæøå]+)?\s+Kommune\b|\b(?i:kommunen)\b"
# Abbreviation defined in the text: "Økonomi & Stab (ØS)", "Projektrådet (PR)".
FORKORTELSE_MOENSTER = r"\((?P<forkortelse>[A-ZÆØÅ][A-ZÆØÅ&]{1,6})\)"
# An abbreviation in running text: all capitals, 2–6 letters ("PR", "SBUU", "ØU").
FORKORTELSE_ORD = r"\b[A-ZÆØÅ]{2,6}\b"
# A name written as a coordination of hyphenated parts is a body's name even when its head word is
# misspelt or unknown: "Kultur- og Fritidsvalget", "Klima-, Teknik- og Miljøudvalget".
SAMMENSAT_NAVN = r"\b[A-ZÆØÅ][\wæøå]*-(?:,\s+[A-ZÆØÅ][\wæøå]*-)*\s+(?:og|&)\s+[A-ZÆØÅ][\wæøå]+\b"
# Action nouns a body's genitive makes it the actor of: "fagudvalgenes drøftelse … frem mod …".
HANDLINGSNAVNEORD = ("drøftelse", "behandling", "godkendelse", "orientering", "beslutning", "arbejde",
                     "stillingtagen", "prioritering", "tilbagemelding", "høringssvar", "indstilling")
# Words an abbreviation's initials skip: "Skole-, Børne- og Ungeudvalget" is SBUU.
INITIAL_FYLDORD = ("og", "for", "i", "&", "af", "til")

# --- persons -----------------------------------------------------------------------------------------
# Persons named in running text after these cue words: "projektledes af Anna Hermann Hansen".
PERSON_CUES = (
    r"af", r"ved", r"med", r"v/", r"kontaktperson", r"projektleder", r"enhedsleder", r"konsulent",
    r"tovholder", r"til",
)
# Capitalised words that show a capitalised sequence is not a person's name.
IKKE_NAVNE = frozenset({
    "Den", "Det", "De", "Der", "Dette", "Her", "Kommune", "Kommunes", "Teams", "Microsoft", "Office",
    "Power", "Chefforum", "Direktørforum", "Skole", "Rådhuset", "Danmark", "Region", "Plan", "Budget",
    "Organisatoriske", "Moderne", "Samarbejdsplatform", "Styregruppen", "Indstilling",
})
NAVN_MOENSTER = r"[A-ZÆØÅ][a-zæøåé]+(?:\s+[A-ZÆØÅ][a-zæøåé]+){1,3}"
# Owners the rapidfuzz matcher accepts only above this score (0–100): below it, never guess.
FUZZ_GRAENSE = 88

# --- the owner rules' words --------------------------------------------------------------------------
# Finite verbs that make the mention before them act ("afdelingscheferne skal", "Byrådet godkender").
# Modal verbs and the verbs of HANDLINGSVERBER give their subject something to do: a date in such a sentence
# is a deadline (the classifier's "agent"). VERBER and the endings only show who acts.
MODALVERBER = ("skal", "vil", "kan", "må", "bør", "skulle", "ville", "kunne", "måtte")
HANDLINGSVERBER = (
    "melder", "deltager", "udarbejder", "sørger", "undersøger", "afleverer", "forelægger", "fremlægger",
    "godkender", "behandler", "beslutter", "holder", "afholder", "inviterer", "indgår", "aftaler", "udvælger",
    "igangsætter", "sender", "indsender", "vedtager", "præsenterer", "leverer", "gennemfører", "udfører",
    "færdiggør", "afslutter", "indkalder", "fremsender", "offentliggør", "udbyder", "tilbyder", "etablerer",
    "implementerer", "evaluerer", "reviderer", "udpeger", "ansætter", "forventes", "bedes", "bemyndiges",
    "pålægges", "underskriver", "afgiver", "fremsætter", "opdaterer", "indhenter", "afrapporterer", "forpligter",
)
# Verbs of asking or expecting: their subject receives what is due, it does not do it ("Udvalget ønsker en
# status i juni 2026", "Administrationen forventer, at der er drift fra 1. august").
BESTILLER_EFTER = r"\s+(?:\w+\s+)?(?:ønsker|ønskede|anmoder|beder|efterspørger|forventer|afventer|ser\s+frem)\b"
VERBER = ("drøfter", "orienterer", "anbefaler", "vurderer", "arbejder", "tager", "får",
          "sigter", "følger", "går", "gør", "giver", "ser", "står", "bidrager", "fortsætter", "starter",
          "begynder", "modtager", "overtager", "varetager", "påtager", "koordinerer", "udsender")
VERBALENDELSER = ("erer", "sætter", "lægger", "fører", "tager", "giver")
# Verbs of planning followed by "at" and an infinitive: the subject acts ("Administrationen forventer at
# fremlægge en sag i juni"); with a comma and "at" they expect something of others.
PLANVERBER = ("forventer", "planlægger", "påtænker", "regner", "agter", "sigter")
# Words that may stand between a subject and its verb ("administrationen i januar udvælger" is handled
# by skipping the date; these are the adverbs).
MELLEMADVERBIER = ("også", "derfor", "nu", "fortsat", "desuden", "endvidere", "løbende", "samtidig", "selv",
                   "efterfølgende", "herefter", "senere", "først", "gerne", "allerede", "dog", "ligeledes")
# Verbs in the past that make a mention the one who did something, not the owner of what is still due.
FORTID_UDSAGN_EFTER = r"\s+(?:(?:har|havde)\s+(?:\w+\s+)?\w+(?:et|t)|blev|var|\w{3,}ede|\w+te)\b"
# A place after the subject, before its verb: "Plejecentrene i Nordby Kommune skal", "kommunerne i kredsen skal".
STED_EFTER = (r"\s+(?:i|på|under|hos)\s+(?:[A-ZÆØÅ][\wæøå-]*(?:\s+[A-ZÆØÅ][\wæøå-]*)*|[a-zæøå]{3,}(?:en|et|ne))"
              r"(?=\s)")
# What may open a clause before a verb-first subject (V2 order): an adverbial or a date, "I august igangsætter
# Styrelsen …", "Derfor skal Økonomi & Stab …" — not a noun subject ("Sagen vedrører Byrådet").
V2_FORLED = (r"^\s*(?:[-–•*]\s*)?(?:(?:i|på|fra|efter|inden|senest|derfor|herefter|dernæst|så|nu|samtidig|desuden|"
             r"endelig|først|derefter|den|d\.)\b.*)?$")
# Inside a comma clause, a new clause starts at "og at", "samt at", "men", "hvorefter": "KKR behandler … inden
# sommeren og at det efterfølgende kommer til beslutning i kommunerne i august".
LEDGRAENSE = r"\s(?:og|samt|men)\s+(?:at|der|det)\s|\shvorefter\s|;"
# A body's meeting in the genitive, right before its date: "på Byrådets møde den 30. september".
MOEDE_EFTER = r"\s+(?:\w*møde[nt]?|\w*mødet|workshops?|\w*seminar(?:et)?)\s+(?:den\s+|d\.\s*)?"
# The definite noun that opens a clause: its subject ("Screeningen forgår …", "Analysen skal være …").
SUBJEKT_NAVNEORD = r"\s*(?:[-–•*]\s*)?(?:at\s+|og\s+)?(?P<ord>[A-ZÆØÅa-zæøå]{4,}(?:en|et|ne))\b"
# A passive verb after the mention: it is acted upon ("Sagen behandles", "Udvalget orienteres").
PASSIV_EFTER = r"\s+(?:\w+\s+)?\w{3,}es\b"
# Prepositions before a mention make it a place or recipient, not the one who acts.
PRAEPOSITIONER = ("på", "til", "i", "for", "med", "hos", "fra", "om", "over", "mellem", "blandt", "ved", "af",
                  "ifølge")
# Determiners and adjectives that may stand between a preposition and its noun ("på det kommende Chefforum").
MELLEMORD = ("det", "et", "den", "en", "de", "kommende", "næste", "sidste", "første", "hele", "samme", "ordinært",
             "ordinære", "politisk", "politiske")
MOEDE_MELLEMORD = ("kommende", "næste")  # "til kommende Chefforum" = at the body's next meeting
# Passive verbs of presenting: the body after them will treat the case ("forelægges Økonomiudvalget").
MODTAGER_FOER = (r"\b(?:forelægges|forelagt|fremlægges|præsenteres\s+for|orienteres|sendes\s+til|tilgå|tilgår)"
                 r"\s+$")
# The agent of a passive: "godkendt af de 5 kommuner", "vedtages af Folketinget".
AGENT_FOER = r"\b\w+(?:es|et|t)\s+(?:\w+\s+)?af\s+$"
# The treatment of a case by a body that meets: "behandling i Byrådet", "til godkendelse i KKR".
BEHANDLING_FOER = (r"\b(?:\w*behandling(?:en)?|godkendelse|beslutning|vedtagelse|forelæggelse|høring|drøftelse|"
                   r"\w*møde(?:t)?|workshops?|behandlet|behandles|godkendt|godkendes|vedtaget|vedtages|besluttet|"
                   r"drøftet|drøftes|forelagt|fremlagt)\s+(?:af\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:i|på|med)\s+$")
# The source of what is awaited: "Der forventes en udmelding fra Sundhedsstyrelsen i foråret".
KILDE_FOER = r"\b(?:fra|ifølge)\s+$"
KILDE_SAETNING = r"\b(?:forvent\w*|afvent\w*|udmelding\w*|svar\w*|afklaring\w*|bekendtgørelse\w*|vejledning\w*)\b"
# A table column that names who acts: "Aktivitet | Ansvarlig | Frist".
ANSVAR_KOLONNE = r"ansvar\w*|hvem|udføres\s+af|aktør\w*"
# A pronoun subject that refers back to the actors of the sentence before: "De skal indsende … senest …".
PRONOMEN_SUBJEKT = r"\s*(?:[-–•*]\s*)?(?:og\s+)?(?:De|de)\s+"
MOEDE_AFSTAND = 6  # characters between the body and its date: " den ", " d. "
# A section sentence that names who carries the work ("Processen forankres i Økonomi & Stab") gives
# the owner of its deadlines that name none.
ANSVAR_UDSAGN = (
    r"forankres\s+i", r"forankret\s+i", r"projektledes\s+(?:af|i)", r"ansvaret\s+ligger\s+hos",
    r"varetages\s+af", r"ledes\s+af", r"koordineres\s+af",
)
# Political bodies decide, they are not given tasks (gold convention).
POLITISKE_ORGANER = (r"\w*udvalget", r"\w*udvalg", r"kommunalbestyrelsen?", r"byråd(?:et)?",
                     r"direktørforum", r"kb", r"øu", r"dif", r"regionsrådet")
