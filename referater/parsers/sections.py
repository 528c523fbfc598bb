"""A punkt's body → sections by their labels, and the deciding body's own decision apart from the trail.

The decision is found by its label wherever it stands (first, after the Indstilling, before the
Sagsfremstilling), never by section order. Earlier bodies' quoted recommendations become Behandling rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Afsnit, Behandling, Delbeslutning
from . import patterns as p
from .clean import Line
from .fields import parse_indstilling, parse_tidsramme, parse_udfald
from .header import parse_date

UNTITLED_SECTION = "(uden overskrift)"


@dataclass(frozen=True)
class Section:
    navn: str  # the label as printed
    kind: str  # what the label means: "indstilling", "beslutning", … or "oevrigt"
    lines: tuple[Line, ...]
    organ: str | None = None  # whose decision a decision label names
    dato: str | None = None

    @property
    def tekst(self) -> str:
        return "\n".join(line.tekst for line in self.lines)


@dataclass(frozen=True)
class Decision:
    tekst: str | None
    delbeslutninger: tuple[Delbeslutning, ...]
    behandling: tuple[Behandling, ...]
    organ: str | None = None  # the deciding body and date named in the decision's label
    dato: str | None = None


def split_sections(all_lines: list[Line], body: list[Line]) -> list[Section]:
    """Group the body lines (non-blank) under the label line that precedes them."""
    groups: list[tuple[Section, list[Line]]] = []  # lists while building: a long section stays linear
    for line in body:
        current = Section(groups[-1][0].navn, groups[-1][0].kind, tuple(groups[-1][1][:1])) if groups else None
        label = section_label(line, all_lines, current) or inline_label(line, current)
        if label is not None:
            groups.append((label, list(label.lines)))
        elif groups:
            groups[-1][1].append(line)
        else:
            groups.append((Section(UNTITLED_SECTION, "oevrigt", ()), [line]))
    return [Section(s.navn, s.kind, tuple(lines), s.organ, s.dato) for s, lines in groups]


def section_label(line: Line, all_lines: list[Line], current: Section | None) -> Section | None:
    """A new Section when the line is a label: known, a decision label, or heading-shaped outside lists."""
    text = line.tekst.strip()
    if current is not None and current.navn.lower() in p.VALUE_SECTIONS and not current.lines:
        return None  # "Punkttype" / "Beslutning": the line under a value label is its value
    if (known := known_label(text)) is not None:
        return known
    if (bulleted := bulleted_label(line, all_lines)) is not None:
        return bulleted
    if p.INDSTILLER_LABEL.match(text) and (current is None or current.kind not in p.RECOMMENDATION_SECTIONS):
        return Section(text, "indstilling", ())  # "Forretningsudvalget indstiller," over its "at …" points
    if current is not None and current.kind == "beslutning" and p.ATTENDANCE_LINE.match(text):
        return None  # "Afbud: Sanne Krog (V)" inside a decision block belongs to it
    if current is not None and current.kind in p.CLOSED_SECTIONS:
        return None
    return Section(text, "oevrigt", ()) if is_heading_shaped(line, all_lines) else None


def bulleted_label(line: Line, all_lines: list[Line]) -> Section | None:
    """ "  • Resumé" over a blank line and a body: a viewer's bulleted label.

    A bulleted list item has no blank line after it, or, where a printer spaces its items, another item next.
    """
    text = line.tekst.strip()
    label = p.LABEL_BULLET.sub("", text)
    apart = line.nummer + 1 >= len(all_lines) or all_lines[line.nummer + 1].blank
    if label == text or not apart or (kind := p.SECTION_KINDS.get(label.rstrip(":").lower())) is None:
        return None
    following = next((later.tekst.strip() for later in all_lines[line.nummer + 1 :] if not later.blank), "")
    if p.LABEL_BULLET.match(following) and not known_label(following):
        return None  # the next item of a spaced list ("- Præsentation", "- Metode", …)
    return Section(text, kind, ())


def known_label(text: str) -> Section | None:
    """A declared section label or decision label; a decision label may name its body and date."""
    if (kind := p.SECTION_KINDS.get(text.rstrip(":").strip().lower())) is not None:
        return Section(text, kind, ())
    if (table := p.TABLE_HEADER.match(text)) and (kind := p.SECTION_KINDS.get(table["first"].lower())):
        return Section(text, kind, ())  # "Bilag Funktioner": the attachments table's header
    label = p.LABEL_BULLET.sub("", text)  # "• Beslutning i Byrådet den …": the name keeps the bullet as printed
    for form in p.DECISION_LABELS:
        if match := form.match(label):
            parts = match.groupdict()
            return Section(text, "beslutning", (), parts.get("organ"), parse_date(parts.get("dato") or ""))
    return None


def inline_label(line: Line, current: Section | None = None) -> Section | None:
    """ "Beslutning: Godkendt." → a Beslutning section whose first line is "Godkendt."."""
    match = p.INLINE_LABEL.match(line.tekst.strip())
    if current is not None and current.kind == "beslutning" and p.ATTENDANCE_LINE.match(line.tekst.strip()):
        return None
    if match is None:
        return None
    label = known_label(match["label"])
    if label is None:
        return None
    rest = Line(line.nummer, line.offset + match.start("rest"), match["rest"])
    return Section(f"{match['label']}:", label.kind, (rest,), label.organ, label.dato)


def is_heading_shaped(line: Line, lines: list[Line]) -> bool:
    """Short, capitalised, unpunctuated, alone between blank lines, not a list item or table row."""
    text = line.tekst.strip()
    if len(text) > p.HEADING_MAX_LENGTH or text.endswith(p.HEADING_END_PUNCTUATION) or "\t" in text:
        return False
    if not text[0].isupper() or text.startswith(("- ", "(")) or text in p.NOT_HEADINGS:
        return False
    before = lines[line.nummer - 1] if line.nummer > 0 else None
    after = lines[line.nummer + 1] if line.nummer + 1 < len(lines) else None
    return (before is None or before.blank) and (after is None or after.blank)


def section_text(sections: list[Section], kinds: set[str]) -> str:
    """The text of every section of the given kinds, joined."""
    return "\n".join(s.tekst for s in sections if s.kind in kinds)


def read_sections(sections: list[Section], forum: str | None, dato: str | None) -> dict:
    """The Punkt fields a punkt's sections give: afsnit, indstilling, this meeting's decision, trail, udfald.

    One reading for every source: the parser's punkter and an agenda export's items mean the same thing.
    """
    afsnit = tuple(Afsnit(s.navn, s.tekst) for s in sections)
    indstiller, indstillinger = parse_indstilling(recommendation_text(sections, forum))
    decision = find_decision(sections, forum, dato)
    udfald_text = decision.delbeslutninger[0].tekst if decision.delbeslutninger else decision.tekst
    return {
        "afsnit": afsnit, "indstiller": indstiller, "indstillinger": indstillinger,
        "tidsramme_min": parse_tidsramme(afsnit), "beslutning": decision.tekst,
        "udfald": parse_udfald(udfald_text, indstillinger), "behandling": decision.behandling,
        "delbeslutninger": decision.delbeslutninger, "beslutningsorgan": decision.organ,
        "beslutningsdato": decision.dato,
    }  # fmt: skip


def recommendation_text(sections: list[Section], forum: str | None) -> str:
    """The Indstilling's text, without an unlabelled decision that follows it; a label that is itself the
    sentence's start ("Forretningsudvalget indstiller,") comes first."""
    texts: list[str] = []
    for section in sections:
        if section.kind in p.RECOMMENDATION_SECTIONS:
            split = unlabelled_decision_start(section, forum)
            texts += [section.navn] if p.INDSTILLER_LABEL.match(section.navn) else []
            texts += [line.tekst for line in section.lines[:split]]
    return "\n".join(texts)


