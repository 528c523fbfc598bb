"""PDF → the clean text a text export would hold, through pypdf, with each page's start offset kept.

pypdf gives text runs with their position, size and font. From them we rebuild what printing destroyed:
lines and their cells (pdf_lines.py), running headers/footers dropped (lines at a page's edge printed at
the same height with the same text on many pages), table rows whose cells wrap put back together
(pdf_tables.py), paragraphs (a larger vertical gap or a change of font) and wrapped lines re-joined (a line
that runs to the right margin continues on the next; a heading's lines are one title).
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass

from ..errors import PdfError
from ..models import Tekst
from ..parsers import patterns as p
from .normalize import BROKEN_WORD, LIST_MARKER, SUSPENSION_WORDS, WORD, join_wrapped, normalize_text
from .pdf_lines import AVERAGE_CHAR_WIDTH, PdfLine, read_lines
from .pdf_tables import join_table_cells

log = logging.getLogger(__name__)

SAME_SIZE_TOLERANCE = 0.05  # a wrapped line keeps its font size; a heading above body text does not
PITCH_QUANTILE = 0.2  # the usual line pitch is a low quantile of all gaps (most may be paragraph gaps)
DEFAULT_PITCH = 1.2  # × font size, for a document with no two lines to measure
PARAGRAPH_GAP = 1.35  # a gap this many times the usual line pitch separates paragraphs
WRAPPED_SHARE = 0.88  # a line wrapped when it plus the next line's first word would pass this share of a full line
SHORT_SHARE = 0.5  # a line shorter than this share of a full line was ended on purpose
RUNNING_ZONE = 6  # lines at the top and at the bottom of a page that may be running headers/footers
RUNNING_SHARE = 0.5  # ... and repeat on at least this share of the pages (and on two pages or more)
MIN_CHARS_PER_PAGE = 20  # fewer visible characters than this on average: no text layer, scanned
BROKEN_LINE_END = re.compile(BROKEN_WORD.pattern, re.M)  # a word broken at the end of any line of a text
HEADER_WINDOW = 1024  # "%PDF" may follow this many bytes of other data, as PDF readers allow
MIN_LINE_SHARE = 0.5  # a full line of text is at least this share of the page width
A4_WIDTH = 595.0  # points
SENTENCE_END = tuple(".:!?")
# After "N." these words make a date or an ordinal, not a list item.
RUN_ON_WORDS = set(p.MONTHS) | {"kvartal", "halvår", "halvaar", "og", "eller", "til", "behandling", "udgave", "del",
                                "ferieuge", "ferieuger", "klasse", "sal", "gang", "runde"}
DIGITS = re.compile(r"\d+")


def extract_pdf(data: bytes, kilde: str, sha256: str) -> Tekst:
    """The text of a PDF, laid out like a text export; ``sider`` holds where each page starts."""
    reader = open_pdf(data)
    pdf_pages = read_pages(reader, data)
    pages = [read_lines(page) for page in pdf_pages]
    visible = sum(len("".join(line.tekst.split())) for page in pages for line in page)
    if not visible or visible < MIN_CHARS_PER_PAGE * len(pages):
        raise PdfError("PDF'en har intet tekstlag (den ser scannet ud; der køres ikke OCR): eksportér den med tekst, "
                       "eller kør OCR på den først (fx ocrmypdf)")  # fmt: skip
    pitch = line_pitch(pages)
    pages = drop_running_lines(pages, pitch)
    counts = word_counts(pages)
    vocabulary, hyphenates = frozenset(counts), breaks_words(pages, counts)
    pages = [join_table_cells(page, pitch, vocabulary, hyphenates) for page in pages]
    layout = Layout.of(pages, page_width(pdf_pages), vocabulary, hyphenates)
    texts = [normalize_text(layout.page_text(page), hyphenates) for page in pages]
    tekst, sider = layout.join_pages(pages, texts)
    advarsler = tuple(f"side {i} har ingen tekst (scannet?)" for i, page in enumerate(pages, 1) if not page)
    return Tekst(kilde=kilde, sha256=sha256, format="pdf", tekst=tekst, sider=sider, advarsler=advarsler)


def open_pdf(data: bytes):
    """A pypdf reader, or PdfError saying the file is empty, damaged, truncated or encrypted. What pypdf reads
    is read: a PDF with bytes before its header or padding (spaces, NULs) after its end-of-file marker is fine."""
    from pypdf import PdfReader

    if not data.strip():
        raise PdfError("filen er tom: eksportér referatet igen")
    if b"%PDF" not in data[:HEADER_WINDOW]:
        raise PdfError("PDF'en kan ikke læses: det er ikke en PDF (intet %PDF-hoved); "
                       "giv en rigtig .pdf-, .txt- eller .md-fil")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf signals damage with many exception types
        raise unreadable(error, data) from error
    if encrypted and not opens_without_password(reader):
        raise PdfError("PDF'en er krypteret (beskyttet med adgangskode): gem en ubeskyttet kopi og indlæs den")
    return reader


def unreadable(error: Exception, data: bytes) -> PdfError:
    """Why pypdf could not read the file: cut off (no end-of-file marker anywhere) or otherwise damaged."""
    if b"%%EOF" not in data:
        return PdfError("PDF'en kan ikke læses: den er afkortet (ingen slutmarkør); hent eller eksportér den igen")
    return PdfError(f"PDF'en kan ikke læses: den er beskadiget ({type(error).__name__}); eksportér den igen")


def opens_without_password(reader) -> bool:
    """Many PDFs are encrypted only against editing and open with the empty password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. pypdf's DependencyError for AES without the cryptography package
        return False


