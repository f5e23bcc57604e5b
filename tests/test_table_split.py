"""Two tables read as one: a row of column names under rows of figures starts another table."""

from __future__ import annotations

from lkjip_audit.ingest.document import RawRow, RawTable
from lkjip_audit.understand import Role, understand_table
from lkjip_audit.understand.split_tables import realign_repeated_headers, split_at_inner_headers

PK_SASARAN = [("No.", "Sasaran Strategis", "Indikator Kinerja", "Target"),
              ("1", "Meningkatnya Kualitas Manajemen", "Nilai SAKIP", "70,20"),
              ("2", "Meningkatnya Daya Saing Koperasi", "Koperasi Berkualitas", "21%")]
PK_ANGGARAN = [("No.", "Program", "Anggaran", "Keterangan"),
               ("1", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN", "Rp 9.384.257.538", "Mendukung"),
               ("2", "PROGRAM PENGAWASAN KOPERASI", "Rp 443.312.500", "Mendukung"),
               ("", "Jumlah Anggaran", "Rp 9.827.570.038", "")]


def raw(rows, page=17) -> RawTable:
    return RawTable(rows=[RawRow(tuple(cells), page=page) for cells in rows])


def test_a_perjanjian_kinerja_page_read_as_one_table_is_two():
    # Depok's PK (004, PDF page 17): its Sasaran table, then under a header of its own its Programs' Anggaran.
    parts = split_at_inner_headers(raw(PK_SASARAN + PK_ANGGARAN))
    assert [[r.cells[1] for r in part.rows] for part in parts] == [
        [r[1] for r in PK_SASARAN], [r[1] for r in PK_ANGGARAN]]
    budget = understand_table(parts[1], "T2")
    assert [c.role for c in budget.columns][1:3] == [Role.LABEL, Role.PAGU]
    assert str(budget.repairs[0]) == ("page 17: a row of column names inside the table: read as a table of its "
                                      "own from this row")
    # its Jumlah is checked against its Programs (they add up)
    assert [r.kind for r in budget.relations] == ["column-total"]


def test_a_narrow_cell_that_broke_the_total_word_still_makes_a_total_row():
    # The Word rendering of Depok's PK: `Juml ah Ang gara n` in a narrow No. cell is its Jumlah Anggaran row,
    # and its figure is the column's total (the text's line 523: 32,300,612,788 against 32,300,621,788).
    rows = PK_ANGGARAN[:3] + [("Juml ah Ang gara n", "", "Rp 9.827.570.039", "")]
    table = understand_table(raw(rows), "T2")
    assert [r.level.value for r in table.rows] == ["Program", "Program", "Jumlah"]
    assert [(r.kind, r.target) for r in table.relations] == [("column-total", (2, 2))]


# Depok lines 763-767 as a Word document prints them: a table per indicator, each with its header; read as
# one over the union of their rules, the second's columns stand one place off.
INDICATORS = [("No", "Indikator Kinerja", "Target", "", "Realisasi", "", "% Capaian", "", "", "Ket"),
              ("1.", "Koperasi Berkualitas", "21%", "", "36,36%", "", "173,14%", "", "", "Telah melampaui target"),
              ("No", "Indikator Kinerja", "", "Tar get", "", "Realis asi", "", "% Cap aian", "Ket", ""),
              ("2.", "Presentase Wirausaha", "", "2%", "", "0,74%", "", "37%", "Tidak melampaui target", "")]


def test_a_second_table_of_the_same_columns_is_put_under_the_first_header():
    table = realign_repeated_headers(raw(INDICATORS))
    assert [r.cells for r in table.rows] == [
        INDICATORS[0], INDICATORS[1],
        ("2.", "Presentase Wirausaha", "2%", "", "0,74%", "", "37%", "", "", "Tidak melampaui target")]
    assert [str(r.what) for r in table.repairs] == [
        "the table's header repeated with its columns placed otherwise (a second table of the same columns): "
        "the rows under it moved to the columns the first header names"]
    capaian = understand_table(table, "T1")
    assert [c.role for c in capaian.columns if c.header] == [Role.NO, Role.INDIKATOR, Role.TARGET,
                                                              Role.REALISASI_KINERJA, Role.CAPAIAN, Role.KETERANGAN]


def test_a_row_with_a_figure_where_the_repeated_header_names_nothing_is_not_moved():
    rows = INDICATORS[:3] + [("2.", "Presentase Wirausaha", "", "2%", "", "0,74%", "", "37%", "", "5")]
    assert [r.cells for r in realign_repeated_headers(raw(rows)).rows][-1] == rows[-1]


def test_rows_of_words_are_not_a_header():
    # a group row naming a Program (one cell), the table's own header repeated, or a row of column names with
    # no figures after it: still one table
    group = [("", "PROGRAM PENGAWASAN KOPERASI", "", "")]
    repeated = [PK_ANGGARAN[0]]
    for inside in (group, repeated):
        assert len(split_at_inner_headers(raw(PK_ANGGARAN[:3] + inside + PK_ANGGARAN[1:3]))) == 1
    assert len(split_at_inner_headers(raw(PK_SASARAN + [PK_ANGGARAN[0]]))) == 1


def test_a_row_wrapped_onto_the_next_line_is_joined_back_even_a_cell_short():
    # Depok lines 819-822: the label and the indicator of a row wrap onto a line of their own, after a blank
    # line and without the empty first cell (`No.`) the rows print; the table goes on below it.
    from tables import audit_text

    text = "\n".join([
        "No.\tPROGRAM/ KEGIATAN\tINDIKATOR KINERJA\tTARGET\tREALISASI\t% CAPAIAN",
        "\tProgram Penilaian Kesehatan\tPersentase Koperasi Sehat\t25%\t36,36%\t145%",
        "\tSub Kegiatan Pelaksanaan Penilaian\tJumlah Unit usaha yang telah\t115 Unit Usaha\t110 unit usaha\t95,65 %",
        "",
        "Koperasi Kewenangan Kabupaten/Kota\tdilakukan penilaian kesehatan\t\t\t",
        "Sub Kegiatan Penghargaan Kesehatan\tJumlah koperasi yang mendapatkan penghargaan\t5 Unit Usaha\t5 unit usaha\t90%",
    ]) + "\n"
    result = audit_text(text)
    (table,) = result.tables
    assert [r.label for r in table.rows] == [
        "Program Penilaian Kesehatan", "Sub Kegiatan Pelaksanaan Penilaian Koperasi Kewenangan Kabupaten/Kota",
        "Sub Kegiatan Penghargaan Kesehatan"]
    assert table.rows[1].cells[2] == "Jumlah Unit usaha yang telah dilakukan penilaian kesehatan"
    # The row below is read in its columns: 5 of 5 is 100 %, printed 90 %.
    assert [(f.rule, f.line, f.reported, f.expected) for f in result.findings] == [
        ("row-capaian", 6, 90, 100)]


def merged_amounts(numbered: bool) -> list[tuple[str, ...]]:
    """Depok's PK Programmes as its ruled PDF reads them: amounts run into the Keterangan beside an empty
    Anggaran cell (`Rp 9,384,257,538 Mendukung/...`), with their numbers or (scanned) without."""
    return [("No.", "Program", "Anggaran", "Keterangan"),
            ("1" if numbered else "", "PROGRAM PENUNJANG URUSAN", "", "Rp 9,384,257,538 Mendukung Sasaran Ke 1"),
            ("2" if numbered else "", "PROGRAM PELAYANAN IZIN", "Rp -", "Mendukung Sasaran Ke 2"),
            ("3" if numbered else "", "PROGRAM PENGAWASAN KOPERASI", "", "Rp 443,312,500 Mendukung Sasaran Ke 2"),
            ("", "Jumlah Anggaran", "Rp 9,827,570,039", "")]


def test_an_amount_merged_with_the_next_cell_s_words_goes_back_to_its_column():
    # Depok's ruled PDF, page 17: the Programs' amounts printed into the Keterangan cell beside an empty
    # Anggaran cell, whose other rows print `Rp -` and the Jumlah. The amounts go back under Anggaran, and the
    # Jumlah is checked against them (32,300,612,788 in the report; here the two rows' sum is 9,827,570,038).
    table = understand_table(raw(merged_amounts(numbered=True)), "T1")
    assert [(r.cells[2], r.cells[3]) for r in table.rows[:3]] == [
        ("Rp 9,384,257,538", "Mendukung Sasaran Ke 1"), ("Rp -", "Mendukung Sasaran Ke 2"),
        ("Rp 443,312,500", "Mendukung Sasaran Ke 2")]
    assert "`Rp 9,384,257,538 Mendukung Sasaran Ke 1` holds an amount and the next cell's words: split in two" \
        in " ".join(table.repairs)
    assert [(r.kind, r.target) for r in table.relations] == [("column-total", (3, 2))]


def test_words_after_an_amount_stay_when_the_column_left_holds_no_amounts():
    rows = [("No.", "Program", "Uraian", "Keterangan"),
            ("1", "PROGRAM A", "", "Rp 9,384,257,538 Mendukung Sasaran Ke 1"),
            ("2", "PROGRAM B", "Rapat", "Mendukung Sasaran Ke 2"),
            ("3", "PROGRAM C", "", "Rp 443,312,500 Mendukung Sasaran Ke 2")]
    table = understand_table(raw(rows), "T1")
    assert table.rows[0].cells[2:4] == ["", "Rp 9,384,257,538 Mendukung Sasaran Ke 1"]


def test_an_inner_header_laid_on_the_first_table_s_columns_gets_one_name_per_column():
    # Depok's PK as a Word table with horizontal rules (its Sasaran and Programs' parts one table): read from
    # the gaps between the text, the Programs' header lies on the Sasaran part's columns, `No. | Program
    # Anggaran | Keterangan |`, over rows that fill four columns. Its names are spread one per column.
    rows = PK_SASARAN + [("No.", "Program Anggaran", "Keterangan", ""),
                         ("1", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN", "Rp 9.384.257.538", "Mendukung"),
                         ("2", "PROGRAM PENGAWASAN KOPERASI", "Rp 443.312.500", "Mendukung"),
                         ("", "Jumlah Anggaran", "Rp 9.827.570.038", "")]
    budget = understand_table(split_at_inner_headers(raw(rows))[1], "T2")
    assert [(c.header, c.role) for c in budget.columns] == [
        ("No.", Role.NO), ("Program", Role.LABEL), ("Anggaran", Role.PAGU), ("Keterangan", Role.KETERANGAN)]


def test_the_whole_table_s_header_repeated_on_a_page_of_a_part_split_off_is_dropped():
    # Depok's PK as one Word table with horizontal rules: its Sasaran part, then its Programs under their own
    # header; on the next page Word repeats the table's first header (`No. | Sasaran Strategis | Indikator
    # Kinerja Target`, cells joined otherwise) over the rest of the Programs. They go on in the Programs' table.
    rows = PK_SASARAN + [PK_ANGGARAN[0], PK_ANGGARAN[1],
                         ("No.", "Sasaran Strategis", "Indikator Kinerja Target", ""),
                         PK_ANGGARAN[2], PK_ANGGARAN[3]]
    parts = split_at_inner_headers(raw(rows))
    assert [[r.cells[1] for r in part.rows] for part in parts] == [
        [r[1] for r in PK_SASARAN], [r[1] for r in PK_ANGGARAN]]
    assert str(parts[1].repairs[-1].what) == ("the header of the table it was read in repeated on a new page: "
                                              "dropped, the table goes on")


def test_a_first_row_that_lost_its_number_is_not_taken_for_header():
    # Depok's PK scanned: OCR lost the first Programme's `1`, and its amount ran into the Keterangan beside it
    # (`Rp 9,384,257,538 Mendukung/...`), so the row had no figure of its own and was read as a second header
    # row. An amount of a million rupiah or more is never a header's.
    table = understand_table(raw(merged_amounts(numbered=False)), "T1")
    assert [c.header for c in table.columns] == ["No.", "Program", "Anggaran", "Keterangan"]
    assert [r.cells[2] for r in table.rows] == ["Rp 9,384,257,538", "Rp -", "Rp 443,312,500", "Rp 9,827,570,039"]
