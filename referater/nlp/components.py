"""The spaCy components of the referat pipeline, registered as ``referat_*`` factories.

Each component reads what the ones before it left on the Doc and adds its own layer:
sentences → dates (``doc.spans["datoer"]``) → owner mentions (``doc.spans["ansvarlige"]``) →
deadlines (``doc._.frister``, ``doc.spans["frister"]``) → assignments (``doc._.opgaver``). The context one
section needs (meeting date, section name, the referat's owner register) is set on the Doc before the
pipeline runs: ``doc._.moededato``, ``doc._.afsnit``, ``doc._.ansvarlige``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dates import from_iso
from .ansvarlige import Mention, OwnerRegister
from .cues import CueIndex, compile_groups
from .datoer import find_datoer
from .frister import find_frister
from .fristformer import GRUPPER
from .opgaver import find_opgaver
from .saetninger import by_sentence, sentences

for _name, _standard in (("moededato", None), ("afsnit", ""), ("ansvarlige", None), ("datoer", None),
                         ("omtaler", None), ("frister", None), ("opgaver", None), ("former", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_standard)
for _name in ("dato", "kanonisk"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

# Labels a trained pipeline gives persons and organisations (Danish models use PER).
NER_ETIKETTER = {"PER": "person", "PERSON": "person", "ORG": "organ"}


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins the tokens again on every access."""
    if "referat_tekst" not in doc.user_data:
        doc.user_data["referat_tekst"] = doc.text
    return doc.user_data["referat_tekst"]


class SentenceSplitter:
    """Sentence starts from punctuation and line structure (the blank pipeline has no parser)."""

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP") or not len(doc):  # a trained parser already set sentences
            return doc
        starter = numpy.array([s for s, _ in sentences(doc_text(doc))], dtype="int64")
        # one array write instead of a Python loop over tokens: 1 = starts a sentence, -1 = does not
        flag = numpy.where(numpy.isin(doc.to_array(IDX).astype("int64"), starter), 1, -1)
        flag[0] = 1
        return doc.from_array([SENT_START], flag.astype("uint64").reshape(-1, 1))


class DateFinder:
    """Date expressions resolved against ``doc._.moededato``."""

    def __call__(self, doc: Doc) -> Doc:
        moede = from_iso(doc._.moededato)  # a date that is no calendar day is treated as no date
        doc._.datoer = find_datoer(doc_text(doc), moede) if moede else []
        spans = []
        for u in doc._.datoer:
            span = doc.char_span(u.start, u.slut, label=u.praecision, alignment_mode="expand")
            if span is not None:
                span._.dato = u.dato
                spans.append(span)
        doc.spans["datoer"] = spans
        return doc


class OwnerFinder:
    """Owner mentions from the referat's register, plus PERSON/ORG entities when a model gives them."""

    def __call__(self, doc: Doc) -> Doc:
        register: OwnerRegister = doc._.ansvarlige or OwnerRegister()
        omtaler = register.find(doc_text(doc)) + _from_ner(doc, register)
        doc._.omtaler = sorted(omtaler, key=lambda o: o.start)
        spans = []
        for o in doc._.omtaler:
            span = doc.char_span(o.start, o.slut, label=o.art, alignment_mode="expand")
            if span is not None:
                span._.kanonisk = o.kanonisk
                spans.append(span)
        doc.spans["ansvarlige"] = spans
        return doc


def _from_ner(doc: Doc, register: OwnerRegister) -> list[Mention]:
    """Entities a trained model found that the rules did not; persons are matched to participants."""
    if not doc.ents:
        return []
    kendte = [(o.start, o.slut) for o in register.find(doc_text(doc))]
    fundne = []
    for ent in doc.ents:
        art = NER_ETIKETTER.get(ent.label_)
        if art and all(ent.end_char <= s or ent.start_char >= e for s, e in kendte):
            kanonisk = (register.person(ent.text) if art == "person" and " " in ent.text else None) or ent.text
            fundne.append(Mention(ent.text, ent.start_char, ent.end_char, kanonisk, art))
    return fundne


class FristFinder:
    """Deadlines among the dates, with owner and action; the cue words of every form matched once."""

    def __init__(self, nlp: Language):
        self.matcher = compile_groups(GRUPPER, nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        moede = from_iso(doc._.moededato)
        if not moede:
            doc._.frister = []
        else:
            cues = CueIndex(doc, self.matcher, doc_text(doc), _sentences_with_dates(doc)) if doc._.datoer else None
            doc._.former = []  # (date phrase, the form that decided it): why a date is or is not a frist
            doc._.frister = find_frister(doc_text(doc), doc._.afsnit, doc._.datoer or [], doc._.omtaler or [],
                                         moede, cues, doc._.former)
        spans = [doc.char_span(f.start, f.slut, label=f.praecision or "relativ", alignment_mode="expand")
                 for f in doc._.frister]
        doc.spans["frister"] = [s for s in spans if s is not None]
        for span, frist in zip(spans, doc._.frister):
            if span is not None:
                span._.dato, span._.kanonisk = frist.dato, frist.ansvarlig
        return doc


def _sentences_with_dates(doc: Doc) -> list[tuple[int, int]]:
    """The sentences (character ranges) that hold a date: the only ones the deadline forms look at."""
    saetninger = sentences(doc_text(doc))
    return [s for s, datoer in zip(saetninger, by_sentence(doc._.datoer, saetninger)) if datoer]


class OpgaveFinder:
    """Assignments from obligation verbs after an owner, and from owned deadlines."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.opgaver = find_opgaver(doc_text(doc), doc._.afsnit, doc._.omtaler or [], doc._.frister or [])
        return doc


@Language.factory("referat_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


@Language.factory("referat_datoer")
def make_datoer(nlp: Language, name: str) -> DateFinder:
    return DateFinder()


@Language.factory("referat_ansvarlige")
def make_ansvarlige(nlp: Language, name: str) -> OwnerFinder:
    return OwnerFinder()


@Language.factory("referat_frister")
def make_frister(nlp: Language, name: str) -> FristFinder:
    return FristFinder(nlp)


@Language.factory("referat_opgaver")
def make_opgaver(nlp: Language, name: str) -> OpgaveFinder:
    return OpgaveFinder()


COMPONENTS = ("referat_sentences", "referat_datoer", "referat_ansvarlige", "referat_frister",
               "referat_opgaver")
