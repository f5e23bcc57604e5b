"""OCR text (000, Kutai Kartanegara 2023): tables whose cells are separated by spaces only, labels
continued on the next lines, `|` left from the table rules, percentages that lost their decimal mark, and
rows laid out one cell per line (read by their kode when their figures confirm the layout)."""

from decimal import Decimal


def _budget(result):
    """Tabel 3.8, the budget table with a kode hierarchy (Tabel 3.6.1, read from its paragraphs, is the other)."""
    return [t for t in result.tables if t.has_budget and t.caption.startswith("Tabel 3.8")]


def test_tabel_3_8_is_read_with_its_kode_hierarchy(kukar):
    (table,) = _budget(kukar)
    # Lines 1217-1219: "Tabel 3.8" / "Realisasi Anggaran Program dan Kegiatan"; printed without a header,
    # so pagu / realisasi / % / sisa come from the rows' own arithmetic.
    assert table.caption == "Tabel 3.8 Realisasi Anggaran Program dan Kegiatan"
    assert [c.role.value for c in table.columns] == ["other", "label", "pagu", "realisasi", "persen", "sisa"]
    assert len(table.rows) == 56
    gaji = next(r for r in table.rows if r.marker == "2.17.01.2.02.01")
    # Line 1234: "2.17.01.2.02.01 Penyediaan Gaji dan Tunjangan ASN 8.763.210.075 7.863.494.669 89.73 | 899.715.406"
    assert gaji.label == "Penyediaan Gaji dan Tunjangan ASN" and gaji.level.value == "Sub Kegiatan"
    assert [gaji.values[i].value for i in (2, 3, 4, 5)] == [8763210075, 7863494669, Decimal("89.73"), 899715406]
    first = table.rows[0]  # lines 1225-1226, the label continued on the next line
    assert (first.marker, first.level.value) == ("2.17.01.2.01", "Kegiatan")
    assert first.label == "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
    assert "line 1226: label continued on line 1226 joined to line 1225" in table.repairs
    # From line 1290 the rows stand one cell per line: a kode alone, the label's lines, then its four
    # figures one per line (line 1290 "2.17.01.2.09.06", 1292-1294 its label, 1296-1302 75.000.000,
    # 70.695.000, 94.26, 4.305.000). Every row with figures holds four, as the rows printed whole above: the
    # layout is confirmed and read, each figure keeping its own line.
    assert any(r.startswith("line 1290: lines 1290-1587: 21 table rows printed one cell per line") for r in
               table.repairs)
    mesin = next(r for r in table.rows if r.marker == "2.17.01.2.09.06")
    assert (mesin.line, mesin.label, mesin.level.value) == (1290, "Pemeliharaan Peralatan dan Mesin Lainnya",
                                                            "Sub Kegiatan")
    assert [mesin.values[i].value for i in (2, 3, 4, 5)] == [75000000, 70695000, Decimal("94.26"), 4305000]
    assert [mesin.line_of(i) for i in (2, 3, 4, 5)] == [1296, 1298, 1300, 1302]
    # A Program printed with no figures (line 1319, "2.17.02 PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM") is
    # a row without amounts.
    izin = next(r for r in table.rows if r.marker == "2.17.02")
    assert izin.level.value == "Program" and all(v is None or v.value is None for v in izin.values[2:])
    # The rows printed whole again from line 1588 go on in the same table; kode nest by their segments, and
    # a Kegiatan of Program 2.17.08 (whose own row is not printed) is not a Kegiatan of Program 2.17.07.
    assert [(r.marker, r.level.value) for r in table.rows][-2:] == [("2.17.08.2.01", "Kegiatan"),
                                                                      ("2.17.08.2.01.01", "Sub Kegiatan")]
    program_7 = next(r for r in table.rows if r.marker == "2.17.07")
    assert not any(rel.kind == "children" and rel.target[0] == program_7.index
                   and any(table.rows[o[0]].marker.startswith("2.17.08") for o in rel.operands)
                   for rel in table.relations)


