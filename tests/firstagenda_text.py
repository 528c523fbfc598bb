"""Our own text rendering of a FirstAgenda meeting JSON, made as ../shared/real/frister/README.md describes
the printed form of such a meeting: a header (committee, Referat/Dagsorden, Mødedato, Mødetidspunkt,
Mødested), then per item a blank line, "N. Title", "Sagsnr.: …" and the item's HTML as lines (headings,
paragraphs and divs on their own lines, "<br>" ends a line, list items as "- ", table rows joined by " | ").

Written apart from referater/ingest/exports/html.py on purpose: the test compares two independent readings.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

LINE_TAGS = {"p", "div", "li", "ul", "ol", "tr", "table", "br", "h1", "h2", "h3", "h4", "h5", "h6"}


class Printer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.current, self.cells, self.in_cell = [], "", None, False

    def end_line(self):
        line = re.sub(r"\s+", " ", self.current.replace("\xa0", " ")).strip()
        if line:
            self.out.append(line)
        self.current = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self.in_cell, self.current = True, ""
        elif self.in_cell:
            self.current += " "
        elif tag == "tr":
            self.end_line()
            self.cells = []
        elif tag in LINE_TAGS:
            self.end_line()
            self.current = "- " if tag == "li" else ""

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.cells.append(re.sub(r"\s+", " ", self.current.replace("\xa0", " ")).strip())
            self.in_cell, self.current = False, ""
        elif tag == "tr":
            self.out += [" | ".join(c for c in self.cells if c)] if any(self.cells) else []
            self.cells = None
        elif not self.in_cell and tag in LINE_TAGS:
            self.end_line()

    def handle_data(self, data):
        self.current += data


def item_lines(html: str) -> list[str]:
    printer = Printer()
    printer.feed(html or "")
    printer.close()
    printer.end_line()
    return printer.out


def render(meeting: dict) -> str:
    moede = meeting["Moede"]
    year, month, day = moede["Dato"][:10].split("-")
    lines = [meeting["Udvalg"]["Navn"], "Referat" if moede.get("Afsluttet") else "Dagsorden",
             f"Mødedato: {day}-{month}-{year}", f"Mødetidspunkt: {moede['Dato'][11:16]}", f"Mødested: {moede['Sted']}"]
    for item in meeting["Dagsordenpunkter"]:
        lines += ["", f"{item['Punktnummer']}. {' '.join(item['Navn'].split())}"]
        lines += [f"Sagsnr.: {item['SagsNummer']}"] if item.get("SagsNummer") else []
        lines += [line for felt in item["Felter"] for line in item_lines(felt["Html"])]
    return "\n".join(lines) + "\n"
