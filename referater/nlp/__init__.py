"""The NLP stage: dates, deadlines (frister), owners and assignments (opgaver) in referat text.

``enrich(referat)`` returns the referat with ``frister`` and ``opgaver`` filled on every punkt, using
``load_pipeline()``: ``spacy.blank("da")`` plus the rule components in ``components``. With
``load_pipeline("da_core_news_sm")`` an installed trained pipeline adds its PERSON/ORG entities as
owner mentions; nothing is ever downloaded.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ReferatError
from ..models import Punkt, Referat
from ..parsers.kommune import recognise_kommune
from .ansvarlige import OwnerRegister, build_register
from .components import COMPONENTS
from .ejere import Punktet

__all__ = ["enrich", "load_pipeline"]


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The referat pipeline, built once per process and model name."""
    if model is None:
        nlp = spacy.blank("da")
    else:
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])  # only PERSON/ORG are used; lemmas cost time
        except OSError as fejl:
            raise ReferatError(
                f"spaCy model '{model}' is not installed: install it with pip, or leave out --model") from fejl
    for navn in COMPONENTS:
        nlp.add_pipe(navn)
    return nlp


def _enrich_punkt(punkt: Punkt, nlp: Language, dato: str | None, register: OwnerRegister) -> Punkt:
    docs = []
    punktet = Punktet([afsnit.tekst for afsnit in punkt.afsnit], register.find)  # the punkt's sections, for the owner rules
    for afsnit in punkt.afsnit:
        doc = nlp.make_doc(afsnit.tekst)
        doc.user_data["referat_tekst"] = afsnit.tekst  # spaCy would rebuild doc.text from the tokens
        doc._.moededato, doc._.afsnit, doc._.ansvarlige, doc._.punkt = dato, afsnit.navn, register, punktet
        docs.append(doc)
    frister, opgaver = [], []
    for doc in nlp.pipe(docs):
        frister += doc._.frister or []
        opgaver += doc._.opgaver or []
    return replace(punkt, frister=tuple(frister), opgaver=tuple(opgaver))


def enrich(referat: Referat, nlp: Language | None = None) -> Referat:
    """A new Referat whose punkter carry the frister and opgaver found in their sections."""
    nlp = nlp or load_pipeline()
    tekster = [afsnit.tekst for punkt in referat.punkter for afsnit in punkt.afsnit]
    register = build_register(referat.deltagere, tekster, referat.kommune or recognise_kommune(referat), referat.forum)
    punkter = tuple(_enrich_punkt(p, nlp, referat.dato, register) for p in referat.punkter)
    return replace(referat, punkter=punkter)
