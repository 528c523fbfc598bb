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


def is_hit(word: str, stems: set[str], words: list[str]) -> bool:
    """A text word is a hit when it shares a stem with the query or contains a query word."""
    lowered = word.lower()
    return danish_stemmer().stemWord(lowered) in stems or any(w in lowered for w in words)


def highlight_excerpt(text: str | None, query: str, width: int = EXCERPT_WORDS) -> str:
    """About ``width`` words around the first hit, hits wrapped in HIT_START/HIT_END markers."""
    tokens = re.split(r"(\s+)", text or "")
    stems = set(stem_words(query))
    words = [w.lower() for w in WORD.findall(query or "") if len(w) >= MIN_TRIGRAM_WORD]
    hits = [i for i, token in enumerate(tokens) if token.strip() and is_hit_token(token, stems, words)]
    first = hits[0] if hits else 0
    # Tokens alternate word and space: show a third of the words before the first hit.
    start = max(0, first - 2 * (width // 3))
    end = min(len(tokens), start + 2 * width)
    hit_set = set(hits)
    parts = [mark(tokens[i]) if i in hit_set else tokens[i] for i in range(start, end)]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return prefix + "".join(parts).strip() + suffix


def is_hit_token(token: str, stems: set[str], words: list[str]) -> bool:
    """Whether any word inside a whitespace-free token is a hit (punctuation stays attached)."""
    return any(is_hit(word, stems, words) for word in WORD.findall(token))


def mark(token: str) -> str:
    """Wrap the word part of a token in hit markers, leaving surrounding punctuation outside."""
    match = re.search(r"\w(.*\w)?", token)
    if not match:
        return token
    return token[: match.start()] + HIT_START + match.group() + HIT_END + token[match.end():]
