"""Mutated real referater through every step of ingest: a ReferatError or a stored referat, never another exception.

The same mutations as `make fuzz` (fuzz/mutate.py), chosen by hypothesis from the examples and the test
layouts (never ../shared), bounded so `make test` stays quick; `make fuzz` runs 10 000 of them.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.mutate import mutate
from fuzz.run import FOLDERS, dokument_of, feed, read_corpus
from referater import db as store

CORPUS = read_corpus(tuple(FOLDERS[:2]))  # examples and tests/data/layouts
DB = store.open_db(":memory:")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_referater_are_stored_or_refused_never_escape(data):
    source = data.draw(st.sampled_from(CORPUS.examples + CORPUS.others))
    lines = mutate(source.lines, lambda n: data.draw(st.integers(0, n - 1)), CORPUS.lines)
    assert feed(dokument_of(source, lines), DB) in {"stored", "refused"}


def test_the_corpus_holds_the_examples_and_the_layouts():
    assert len(CORPUS.examples) == 5 and len(CORPUS.others) >= 19