def test_a_percentage_that_lost_its_decimal_mark_is_read_and_said(kukar):
    (table,) = _budget(kukar)
    arsip = next(r for r in table.rows if r.marker == "2.17.01.2.06.10")  # line 1260: "... 4497 | ..."
    assert arsip.values[4].value == Decimal("44.97") and arsip.values[4].low_confidence
    assert any(r.startswith("line 1260: `4497` read as 44.97") for r in table.repairs)
    lembaga = next(r for r in table.rows if r.marker == "2.17.07.2.01.04")  # line 1594: "7456" = 74,56 %
    assert lembaga.values[4].value == Decimal("74.56")


def test_the_eighteen_inconsistencies_of_the_ocr_text_and_nothing_else(kukar):
    # Each checked by hand on the text: e.g. line 1245, Pengadaan Pakaian Dinas: 225.360.000 / 283.110.000
    # is 79,60 % (printed 90.20) and leaves 57.750.000 (printed 27.750.000); line 1243 its Kegiatan prints
    # realisasi 291.850.000 where its two Sub Kegiatan give 261.850.000; line 1260: 87.209.000 / 195.000.000
    # is 44,72 %, not the 44,97 the OCR kept as 4497. Lines 1631-1640: three categories against Tabel 3.1's
    # scale (99,15 % and 95 % "Tinggi" are Sangat Tinggi, 63,63 % "Sedang" is Rendah).
    assert [(f.rule, f.line, f.reported, f.expected) for f in kukar.findings] == [
        ("footing-children", 1243, 291850000, 261850000),
        ("footing-children", 1243, 41260000, 40900000),
        ("row-percent", 1245, Decimal("90.20"), Decimal("79.60")),
        ("row-sisa", 1245, 27750000, 57750000),
        ("footing-children", 1249, 1256929246, 1256928496),
        ("row-percent", 1260, Decimal("44.97"), Decimal("44.72")),
        ("row-sisa", 1262, 10166250, 10167000),
        ("row-sisa", 1267, 178562480, 178562460),
        ("row-sisa", 1270, 178562480, 178562460),
        # Read one cell per line (lines 1353-1402): Kegiatan 2.17.03.2.01 leaves 124.754.073 unspent, its two
        # Sub Kegiatan 169.608.604 + 119.362.677; the first prints its realisasi as its sisa (175.000.000 -
        # 169.608.604 = 5.391.396). Lines 1418-1457: 191.639.560 + 227.677.500 = 419.317.060, the Kegiatan
        # prints 419.314.060; 295.000.000 - 191.639.560 = 103.360.440, printed 103.363.440.
        ("footing-children", 1370, 124754073, 288971281),
        ("row-sisa", 1386, 169608604, 5391396),
        ("footing-children", 1428, 419314060, 419317060),
        ("row-sisa", 1447, 103363440, 103360440),
        # The prose (lines 741-742, and the conclusion, 1654): target 0,44 %, realisasi 0,65 %, "capaian
        # kinerjanya 154,55%", where 0,65 / 0,44 is 147,73 %; 154,55 % is 0,68 / 0,44, and the flattened row of
        # line 586 prints "0,44 0,68 154,55": the realisasi 0,65 is the misprint.
        ("prose-arithmetic", 742, Decimal("0.65"), Decimal("0.68")),
        ("prose-arithmetic", 1654, Decimal("0.65"), Decimal("0.68")),
        ("category-label", 1631, Decimal("99.15"), None),
        ("category-label", 1634, Decimal(95), None),
        ("category-label", 1640, Decimal("63.63"), None),
    ]


def test_plain_layout_text_tables_are_read_too(flotim):
    # Flores Timur's text has no tab rows; its staff table (lines 199-219) has cells separated by spaces:
    # "4 Penata Tingkat 1 (III/d) - 4 1 2 - - 7".
    staff = next(t for t in flotim.tables if t.kind == "staff")
    assert staff.caption.startswith("Tabel Keadaan pegawai") and len(staff.rows) == 11
    penata = staff.rows[3]
    assert (penata.line, penata.marker, penata.label) == (205, "4", "Penata Tingkat 1 (III/d)")
    assert [v.amount for v in penata.values[2:]] == [0, 4, 1, 2, 0, 0, 7]


