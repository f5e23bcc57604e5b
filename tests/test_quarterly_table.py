"""Kediri's RKPD evaluation table (lines 452-517): kode split over cells, K / Rp pairs, quarters, row-quarters."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip_audit.understand.model import Level, Role


@pytest.fixture(scope="module")
def table(kediri):
    return next(t for t in kediri.tables if t.lines == (452, 517))


def test_the_split_kode_is_joined_and_the_target_header_split_into_k_and_rp(table):
    # "2\t1\t0\t2\t0\tPerencanaan, ..." (line 458): five kode cells; "2 1 0 7 7 1" (line 508) six;
    # "2\t1\t0\t2\t0 Pelaksanaan Penilaian ..." (line 498) has its last digit glued to the label.
    rows = {r.line: r for r in table.rows}
    assert (rows[458].marker, rows[458].label) == ("2 1 0 2 0", "Perencanaan, Penganggaran, dan Evaluasi Kinerja "
                                                                "Perangkat Daerah")
    assert rows[508].marker == "2 1 0 7 7 1"
    assert (rows[498].marker, rows[498].label[:24]) == ("2 1 0 2 0", "Pelaksanaan Penilaian Ke")
    assert sum("cells joined into one" in r for r in table.repairs) == 56
    # Header: "Target Kinerja dan Anggaran RKPD ..." stands over "7 laporan | 6.970.800" with no K/Rp of its own.
    assert [c.header.rsplit(" / ", 1)[-1] for c in table.columns[3:7]] == ["K", "Rp", "K", "Rp"]
    assert any(r.startswith("line 452: header `Target Kinerja") for r in table.repairs)
    assert [c.source_name for c in table.columns_with(Role.TRIWULAN)] == ["Triwulan I", "Triwulan II",
                                                                          "Triwulan III", "Triwulan IV"]
    assert table.column(Role.PAGU).index == 4 and table.column(Role.REALISASI).header.endswith("9 = 5+6+7+8 / Rp")
    assert table.column(Role.PERSEN).header.endswith("10 = 9/4 x 100% / Rp")


def test_row_values_line_up_with_their_columns(table):
    rows = {r.line: r for r in table.rows}
    # Line 458: 7 laporan 6.970.800 | - - | 2 laporan 2.340.200 | 1 laporan 941.100 | 4 laporan 3.147.600 |
    # 7 laporan 6.429.100,00 | 86% 92,23%.
    amounts = [rows[458].values[c].amount for c in (4, 6, 8, 10, 12, 14, 16)]
    assert amounts == [6970800, 0, 2340200, 941100, 3147600, Decimal("6429100.00"), Decimal("92.23")]
    # JUMILAH (line 517) spans the kode and label cells; its amounts land in the Rp columns.
    total = rows[517]
    assert [total.values[c].amount for c in (4, 6, 8, 10, 12, 14)] == [
        12468907592, 631110930, 1305239172, 1231646849, 7753090673, 10921051624]
    # Rows printed a cell or two short in the quarters (`- | - | -` for four quarter cells) get their cells
    # put back in order in the columns holding figures of their kind, both ends of the row included.
    filled = [r.split(":")[0] for r in table.repairs if "row short of the table's columns: its cells placed" in r]
    assert filled == ["line 457", "line 459", "line 466", "line 473", "line 497", "line 498", "line 499",
                      "line 506", "line 509", "line 517"]
    # JUMILAH (line 517) ends with 87,59 a cell early: under the K capaian or the Rp %, both % columns. Its
    # own arithmetic says which: 10.921.051.624 / 12.468.907.592 = 87,59 %.
    assert rows[517].cells[15:17] == ["", "87,59"]
    # Line 509: 490 orang 460.692.500 | - - - - | 440 orang 227.743.440 | 440 orang 227.743.440,00 | 90% 49,44%:
    # two quarter cells short; the target, pagu, realisasi and capaian land in their columns.
    assert [str(rows[509].values[c].amount) for c in (3, 4, 13, 14, 15, 16)] == [
        "490", "460692500", "440", "227743440.00", "90", "49.44"]
    # Where the two lost cells stood among the quarters' dashes is not known and needs not be: the quarters
    # still add up to the realisasi (the row-quarters check reads them).
    assert sum(v.amount or 0 for c in (6, 8, 10, 12) if (v := rows[509].values[c])) == 227743440
    # The Program row of line 457 prints a target in % (`100%`, where the other rows print counts: a kinerja
    # column takes both), its quarters without K cells and two cells after its realisasi: its amounts go to
    # the Rp columns, the only placement where every figure stands in a column of its kind.
    assert [str(rows[457].values[c].amount) for c in (3, 4, 6, 8, 10, 14, 16)] == [
        "100", "5087297982", "631110930", "967101372", "981091939", "4121714374.00", "81.02"]
    assert not [r for r in table.repairs if "do not line up" in r]
    # Only named rows get a level: the digits cannot tell a Kegiatan from a Sub Kegiatan.
    assert [r.line for r in table.rows if r.level is Level.PROGRAM] == [457, 491, 495, 500, 503, 507, 511]
    assert {r.level for r in table.rows if r.level is not Level.PROGRAM} == {Level.OTHER}


def test_the_quarters_percentages_and_printed_errors_of_the_table(kediri, table):
    # (Its Programs printed differently in Tabel 3.2 and 3.3 are in test_cross_table.)
    found = [(f.rule, f.line, f.reported, f.expected) for f in kediri.findings
             if f.table == table.id and f.rule != "cross-table"]
    assert found == [
        # 631.110.930 + 967.101.372 + 981.091.939 + 0 = 2.579.304.241, printed 4.121.714.374,00 (its % holds:
        # 4.121.714.374 / 5.087.297.982 = 81,02 %, so a quarter is what is wrong).
        ("row-quarters", 457, Decimal("4121714374.00"), 2579304241),
        # 2.340.200 + 941.100 + 3.147.600 = 6.428.900, printed 6.429.100,00.
        ("row-quarters", 458, Decimal("6429100.00"), 6428900),
        # The 2021 capaian K against its own year's realisasi K / target K (test_checks_kediri): 7 laporan of 7
        # printed 86 %; 12 bulan against a target printed "1 bulan", 100 %.
        ("row-capaian", 458, Decimal(86), Decimal("100.00")),
        ("row-capaian", 459, Decimal(67), Decimal("100.00")),  # 3 laporan of 3, its row a quarter cell short
        ("row-capaian", 467, Decimal(100), Decimal("1200.00")),
        ("printed-error", 470, None, None),  # #DIV/0!
        # 26.129.964 + 58.277.060 + 87.045.400 = 171.452.424, printed 166.452.424,00.
        ("row-quarters", 472, Decimal("166452424.00"), 171452424),
        # 5.298.000 / 5.296.000 = 100,04 %: more spent than budgeted, printed 100,00 %.
        ("row-percent", 478, Decimal("100.00"), Decimal("100.04")),
        ("printed-error", 480, None, None),
        # 22 unit of 22, printed 95 % on the Kegiatan and its Sub Kegiatan.
        ("row-capaian", 481, Decimal(95), Decimal("100.00")),
        ("row-capaian", 482, Decimal(95), Decimal("100.00")),
        # 51.435.989 / 57.118.419 = 90,0514 %, printed 90,06 %.
        ("row-percent", 485, Decimal("90.06"), Decimal("90.05")),
        # 112.696.920 / 113.992.500 = 98,86 %, printed 99,39 %.
        ("row-percent", 486, Decimal("99.39"), Decimal("98.86")),
        # 64.720.320 / 64.720.500 = 99,9997 %, printed 99,73 %.
        ("row-percent", 490, Decimal("99.73"), Decimal("100.00")),
        # 20.680.000 + 115.349.400 = 136.029.400, printed 135.979.400,00.
        ("row-quarters", 494, Decimal("135979400.00"), 136029400),
        ("printed-error", 499, None, None),
        # 20.951.250 + 39.472.500 + 5.424.703.590 = 5.485.127.340, printed 5.485.127.940,00 (and the text,
        # line 580, and Tabel 3.2, line 641, say 5.485.127.340).
        ("row-quarters", 507, Decimal("5485127940.00"), 5485127340),
        ("row-quarters", 508, Decimal("5485127940.00"), 5485127340),
        # JUMILAH: 631.110.930 + 1.305.239.172 + 1.231.646.849 + 7.753.090.673 = 10.921.087.624.
        ("row-quarters", 517, 10921051624, 10921087624),
        # The text's findings come after every table's: line 580 states the realisasi as 5.485.127.340.
        ("prose-table", 507, Decimal("5485127940.00"), 5485127340),
    ]


def test_the_table_as_a_word_grid_prints_it_with_broken_words_an_empty_first_cell_and_a_wider_page():
    # How Kediri's Word grid rendering reads (tests/word_renderings.py): `Ko de` for Kode, a row whose grid drew
    # an empty cell before its kode (text line 497), a page whose longer kode make it two cells wider, and the
    # JUMLAH row after an empty cell. The kode is joined, the rows line up with the header (the joined rows, not
    # the widest, show the columns).
    from lkjip_audit.ingest.document import RawRow, RawTable
    from lkjip_audit.understand import understand_table

    header = [("Ko de", "Ur us an / Pr og ra m", "Ta rg et", "Re ali sa si Tri wu la n", "", "", "",
               "Re ali sa si 9 = 5+6", "", "Ti ng ka t (%) 10 = 9/4 x 100%", ""),
              ("", "", "", "I", "", "II", "", "", "", "", ""),
              ("", "", "", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp")]
    kode = ("2", "1", "0", "2", "0")
    rows = [kode + ("Penyusunan Dokumen", "3 lap ora n", "2.546.400", "1 lap ora n", "1.000.000", "2 lap ora n",
                    "1.004.700", "3 lap ora n", "2.004.700", "100%", "78,73%"),
            ("",) + kode[:4] + ("Koordinasi Laporan", "4 lap ora n", "4.424.400", "2 lap ora n", "2.340.200",
                                "2 lap ora n", "2.084.200", "4 lap ora n", "4.424.400", "100%", "100,00 %"),
            kode + ("Administrasi Keuangan", "12 bul an", "3.690.365.094", "6 bul an", "1.517.452.432",
                    "6 bul an", "1.591.523.809", "12 bul an", "3.108.976.241", "100%", "84,25%"),
            ("2", "1", "0", "7", "7", "0", "3") + ("Fasilitasi Perizinan", "490 ora ng", "460.692.500", "-", "-",
                                                   "440 ora ng", "227.743.440", "440 ora ng", "227.743.440",
                                                   "90%", "49,44%"),
            ("", "JUMLAH", "", "", "", "", "", "10.698.200.394", "", "2.517.452.432", "", "2.823.508.649",
             "", "5.340.961.081", "", "")]
    table = understand_table(RawTable(rows=[RawRow(r, page=15) for r in header + rows]), "T1")
    assert [r.cells[0] for r in table.rows] == ["2 1 0 2 0", "2 1 0 2", "2 1 0 2 0", "2 1 0 7 7 0 3", "JUMLAH"]
    assert [r.cells[9] for r in table.rows[:4]] == ["2.004.700", "4.424.400", "3.108.976.241", "227.743.440"]
    assert table.column(Role.REALISASI).index == 9


@pytest.mark.parametrize("header, quarter", [
    ("Realisasi Kinerja Pada Triwulan / I / Rp", "I"), ("Realisasi TW 3", "III"), ("Triwulan IV", "IV"),
    # Kediri's RKPD header as tesseract read its scan (001 ruled rendering, page 15): II as `Il`, III as `Til`
    ("Realisasi Kinerja Pada Triwulan / Il / Rp", "II"), ("Realisasi Kinerja Pada Triwulan / Til / Rp", "III"),
    ("Triwulan / lll / K", "III"), ("Triwulan / lV / Rp", "IV"),
    # no quarter: a year, a word, a formula
    ("Realisasi Triwulan 2021", ""), ("Triwulan ini", ""), ("Realisasi / 9=5+6+7+8 / Rp", ""),
])
def test_a_quarter_is_named_by_its_number_also_as_ocr_reads_it(header, quarter):
    from lkjip_audit.understand.columns import quarter_of

    # before, `Il` and `Til` named no quarter: the columns were taken for the realisasi, and the scanned RKPD
    # table was compared with Tabel 3.2 by a quarter's amounts
    assert quarter_of(header) == quarter


@pytest.mark.parametrize("quarters, checked", [
    (("I", "II", "III", "IV"), True), (("I", "II"), True),  # the year so far: its first quarters
    # a quarter named twice (OCR read III's strokes as `ll`), or the year's first quarter missing: their sum is
    # no year's realisasi (before: `Triwulan II + Triwulan II + Triwulan IV` compared with it, 3 false findings
    # on Kediri's RKPD table scanned)
    (("I", "II", "ll", "IV"), False), (("II", "III", "IV"), False),
])
def test_quarters_add_up_to_the_year_only_when_they_run_in_order_from_the_first(quarters, checked):
    from tables import audit_table

    header = "No|Kegiatan|Pagu|" + "|".join(f"Triwulan {q}" for q in quarters) + "|Realisasi|%"
    share = 1_000_000 // len(quarters)
    def amount(value: int) -> str:
        return f"{value:,}".replace(",", ".")

    # the year's realisasi 5.000 more than its quarters; its % holds (1.005.000 / 2.000.000)
    rows = ["1|Kegiatan A|2.000.000|" + "|".join(amount(share) for _ in quarters)
            + f"|{amount(share * len(quarters) + 5_000)}|50,25"]
    result = audit_table(header, rows)
    assert [f.rule for f in result.findings if f.rule == "row-quarters"] == (["row-quarters"] if checked else [])
    said = [r for r in result.tables[0].repairs if "do not run I, II" in r]
    named = ", ".join("Triwulan " + {"ll": "II"}.get(q, q) for q in quarters)  # `ll` as OCR reads II's strokes
    assert said == ([] if checked else [f"the quarter columns ({named}) do "
                                        "not run I, II, … in order: not added up to the year's realisasi, their "
                                        "figures not checked"])
