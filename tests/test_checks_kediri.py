"""Findings on 001 (Kab. Kediri 2021), Tabel 3.2 "Capaian Kinerja Keuangan" (lines 590-648).

Every expected finding below was checked by hand against the report text:
line numbers are those of data/raw/001_64a952374f22daba.txt; sums were
recomputed from the rows printed under each parent.
"""

from decimal import Decimal

from conftest import by_line

# (rule, line, last part of the column header, printed, expected)
TABEL_3_2 = [
    ("footing-children", 592, "Anggaran", 5087297982, 5087299002),
    ("footing-children", 592, "Silpa Anggaran", 965683608, 965583608),
    ("row-sisa", 592, "Silpa Anggaran", 965683608, 965583608),
    ("footing-children", 596, "Anggaran", 3690366094, 3690365094),
    ("row-sisa", 596, "Silpa Anggaran", 581388853, 581389853),
    ("footing-children", 607, "Anggaran", 166591989, 166591969),
    ("row-sisa", 607, "Silpa Anggaran", 139545, 139565),
    ("footing-children", 625, "Anggaran", 336362660, 336362680),
    ("footing-children", 625, "Total", 300326200, 320326200),
    ("row-sources", 626, "Total", 184346800, 164346800),
    ("row-percent", 626, "%", 89.90, 100.84),
    ("row-sisa", 626, "Silpa Anggaran", 18473060, -1526920),
    ("footing-children", 628, "Silpa Anggaran", 1863570, 1853570),
    ("row-sisa", 628, "Silpa Anggaran", 1863570, 1853570),
    ("footing-children", 632, "Anggaran", 584802220, 657872780),
    ("footing-children", 632, "DAK", 398569750, 466267310),
    ("footing-children", 632, "Total", 571685680, 665616320),
    ("row-sources", 632, "Total", 571685680, 597918760),
    ("footing-children", 632, "Silpa Anggaran", 13116540, 18489540),
    ("footing-children", 633, "DAK", 398569750, 330872190),
    ("footing-children", 633, "Total", 597918760, 530221200),
    ("footing-children", 633, "Silpa Anggaran", 13116540, 54581020),
    ("row-sisa", 633, "Silpa Anggaran", 13116540, -13116540),
    ("row-sources", 641, "Total", 5485127340, 6485127340),
    ("footing-children", 642, "DAU", 6405477440, 5405477440),
    ("row-sources", 642, "Total", 5485127340, 6485127340),
    ("footing-children", 642, "Silpa Anggaran", 321743160, 301443160),
    ("row-sisa", 643, "Silpa Anggaran", 232649060, 232949060),
    ("row-sisa", 644, "Silpa Anggaran", 68794100, 88794100),
    ("row-percent", 645, "%", 68.76, 57.51),
    ("row-sisa", 645, "Silpa Anggaran", 159634150, 259634150),
    ("row-percent", 646, "%", 68.76, 57.51),
    ("row-sisa", 646, "Silpa Anggaran", 159634150, 259634150),
    ("row-percent", 647, "%", 68.76, 57.51),
    ("row-sisa", 647, "Silpa Anggaran", 159634150, 259634150),
    ("footing-total", 648, "Anggaran", 12468907692, 12495837032),
    ("footing-total", 648, "DAU", 9613313974, 10813313974),
    ("footing-total", 648, "Total", 10894818644, 10894818544),
    ("row-sources", 648, "Total", 10894818644, 10721051624),
    ("footing-total", 648, "Silpa Anggaran", 1501018488, 1501128488),
    ("row-sisa", 648, "Silpa Anggaran", 1501018488, 1574089048),
]


def _budget_table(result, caption_start):
    return next(t for t in result.tables if t.caption.startswith(caption_start))


def test_tabel_3_2_is_read_as_a_budget_table(kediri):
    table = _budget_table(kediri, "Tabel : 3.2.")
    assert table.kind == "budget"
    assert table.lines == (590, 648)
    assert len(table.rows) == 53  # 55 lines less the two header rows
    roles = {c.header.split(" / ")[-1]: c.role.value for c in table.columns}
    assert roles["Anggaran"] == "pagu" and roles["Total"] == "realisasi" and roles["%"] == "persen"
    assert roles["Silpa Anggaran"] == "sisa" and roles["DAU"] == roles["Pajak Rokok"] == "sumber"
    levels = [r.level.value for r in table.rows]
    assert levels.count("Program") == 7 and levels.count("Kegiatan") == 15 and levels.count("Jumlah") == 1


