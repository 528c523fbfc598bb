"""Render generated referater to PDF with fpdf2 and the Roboto TTF font (for æøå and – “ ”).

The look is a plain agenda-system print: A4, one text column, headings in bold, page numbers in the
footer. PDF text extraction is what the benchmark measures, so the text must round-trip through pypdf.
"""

from __future__ import annotations

from pathlib import Path

import font_roboto
from fpdf import FPDF

FONT_DIR = Path(font_roboto.__file__).parent / "files"
LINE_HEIGHT = 5  # mm at 10 pt
HEADING_PREFIXES = ("Punkt ", "REFERAT ")


class ReferatPdf(FPDF):
    def footer(self):
        self.set_y(-12)
        self.set_font("Roboto", size=8)
        self.cell(0, 5, f"Side {self.page_no()}", align="C")


def render_pdf(tekst: str, out: Path) -> int:
    """Write the text as a PDF to out; return its number of pages."""
    pdf = ReferatPdf(format="A4")
    pdf.add_font("Roboto", "", str(FONT_DIR / "Roboto-Regular.ttf"))
    pdf.add_font("Roboto", "B", str(FONT_DIR / "Roboto-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for line in tekst.splitlines():
        if not line.strip():
            pdf.ln(2)
            continue
        pdf.set_font("Roboto", "B" if line.startswith(HEADING_PREFIXES) else "", 10)
        pdf.multi_cell(0, LINE_HEIGHT, line.replace("\t", "  "), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))
    return pdf.page_no()


def render_file(paths: tuple[Path, Path]) -> int:
    """Render one text file to one PDF file (a pool worker's unit of work); return pages."""
    source, target = paths
    target.parent.mkdir(parents=True, exist_ok=True)
    return render_pdf(source.read_text(encoding="utf-8"), target)
