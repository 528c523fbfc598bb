"""Markdown exports → the plain text a PDF export of the same referat would give."""

from __future__ import annotations

import re

# Links and stray bold are residue in text exports too, so ingest.text.strip_export_residue removes them.
# Order matters: escapes last so an escaped "\*" survives as "*".
MARKUP = [
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M), ""),  # ATX heading marks
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **bold**
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),  # _italic_
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),  # backslash escapes
]


def strip_markdown(text: str) -> str:
    """Remove markdown markup but keep every word, bullet and line break.

    >>> strip_markdown("## **Beslutning**\\nSe *bilag* 1\\\\_a")
    'Beslutning\\nSe bilag 1_a'
    """
    for pattern, replacement in MARKUP:
        text = pattern.sub(replacement, text)
    return text
