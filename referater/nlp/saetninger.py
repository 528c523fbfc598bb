"""Sentences and clauses of one section text, computed once per text (every component asks for them)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

# Sentence ends: . ! ? followed by a capital, digit or bullet; a line break unless the line ends in
# "," or ":" (then the list below belongs to the sentence, as in "Den 1. april,\n- bliver der …").
_SAETNINGSSLUT = re.compile(r"(?<=[.!?])[ \t]+(?=[\"'*(\-–•A-ZÆØÅ0-9])|(?<![,:\n])\n+(?![\n])|\n{2,}(?=[A-ZÆØÅ])")
_FORKORTELSER = re.compile(r"\b(?:bl\.a|f\.eks|kl|ca|jf|pkt|nr|evt|hhv|inkl|ift|pr|dvs|d|mht|vedr|ang)\.$",
                           re.IGNORECASE)
# An ordinal ("8. - 9. klasse", "1. behandling", "den 20. og 24. august") ends no sentence unless a capital follows.
_ORDINAL = re.compile(r"\b\d{1,2}\.$")


@lru_cache(maxsize=64)  # every component of one section asks for the same sentences
def sentences(tekst: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence; abbreviations like "bl.a." and "kl." do not end one."""
    graenser, start = [], 0
    for match in _SAETNINGSSLUT.finditer(tekst):
        foer = tekst[max(start, match.start() - 6):match.start()]
        if _FORKORTELSER.search(foer) or (_ORDINAL.search(foer) and not tekst[match.end():match.end() + 1].isupper()):
            continue
        graenser.append((start, match.start()))
        start = match.end()
    graenser.append((start, len(tekst)))
    return tuple((s, e) for s, e in graenser if tekst[s:e].strip())


def by_sentence(items: list, saetninger: tuple[tuple[int, int], ...]) -> list[list]:
    """Group spans (anything with ``start``) by the sentence they start in, in one pass with bisect:
    a long section must not cost sentences × spans."""
    starts = [s for s, _ in saetninger]
    grupper: list[list] = [[] for _ in saetninger]
    for item in items:
        i = bisect.bisect_right(starts, item.start) - 1
        if i >= 0 and item.start < saetninger[i][1]:
            grupper[i].append(item)
    return grupper


@lru_cache(maxsize=64)
def _sentence_starts(tekst: str) -> list[int]:
    return [s for s, _ in sentences(tekst)]


def sentence_of(position: int, tekst: str) -> tuple[int, int]:
    """The sentence of ``tekst`` a character position lies in (the whole text if none)."""
    saetninger = sentences(tekst)
    i = bisect.bisect_right(_sentence_starts(tekst), position) - 1
    return saetninger[i] if i >= 0 and position < saetninger[i][1] else (0, len(tekst))


def clause(tekst: str, start: int, slut: int, s_start: int, s_slut: int) -> tuple[int, int]:
    """The comma-bounded clause around a span inside its sentence."""
    venstre = max(tekst.rfind(",", s_start, start), tekst.rfind(";", s_start, start))
    hoejre = [i for i in (tekst.find(",", slut, s_slut), tekst.find(";", slut, s_slut)) if i >= 0]
    return (venstre + 1 if venstre >= 0 else s_start), (min(hoejre) if hoejre else s_slut)


def line_of(tekst: str, start: int, slut: int) -> tuple[int, int]:
    """The line a span lies on."""
    return tekst.rfind("\n", 0, start) + 1, (tekst.find("\n", slut) if "\n" in tekst[slut:] else len(tekst))
