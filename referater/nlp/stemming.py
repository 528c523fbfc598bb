"""Danish stemming and match queries for search, shared by the indexer and the Datasette plugin.

The same Snowball stemmer runs over the indexed text and over the user's query, so "budgetterne"
finds "budgettet" (both stem to "budget"). Compound words are left to the trigram index.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

WORD = re.compile(r"\w+")
MIN_TRIGRAM_WORD = 3  # the trigram tokenizer cannot match shorter strings
NO_MATCH = '"\u2400"'  # a valid FTS5 query no text contains, for an empty search
HIT_START, HIT_END = "\x02", "\x03"  # markers the web layer turns into <mark> after escaping
EXCERPT_WORDS = 30


@lru_cache(maxsize=1)
def danish_stemmer() -> Stemmer.Stemmer:
    """One Snowball Danish stemmer per process (building it is the slow part)."""
    return Stemmer.Stemmer("danish")


def stem_words(text: str) -> list[str]:
    """Lower-cased Danish stems of every word: "Budgetterne for året" → ["budget", "for", "år"]."""
    return danish_stemmer().stemWords([word.lower() for word in WORD.findall(text or "")])


def stem_text(text: str) -> str:
    """The text as a line of stems, which is what the stemmed FTS index stores."""
    return " ".join(stem_words(text))


def quote(term: str) -> str:
    """An FTS5 string literal, so user input never becomes query syntax."""
    return '"' + term.replace('"', '""') + '"'


def stemmed_match_query(query: str) -> str:
    """FTS5 query for the stemmed index: every stem must occur ("budgetterne" → '"budget"')."""
    stems = stem_words(query)
    return " ".join(quote(stem) for stem in stems) if stems else NO_MATCH


def trigram_match_query(query: str) -> str:
    """FTS5 query for the trigram index: every word as a substring ("medarbejder" in "medarbejdersiden")."""
    words = [word for word in WORD.findall(query or "") if len(word) >= MIN_TRIGRAM_WORD]
    return " ".join(quote(word) for word in words) if words else NO_MATCH


def hit_test(query: str):
    """A function telling whether a text word is a hit (same stem as a query word, or contains one) and a
    regex finding the candidates, so long texts are scanned in C rather than word by word in Python."""
    stems = set(stem_words(query))
    words = [w.lower() for w in WORD.findall(query or "") if len(w) >= MIN_TRIGRAM_WORD]
    stemmer = danish_stemmer()
    alternatives = [rf"\b{re.escape(s)}\w*" for s in stems] + [rf"\w*{re.escape(w)}\w*" for w in words]
    candidates = re.compile("|".join(alternatives) or r"(?!)", re.IGNORECASE)

    def is_hit(word: str) -> bool:
        lowered = word.lower()
        if any(w in lowered for w in words):
            return True
        # Snowball only strips endings, so a word can share a stem only if it starts with it: the cheap
        # test first keeps excerpts fast on long texts.
        return any(lowered.startswith(s) for s in stems) and stemmer.stemWord(lowered) in stems

    return is_hit, candidates


def highlight_excerpt(text: str | None, query: str, width: int = EXCERPT_WORDS) -> str:
    """About ``width`` words around the first hit, hits wrapped in HIT_START/HIT_END markers."""
    text = text or ""
    is_hit, candidates = hit_test(query)
    first = next((m.start() for m in candidates.finditer(text) if is_hit(m.group())), 0)
    # Only the words around the first hit are split and tested, however long the punkt is.
    before = re.split(r"(\s+)", text[:first]) if first else []
    if before and before[-1] == "":
        before.pop()
    context = before[-2 * (width // 3) :] if width >= 3 else []  # tokens alternate word and space
    tokens = context + re.split(r"(\s+)", text[first:], maxsplit=width)
    shown = tokens[: 2 * width]
    parts = [mark(t) if any(is_hit(w) for w in WORD.findall(t)) else t for t in shown]
    prefix = "… " if len(before) > len(context) else ""
    suffix = " …" if len(tokens) > len(shown) else ""
    return prefix + "".join(parts).strip() + suffix


def mark(token: str) -> str:
    """Wrap the word part of a token in hit markers, leaving surrounding punctuation outside."""
    match = re.search(r"\w(.*\w)?", token)
    if not match:
        return token
    return token[: match.start()] + HIT_START + match.group() + HIT_END + token[match.end():]
