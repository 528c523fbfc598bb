"""PDF → the clean text a text export would hold, through pypdf, with each page's start offset kept.

pypdf gives text runs with their position. From the positions we rebuild what printing destroyed:
lines (runs on one baseline), paragraphs (a larger vertical gap), wrapped lines re-joined (a line
that runs to the right margin continues on the next), running headers/footers dropped (lines set
apart at the top or bottom of the page that repeat across pages once digits are ignored).
"""

from __future__ import annotations

import io
import logging
import math
import re
from dataclasses import dataclass

from ..errors import PdfError
from ..models import Tekst
from ..parsers import patterns as p
from .normalize import LIST_MARKER, SOFT_HYPHEN, hyphen_join, normalize_characters, normalize_text

log = logging.getLogger(__name__)

SAME_LINE_TOLERANCE = 0.3  # runs whose baselines differ by less than this × font size share a line
SAME_SIZE_TOLERANCE = 0.05  # a wrapped line keeps its font size; a heading above body text does not
PITCH_QUANTILE = 0.2  # the usual line pitch is a low quantile of all gaps (most may be paragraph gaps)
DEFAULT_PITCH = 1.2  # × font size, for a document with no two lines to measure
PARAGRAPH_GAP = 1.35  # a gap this many times the usual line pitch separates paragraphs
WRAPPED_SHARE = 0.88  # a line wrapped when it plus the next line's first word would pass this share of a full line
SHORT_SHARE = 0.5  # a line shorter than this share of a full line was ended on purpose
RUNNING_ZONE = 2  # lines at the top and at the bottom of a page that may be running headers/footers
RUNNING_SHARE = 0.5  # ... and repeat on at least this share of the pages (and on two pages or more)
MIN_CHARS_PER_PAGE = 20  # fewer visible characters than this on average: no text layer, scanned
EOF_WINDOW = 1024  # "%%EOF" must be this near the end, as pypdf's strict mode also demands
AVERAGE_CHAR_WIDTH = 0.55  # × font size; pypdf gives where a run starts, not where it ends
MIN_LINE_SHARE = 0.5  # a full line of text is at least this share of the page width
A4_WIDTH = 595.0  # points
TAB_GAP = 2.0  # × font size of empty space between runs: a tab stop or a table column
SENTENCE_END = tuple(".:!?")
# After "N." these words make a date or an ordinal, not a list item.
RUN_ON_WORDS = set(p.MONTHS) | {"kvartal", "halvår", "halvaar", "og", "eller", "til", "behandling", "udgave", "del",
                                "ferieuge", "ferieuger", "klasse", "sal", "gang", "runde"}
DIGITS = re.compile(r"\d+")
WORD = re.compile(r"\w+")
OPEN_URL = re.compile(r"(?:https?://|www\.)[^\s>)\]]*[^\s>)\].,;:]$")
BROKEN_WORD = re.compile(r"(?P<word>\w+)-$")


@dataclass(frozen=True)
class PdfLine:
    """One printed line: its text, baseline height on the page and font size."""

    tekst: str
    y: float
    size: float


def extract_pdf(data: bytes, kilde: str, sha256: str) -> Tekst:
    """The text of a PDF, laid out like a text export; ``sider`` holds where each page starts."""
    reader = open_pdf(data)
    pdf_pages = read_pages(reader)
    pages = [read_lines(page) for page in pdf_pages]
    visible = sum(len("".join(line.tekst.split())) for page in pages for line in page)
    if not visible or visible < MIN_CHARS_PER_PAGE * len(pages):
        raise PdfError("the PDF has no text layer (it looks scanned; OCR is not done): export it with text, "
                       "or run OCR on it first (e.g. ocrmypdf)")  # fmt: skip
    pages = drop_running_lines(pages, line_pitch(pages))
    layout = Layout.of(pages, page_width(pdf_pages))
    texts = [normalize_text(layout.page_text(page)) for page in pages]
    tekst, sider = layout.join_pages(pages, texts)
    advarsler = tuple(f"side {i} har ingen tekst (scannet?)" for i, page in enumerate(pages, 1) if not page)
    return Tekst(kilde=kilde, sha256=sha256, format="pdf", tekst=tekst, sider=sider, advarsler=advarsler)


def open_pdf(data: bytes):
    """A pypdf reader, or PdfError saying the file is empty, damaged, truncated or encrypted."""
    from pypdf import PdfReader

    if not data.strip():
        raise PdfError("the file is empty: export the referat again")
    if not data.lstrip().startswith(b"%PDF"):
        raise PdfError("the PDF cannot be read: it is not a PDF (no %PDF header); give a real .pdf, .txt or .md file")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise PdfError("the PDF cannot be read: it is truncated (no end-of-file marker); download or export it again")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf signals damage with many exception types
        raise PdfError(f"the PDF cannot be read: it is damaged ({type(error).__name__}); export it again") from error
    if encrypted and not opens_without_password(reader):
        raise PdfError("the PDF is encrypted (password protected): save an unprotected copy and ingest that")
    return reader


