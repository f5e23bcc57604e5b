"""cross-table: the same indicator with the same target printed with different figures in two tables."""

from __future__ import annotations

from decimal import Decimal


#: What each way of finding a disagreement says it compared (the end of the finding's detail).
SAID = {"indicator": "for the same indicator with the same target", "Program": "for the same Programme",
        "Kegiatan/Sub Kegiatan": "for the same Kegiatan/Sub Kegiatan",
        "results": "for the same Programme/Kegiatan and indicator"}


def cross(result, *ways):
    """The cross-table findings found the given ways (by the indicator and by a Program's budget by default)."""
    endings = tuple(SAID[way] for way in ways or ("indicator", "Program"))
    return [(f.table, f.line, f.item, f.reported, f.expected) for f in result.findings if f.rule == "cross-table"
            and f.detail["en"].endswith(endings)]


def test_depok_prints_eight_figures_that_disagree_with_another_table(depok):
    # Each read in the report (004):
    # 929 "Nilai Sakip 70.20 70.85 100,9 9.742.688.724" vs 1047 "Nilai SAKIP DKUM 70,20 70,85 9,384,257,538";
    # 930 "Koperasi Berkualitas 21% 33,33%" vs 36,36% on lines 50, 594, 764 and 1048;
    # 930 pagu 3.036.837.550 vs 1048 2,986,837,750; 931 realisasi 18.626.446.552 vs 1049 18,625,046,552;
    # 835 "Persentase Koperasi Modern 6,06% 4,24%" vs 985 "6.06% 1.21%"; 868 "76,22% 76,54%" vs 993
    # "76.22% 77.28%"; 873 "2100 Unit Usaha 2170 Unit Usaha" vs 998 "2,100 2,114"; 905 "1000 Unit Usaha
    # 1800 Unit Usaha" vs 1002 "1000 1000".
    assert cross(depok, "indicator") == [
        ("T34", 930, "Koperasi Berkualitas", Decimal("33.33"), Decimal("36.36")),
        ("T35", 985, "Persentase koperasi modern", Decimal("1.21"), Decimal("4.24")),
        ("T35", 993, "Persentase wirausaha baru", Decimal("77.28"), Decimal("76.54")),
        ("T35", 998, "Jumlah Unit Usaha yang telah menerima pembinaan dan pendampingan terhadap Usaha Mikro",
         Decimal(2114), Decimal(2170)),
        ("T35", 1002, "Jumlah usaha Mikro yang terfasilitasi dalam pengembangan produksi dan pengolahan, "
                      "pemasaran, SDM, serta desain dan teknologi", Decimal(1000), Decimal(1800)),
        ("T36", 1047, "Nilai SAKIP DKUM", Decimal(9384257538), Decimal(9742688724)),
        ("T36", 1048, "Koperasi Berkualitas", Decimal(2986837750), Decimal(3036837550)),
        ("T36", 1049, "Persentase wirausaha", Decimal(18625046552), Decimal(18626446552)),
    ]
    koperasi = next(f for f in depok.findings if f.rule == "cross-table")
    assert koperasi.message("id") == (
        "Tahun 2023 / Realisasi pada Koperasi Berkualitas tercetak 33,33, sedangkan T1 (baris 50), T16 (baris 594), "
        "T23 (baris 764), T36 (baris 1048) mencetak 36,36% untuk indikator yang sama dengan target yang sama.")
    # Must raise nothing: Renstra's line 670 "Koperasi Berkualitas % 30 33,33" has another target (30, the
    # 2026 one), and Nilai SAKIP's realisasi 70,85 is the same wherever it is printed.
    assert not any(f.line in (670, 1050) for f in depok.findings if f.rule == "cross-table")


def test_kediri_programs_printed_differently_in_its_three_budget_tables(kediri):
    # The RKPD table (T6, lines 452-517), Tabel 3.2 (T7, 590-648) and Tabel 3.3 (T8, 654-663) each list the
    # seven Programs; read on the lines given:
    assert cross(kediri) == [
        # An indicator, not a Program: 622 "jumlah peralatan kerja yang di perbaiki 10 unit 12 unit" (target,
        # realisasi) against the RKPD table's 489 "10 unit ... 10 unit" for the same target.
        ("T7", 622, "jumlah peralatan kerja yang di perbaiki", Decimal(12), Decimal(10)),
        # 500 "PROGRAM PENDIDIKAN DAN LATHAN PERKOPERASIAN ... 530.221.200,00" vs 632 and 659: 571.685.680.
        ("T6", 500, "PROGRAM PENDIDIKAN DAN LATHAN PERKOPERASIAN", Decimal("530221200.00"), Decimal(571685680)),
        # 507 "... 5.485.127.940,00" vs 641 and 661: 5.485.127.340.
        ("T6", 507, "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)",
         Decimal("5485127940.00"), Decimal(5485127340)),
        # 645 "F. PROGRAM PENGEMBANGAN UMKM ... 611.020.500" vs 511 and 662: 511.020.500 (the text, line 582,
        # says 511.020.500 too).
        ("T7", 645, "PROGRAM PENGEMBANGAN UMKM", Decimal(611020500), Decimal(511020500)),
        # 661 "5.808.870.500" vs 507 and 641: 5.806.870.500.
        ("T8", 661, "Program Pemberdayaan Usaha Menengah, Usaha Kecil, Dan Usaha Mikro (Umkm)", Decimal(5808870500),
         Decimal(5806870500)),
        # 662 "351.306.350" vs 511 and 645: 351.386.350.
        ("T8", 662, "Program Pengembangan Umkm", Decimal(351306350), Decimal("351386350.00")),
    ]
    # The other Programs print the same pagu and realisasi in all three (line 457's RKPD row lost cells and
    # is not compared).


