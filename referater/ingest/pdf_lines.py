"""pypdf's positioned text runs → printed lines: runs on one baseline become a line, split into cells
where a wide gap (a tab stop, a table column) separates them.

A column is also known from the page itself: where several lines of a table start a cell at the same x,
a run that starts there is a new cell even when the gap before it is too narrow to see from a run's
length (pypdf gives where a run starts, not where it ends).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from ..errors import PdfError
from .normalize import normalize_characters

SAME_LINE_TOLERANCE = 0.3  # runs whose baselines differ by less than this × font size share a line
AVERAGE_CHAR_WIDTH = 0.55  # × font size; pypdf gives where a run starts, not where it ends
TAB_GAP = 2.0  # × font size of empty space between runs: a tab stop or a table column
# "BAAAAA+Roboto-Regular": a generator may embed one font as several subsets; the typeface is what counts.
SUBSET_TAG = re.compile(r"^/?[A-Z]{6}\+|^/")
COLUMN_LINES = 3  # lines of a page that start a cell at one x make it a table column ...
COLUMN_REACH = 2.5  # ... for the lines from this × font size above its first to below its last


@dataclass(frozen=True)
class PdfLine:
    """One printed line: its text, baseline height on the page and font size. ``cells`` are the parts a wide
    gap separates (a tab stop, a table column) with the x where each starts; ``bottom`` is the baseline of
    the last line when several printed lines were put back together (a table row whose cells wrap)."""

    tekst: str
    y: float
    size: float
    cells: tuple[tuple[float, str], ...] = ()
    bottom: float | None = None
    font: str = ""

    @property
    def last_y(self) -> float:
        return self.y if self.bottom is None else self.bottom


class Run(NamedTuple):
    """A piece of text pypdf drew at one position in one font."""

    y: float
    x: float
    size: float
    tekst: str
    font: str


def read_lines(page) -> list[PdfLine]:
    """The printed lines of one page, top to bottom, from pypdf's positioned text runs."""
    runs: list[Run] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text and text.strip("\n"):
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            size = abs(font_size * (tm[3] or 1) * (cm[3] or 1)) or 1.0
            font = SUBSET_TAG.sub("", str(font_dict.get("/BaseFont", ""))) if font_dict else ""
            for k, part in enumerate(text.split("\n")):
                runs.append(Run(y - k * size * 1.2, x, size, part, font))

    try:
        page.extract_text(visitor_text=visit)
    except Exception as error:
        name = type(error).__name__
        raise PdfError(f"PDF'en kan ikke læses: en side er beskadiget ({name}); eksportér den igen") from error
    return group_lines(runs)


def group_lines(runs: list[Run]) -> list[PdfLine]:
    """Runs on one baseline, left to right, become one line; lines top to bottom."""
    groups: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x)):
        if groups and abs(groups[-1][0].y - run.y) < SAME_LINE_TOLERANCE * run.size:
            groups[-1].append(run)
        else:
            groups.append([run])
    groups = [sorted(group, key=lambda r: r.x) for group in groups]
    columns = table_columns(groups)
    return [line for group in groups if (line := printed_line(group, columns))]


def table_columns(groups: list[list[Run]]) -> list[tuple[float, float, float]]:
    """(x, top, bottom) of each table column: an x where COLUMN_LINES lines or more start a cell after a wide gap."""
    starts: defaultdict[int, list[Run]] = defaultdict(list)
    for group in groups:
        for run, new_cell in zip(group[1:], cell_starts(group, [])[1:]):
            if new_cell:
                starts[round(run.x)].append(run)
    columns = []
    for x, found in starts.items():
        near = found + starts.get(x - 1, []) + starts.get(x + 1, [])
        if len(near) >= COLUMN_LINES:
            reach = COLUMN_REACH * max(run.size for run in near)
            columns.append((x, max(run.y for run in near) + reach, min(run.y for run in near) - reach))
    return columns


def printed_line(group: list[Run], columns: list[tuple[float, float, float]]) -> PdfLine | None:
    """The runs of one baseline as a line; its font is the one most of its letters are printed in."""
    cells = tuple((x, tekst) for x, text in split_cells(group, columns) if (tekst := normalize_characters(text.strip())))
    if not cells:
        return None
    size = max(r.size for r in group)
    return PdfLine("\t".join(text for _, text in cells), group[0].y, size, cells, font=main_font(group))


def main_font(group: list[Run]) -> str:
    """The font most of a line's letters are printed in."""
    if len(group) == 1:
        return group[0].font
    weight: Counter[str] = Counter()
    for run in group:
        weight[run.font] += len(run.tekst.strip())
    return weight.most_common(1)[0][0]


def cell_starts(group: list[Run], columns: list[tuple[float, float, float]]) -> list[bool]:
    """For each run of a line: does it start a new cell? After a wide gap, or at a table column of the page."""
    starts = [True]
    for previous, run in zip(group, group[1:]):
        at_column = any(abs(run.x - x) <= 1 and bottom <= run.y <= top for x, top, bottom in columns)
        starts.append(gap_after(previous, run) > TAB_GAP * run.size or at_column)
    return starts


def gap_after(previous: Run, run: Run) -> float:
    """The empty space between two runs, as far as a run's length in characters tells."""
    return run.x - (previous.x + len(previous.tekst) * previous.size * AVERAGE_CHAR_WIDTH)


def split_cells(group: list[Run], columns: list[tuple[float, float, float]]) -> list[tuple[float, str]]:
    """Concatenate the runs of a line into cells: a new cell where one starts, else a space or nothing between."""
    cells = [(group[0].x, group[0].tekst)]
    for previous, run, new_cell in zip(group, group[1:], cell_starts(group, columns)[1:]):
        x, text = cells[-1]
        if new_cell:
            cells.append((run.x, run.tekst))
        elif gap_after(previous, run) > 0 and text and not text[-1].isspace() and not run.tekst[:1].isspace():
            cells[-1] = (x, f"{text} {run.tekst}")
        else:
            cells[-1] = (x, text + run.tekst)
    return cells
