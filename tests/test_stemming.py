import sqlite3

import pytest

from referater.nlp.stemming import (
    NO_MATCH,
    exact_match_query,
    expanded_match_query,
    family_key,
    highlight_excerpt,
    stem_words,
    substring_forms,
    words,
)


@pytest.mark.parametrize(
    "family",
    [
        ["budget", "budgettet", "budgetter", "budgetterne"],
        ["beslutning", "beslutningen", "beslutninger", "beslutningerne"],
        ["medarbejder", "medarbejderen", "medarbejdere", "medarbejderne"],
        ["økonomiudvalget", "økonomiudvalgets", "økonomiudvalg"],
        ["år", "året", "årets"],
    ],
)
def test_every_form_of_a_word_has_the_family_key(family):
    assert len({family_key(word) for word in family}) == 1, {word: family_key(word) for word in family}


def test_words_are_cut_and_lowered_as_fts5_unicode61_does():
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table t using fts5(x, tokenize='unicode61 remove_diacritics 0')")
    db.execute("create virtual table v using fts5vocab(t, 'row')")
    text = "Året_2026: ØKONOMI-udvalget's budget (15,3 mio. kr.) – Sagsnr. 00.01.00-A00-32-24; e-mail: a@b.dk"
    db.execute("insert into t values (?)", [text])
    assert sorted(set(words(text))) == [row[0] for row in db.execute("select term from v order by term")]


def test_stems_keep_aeoeaa_apart():
    # "år" (year) must not collapse into "ar"; remove_diacritics 0 plus the stemmer keep æøå.
    assert stem_words("Året og årets mål, ØKONOMI") == ["året", "og", "året", "mål", "økonomi"]


def test_compounds_need_only_the_shortest_forms():
    assert substring_forms({"budget", "budgettet", "budgetterne", "år"}) == {"budget"}


def test_user_syntax_never_becomes_fts_syntax():
    db = sqlite3.connect(":memory:")
    db.execute("create virtual table s using fts5(tekst)")
    db.execute("insert into s values ('x')")
    for query in ['a" OR "x', "NEAR(", "*", "", "å, ø"]:
        db.execute("select * from s where s match ?", [exact_match_query(query)]).fetchall()
        db.execute("select * from s where s match ?", [expanded_match_query([{w} for w in words(query)])]).fetchall()
    assert exact_match_query("") == NO_MATCH and expanded_match_query([]) == NO_MATCH
    assert expanded_match_query([{"budget", "budgettet"}, {"år"}]) == '("budget" OR "budgettet") AND ("år")'


def test_highlight_excerpt_marks_family_and_compound_hits():
    text = "Punktet blev udsat. " * 40 + "Medarbejdersiden godkendte budgetterne, og budget 2026 blev vedtaget."
    assert highlight_excerpt(text, "budgettet medarbejder", width=6) == (
        "… blev udsat. \x02Medarbejdersiden\x03 godkendte \x02budgetterne\x03, og …"
    )