def test_kediri_kegiatan_printed_differently_in_the_rkpd_table_and_tabel_3_2(kediri):
    # The same Kegiatan and Sub Kegiatan in the RKPD table (T6) and in Tabel 3.2 (T7), read on the lines given;
    # T7 comes later, so its figure is the finding and names T6's.
    assert cross(kediri, "Kegiatan/Sub Kegiatan") == [
        ("T7", 596, "Administrasi Keuangan Perangkat Daerah", Decimal(3690366094), Decimal(3690365094)),  # 461
        ("T7", 607, "Administrasi Umum Perangkat Daerah", Decimal(166591989), Decimal(166591969)),  # 472
        ("T7", 612, "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", Decimal(5298000),
         Decimal(5296000)),  # 478: the RKPD's pagu 5.296.000 is below its own realisasi 5.298.000
        ("T7", 620, "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", Decimal(113392500),
         Decimal(113992500)),  # 486
        ("T7", 623, "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", Decimal(64892500),
         Decimal(64720500)),  # 490
        ("T7", 626, "Pengawasan Kekuatan, Kesehatan, Kemandirian, Ketangguhan, serta Akuntabilitas Koperasi "
                    "Kewenangan Kabupaten/Kota", Decimal(182819880), Decimal(182819860)),  # 493
        ("T7", 626, "Pengawasan Kekuatan, Kesehatan, Kemandirian, Ketangguhan, serta Akuntabilitas Koperasi "
                    "Kewenangan Kabupaten/Kota", Decimal(184346800), Decimal("164346800.00")),  # 493
        ("T7", 633, "Pendidikan dan Latihan Perkoperasian Bagi Koperasi yang Wilayah Keanggotaan dalam Daerah "
                    "Kabupaten/Kota", Decimal(597918760), Decimal("530221200.00")),  # 501
        ("T7", 642, "Pemberdayaan Usaha Mikro yang Dilakukan melalui Pendataan, Kemitraan, Kemudahan Perizinan, "
                    "Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan", Decimal(5485127340),
         Decimal("5485127940.00")),  # 508
        ("T7", 646, "Pengembangan Usaha Mikro dengan Orientasi Peningkatan Skala Usaha Menjadi Usaha Kecil",
         Decimal(611020500), Decimal(511020500)),  # 512
        ("T7", 647, "Fasilitasi Usaha Mikro Menjadi Usaha Kecil dalam Pengembangan Produksi dan Pengolahan, "
                    "Pemasaran, SDM, serta Desain dan Teknologi", Decimal(611020500), Decimal(511020500)),  # 514
    ]
    # The other 34 Kegiatan and Sub Kegiatan both tables print (466 and 600 "Koordinasi dan Penyusunan Laporan
    # Keuangan Akhir Tahun SKPD", say) have the same pagu and realisasi in both, and raise nothing.
    # (an indicator the RKPD table and Tabel 3.2 both print with the same figures is said once, by its
    # Kegiatan's name: 596, 612 and 623 above)
    assert len(cross(kediri, "indicator", "Program", "Kegiatan/Sub Kegiatan")) == 1 + 5 + 11


def test_reports_whose_figures_agree_raise_nothing(flotim, kukar):
    assert cross(flotim, *SAID) == [] and cross(kukar, *SAID) == []


