"""Print a referat text export as a PDF in the looks agenda systems use, for the PDF tests.

Uses fpdf2's core fonts (Helvetica, Times, Courier) in cp1252, which holds every character of
the examples (æøå, –, ”, §), so no font file is needed. Each look is a dict of settings.
"""

from __future__ import annotations

import re

from fpdf import FPDF

from referater.parsers import patterns as p

SOFT_HYPHEN = "\u00ad"
LOOKS = {
    # a plain export: Helvetica, no running lines
    "plain": {"font": "Helvetica", "size": 11, "margin": 20},
    # what most agenda systems print: running header and "Side N af M" footer
    "header_footer": {"font": "Helvetica", "size": 10, "margin": 20, "header": True, "footer": "Side {n} af {nb}"},
    # a serif font, justified text hyphenated at the margin, bare page numbers
    "justified_hyphenated": {"font": "Times", "size": 11, "margin": 25, "align": "J", "hyphenate": True,
                             "footer": "{n}"},
    # a narrow column in a monospaced font: long titles and TOC entries wrap
    "narrow_wrapping": {"font": "Courier", "size": 10, "margin": 45, "header": True, "footer": "Side {n} af {nb}"},
    # case numbers printed with the label agenda systems put before them ("Sagsnr. 00.01.00-P35-7-23")
    "labelled_fields": {"font": "Times", "size": 11, "margin": 22, "label": "Sagsnr. ", "footer": "Side {n} af {nb}"},
    # every punkt on a new page, as most agenda systems print a referat
    "page_per_punkt": {"font": "Helvetica", "size": 10, "margin": 20, "header": True, "footer": "Side {n} af {nb}",
                       "page_per_punkt": True},
    # indstillinger and bullets drawn as hanging-indent lists with bullet glyphs
    "list_rendered": {"font": "Helvetica", "size": 10, "margin": 20, "lists": True, "footer": "Side {n}"},
}  # fmt: skip
LINE_HEIGHT = 1.3  # × font size, in points
HEADING_SIZE = 1.25  # punkt headings are printed this much larger
HANGING_INDENT = 8  # mm
PUNKT_HEADING = dict(p.HEADING_FORMS)["punkt"]
POINT = re.compile(r"^(?P<marker>\d{1,2}\.|-)\s+(?P<tekst>.+)$")


