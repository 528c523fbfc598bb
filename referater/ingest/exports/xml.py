"""XML of the agenda systems, read with the standard library and without namespaces.

Element names are what the importers' XPaths use (``Agendas/Agenda/Items/Item``); the eDoc namespace
prefix is dropped on parsing so every reader writes plain paths. ElementTree resolves no external
entities and the bundled expat refuses entity-expansion bombs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .errors import ExportError

XML_ERRORS = (ET.ParseError, UnicodeDecodeError, ValueError)


def parse_xml(data: bytes) -> ET.Element:
    """The root element with namespaces stripped from every tag; ExportError when it is not well-formed."""
    try:
        root = ET.fromstring(data)
    except XML_ERRORS as error:
        raise ExportError(f"ugyldig XML ({error}): eksportér filen igen fra dagsordenssystemet") from error
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    return root


def text(element: ET.Element | None, path: str = ".") -> str | None:
    """The collapsed text at a path under an element, or None when it is missing or blank."""
    found = element.find(path) if element is not None else None
    value = " ".join((found.text or "").split()) if found is not None else ""
    return value or None


def raw_text(element: ET.Element | None, path: str) -> str:
    """The text at a path as it is (HTML content keeps its markup and line breaks)."""
    found = element.find(path) if element is not None else None
    return (found.text or "") if found is not None else ""
