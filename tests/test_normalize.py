"""normalize_text: PDF artefacts undone, clean exports left alone."""

from __future__ import annotations

import pytest

from conftest import EXAMPLE_FILES
from referater.ingest import load_tekst
from referater.ingest.normalize import normalize_text


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_clean_exports_come_out_unchanged(path):
    text = path.read_text(encoding="utf-8")
    assert normalize_text(text) == text


@pytest.mark.parametrize(
    "printed, clean",
    [
        ("medarbejder-\nsiden", "medarbejdersiden"),
        ("IT- og Digitalisering", "IT- og Digitalisering"),
        ("IT-\nog Digitalisering", "IT- og Digitalisering"),
        ("klima-\neller miljøledelse", "klima- eller miljøledelse"),
        ("IT-\nsikkerhed", "IT-sikkerhed"),
        ("budget 2024-\n2025", "budget 2024-2025"),
        ("ikke-korrekte sager og ikke-\nkorrekte tal", "ikke-korrekte sager og ikke-korrekte tal"),
        ("medarbejdersiden og medarbej-\ndersiden", "medarbejdersiden og medarbejdersiden"),
        ("5 -\n10 minutter", "5 -\n10 minutter"),
        ("medar\u00adbejder", "medarbejder"),
        ("medar\u00ad\nbejder", "medarbejder"),
        ("ﬁnansiering, ﬂytning, eﬀekt, eﬃcient", "finansiering, flytning, effekt, efficient"),
        ("kl.\u00a09:00\u2009i\u3000lokale", "kl. 9:00 i lokale"),
        ("Ａｒｂｅｊｄｅ", "Arbejde"),
        ("a\u030a og o\u0338", "å og o\u0338"),
        ("m² og ½ time …", "m² og ½ time …"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("• Årshjul\n· Insight\n▪ Plan", "- Årshjul\n- Insight\n- Plan"),
        ("•\tTab\n●Ingen plads", "- Tab\n- Ingen plads"),
        ("•\nAlene på linjen", "- Alene på linjen"),
        ("-\tTab-streg", "- Tab-streg"),
        ("Punkt 7: Beslutning om fælles datawarehouse til bedre, sikker og mere\ntilgængelig brug af data i AK",
         "Punkt 7: Beslutning om fælles datawarehouse til bedre, sikker og mere tilgængelig brug af data i AK"),
        ("Punkt 2: Orientering om status på arbejdet med\nBudget 2026\n\nIndstilling",
         "Punkt 2: Orientering om status på arbejdet med Budget 2026\n\nIndstilling"),
        ("Punkt 1: Godkendelse af dagsorden\n00.01.00-P35-7-23", "Punkt 1: Godkendelse af dagsorden\n00.01.00-P35-7-23"),
        ("Punkt 1: Godkendelse af dagsorden\nIndstilling", "Punkt 1: Godkendelse af dagsorden\nIndstilling"),
        ("Indholdsfortegnelse\n\nGodkendelse af dagsorden.....\t3\nBeslutning om fælles datawarehouse til bedre,\n"
         "sikker og mere tilgængelig brug af data i AK.....\t12\nTemaer til kommende møder.....\t16",
         "Indholdsfortegnelse\n\nGodkendelse af dagsorden.....\t3\nBeslutning om fælles datawarehouse til bedre, "
         "sikker og mere tilgængelig brug af data i AK.....\t12\nTemaer til kommende møder.....\t16"),
        ("Indholdsfortegnelse\nGodkendelse af dagsorden.....\t3", "Indholdsfortegnelse\nGodkendelse af dagsorden.....\t3"),
    ],
)  # fmt: skip
def test_print_artefacts_are_undone(printed, clean):
    assert normalize_text(printed) == clean


def test_tables_after_the_first_punkt_are_not_toc_entries():
    text = "Punkt 1: Robotter\n\nAfdeling\tRobot\t937\t9370\nBorger\tOve Overskud\t7\t210\nØkonomi\tPoul\t126\t126"
    assert normalize_text(text) == text


def test_text_files_get_the_same_repairs(tmp_path):
    """A .txt copied out of a PDF viewer: CRLF line ends, a soft hyphen and a hyphen at line ends."""
    path = tmp_path / "kopieret.txt"
    path.write_bytes("Referatet ligger på medar\u00ad\r\nbejdersiden og IT-\r\nsikkerhed ﬁndes i ﬁlen\r\n".encode())
    assert load_tekst(path).tekst == "Referatet ligger på medarbejdersiden og IT-sikkerhed findes i filen\n"
