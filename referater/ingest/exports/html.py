"""HTML fragments from agenda exports → plain lines, the way the item would be printed.

Every block (paragraph, div, heading, list item) becomes its own line with inner whitespace collapsed,
a ``<br>`` ends a line, list items start with "- ", a table row is one line with its cells joined by
" | ", entities are decoded. Uses the standard library's tolerant ``html.parser``: the fragments are
often not well-formed (unclosed ``<p>``, stray ``</span>``), which an XML parser would refuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

BLOCK_TAGS = {"p", "div", "ul", "ol", "table", "tbody", "thead", "tfoot", "blockquote", "section", "li", "tr",
              "h1", "h2", "h3", "h4", "h5", "h6"}  # fmt: skip
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CELL_TAGS = {"td", "th"}
SKIPPED_TAGS = {"script", "style"}
WHITESPACE = re.compile(r"\s+")
CELL_SEPARATOR = " | "
LIST_PREFIX = "- "


@dataclass(frozen=True)
class HtmlLine:
    tekst: str
    heading: bool = False  # the line was an <h1>–<h6> outside a table


def collapse(text: str) -> str:
    return WHITESPACE.sub(" ", text.replace("\u00a0", " ")).strip()


class _Flattener(HTMLParser):
    """Collects lines; a table row gathers its cells until the row ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[HtmlLine] = []
        self.words: list[str] = []
        self.prefix = ""
        self.heading_depth = 0
        self.skip_depth = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def flush(self) -> None:
        text = collapse("".join(self.words))
        if text:
            self.lines.append(HtmlLine(self.prefix + text, heading=self.heading_depth > 0))
            self.prefix = ""
        self.words = []

    def end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(collapse("".join(self.cell)))
        self.cell = None

    def end_row(self) -> None:
        self.end_cell()
        cells = [cell for cell in self.row or [] if cell]
        if cells:
            self.lines.append(HtmlLine(CELL_SEPARATOR.join(cells)))
        self.row = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED_TAGS:
            self.skip_depth += 1
        elif self.cell is not None and tag not in CELL_TAGS:
            self.cell.append(" " if tag in BLOCK_TAGS or tag == "br" else "")  # blocks inside a cell separate words
        elif tag in CELL_TAGS:
            self.start_cell()
        elif tag == "tr":
            self.flush()
            self.row = []
        else:
            self.start_block(tag)

    def start_cell(self) -> None:
        self.end_cell()
        if self.row is None:
            self.flush()
            self.row = []
        self.cell = []

    def start_block(self, tag: str) -> None:
        if tag in BLOCK_TAGS or tag == "br":
            self.flush()
        if tag == "li":
            self.prefix = LIST_PREFIX
        if tag in HEADING_TAGS:
            self.heading_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in CELL_TAGS:
            self.end_cell()
        elif tag in {"tr", "table"} and self.row is not None:
            self.end_row()
        elif self.cell is not None:
            self.cell.append(" " if tag in BLOCK_TAGS else "")
        elif tag in BLOCK_TAGS:
            self.flush()
            if tag in HEADING_TAGS:
                self.heading_depth = max(0, self.heading_depth - 1)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            (self.cell if self.cell is not None else self.words).append(data)

    def close(self) -> None:
        super().close()
        if self.row is not None:
            self.end_row()
        self.flush()


def plain_lines(text: str) -> list[str]:
    """A plain-text field's lines, whitespace collapsed, blank lines dropped."""
    return [collapsed for line in text.splitlines() if (collapsed := collapse(line))]


def html_lines(html: str | None) -> list[HtmlLine]:
    """The printed lines of an HTML fragment; plain text (no tags) keeps its own line breaks."""
    if not html or not html.strip():
        return []
    if "<" not in html:
        return [HtmlLine(line) for line in plain_lines(unescape(html))]
    flattener = _Flattener()
    flattener.feed(html)
    flattener.close()
    return flattener.lines
