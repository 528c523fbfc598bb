"""Every line that could start a punkt, with the evidence found around it.

A candidate is a heading in one of the forms of ``patterns.HEADING_FORMS``, a title over "Sag nr. N", a
case-number line, an "Åben"/"Lukket" marker, a line where the section labels start again, or a line that
repeats a TOC title. Its local evidence (title in the TOC, a case number or section labels just below, a
blank line above, a list around it) is scored here; ``segment`` adds what depends on the neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from . import patterns as p
from .clean import Line
from .fields import decode_sagsnummer, parse_sagsnummer
from .toc import Toc, clean_title

# What each kind of evidence is worth, and how a user reads it (Punkt.grundlag).
FORM_WEIGHTS = {"punkt": 3.0, "nr": 3.0, "sag_nr": 3.0, "punkt_alene": 2.0, "tal": 1.0, "mellemrum": 0.5,
                "klistret": 0.5, "status": 1.0, "sagsnummer": 1.0, "sektioner": 0.5, "toc_titel": 0.5}  # fmt: skip
FORM_NAMES = {
    "punkt": "overskrift 'Punkt N Titel'", "nr": "overskrift 'Nr. N - Titel'", "sag_nr": "titel over 'Sag nr. N'",
    "punkt_alene": "overskrift 'Punkt: N' med titlen længere nede", "tal": "overskrift 'N. Titel'",
    "mellemrum": "overskrift 'N Titel'", "klistret": "overskrift 'NTitel'", "status": "linjen 'Åben'/'Lukket'",
    "sagsnummer": "sagsnummerlinje", "sektioner": "afsnittene begynder forfra",
    "toc_titel": "titel fra indholdsfortegnelsen",
}  # fmt: skip
EVIDENCE = {  # name → (weight, what the user reads; None: not shown)
    "toc_titel": (2.5, "titlen står i indholdsfortegnelsen"),
    "toc_nummer": (1.0, "nummeret står i indholdsfortegnelsen"),
    "ikke_i_toc": (-2.5, None),
    "sagsnummer": (1.5, "sagsnummer ved overskriften"),
    "afsnit": (1.5, "afsnitsoverskrifter lige under"),
    "frit": (0.5, "tom linje over"),
    "liste": (-2.5, None),
    "daarlig_titel": (-2.0, None),
    "uden_titel": (-0.5, None),
}
WEAK_FORMS = {"tal", "mellemrum", "klistret", "toc_titel"}  # forms a numbered list in a text also has
SPLIT_SCHEMES = {"kle", "kommunekode_aar_loebenr", "aar_loebenr", "region"}  # bare numbers that may start a punkt
NEAR = 4  # filled lines below a heading where its case number and section labels are looked for
TITLE_BELOW = 8  # filled lines below "Punkt: N" where its title is looked for
LIST_END = (":", ",")
CACHE_SIZE = 8192  # line texts whose form, label kind and shape are remembered (a line is asked about often)  # a line ending so introduces a list, not a punkt


@dataclass(frozen=True)
class Candidate:
    line: int  # the line that makes it a candidate
    start: int  # first line of the punkt (a case number printed above the heading counts)
    heading: tuple[int, ...]  # lines printed as the heading: never part of the body
    nummer: int | None
    titel: str
    lukket: bool
    form: str
    evidence: tuple[str, ...] = ()
    score: float = 0.0

    @cached_property
    def end_of_heading(self) -> int:
        return max((self.line, *self.heading)) + 1


def find_candidates(lines: list[Line], toc: Toc) -> list[Candidate]:
    """Every candidate after the TOC, in document order, each with its local evidence scored."""
    first = toc.span[1] if toc.span else 0
    found: list[Candidate] = []
    restart = SectionRestart()
    for line in lines[first:]:
        if line.blank:
            continue
        found += line_candidates(lines, line, toc, restart, first)
    return sorted((scored(lines, c, toc) for c in found), key=lambda c: (c.start, c.line))


def line_candidates(lines: list[Line], line: Line, toc: Toc, restart: SectionRestart, first: int) -> list[Candidate]:
    """The candidates one line gives (a case-number line can start a punkt and be a heading's neighbour)."""
    text = line.tekst.strip()
    if (sag := parse_sagsnummer(text)) is not None:
        return [case_number_candidate(lines, line, first, toc)] if splits(sag, text) and not under_label(lines, line) else []
    if p.SAGSNUMMER_LABEL_ALONE.match(text) and (after := next_filled(lines, line.nummer)) is not None \
            and decode_sagsnummer(lines[after].tekst.strip()) is not None:  # fmt: skip
        return [case_number_candidate(lines, line, first, toc)]
    if match := p.NUMBER_AFTER_TITLE.match(text):
        before = previous_filled(lines, line.nummer, first)
        if before is not None:
            titel, lukket = clean_title(lines[before].tekst)
            return [Candidate(before, before, (before, line.nummer), int(match["nummer"]), titel, lukket, "sag_nr")]
    if heading := form_candidate(lines, line, first):
        return [heading]
    if status := p.STATUS_LINE.match(text):
        return [status_candidate(lines, line, status["status"].lower() in p.CLOSED_STATUS)]
    if (kind := section_kind(text)) is not None:
        return [c for c in [restart.see(lines, line, kind, first)] if c is not None]
    if toc.span and is_title_shaped(text) and toc.has_title(clean_title(text)[0]):
        return [toc_title_candidate(line, toc)]
    return []


def under_label(lines: list[Line], line: Line) -> bool:
    """The number under "Sagsnummer" alone: the label line is the candidate."""
    before = previous_filled(lines, line.nummer)
    return before is not None and bool(p.SAGSNUMMER_LABEL_ALONE.match(lines[before].tekst.strip()))


def splits(sag, text: str) -> bool:
    """A labelled case number, or a bare one in a form that cannot be anything else."""
    return sag.skema in SPLIT_SCHEMES or bool(p.SAGSNUMMER_LABEL.match(text))


def form_candidate(lines: list[Line], line: Line, first: int) -> Candidate | None:
    """A heading in one of the declared forms; its title may wrap, repeat, or (\"Punkt: N\") stand below."""
    text = line.tekst.strip()
    for form, pattern in p.HEADING_FORMS:
        if match := pattern.match(text):
            heading = [line.nummer]
            if form == "punkt_alene":
                below = title_below(lines, line.nummer)
                titel, lukket = clean_title(lines[below].tekst) if below is not None else ("", False)
                heading += [below] if below is not None else []
            else:
                wrapped = continuation(lines, line.nummer)
                titel, lukket = clean_title(" ".join([match["titel"], *(lines[i].tekst for i in wrapped)]))
                heading += wrapped + repeated_title(lines, heading[-1], titel)
            lukket = lukket or (match.groupdict().get("status") or "").lower() == "lukket"
            start = case_number_above(lines, line.nummer, first)
            if (marker := status_above(lines, start, first)) is not None:  # "Lukket" over the heading
                start, heading, lukket = marker[0], [marker[0], *heading], lukket or marker[1]
            return Candidate(line.nummer, start, tuple(heading), int(match["nummer"]), titel, lukket, form)
    return None


def status_above(lines: list[Line], index: int, floor: int) -> tuple[int, bool] | None:
    """An "Åben"/"Lukket" line right above a heading: its line, and whether it closes the punkt."""
    before = previous_filled(lines, index, floor)
    status = p.STATUS_LINE.match(lines[before].tekst.strip()) if before is not None else None
    return (before, status["status"].lower() in p.CLOSED_STATUS) if status else None


def case_number_candidate(lines: list[Line], line: Line, first: int, toc: Toc) -> Candidate:
    """A case-number line; its title is the title-shaped line after it, else the one before (standing apart,
    not the last line of the punkt before), else none."""
    after, before = next_filled(lines, line.nummer), previous_filled(lines, line.nummer, first)
    if after is not None and is_title_shaped(lines[after].tekst):
        titel, lukket = clean_title(lines[after].tekst)
        return Candidate(line.nummer, line.nummer, (after,), None, titel, lukket, "sagsnummer")
    title_before = before is not None and (before == 0 or lines[before - 1].blank or lines[before].run_on)
    if title_before and (is_title_shaped(lines[before].tekst) or is_toc_title(lines[before].tekst, toc)):
        titel, lukket = clean_title(lines[before].tekst)
        return Candidate(line.nummer, before, (before,), None, titel, lukket, "sagsnummer")
    return Candidate(line.nummer, line.nummer, (), None, "", False, "sagsnummer")


def status_candidate(lines: list[Line], line: Line, lukket: bool) -> Candidate:
    """ "Åben" / "Lukket" alone on a line; a title-shaped line right under it is the title."""
    after = next_filled(lines, line.nummer)
    if after is not None and is_title_shaped(lines[after].tekst):
        titel, closed = clean_title(lines[after].tekst)
        return Candidate(line.nummer, line.nummer, (line.nummer, after), None, titel, lukket or closed, "status")
    return Candidate(line.nummer, line.nummer, (line.nummer,), None, "", lukket, "status")


def toc_title_candidate(line: Line, toc: Toc) -> Candidate:
    titel, lukket = clean_title(line.tekst)
    nummer = toc.numbered.get(titel.lower())
    return Candidate(line.nummer, line.nummer, (line.nummer,), nummer, titel, lukket, "toc_titel")


class SectionRestart:
    """Where the section labels start again: "Resume … Beslutning" then "Resume" is a new punkt."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.last_rank: int | None = None

    def see(self, lines: list[Line], line: Line, kind: str, first: int) -> Candidate | None:
        rank = p.SECTION_ORDER.get(kind, 2)
        found = None
        if self.last_rank is None or kind in self.seen or rank < self.last_rank:
            before = previous_filled(lines, line.nummer, first)
            if before is not None and is_title_shaped(lines[before].tekst):
                titel, lukket = clean_title(lines[before].tekst)
                found = Candidate(line.nummer, before, (before,), None, titel, lukket, "sektioner")
            else:
                found = Candidate(line.nummer, line.nummer, (), None, "", False, "sektioner")
            self.seen = set()
        self.seen.add(kind)
        self.last_rank = rank
        return found


# --- local evidence ------------------------------------------------------------------------------


def scored(lines: list[Line], c: Candidate, toc: Toc) -> Candidate:
    """The candidate with its local evidence and score."""
    found = [name for name, present in local_evidence(lines, c, toc) if present]
    score = FORM_WEIGHTS[c.form] + sum(EVIDENCE[name][0] for name in found)
    return Candidate(c.line, c.start, c.heading, c.nummer, c.titel, c.lukket, c.form, tuple(found), score)


def local_evidence(lines: list[Line], c: Candidate, toc: Toc) -> list[tuple[str, bool]]:
    below = filled_after(lines, c.end_of_heading - 1, NEAR, skip_fields=True)
    in_toc = bool(c.titel) and toc.span is not None and toc.has_title(c.titel)
    return [
        ("toc_titel", in_toc and c.form != "toc_titel"),
        ("toc_nummer", c.nummer is not None and c.nummer in toc.numbers),
        ("ikke_i_toc", c.form in WEAK_FORMS and bool(toc.entries) and not in_toc and c.nummer not in toc.numbers),
        ("sagsnummer", c.form != "sagsnummer" and any(is_case_line(lines[i]) for i in [*range(c.start, c.end_of_heading), *below])),
        ("afsnit", c.form != "sektioner" and any(section_kind(lines[i].tekst) for i in own_lines(lines, c, below))),
        ("frit", c.form != "sektioner" and (c.start == 0 or lines[c.start - 1].blank)),
        ("liste", c.form in WEAK_FORMS and in_list(lines, c.start)),
        ("daarlig_titel", bool(c.titel) and not is_title_text(c.titel)),
        ("uden_titel", not c.titel),
    ]


def own_lines(lines: list[Line], c: Candidate, below: list[int]) -> list[int]:
    """The lines below a candidate; below a case-number line up to the next case number (another punkt's), below
    a weak heading up to the next line in its form."""
    own = []
    for i in below:
        if c.form == "sagsnummer" and i != c.line and is_case_line(lines[i]):
            break
        if c.form in WEAK_FORMS and next_number(lines[i].tekst, c):
            break  # the next item of a numbered list
        own.append(i)
    return own


def next_number(text: str, c: Candidate) -> bool:
    """The line is in the candidate's form with the number after the candidate's."""
    pattern = dict(p.HEADING_FORMS).get(c.form)
    match = pattern.match(text.strip()) if pattern is not None and c.nummer is not None else None
    return match is not None and int(match["nummer"]) == c.nummer + 1


def in_list(lines: list[Line], index: int) -> bool:
    """The line above (blank lines between or not) introduces a list, or is a numbered line indented as this one."""
    before = previous_filled(lines, index)
    if before is None:
        return False
    above = lines[before].tekst
    if above.strip().endswith(LIST_END):
        return True
    same_indent = indent(above) == indent(lines[index].tekst)
    return same_indent and heading_form(above.strip()) in WEAK_FORMS


def indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def is_title_text(titel: str) -> bool:
    """A title does not end a list item's way and is not a paragraph."""
    return len(titel) <= p.TITLE_MAX_LENGTH and not titel.endswith((",", ";")) and not titel[0].islower()


# --- small helpers shared with segment -------------------------------------------------------------


@lru_cache(maxsize=CACHE_SIZE)
def section_kind(text: str) -> str | None:
    """The kind of a known section label line, or None."""
    label = text.strip().rstrip(":").strip().lower()
    if label in p.SECTION_KINDS:
        return p.SECTION_KINDS[label]
    return "beslutning" if any(form.match(p.LABEL_BULLET.sub("", text.strip())) for form in p.DECISION_LABELS) else None


@lru_cache(maxsize=CACHE_SIZE)
def heading_form(text: str) -> str | None:
    """The heading form a line is printed in ("00.01.00-A00-12-25" is a case number, not punkt 0)."""
    text = text.strip()
    form = next((name for name, pattern in p.HEADING_FORMS if pattern.match(text)), None)
    return form if form is not None and parse_sagsnummer(text) is None else None


def is_case_line(line: Line) -> bool:
    return not line.blank and parse_sagsnummer(line.tekst) is not None


@lru_cache(maxsize=CACHE_SIZE)
def is_field(text: str) -> bool:
    """ "Sagsbehandler: Ane Holm", "Mødedato:": a labelled field, not a title."""
    return bool(p.FIELD_LINE.match(text.strip()))


@lru_cache(maxsize=CACHE_SIZE)
def is_title_shaped(text: str) -> bool:
    """Short, starts with a capital or digit, no closing punctuation: the shape of a punkt title."""
    text = text.strip()
    shaped = bool(text) and len(text) <= p.HEADING_MAX_LENGTH and not text.endswith(p.HEADING_END_PUNCTUATION) \
        and (text[0].isupper() or text[0].isdigit()) and section_kind(text) is None  # fmt: skip
    return shaped and text not in p.NOT_HEADINGS and not is_other_line(text)


def is_toc_title(text: str, toc: Toc) -> bool:
    """A title the TOC lists, however long (a run-on TOC keeps titles of two sentences)."""
    text = text.strip()
    return bool(text) and text[0].isupper() and len(text) <= p.TITLE_MAX_LENGTH and toc.has_title(text) \
        and section_kind(text) is None and not is_other_line(text)  # fmt: skip


def is_other_line(text: str) -> bool:
    """A case number, a labelled field, an indstilling point or a heading: a line that is never a bare title."""
    return parse_sagsnummer(text) is not None or is_field(text) or bool(p.INDSTILLING_POINT.match(text)) \
        or heading_form(text) is not None  # fmt: skip


def continuation(lines: list[Line], index: int) -> list[int]:
    """A heading's title wrapped onto the next line: that line (no blank between) starts in lower case."""
    if index + 1 >= len(lines) or lines[index].tekst.rstrip().endswith(p.HEADING_END_PUNCTUATION):
        return []
    following = lines[index + 1].tekst.strip()
    wrapped = following[:1].islower() and len(following) <= p.HEADING_MAX_LENGTH and not p.INDSTILLING_POINT.match(following)
    return [index + 1] if wrapped and not lines[index + 1].run_on else []


def repeated_title(lines: list[Line], index: int, titel: str) -> list[int]:
    """The title printed again under the heading (after its case number, maybe): part of the heading."""
    for i in filled_after(lines, index, 3):
        text = lines[i].tekst.strip()
        if titel and clean_title(text)[0] == titel:
            return [i]
        if parse_sagsnummer(text) is None:
            return []
    return []


def title_below(lines: list[Line], index: int) -> int | None:
    """The title under a "Punkt: N" line: the first line after its labelled fields and case number."""
    for i in filled_after(lines, index, TITLE_BELOW):
        text = lines[i].tekst.strip()
        if is_field(text) or parse_sagsnummer(text) is not None:
            continue
        return i if is_title_shaped(text) else None
    return None


def case_number_above(lines: list[Line], index: int, floor: int) -> int:
    """Start of a heading's punkt: a case number printed above it belongs to it."""
    before = previous_filled(lines, index, floor)
    if before is None:
        return index
    return before if parse_sagsnummer(lines[before].tekst.strip()) is not None else index


def filled_after(lines: list[Line], index: int, count: int, skip_fields: bool = False) -> list[int]:
    """The next count non-blank lines; with skip_fields, labelled fields ("Sagsbeh. …") come on top."""
    found, fields = [], 0
    for i in range(index + 1, len(lines)):
        if lines[i].blank:
            continue
        found.append(i)
        fields += skip_fields and is_field(lines[i].tekst) and fields < TITLE_BELOW
        if len(found) == count + fields:
            break
    return found


def previous_filled(lines: list[Line], index: int, floor: int = 0) -> int | None:
    return next((i for i in range(index - 1, floor - 1, -1) if not lines[i].blank), None)


def next_filled(lines: list[Line], index: int) -> int | None:
    return next((i for i in range(index + 1, len(lines)) if not lines[i].blank), None)