def test_depok_results_compared_by_the_programme_or_kegiatan_they_measure(depok):
    # Read in the report (004); the indicators are worded differently in each table, the Program/Kegiatan is
    # the same:
    assert cross(depok, "results") == [
        # 724 "Program Penunjang ... 100% 98,18%" (its Program in the second label column, after the Sasaran)
        # vs 731 and 944 "100% 100%".
        ("T21", 724, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", Decimal("98.18"), Decimal(100)),
        # 903 "Program Pengembangan Usaha Mikro, Kecil dan Menengah ... 76,22% 76,54%" vs 861 and 1000
        # "Program Pengembangan Umkm 11,29% 15,24%" (UMKM written out).
        ("T32", 903, "Program Pengembangan Usaha Mikro, Kecil dan Menengah", Decimal("76.22"), Decimal("11.29")),
        ("T32", 903, "Program Pengembangan Usaha Mikro, Kecil dan Menengah", Decimal("76.54"), Decimal("15.24")),
        # 995 "Pendataan Potensi dan Pengembangan Usaha Mikro ... 320 340" vs 870 "165 Unit Usaha 165 Unit Usaha".
        ("T35", 995, "Pendataan Potensi dan Pengembangan Usaha Mikro", Decimal(320), Decimal(165)),
        ("T35", 995, "Pendataan Potensi dan Pengembangan Usaha Mikro", Decimal(340), Decimal(165)),
        # 996 "Pemberdayaan melalui Kemitraan Usaha Mikro ... 225 225" vs 871 "320 Unit Usaha 340 Unit Usaha".
        ("T35", 996, "Pemberdayaan melalui Kemitraan Usaha Mikro", Decimal(225), Decimal(320)),
        ("T35", 996, "Pemberdayaan melalui Kemitraan Usaha Mikro", Decimal(225), Decimal(340)),
        # 999 "Koordinasi dan Sinkronisasi ... 250 300" vs 874 "275 Orang 300 Orang".
        ("T35", 999, "Koordinasi dan Sinkronisasi dengan Para Pemangku Kepentingan dalam Pemberdayaan Usaha Mikro",
         Decimal(250), Decimal(275)),
    ]
    # Not compared: 748 and 963 "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik" measure it by two
    # indicators ("Jumlah laporan ..." 6, "Jumlah rekening jasa" 3).
    assert not any(f.line in (748, 963) for f in depok.findings if f.rule == "cross-table")


def test_depok_perjanjian_kinerja_budget_against_the_budget_tables(depok):
    # The PK's table has a pagu and no realisasi (lines 514-523); its Programs are compared all the same:
    # 520 "PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI Rp 1,761,348,000" vs 779 and 985 "1,761,339,000".
    # 944's 10,255,966,594 (already not the sum of its Kegiatan) differs from 515's and 724's 9,384,257,538.
    assert [(t, line, reported, expected) for t, line, _, reported, expected in cross(depok, "Program")] == [
        ("T13", 520, Decimal(1761348000), Decimal(1761339000)),
        ("T35", 944, Decimal(10255966594), Decimal(9384257538))]


def test_kediri_rkpd_table_and_tabel_3_2_measure_kegiatan_differently(kediri):
    # The RKPD table (T7) and Tabel 3.2 (T8) give each Kegiatan and Sub Kegiatan its indicator's target and
    # realisasi; read on the lines given (T8's, then T7's):
    assert [(line, reported, expected) for _, line, _, reported, expected in cross(kediri, "results")] == [
        (601, 12, 1),  # "12 bulan" vs 467 "1 bulan"
        (606, 930, 1550),  # "930 orang" vs 471 "1550 orang"
        (608, 12, 2), (608, 12, 2),  # "12 bulan 12 bulan" vs 473 "2 bulan ... 2 bulan" (a row short of a cell)
        (609, 8, 11),  # "8 unit" vs 474 "11 unit"
        (614, 50, 22),  # vs 481 "22 unit"
        (620, 17, 21), (620, 23, 21),  # "17 unit 23 unit" vs 486 "21 unit ... 21 unit"
        (621, 6, 10),  # "6 kendaraan dinas" vs 487 "10 kendaraan dinas"
        (625, 150, 302), (625, 200, 296),  # "150 kop 200 kop" vs 492 "302 kop ... 296 kop"
        (626, 125, 127), (626, 127, 121),
        (630, 100, 125), (631, 100, 125),  # "100 kop" vs 497 and 498 "125 kop" (rows short of a cell)
        (634, 350, 415),
        (642, 930, 731), (642, 896, 681),
        (643, 690, 490), (643, 612, 440),  # "690 orang 612 orang" vs 509 "490 orang ... 440 orang" (two short)
        (644, 240, 241), (644, 240, 241),
        (646, 240, 250), (646, 250, 244),
        (647, 240, 250), (647, 250, 244),
    ]
    # Not compared: 633 "13 kegiatan" against 501 "415 orang" (two measures), 624's "8,77%" against 491's
    # "302 kop". Rows of the RKPD table printed a cell or two short (473, 497, 498, 509) are compared once
    # their cells are put back in the columns of their kind (test_quarterly_table).
    assert not any(line in (624, 633) for _, line, *_ in cross(kediri, "results"))
