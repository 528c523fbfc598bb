"""What the agenda systems' exports say, as data: field captions, placeholder texts, value words.

The parser's own section labels (``parsers/patterns.py``) come first; these add what exports name
differently. Nothing here names a municipality: each entry is a caption or value an agenda system uses.
"""

from __future__ import annotations

import re

from ...parsers import patterns as p

# Field captions → section kind, beyond the parser's SECTION_LABELS (matched in lower case).
SECTION_KINDS = {
    "forvaltningen foreslår": "indstilling",  # eDoc's recommendation field
    "forslag": "indstilling",
    "beslutningen træffes af": "oevrigt",
}
# A caption that ends in one of these words is that kind: "ADMINISTRATIONENS INDSTILLING", "Udvalgets beslutning".
CAPTION_ENDINGS = [
    (re.compile(r"\bindstilling$", re.I), "indstilling"),
    (re.compile(r"\bbeslutning$", re.I), "beslutning"),
]
# "FORRETNINGSUDVALGETS BESLUTNING", "Økonomiudvalgets beslutning": whose decision a field holds (no genitive s).
GENITIVE_DECISION = re.compile(r"^(?P<organ>.+?)s\s+beslutning$", re.I)
# An entry of a decision field that logs several meetings: "18. september 2012: Sagen udsat …".
DATED_ENTRY = re.compile(rf"^(?P<dato>{p.DATE_TEXT})\s*:\s*(?P<rest>.*)$", re.I)
# "2022-03-21T08:00:00+01:00", "2017-05-02 10:00": ISO timestamps, local time as written.
ISO_TIMESTAMP = re.compile(r"^\s*(?P<dato>\d{4}-\d{2}-\d{2})(?:[T ](?P<clock>\d{2}:\d{2}))?")
# Field content that stands for "nothing here".
PLACEHOLDERS = {"Tomt indhold"}
# A decision the agenda system has not published yet is no decision.
UNRELEASED_DECISIONS = {"Beslutning ikke frigivet"}
DECISION_CAPTION = "Beslutning"  # the section name a format's separate decision field gets
TRUE_WORDS = {"true", "1", "ja"}  # XML booleans: "True", "true", "1"
ABSENT_WORDS = {"afbud", "fraværende", "absent", "declined"}  # participation status meaning not present
