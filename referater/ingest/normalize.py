"""Text normalisation shared by every input format: undo what PDF printing does to text.

Safe on clean text exports: each rule only fires on a shape that clean text does not have
(a ligature character, a soft hyphen, a line ending in a hyphen, a bullet glyph, a wrapped
heading or TOC entry), so a clean .txt comes out unchanged.
"""

from __future__ import annotations

import re
import unicodedata

from ..parsers import patterns as p

# Compatibility decompositions that never change meaning: no-break/thin spaces, full-width and
# half-width forms, font variants. Superscripts, fractions and "…" are left alone ("m²" ≠ "m2").
SAFE_COMPAT_TAGS = {"<noBreak>", "<wide>", "<narrow>", "<font>"}
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))  # zero-width, BOM
SOFT_HYPHEN = p.SOFT_HYPHEN

# A bullet glyph at the start of a line, with or without the space after it.
BULLET = re.compile(r"^(?P<indent>[ \t]*)[•·▪●◦■□➢►‣⁃∙][ \t]*(?=\S)", re.M)
LONE_BULLET = re.compile(r"^(?P<indent>[ \t]*)[•·▪●◦■□➢►‣⁃∙][ \t]*\n[ \t]*(?=\S)", re.M)
TAB_BULLET = re.compile(r"^(?P<indent>[ \t]*)-\t+", re.M)

# "medarbejder-\nsiden": a word broken at a line end. Only letters on both sides qualify.
LINE_END_HYPHEN = re.compile(r"(?<!\w)(?P<left>\w+)-[ \t]*\n[ \t]*(?P<right>\w+)")
# "IT- og Digitalisering", "klima- og miljøledelse": a suspended compound, the hyphen is real.
SUSPENSION_WORDS = {"og", "eller", "samt", "og/eller", "el"}

# Heading forms with a word that says "heading" ("Punkt 3:", "Nr.142 -"): a wrapped one is joined back.
WRAPPABLE_HEADINGS = [pattern for name, pattern in p.HEADING_FORMS if name in {"punkt", "nr"}]
# A wrapped heading ends on a word that cannot end a title.
CONNECTIVE_END = re.compile(r"(?:\b(?:og|i|af|til|for|om|med|på|fra|ved|samt|eller|en|et|den|det|de)|[,&–-])$")
LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]\s|[-•·*]\s|[a-zæøå][.)]\s)")
# A line that ends in a URL cut at the margin, or in a word broken with a hyphen.
OPEN_URL = re.compile(r"(?:https?://|www\.)[^\s>)\]]*[^\s>)\].,;:]$")
BROKEN_WORD = re.compile(r"(?P<word>\w+)-$")
WORD = re.compile(r"\w+")


def normalize_text(text: str, hyphenates: bool = True) -> str:
    """Undo PDF artefacts in a whole document; e.g. "medarbejder-\\nsiden" → "medarbejdersiden".
    ``hyphenates=False`` for a PDF whose printer never hyphenates: a line-end hyphen then belongs to its word."""
    text = normalize_characters(text)
    text = join_soft_hyphens(text)
    text = join_hyphenated_words(text, hyphenates)
    text = normalize_bullets(text)
    lines = join_wrapped_toc_entries(text.split("\n"))
    lines = join_wrapped_headings(lines)
    return "\n".join(lines)


def normalize_characters(text: str) -> str:
    """NFC, ligatures and width/space variants to plain letters; invisible characters dropped."""
    return unicodedata.normalize("NFC", text).translate(COMPAT_TABLE)


class CompatTable(dict):
    """``str.translate`` table that works out each character's replacement once, on first sight."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        self[code] = None if code in INVISIBLE else safe_compat(ch) if code > 127 else ch
        return self[code]


COMPAT_TABLE = CompatTable()


def safe_compat(ch: str) -> str:
    """One character's NFKC form when that cannot change what the text means."""
    if ch in p.LIGATURES:
        return p.LIGATURES[ch]
    tag = unicodedata.decomposition(ch).split(" ", 1)[0]
    if tag in SAFE_COMPAT_TAGS or (tag == "<compat>" and unicodedata.category(ch) == "Zs"):
        return unicodedata.normalize("NFKC", ch)
    return ch


def join_soft_hyphens(text: str) -> str:
    """A soft hyphen at a line end joins the word; anywhere else it is invisible."""
    text = re.sub(SOFT_HYPHEN + r"[ \t]*\n[ \t]*", "", text)
    return text.replace(SOFT_HYPHEN, "")