def unlabelled_decision_start(section: Section, forum: str | None) -> int:
    """Index of the paragraph after the indstilling that is a decision ("Godkendt.", "X godkendte …")."""
    for i, line in enumerate(section.lines):
        new_paragraph = i > 0 and line.nummer > section.lines[i - 1].nummer + 1
        if new_paragraph and is_decision_sentence(line.tekst.strip(), forum):
            return i
    return len(section.lines)


def is_decision_sentence(text: str, forum: str | None) -> bool:
    if p.UNLABELLED_DECISION.match(text):
        return True
    return bool(forum and text.startswith(forum) and p.PAST_TENSE_DECISION.match(text[len(forum):]))


def find_decision(sections: list[Section], forum: str | None, dato: str | None) -> Decision:
    """This meeting's decision, its per-point parts, and the trail of earlier bodies' recommendations."""
    own: list[str] = []
    trail: list[Behandling] = []
    label: Section | None = None
    for section in sections:
        if section.kind == "beslutning" and is_own(section.organ, section.dato, forum, dato):
            own.extend(split_trail(section.lines, forum, dato, trail))
            label = label or section
        elif section.kind == "beslutning" and joined(section.lines):  # a later body's label left empty is no step
            trail.append(Behandling(section.organ, section.dato, None, joined(section.lines)))
        elif section.kind in p.RECOMMENDATION_SECTIONS:
            start = unlabelled_decision_start(section, forum)
            own.extend(split_trail(section.lines[start:], forum, dato, trail))
    own = [text for text in own if text]
    if all(p.ATTENDANCE_LINE.match(text) for text in own):  # a block of only "Afbud: Sanne Krog (V)" decides nothing
        own = trailing_decision(sections)
    if not own or all(text in p.EMPTY_DECISIONS for text in own):
        return Decision(None, (), tuple(trail))
    organ = label.organ.strip() if label and label.organ else None
    organ = forum if organ and forum and generic_for(organ, forum) else organ  # "Udvalgets beslutning": this forum
    return Decision("\n".join(own), per_point(own), tuple(trail), organ, label.dato if label else None)


