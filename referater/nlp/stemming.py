"""Danish word families for search, shared by the writer, the search query and the excerpts.

Search expands every query word to the stored words of its family before it asks the one exact-word
index (``punkt_fts``): "budgetterne" finds "budget", "budgettet" and "budgetter", and a word finds the
compounds that contain a form of it ("medarbejder" → "medarbejdersiden"). A family is the words with
the same key: the Snowball Danish stem, stemmed again until it no longer changes, because Snowball maps
"budgettet" → "budget" but "budget" → "budg"; a short stem Snowball left whole keeps its definite
ending, so "året" joins "år" (SHORT_ENDINGS).
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

# A word as FTS5's unicode61 tokenizer cuts it: letters and digits; the underscore separates.
WORD = re.compile(r"[^\W_]+")
WORD_END = re.compile(r"[^\W_]*$")
MIN_SUBSTRING = 3  # the trigram index over the words cannot match shorter strings
NO_MATCH = '"\u2400"'  # a valid FTS5 query no text contains, for an empty search
HIT_START, HIT_END = "\x02", "\x03"  # markers the web layer turns into <mark> after escaping
EXCERPT_WORDS = 30
# Definite endings Snowball leaves on stems too short for its R1 region ("året", "året" ← "årets").
SHORT_STEM, SHORT_ENDINGS = 4, ("et",)


@lru_cache(maxsize=1)
def danish_stemmer() -> Stemmer.Stemmer:
    """One Snowball Danish stemmer per process (building it is the slow part)."""
    return Stemmer.Stemmer("danish")


def words(text: str | None) -> list[str]:
    """The lower-cased words of a text, exactly as the FTS5 index stores them."""
    return WORD.findall((text or "").lower())


def stem_words(text: str) -> list[str]:
    """Lower-cased Danish stems of every word: "Budgetterne for året" → ["budget", "for", "år"]."""
    return danish_stemmer().stemWords(words(text))


@lru_cache(maxsize=200_000)
def family_key(word: str) -> str:
    """The key every inflected form of a word shares: budget, budgettet, budgetterne → "budg"."""
    stemmer, key = danish_stemmer(), word.lower()
    while (shorter := stemmer.stemWord(key)) != key:
        key = shorter
    if len(key) == SHORT_STEM and key.endswith(SHORT_ENDINGS):
        key = key[:-2]
    return key


def quote(term: str) -> str:
    """An FTS5 string literal, so user input never becomes query syntax."""
    return '"' + term.replace('"', '""') + '"'


def exact_match_query(query: str) -> str:
    """FTS5 query for the words exactly as typed, every one required."""
    found = words(query)
    return " ".join(quote(word) for word in found) if found else NO_MATCH


def expanded_match_query(expansions: list[set[str]]) -> str:
    """FTS5 query: for every query word one of its forms ("(a OR b) AND (c)")."""
    if not expansions or not all(expansions):
        return NO_MATCH
    return " AND ".join("(" + " OR ".join(quote(w) for w in sorted(forms)) + ")" for forms in expansions)


def substring_forms(forms: set[str]) -> set[str]:
    """The forms a compound must contain: the shortest ones (every other form contains one of them)."""
    long_enough = {form for form in forms if len(form) >= MIN_SUBSTRING}
    return {form for form in long_enough if not any(other != form and other in form for other in long_enough)}


def hit_test(query: str):
    """A function telling whether a text word is a hit (same family as a query word, or contains one) and a
    regex finding the places where one may start, so long texts are scanned in C rather than word by word."""
    typed = words(query)
    keys = {family_key(word) for word in typed}
    parts = {word for word in typed if len(word) >= MIN_SUBSTRING} | {k for k in keys if len(k) > MIN_SUBSTRING}
    candidates = re.compile("|".join(re.escape(text) for text in keys | parts) or r"(?!)", re.IGNORECASE)

    def is_hit(word: str) -> bool:
        lowered = word.lower()
        return any(part in lowered for part in parts) or family_key(lowered) in keys

    return is_hit, candidates


def first_hit(text: str, is_hit, candidates) -> int:
    """Where the first word that is a hit starts (0 when none is)."""
    for match in candidates.finditer(text):
        start = match.start() - len(WORD_END.search(text, max(0, match.start() - 80), match.start()).group())
        word = WORD.match(text, start)
        if word and is_hit(word.group()):
            return start
    return 0


def highlight_excerpt(text: str | None, query: str, width: int = EXCERPT_WORDS) -> str:
    """About ``width`` words around the first hit, hits wrapped in HIT_START/HIT_END markers."""
    text = text or ""
    is_hit, candidates = hit_test(query)
    first = first_hit(text, is_hit, candidates)
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
