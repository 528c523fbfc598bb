"""Decoding bytes to text and the normalisation every format shares."""

from __future__ import annotations

import re

from ..errors import InputError

# UTF-8 first (what every modern export writes); a BOM says UTF-16; cp1252 is what old Windows exports use.
BOMS = {b"\xef\xbb\xbf": "utf-8-sig", b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}
FALLBACK_ENCODING = "cp1252"
# Share of control characters above which a decoded text is binary junk, not a referat.
MAX_CONTROL_SHARE = 0.01
UTF16_ZERO_SHARE = 0.7  # Danish text in UTF-16 has a zero high byte for nearly every character

# Markdown residue that text exports of formatted documents carry: bold markers, [text](url) links.
STRAY_BOLD = re.compile(r"\*\*")
LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
TRAILING_BLANKS = " \t\u00a0"


def decode_text(data: bytes) -> str:
    """Decode a text export, refusing binary data with a message that says what to do."""
    encoding = next((enc for bom, enc in BOMS.items() if data.startswith(bom)), None) or utf16_without_bom(data)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise InputError("det er ikke en tekstfil (binære data): giv referatet som .txt, .md eller .pdf")
        text = data.decode(FALLBACK_ENCODING, errors="replace")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError("det er ikke en tekstfil (binære data): giv referatet som .txt, .md eller .pdf")
    return text


# Unicode category Cc (C0 and C1 controls) except \t \n \f \r; a regex counts them at C speed,
# where unicodedata.category per character took a third of the ingest time of a text file.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: Latin text has a zero in every other byte."""
    even, odd = data[0::2], data[1::2]
    if len(data) < 4 or len(data) % 2:
        return None
    if odd.count(0) > UTF16_ZERO_SHARE * len(odd) and even.count(0) < (1 - UTF16_ZERO_SHARE) * len(even):
        return "utf-16-le"
    if even.count(0) > UTF16_ZERO_SHARE * len(even) and odd.count(0) < (1 - UTF16_ZERO_SHARE) * len(odd):
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    return len(CONTROL.findall(text)) / max(len(text), 1)


def strip_export_residue(text: str) -> str:
    """Unify line ends; drop markdown residue and trailing blanks (soft hyphens: see normalize.py)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = LINK.sub(r"\1", STRAY_BOLD.sub("", text))
    # rstrip per line, not SPACES.sub: the regex retried at every space between words (a tenth of ingest)
    return "\n".join(line.rstrip(TRAILING_BLANKS) for line in text.split("\n"))
