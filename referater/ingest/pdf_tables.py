"""Table rows whose cells wrap, put back together from positions: one printed row → one line of text.

Agenda systems print the meeting header as a label/value table ("Mødedeltagere" | the participants). A value
longer than its cell wraps onto several printed lines, all starting at the value column's x, one line pitch
apart; the label stands beside them (at the top, the middle or the bottom of the cell). Read line by line,
only one of those lines would be the label's value. A cell is therefore recognised by where it is:

- lines whose cells all start at value columns of the row above, one line pitch below those cells' last
  lines, continue those cells (labels at the top of their cells);
- lines stacked the same way directly above a row start its cells (labels at the middle or the bottom);
- a row printed between two lines that continue each other in other columns stands beside them: the three
  are one row (cells centred vertically, e.g. a label between the lines of its value).

A row comes out as one line, its cells separated by tabs, as a text export prints a label and its value. A
line in the first column is joined only to a row printed beside it, never to the row above or below, so a TOC
title that wraps above its page number and a paragraph right under a table stay lines of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from .normalize import join_wrapped
from .pdf_lines import PdfLine

STACKED = 1.15  # two lines of one cell are at most this × the usual line pitch apart (a row gap is larger)
SAME_COLUMN = 0.15  # × font size: two cells start at the same x
SAME_SIZE = 0.05  # × font size: the lines of one cell share their font size


@dataclass
class Cell:
    x: float
    tekst: str
    top: float  # baseline of the cell's first printed line
    bottom: float  # ... and of its last


@dataclass
class Row:
    """A printed row being put back together: its cells left to right and font size; ``printed`` is the
    line as read, for a row that was not rebuilt."""

    size: float
    font: str
    cells: list[Cell]
    printed: PdfLine | None = None

    @classmethod
    def of(cls, line: PdfLine) -> "Row":
        cells = line.cells or ((0.0, line.tekst),)
        return cls(line.size, line.font, [Cell(x, tekst, line.y, line.y) for x, tekst in cells], line)

    @property
    def x(self) -> float:
        return self.cells[0].x

    @property
    def y(self) -> float:
        return max(cell.top for cell in self.cells)

    @property
    def bottom(self) -> float:
        return min(cell.bottom for cell in self.cells)

    @property
    def tekst(self) -> str:
        return self.cells[0].tekst

    def column(self, x: float, first: int = 1) -> Cell | None:
        """The cell that starts at x, from the ``first``-th on (by default a value cell, not the label)."""
        return next((cell for cell in self.cells[first:] if abs(cell.x - x) <= SAME_COLUMN * self.size), None)

    def line(self) -> PdfLine:
        """The row as one PdfLine (the printed line itself when nothing was joined to it)."""
        if self.printed is not None:
            return self.printed
        cells = tuple((cell.x, cell.tekst) for cell in self.cells)
        bottom = self.bottom if self.bottom != self.y else None
        return PdfLine("\t".join(text for _, text in cells), self.y, self.size, cells, bottom, self.font)


def join_table_cells(page: list[PdfLine], pitch: float, vocabulary: frozenset[str], hyphenates: bool) -> list[PdfLine]:
    """The page's lines with every table row whose cells wrap given back as one line."""
    if not any(len(line.cells) > 1 for line in page):
        return page
    rows: list[Row] = []
    joiner = Joiner(pitch, vocabulary, hyphenates)
    for line in page:
        row = Row.of(line)
        if not (joiner.continue_below(rows, row) or joiner.beside(rows, row)):
            joiner.continue_above(rows, row)
            rows.append(row)
    return [row.line() for row in rows]


@dataclass(frozen=True)
class Joiner:
    pitch: float
    vocabulary: frozenset[str]
    hyphenates: bool

    def stacked(self, above: float, below: float, size: float) -> bool:
        """Two baselines one line pitch apart: consecutive lines of one cell."""
        return 0 < above - below <= STACKED * self.pitch * size

    def join(self, above: str, below: str) -> str:
        return join_wrapped(above, below, self.vocabulary, self.hyphenates)

    def continue_below(self, rows: list[Row], row: Row) -> bool:
        """Every cell of the row sits at a value column just under the previous row's cell: those cells wrap."""
        if not rows or not same_size(rows[-1], row):
            return False
        targets = [rows[-1].column(cell.x) for cell in row.cells]
        if not all(target and self.stacked(target.bottom, cell.top, row.size) for target, cell in zip(targets, row.cells)):
            return False
        for target, cell in zip(targets, row.cells):
            target.tekst, target.bottom = self.join(target.tekst, cell.tekst), cell.bottom
        rows[-1].printed = None
        return True

    def continue_above(self, rows: list[Row], row: Row) -> None:
        """Lines whose cells all sit at the row's value columns, stacked directly above them, start those cells
        (a label in the middle or at the bottom of its cell)."""
        while rows and same_size(rows[-1], row):
            targets = [row.column(cell.x) for cell in rows[-1].cells]
            if not all(target and self.stacked(cell.bottom, target.top, row.size)
                       for target, cell in zip(targets, rows[-1].cells)):  # fmt: skip
                return
            for target, cell in zip(targets, rows.pop().cells):
                target.tekst, target.top = self.join(cell.tekst, target.tekst), cell.top
            row.printed = None

    def beside(self, rows: list[Row], row: Row) -> bool:
        """The previous row is printed between the previous-but-one and this one, which continue each other in
        other columns: all three are one row whose cells are centred (a label beside its wrapped value)."""
        if len(rows) < 2:
            return False
        middle, above = rows[-1], rows[-2]
        if not (same_columns(above, row) and same_size(above, row) and same_size(middle, row)):
            return False
        if any(above.column(cell.x, first=0) for cell in middle.cells):
            return False
        if not (above.bottom > middle.y and middle.bottom > row.y and self.stacked(above.bottom, row.y, row.size)):
            return False
        del rows[-2:]
        for target, cell in zip(above.cells, row.cells):
            target.tekst, target.bottom = self.join(target.tekst, cell.tekst), cell.bottom
        merged = Row(row.size, row.font, sorted(above.cells + middle.cells, key=lambda cell: cell.x))
        self.continue_above(rows, merged)
        rows.append(merged)
        return True


def same_columns(a: Row, b: Row) -> bool:
    """Two rows with cells at the same x positions."""
    return len(a.cells) == len(b.cells) and all(abs(p.x - q.x) <= SAME_COLUMN * b.size for p, q in zip(a.cells, b.cells))


def is_lone(row: Row, x: float, like: Row) -> bool:
    """A single line starting at x, in the same font size."""
    return len(row.cells) == 1 and abs(row.x - x) <= SAME_COLUMN * like.size and same_size(row, like)


def same_size(a: Row, b: Row) -> bool:
    return abs(a.size - b.size) <= SAME_SIZE * b.size
