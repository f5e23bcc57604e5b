"""Reports as agencies' word processors make them (issue 17): the sample reports' text made into a Word
document (tests/word_renderings.py: merged header cells, header rows repeated on each page, landscape pages for
wide tables, grid / horizontal-rule / zebra styles), exported to PDF by LibreOffice, audited, and set against
the text's findings."""

from __future__ import annotations

import pytest

from conftest import DEPOK, FIXTURES, FLOTIM, KEDIRI, KUKAR_OCR
from lkjip_audit.audit import audit
from lkjip_audit.ingest import read
from lkjip_audit.ingest.pdf import clean_cell, joined_text
from lkjip_audit.understand.columns import mend_broken_words
from lkjip_audit.understand.model import Role
from word_renderings import STYLES, word_pdf


@pytest.mark.parametrize("printed, read_as", [
    ("Tar get Kin erja", "Target Kinerja"), ("Angg aran", "Anggaran"), ("DA K", "DAK"),
    ("Paja k Rok ok", "Pajak Rokok"), ("DB HC HT", "DBHCHT"), ("Cap aian Kin erja", "Capaian Kinerja"),
    # whole words stay apart; pieces that are words of their own are not joined
    ("Realisasi Anggaran", "Realisasi Anggaran"), ("Dana Alokasi Khusus", "Dana Alokasi Khusus"),
    ("Pagu dan Realisasi", "Pagu dan Realisasi"), ("No", "No"), ("Target 2023", "Target 2023"),
    # Kediri's 20-column RKPD table as a Word grid: two or three letters a line (text lines 449-451)
    ("Re ali sa si Ki ne rja Pa da Tri wu la n", "Realisasi Kinerja Pa da Triwulan"), ("Ko de", "Kode"),
    ("Ti ng ka t Ca pa ia n", "Tingkat Capaian"), ("An gg ar an R K P D", "Anggaran R K P D"),
])
def test_header_words_a_narrow_cell_broke_are_joined(printed, read_as):
    assert mend_broken_words(printed) == read_as


@pytest.mark.parametrize("cell, text", [
    ("3.586\n.961.374", "3.586.961.374"), ("5.087.297.98\n2", "5.087.297.982"), ("32,300,612,7\n88", "32,300,612,788"),
    ("534\n.75\n3.0\n00", "534.753.000"), ("5.08\n7.29\n7.98\n2", "5.087.297.982"),  # broken anywhere
    ("12,5\n.3", "12,5 .3"),  # not a thousands group: left as printed
    ("100\n%", "100 %"), ("Kegiatan\nterlaksana", "Kegiatan terlaksana"),
    # a cell one character wide, its characters read as a vertical line (Kediri's RKPD table, last pages)
    ("5 . 8 0 6 . 8 7 0 . 5 0 0", "5.806.870.500"), ("4 9 0 o r a n g", "490 orang"), ("J U M I L A H", "JUMILAH"),
    ("2 1 0 7 7 0 3", "2 1 0 7 7 0 3"),  # kode digits, one a cell, joined with spaces: left so
    ("K Rp", "K Rp"), ("a dan b", "a dan b"),
    # joined a line at a time from a borderless page (Kediri's RKPD table, horizontal rules, pages 72-75): a
    # separator alone on its line, letters one a line after the count's digits
    ("20 .951 .250", "20.951.250"), ("73\n.", "73."), ("30 o r a n g", "30 orang"), ("12,5 .3", "12,5 .3"),
])
def test_a_figure_a_narrow_cell_wrapped_is_one_figure(cell, text):
    assert clean_cell(cell) == text


@pytest.mark.parametrize("lines, text", [
    # a borderless page's rows come a text line at a time: the figure is joined line by line (Kediri's Tabel 3.2
    # as a Word table with horizontal rules, pages 79-85)
    (["534", ".75", "3.0", "00"], "534.753.000"), (["965", ".68", "3.6", "08"], "965.683.608"),
    (["5.08", "7.29", "7.98", "2"], "5.087.297.982"), (["1.5", "01.", "018", ".48", "8"], "1.501.018.488"),
    (["12,5", ".3"], "12,5 .3"), (["100,00", "%"], "100,00 %"),
])
def test_a_figure_wrapped_over_text_lines_is_joined_line_by_line(lines, text):
    joined = ""
    for line in lines:
        joined = joined_text(joined, line)
    assert joined == text


