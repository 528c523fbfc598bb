"""Danish date phrases → (ISO date, precision), resolved against the meeting date (gold conventions)."""

from datetime import date

import pytest

from referater.nlp.datoer import DateExpression, find_datoer, resolve_dato

# (phrase, meeting date, expected (ISO, precision))
PHRASES = [
    # explicit dates: day precision; a year-less date is its first occurrence on/after the meeting
    ("13. august 2025", "2025-01-29", ("2025-08-13", "dag")),
    ("d. 4 februar", "2025-01-29", ("2025-02-04", "dag")),
    ("den 20. december 2024", "2025-01-29", ("2024-12-20", "dag")),
    ("senest 27. august", "2025-08-13", ("2025-08-27", "dag")),
    ("27/8", "2025-08-13", ("2025-08-27", "dag")),
    ("den 4. februar", "2025-09-24", ("2026-02-04", "dag")),
    ("13-08-2025", "2025-01-01", ("2025-08-13", "dag")),
    ("13.08.2025", "2025-01-01", ("2025-08-13", "dag")),
    ("d. 13-08-2025", "2025-01-01", ("2025-08-13", "dag")),
    ("Onsdag d. 13. august 2025 kl. 09:00", "2025-01-01", ("2025-08-13", "dag")),
    ("Torsdag, 4 september, 2025 - 16:00", "2025-01-01", ("2025-09-04", "dag")),
    ("pr. 28/11-2024", "2025-03-12", ("2024-11-28", "dag")),
    ("Chefforum 15/1 2025", "2025-01-29", ("2025-01-15", "dag")),
    ("den 3. okt. 2025", "2025-09-24", ("2025-10-03", "dag")),
    ("udviklingsdag 2 den 27, januar 2025", "2025-03-12", ("2025-01-27", "dag")),
    # a school year starts on 1 August: "fra skoleåret 2025/26"
    ("fra skoleåret 2025/26", "2025-01-06", ("2025-08-01", "dag")),
    # a year-less date just before the meeting is last week, not next year
    ("workshop mandag d. 22/9", "2025-09-24", ("2025-09-22", "dag")),
    # past tense around a year-less date puts it behind the meeting
    ("godkendt i Direktørforum den 20/1", "2025-01-29", ("2025-01-20", "dag")),
    # weeks: due on the Friday of the ISO week
    ("uge 34", "2025-08-13", ("2025-08-22", "uge")),
    ("i løbet af uge 34", "2025-08-13", ("2025-08-22", "uge")),
    ("uge 2", "2025-11-05", ("2026-01-09", "uge")),
    ("uge 8 og 9", "2025-01-29", ("2025-02-28", "uge")),
    ("i ugens løb", "2025-03-12", ("2025-03-14", "uge")),
    ("i næste uge", "2025-03-12", ("2025-03-21", "uge")),
    ("inden efterårsferien", "2025-08-13", ("2025-10-17", "uge")),
    # months, ultimo/primo/medio
    ("ultimo maj", "2025-03-12", ("2025-05-31", "maaned")),
    ("ultimo 2025", "2025-08-13", ("2025-12-31", "maaned")),
    ("primo 2025", "2025-01-01", ("2025-01-31", "maaned")),
    ("medio 2026", "2025-08-13", ("2026-06-30", "halvaar")),
    ("i slutningen af 2025", "2025-03-12", ("2025-12-31", "maaned")),
    ("i løbet af februar 2026", "2025-08-13", ("2026-02-28", "maaned")),
    ("forelagt Chefforum som sag i februar", "2025-01-29", ("2025-02-28", "maaned")),
    ("inden udgangen af oktober", "2025-08-13", ("2025-10-31", "maaned")),
    ("I marts og april måned", "2025-03-12", ("2025-04-30", "maaned")),
    ("i september-oktober", "2025-08-13", ("2025-10-31", "maaned")),
    ("maj-juni 2025", "2025-08-13", ("2025-06-30", "maaned")),
    ("ultimo 2022 eller primo 2023", "2025-01-29", ("2023-01-31", "maaned")),
    ("inden sommerferien 2025", "2025-03-12", ("2025-06-30", "maaned")),
    ("inden sommerferien", "2025-08-13", ("2026-06-30", "maaned")),
    # years
    ("inden udgangen af året", "2025-08-13", ("2025-12-31", "aar")),
    ("inden udgangen af 2025", "2025-01-29", ("2025-12-31", "aar")),
    ("frem til udgangen af 2025", "2025-01-29", ("2025-12-31", "aar")),
    ("ved årsskiftet", "2025-09-24", ("2025-12-31", "aar")),
    ("i 2025 skal afholdes", "2025-01-29", ("2025-12-31", "aar")),
    ("i næste år", "2025-09-24", ("2026-12-31", "aar")),
    # seasons: due at the season's end, "fra" = its start
    ("foråret 2025", "2025-01-29", ("2025-05-31", "kvartal")),
    ("efteråret", "2025-09-24", ("2025-11-30", "kvartal")),
    ("sommeren 2025", "2025-03-12", ("2025-08-31", "kvartal")),
    ("vinteren 2025", "2025-03-12", ("2026-02-28", "kvartal")),
    ("fra sommeren 2025", "2025-03-12", ("2025-06-01", "kvartal")),
    ("i løbet af forår og sommer 2025", "2025-03-12", ("2025-08-31", "halvaar")),
    # quarters and halves
    ("4. kvartal 2024", "2025-01-29", ("2024-12-31", "kvartal")),
    ("første kvartal", "2025-01-29", ("2025-03-31", "kvartal")),
    ("2. halvår", "2025-03-12", ("2025-12-31", "halvaar")),
    ("1. halvår 2026", "2025-09-24", ("2026-06-30", "halvaar")),
    # relative limits count from the meeting, where the decision is taken
    ("inden for 14 dage", "2025-03-12", ("2025-03-26", "dag")),
    ("indenfor to uger", "2025-03-12", ("2025-03-26", "uge")),
    ("inden for tre måneder", "2025-11-30", ("2026-02-28", "maaned")),
]

