"""Issue 3's inventory: each shared report's budget-realisation and capaian tables, with their captions, row
counts and the parsed values of chosen rows, read off the report text at the line given."""

from __future__ import annotations

from decimal import Decimal

FIGURES = ("target", "realisasi_kinerja", "capaian", "pagu", "sumber", "realisasi", "persen", "sisa")


def inventory(result):
    return [(t.id, t.kind, t.lines, len(t.rows), t.caption[:30]) for t in result.tables
            if t.has_budget or t.kind == "capaian"]


def figures(result, table_id, line):
    """The row printed on `line`: its figures by column role, as parsed (a `-` is 0)."""
    table = next(t for t in result.tables if t.id == table_id)
    row = next(r for r in table.rows if r.line == line)
    return [(c.role.value, row.values[c.index].amount if row.values[c.index] else None)
            for c in table.columns if c.role.value in FIGURES]


def test_kediri(kediri):
    assert inventory(kediri) == [
        ("T6", "efficiency", (452, 517), 57, "Lebih jelas dapat di lihat pad"),  # the RKPD evaluation table
        ("T7", "budget", (590, 648), 53, "Tabel : 3.2. CAPAIAN KINERJA K"),
        ("T8", "efficiency", (654, 663), 8, "Tabel 3.3. Efisiensi Cost per "),
    ]
    # Line 592: "A | PROGRAM PENUNJANG ... | 100% | 100% | 5.087.297.982 | 3.586.961.374 | - | 534.753.000 | - |
    # 4.121.714.374 | 81,02% | 965.683.608".
    assert figures(kediri, "T7", 592) == [
        ("target", 100), ("realisasi_kinerja", 100), ("pagu", 5087297982), ("sumber", 3586961374), ("sumber", 0),
        ("sumber", 534753000), ("sumber", 0), ("realisasi", 4121714374), ("persen", Decimal("81.02")),
        ("sisa", 965683608)]
    # Line 661: "6 | Program Pemberdayaan Usaha Menengah ... | 113% | 5.808.870.500 | 5.485.127.340 | 94,46%".
    assert figures(kediri, "T8", 661) == [("capaian", 113), ("pagu", 5808870500), ("realisasi", 5485127340),
                                          ("persen", Decimal("94.46"))]


def test_flores_timur(flotim):
    # Lines 878-1388: the "Sub Kegiatan : ... / Pagu Anggaran : Rp. ..." blocks, one table (rows tested in
    # test_checks_depok_flotim); the report prints no capaian table with target and realisasi columns.
    assert inventory(flotim) == [("T2", "budget", (878, 1388), 49, "Realisasi anggaran per Sub Keg")]