def read_pages(reader, data: bytes) -> list:
    """The page objects; a broken page tree is damage (or the end of a file cut off)."""
    try:
        return list(reader.pages)
    except Exception as error:
        raise unreadable(error, data) from error


def page_width(pdf_pages: list) -> float:
    """The usual page width in points (A4 when the page boxes cannot be read)."""
    try:
        widths = sorted(float(page.mediabox.width) for page in pdf_pages)
    except Exception:  # a damaged page box is no reason to refuse the text
        return A4_WIDTH
    return widths[len(widths) // 2] if widths else A4_WIDTH


def drop_running_lines(pages: list[list[PdfLine]], pitch: float) -> list[list[PdfLine]]:
    """Remove running headers/footers: from each edge of a page inwards, the lines printed at the same height
    with the same text (digits ignored) on at least half of the pages, when a gap or a change of font
    sets them apart from the page's text. A block of several (forum, "Åbent referat", date, "Side N") goes
    whole; the first line that does not repeat there (a heading, the title on page 1) ends it."""
    if len(pages) < 2:
        return pages
    seen: Counter[tuple[str, int]] = Counter()
    for page in pages:
        seen.update({place(line) for line in page[:RUNNING_ZONE] + page[-RUNNING_ZONE:]})
    needed = max(2, math.ceil(RUNNING_SHARE * len(pages)))

    def running(line: PdfLine) -> bool:
        text, height = place(line)
        return sum(seen[text, height + d] for d in (-1, 0, 1)) >= needed

    edges = [running_edges(page, running, pitch) for page in pages]
    if dropped := {line.tekst for page, (top, bottom) in zip(pages, edges) for line in page[:top] + page[bottom:]}:
        log.info("running headers/footers removed: %s", sorted(dropped))
    return [page[top:bottom] for page, (top, bottom) in zip(pages, edges)]


def place(line: PdfLine) -> tuple[str, int]:
    """ "Side 3 af 21" and "Side 4 af 21" at one height are one running line; so are "3" and "4"."""
    return DIGITS.sub("#", " ".join(line.tekst.split())), round(line.y)


def running_edges(page: list[PdfLine], running, pitch: float) -> tuple[int, int]:
    """Where the page's own text starts and ends: after the running lines at its top, before those at its foot."""
    top = edge_block(page, running, pitch)
    return top, len(page) - edge_block(page[top:][::-1], running, pitch)


def edge_block(lines: list[PdfLine], running, pitch: float) -> int:
    """How many lines from the start of ``lines`` are running lines set apart from what follows."""
    count = next((i for i, line in enumerate(lines[:RUNNING_ZONE]) if not running(line)), min(RUNNING_ZONE, len(lines)))
    if count == 0 or count == len(lines):
        return count
    last, following = lines[count - 1], lines[count]
    apart = abs(last.y - following.y) > PARAGRAPH_GAP * pitch * max(last.size, following.size)
    return count if apart or new_style(last, following) else 0


def is_gap(above: PdfLine, line: PdfLine, pitch: float) -> bool:
    """More space between two lines than the usual pitch: a paragraph break or a header's margin."""
    return above.last_y - line.y > PARAGRAPH_GAP * pitch * max(above.size, line.size)


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
    hyphenates: bool = True  # the printer breaks words at the margin (else a line-end hyphen is the word's own)
    body_size: float = math.inf  # the font size most of the text is printed in; headings are larger

    @classmethod
    def of(cls, pages: list[list[PdfLine]], width: float, vocabulary: frozenset[str], hyphenates: bool) -> "Layout":
        lines = [line for page in pages for line in page]
        widths = sorted(len(line.tekst) * line.size for line in lines if line.bottom is None)
        # A document of short lines has no full line to measure: half the page width is the least a full line is.
        floor = MIN_LINE_SHARE * width / AVERAGE_CHAR_WIDTH
        full = max(widths[int(0.9 * (len(widths) - 1))] if widths else 1.0, floor)
        sizes: Counter[float] = Counter()
        for line in lines:
            sizes[round(line.size, 1)] += len(line.tekst)
        body = sizes.most_common(1)[0][0] if sizes else math.inf
        return cls(line_pitch(pages), full, vocabulary, hyphenates, body)

    def page_text(self, page: list[PdfLine]) -> str:
        """One page as text: paragraphs separated by a blank line, wrapped lines joined."""
        text = page[0].tekst if page else ""
        for above, line in zip(page, page[1:]):
            text = self.join(text, above, line)
        return text

    def join(self, text: str, above: PdfLine, line: PdfLine) -> str:
        """Append a line the way the source had it: a new paragraph, a line break or a wrap."""
        right = line.tekst.lstrip()
        if is_gap(above, line, self.pitch) or new_style(above, line):
            return f"{text}\n\n{right}"
        if not self.continues(above, line):
            return f"{text}\n{right}"
        return join_wrapped(text, right, self.vocabulary, self.hyphenates)

    def continues(self, above: PdfLine, line: PdfLine) -> bool:
        """The line above ran to the margin (the next word did not fit) and this is no new list item."""
        if is_list_item(line.tekst) or "\t" in above.tekst or p.TOC_ENTRY.match(above.tekst.strip()):
            return False
        if new_style(above, line):  # a heading ends where the font changes
            return False
        first_word = line.tekst.split()[0] if line.tekst.split() else ""
        width = len(above.tekst.rstrip()) * above.size
        if width < SHORT_SHARE * self.full_width:  # ended on purpose ("Referat" above "Økonomiudvalget")
            return False
        if above.size > (1 + SAME_SIZE_TOLERANCE) * self.body_size:  # a heading's lines: one font, no gap between
            return not any(pattern.match(line.tekst) for _, pattern in p.HEADING_FORMS)
        return width + (1 + len(first_word)) * above.size >= WRAPPED_SHARE * self.full_width

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
                out = join_wrapped(out, text, self.vocabulary, self.hyphenates)
            else:
                out = f"{out}\n\n{text}" if out else text
            starts.extend([len(out) - len(text)] * (empty + 1))
            last, empty = page[-1], 0
        return out + "\n", tuple(starts + [len(out)] * empty)


def word_counts(pages: list[list[PdfLine]]) -> Counter[str]:
    """Every word the document prints whole, lower-cased, and how often (a word broken at a line end is not
    counted): its own spelling decides how a broken word is joined."""
    text = BROKEN_LINE_END.sub("", "\n".join(line.tekst for page in pages for line in page)).lower()
    return Counter(re.findall(r"\w+(?:-\w+)*", text))


def new_style(above: PdfLine, line: PdfLine) -> bool:
    """A change of typeface or size between two lines: a heading or label ends, its text begins
    (a text export puts a blank line there). A wrapped line keeps its font."""
    return above.font != line.font or abs(above.size - line.size) > SAME_SIZE_TOLERANCE * line.size


def breaks_words(pages: list[list[PdfLine]], counts: Counter[str]) -> bool:
    """Does the printer hyphenate? Yes when a word broken at a line end ("medarbejder-" / "siden") is printed
    whole elsewhere, or its first half ("medarb-") is no word of the document. A browser or word processor
    that does not hyphenate breaks a line only after a hyphen of the word's own ("Citrix-" / "løsning")."""
    for page in pages:
        for above, line in zip(page, page[1:]):
            if not above.tekst.endswith("-"):
                continue
            broken, following = BROKEN_WORD.search(above.tekst), WORD.match(line.tekst)
            if not (broken and following and following.group()[0].islower()) or following.group() in SUSPENSION_WORDS:
                continue
            left = broken["word"]
            if counts[(left + following.group()).lower()] or (left.islower() and len(left) >= 4 and not counts[left]):
                return True
    return False


def is_list_item(text: str) -> bool:
    """A bullet or numbered item starts here, unless the "number" is a date or ordinal running on
    from the line above ("den" / "19. august 2025", "i 3. og" / "4. kvartal")."""
    match = LIST_MARKER.match(text)
    if not match:
        return False
    rest = text[match.end() :].split()
    return not (match.group().strip()[:1].isdigit() and rest and rest[0].lower().strip(",.") in RUN_ON_WORDS)
