"""Print a referat text export the way web-based agenda systems do: as HTML, through Chromium's print-to-PDF.

A second PDF engine for the PDF tests (fpdf2 is the first, tests/pdf_looks.py). Many agenda systems render
the referat as a web page and let a headless Chromium print it, so their PDFs are laid out by a browser:
proportional fonts, the meeting header as a label/value TABLE whose values (the participants) wrap inside
their cell, punkt headings whose long titles wrap onto a second line, and a running page header/footer
(forum, "Åbent referat", date, "Side N") printed on every page by Chromium's header template.

Playwright drives Debian's /usr/bin/chromium (never `playwright install`). The font is Roboto from the
font-roboto wheel, embedded as a data URL, so the print is the same on every machine.
"""

from __future__ import annotations

import base64
import html
import re
from functools import cache
from pathlib import Path

import font_roboto

from referater.parsers import header as h
from referater.parsers import patterns as p

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
FONTS = Path(font_roboto.__file__).parent / "files"
PUNKT_HEADING = dict(p.HEADING_FORMS)["punkt"]
TITLE = re.compile(r"^\W*(?:REFERAT|Referat)\s+(?P<forum>.+?)\s+d\.\s*(?P<dato>[\d-]+)\W*$")

LOOKS = {
    # a browser print: header fields as a label/value table (values wrap in their cell, labels at the top),
    # wrapping punkt headings, running header "forum · Åbent referat · date" and footer "Side N af M"; in both
    # looks the tables of the body keep HTML's centred cells, which wrap in the narrow columns
    "browser_table": {"label_width": "38mm", "valign": "top", "heading_size": "15pt",
                      "header": "{forum}<span>Åbent referat</span>{dato}", "footer": "<span>Side {n} af {nb}</span>"},
    # a narrower page: the labels sit in the middle of their wrapped values (HTML's default), the running
    # header is a stacked block of four lines, every punkt heading ends its page, so the running lines stand
    # between each heading and its body, and headings are letter-spaced (a line's length in characters then
    # says little about how wide it is printed)
    "browser_stacked": {"label_width": "30mm", "valign": "middle", "heading_size": "14pt", "margin": "32mm",
                        "header": "{forum}<br>Åbent referat<br>{dato}<br>Side {n}", "break_after_heading": True,
                        "heading_spacing": "0.06em"},
}  # fmt: skip

CSS = """
@font-face {{ font-family: Roboto; src: url(data:font/ttf;base64,{regular}); }}
@font-face {{ font-family: Roboto; font-weight: bold; src: url(data:font/ttf;base64,{bold}); }}
body {{ font-family: Roboto; font-size: 10pt; line-height: 1.35; margin: 0; }}
h1 {{ font-size: 17pt; margin: 0 0 8pt; }}
h2 {{ font-size: {heading_size}; margin: 16pt 0 6pt; }}
h2.punkt {{ {heading_break} letter-spacing: {heading_spacing}; }}
h3 {{ font-size: 10.5pt; margin: 10pt 0 3pt; }}
p {{ margin: 0 0 6pt; }}
table.felter {{ border-collapse: collapse; margin-bottom: 10pt; width: 100%; }}
table.felter th {{ width: {label_width}; text-align: left; vertical-align: {valign}; padding: 3pt 6pt 3pt 0; }}
table.felter td {{ vertical-align: {valign}; padding: 3pt 0; }}
table.tal {{ margin-bottom: 8pt; }}
table.tal td {{ padding: 1pt 10pt 1pt 0; }}
div.toc {{ display: flex; justify-content: space-between; align-items: flex-end; }}
div.toc span:last-child {{ padding-left: 12pt; }}
"""
RUNNING = ('<div style="font-family: Roboto; font-size: 8pt; width: 100%; margin: 0 {margin}; display: flex; '
           'justify-content: space-between;">{text}</div>')  # fmt: skip


@cache
def font_data(name: str) -> str:
    return base64.b64encode((FONTS / name).read_bytes()).decode()


