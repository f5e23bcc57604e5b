"""Borderless table areas from a page's text runs (lkjip_audit/ingest/pdf_areas.py), on small inline pages.

Cells are (left, right, text) per line, top to bottom; a line is as high as in the sample PDF it comes from.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_audit.ingest.pdf_areas import TextRun, table_areas

HEIGHT = 5.6


def runs(lines: list[tuple[float, list[tuple[float, float, str]]]], height: float = HEIGHT) -> list[TextRun]:
    return [TextRun(left, top - height, right, top, text) for top, cells in lines for left, right, text in cells]


#: Kediri's RKPD table as its borderless rendering prints it (001_64a952374f22daba_plain.pdf page 14, text lines
#: 449-457): header names wrapped over many lines, ending in the year (`2021`, `2021 (%)`), a row of quarter
#: numbers and column formulas (`9 =` / `5+6+7+8`, `10 = 9/4 x` / `100%`), and the K / Rp row after a gap wider
#: than the wrapped lines'.
KEDIRI_RKPD_TOP = [
    (540.0, [(43, 57, "Kode"), (63, 85, "Urusan/"), (101, 125, "Indikator"), (137, 155, "Target"),
             (171, 196, "Realisasi"), (463, 488, "Realisasi"), (526, 547, "Tingkat")]),
    (532.5, [(63, 82, "Bidang"), (101, 121, "Kinerja"), (137, 157, "Kinerja"), (171, 191, "Kinerja"),
             (463, 486, "Capaian"), (526, 549, "Capaian")]),
    (525.0, [(63, 83, "Urusan"), (101, 124, "Program"), (137, 147, "dan"), (171, 185, "Pada"),
             (463, 495, "Kinerja dan"), (526, 558, "Kinerja dan")]),
    (517.5, [(63, 95, "Pemerintah"), (100, 132, "(Outcome)/"), (137, 164, "Anggaran"), (171, 195, "Triwulan"),
             (463, 490, "Anggaran"), (526, 552, "Realisasi")]),
    (510.0, [(63, 95, "Daerah dan"), (101, 125, "Kegiatan"), (137, 154, "RKPD"), (463, 495, "RKPD yang"),
             (526, 554, "Anggaran")]),
    (502.5, [(63, 89, "Program/"), (100, 124, "(Output)"), (137, 154, "Tahun"), (463, 491, "dievaluasi"),
             (526, 558, "RKPD yang")]),
    (495.0, [(63, 87, "Kegiatan"), (137, 160, "Berjalan"), (463, 476, "2021"), (526, 555, "dievaluasi")]),
    (487.5, [(137, 150, "yang"), (526, 550, "2021 (%)")]),
    (480.0, [(137, 165, "dievaluasi")]),
    (472.4, [(137, 150, "2021")]),
    (463.0, [(171, 172, "I"), (255, 257, "II"), (323, 327, "III"), (386, 392, "IV"), (463, 471, "9 ="),
             (526, 552, "10 = 9/4 x")]),
    (455.4, [(463, 486, "5+6+7+8"), (526, 541, "100%")]),
    (445.8, [(171, 175, "K"), (202, 209, "Rp"), (255, 258, "K"), (298, 305, "Rp"), (323, 327, "K"),
             (367, 374, "Rp"), (386, 390, "K"), (425, 432, "Rp"), (463, 467, "K"), (501, 508, "Rp"),
             (527, 530, "K"), (565, 572, "Rp")]),
    (436.4, [(54, 57, "2"), (92, 95, "1")]),
    (426.9, [(54, 57, "2"), (92, 95, "1"), (129, 132, "0"), (163, 166, "2"), (194, 197, "0"), (202, 227, "URUSAN")]),
    (419.3, [(202, 249, "PEMERINTAHAN")]),
    (372.5, [(54, 57, "2"), (92, 95, "1"), (129, 132, "0"), (163, 166, "1"), (194, 197, "0"), (202, 232, "PROGRAM"),
             (254, 276, "cekupan"), (303, 318, "100%"), (323, 361, "5.087.297.982"), (379, 381, "-"),
             (387, 419, "631.110.930"), (425, 457, "967.101.372"), (463, 496, "981.091.939"), (556, 559, "0"),
             (565, 611, "4.121.714.374,00"), (721, 741, "81,02%")]),
    (365.0, [(202, 238, "PENUNJANG"), (255, 285, "penyediaan")]),
    (303.0, [(54, 57, "2"), (92, 95, "1"), (129, 132, "0"), (163, 166, "2"), (194, 197, "0"),
             (202, 239, "Perencanaan,"), (254, 273, "Jumlah"), (298, 301, "7"), (335, 361, "6.970.800"),
             (379, 381, "-"), (418, 419, "-"), (425, 449, "2 laporan"), (470, 496, "2.340.200"), (501, 504, "1"),
             (538, 559, "941.100"), (565, 589, "4 laporan"), (623, 649, "3.147.600"), (655, 679, "7 laporan"),
             (706, 741, "6.429.100,00"), (755, 766, "86%"), (777, 797, "92,23%")]),
]


def test_a_header_s_year_and_column_formulas_are_not_its_first_figures():
    # Before, `2021` and `5+6+7+8 100%` were taken for rows of figures: the K / Rp row after the wider gap then
    # started a new table, and the body was read without its column names (shown, not checked).
    (area,) = table_areas(runs(KEDIRI_RKPD_TOP))
    assert area.top == 541.0 and area.bottom < 303.0 - HEIGHT
    # every body column gets its separator: 5 kode digits, label, indikator, K/Rp pairs, %
    assert len(area.columns) >= 15


def test_a_header_after_rows_of_figures_and_a_wide_gap_still_starts_a_new_table():
    first = [(500.0, [(50, 80, "No"), (100, 160, "Program"), (300, 340, "Pagu"), (400, 450, "Realisasi")]),
             (490.0, [(50, 55, "1"), (100, 160, "Program A"), (300, 340, "1.000.000"), (400, 450, "900.000")]),
             (480.0, [(50, 55, "2"), (100, 160, "Program B"), (300, 340, "2.000.000"), (400, 450, "1.500.000")])]
    # a second table: header, column numbers, one row, after a gap far wider than the first one's rows
    second = [(430.0, [(50, 80, "No"), (100, 160, "Sasaran"), (300, 340, "Target"), (400, 450, "Realisasi")]),
              (420.0, [(50, 55, "(1)"), (100, 110, "(2)"), (300, 310, "(3)"), (400, 410, "(4)")]),
              (410.0, [(50, 55, "1"), (100, 160, "Sasaran A"), (300, 340, "90"), (400, 450, "95")])]
    assert [a.top for a in table_areas(runs(first + second))] == [501.0, 431.0]


#: Depok's staff tables (004_b4b9a9e5ae63aa12_plain.pdf page 10, text lines 311-322): each under its caption,
#: under prose as wide as the page, each caption no wider than its table, the gap above a header no wider
#: than a row's; lines 9.5 points high.
DEPOK_STAFF = [
    (395.6, [(72, 532, "Pada Tahun 2023 jumlah pegawai Dinas Koperasi dan Usaha Mikro Kota Depok sebanyak 60 orang")]),
    (383.1, [(72, 277, "Tabel a. Data PNS berdasarkan Jenis Kelamin")]),
    (363.6, [(73, 87, "No."), (97, 164, "Jenis Kelamin"), (174, 250, "Jumlah Pegawai")]),
    (348.1, [(81, 87, "1."), (98, 144, "Laki – Laki"), (174, 214, "20 Orang")]),
    (332.3, [(80, 87, "2."), (98, 148, "Perempuan"), (174, 214, "14 Orang")]),
    (317.1, [(97, 129, "Jumlah"), (174, 214, "34 Orang")]),
    (293.1, [(72, 260, "Tabel b. Data Pegawai berdasarkan status")]),
    (273.6, [(73, 87, "No."), (97, 170, "Status Pegawai"), (180, 257, "Jumlah Pegawai")]),
    (257.8, [(81, 87, "1."), (98, 117, "PNS"), (180, 221, "34 Orang")]),
    (242.3, [(80, 87, "2."), (98, 142, "NON PNS"), (180, 221, "26 Orang")]),
    (227.1, [(97, 129, "Jumlah"), (180, 221, "60 Orang")]),
]


def test_a_caption_line_ends_the_table_above_it():
    # Before, the caption was a one-cell line inside one area, and the two tables were read as one.
    areas = table_areas(runs(DEPOK_STAFF, height=9.5))
    assert [(a.top, len(a.row_starts)) for a in areas] == [(364.6, 4), (274.6, 4)]


def test_a_count_with_its_unit_is_a_row_of_its_own_not_a_wrapped_label():
    from lkjip_audit.ingest.document import RawRow, RawTable
    from lkjip_audit.ingest.pdf import merge_continuation_lines

    rows = [("No.", "Jenis Kelamin", "Jumlah Pegawai"), ("1.", "Laki – Laki", "20 Orang"),
            ("2.", "Perempuan", "14 Orang"), ("", "Jumlah", "34 Orang"), ("", "(PNS dan PPPK)", "")]
    table = RawTable(rows=[RawRow(cells) for cells in rows])
    merge_continuation_lines(table)
    # the Jumlah row stays; the line under it with no figure is its wrapped label
    assert [r.cells for r in table.rows] == [*rows[:3], ("", "Jumlah (PNS dan PPPK)", "34 Orang")]


#: Kediri's Tabel 3.2 as a Word table with horizontal rules only (tests/word_renderings.py, page 79; text lines
#: 590-592): `Realisasi Anggaran s/d Bulan Desember 2021` spans the five columns DAU ... Total, whose names
#: stand under it, broken in narrow cells; the first row's figures wrap over four lines.
KEDIRI_REALISASI_HEADER = [
    (538.2, [(57, 68, "No"), (82, 209, "Program/Kegiatan/Sub Kegiatan"), (275, 343, "Indikator Kinerja"),
             (457, 470, "Tar"), (482, 492, "Ca"), (506, 522, "Ang"), (537, 652, "Realisasi Anggaran s/d Bulan"),
             (670, 676, "%"), (711, 721, "Sil")]),
    (528.7, [(457, 469, "get"), (482, 494, "pai"), (507, 524, "gara"), (537, 597, "Desember 2021"), (711, 720, "pa")]),
    (519.3, [(457, 470, "Kin"), (482, 491, "an"), (507, 511, "n"), (711, 721, "An")]),
    (509.8, [(457, 467, "erj"), (482, 495, "Kin"), (537, 548, "DA"), (565, 576, "DA"), (590, 601, "DB"),
             (615, 626, "Paj"), (640, 657, "Tota"), (711, 720, "gg")]),
    (500.4, [(457, 461, "a"), (482, 492, "erj"), (537, 543, "U"), (565, 571, "K"), (590, 602, "HC"),
             (615, 624, "ak"), (640, 642, "l"), (711, 723, "ara")]),
    (489.3, [(482, 486, "a"), (590, 602, "HT"), (615, 625, "Ro"), (711, 716, "n")]),
    (479.8, [(615, 624, "ko")]),
    (470.3, [(615, 620, "k")]),
    (449.8, [(57, 62, "A"), (82, 205, "PROGRAM PENUNJANG URUSAN"), (275, 433, "cakupan penyediaan"),
             (458, 470, "100"), (483, 495, "100"), (507, 522, "5.08"), (537, 552, "3.58"), (565, 567, "-"),
             (590, 603, "534"), (615, 617, "-"), (640, 654, "4.12"), (670, 696, "81,02%"), (711, 723, "965")]),
    (440.5, [(82, 252, "PEMERINTAHAN DAERAH"), (275, 437, "urusan pemerintahan"), (457, 463, "%"), (482, 488, "%"),
             (507, 522, "7.29"), (537, 552, "6.96"), (590, 600, ".75"), (640, 654, "1.71"), (711, 721, ".68")]),
    (431.0, [(507, 522, "7.98"), (538, 552, "1.37"), (590, 600, "3.0"), (640, 655, "4.37"), (711, 721, "3.6")]),
    (421.7, [(507, 510, "2"), (537, 541, "4"), (590, 598, "00"), (640, 644, "4"), (711, 719, "08")]),
]


def test_a_header_cell_spanning_columns_stands_in_the_first_it_covers_with_the_names_under_it():
    (area,) = table_areas(runs(KEDIRI_REALISASI_HEADER, height=6.8))
    assert len(area.columns) == 12 and area.body_top == 449.8
    first, second = ([" ".join(c.split()) for c in row] for row in area.header)
    # as the text prints it (line 590-591): the spanning name over DAU, the five names on the row below
    assert first[6:11] == ["Realisasi Anggaran s/d Bulan Desember 2021", "", "", "", ""]
    assert second[6:11] == ["DA U", "DA K", "DB HC HT", "Paj ak Ro ko k", "Tota l"]
    # columns under no spanning cell keep their whole name on the first row
    assert first[:6] == ["No", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Tar get Kin erj a",
                         "Ca pai an Kin erj a", "Ang gara n"] and not any(second[:6])
    assert first[11:] == ["%", "Sil pa An gg ara n"]


def test_a_header_without_spanning_cells_is_left_to_the_reader():
    lines = [(500.0, [(50, 80, "No"), (100, 160, "Program"), (300, 340, "Pagu"), (400, 450, "Realisasi")]),
             (490.0, [(50, 55, "1"), (100, 160, "Program A"), (300, 340, "1.000.000"), (400, 450, "900.000")]),
             (480.0, [(50, 55, "2"), (100, 160, "Program B"), (300, 340, "2.000.000"), (400, 450, "1.500.000")])]
    (area,) = table_areas(runs(lines))
    assert area.header == () and area.read_top == area.top


def test_a_digit_under_the_last_row_is_its_cell_s_last_line_not_the_page_number():
    body = [(449.8, [(57, 62, "A"), (82, 205, "JUMLAH"), (507, 522, "12.4"), (711, 721, "1.5")]),
            (440.5, [(507, 522, "68.9"), (711, 721, "01.")]),
            (431.0, [(507, 522, "07.6"), (711, 721, "018")]),
            (421.7, [(507, 516, "92"), (711, 721, ".48")])]
    # a narrow cell's last line, 9 points under the line above: part of the table
    (area,) = table_areas(runs(body + [(412.4, [(711, 716, "8")])], height=6.8))
    assert area.bottom < 412.4 - 6.8
    # a page number, far below the text: not
    (area,) = table_areas(runs(body + [(40.0, [(390, 396, "8")])], height=6.8))
    assert area.bottom > 421.7 - 6.8 - 2


#: Kediri's RKPD table as a Word table with horizontal rules (tests/word_renderings.py, page 21; text lines
#: 452-454, 459): columns 23 points wide, so the header's names break every two or three letters (`Ko` / `de`; a
#: word's last piece keeps its space, `et `), the year `2021` into `20` / `21`; then, each after a row's
#: padding, the quarters with the column formulas (`5+6+7+` / `8`) and the K / Rp names; the body row's figures
#: wrap in their cells, and it leaves columns 472-517 empty.
KEDIRI_RKPD_WORD = [
    (538.2, [(57, 67, "Ko"), (80, 89, "Ur"), (103, 110, "In"), (125, 134, "Ta"), (148, 158, "Re"), (495, 504, "Re"),
             (540, 547, "Ti")]),
    (528.7, [(57, 66, "de"), (80, 88, "us"), (102, 110, "di"), (125, 133, "rg"), (148, 157, "ali"), (495, 504, "ali"),
             (540, 550, "ng")]),
    (519.3, [(80, 89, "an"), (102, 111, "ka"), (125, 133, "et "), (148, 156, "sa"), (495, 503, "sa"),
             (540, 549, "ka")]),
    (509.8, [(102, 114, "tor"), (125, 133, "Ki"), (148, 154, "si "), (495, 501, "si "), (540, 543, "t ")]),
    (500.4, [(125, 134, "ne"), (148, 156, "Ki"), (495, 504, "Ca"), (540, 550, "Ca")]),
    (490.9, [(125, 135, "rja"), (148, 157, "ne"), (495, 504, "pa"), (540, 549, "pa")]),
    (481.5, [(148, 158, "rja"), (495, 504, "20"), (540, 547, "ia")]),
    (472.1, [(495, 503, "21"), (540, 545, "n ")]),
    (451.4, [(148, 151, "I "), (274, 280, "II "), (404, 413, "III "), (449, 458, "IV "), (495, 507, "9 = "),
             (541, 572, "10 = 9/4")]),
    (441.9, [(495, 526, "5+6+7+"), (540, 567, "x 100%")]),
    (432.5, [(495, 499, "8")]),
    (411.8, [(148, 154, "K "), (171, 181, "Rp "), (274, 280, "K "), (381, 391, "Rp "), (404, 410, "K "),
             (426, 437, "Rp "), (449, 455, "K "), (472, 482, "Rp "), (495, 501, "K "), (517, 527, "Rp "),
             (540, 546, "K "), (563, 573, "Rp")]),
    (386.9, [(57, 61, "2"), (80, 83, "1"), (103, 106, "0"), (125, 129, "2"), (148, 152, "0"),
             (171, 249, "Penyusunan Dokumen"), (274, 328, "Jumlah laporan"), (381, 385, "3"), (404, 414, "2.5"),
             (426, 428, "-"), (449, 451, "-"), (540, 544, "3"), (563, 573, "2.0"), (586, 589, "3"), (608, 618, "2.0"),
             (631, 639, "67"), (654, 679, "78,73%")]),
    (377.5, [(171, 230, "Perencanaan"), (274, 320, "perencanaan"), (404, 414, "46."), (563, 573, "04."),
             (608, 618, "04.")]),
    (368.1, [(404, 414, "400"), (563, 573, "700"), (608, 618, "700,")]),
]


def test_a_header_in_bands_has_a_row_per_band_its_broken_words_mended():
    # Before, the year's `20` / `21` and the formula's pieces were taken for rows of figures: the K / Rp row,
    # after a wider gap, started a table of its own, and the names were read apart from it.
    (area,) = table_areas(runs(KEDIRI_RKPD_WORD, height=6.8))
    assert area.body_top == 386.9
    names, quarters, units = area.header
    # as the text prints them (lines 452-454): the names over the first column they stand in
    assert names[:5] == ("Kode", "Urusan", "Indikator", "Target Kinerja", "Realisasi Kinerja")
    assert quarters[4] == "I" and units[4:6] == ("K", "Rp")
    # the K / Rp header begins a column each, also over the figures' gap of columns 472-517
    assert [c for c in units if c] == ["K", "Rp"] * 6
    assert len(area.columns) + 1 >= 20


def test_a_header_s_lines_a_line_apart_are_one_band():
    from lkjip_audit.ingest.pdf_areas import _bands, _lines

    # Kediri's borderless rendering: the quarters and K / Rp follow the names at the names' own pitch
    head = _lines(runs(KEDIRI_RKPD_TOP[:13]))
    assert len(_bands(head)) == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(2, 5), min_size=1, max_size=3), st.floats(8.0, 12.0), st.floats(1.8, 3.0),
       st.lists(st.floats(-0.4, 0.4), min_size=20, max_size=20))
def test_header_bands_are_found_where_a_row_s_padding_parts_the_lines(sizes, pitch, gap, jitter):
    from lkjip_audit.ingest.pdf_areas import _bands, _lines

    lines, top, count = [], 700.0, 0
    for band, size in enumerate(sizes):
        if band:
            top -= pitch * gap
        for i in range(size):
            if i:
                top -= pitch + jitter[count % len(jitter)]
            lines.append((top, [(50 + 40 * band, 70 + 40 * band, f"w{band}{i}")]))
            count += 1
    bands = _bands(_lines(runs(lines, height=0.7 * pitch)))
    assert [len(b) for b in bands] == sizes


def test_one_long_table_s_pages_are_read_with_the_same_columns():
    from lkjip_audit.ingest.pdf_areas import shared_columns

    header = KEDIRI_RKPD_WORD[:12]
    full = (386.9, [(57, 61, "2"), (80, 83, "1"), (103, 106, "0"), (125, 129, "2"), (148, 152, "0"),
                    (171, 249, "Koordinasi"), (274, 328, "Jumlah laporan"), (381, 385, "4"), (404, 414, "4.4"),
                    (426, 428, "-"), (449, 451, "-"), (472, 475, "2"), (495, 505, "2.3"), (518, 520, "1"),
                    (540, 548, "94"), (563, 566, "1"), (586, 595, "1.1"), (608, 612, "4"), (631, 641, "4.4"),
                    (654, 679, "100%")])
    # a page whose only row is the rest of one the page break cut: one figure, under the repeated header
    rest = (386.9, [(171, 228, "Evaluasi Kinerja"), (274, 341, "penganggaran dan"), (381, 392, "ora"),
                    (654, 666, "00")])
    pages = [table_areas(runs(header + [row], height=6.8))
             for row in (full, KEDIRI_RKPD_WORD[12], full, full, rest)]
    assert [len(p) for p in pages] == [1] * 5
    own = [p[0] for p in pages]
    assert own[1].columns != own[0].columns
    assert not own[4].header  # alone, its header's end is not known
    shared = shared_columns(own)
    assert len({a.columns for a in shared}) == 1 and shared[0].columns == own[0].columns
    assert shared[4].header == shared[0].header and shared[4].body_top == 386.9
    # two pages only: a separator one of them has is not the table's
    assert shared_columns([own[1], own[4]])[0].columns == own[1].columns
