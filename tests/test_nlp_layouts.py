"""Frister and opgaver in the other municipalities' layouts (tests/data/layouts): the rules were written
on the Albertslund referater, so these are held-out text. Every deadline found is listed, and every
file without one is listed empty, so a new false deadline fails as surely as a lost one."""

from pathlib import Path

import pytest

from referater.ingest import load_tekst
from referater.nlp import enrich
from referater.parsers import parse_tekst

LAYOUTS = Path(__file__).parent / "data" / "layouts"

# file → ([(punkt, frist dato, ansvarlig)], [(punkt, opgave ansvarlig)])
EXPECTED = {
    # "høringssvar … senest den 20. oktober 2025"; "Formanden udarbejder det endelige høringssvar" (a role)
    "aeldreraad-sektionsstart.txt": ([(None, "2025-10-20", "Ældrerådet")], [(None, "Formanden")]),  # the 2nd punkt prints no number
    # "Udvalget ønsker en status i juni 2026"
    "bu-sagsnr-foer-overskrift.txt": ([(2, "2026-06-30", None)], []),
    # "Udvalget ønsker en særskilt opfølgning … i foråret 2026"
    "buu-store-bogstaver.txt": ([(3, "2026-05-31", None)], []),
    "byraad-inline-etiketter.txt": ([], []),
    "byraad-webeksport.txt": ([], []),
    "direktion-uden-overskrifter.txt": ([], []),
    # "Udvalget ønsker en temadrøftelse … på mødet i december"
    "fragment-uden-hoved.txt": ([(15, "2025-12-31", None)], []),
    # "Høringsfristen er den 20. november 2025"; "Sagen forelægges Kultur- og Fritidsudvalget i januar 2026":
    # the body the case is put before treats it then
    "handicapraad-dobbelt-overskrift.txt": ([(2, "2025-11-20", None), (3, "2026-01-31", "Kultur- og Fritidsudvalget")],
                                            []),
    # "forvaltningen skal belyse trafiksikkerheden …" (no date)
    "kb-beslutningsprotokol.txt": ([], [(5, "forvaltningen")]),
    "kb-ombrudt-indhold.txt": ([], []),
    # "Udsat til udvalgets møde i september"
    "kfu-sag-nr-efter-titel.txt": ([(47, "2025-09-30", None)], []),
    "oeu-genitiv-pkt.txt": ([], []),
    # "1. behandling af budgettet sker i Kommunalbestyrelsen den 10. september 2025": the body that meets
    "oeu-saetningshoved.txt": ([(144, "2025-09-10", "Kommunalbestyrelsen")], []),
    "pbu-beslutning-foerst.txt": ([], []),
    "pdf-loebende-tekst.txt": ([], []),
    # "at projektet gennemføres i 2026, hvis der gives tilsagn"
    "sektionsnummer-punkter.txt": ([(2, "2026-12-31", None)], []),
    "sundhed-markdown.md": ([], []),
    "tmu-udskrift-enkeltpunkt.txt": ([], []),
    "udvalg-titel-foer-sagsnummer.txt": ([], []),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_frister_in_other_layouts(name):
    referat = enrich(parse_tekst(load_tekst(LAYOUTS / name)))
    frister = [(p.nummer, f.dato, f.ansvarlig) for p in referat.punkter for f in p.frister]
    opgaver = [(p.nummer, o.ansvarlig) for p in referat.punkter for o in p.opgaver]
    assert (frister, opgaver) == EXPECTED[name]
