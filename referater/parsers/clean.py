"""Text → clean lines: page furniture, UI noise, ligatures and broken words handled before parsing.

Every removed line or fragment is returned as noise so a caller can show that nothing was lost.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import patterns as p
from .runon import page_numbers, split_lines

RUNNING_HEADER_MIN_REPEATS = 2  # a line printed on two pages or more is furniture, not content


@dataclass(frozen=True)
class Line:
    nummer: int  # 0-based index among the cleaned lines
    offset: int  # character offset of the source line in the text
    tekst: str
    run_on: bool = False  # cut out of a run-on paragraph (PDF transcripts): no blank lines around it

    @property
    def blank(self) -> bool:
        return not self.tekst.strip()


def clean_lines(text: str) -> tuple[list[Line], list[str]]:
    """Split text into cleaned lines that remember where they start, plus the noise removed.

    Run-on paragraphs of PDF transcripts are cut into the lines they once were (``runon``)."""
    raw = split_raw(normalise_characters(text))
    header = running_header(raw)
    paragraphs = page_numbers([line for _, line in raw])
    lines, noise = [], []
    for i, (offset, line) in enumerate(raw):
        kept, removed = strip_furniture(line, header, first=not lines)
        if i in paragraphs:  # "3 1. Title …", "… Kommune 1": the page number is furniture
            kept, offset = without_page_number(kept, offset, paragraphs[i])
            removed = removed + [paragraphs[i]["side"]]
        noise.extend(removed)
        lines.append((offset, kept))
    pieces, furniture = split_lines(join_broken_words(lines), paragraphs)
    noise.extend(furniture)
    return [Line(i, offset, tekst, run_on) for i, (offset, tekst, run_on) in enumerate(pieces)], noise


def without_page_number(text: str, offset: int, page) -> tuple[str, int]:
    """The paragraph without its page number (found in the stripped text), and where it now starts."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if page.start() == 0:
        return stripped[page.end() :], offset + lead + page.end()
    return text[: lead + page.start()], offset


def normalise_characters(text: str) -> str:
    """Ligatures spelled out, soft hyphens dropped, line ends unified."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(p.SOFT_HYPHEN, "")
    return text.translate(str.maketrans(p.LIGATURES))


def split_raw(text: str) -> list[tuple[int, str]]:
    lines, offset = [], 0
    for raw in text.split("\n"):
        lines.append((offset, raw.rstrip()))
        offset += len(raw) + 1
    return lines


def running_header(raw: list[tuple[int, str]]) -> str | None:
    """The document title when it is printed again on later pages ("X – Referat – 11. september 2025")."""
    counts = Counter(line.strip() for _, line in raw if line.strip())
    first = next((line.strip() for _, line in raw if line.strip()), None)
    if first and counts[first] >= RUNNING_HEADER_MIN_REPEATS and any(t.match(first) for t in p.TITLE_LINES):
        return first
    return None


def strip_furniture(line: str, header: str | None, first: bool) -> tuple[str, list[str]]:
    """Remove noise lines, repeated running headers and page furniture inside run-on lines."""
    text = line.strip()
    if p.NOISE_LINE.match(text) or ((table := p.TABLE_HEADER.match(text)) and table["first"].lower() not in p.SECTION_KINDS):
        return "", [text]
    if header and text == header and not first:
        return "", [text]
    removed = []
    if header and header in text and text != header:
        # "… 2 <header> …": the page number printed before the header goes with it
        pattern = re.compile(r"\s*(?:\b\d{1,3}\s+)?" + re.escape(header) + r"\s*")
        removed += [m.group().strip() for m in pattern.finditer(text)]
        text = pattern.sub(" ", text).strip()
    if p.PAGE_OF.search(text) and not p.PAGE_OF.fullmatch(text):
        removed += [m.group().strip() for m in p.PAGE_OF.finditer(text)]
        text = p.PAGE_OF.sub(" ", text).strip()
    if p.LETTER_SPACED.match(text):
        text = text.replace(" ", "")
    return (text if removed or text != line.strip() else line), removed


def join_broken_words(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """ "hæv-" + "ning af stien" → "hævning af stien"; the second line becomes blank."""
    out = list(lines)
    for i in range(len(out) - 1):
        offset, text = out[i]
        following = out[i + 1][1].strip()
        next_word = following.split(" ", 1)[0] if following else ""
        if p.BROKEN_WORD.search(text) and next_word[:1].islower() and next_word not in p.KEPT_HYPHEN_NEXT:
            out[i] = (offset, text[:-1] + following)
            out[i + 1] = (out[i + 1][0], "")
    return out
