import sqlite3

import pytest

from referater.nlp.stemming import (
    NO_MATCH,
    highlight_excerpt,
    stem_text,
    stemmed_match_query,
    trigram_match_query,
)


@pytest.mark.parametrize(
    "query, text",
    [
        ("budgetterne", "Direktionen har set på budgettet for 2026."),
        ("beslutning", "Beslutningen blev udsat."),
        ("medarbejderne", "Alle medarbejdere inviteres."),
        ("Økonomiudvalget", "Sagen går videre til økonomiudvalgets møde."),
    ],
)
def test_stemmed_query_finds_other_inflections(query, text):
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table s using fts5(tekst, tokenize='unicode61 remove_diacritics 0')")
    db.execute("insert into s values (?)", [stem_text(text)])
    assert db.execute("select count(*) from s where s match ?", [stemmed_match_query(query)]).fetchone() == (1,)


def test_stemmed_index_keeps_aeoeaa_apart():
    # "år" (year) must not collapse into "ar"; remove_diacritics 0 plus the stemmer keep æøå.
    assert stem_text("Året og årets mål, ØKONOMI") == "året og året mål økonomi"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("medarbejder", '"medarbejder"'),
        ('MED "udvalg" på', '"MED" "udvalg"'),
        ("å, ø", NO_MATCH),
        ("", NO_MATCH),
    ],
)
def test_trigram_match_query(query, expected):
    assert trigram_match_query(query) == expected


def test_trigram_query_finds_part_of_a_compound_word():
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table t using fts5(tekst, tokenize='trigram')")
    db.execute("insert into t values ('Medarbejdersiden bakker op.')")
    hits = db.execute("select count(*) from t where t match ?", [trigram_match_query("medarbejder")])
    assert hits.fetchone() == (1,)


def test_user_syntax_never_becomes_fts_syntax():
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table s using fts5(tekst)")
    db.execute("insert into s values ('x')")
    for query in ['a" OR "x', "NEAR(", "*", ""]:
        db.execute("select * from s where s match ?", [stemmed_match_query(query)]).fetchall()
        db.execute("select * from s where s match ?", [trigram_match_query(query)]).fetchall()


def test_highlight_excerpt_marks_stem_and_compound_hits():
    text = "Punktet blev udsat. " * 40 + "Medarbejdersiden godkendte budgetterne, og budget 2026 blev vedtaget."
    assert highlight_excerpt(text, "budgettet medarbejder", width=6) == (
        "… blev udsat. \x02Medarbejdersiden\x03 godkendte \x02budgetterne\x03, og …"
    )