def test_pdf_table_rows_stand_on_the_text_layer_line_they_start_on():
    document = read(FIXTURES / "pdf" / "004_b4b9a9e5ae63aa12_ruled.pdf")
    located = [(row, table) for table in document.tables for row in table.rows if row.line is not None]
    assert len(located) > 0.9 * sum(len(t.rows) for t in document.tables)
    for row, table in located:
        line = " ".join(document.lines[row.line - 1].split())
        assert any(" ".join(c.split())[:20] in line for c in row.cells if len(c.strip()) >= 3), (row, line)
        assert document.line_pages[row.line - 1] == row.page


def found(result):
    # A prose count's item names the table or the other sentence (their numbers differ between text and PDF);
    # labels may differ in their spaces where a cell wraps.
    return sorted((f.rule, "".join((f.item if f.rule != "prose-counts" else f.column).split()), f.reported,
                   f.expected) for f in result.findings)


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
def test_flotim_as_a_word_document_gives_the_findings_of_its_text(tmp_path, style):
    assert found(audit(word_pdf(FLOTIM, tmp_path, style))) == found(audit(FLOTIM))


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
def test_kukar_as_a_word_document_gives_the_findings_of_its_text(tmp_path, style):
    """Kutai Kartanegara's report is an OCR text whose tables are set out with spaces, not tabs: the generator
    makes Word tables of them as the text reader reads them (session 17; before, the document had no table
    and its PDF gave 4 of the text's 18 findings). All 18 as a grid; with horizontal rules or zebra rows one
    names its Sub Kegiatan without the words its cell wrapped last (`Kabupaten/Kota`, on the next page)."""
    pdf, text = audit(word_pdf(KUKAR_OCR, tmp_path, style)), audit(KUKAR_OCR)

    def figures(result):
        return {(f.rule, f.reported, f.expected) for f in result.findings}

    assert figures(pdf) == figures(text)
    assert len(pdf.findings) == len(text.findings) == 18


@pytest.mark.slow
def test_depok_as_a_word_grid_gives_most_findings_of_its_text_and_none_other(tmp_path):
    """Measured: 42 of the text's 43 findings (40 of 41 before the staff shares of lines 304-305 were read).
    The PK's "Jumlah Anggaran" row (text line 523) printed
    `Juml ah Ang gara n` in its narrow cell is its total; the two one-row indicator tables under line 759, read
    as one over the union of their rules, are put under one header; line 46's sentence ends where its table
    begins. Missing (issue 17, not yet read): line 824's Sub Kegiatan target against the table above it."""
    pdf, text = found(audit(word_pdf(DEPOK, tmp_path, "grid"))), found(audit(DEPOK))
    assert set(pdf) <= set(text)
    assert len(pdf) >= 0.9 * len(text)


@pytest.mark.slow
@pytest.mark.parametrize("style", ["horizontal", "zebra"])
def test_depok_with_horizontal_rules_or_zebra_rows_gives_no_finding_its_text_does_not_have(tmp_path, style):
    """Measured: 39 (horizontal) and 40 (zebra) of the text's 43 findings (session 13: 30 and 31 of 41; then a
    header's year and column formulas stayed header text, a caption line ended the table above, and a staff
    table's `Jumlah | 34 Orang` row stayed a row; the staff shares of lines 304-305 are read as in the text),
    and none with other figures (one names its Sub
    Kegiatan without the word its cell wrapped last, printed alone on the next page under the repeated header).
    The Perjanjian Kinerja's Programs, one Word table with its Sasaran, go on past the page where Word repeats
    the table's first header: all 8 are listed, so the sentences counting 8 Programs are not set against the
    main table's 7. Missing (issue 17): the PK's Jumlah row split by the page, line 824's Sub Kegiatan
    target."""
    text = audit(DEPOK)

    def figures(result):
        return {(f.rule, f.reported, f.expected) for f in result.findings}

    pdf = audit(word_pdf(DEPOK, tmp_path, style))
    assert figures(pdf) <= figures(text)
    assert len(pdf.findings) >= 0.9 * len(text.findings)


