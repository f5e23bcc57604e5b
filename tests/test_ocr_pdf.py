"""Scanned pages are read by OCR (issue 17): tesseract with the Indonesian data, only the pages without a text
layer, and the result goes through the same readers. The scans are generated from tests/pdf_layouts.py's
PDFs (rendered to grey images at 200 dpi), so the findings of the text-layer PDF are the expected ones.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from lkjip_audit.audit import audit
from lkjip_audit.checks.finding import Finding
from lkjip_audit.checks.ocr_doubts import mark_ocr_doubts
from lkjip_audit.exceptions import InputError
from lkjip_audit.ingest import ocr, read
from lkjip_audit.ingest.ocr import OcrWord
from pdf_layouts import render_budget_pdf, scanned
from conftest import FIXTURES
from tables import budget_hierarchy, grouped

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None,
                                reason="tesseract is installed by `make test` (Makefile: system-deps)")

PROGRAMS = [[[(1_000_000, 900_000), (2_500_000, 2_400_000)], [(750_000, 700_000)]],
            [[(3_000_000, 2_000_000)], [(400_000, 400_000), (800_000, 10_000)]]]


def failed(result) -> set[tuple[str, int]]:
    return {(f.rule, f.row_index) for f in result.findings}


def found(result) -> list[tuple]:
    """The findings by rule, item (spacing aside) and figures: a table's id may differ between readings."""
    return sorted((f.rule, " ".join(f.item.split()), f.reported, f.expected) for f in result.findings)


@pytest.mark.parametrize("style", ["grid", "horizontal"])
def test_a_scanned_report_gives_the_findings_of_its_text_layer(tmp_path, style):
    rows = budget_hierarchy(PROGRAMS)
    typo = {(0, 2): grouped(rows[0].pagu + 1_000_000)}  # Program 1's pagu
    text_layer = render_budget_pdf(rows, tmp_path / "teks.pdf", style, overrides=typo)
    expected = failed(audit(text_layer))
    assert ("footing-children", 0) in expected
    result = audit(scanned(text_layer, tmp_path / "pindaian.pdf"))
    assert failed(result) == expected, [f.message() for f in result.findings]
    table = next(t for t in result.tables if t.has_budget)
    assert [r.label for r in table.rows] == [r.label for r in rows]
    assert any("read by OCR" in r for r in table.repairs)
    # every finding on it tells the evaluator to look at the scan (or names the figure OCR was unsure of)
    assert all(f.message("id").endswith(("cocokkan angkanya dengan halaman pindaiannya.", "%).")) and
               "OCR" in f.message("id") for f in result.findings)


@pytest.mark.parametrize("style", ["grid", "zebra"])
def test_only_the_scanned_page_of_a_mixed_pdf_is_ocrd_and_the_table_continues_through_it(tmp_path, style):
    rows = budget_hierarchy(PROGRAMS)
    # five rows a page: the table runs over three pages, and the middle one is scanned
    text_layer = render_budget_pdf(rows, tmp_path / "teks.pdf", style, page_rows=5,
                                   overrides={(9, 2): grouped(rows[9].pagu + 100_000)})  # Kegiatan 2.2's pagu
    expected = failed(audit(text_layer))
    assert ("footing-children", 9) in expected
    mixed = scanned(text_layer, tmp_path / "campuran.pdf", pages={2})
    result = audit(mixed)
    assert failed(result) == expected, [f.message() for f in result.findings]
    table = next(t for t in result.tables if t.has_budget)
    assert [r.label for r in table.rows] == [r.label for r in rows]
    # only page 2 was read by OCR
    assert [r for r in table.repairs if "read by OCR" in r] == ["page 2: a scanned page, read by OCR (tesseract)"]