def trailing_decision(sections: list[Section]) -> list[str]:
    """No decision label at all: a last sentence that is only an outcome ("… Taget til efterretning") is the
    decision, as transcripts that lost the label print it."""
    if not sections or any(section.kind == "beslutning" for section in sections) or not sections[-1].lines:
        return []
    last = sections[-1].lines[-1].tekst.strip()
    sentence = p.SENTENCE_SPLIT.split(last)[-1].strip()
    return [sentence] if len(sentence) <= p.OUTCOME_SENTENCE_MAX and p.UNLABELLED_DECISION.match(sentence) else []


def split_trail(lines, forum: str | None, dato: str | None, trail: list[Behandling]) -> list[str]:
    """Lines of a decision section; quoted earlier recommendations go to the trail instead."""
    kept = []
    for line in lines:
        text = line.tekst.strip()
        match = p.TRAIL_LINE.match(text)
        if match and not is_own(match["organ"], parse_date(match["dato"]), forum, dato):
            trail.append(Behandling(match["organ"].strip(), parse_date(match["dato"]), int(match["punkt"]),
                                    match["udtalelse"].strip()))  # fmt: skip
        elif match:
            kept.append(match["udtalelse"].strip())
        else:
            kept.append(text)
    return kept


def is_own(organ: str | None, dato: str | None, forum: str | None, meeting_date: str | None) -> bool:
    """A decision label names this meeting when its body is the forum or its date is the meeting date."""
    if organ is None and dato is None:
        return True
    if dato and meeting_date and dato == meeting_date:
        return True
    if organ is None and meeting_date is None:
        return True  # "Beslutning den 03-06-2025" where no meeting date is known: nothing names another meeting
    return bool(organ and forum and (same_body(organ, forum) or generic_for(organ, forum)))


def generic_for(organ: str, forum: str) -> bool:
    """ "Udvalgets beslutning" in Økonomiudvalget's referat: the generic noun names the meeting's own body."""
    key = body_key(organ)
    return key in p.GENERIC_BODIES and body_key(forum).endswith(key)


def same_body(a: str, b: str) -> bool:
    """ "Økonomiudvalgets", "Økonomiudvalget" and "økonomiudvalget 2018-21" are the same body."""
    a, b = body_key(a), body_key(b)
    return bool(a) and a == b


def body_key(name: str) -> str:
    """A body's name without case, genitive s, period years or punctuation."""
    words = p.BODY_NOISE.sub(" ", name.lower()).split()
    return " ".join(words).removesuffix("s")


def per_point(texts: list[str]) -> tuple[Delbeslutning, ...]:
    """ "Ad 1: Anbefales." lines → one Delbeslutning per point; other lines continue the point before."""
    points: list[Delbeslutning] = []
    for text in texts:
        if p.ATTENDANCE_LINE.match(text):
            continue  # "Afbud: …" after the last point is no part of it
        if match := p.PER_POINT.match(text):
            points.append(Delbeslutning(int(match["nummer"]), match["tekst"].strip()))
        elif points:
            points[-1] = Delbeslutning(points[-1].nummer, f"{points[-1].tekst} {text}")
    return tuple(points)


def joined(lines) -> str:
    return " ".join(line.tekst.strip() for line in lines if line.tekst.strip())


def decision_labels(sections: list[Section]) -> list[tuple[str, str | None]]:
    """(organ, dato) of every labelled decision, to name the forum when the header does not."""
    return [(s.organ.strip(), s.dato) for s in sections if s.kind == "beslutning" and s.organ]