@pytest.mark.slow
def test_kediri_tabel_3_2_as_a_word_grid_gives_the_findings_of_its_text(tmp_path):
    """Kediri's Tabel 3.2 (13 columns) on a landscape page: the generator narrows a table wider than the page,
    as a word processor does, and its amounts wrap in their cells (`534` / `.75` / `3.0` / `00`), read back as
    one figure. Its 45 findings (the cross-table ones aside) are the text's; a narrow cell's `JU ML AH` is
    compared without its spaces.

    The whole report: its RKPD table (20 columns, pages 15-34) is read too (session 14; before, 59 of the text's
    116 findings): the three header rows Word repeats on each page (one of formulas) are dropped, a row Word
    broke across pages is joined back (`28.746.700,` / `00`, `12` / `5 orang`, `100,00` / `%`), header words
    broken every two or three letters (`Re ali sa si`, `Ko de`) are mended, so the kode printed over five cells
    is joined, and units broken so (`125 ko p`, `21 uni t`) still compare with `125 kop`. Its last pages, where
    longer kode make 23 narrower columns and a figure stands one character a line (pdfminer reads it as vertical
    text, `5 . 8 0 6 . 8 7 0`), are read too (session 16; before, 97 of the text's findings, now 107)."""
    pdf, text = audit(word_pdf(KEDIRI, tmp_path, "grid")), audit(KEDIRI)

    def figures(result):  # two tables disagreeing: either may be the one reported
        return {(f.rule, frozenset((f.reported, f.expected))) for f in result.findings}

    assert figures(pdf) <= figures(text)
    assert len(figures(pdf)) >= 0.9 * len(figures(text))

    assert len(on_tabel_3_2(text)) == 45
    assert on_tabel_3_2(pdf) == on_tabel_3_2(text)


def on_tabel_3_2(result):
    table = next(t for t in result.tables if t.has_budget and t.caption.startswith("Tabel : 3.2."))
    return sorted((f.rule, "".join(f.item.split()) if f.rule != "prose-counts" else f.column, f.reported,
                   f.expected) for f in result.findings if f.table == table.id and f.rule != "cross-table")


@pytest.mark.slow
@pytest.mark.parametrize("style", ["horizontal", "zebra"])
def test_kediri_without_cell_borders_gives_the_findings_of_its_text(tmp_path, style):
    """Tabel 3.2 with horizontal rules only or zebra rows (pages 79-85): `Realisasi Anggaran s/d Bulan Desember
    2021` spans DAU ... Total, and the text reader put it over DAK, the column it covered most, so the table had
    no realisasi column and was not a budget table at all; figures wrapped in narrow cells (`534` / `.75` / `3.0`
    / `00`) were joined as `534 .753.000`, and the Sisa's last digit, alone under the last row, was dropped as a
    page number. Before: none of its 45 findings.

    The whole report (session 17; before, 58 of the text's 118 findings): the RKPD table's 21 columns 23 points
    wide, one or two rows a page under a 40-line header. Its header stands in three bands (names broken every
    two letters, the quarters and formulas, K / Rp), one row each; each page's rows leave other columns empty,
    so the pages share their usual separators and a page repeating the header goes on with the table whatever
    its width; rows cut by the page break are joined back (`16` / `6.591.969`, `125` / `ko p`). Now 107, as
    the grid rendering, and the same three findings with the text's figures on other rows."""
    pdf, text = audit(word_pdf(KEDIRI, tmp_path, style)), audit(KEDIRI)
    assert on_tabel_3_2(pdf) == on_tabel_3_2(text)

    def figures(result):  # two tables disagreeing: either may be the one reported
        return {(f.rule, frozenset((f.reported, f.expected))) for f in result.findings}

    assert figures(pdf) <= figures(text)
    assert len(figures(pdf)) >= 0.9 * len(figures(text))
    rkpd = [t for t in pdf.tables if t.columns_with(Role.TRIWULAN)]
    assert len(rkpd) == 1 and len(rkpd[0].rows) >= 55  # one table over its pages 17-75


# --- a borderless table the reader doubts, confirmed by its own arithmetic --------------------------------