def test_a_finding_on_a_figure_ocr_was_unsure_of_says_so():
    finding = Finding("footing-children", "T1", "Program 1", "Pagu", page=3,
                      combined=["5.250.000", "3.500.000", "750.000"])
    elsewhere = Finding("row-sisa", "T1", "Program 2", "Sisa", page=4, combined=["750.000"])
    words = [OcrWord(3, "Rp3.500.000,-", 41.0), OcrWord(3, "5.250.000", 96.0), OcrWord(4, "750.000", 95.0),
             OcrWord(3, "Kegiatan", 12.0)]
    mark_ocr_doubts([finding, elsewhere], words)
    assert finding.ocr_doubts == [("3.500.000", 41.0)]
    assert elsewhere.ocr_doubts == []
    assert finding.message("id").endswith("Angka mungkin salah baca OCR (keyakinan): 3.500.000 (41 %).")
    assert finding.message("en").endswith("Figure may be misread by OCR (confidence): 3.500.000 (41 %).")


def test_a_finding_on_prose_a_scan_gave_says_its_text_was_read_by_ocr():
    # 001 ruled scanned whole: the prose's `22,16%` read `2,76%` with good confidence, a prose-arithmetic finding
    # the text does not have; the evaluator is told to look at the scan
    claim = Finding("prose-arithmetic", None, "realisasi 2,76%", "", line=2, combined=["2,76%"])
    typed = Finding("prose-arithmetic", None, "realisasi 2,76%", "", line=1, combined=["2,76%"])
    mark_ocr_doubts([claim, typed], [OcrWord(2, "2,76%", 91.0)], line_pages=[1, 2])
    assert claim.ocr_text and not claim.ocr_doubts and not typed.ocr_text
    assert claim.message("en").endswith("The text was read by OCR from a scan: check its figures against the "
                                        "scanned page.")
    assert "OCR" not in typed.message("en")


def test_without_tesseract_a_scanned_pdf_is_refused_in_one_line_that_says_what_to_install(tmp_path, monkeypatch):
    rows = budget_hierarchy(PROGRAMS)
    scan = scanned(render_budget_pdf(rows, tmp_path / "teks.pdf"), tmp_path / "pindaian.pdf")
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(InputError) as caught:
        read(scan)
    message = str(caught.value)
    assert "pindaian.pdf" in message and "OCR is not available" in message and "tesseract-ocr-ind" in message
    assert "\n" not in message


@pytest.mark.slow
def test_the_command_shows_each_scanned_page_as_it_is_read(tmp_path):
    # A scanned report takes seconds a page, and the audit runs in the notebook's kernel: the kernel's
    # progress lines reach the command's stderr as they come (runner.ProgressLines), in the run's language.
    rows = budget_hierarchy(PROGRAMS)
    scan = scanned(render_budget_pdf(rows, tmp_path / "teks.pdf", page_rows=5), tmp_path / "pindaian.pdf")
    environment = {k: v for k, v in os.environ.items() if k != "LKJIP_AUDIT_LANG"}
    done = subprocess.run([sys.executable, "-m", "lkjip_audit", "audit", str(scan), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=600, env=environment)
    assert done.returncode == 0, done.stderr
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(str(scan)))
    assert pages >= 2
    assert [line for line in done.stderr.splitlines() if line.startswith("OCR: ")] == [
        f"OCR: pindaian.pdf, halaman {n} ({n}/{pages})" for n in range(1, pages + 1)]


def test_an_ocr_reading_that_breaks_many_relations_is_doubted_not_reported():
    from lkjip_audit.checks.ocr_doubts import OCR_DOUBT_MIN, doubtful_reading

    # a report's own errors break a few relations; a misread scan (a row lost, digits run together) many
    assert not doubtful_reading(4, 47)  # the planted typo above: 4 of 47
    assert not doubtful_reading(OCR_DOUBT_MIN - 1, OCR_DOUBT_MIN)  # a small table with one error each way
    assert doubtful_reading(15, 51)  # the scanned Tabel 3.2 of Kediri (ruled rendering, pages 22-26)


@pytest.mark.slow
def test_flotim_block_pages_scanned_give_the_findings_of_the_pdf(tmp_path):
    # 002's ruled rendering with its budget blocks' pages (13-20) scanned: tesseract reads the bullet `•` as
    # `¢`, `»`, `“` or `*`, or takes the S of `Sub` with it (`ub Kegiatan :`). Every block keeps its heading,
    # so the 49 blocks and the findings on them are those of the PDF's text layer (before: 3 of its 5, and
    # one finding it does not have).
    source = FIXTURES / "pdf" / "002_d488c239828ced52_ruled.pdf"
    result = audit(scanned(source, tmp_path / "pindaian.pdf", pages=set(range(13, 21))))
    assert found(result) == found(audit(source))
    blocks = next(t for t in result.tables if t.has_budget and t.caption.startswith("Realisasi anggaran per Sub"))
    assert len(blocks.rows) == 49 and blocks.ocr


