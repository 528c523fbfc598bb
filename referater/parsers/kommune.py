"""Which municipality a referat comes from, recognised in its own text ("Byrådet i Kløvermose Kommune").

A municipality names itself in the header, the page furniture and the running text, always as "<Navn>
Kommune" (or "Regionskommune"); genitives ("Kløvermose Kommunes", "Kløvermoses Kommune") are the same
municipality. The header and page furniture decide, because running text may name neighbours; without
them the name the text uses most. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..models import Referat

# "Kløvermose Kommune", "Nørre-Vesterå Kommunes", "Ø-by Regionskommune"; the name is one capitalised word,
# hyphenated parts allowed. "KommuneMED" and "kommunen" do not match.
KOMMUNE = re.compile(r"\b(?P<navn>[A-ZÆØÅ][\wæøåÆØÅ]*(?:-[\wæøåÆØÅ]+)*)\s+(?P<slags>Kommune|Regionskommune)s?\b")


def kommune_names(lines: Iterable[str]) -> Counter:
    """How often each municipality is named: "Kløvermose Kommunes budget" counts for "Kløvermose Kommune"."""
    return Counter(f"{m['navn']} {m['slags']}" for line in lines for m in KOMMUNE.finditer(line))


def most_named(counts: Counter) -> str | None:
    """The name used most; a genitive spelling of the same name ("Kløvermoses") adds to it."""
    if not counts:
        return None
    merged = Counter()
    for name, count in counts.items():
        navn, slags = name.rsplit(" ", 1)
        plain = f"{navn[:-1]} {slags}" if navn.endswith("s") and f"{navn[:-1]} {slags}" in counts else name
        merged[plain] += count
    return merged.most_common(1)[0][0]  # most_common keeps first-seen order among equals


def recognise_kommune(referat: Referat) -> str | None:
    """The municipality the referat names in its header or page furniture, else most often in its text."""
    framing = kommune_names([*referat.hoved, *referat.stoej])
    if framing:
        return most_named(framing)
    text = (line for punkt in referat.punkter for line in (punkt.titel, *(a.tekst for a in punkt.afsnit)))
    return most_named(kommune_names(text))
