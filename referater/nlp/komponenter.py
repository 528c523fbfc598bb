"""The spaCy components of the referat pipeline, registered as ``referat_*`` factories.

Each component reads what the ones before it left on the Doc and adds its own layer:
sentences → dates (``doc.spans["datoer"]``) → owner mentions (``doc.spans["ansvarlige"]``) →
deadlines (``doc._.frister`` and ``doc.spans["frister"]``) → assignments (``doc._.opgaver``). The context one section needs (meeting
date, section name, the referat's owner register) is set on the Doc before the pipeline runs.
"""

from __future__ import annotations

from datetime import date

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .ansvarlige import Kartotek, Omtale
from .datoer import find_datoer
from .frister import find_frister, saetninger
from .opgaver import find_opgaver

for _navn, _standard in (("moededato", None), ("afsnit", ""), ("kartotek", None), ("datoer", None),
                         ("omtaler", None), ("frister", None), ("opgaver", None)):
    if not Doc.has_extension(_navn):
        Doc.set_extension(_navn, default=_standard)
for _navn in ("dato", "kanonisk"):
    if not Span.has_extension(_navn):
        Span.set_extension(_navn, default=None)

# Labels a trained pipeline gives persons and organisations (Danish models use PER).
NER_ETIKETTER = {"PER": "person", "PERSON": "person", "ORG": "organ"}


def tekst(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins the tokens again on every access."""
    if "referat_tekst" not in doc.user_data:
        doc.user_data["referat_tekst"] = doc.text
    return doc.user_data["referat_tekst"]


class Saetninger:
    """Sentence starts from punctuation and line structure (the blank pipeline has no parser)."""

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP") or not len(doc):  # a trained parser already set sentences
            return doc
        starter = numpy.array([s for s, _ in saetninger(tekst(doc))], dtype="int64")
        # one array write instead of a Python loop over tokens: 1 = starts a sentence, -1 = does not
        flag = numpy.where(numpy.isin(doc.to_array(IDX).astype("int64"), starter), 1, -1)
        flag[0] = 1
        return doc.from_array([SENT_START], flag.astype("uint64").reshape(-1, 1))


class Datoer:
    """Date expressions resolved against ``doc._.moededato``."""

    def __call__(self, doc: Doc) -> Doc:
        moede = doc._.moededato
        doc._.datoer = find_datoer(tekst(doc), date.fromisoformat(moede)) if moede else []
        spans = []
        for u in doc._.datoer:
            span = doc.char_span(u.start, u.slut, label=u.praecision, alignment_mode="expand")
            if span is not None:
                span._.dato = u.dato
                spans.append(span)
        doc.spans["datoer"] = spans
        return doc


class Ansvarlige:
    """Owner mentions from the referat's register, plus PERSON/ORG entities when a model gives them."""

    def __call__(self, doc: Doc) -> Doc:
        kartotek: Kartotek = doc._.kartotek or Kartotek()
        omtaler = kartotek.find(tekst(doc)) + _fra_ner(doc, kartotek)
        doc._.omtaler = sorted(omtaler, key=lambda o: o.start)
        spans = []
        for o in doc._.omtaler:
            span = doc.char_span(o.start, o.slut, label=o.art, alignment_mode="expand")
            if span is not None:
                span._.kanonisk = o.kanonisk
                spans.append(span)
        doc.spans["ansvarlige"] = spans
        return doc


def _fra_ner(doc: Doc, kartotek: Kartotek) -> list[Omtale]:
    """Entities a trained model found that the rules did not; persons are matched to participants."""
    if not doc.ents:
        return []
    kendte = [(o.start, o.slut) for o in kartotek.find(tekst(doc))]
    fundne = []
    for ent in doc.ents:
        art = NER_ETIKETTER.get(ent.label_)
        if art and all(ent.end_char <= s or ent.start_char >= e for s, e in kendte):
            kanonisk = (kartotek.person(ent.text) if art == "person" and " " in ent.text else None) or ent.text
            fundne.append(Omtale(ent.text, ent.start_char, ent.end_char, kanonisk, art))
    return fundne


class Frister:
    """Deadlines among the dates, with owner and action."""

    def __call__(self, doc: Doc) -> Doc:
        moede = doc._.moededato
        doc._.frister = (find_frister(tekst(doc), doc._.afsnit, doc._.datoer or [], doc._.omtaler or [],
                                      date.fromisoformat(moede)) if moede else [])
        spans = [doc.char_span(f.start, f.slut, label=f.praecision or "relativ", alignment_mode="expand")
                 for f in doc._.frister]
        doc.spans["frister"] = [s for s in spans if s is not None]
        for span, frist in zip(spans, doc._.frister):
            if span is not None:
                span._.dato, span._.kanonisk = frist.dato, frist.ansvarlig
        return doc


class Opgaver:
    """Assignments from obligation verbs after an owner, and from owned deadlines."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.opgaver = find_opgaver(tekst(doc), doc._.afsnit, doc._.omtaler or [], doc._.frister or [])
        return doc


@Language.factory("referat_saetninger")
def make_saetninger(nlp: Language, name: str) -> Saetninger:
    return Saetninger()


@Language.factory("referat_datoer")
def make_datoer(nlp: Language, name: str) -> Datoer:
    return Datoer()


@Language.factory("referat_ansvarlige")
def make_ansvarlige(nlp: Language, name: str) -> Ansvarlige:
    return Ansvarlige()


@Language.factory("referat_frister")
def make_frister(nlp: Language, name: str) -> Frister:
    return Frister()


@Language.factory("referat_opgaver")
def make_opgaver(nlp: Language, name: str) -> Opgaver:
    return Opgaver()


KOMPONENTER = ("referat_saetninger", "referat_datoer", "referat_ansvarlige", "referat_frister",
               "referat_opgaver")
