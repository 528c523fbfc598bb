"""Calendar dates from the numbers a document prints: a day that does not exist is None, never an exception.

Referater carry typos ("31. september 2025", "29-02-2025", month 13); the parser and the NLP stage both
build dates from such numbers, so they share these constructors instead of calling ``date()`` directly.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath

# Years a meeting or a deadline can fall in. A year outside is a typo or not a date, and keeping it would
# let date arithmetic (next year, in 14 days) run off the calendar (date.max is 9999-12-31).
YEARS = range(1800, 3000)
# A date in a file name: "2025-09-24", "24-09-2025" or "24.09.2025".
NAME_DATES = (
    re.compile(r"(?<!\d)(?P<y>\d{4})[-_.](?P<m>\d{1,2})[-_.](?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})[-_.](?P<m>\d{1,2})[-_.](?P<y>\d{4})(?!\d)"),
)


def calendar_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when that day is not in the calendar (or the year is implausible)."""
    if year not in YEARS:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_date(year: int, month: int, day: int) -> str | None:
    """ "2025-09-24", or None for 31 September, 29 February 2025, month 13.

    >>> iso_date(2025, 9, 24), iso_date(2025, 9, 31)
    ('2025-09-24', None)
    """
    found = calendar_date(year, month, day)
    return found.isoformat() if found else None


def from_iso(text: str | None) -> date | None:
    """``date.fromisoformat`` that gives None for an empty or impossible date instead of raising."""
    try:
        found = date.fromisoformat(text) if text else None
    except ValueError:
        return None
    return found if found and found.year in YEARS else None


def date_in_name(path: str) -> str | None:
    """The date a file name carries, as ISO: "referater/chefforum-2025-09-24.txt" → "2025-09-24"."""
    name = PurePath(path).name
    for pattern in NAME_DATES:
        for match in pattern.finditer(name):
            if found := iso_date(int(match["y"]), int(match["m"]), int(match["d"])):
                return found
    return None
