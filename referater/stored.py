"""What is kept of each document so it can be parsed again without the file, and parsing from it.

A document's *payload* is what its format is parsed from, zlib-compressed: for txt, md and pdf the
normalised Tekst (text, page offsets, reading warnings) as JSON, so reading the file (PDF extraction,
decoding, normalising) is done once; for any other format the file's own bytes. ``ingest`` and
``reparse`` both parse through ``referat_from_stored``, so they give the same referat.

A new format (an agenda system's export) is one new branch in ``referat_from_stored``; its payload is
the file's bytes unless it also gets a branch in ``payload_from_dokument``.
"""

from __future__ import annotations

import json
import zlib

from .errors import InputError
from .ingest import to_tekst
from .ingest.exports import export_to_referat, is_export_format
from .models import Dokument, Referat, Tekst
from .parsers import parse_tekst

TEXT_FORMATS = frozenset({"txt", "md", "pdf"})  # payload: the normalised Tekst as JSON
# zlib level 6: the examples' text to 33.0 % (level 1: 38.6 %, 9: 32.9 %); on the `make bench` corpus `dokument`
# shrinks from 1.57 to 1.24 kB per punkt for 0.6 CPU s more per 100 referater (≈ 0.6 % of ingest CPU).
# Any level decompresses the same way, so payloads stored at level 1 stay readable.
COMPRESSION = 6


def payload_from_dokument(dokument: Dokument) -> bytes:
    """The compressed payload stored for a document (this is the reading step: PDF text, decoding, normalising)."""
    if dokument.format in TEXT_FORMATS:
        return zlib.compress(tekst_json(to_tekst(dokument)), COMPRESSION)
    return zlib.compress(dokument.data, COMPRESSION)


def referat_from_stored(format: str, payload: bytes, kilde: str, sha256: str) -> Referat:
    """Parse one stored payload into a Referat (before the NLP stage); the one dispatch on format."""
    data = zlib.decompress(payload)
    if format in TEXT_FORMATS:
        return parse_tekst(tekst_from_json(data, kilde, sha256, format))
    if is_export_format(format):  # an agenda export is stored as its own bytes and read again from them
        return export_to_referat(data, kilde, sha256, format)
    raise InputError(f"det gemte format '{format}' er ukendt for denne version af referater: opgradér referater")


def tekst_json(tekst: Tekst) -> bytes:
    """What of a Tekst is not already in the referat row: the text, page offsets and reading warnings."""
    fields = {"tekst": tekst.tekst, "sider": list(tekst.sider), "advarsler": list(tekst.advarsler)}
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def tekst_from_json(data: bytes, kilde: str, sha256: str, format: str) -> Tekst:
    fields = json.loads(data)
    return Tekst(kilde=kilde, sha256=sha256, format=format, tekst=fields["tekst"], sider=tuple(fields["sider"]),
                 advarsler=tuple(fields["advarsler"]))  # fmt: skip
