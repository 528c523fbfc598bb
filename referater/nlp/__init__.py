"""Language stage: dates, deadlines (frister), owners and assignments (opgaver).

``enrich(referat)`` is the pipeline hook between parsing and storage; the rule-based spaCy
pipeline that fills ``Punkt.frister`` and ``Punkt.opgaver`` plugs in here.
"""

from __future__ import annotations

from ..models import Referat


def enrich(referat: Referat, nlp=None) -> Referat:
    """Return the referat with frister and opgaver filled in (none yet in this stage)."""
    return referat