def test_depok(depok):
    assert inventory(depok) == [
        ("T1", "capaian", (48, 51), 3, ""),
        ("T16", "capaian", (592, 595), 3, "Berdasarkan Perbandingan antar"),
        ("T19", "capaian", (687, 692), 5, ""),
        ("T20", "capaian", (710, 711), 1, "Sasaran Strategis Ketiga menca"),
        ("T21", "budget", (723, 724), 1, ""),
        ("T22", "capaian", (730, 753), 20, ""),  # on over a blank line and a wrapped label (line 747)
        ("T23", "capaian", (763, 767), 2, "Indikator kinerja, target, dan"),  # its header repeated on 766
        ("T24", "efficiency", (775, 779), 4, ""),
        ("T25", "capaian", (785, 788), 3, ""),
        ("T26", "capaian", (800, 804), 4, ""),
        ("T27", "capaian", (816, 822), 4, ""),  # over a blank line and a wrapped row that lost its first cell
        ("T28", "capaian", (834, 837), 3, ""),
        ("T29", "efficiency", (859, 861), 2, ""),
        ("T30", "capaian", (867, 874), 7, ""),
        ("T32", "capaian", (902, 905), 3, ""),
        ("T33", "budget", (919, 921), 1, "Tabel Perbandingan Realisasi K"),
        ("T34", "efficiency", (927, 931), 3, "Berdasarkan Pengukuran Kinerja"),
        ("T35", "efficiency", (941, 1002), 45, ""),
        ("T36", "budget", (1045, 1049), 3, ""),
    ]
    # Line 50: "Koperasi Berkualitas ... 21% | 36,36% | 173,16%".
    assert figures(depok, "T1", 50) == [("target", 21), ("realisasi_kinerja", Decimal("36.36")),
                                        ("capaian", Decimal("173.16"))]
    # Line 711: "1. | Nilai SAKIP DKUM | 70,20 | 70,85 | 100,92 | Melebihi Target" ("% Capaian" with no % signs).
    assert figures(depok, "T20", 711) == [("target", Decimal("70.20")), ("realisasi_kinerja", Decimal("70.85")),
                                          ("capaian", Decimal("100.92"))]
    # Line 930: "Koperasi Berkualitas | 21% | 33,33% | 157,15 | 3.036.837.550 | 2.768.411.860 | 8,83%".
    assert figures(depok, "T34", 930)[:5] == [
        ("target", 21), ("realisasi_kinerja", Decimal("33.33")), ("capaian", Decimal("157.15")),
        ("pagu", 3036837550), ("realisasi", 2768411860)]
    # Line 993 (English grouping): "76.22% | 77.28% | 101.39% | 11,542,957,950 | 10,828,105,517 | 93.81%".
    assert figures(depok, "T35", 993)[:6] == [
        ("target", Decimal("76.22")), ("realisasi_kinerja", Decimal("77.28")), ("capaian", Decimal("101.39")),
        ("pagu", 11542957950), ("realisasi", 10828105517), ("persen", Decimal("93.81"))]
    # Line 1048: "Koperasi Berkualitas | 21% | 36,36% | 2,986,837,750 | 2,768,411,860".
    assert figures(depok, "T36", 1048) == [("target", 21), ("realisasi_kinerja", Decimal("36.36")),
                                           ("pagu", 2986837750), ("realisasi", 2768411860)]


def test_kutai_kartanegara_ocr(kukar):
    # Tabel 3.6.1 (lines 982-1073): one paragraph per cell, read by its rows' sisa = pagu - realisasi.
    # Tabel 3.8 (lines 1225-1603): OCR spaced text, one cell per line from line 1290, spaced again from 1588;
    # the OCR text's capaian tables lose their cells (line 583 "... 82,59 83,16 100,70 Sangat") and are not
    # read.
    assert inventory(kukar) == [("T3", "efficiency", (982, 1073), 6, "Tabel 3.6.1 Efisiensi Pengguna"),
                                ("T4", "budget", (1225, 1603), 56, "Tabel 3.8 Realisasi Anggaran P")]
    # Line 1245: "2.17.01.2.05.02 Pengadaan Pakaian Dinas Beserta 283.110.000 225.360.000 90.20 27.750.000".
    assert figures(kukar, "T4", 1245) == [("pagu", 283110000), ("realisasi", 225360000),
                                          ("persen", Decimal("90.20")), ("sisa", 27750000)]


def test_scale_and_renstra_tables_are_told_apart(depok, kediri):
    # Depok lines 566-571: "1 | Sangat Baik | > 90" ... "5 | Sangat Kurang | 0 – 49.99" (a category scale);
    # 649-655: targets and realisasi for 2021, 2022, 2023 and the 2026 end target; 667-671: "Target Renstra
    # s/d 2026".
    assert [(t.id, t.kind, t.lines) for t in depok.tables if t.kind in ("scale", "renstra")] == [
        ("T15", "scale", (566, 571)), ("T17", "renstra", (649, 655)), ("T18", "renstra", (667, 671))]
    assert not [t for t in kediri.tables if t.kind in ("scale", "renstra")]