@pytest.mark.slow
def test_kukars_budget_pages_scanned_give_the_findings_of_the_pdf(tmp_path):
    # 000's ruled rendering with its realisation table's pages (24-31, Tabel 3.8, kode `2.17.03.2.01.02`)
    # scanned: its 18 findings are the text layer's (the whole report scanned misses one, a category label in
    # prose on another page).
    source = FIXTURES / "pdf" / "000_3ad56d6f2973d4fa_ruled.pdf"
    result = audit(scanned(source, tmp_path / "pindaian.pdf", pages=set(range(24, 32))))
    assert found(result) == found(audit(source)) and len(result.findings) == 18


@pytest.mark.slow
def test_a_scanned_ruled_budget_table_gives_the_findings_of_the_pdf(tmp_path):
    # Depok's ruled rendering with its realisation table's pages (41-48) scanned. Read as a page, tesseract took
    # the cells for columns of prose: `2` beside a rule came out `21`, a Kegiatan's pagu lost digits. Each ruled
    # cell is now cut out at its rules and read alone. Before: 32 of the 42 findings, and 2 the PDF does not have.
    source = FIXTURES / "pdf" / "004_b4b9a9e5ae63aa12_ruled.pdf"
    result = audit(scanned(source, tmp_path / "pindaian.pdf", pages=set(range(41, 49))))
    assert found(result) == found(audit(source))
    table = next(t for t in result.tables if t.has_budget and t.page == 41)
    assert table.ocr and any("re-read one by one by OCR" in r for r in table.repairs)


def test_what_is_paper_is_judged_on_the_whole_page():
    from PIL import Image

    # ink at 30, paper at 250, a rule's faint edge at 235 and noise at 245: the paper level parts ink from all of
    # the light greys, so a cell cut from the page reads without them
    page = Image.new("L", (100, 100), 250)
    page.paste(30, (10, 10, 40, 40))
    page.paste(235, (60, 0, 62, 100))
    page.paste(245, (80, 80, 90, 90))
    level = ocr.paper_level(page)
    assert 30 < level <= 235
    assert ocr.paper_level(Image.new("L", (50, 50), 255)) == ocr.BLANK_LEVEL  # a blank page: no split


def test_ocr_words_on_one_line_are_one_phrase_of_the_page_text():
    from lkjip_audit.ingest.pdf_areas import TextRun
    from lkjip_audit.ingest.pdf_pages import PageSurvey

    # tesseract's text layer places each word on its own; a PDF's own text one run per stretch of text
    words = [TextRun(72, 677, 130, 686, "Pemeliharaan "), TextRun(133, 677, 148, 686, "dan "),
             TextRun(151, 677, 175, 686, "Pajak "), TextRun(178, 677, 220, 686, "Kendaraan "),
             TextRun(300, 677, 345, 686, "75.000.000 "),  # a cell further right: a line of its own
             TextRun(72, 663, 98, 672, "2.17.01.2.09.06 ")]
    page = PageSurvey(number=1, height=842, lines=[], runs=words)
    assert page.text_between(600, 700).splitlines() == ["Pemeliharaan dan Pajak Kendaraan", "75.000.000 ",
                                                        "2.17.01.2.09.06 "]


@pytest.mark.slow
def test_a_scanned_one_row_block_of_a_ruled_table_is_found_and_continues_it(tmp_path):
    # Kediri's ruled rendering draws Tabel 3.2's last row on page 22 as a block of its own, one row high. On the
    # scan, camelot's default line scale missed its short uprights, the row was read as a borderless line with
    # its figures run together, and the table stopped there (its rows on page 23 read as a table of their own).
    source = FIXTURES / "pdf" / "001_64a952374f22daba_ruled.pdf"
    document = read(scanned(source, tmp_path / "pindaian.pdf", pages={22, 23}))
    table = next(t for t in document.tables if t.caption.startswith("Tabel : 3.2"))
    labels = [r.cells[1] for r in table.rows]
    assert "Sosialisasi Peraturan Perundang-Undangan" in labels and "Administrasi Umum Perangkat Daerah" in labels
    assert {r.page for r in table.rows} >= {22, 23}


