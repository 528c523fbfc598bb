"""Run-on paragraphs of PDF transcripts → lines, so the rest of the parser reads them as any export.

A transcript prints a page as one paragraph: "3 1. Orientering: Title Sagsnr.: 25/4417 Beslutningstema Forvaltningen
orienterer …". The page number in front is page furniture; the labels inside (case-number and field labels,
section labels, a decision label with its body and date, a TOC heading, "Punkt: N") each start a line of
their own. A title that a run-on table of contents lists is cut off the text it is glued to.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from . import patterns as p
from .fields import parse_sagsnummer

RUN_ON_MIN = 160  # a line this long that holds labels is a paragraph of several lines run together
PAGE_PARAGRAPH_MIN = 80  # a page paragraph may be short (a cover page); half of them must be run-on
PAGE_PREFIX = re.compile(r"^(?P<side>\d{1,4})\s+(?=\S)")
PAGE_SUFFIX = re.compile(r"(?<=[^\d\s,:-])\s+(?P<side>\d{1,4})$")
RUN_ON_LABELS = 3  # a long line with this many labels is a paragraph of lines run together
MIN_TOC_TITLE = 10  # characters of a title cut off by the TOC (or two words)
MAX_TOC_WORDS = 40

_SECTION_WORDS = sorted(p.SECTION_LABELS, key=len, reverse=True)
_FIELDS = sorted(p.FIELD_LABELS, key=len, reverse=True)
_HEADER_FIELDS = sorted(p.HEADER_FIELDS, key=len, reverse=True)
# Where a run-on paragraph breaks: before each of these (a preceding space is required).
BREAK = re.compile(
    r"(?:(?<=\s)|^)(?:"
    + rf"(?P<beslutning>Beslutning\s+(?:(?:i|på)\s+)?[A-ZÆØÅ][\w\-æøå ]{{1,60}}?,?\s+(?:(?:den|d\.)\s+)?(?:{p.DATE_TEXT})\b:?)"
    + r"|(?P<punkt>(?:Dagsordens?punkt|Punkt|Pkt\.|Sag(?:\s+nr\.)?)\s*:?\s*\d{1,4}[.:]?(?=\s+[A-ZÆØÅ]))"
    + r"|(?P<initialer>[A-ZÆØÅ]{2,8}\s+/\s+\S+/\S+)"
    + r"|(?P<toc>" + "|".join(map(re.escape, p.RUN_ON_TOC_HEADINGS)) + r")(?=\s|$)"
    + r"|(?P<felt>(?:" + "|".join(map(re.escape, _FIELDS)) + r")(?::|(?=\s)))"
    + r"|(?P<hoved>(?:" + "|".join(map(re.escape, _HEADER_FIELDS)) + r"):)"
    + r"|(?P<afsnit>(?:" + "|".join(map(re.escape, _SECTION_WORDS)) + "|"
    + "|".join(re.escape(word.upper()) for word in _SECTION_WORDS) + r")(?::|(?=\s+[A-ZÆØÅ]|$)))"
    + r"|(?P<status>ÅBENT|LUKKET)(?=\s)"
    + r")"
)
# Labels whose text follows on the same line: the line also breaks after them.
ENDS_LABEL = {"beslutning", "initialer", "toc", "afsnit", "status"}
SENTENCE_END = (".", "!", "?")
LOOK_BACK = 80  # characters before a label that decide whether it cuts the line
LEADING_CASE_NUMBER = re.compile(r"^(?P<nummer>\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2})\s+(?=\S)")


def page_numbers(texts: list[str]) -> dict[int, re.Match]:
    """Paragraphs that carry their page number first or last ("3 1. Title …", "… Kommune 1"): long lines whose
    numbers there count 1, 2, 3 …; each with the match of its page number."""
    for pattern in (PAGE_PREFIX, PAGE_SUFFIX):
        numbered = [(i, m) for i, text in enumerate(texts)
                    if len(text) >= PAGE_PARAGRAPH_MIN and (m := pattern.search(text.strip()))]  # fmt: skip
        sides = [int(m["side"]) for _, m in numbered]
        counting = {i: m for k, (i, m) in enumerate(numbered)
                    if (k > 0 and sides[k - 1] == sides[k] - 1) or (k + 1 < len(sides) and sides[k + 1] == sides[k] + 1)}  # fmt: skip
        run_on = sum(len(texts[i]) >= RUN_ON_MIN for i in counting)
        if counting and run_on * 2 >= len(counting):
            return counting
    return {}


def split_run_on(text: str, paragraph: bool = False) -> list[tuple[int, str]]:
    """(offset in the line, text) of each piece of a run-on line; a line that is not run-on is one piece.

    A page paragraph of a transcript is split however short it is; another line when it is long, or when it
    starts with a case number ("00.22.02-A26-4-18 Beslutning Byrådet, 14.11.2016 …")."""
    if not paragraph and len(text) < RUN_ON_MIN and not text.lstrip()[:1].isdigit():
        return [(0, text)]  # most lines: short, and no case number in front
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    case = LEADING_CASE_NUMBER.match(stripped)
    long = paragraph or len(stripped) >= RUN_ON_MIN
    if not long and not case:
        return [(0, text)]
    cuts = {case.end()} if case else set()
    matches = list(BREAK.finditer(stripped))
    paragraph = paragraph or (len(stripped) >= RUN_ON_MIN and len(matches) >= RUN_ON_LABELS)
    for match in matches:
        before = stripped[max(0, match.start() - LOOK_BACK) : match.start()].rstrip()
        after_case = case is not None and match.start() <= case.end()
        if not paragraph and before and not before.endswith(SENTENCE_END) and not after_case:
            continue  # inside a paragraph of prose a label only counts after a full stop
        if match.lastgroup == "afsnit" and in_capitals(before, match.group()):
            continue  # "HANDICAPPOLITIK - HØRING": a label word inside a title in capitals
        cuts.add(match.start())
        if match.lastgroup in ENDS_LABEL:
            cuts.add(match.end())
    bounds = sorted(cut for cut in cuts if 0 < cut < len(stripped))
    pieces, start = [], 0
    for cut in [*bounds, len(stripped)]:
        piece = stripped[start:cut]
        if piece.strip():
            pieces.append((lead + start + len(piece) - len(piece.lstrip()), piece.strip()))
        start = cut
    return pieces


def split_lines(lines: list[tuple[int, str]], paragraphs: Collection[int]) -> tuple[list[tuple[int, str, bool]], list[str]]:
    """(offset, text, run_on) of every line once run-on lines are cut into pieces and TOC titles cut loose,
    and the running page headers removed (the same first piece on two page paragraphs or more)."""
    split = [split_run_on(text, i in paragraphs) for i, (_, text) in enumerate(lines)]
    toc = toc_text(split)
    header = running_header([split[i] for i in sorted(paragraphs)])
    out, noise = [], []
    for i, ((offset, text), pieces) in enumerate(zip(lines, split, strict=True)):
        if i in paragraphs and header and len(pieces) > 1 and pieces[0][1] == header:
            noise.append(header)
            pieces = pieces[1:]
        if len(pieces) == 1 and pieces[0] == (0, text):
            out.append((offset, text, False))
            continue
        for k, (at, piece) in enumerate(pieces):
            following = pieces[k + 1][1] if k + 1 < len(pieces) else ""
            cut = toc_title_at_end(piece, toc) if toc and titled_before(piece, following) else None
            if cut:
                out += [(offset + at, piece[: cut - 1], True), (offset + at + cut, piece[cut:], True)]
            else:
                out.append((offset + at, piece, True))
    return out, noise


def running_header(paragraphs: list[list[tuple[int, str]]]) -> str | None:
    """The first piece that opens two page paragraphs or more ("Økonomiudvalget" before "Punkt: 2")."""
    firsts = Counter(pieces[0][1] for pieces in paragraphs if len(pieces) > 1)
    header, count = firsts.most_common(1)[0] if firsts else (None, 0)
    return header if count >= 2 else None


def titled_before(piece: str, following: str) -> bool:
    """A piece where a title may end: a labelled field ("Sagsbehandler: Ane Holm Title") or the text
    before a case-number piece."""
    if parse_sagsnummer(piece) is not None or any(form.match(piece) for _, form in p.HEADING_FORMS):
        return False  # a case number; a heading whose title is already on its own
    return bool(p.FIELD_LINE.match(piece)) or parse_sagsnummer(following) is not None


def in_capitals(before: str, label: str) -> bool:
    """An upper-case label right after an upper-case word that is no label of its own."""
    words = [word for word in before.split() if any(ch.isalpha() for ch in word)]
    last = words[-1] if words else ""
    return label.isupper() and len(last) > 1 and last.isupper() and not BREAK.fullmatch(last)


def toc_text(split: list[list[tuple[int, str]]]) -> str:
    """The pieces after a TOC heading piece, to the end of its paragraph: a run-on table of contents."""
    for pieces in split:
        texts = [piece for _, piece in pieces]
        heading = next((k for k, text in enumerate(texts) if text in p.TOC_HEADINGS and len(texts) > 1), None)
        if heading is not None:
            return " ".join(" ".join(texts[heading + 1 :]).split())
    return ""


def toc_title_at_end(piece: str, toc: str) -> int | None:
    """Where a title listed in the run-on TOC starts at the end of a piece ("Sagsbehandler: Ane Holm Meddelelser")."""
    words = piece.split(" ")
    for k in range(max(1, len(words) - MAX_TOC_WORDS), len(words)):
        tail = " ".join(words[k:])
        if tail[:1].isupper() and (len(tail) >= MIN_TOC_TITLE or len(words) - k >= 2) and tail in toc:
            return len(" ".join(words[:k])) + 1
    return None