def join_hyphenated_words(text: str, hyphenates: bool = True) -> str:
    """Re-join words hyphenated at a line end, using the document's own spelling when it has one."""
    vocabulary = set(re.findall(r"\w+(?:-\w+)*", text.lower()))

    def join(match: re.Match) -> str:
        left, right = match["left"], match["right"]
        return left + hyphen_join(left, right, vocabulary, hyphenates) + right

    return LINE_END_HYPHEN.sub(join, text)


def hyphen_join(left: str, right: str, vocabulary: set[str] = frozenset(), hyphenates: bool = True) -> str:
    """What goes between the two halves of a word broken as "left-" / "right": "", "-" or "- ".
    In a document whose printer does not hyphenate, the hyphen always belongs to the word ("Citrix-løsning")."""
    if right.lower() in SUSPENSION_WORDS:
        return "- "
    # "Projekt-\nTeam": a word never breaks where a small letter meets a capital, whatever else the text spells.
    if f"{left}-{right}".lower() in vocabulary or not hyphenates or (left[-1].islower() and right[0].isupper()):
        return "-"
    if f"{left}{right}".lower() in vocabulary:
        return ""
    # "IT-\nsikkerhed", "2024-\n2025", "Statens-\nVoksenuddannelse": the hyphen belongs to the word.
    if not left[-1].islower() or not right[0].islower():
        return "-"
    return ""


def normalize_bullets(text: str) -> str:
    """Every bullet glyph becomes "- ", including a bullet printed alone on its line."""
    text = LONE_BULLET.sub(r"\g<indent>- ", text)
    text = BULLET.sub(r"\g<indent>- ", text)
    return TAB_BULLET.sub(r"\g<indent>- ", text)


def join_wrapped_toc_entries(lines: list[str]) -> list[str]:
    """A TOC title wrapped over two lines ("… bedre, sikker og mere" / "tilgængelig … 12") is one line."""
    first_punkt = next((i for i, line in enumerate(lines) if is_punkt_heading(line)), len(lines))
    out: list[str] = []
    for line in lines[:first_punkt]:  # the TOC precedes the punkter; tables later look alike
        if out and p.TOC_ENTRY.match(line.strip()) and is_toc_fragment(out):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out + lines[first_punkt:]


def is_toc_fragment(previous: list[str]) -> bool:
    """The last line is an unfinished TOC title: inside the TOC, not an entry, not the TOC heading."""
    last = previous[-1].strip()
    if not last or "\t" in last or last in p.TOC_HEADINGS or p.TOC_ENTRY.match(last) or LIST_MARKER.match(last):
        return False
    before = previous[-2].strip() if len(previous) > 1 else ""
    return bool(p.TOC_ENTRY.match(before)) or before in p.TOC_HEADINGS or (not before and in_toc(previous))


def in_toc(previous: list[str]) -> bool:
    """True when the nearest heading above is the TOC heading (the first entry follows a blank line)."""
    for line in reversed(previous[:-2]):
        if line.strip():
            return line.strip() in p.TOC_HEADINGS
    return False


def join_wrapped_headings(lines: list[str]) -> list[str]:
    """A punkt heading wrapped onto the next line is joined back when the break is visibly mid-title."""
    out: list[str] = []
    for line in lines:
        if out and is_heading_continuation(out[-1], line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


def is_punkt_heading(line: str) -> bool:
    return any(pattern.match(line.strip()) for pattern in WRAPPABLE_HEADINGS)


def is_heading_continuation(heading: str, line: str) -> bool:
    """The line continues the heading above: it starts in lower case or the heading ends on "og"/"af"/","."""
    text = line.strip()
    if not text or not is_punkt_heading(heading) or LIST_MARKER.match(text) or p.TOC_ENTRY.match(text):
        return False
    if p.SAGSNUMMER_LABEL.match(text) or any(
        pattern.match(text) for skema, pattern in p.SAGSNUMMER_SCHEMES if skema in p.UNLABELLED_SCHEMES
    ):
        return False
    return text[0].islower() or bool(CONNECTIVE_END.search(heading.rstrip()))


def join_wrapped(text: str, right: str, vocabulary: frozenset[str], hyphenates: bool = True) -> str:
    """Join a wrapped line: with a space, or re-joining a word hyphenated (or a URL cut) at the margin."""
    text = text.rstrip()
    cut = max(text.rfind(" "), text.rfind("\n"), text.rfind("\t")) + 1  # only the last word matters
    last = text[cut:]
    broken, following = BROKEN_WORD.search(last), WORD.match(right)
    if OPEN_URL.search(last) or last.endswith(SOFT_HYPHEN):  # a cut URL; a printed discretionary hyphen
        return text.removesuffix(SOFT_HYPHEN) + right
    if broken and following:
        return text[:-1] + hyphen_join(broken["word"], following.group(), vocabulary, hyphenates) + right
    return f"{text} {right}"