def test_a_marker_ocr_misread_continues_the_list_of_the_row_above():
    from lkjip_audit.understand.hierarchy import assign_levels
    from lkjip_audit.understand.model import Level

    # Kediri's Tabel 3.2 scanned (001 ruled, page 23): `c.` read `Cc.`, `f.` read `E`, a Program's letter
    markers = ["A", "5", "a.", "b.", "Cc.", "d.", "e.", "E", "6", "a.", "B."]
    labels = ["PROGRAM PENUNJANG URUSAN", "Administrasi Umum", "Komponen Listrik", "Peralatan Kantor",
              "Peralatan Rumah Tangga", "Barang Cetak", "Bahan Bacaan", "Rapat Koordinasi", "Pengadaan Barang",
              "Pengadaan Mebel", "PROGRAM PENGAWASAN"]
    money = [True] * len(markers)
    sub = Level.SUB_KEGIATAN
    assert assign_levels(markers, labels, money, ocr=True) == [
        Level.PROGRAM, Level.KEGIATAN, sub, sub, sub, sub, sub, sub, Level.KEGIATAN, sub, Level.PROGRAM]
    # read from a text layer the markers are as printed: `E` opens a Program there, `Cc.` is no numbering
    levels = assign_levels(markers, labels, money)
    assert levels[7] is Level.PROGRAM and levels[4] is Level.OTHER


@pytest.mark.parametrize("markers, mended", [
    # a generated grid table scanned: dots lost (`11.2`, `2.21`) or read as digits; each read as the one number
    # the numbering leaves room for
    (["1", "1.1", "1.1.1", "11.2", "1.2", "2", "21", "2.2", "2.21", "2.2.2"], {3: "1.1.2", 6: "2.1", 8: "2.2.1"}),
    # numbers that go on, or fit no following number, or fit two of them, stay as read
    (["1", "2", "3", "10", "11", "12"], {}), (["1", "1.1", "171", "1.2"], {}),
    (["2.17.01", "21701"], {}),  # kode of several-digit segments: where the dots were is not known
])
def test_a_number_ocr_read_without_its_dot_is_the_one_the_numbering_leaves_room_for(markers, mended):
    from lkjip_audit.understand.hierarchy import numbering_read_without_dots

    assert numbering_read_without_dots(markers) == mended


@pytest.mark.slow
@pytest.mark.parametrize("pages, share", [(range(22, 27), 0.9), (range(15, 20), 0.8)], ids=["tabel-3-2", "rkpd"])
def test_kediris_tables_scanned_give_findings_of_the_pdf_only(tmp_path, pages, share):
    """001's ruled rendering with some pages scanned.

    Tabel 3.2's pages (22-26): its one-row block on page 22 found (finer line scale), the cells read one by
    one, `Cc.` and `E` (tesseract's `c.` and `f.`) kept in their list. Measured: 114 of the PDF's 118 findings
    (before: 75, and 18 it does not have).

    The RKPD table's pages (15-19: 20 columns, the kode one digit a cell): a cell alone is nearly all paper, and
    tesseract's own threshold took a rule's faint grey edge for ink and read the kode digit `7` as `H4`, `F4`,
    `th`, so the table's parts did not line up and were not joined; the page's threshold (`ocr.paper_level`)
    whitens that grey first. Quarters OCR read out of order are not summed. Measured: 99 of the PDF's 118
    (before: 61, and 7 it does not have)."""
    source = FIXTURES / "pdf" / "001_64a952374f22daba_ruled.pdf"
    result = audit(scanned(source, tmp_path / "pindaian.pdf", pages=set(pages)))
    pdf = set(found(audit(source)))
    assert set(found(result)) <= pdf
    assert len(set(found(result))) >= share * len(pdf)