# Text that holds no date: case numbers, clock times, fractions, plain years, "senest" = most recently.
NO_DATE = [
    "00.01.00-P35-7-23",
    "85.13.00-P20-1-22",
    "kl. 12.00",
    "1/3 af budgettet",
    "Senest vedtagelsen af planen",
    "budget 2026",
    "5 - 10 minutter",
    "Janus Nissen",
    "op til fire måneder",
]


@pytest.mark.parametrize("phrase,moede,expected", PHRASES)
def test_resolve_dato(phrase, moede, expected):
    assert resolve_dato(phrase, moede) == expected


@pytest.mark.parametrize("text", NO_DATE)
def test_no_date(text):
    assert find_datoer(text, date(2025, 3, 12)) == []


def test_spans_and_offsets_are_kept():
    text = "Analysen skal være færdiggjort ultimo maj, og KommuneMED orienteres i ugens løb."
    assert find_datoer(text, date(2025, 3, 12)) == [
        DateExpression("ultimo maj", 31, 41, "2025-05-31", "maaned", "periodedel"),
        DateExpression("i ugens løb", 68, 79, "2025-03-14", "uge", "ugens_loeb"),
    ]
    assert all(text[u.start:u.slut] == u.tekst for u in find_datoer(text, date(2025, 3, 12)))


def test_start_of_period_is_marked():
    [u] = find_datoer("fra sommeren 2025", date(2025, 3, 12))
    assert u.begyndelse and u.dato == "2025-06-01"


def test_sentence_final_dot_is_not_part_of_the_date():
    [u] = find_datoer("Den første lederdag afholdes den 25. februar.", date(2025, 1, 29))
    assert u.tekst == "den 25. februar"
