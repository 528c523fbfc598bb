"""Reading a KLE emneplan file; the XML declares its own encoding, so the bytes go to the parser as-is."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def read_kle_file(path: str | Path) -> bytes:
    """The bytes of an emneplan XML file, or InputError saying what to do."""
    path = Path(path)
    if not path.is_file():
        raise InputError("filen findes ikke: tjek stien til KLE-emneplanens XML")
    data = path.read_bytes()
    if not data.strip():
        raise InputError("filen er tom: hent KLE-emneplanens XML igen")
    return data
