"""Pure reader for a KLE emneplan XML: text in, one row per hovedgruppe, gruppe and emne out.

KL publishes the plan as nested ``Hovedgruppe`` → ``Gruppe`` → ``Emne`` elements. Titles are KL's
terms, so they are never bundled: the user imports their own copy with ``referater kle import``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..errors import InputError

ROOT = "KLE-Emneplan"
# Element name → (niveau, number element, title element), outermost first.
LEVELS = {
    "Hovedgruppe": ("hovedgruppe", "HovedgruppeNr", "HovedgruppeTitel"),
    "Gruppe": ("gruppe", "GruppeNr", "GruppeTitel"),
    "Emne": ("emne", "EmneNr", "EmneTitel"),
}
BEVARING = "BevaringJaevnfoerArkivloven"
SLETNING = "SletningJaevnfoerPersondataloven"
KLE_EMNE = re.compile(r"^(?P<h>\d{2})(?:\.(?P<g>\d{2})(?:\.(?P<e>\d{2}))?)?$")


def local_name(tag: str) -> str:
    """Tag without its XML namespace: "{http://…}Emne" → "Emne"."""
    return tag.rsplit("}", 1)[-1]


def child_text(element: ET.Element, name: str) -> str | None:
    """Whitespace-normalised text of the first direct child called ``name``, or None."""
    for child in element:
        if local_name(child.tag) == name:
            text = " ".join("".join(child.itertext()).split())
            return text or None
    return None


def parse_kle(xml_text: str | bytes) -> list[dict]:
    """Rows for table ``kle`` from an emneplan (bytes keep the XML's own encoding): ``[{"nummer": "00", …}]``."""
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError as error:
        raise InputError(f"ugyldig XML ({error}): giv KLE-emneplanen som XML") from error
    if local_name(root.tag) != ROOT:
        raise InputError(f"rodelementet er <{local_name(root.tag)}>, ikke <{ROOT}>: giv en KLE-emneplan")
    rows: list[dict] = []
    collect_rows(root, "", rows)
    if not rows:
        raise InputError("emneplanen har ingen Hovedgruppe-elementer: giv hele KLE-emneplanen")
    return rows


def collect_rows(element: ET.Element, parent: str, rows: list[dict]) -> None:
    """Walk the nesting depth-first, one row per level element, parents before children."""
    for child in element:
        level = LEVELS.get(local_name(child.tag))
        if level is None:
            continue
        niveau, number_tag, title_tag = level
        nummer = full_number(child_text(child, number_tag) or "", parent)
        if nummer is None:
            raise InputError(f"en <{local_name(child.tag)}> under '{parent or ROOT}' har intet gyldigt {number_tag}: "
                             "giv hele KLE-emneplanen, som den er hentet")
        rows.append(kle_row(nummer, niveau, child_text(child, title_tag), child))
        collect_rows(child, nummer, rows)


def full_number(nummer: str, parent: str) -> str | None:
    """The dotted number, prefixing the parent when the plan gives only the last part ("01" under "00")."""
    if parent and not nummer.startswith(parent + "."):
        nummer = f"{parent}.{nummer}"
    return nummer if KLE_EMNE.match(nummer) else None


def kle_row(nummer: str, niveau: str, titel: str | None, element: ET.Element) -> dict:
    """One ``kle`` row; hovedgruppe and gruppe are the decoded parents so facets can join on them."""
    koder = decode_kle_emne(nummer)
    return {
        "nummer": nummer,
        "niveau": niveau,
        "titel": titel,
        "hovedgruppe": koder["hovedgruppe"],
        "gruppe": koder["gruppe"],
        "bevaring": child_text(element, BEVARING),
        "sletning": child_text(element, SLETNING),
    }


def decode_kle_emne(emne: str | None) -> dict[str, str | None]:
    """KLE levels of an emne number: "00.01.00" → hovedgruppe "00", gruppe "00.01", emne "00.01.00"."""
    match = KLE_EMNE.match(emne or "")
    if not match:
        return {"hovedgruppe": None, "gruppe": None, "emne": None}
    return {
        "hovedgruppe": match["h"],
        "gruppe": f"{match['h']}.{match['g']}" if match["g"] else None,
        "emne": emne if match["e"] else None,
    }
