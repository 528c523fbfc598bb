"""Cue phrases as spaCy token patterns, matched once per section, then asked where they stand.

A phrase is written as words: ``"forventes færdig*"`` is the token "forventes" followed by a token that
starts with "færdig". Per word: ``a|b`` = either word, ``x*`` = starts with x, ``*x`` = ends with x,
``*x*`` = contains x, a trailing ``?`` = optional, ``_`` = any one word. Case is ignored.
``compile_groups({"frist_ord": ("frist*", "deadline")})`` gives one ``Matcher``; ``CueIndex(doc, matcher)``
lists its matches by group and answers "is there a <group> right before / after / in this span".
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# What may stand between a cue and the date it governs: "senest den 1. maj", "**senest** d. 1. maj"; any
# other word between is part of the cue phrase ("frist er sat til", "kr. i").
FYLD_FOER = re.compile(r"(?:\s|\*|\bd\.|\b(?:den|d)\b)*", re.IGNORECASE)
FYLD_EFTER = re.compile(r"[\s,*]*")


def word_pattern(word: str) -> dict:
    """One word of a phrase as a Matcher token spec."""
    spec: dict = {}
    if word.endswith("?") and len(word) > 1:
        spec["OP"], word = "?", word[:-1]
    if word == "_":
        return spec
    alternativer = word.lower().split("|")
    if not any("*" in a for a in alternativer):
        spec["LOWER"] = {"IN": alternativer} if len(alternativer) > 1 else alternativer[0]
        return spec
    regex = "|".join(re.escape(a).replace(r"\*", r"\w*") for a in alternativer)
    spec["LOWER"] = {"REGEX": rf"^(?:{regex})$"}
    return spec


def phrase_pattern(phrase: str) -> list[dict]:
    """ "forventes færdig*" → [{"LOWER": "forventes"}, {"LOWER": {"REGEX": "^(?:færdig\\w*)$"}}]"""
    return [word_pattern(w) for w in phrase.split()]


def compile_groups(grupper: dict[str, tuple[str, ...]], vocab: Vocab) -> Matcher:
    """One Matcher for every group; a match's label is its group's name.

    Word specs that are a set or a regex over the lower case become lexeme flags where the vocabulary has a
    free one: a flag is computed once per distinct word and checked in C, where a REGEX or IN predicate is a
    Python call for every token of every sentence matched (the Matcher's main cost). Same matches."""
    matcher = Matcher(vocab, validate=False)  # the schema does not know the FLAG attributes
    for navn, fraser in grupper.items():
        if fraser:
            matcher.add(navn, [[as_flag(spec, vocab) for spec in phrase_pattern(f)] for f in fraser])
    return matcher


_FLAGS = [navn for navn in IDS if navn.startswith("FLAG")]


def as_flag(spec: dict, vocab: Vocab) -> dict:
    """ {"LOWER": {"REGEX": r}} or {"LOWER": {"IN": [...]}} → {"FLAGnn": True} with a lexeme flag that says
    the same; the spec unchanged if it is another kind or every flag of the vocabulary is taken."""
    vaerdi = spec.get("LOWER")
    if not isinstance(vaerdi, dict):
        return spec
    noegle = ("REGEX", vaerdi["REGEX"]) if "REGEX" in vaerdi else ("IN", tuple(vaerdi["IN"]))
    navn = _flag(noegle, vocab)
    if navn is None:
        return spec
    return {k: v for k, v in spec.items() if k != "LOWER"} | {navn: True}


def _flag(noegle: tuple, vocab: Vocab) -> str | None:
    """The vocabulary's flag for one word spec, added the first time it is asked for."""
    getters = vocab.lex_attr_getters
    for navn in _FLAGS:
        if getattr(getters.get(IDS[navn]), "cue_spec", None) == noegle:
            return navn
    fri = next((navn for navn in _FLAGS if IDS[navn] not in getters), None)
    if fri is None:
        return None
    if noegle[0] == "REGEX":
        regex = re.compile(noegle[1])
        def getter(orth: str) -> bool:  # what the REGEX predicate asks of token.lower_
            return bool(regex.search(orth.lower()))
    else:
        ord_ = frozenset(noegle[1])
        def getter(orth: str) -> bool:
            return orth.lower() in ord_
    getter.cue_spec = noegle
    vocab.add_flag(getter, flag_id=IDS[fri])
    return fri


class CueIndex:
    """Where each group's phrases occur in one Doc, as character spans sorted by start; only the given
    stretches (the sentences that hold a date) are matched, as no form looks outside a date's sentence."""

    def __init__(self, doc: Doc, matcher: Matcher, tekst: str, straekninger: list[tuple[int, int]] | None = None):
        self.tekst = tekst
        self.spans: dict[str, list[tuple[int, int]]] = {}
        strings = doc.vocab.strings
        dele = [doc[:]] if straekninger is None else [
            s for s in (doc.char_span(a, b, alignment_mode="expand") for a, b in straekninger) if s is not None]
        for del_ in dele:
            for match_id, start, slut in matcher(del_):
                first, last = doc[del_.start + start], doc[del_.start + slut - 1]
                self.spans.setdefault(strings[match_id], []).append((first.idx, last.idx + len(last)))
        for liste in self.spans.values():
            liste.sort()
        self._starts = {navn: [s for s, _ in liste] for navn, liste in self.spans.items()}

    def within(self, gruppe: str, start: int, slut: int) -> list[tuple[int, int]]:
        """The group's matches that lie inside [start, slut)."""
        liste = self.spans.get(gruppe)
        if not liste:
            return []
        starts = self._starts[gruppe]
        i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, slut)
        return [(s, e) for s, e in liste[i:j] if e <= slut]

    def before(self, gruppe: str, position: int, graense: int) -> bool:
        """A match that ends right before ``position`` (only filler words between), not before ``graense``."""
        return any(FYLD_FOER.fullmatch(self.tekst, e, position)
                   for _, e in self.within(gruppe, max(graense, position - 80), position))

    def after(self, gruppe: str, position: int, graense: int) -> bool:
        """A match that starts right after ``position`` (only spaces or a comma between)."""
        return any(FYLD_EFTER.fullmatch(self.tekst, position, s)
                   for s, _ in self.within(gruppe, position, min(graense, position + 40)))

    def any_in(self, gruppe: str, start: int, slut: int) -> bool:
        return bool(self.within(gruppe, start, slut))

