"""Property tests: the parser never crashes or hangs on any text, and never loses a line of a referat."""

from __future__ import annotations


from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE_FILES
from line_contract import assert_no_line_lost
from referater.errors import ReferatError
from referater.ingest import load_tekst
from referater.ingest.normalize import normalize_text
from referater.parsers import parse_referat

EXAMPLE_LINES = {path.name: load_tekst(path).tekst.split("\n") for path in EXAMPLE_FILES}
ALL_LINES = sorted({line for lines in EXAMPLE_LINES.values() for line in lines})
# Fragments that steer random text into the parser's deeper paths: headings, labels, TOC rows, case numbers.
FRAGMENTS = ["Punkt 1: ", "Punkt 12. ", "Indstilling", "Beslutning", "Bilag", "Indholdsfortegnelse", ".....\t3",
             "00.01.00-P35-7-23", "Sagsnr.: 101-2024-12", "1. at ", "- ", "(20 min.)", "Mødedato ", "\n", "\n\n",
             "Beslutning i Økonomiudvalget den 3. juni 2025:", "REFERAT Chefforum d. 13-08-2025", "\t", "æøå"]  # fmt: skip
SETTINGS = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

referat_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(ALL_LINES), st.text(max_size=40)),
                        max_size=60).map("".join)  # fmt: skip

# Long runs of one kind of character: a regex that backtracks over a whole run turns these quadratic.
long_runs = st.builds(lambda head, ch, tail: head + ch * 50_000 + tail, st.sampled_from(["", "Punkt 1: Titel\n", "x"]),
                      st.sampled_from(["a", "æ", " ", "-", ".", "\t", "•"]),
                      st.sampled_from(["", "-\nb", ".....\t3", "12345", "\n1. at", "\nPunkt 2: Slut"]))  # fmt: skip


@SETTINGS
@given(st.one_of(st.text(), referat_like, long_runs))
def test_any_text_parses_or_raises_our_error(text):
    try:
        referat = parse_referat(text)
    except ReferatError:
        return
    assert referat.punkter


@st.composite
def perturbed_referat(draw) -> str:
    """Examples concatenated, lines dropped, duplicated, inserted from other referater, blank lines moved."""
    names = draw(st.lists(st.sampled_from(sorted(EXAMPLE_LINES)), min_size=1, max_size=2))
    lines = [line for name in names for line in EXAMPLE_LINES[name]]
    for _ in range(draw(st.integers(0, 12))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "duplicate", "insert", "blank", "unblank"]))
        if action == "drop":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "insert":
            lines.insert(i, draw(st.sampled_from(ALL_LINES)))
        elif action == "blank":
            lines.insert(i, "")
        elif lines[i] == "":
            del lines[i]
    return "\n".join(lines)


@SETTINGS
@given(perturbed_referat())
def test_perturbed_referater_never_lose_a_line(text):
    try:
        referat = parse_referat(text)
    except ReferatError:
        assume(False)
    assert_no_line_lost(text, referat)


@SETTINGS
@given(st.one_of(st.text(), referat_like, long_runs))
def test_normalize_text_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