def build_html(text: str, look_name: str) -> str:
    """The referat as the HTML page an agenda system would print."""
    look = LOOKS[look_name]
    css = CSS.format(regular=font_data("Roboto-Regular.ttf"), bold=font_data("Roboto-Bold.ttf"),
                     heading_break="break-after: page;" if look.get("break_after_heading") else "",
                     heading_spacing=look.get("heading_spacing", "normal"),
                     **{k: look[k] for k in ("label_width", "valign", "heading_size")})  # fmt: skip
    return f"<!doctype html><html lang=da><head><meta charset=utf-8><style>{css}</style></head><body>" \
           + "\n".join(html_blocks(text.strip("\n").split("\n"))) + "</body></html>"  # fmt: skip


def html_blocks(lines: list[str]) -> list[str]:
    """One HTML element per block of the export: title, header table, TOC, headings, tables, paragraphs."""
    out, fields, rows, preamble = [], [], [], True

    def flush() -> None:
        if fields:
            out.append('<table class="felter">' + "".join(fields) + "</table>")
        if rows:
            out.append('<table class="tal">' + "".join(rows) + "</table>")
        fields.clear(), rows.clear()

    for i, raw in enumerate(lines):
        line = raw.strip()
        preamble = preamble and not PUNKT_HEADING.match(line)
        if not line:
            continue
        if preamble and (field := p.HEADER_FIELD.match(line)) and h.canonical_label(field["label"]):
            fields.append(f"<tr><th>{esc(field['label'])}</th><td>{esc(field['value'])}</td></tr>")
            continue
        if "\t" in raw and not (preamble and p.TOC_ENTRY.match(line)):
            rows.append("<tr>" + "".join(f"<td>{esc(cell.strip())}</td>" for cell in raw.split("\t")) + "</tr>")
            continue
        flush()
        out.append(html_line(line, i == first_line(lines), preamble))
    flush()
    return out


def first_line(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if line.strip())


def html_line(line: str, first: bool, preamble: bool) -> str:
    if first:
        return f"<h1>{esc(line)}</h1>"
    if PUNKT_HEADING.match(line):
        return f'<h2 class="punkt">{esc(line)}</h2>'
    if preamble and line in p.TOC_HEADINGS:
        return f"<h2>{esc(line)}</h2>"
    if line in p.SECTION_LABELS:
        return f"<h3>{esc(line)}</h3>"
    if preamble and (entry := p.TOC_ENTRY.match(line)):
        printed = line[: entry.start("side")].rstrip("\t ")
        return f'<div class="toc"><span>{esc(printed)}</span><span>{entry["side"]}</span></div>'
    return f"<p>{esc(line)}</p>"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def running_lines(text: str, look: dict) -> dict:
    """Chromium's header and footer templates for this referat (forum and date from its title line)."""
    title = TITLE.match(next(line for line in text.split("\n") if line.strip()).strip())
    forum, dato = (title["forum"], title["dato"]) if title else ("", "")
    margin = look.get("margin", "20mm")
    page = '<span class="pageNumber"></span>'

    def template(key: str) -> str:
        if not look.get(key):
            return "<span></span>"
        filled = look[key].format(forum=f"<span>{esc(forum)}</span>", dato=f"<span>{dato}</span>", n=page,
                                  nb='<span class="totalPages"></span>')  # fmt: skip
        return RUNNING.format(margin=margin, text=filled if "<br>" not in filled else f"<div>{filled}</div>")

    return {"display_header_footer": True, "header_template": template("header"),
            "footer_template": template("footer")}  # fmt: skip


def build_pdfs(jobs: list[tuple[str, str]]) -> list[bytes]:
    """Print each (text, look) with one Chromium: a browser start costs more than a print."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            return [print_page(page, text, look_name) for text, look_name in jobs]
        finally:
            browser.close()


def print_page(page, text: str, look_name: str) -> bytes:
    look = LOOKS[look_name]
    page.set_content(build_html(text, look_name), wait_until="load")
    margin = look.get("margin", "20mm")
    top = "38mm" if "<br>" in (look.get("header") or "") else "22mm"
    return page.pdf(format="A4", margin={"top": top, "bottom": "20mm", "left": margin, "right": margin},
                    **running_lines(text, look))  # fmt: skip
