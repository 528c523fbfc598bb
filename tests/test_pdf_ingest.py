"""PDF ingest: the examples printed in the looks of agenda systems, by fpdf2 (tests/pdf_looks.py) and by
Chromium's print-to-PDF (tests/pdf_looks_html.py), must parse to the same referat as the text."""

from __future__ import annotations

import io
import random
import re
from dataclasses import replace
from functools import lru_cache

import pytest
from fpdf import FPDF
from pdf_looks import LOOKS, build_pdf
from pdf_looks_html import LOOKS as BROWSER_LOOKS
from pdf_looks_html import build_pdfs
from pypdf import PdfReader, PdfWriter

from conftest import EXAMPLE_FILES
from referater.errors import PdfError
from referater.ingest import load_tekst
from referater.ingest.pdf import Layout, PdfLine, extract_pdf
from referater.ingest.pdf_lines import read_lines
from referater.ingest.pdf_tables import join_table_cells
from referater.parsers import parse_tekst
from referater.parsers.patterns import TOC_ENTRY


def same_text(text: str | None) -> str:
    """Whitespace normalised. A space after a hyphen ("S- drevene") cannot survive a line break at that
    space in a PDF: the printed "S-" / "drevene" reads the same as a hyphenated compound, so it is dropped."""
    return re.sub(r"-\s+", "-", " ".join((text or "").split()))


def punkt_view(punkt) -> dict:
    """What must survive printing; a case number keeps its meaning, though a PDF may print a label before it."""
    sag = punkt.sagsnummer
    return {
        "nummer": punkt.nummer, "titel": punkt.titel, "type": punkt.type,
        "sagsnummer": sag and (replace(sag, raw=sag.noegle), sag.raw.endswith(sag.noegle)),
        "indstiller": punkt.indstiller, "indstillinger": [same_text(i) for i in punkt.indstillinger],
        "tidsramme_min": punkt.tidsramme_min, "beslutning": same_text(punkt.beslutning), "udfald": punkt.udfald,
        "bilag": punkt.bilag, "afsnit": [(a.navn, same_text(a.tekst)) for a in punkt.afsnit],
    }  # fmt: skip


def referat_view(referat) -> dict:
    header = {k: getattr(referat, k) for k in ("forum", "dato", "starttid", "sted", "deltagere")}
    return {**header, "punkter": [punkt_view(p) for p in referat.punkter]}


@lru_cache(maxsize=None)
def printed(path, look: str) -> bytes:
    if look in BROWSER_LOOKS:
        return browser_printed()[path, look]
    return build_pdf(load_tekst(path).tekst, look)


@lru_cache(maxsize=None)
def browser_printed() -> dict:
    """Every example in every browser look, printed by one Chromium (starting it costs more than printing)."""
    jobs = [(path, look) for path in EXAMPLE_FILES for look in BROWSER_LOOKS]
    return dict(zip(jobs, build_pdfs([(load_tekst(path).tekst, look) for path, look in jobs])))


@pytest.mark.parametrize("look", sorted(LOOKS) + sorted(BROWSER_LOOKS))
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_pdf_parses_like_text(path, look):
    expected = parse_tekst(load_tekst(path))
    tekst = extract_pdf(printed(path, look), f"{path.stem}.pdf", "sha")
    got = parse_tekst(tekst)
    assert referat_view(got) == referat_view(expected)
    pages = len(PdfReader(io.BytesIO(printed(path, look))).pages)
    assert len(tekst.sider) == pages and tekst.sider[0] == 0 and list(tekst.sider) == sorted(tekst.sider)
    assert all(p.sider and p.sider[0] >= 1 and p.sider[-1] <= pages for p in got.punkter)


def test_running_header_and_page_footer_are_removed():
    path = EXAMPLE_FILES[0]
    tekst = extract_pdf(printed(path, "header_footer"), "x.pdf", "sha").tekst
    assert not re.search(r"^Side \d+ af \d+$", tekst, re.M)
    # the title line stays once; the running copy "Referat - Chefforum d. …" is gone from every page
    assert "Referat - Chefforum" not in tekst
    assert tekst.startswith(load_tekst(path).tekst.strip().split("\n")[0])
    bare = extract_pdf(printed(path, "justified_hyphenated"), "x.pdf", "sha").tekst
    assert not re.search(r"^\d{1,2}$", bare, re.M)


