"""cross-table: the same indicator with the same target printed with different figures in two tables."""

from __future__ import annotations

from decimal import Decimal


def cross(result):
    return [(f.table, f.line, f.item, f.reported, f.expected) for f in result.findings if f.rule == "cross-table"]


def test_depok_prints_eight_figures_that_disagree_with_another_table(depok):
    # Each read in the report (004):
    # 929 "Nilai Sakip 70.20 70.85 100,9 9.742.688.724" vs 1047 "Nilai SAKIP DKUM 70,20 70,85 9,384,257,538";
    # 930 "Koperasi Berkualitas 21% 33,33%" vs 36,36% on lines 50, 594, 764 and 1048;
    # 930 pagu 3.036.837.550 vs 1048 2,986,837,750; 931 realisasi 18.626.446.552 vs 1049 18,625,046,552;
    # 835 "Persentase Koperasi Modern 6,06% 4,24%" vs 985 "6.06% 1.21%"; 868 "76,22% 76,54%" vs 993
    # "76.22% 77.28%"; 873 "2100 Unit Usaha 2170 Unit Usaha" vs 998 "2,100 2,114"; 905 "1000 Unit Usaha
    # 1800 Unit Usaha" vs 1002 "1000 1000".
    assert cross(depok) == [
        ("T36", 930, "Koperasi Berkualitas", Decimal("33.33"), Decimal("36.36")),
        ("T37", 985, "Persentase koperasi modern", Decimal("1.21"), Decimal("4.24")),
        ("T37", 993, "Persentase wirausaha baru", Decimal("77.28"), Decimal("76.54")),
        ("T37", 998, "Jumlah Unit Usaha yang telah menerima pembinaan dan pendampingan terhadap Usaha Mikro",
         Decimal(2114), Decimal(2170)),
        ("T37", 1002, "Jumlah usaha Mikro yang terfasilitasi dalam pengembangan produksi dan pengolahan, "
                      "pemasaran, SDM, serta desain dan teknologi", Decimal(1000), Decimal(1800)),
        ("T38", 1047, "Nilai SAKIP DKUM", Decimal(9384257538), Decimal(9742688724)),
        ("T38", 1048, "Koperasi Berkualitas", Decimal(2986837750), Decimal(3036837550)),
        ("T38", 1049, "Persentase wirausaha", Decimal(18625046552), Decimal(18626446552)),
    ]
    koperasi = next(f for f in depok.findings if f.rule == "cross-table")
    assert koperasi.message("id") == (
        "Tahun 2023 / Realisasi pada Koperasi Berkualitas tercetak 33,33, sedangkan T2 (baris 50), T17 (baris 594), "
        "T24 (baris 764), T38 (baris 1048) mencetak 36,36% untuk indikator yang sama dengan target yang sama.")
    # Must raise nothing: Renstra's line 670 "Koperasi Berkualitas % 30 33,33" has another target (30, the
    # 2026 one), and Nilai SAKIP's realisasi 70,85 is the same wherever it is printed.
    assert not any(f.line in (670, 1050) for f in depok.findings if f.rule == "cross-table")


def test_kediri_programs_printed_differently_in_its_three_budget_tables(kediri):
    # The RKPD table (T7, lines 452-517), Tabel 3.2 (T8, 590-648) and Tabel 3.3 (T9, 654-663) each list the
    # seven Programs; read on the lines given:
    assert cross(kediri) == [
        # 500 "PROGRAM PENDIDIKAN DAN LATHAN PERKOPERASIAN ... 530.221.200,00" vs 632 and 659: 571.685.680.
        ("T7", 500, "PROGRAM PENDIDIKAN DAN LATHAN PERKOPERASIAN", Decimal("530221200.00"), Decimal(571685680)),
        # 507 "... 5.485.127.940,00" vs 641 and 661: 5.485.127.340.
        ("T7", 507, "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)",
         Decimal("5485127940.00"), Decimal(5485127340)),
        # 645 "F. PROGRAM PENGEMBANGAN UMKM ... 611.020.500" vs 511 and 662: 511.020.500 (the text, line 582,
        # says 511.020.500 too).
        ("T8", 645, "PROGRAM PENGEMBANGAN UMKM", Decimal(611020500), Decimal(511020500)),
        # 661 "5.808.870.500" vs 507 and 641: 5.806.870.500.
        ("T9", 661, "Program Pemberdayaan Usaha Menengah, Usaha Kecil, Dan Usaha Mikro (Umkm)", Decimal(5808870500),
         Decimal(5806870500)),
        # 662 "351.306.350" vs 511 and 645: 351.386.350.
        ("T9", 662, "Program Pengembangan Umkm", Decimal(351306350), Decimal("351386350.00")),
    ]
    # The other Programs print the same pagu and realisasi in all three (line 457's RKPD row lost cells and
    # is not compared).


def test_reports_whose_figures_agree_raise_nothing(flotim, kukar):
    assert cross(flotim) == [] and cross(kukar) == []