def opens_without_password(reader) -> bool:
    """Many PDFs are encrypted only against editing and open with the empty password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. pypdf's DependencyError for AES without the cryptography package
        return False


def read_pages(reader) -> list:
    """The page objects; a broken page tree is damage."""
    try:
        return list(reader.pages)
    except Exception as error:
        raise PdfError(f"the PDF cannot be read: it is damaged ({type(error).__name__}); export it again") from error


def page_width(pdf_pages: list) -> float:
    """The usual page width in points (A4 when the page boxes cannot be read)."""
    try:
        widths = sorted(float(page.mediabox.width) for page in pdf_pages)
    except Exception:  # a damaged page box is no reason to refuse the text
        return A4_WIDTH
    return widths[len(widths) // 2] if widths else A4_WIDTH


def read_lines(page) -> list[PdfLine]:
    """The printed lines of one page, top to bottom, from pypdf's positioned text runs."""
    runs: list[tuple[float, float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text and text.strip("\n"):
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            size = abs(font_size * (tm[3] or 1) * (cm[3] or 1)) or 1.0
            for k, part in enumerate(text.split("\n")):
                runs.append((y - k * size * 1.2, x, size, part))

    try:
        page.extract_text(visitor_text=visit)
    except Exception as error:
        raise PdfError(f"the PDF cannot be read: a page is damaged ({type(error).__name__}); export it again") from error
    return group_lines(runs)


def group_lines(runs: list[tuple[float, float, float, str]]) -> list[PdfLine]:
    """Runs on one baseline, left to right, become one line; lines top to bottom."""
    lines: list[list[tuple[float, float, float, str]]] = []
    for run in sorted(runs, key=lambda r: (-r[0], r[1])):
        if lines and abs(lines[-1][0][0] - run[0]) < SAME_LINE_TOLERANCE * run[2]:
            lines[-1].append(run)
        else:
            lines.append([run])
    out = []
    for group in lines:
        text = join_runs(sorted(group, key=lambda r: r[1]))
        if text.strip():
            out.append(PdfLine(normalize_characters(text.rstrip()), group[0][0], max(r[2] for r in group)))
    return out


def join_runs(group: list[tuple[float, float, float, str]]) -> str:
    """Concatenate the runs of a line: a wide gap is a tab stop or table column, a small one a space."""
    text = group[0][3]
    for (_, x0, size, previous), (_, x1, _, current) in zip(group, group[1:]):
        gap = x1 - (x0 + len(previous) * size * AVERAGE_CHAR_WIDTH)
        if gap > TAB_GAP * size:
            text = text.rstrip() + "\t" + current.lstrip()
        elif gap > 0 and text and not text[-1].isspace() and not current[:1].isspace():
            text += " " + current
        else:
            text += current
    return text


def drop_running_lines(pages: list[list[PdfLine]], pitch: float) -> list[list[PdfLine]]:
    """Remove headers/footers: lines set apart at the top or bottom that repeat on many pages, digits ignored."""
    if len(pages) < 2:
        return pages
    counts: dict[str, int] = {}
    for page in pages:
        for key in {running_key(page[i]) for block in zone_blocks(page, pitch) for i in block}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    running = {key for key, n in counts.items() if n >= needed}
    if running:
        log.info("running headers/footers removed: %s", sorted(running))
    return [without_running(page, running, pitch) for page in pages]


def running_key(line: PdfLine) -> str:
    """ "Side 3 af 21" and "Side 4 af 21" are one running line; so are "3" and "4"."""
    return DIGITS.sub("#", " ".join(line.tekst.split()))


def zone_blocks(page: list[PdfLine], pitch: float) -> tuple[range, range]:
    """Header and footer blocks: at most RUNNING_ZONE lines at the top (bottom) followed (preceded) by a gap.
    Body text runs at the normal pitch, so a repeated body line is never mistaken for a header."""
    top = next((i + 1 for i in range(min(RUNNING_ZONE, len(page) - 1)) if is_gap(page[i], page[i + 1], pitch)), 0)
    bottom = next((len(page) - 1 - i for i in range(min(RUNNING_ZONE, len(page) - 1))
                   if is_gap(page[-i - 2], page[-i - 1], pitch)), len(page))  # fmt: skip
    return range(top), range(len(page) - 1, bottom - 1, -1)


def is_gap(above: PdfLine, line: PdfLine, pitch: float) -> bool:
    """More space between two lines than the usual pitch: a paragraph break or a header's margin."""
    return above.y - line.y > PARAGRAPH_GAP * pitch * max(above.size, line.size)


def without_running(page: list[PdfLine], running: set[str], pitch: float) -> list[PdfLine]:
    """The page without its running lines; each key goes once per block so a title equal to the header stays."""
    top, bottom = zone_blocks(page, pitch)
    drop: set[int] = set()
    for block in (top, bottom):
        seen: set[str] = set()
        for i in block:
            key = running_key(page[i])
            if key in running and key not in seen:
                drop.add(i)
                seen.add(key)
    return [line for i, line in enumerate(page) if i not in drop]


def line_pitch(pages: list[list[PdfLine]]) -> float:
    """The usual baseline distance ÷ font size; in short-paragraph documents most gaps are paragraph gaps,
    so the common small gap is taken, not the median."""
    pitches = sorted((a.y - b.y) / b.size for page in pages for a, b in zip(page, page[1:])
                     if a.size == b.size and a.y > b.y)  # fmt: skip
    return pitches[int(PITCH_QUANTILE * (len(pitches) - 1))] if pitches else DEFAULT_PITCH


@dataclass(frozen=True)
class Layout:
    """What a normal line looks like in this document: pitch and full length, relative to font size."""

    pitch: float  # usual baseline distance ÷ font size
    full_width: float  # characters × font size of a line that runs margin to margin
    vocabulary: frozenset[str]

    @classmethod
    def of(cls, pages: list[list[PdfLine]], width: float) -> "Layout":
        lines = [line for page in pages for line in page]
        widths = sorted(len(line.tekst) * line.size for line in lines)
        # A document of short lines has no full line to measure: half the page width is the least a full line is.
        floor = MIN_LINE_SHARE * width / AVERAGE_CHAR_WIDTH
        full = max(widths[int(0.9 * (len(widths) - 1))] if widths else 1.0, floor)
        words = {w.lower() for line in lines for w in re.findall(r"\w+(?:-\w+)*", line.tekst)}
        return cls(line_pitch(pages), full, frozenset(words))

    def page_text(self, page: list[PdfLine]) -> str:
        """One page as text: paragraphs separated by a blank line, wrapped lines joined."""
        text = page[0].tekst if page else ""
        for above, line in zip(page, page[1:]):
            text = self.join(text, above, line)
        return text

    def join(self, text: str, above: PdfLine, line: PdfLine) -> str:
        """Append a line the way the source had it: a new paragraph, a line break or a wrap."""
        right = line.tekst.lstrip()
        if is_gap(above, line, self.pitch):
            return f"{text}\n\n{right}"
        if not self.continues(above, line):
            return f"{text}\n{right}"
        return join_wrapped(text, right, self.vocabulary)

    def continues(self, above: PdfLine, line: PdfLine) -> bool:
        """The line above ran to the margin (the next word did not fit) and this is no new list item."""
        if is_list_item(line.tekst) or "\t" in above.tekst or p.TOC_ENTRY.match(above.tekst.strip()):
            return False
        if abs(above.size - line.size) > SAME_SIZE_TOLERANCE * line.size:  # a heading ends where the font changes
            return False
        first_word = line.tekst.split()[0] if line.tekst.split() else ""
        width = len(above.tekst.rstrip()) * above.size
        return width >= SHORT_SHARE * self.full_width and (
            width + (1 + len(first_word)) * above.size >= WRAPPED_SHARE * self.full_width
        )

    def crosses_page(self, last: PdfLine, first: PdfLine) -> bool:
        """A paragraph runs on from one page to the next (no gap to see, so the wording decides)."""
        ended = last.tekst.rstrip().endswith(SENTENCE_END) and not first.tekst[:1].islower()
        return self.continues(last, first) and not ended

    def join_pages(self, pages: list[list[PdfLine]], texts: list[str]) -> tuple[str, tuple[int, ...]]:
        """All pages as one text and the offset where each page starts; a paragraph may cross pages."""
        out, starts, last, empty = "", [], None, 0
        for page, text in zip(pages, texts):
            if not text:  # an empty page starts where the next text does: it holds no character
                empty += 1
                continue
            if last is not None and self.crosses_page(last, page[0]):
                out = join_wrapped(out, text, self.vocabulary)
            else:
                out = f"{out}\n\n{text}" if out else text
            starts.extend([len(out) - len(text)] * (empty + 1))
            last, empty = page[-1], 0
        return out + "\n", tuple(starts + [len(out)] * empty)


def is_list_item(text: str) -> bool:
    """A bullet or numbered item starts here, unless the "number" is a date or ordinal running on
    from the line above ("den" / "19. august 2025", "i 3. og" / "4. kvartal")."""
    match = LIST_MARKER.match(text)
    if not match:
        return False
    rest = text[match.end() :].split()
    return not (match.group().strip()[:1].isdigit() and rest and rest[0].lower().strip(",.") in RUN_ON_WORDS)


def join_wrapped(text: str, right: str, vocabulary: frozenset[str]) -> str:
    """Join a wrapped line: with a space, or re-joining a word hyphenated (or a URL cut) at the margin."""
    text = text.rstrip()
    cut = max(text.rfind(" "), text.rfind("\n"), text.rfind("\t")) + 1  # only the last word matters
    last = text[cut:]
    broken, following = BROKEN_WORD.search(last), WORD.match(right)
    if OPEN_URL.search(last) or last.endswith(SOFT_HYPHEN):  # a cut URL; a printed discretionary hyphen
        return text.removesuffix(SOFT_HYPHEN) + right
    if broken and following:
        return text[:-1] + hyphen_join(broken["word"], following.group(), vocabulary) + right
    return f"{text} {right}"