def test_budget_blocks_as_ocr_reads_them_are_read():
    # Flores Timur's blocks (002) on a scanned page, as tesseract gives them: the bullet `•` read `¢`, the
    # colon `|`, the `%` of a percentage `Yo`.
    from lkjip_audit.ingest.blocks import find_block_tables

    lines = ["I. Program Penunjang Urusan Pemerintah Daerah dengan :",
             "1. Kegiatan : Perencanaan, Penganggaran dan Evaluasi Kinerja",
             "¢ Sub Kegiatan : Penyusunan Dokumen Perencanaan Perangkat Daerah",
             "Pagu Anggaran | Rp. 36.280.240",
             "Realisasi Rp. 35.259.800",
             "Sisa Anggaran | Rp. 1.020.440",
             "Prosentase 97,19 Yo.",
             "¢ Sub Kegiatan : Koordinasi dan Penyusunan Dokumen RKA-SKPD",
             "Pagu Anggaran | Rp. 11.999.720",
             "Realisasi Rp. 11.951.400",
             "Sisa Anggaran | Rp. 48.320",
             "Prosentase 99,60 %."]
    (table,) = find_block_tables(lines)
    assert [r.cells for r in table.rows[-2:]] == [
        ("¢", "Sub Kegiatan: Penyusunan Dokumen Perencanaan Perangkat Daerah", "Rp. 36.280.240", "Rp. 35.259.800",
         "Rp. 1.020.440", "97,19 %"),
        ("¢", "Sub Kegiatan: Koordinasi dan Penyusunan Dokumen RKA-SKPD", "Rp. 11.999.720", "Rp. 11.951.400",
         "Rp. 48.320", "99,60 %")]


def test_budget_blocks_whose_bullet_ocr_read_otherwise_are_read():
    # 002's scanned rendering, pages 14-18 as tesseract reads them: `•` read `»`, `“` or `*`, or taken with the
    # S of `Sub` (`ub Kegiatan :`). Each heading keeps its block (before, the figures went to the block above).
    from lkjip_audit.ingest.blocks import find_block_tables

    lines = ["7. Kegiatan : Penyediaan Jasa Penunjang urusan Pemerintah Daerah",
             "ub Kegiatan : Penyediaan barang cetak dan penggandaan",
             "Pagu Anggaran | Rp. 39.728.360", "Realisasi Rp. 39.728.300", "Sisa Anggaran | Rp. 60",
             "Prosentase 100 Yo.",
             "» Sub Kegiatan : Penyedian bahan bacaan dan peraturan perundang — undangan",
             "Pagu Anggaran | Rp. 1.800.000", "Realisasi Rp. 1.800.000", "Sisa Anggaran | Rp. -", "Prosentase 100 %.",
             "“ Sub Kegiatan : Pemeliharaan/ Rehabilitasi Sarana dan Prasarana",
             "Pendukung Gedung Kantor atau Bangunan lainnya",
             "Pagu Anggaran | Rp. 2.944.495", "Realisasi Rp. 2.989.575", "Sisa Anggaran | Rp. 4.920",
             "Prosentase 99,84 Yo.",
             "* Monitoring, Evaluasi dan Penilaian Kinerja Pegawai",
             "Pagu Anggaran | Rp. 7.499.825", "Realisasi Rp. 7.429.700", "Sisa Anggaran | Rp. 70.125",
             "Prosentase 99,06 %"]
    (table,) = find_block_tables(lines)
    assert [(r.cells[1], r.cells[2]) for r in table.rows[2:]] == [
        ("Sub Kegiatan: Penyediaan barang cetak dan penggandaan", "Rp. 39.728.360"),
        ("Sub Kegiatan: Penyedian bahan bacaan dan peraturan perundang — undangan", "Rp. 1.800.000"),
        ("Sub Kegiatan: Pemeliharaan/ Rehabilitasi Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan "
         "lainnya", "Rp. 2.944.495"),
        ("Monitoring, Evaluasi dan Penilaian Kinerja Pegawai", "Rp. 7.499.825")]


def test_emphasis_is_no_bullet():
    from lkjip_audit.ingest.blocks import find_block_tables

    lines = ["*Sasaran Strategis kedua : Meningkatnya Daya Saing*", "Pagu Anggaran : Rp. 1.000.000",
             "Realisasi : Rp. 900.000"]
    assert find_block_tables(lines) == []