@pytest.mark.parametrize("look", ["plain", "page_per_punkt"])
def test_punkt_pages_follow_the_printed_pages(look):
    """Each punkt's first page is the page its heading is printed on; on its own pages it shares none."""
    path = EXAMPLE_FILES[1]
    data = printed(path, look)
    reader = PdfReader(io.BytesIO(data))
    heading_page = {}
    for number, page in enumerate(reader.pages, 1):
        for match in re.finditer(r"^Punkt (\d+):", page.extract_text(), re.M):
            heading_page.setdefault(int(match[1]), number)
    referat = parse_tekst(extract_pdf(data, "x.pdf", "sha"))
    assert {p.nummer: p.sider[0] for p in referat.punkter} == heading_page
    if look == "page_per_punkt":
        assert all(a.sider[-1] < b.sider[0] for a, b in zip(referat.punkter, referat.punkter[1:]))


def test_hyphenated_words_are_joined_and_ligatures_resolved():
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    words = "Referatet ligger på medarbejder\u00adsiden og bruges af IT- og Digitalisering hver dag i året " * 8
    pdf.multi_cell(60, 5, words.strip(), new_x="LMARGIN", new_y="NEXT")
    text = extract_pdf(bytes(pdf.output()), "x.pdf", "sha").tekst
    assert " ".join(text.split()) == " ".join(words.replace("\u00ad", "").split())


def pdf_with_text(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "filen er tom"),
        (b"   \n", "filen er tom"),
        (bytes(range(256)) * 40, "ikke en PDF"),
        (pdf_with_text("Punkt 1: Noget") [:400], "afkortet"),
    ],
    ids=["empty", "blank", "random-bytes", "truncated"],
)
def test_unreadable_pdf_says_what_is_wrong(data, message):
    with pytest.raises(PdfError, match=message) as caught:
        extract_pdf(data, "x.pdf", "sha")
    assert "\n" not in str(caught.value)


def test_damaged_body_is_damage():
    """Header and trailer intact, everything between overwritten: pypdf cannot find the document."""
    data = pdf_with_text("Punkt 1: Noget om et meget langt emne " * 20)
    rnd = random.Random(4)
    broken = data[:15] + bytes(rnd.randrange(256) for _ in range(len(data) - 60)) + data[-45:]
    with pytest.raises(PdfError, match="beskadiget"):
        extract_pdf(broken, "x.pdf", "sha")


def test_encrypted_pdf_says_encrypted():
    writer = PdfWriter(clone_from=io.BytesIO(pdf_with_text("Punkt 1: Hemmeligt")))
    writer.encrypt(user_password="hemmelig", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(PdfError, match="krypteret"):
        extract_pdf(out.getvalue(), "x.pdf", "sha")


def test_pdf_without_text_layer_says_scanned():
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150, style="F")  # a page that is only a picture of text
    with pytest.raises(PdfError, match="scannet.*OCR"):
        extract_pdf(bytes(pdf.output()), "x.pdf", "sha")


def toc_page_warnings(referat) -> list[str]:
    return [w for w in referat.advarsler if w.startswith("indholdsfortegnelsen angiver side")]


def test_toc_page_numbers_are_checked_against_where_punkter_start():
    path = EXAMPLE_FILES[3]
    text = load_tekst(path).tekst
    first = parse_tekst(extract_pdf(build_pdf(text, "plain"), "x.pdf", "sha"))
    # The export's TOC names the pages of the agenda system's print, not of ours: every entry is off.
    assert toc_page_warnings(first) == [
        f"indholdsfortegnelsen angiver side {side} for punkt {p.nummer} '{p.titel}', men punktet begynder på side "
        f"{p.sider[0]}" for side, p in zip(toc_pages(first), first.punkter) if side != p.sider[0]
    ]  # fmt: skip
    assert len(toc_page_warnings(first)) == len(first.punkter)
    # Printed again with the TOC naming the real pages: no warning, and one wrong entry gives exactly one.
    titles = [m["titel"] for line in first.indholdsfortegnelse if (m := TOC_ENTRY.match(line.strip()))]
    right = {titel: punkt.sider[0] for titel, punkt in zip(titles, first.punkter)}
    assert toc_page_warnings(parse_tekst(extract_pdf(build_pdf(text, "plain", right), "x.pdf", "sha"))) == []
    wrong = {**right, titles[2]: right[titles[2]] + 1}
    again = parse_tekst(extract_pdf(build_pdf(text, "plain", wrong), "x.pdf", "sha"))
    assert toc_page_warnings(again) == [
        f"indholdsfortegnelsen angiver side {wrong[titles[2]]} for punkt 3 '{again.punkter[2].titel}', "
        f"men punktet begynder på side {again.punkter[2].sider[0]}"]  # fmt: skip


def toc_pages(referat) -> list[int]:
    return [int(m["side"]) for line in referat.indholdsfortegnelse if (m := TOC_ENTRY.match(line.strip()))]