def test_tabel_3_2_findings_are_exactly_the_real_errors(kediri):
    table = _budget_table(kediri, "Tabel : 3.2.")
    found = [(f.rule, f.line, f.column.split(" / ")[-1], f.reported, f.expected)
             for f in kediri.findings if f.table == table.id and f.rule not in ("prose-table", "prose-counts",
                                                                                 "cross-table")]
    expected = [(rule, line, column, Decimal(str(reported)), Decimal(str(exp)))
                for rule, line, column, reported, exp in TABEL_3_2]
    assert found == expected


def test_issue_acceptance_examples(kediri):
    findings = by_line(kediri)
    # Kegiatan "Administrasi Keuangan Perangkat Daerah": 3.690.366.094 printed, Sub Kegiatan sum 3.690.365.094.
    f = findings[(596, "Anggaran")]
    assert f.rule == "footing-children" and f.difference == 1000
    assert f.item == "Administrasi Keuangan Perangkat Daerah"
    # Program D: printed 584.802.220, its two Kegiatan sum to 657.872.780.
    f = findings[(632, "Anggaran")]
    assert (f.reported, f.expected) == (584802220, 657872780)
    # JUMLAH: Anggaran and realisasi Total against the Program rows.
    assert (findings[(648, "Anggaran")].rule, findings[(648, "Anggaran")].expected) == ("footing-total",
                                                                                        12495837032)
    total = findings[(648, "Realisasi Anggaran s/d Bulan Desember 2021 / Total")]
    footing = [f for f in kediri.findings if f.line == 648 and f.rule == "footing-total"
               and f.column.endswith("/ Total")]
    assert footing[0].reported == 10894818644 and footing[0].expected == 10894818544
    assert total.line == 648
    # Program F: DAU 6.405.477.440 + Pajak Rokok 79.649.900 is not the Total 5.485.127.340.
    sources = [f for f in kediri.findings if f.line == 641 and f.rule == "row-sources"]
    assert len(sources) == 1 and sources[0].expected == 6405477440 + 79649900


def test_percentages_that_round_or_truncate_to_the_printed_value_are_not_flagged(kediri):
    percent_lines = {f.line for f in kediri.findings if f.rule == "row-percent"}
    # 592: 4.121.714.374 / 5.087.297.982 = 81.0196...% printed 81,02 (rounded).
    # 613: 28.273.457 / 28.411.857 = 99.5128...% printed 99,51.
    # 604: every cell `-` and 0,00%: no pagu, nothing to divide.
    assert not percent_lines & {592, 593, 596, 597, 604, 613, 648}


def test_rows_known_to_be_right_raise_nothing(kediri):
    lines_with_findings = {f.line for f in kediri.findings}
    # Perencanaan (593) and its two Sub Kegiatan, Gaji (597), Mebel (615), Program E (637-639).
    assert not lines_with_findings & {593, 594, 595, 597, 615, 637, 638, 639}


def test_tabel_3_3_flags_the_misprinted_program_figures(kediri):
    table = _budget_table(kediri, "Tabel 3.3.")
    found = [(f.rule, f.line, f.reported, f.expected) for f in kediri.findings
             if f.table == table.id and f.rule not in ("prose-table", "cross-table", "average-row")]
    # 661: 5.485.127.340 / 5.808.870.500 = 94,43% (Tabel 3.2 prints the pagu as 5.806.870.500).
    # 662: 351.306.350 / 511.020.500 = 68,75% (Tabel 3.2 prints the realisasi as 351.386.350).
    assert found == [("row-percent", 661, Decimal("94.46"), Decimal("94.43")),
                     ("row-percent", 662, Decimal("68.76"), Decimal("68.75"))]
    # Its closing row of averages (line 663) is tests/test_efficiency.py's.