class ReferatPdf(FPDF):
    """An FPDF with the look's running header and footer."""

    def __init__(self, look: dict, header_text: str):
        super().__init__(format="A4", unit="mm")
        self.look, self.header_text = look, header_text
        self.core_fonts_encoding = "windows-1252"
        self.set_margins(look["margin"], 20, look["margin"])
        self.set_auto_page_break(True, 22)
        self.alias_nb_pages("{nb}")

    def header(self):
        if self.look.get("header"):
            self.set_font(self.look["font"], size=8)
            self.cell(0, 5, self.header_text, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

    def footer(self):
        if self.look.get("footer"):
            self.set_y(-15)
            self.set_font(self.look["font"], size=8)
            self.cell(0, 5, self.look["footer"].replace("{n}", str(self.page_no())), align="C")


def build_pdf(text: str, look_name: str, toc_pages: dict[str, int] | None = None) -> bytes:
    """The referat text printed as a PDF; ``toc_pages`` overrides the TOC's page numbers by title."""
    look = LOOKS[look_name]
    lines = text.strip("\n").split("\n")
    pdf = ReferatPdf(look, header_text=" ".join(lines[0].split()).replace("REFERAT", "Referat -"))
    pdf.add_page()
    blank, in_preamble = False, True
    for i, line in enumerate(lines):
        if not line.strip():
            blank = True
            continue
        if blank:
            pdf.ln(look["size"] * 0.35)
            blank = False
        in_preamble = in_preamble and not PUNKT_HEADING.match(line.strip())
        if "\t" in line and not in_preamble:
            print_table_row(pdf, look, line, table_around(lines, i))
        else:
            print_line(pdf, look, line.strip(), toc_pages or {})
    return bytes(pdf.output())


def table_around(lines: list[str], i: int) -> list[str]:
    """The block of consecutive tab-separated rows that line i belongs to."""
    start, end = i, i
    while start > 0 and "\t" in lines[start - 1]:
        start -= 1
    while end + 1 < len(lines) and "\t" in lines[end + 1]:
        end += 1
    return lines[start : end + 1]


def print_table_row(pdf: ReferatPdf, look: dict, line: str, table: list[str]) -> None:
    """A table row: each cell at its column's x, columns as wide as their longest cell."""
    rows = [row.split("\t") for row in table]
    longest = [max(len(row[c]) if c < len(row) else 0 for row in rows) + 4 for c in range(max(map(len, rows)))]
    size = min(look["size"], pdf.epw / sum(longest) / 0.6 * 72 / 25.4)
    pdf.set_font(look["font"], size=size)
    x, height = pdf.l_margin, size * LINE_HEIGHT / 72 * 25.4
    for cell, chars in zip(line.split("\t"), longest):
        pdf.set_x(x)
        pdf.cell(chars * size * 0.6 * 25.4 / 72, height, cell.strip())
        x += chars * size * 0.6 * 25.4 / 72
    pdf.ln(height)


def print_line(pdf: ReferatPdf, look: dict, line: str, toc_pages: dict[str, int]) -> None:
    """One line of the export, printed in the style its kind gets in an agenda system."""
    size, height = look["size"], look["size"] * LINE_HEIGHT / 72 * 25.4
    if PUNKT_HEADING.match(line):
        if look.get("page_per_punkt"):
            pdf.add_page()
        pdf.set_font(look["font"], "B", size * HEADING_SIZE)
        pdf.multi_cell(0, height * HEADING_SIZE, line, new_x="LMARGIN", new_y="NEXT")
    elif look.get("label") and any(pattern.match(line) for skema, pattern in p.SAGSNUMMER_SCHEMES if skema == "kle"):
        pdf.set_font(look["font"], size=size)
        pdf.multi_cell(0, height, look["label"] + line, new_x="LMARGIN", new_y="NEXT")
    elif line in p.SECTION_LABELS:
        pdf.set_font(look["font"], "B", size)
        pdf.multi_cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
    elif entry := p.TOC_ENTRY.match(line):
        printed = line[: entry.start("side")].rstrip("\t ")
        print_toc_entry(pdf, look, printed, toc_pages.get(entry["titel"], entry["side"]), height)
    elif look.get("lists") and (point := POINT.match(line)):
        print_list_item(pdf, look, point["marker"], point["tekst"], height)
    else:
        pdf.set_font(look["font"], size=size)
        body = hyphenate(line) if look.get("hyphenate") else line
        pdf.multi_cell(0, height, body, align=look.get("align", "L"), new_x="LMARGIN", new_y="NEXT")


def print_toc_entry(pdf: ReferatPdf, look: dict, printed: str, side, height: float) -> None:
    """Title (with its dot leaders), page number right-aligned on the entry's last line."""
    pdf.set_font(look["font"], size=look["size"])
    number_width = 12
    pdf.multi_cell(pdf.epw - number_width, height, printed, new_x="LMARGIN", new_y="NEXT")
    after = pdf.get_y()
    pdf.set_xy(pdf.l_margin + pdf.epw - number_width, after - height)
    pdf.cell(number_width, height, str(side), align="R")
    pdf.set_xy(pdf.l_margin, after)


def print_list_item(pdf: ReferatPdf, look: dict, marker: str, tekst: str, height: float) -> None:
    """A hanging-indent list item; "-" items get a bullet glyph as word processors print them."""
    pdf.set_font(look["font"], size=look["size"])
    pdf.cell(HANGING_INDENT, height, "•" if marker == "-" else marker)
    pdf.multi_cell(0, height, tekst, new_x="LMARGIN", new_y="NEXT")


def hyphenate(line: str) -> str:
    """Soft hyphens inside long plain words, so the justified text breaks words at the margin."""
    return " ".join(hyphenate_word(word) for word in line.split(" "))


def hyphenate_word(word: str) -> str:
    if len(word) < 12 or not word.isalpha():
        return word
    cuts = range(6, len(word) - 4, 6)
    return "".join(word[a:b] + (SOFT_HYPHEN if b < len(word) else "") for a, b in zip([0, *cuts], [*cuts, len(word)]))