from lkjip_audit.ingest.document import RawRow, RawTable  # noqa: E402
from lkjip_audit.ingest.pdf import stitch  # noqa: E402
from lkjip_audit.understand import understand_table  # noqa: E402

DOUBT = "borderless table, columns uncertain (camelot accuracy 98.8% on page 48)"
BUDGET_ROWS = [("No", "Program/Kegiatan", "Pagu", "Realisasi", "%", "Sisa"),
               ("1", "Program Penunjang Urusan", "1.000.000", "900.000", "90,00", "100.000"),
               ("", "Kegiatan Administrasi Umum", "600.000", "540.000", "90,00", "60.000"),
               ("", "Kegiatan Rapat Koordinasi", "400.000", "360.000", "90,00", "40.000"),
               ("2", "Program Pemberdayaan Koperasi", "2.000.000", "1.500.000", "75,00", "500.000"),
               ("", "Kegiatan Penyuluhan Koperasi", "2.000.000", "1.500.000", "75,00", "500.000")]


def test_a_doubted_borderless_table_whose_arithmetic_holds_is_checked():
    table = understand_table(RawTable(rows=[RawRow(r, page=1) for r in BUDGET_ROWS], uncertain=DOUBT), "T1")
    assert not table.uncertain and any("columns confirmed by the rows' own arithmetic (10 of 10" in r
                                       for r in table.repairs)
    assert table.relations


def test_a_doubted_table_whose_arithmetic_fails_stays_shown_not_checked():
    # the columns' figures shifted: the % is not realisasi / pagu on most rows
    shifted = [BUDGET_ROWS[0]] + [r[:2] + (r[3], r[2]) + r[4:] for r in BUDGET_ROWS[1:]]
    table = understand_table(RawTable(rows=[RawRow(r, page=1) for r in shifted], uncertain=DOUBT), "T1")
    assert table.uncertain == DOUBT


# --- a repeated header read together with the page's first row -----------------------------------------------

def test_a_repeated_header_joined_to_the_first_row_of_a_page_is_taken_off_it():
    from lkjip_audit.ingest.pdf import PageTable
    header = ("No.", "Program/Kegiatan", "Target", "Realisasi", "%")
    first = PageTable(page=1, flavor="stream", bbox=(0, 0, 500, 700),
                      rows=[RawRow(header, page=1), RawRow(("1", "Program A", "1.000.000", "900.000", "90,00%"), page=1)],
                      row_spans=[(700, 690), (690, 680)], accuracy=98.8)
    second = PageTable(page=2, flavor="stream", bbox=(0, 0, 500, 700),
                       rows=[RawRow(("No.", "Program/Kegiatan Kegiatan B", "Target 500.000", "Realisasi 450.000",
                                     "% 90,00%"), page=2)], row_spans=[(700, 690)], accuracy=98.9)
    table, = stitch([first, second])
    assert [r.cells for r in table.rows][2] == ("", "Kegiatan B", "500.000", "450.000", "90,00%")
    assert any("1 repeated header row(s) dropped" in r.what.text("en") for r in table.repairs)


@pytest.mark.slow
@pytest.mark.parametrize("style", ["horizontal", "zebra"])
def test_depoks_long_table_without_rules_is_read_whole_over_its_pages(tmp_path, style):
    """Text lines 941-1002 (45 rows), on four landscape pages with the header repeated on each: on pages without
    cell borders the repeated header is read together with each page's first row, and taken off it; camelot's
    accuracy (98.8-99 %) doubts the columns, the rows' own % and sisa confirm them."""
    result = audit(word_pdf(DEPOK, tmp_path, style))
    table, = [t for t in result.tables if len(t.rows) > 20]
    assert len(table.rows) == 45 and not table.uncertain
    text = found(audit(DEPOK))
    assert {f for f in found(result) if f[1] and f[0] != "prose-counts"} <= set(text) | {
        # the same finding as the text's, its label read without its last word ("teknologi") in this rendering
        ("cross-table", "JumlahusahaMikroyangterfasilitasidalampengembanganproduksidanpengolahan,pemasaran,SDM,"
                        "sertadesaindan", 1000, 1800)}