def test_printed_spreadsheet_errors_are_reported(kediri):
    errors = [(f.line, f.rule) for f in kediri.findings if f.rule == "printed-error"]
    assert errors == [(470, "printed-error"), (480, "printed-error"), (499, "printed-error")]


def test_likely_causes_are_named_where_the_numbers_show_one(kediri):
    causes = {(f.line, f.rule, f.column.split(" / ")[-1]): f.cause for f in kediri.findings if f.cause}
    # 596: 3.690.366.094 printed, 3.690.365.094 expected: one digit.
    assert causes[(596, "footing-children", "Anggaran")] == "one-digit"
    # 632: Program D's pagu 584.802.220 is its first Kegiatan's pagu: the second Kegiatan was left out.
    assert causes[(632, "footing-children", "Anggaran")] == "equals-part"
    # 633: Silpa 13.116.540 printed where 584.802.220 - 597.918.760 = -13.116.540.
    assert causes[(633, "row-sisa", "Silpa Anggaran")] == "sign"
    # 648: JUMLAH realisasi 10.894.818.644 against 10.894.818.544 (the prose on line 584 has ...544).
    assert causes[(648, "footing-total", "Total")] == "one-digit"
    # 592 Anggaran: -1.020 is two slips in two Kegiatan (596 and 607); no single cause is claimed.
    assert (592, "footing-children", "Anggaran") not in causes


def test_prose_figures_that_disagree_with_the_tables(kediri):
    found = [(f.line, f.column.split(" / ")[-1], f.reported, f.expected)
             for f in kediri.findings if f.rule == "prose-table"]
    assert found == [
        # Line 580: "Pagu anggaran sebesar Rp. 5.806.870.500 realisasi Rp.5.485.127.340" (Program 6); the RKPD
        # table (line 507) prints the realisasi as 5.485.127.940,00,
        (507, "Rp", Decimal("5485127940.00"), 5485127340),
        # and Tabel 3.3 prints the pagu as 5.808.870.500.
        (661, "ALOKASI (Rp)", 5808870500, 5806870500),
        # Line 582: Program 7 "Pagu anggaran sebesar Rp. 511.020.500 realisasi Rp. 351.386.350":
        # Tabel 3.2 prints the pagu as 611.020.500 (only the Program row is reported, not its Kegiatan),
        (645, "Anggaran", 611020500, 511020500),
        # and Tabel 3.3 prints the realisasi as 351.306.350.
        (662, "REALISASI (Rp)", 351306350, 351386350),
        # Line 584: "anggaran tahun 2021 sebesar Rp.12.468.907.592,- dengan terserap sebesar Rp.10.894.818.544,-"
        # against JUMLAH 12.468.907.692 and 10.894.818.644.
        (648, "Anggaran", 12468907692, 12468907592),
        (648, "Total", 10894818644, 10894818544),
    ]


def test_capaian_of_the_rkpd_table_is_its_own_years_k_realisasi_over_k_target(kediri):
    # The RKPD table (lines 452-517) prints, per row, the 2021 target K, the 2021 realisasi K and the 2021
    # tingkat capaian K ("10 = 9/4 x 100%"): the capaian is paired with the K target and realisasi of its own
    # year because the rows hold it. Read on the report: line 458 prints 86% for 7 laporan of 7; line 467 100%
    # for 12 bulan against a target printed "1 bulan" (its Sub Kegiatan, line 468, and Tabel 3.2 say 12);
    # lines 481 and 482 print 95% for 22 unit of 22. Tabel 3.3's capaian has no target/realisasi to come from.
    assert [(f.line, f.reported, f.expected, f.combined) for f in kediri.findings if f.rule == "row-capaian"] == [
        (458, Decimal(86), Decimal("100.00"), ["86%", "7 laporan", "7 laporan"]),
        # 3 laporan of 3, printed 67% (its row printed a quarter cell short, put back in place).
        (459, Decimal(67), Decimal("100.00"), ["67%", "3 laporan", "3 laporan"]),
        (467, Decimal(100), Decimal("1200.00"), ["100%", "12 bulan", "1 bulan"]),
        (481, Decimal(95), Decimal("100.00"), ["95%", "22 unit", "22 unit"]),
        (482, Decimal(95), Decimal("100.00"), ["95%", "22 unit", "22 unit"])]