def test_pdf_protected_only_against_editing_is_read():
    plain = printed(EXAMPLE_FILES[0], "plain")
    writer = PdfWriter(clone_from=io.BytesIO(plain))
    writer.encrypt(user_password="", owner_password="kun-redigering", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert extract_pdf(out.getvalue(), "x.pdf", "sha").tekst == extract_pdf(plain, "x.pdf", "sha").tekst


def test_a_page_without_text_is_a_warning():
    reader = PdfReader(io.BytesIO(printed(EXAMPLE_FILES[0], "plain")))
    writer = PdfWriter()
    writer.add_page(reader.pages[0])
    writer.add_blank_page(width=595, height=842)  # a scanned page inside a printed referat
    for page in reader.pages[1:]:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    tekst = extract_pdf(out.getvalue(), "x.pdf", "sha")
    assert tekst.advarsler == ("side 2 har ingen tekst (scannet?)",)
    assert tekst.sider[1] == tekst.sider[2] and len(tekst.sider) == len(reader.pages) + 1


def test_printed_soft_hyphen_at_the_margin_joins_the_word():
    """Some generators print the discretionary hyphen as U+00AD instead of "-"."""
    width = 60 * 11  # characters × size of a full line
    lines = [PdfLine("Referatet ligger nu på den nye fælles side for alle medarbej\u00ad", 700, 11),
             PdfLine("dersiden i kommunen.", 686, 11)]  # fmt: skip
    layout = Layout(pitch=1.27, full_width=width, vocabulary=frozenset())
    assert layout.page_text(lines) == "Referatet ligger nu på den nye fælles side for alle medarbejdersiden i kommunen."


@pytest.mark.parametrize("look", sorted(BROWSER_LOOKS))
def test_wrapped_header_values_are_read_whole(look):
    """The participants wrap over several lines of their table cell; the text holds them as the export does."""
    path = EXAMPLE_FILES[0]
    label, value = next(line.split(" ", 1) for line in load_tekst(path).tekst.split("\n") if line.startswith("Mødedeltagere"))
    first_page = read_lines(PdfReader(io.BytesIO(printed(path, look))).pages[0])
    assert sum(line.tekst in value for line in first_page) >= 5  # the value is printed on five lines or more
    tekst = extract_pdf(printed(path, look), "x.pdf", "sha")
    assert f"{label}\t{value}" in tekst.tekst.split("\n")
    assert parse_tekst(tekst).deltagere == parse_tekst(load_tekst(path)).deltagere
    assert len(parse_tekst(tekst).deltagere) == 10


@pytest.mark.parametrize("look", sorted(BROWSER_LOOKS))
def test_wrapped_titles_are_joined(look):
    path = EXAMPLE_FILES[0]
    expected = [punkt.titel for punkt in parse_tekst(load_tekst(path)).punkter]
    printed_lines = [line.tekst for page in PdfReader(io.BytesIO(printed(path, look))).pages for line in read_lines(page)]
    wrapped = [titel for titel in expected if not any(line.endswith(titel) for line in printed_lines)]
    assert len(wrapped) >= 3  # the look does wrap titles, also before a capital ("… i Albertslund" / "Kommune")
    assert [punkt.titel for punkt in parse_tekst(extract_pdf(printed(path, look), "x.pdf", "sha")).punkter] == expected


def test_running_header_between_heading_and_body_stays_out():
    """Every punkt heading ends its page, so the four-line running header stands between heading and body."""
    path, look = EXAMPLE_FILES[0], "browser_stacked"
    pages = [read_lines(page) for page in PdfReader(io.BytesIO(printed(path, look))).pages]
    assert all([line.tekst for line in page[:3]] == ["Chefforum", "Åbent referat", "29-01-2025"] for page in pages)
    assert sum(bool(re.match(r"Punkt \d+:", page[-1].tekst)) for page in pages) >= 4
    tekst = extract_pdf(printed(path, look), "x.pdf", "sha").tekst
    assert not re.search(r"^(?:Åbent referat|29-01-2025|Side \d+|Chefforum)$", tekst, re.M)
    assert referat_view(parse_tekst(extract_pdf(printed(path, look), "x.pdf", "sha"))) == referat_view(
        parse_tekst(load_tekst(path)))  # fmt: skip


@pytest.mark.parametrize(
    "before, after",
    [(b"", b"\0" * 4096), (b"", b" " * 2048), (b"", b"\r\n" * 1500), (b"", b"\n%% padding from the archive\n" * 80),
     (b"\xef\xbb\xbfjunk before the header\n", b"")],
    ids=["nul", "spaces", "newlines", "text", "before-header"],
)  # fmt: skip
def test_a_pdf_pypdf_reads_is_never_refused(before, after):
    """Agenda systems pad some PDFs after the end-of-file marker: pypdf reads them, so must we."""
    data = printed(EXAMPLE_FILES[0], "header_footer")
    assert extract_pdf(before + data + after, "x.pdf", "sha").tekst == extract_pdf(data, "x.pdf", "sha").tekst


def test_a_cut_off_pdf_is_truncated_even_when_padded():
    data = printed(EXAMPLE_FILES[0], "header_footer")
    with pytest.raises(PdfError, match="afkortet") as caught:
        extract_pdf(data[: len(data) // 2] + b"\0" * 4096, "x.pdf", "sha")
    assert str(caught.value) == "PDF'en kan ikke læses: den er afkortet (ingen slutmarkør); hent eller eksportér den igen"


def cell_line(y: float, *cells: tuple[float, str]) -> PdfLine:
    return PdfLine("\t".join(text for _, text in cells), y, 10.0, cells, font="F")


VALUE = ["Anne Holm (A), Bo Rask (V), Carl", "Dahl (C), Dorte Eng (F), Ib", "Lund (Ø)"]


@pytest.mark.parametrize("label_at", [0, 1, 2, 0.5, 1.5], ids=["top", "middle", "bottom", "between-1-2", "between-2-3"])
def test_a_table_row_whose_value_wraps_is_one_line(label_at):
    """Label at the top, middle or bottom of its cell, or centred between two value lines: one row."""
    pitch = 13.5  # the usual line pitch 1.35 at 10 pt
    rows = [cell_line(700, (56, "Mødested"), (170, "Rådhuset"))]
    value = [(680 - i * pitch, text) for i, text in enumerate(VALUE)]
    lines = [cell_line(y, (170, text)) for y, text in value if abs(y - (680 - label_at * pitch)) > 1]
    label_y = 680 - label_at * pitch
    lines.append(cell_line(label_y, (56, "Mødedeltagere"), *[(170, t) for y, t in value if abs(y - label_y) < 1]))
    after = [cell_line(600, (56, "Punkt 1: Godkendelse"))]
    page = rows + sorted(lines, key=lambda line: -line.y) + after
    joined = join_table_cells(page, 1.35, frozenset(), hyphenates=True)
    assert [line.tekst for line in joined] == ["Mødested\tRådhuset", "Mødedeltagere\t" + " ".join(VALUE),
                                               "Punkt 1: Godkendelse"]  # fmt: skip


def test_a_toc_title_wrapped_above_its_page_number_stays_two_lines():
    """The first column never continues: a TOC title that wraps onto the line of its page number is left to
    the text normalisation, and a paragraph right under a table stays a paragraph."""
    page = [cell_line(700, (56, "Godkendelse af dagsorden....."), (530, "3")),
            cell_line(686.5, (56, "Beslutning om et meget langt emne om")),
            cell_line(673, (56, "klima....."), (524, "14")),
            cell_line(659.5, (56, "Referatet blev godkendt."))]  # fmt: skip
    assert join_table_cells(page, 1.35, frozenset(), hyphenates=True) == page


def test_a_printer_that_does_not_hyphenate_keeps_the_hyphen():
    lines = [PdfLine("Opgaven løses med en ny fælles platform i stedet for den gamle Citrix-", 700, 11, font="F"),
             PdfLine("løsning, som medarbejderne kender.", 686, 11, font="F")]  # fmt: skip
    width = 60 * 11
    hyphenating = Layout(pitch=1.27, full_width=width, vocabulary=frozenset())
    browser = Layout(pitch=1.27, full_width=width, vocabulary=frozenset(), hyphenates=False)
    assert hyphenating.page_text(lines).endswith("Citrixløsning, som medarbejderne kender.")
    assert browser.page_text(lines).endswith("Citrix-løsning, som medarbejderne kender.")


def test_a_headings_lines_are_one_title_but_short_title_lines_stay_lines():
    """Lines larger than the body text, in one font, with no gap: a wrapped heading, even before a capital and
    however wide its letters are printed; a deliberately short line ("Referat") is not wrapped."""
    # 100 characters of 10 pt to a full line: by its length in characters, the heading's first line looks short
    layout = Layout(pitch=1.2, full_width=100 * 10, vocabulary=frozenset(), body_size=10)
    heading = [PdfLine("Punkt 4: Beslutning om ensartede stillingsopslag i", 700, 14, font="Bold"),
               PdfLine("Kløvermose Kommune", 683, 14, font="Bold")]  # fmt: skip
    assert layout.page_text(heading) == "Punkt 4: Beslutning om ensartede stillingsopslag i Kløvermose Kommune"
    title = [PdfLine("Referat", 700, 18, font="Bold"), PdfLine("Økonomiudvalget", 678, 18, font="Bold")]
    assert layout.page_text(title) == "Referat\nØkonomiudvalget"
    two = [heading[0], PdfLine("Punkt 5: Godkendelse af referat", 683, 14, font="Bold")]
    assert layout.page_text(two) == "Punkt 4: Beslutning om ensartede stillingsopslag i\nPunkt 5: Godkendelse af referat"
