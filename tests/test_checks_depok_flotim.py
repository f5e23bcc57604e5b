"""Findings on 004 (Kota Depok 2023) and 002 (Kab. Flores Timur 2023), checked by hand.

Line numbers are those of the files in data/raw/.
"""

from decimal import Decimal

from conftest import DEPOK
from tables import audit_table, audit_text


def _found(result, table_id):
    """Arithmetic findings on one table (text counts and other tables' figures set against it are tested on
    their own, below and in test_cross_table)."""
    return [(f.rule, f.line, f.column.split(" / ")[-1], f.reported, f.expected)
            for f in result.findings if f.table == table_id and f.rule not in ("prose-counts", "cross-table")]


def test_depok_program_kegiatan_table_spans_page_breaks(depok):
    # Lines 941-1002: one table over four pages; page headers "LAPORAN KINERJA ..." / "2023" in between,
    # and from line 993 on the rows lost their empty first cell (No.).
    table = next(t for t in depok.tables if t.lines == (941, 1002))
    assert table.kind == "efficiency" and len(table.rows) == 45  # 47 lines less two header rows
    assert sum("page break" in r for r in table.repairs) == 3
    shifted = [r for r in table.repairs if "moved 1 column" in r]
    assert [r.split(":")[0] for r in shifted] == [f"line {n}" for n in range(993, 1003)]
    program = next(r for r in table.rows if r.line == 993)
    assert program.level.value == "Program" and program.values[6].value == 11542957950
    levels = [r.level.value for r in table.rows]
    assert levels[0] == "Jumlah"  # "Dinas Koperasi dan Usaha Mikro" heads the table with the agency total
    assert levels.count("Program") == 7


def test_depok_findings_are_exactly_the_real_errors(depok):
    table = next(t for t in depok.tables if t.lines == (941, 1002))
    assert _found(depok, table.id) == [
        # Agency row: 32.300.612.788 printed; its Programs sum to 33.172.321.844 because of line 944.
        ("footing-total", 943, "Target", Decimal(32300612788), Decimal(33172321844)),
        # Program Penunjang printed 10.255.966.594; its Kegiatan sum to 9.384.257.538 (the figure of line 724).
        ("footing-children", 944, "Target", Decimal(10255966594), Decimal(9384257538)),
        # Perencanaan: efisiensi 1.359.329.341 printed; 126.613.500 - 120.048.000 = 6.565.500.
        ("footing-children", 945, "EFISIENSI ANGGARAN", Decimal(1359329341), Decimal(6565500)),
        ("row-sisa", 945, "EFISIENSI ANGGARAN", Decimal(1359329341), Decimal(6565500)),
        # Pemeliharaan BMD: 185.506.000 - 145.443.291 = 40.062.709, printed 38.995.169.
        ("footing-children", 965, "EFISIENSI ANGGARAN", Decimal(38995169), Decimal(40062709)),
        ("row-sisa", 965, "EFISIENSI ANGGARAN", Decimal(38995169), Decimal(40062709)),
    ]
    # The other 36 tables hold seven more: two staff tables whose Jumlah is not the sum of their rows (Tabel e,
    # line 360: Diklat Pim II 1 + Pim III 5 + Pim IV 13 = 19, printed 12; Tabel f, line 370: 10 + 8 + 9 + 5 = 32
    # PNS per bidang, printed 34); the Perjanjian Kinerja's "Jumlah Anggaran" (line 523: 32.300.612.788, while
    # its eight Programs, lines 515-522, add up to 32.300.621.788); two capaian of section 3.2's year groups,
    # each judged against the target and realisasi of its own year (line 651: 2022's 70,85 / 70,15 = 101,00 %, printed 100,71 %; line 652: 2023's
    # 36,36 / 21,21 = 171,43 %, printed 173,14 %, which is 36,36 / 21 with the PK's target); the efisiensi of line
    # 929 (tests/test_efficiency.py) and the capaian of line 930 (below).
    assert [(f.rule, f.line, f.reported, f.expected) for f in depok.findings
            if f.table not in (table.id, None) and f.rule not in ("cross-table", "prose-counts", "prose-table")] == [
        ("column-total", 360, Decimal(12), Decimal(19)), ("column-total", 370, Decimal(34), Decimal(32)),
        ("column-total", 523, Decimal(32300612788), Decimal(32300621788)),
        ("row-capaian", 651, Decimal("100.71"), Decimal("101.00")),
        ("row-capaian", 652, Decimal("173.14"), Decimal("171.43")),
        ("row-efficiency", 929, Decimal("15.87"), Decimal("19.55")),
        ("row-capaian", 930, Decimal("157.15"), Decimal("158.71"))]


def test_depok_capaian_are_realisasi_over_target(depok):
    # Line 930 (conclusion table): target 21 %, realisasi 33,33 %, capaian printed 157,15; 33,33 / 21 is
    # 158,71 %. (The same indicator shows realisasi 36,36 % and capaian 173,14 % on lines 594 and 764.)
    table = next(t for t in depok.tables if t.lines and t.lines[0] <= 930 <= t.lines[1])
    assert _found(depok, table.id) == [("row-efficiency", 929, "Efisiensi Anggaran", Decimal("15.87"),
                                        Decimal("19.55")),
                                       ("row-capaian", 930, "%", Decimal("157.15"), Decimal("158.71"))]
    # Rows that must raise nothing: 173,16 % (line 50) is 36,36... % / 21 % before rounding the realisasi;
    # 134,97 % (line 1000) is 15,24 / 11,29 within the realisasi's rounding; 145 % (line 978) is 145,44
    # rounded; 96 % (line 980) is 110 / 115 units rounded.
    checked = {f.line for f in depok.findings if f.rule == "row-capaian"}
    assert checked == {651, 652, 930}  # 651 and 652: section 3.2's year groups (above)


def test_depok_renstra_capaian_is_realisasi_over_the_renstra_target(depok):
    # Lines 667-671: a two-row header "Target Renstra / s/d 2026", "Realisasi / s/d 2026", "% / Capaian": the
    # lower piece only says up to when, the upper names the column; "%" over "Capaian" is the ratio. Line
    # 669: 70,85 / 70,50 = 100,496 (100,49 truncated); 670: 33,33 / 30 = 111,1; 671: 0,74 / 2 = 37.
    table = next(t for t in depok.tables if t.lines == (667, 671))
    assert [c.role.value for c in table.columns][4:] == ["target", "realisasi_kinerja", "capaian"]
    assert len([r for r in table.relations if r.kind == "capaian"]) == 3
    assert not [f for f in depok.findings if f.table == table.id]


def test_a_typo_in_depok_renstra_capaian_is_found():
    lines = DEPOK.read_text(encoding="utf-8").split("\n")
    assert lines[670].endswith("\t2\t0,74\t37")
    lines[670] = lines[670][:-2] + "34"
    result = audit_text("\n".join(lines))
    assert [(f.rule, f.line, f.reported, f.expected) for f in result.findings if f.line == 671] == [
        ("row-capaian", 671, 34, 37)]


def test_a_whole_count_capaian_is_exact():
    # Depok line 740: 5 paket of 5 is 100 %; printed 99 % it is wrong (a whole count is not rounded, and
    # 5 / 5 is not a hair below 100 to truncate).
    result = audit_table("No|Kegiatan|Indikator Kinerja|Target|Realisasi|% Capaian",
                         ["1|Penyediaan Peralatan|Jumlah paket|5|5|99%", "2|Penyediaan Bahan|Jumlah paket|2|2|100%",
                          "3|Penyediaan Listrik|Jumlah paket|4|3|75%"], caption="Tabel 3.4 Capaian Kinerja")
    assert [(f.rule, f.reported, f.expected) for f in result.findings] == [("row-capaian", 99, 100)]


def test_flotim_blocks_become_one_budget_table(flotim):
    budget = [t for t in flotim.tables if t.kind == "budget"]
    assert len(budget) == 1
    table = budget[0]
    gaji = next(r for r in table.rows if "Gaji" in r.label)
    # Lines 945-955: "• Sub Kegiatan : Penyedian Gaji dan Tunjangan ASN", Pagu on 947 ... Prosentase on 953.
    assert gaji.level.value == "Sub Kegiatan"
    assert [gaji.values[i].value for i in (2, 3, 4, 5)] == [Decimal(2139191029), Decimal(2082287329),
                                                            Decimal(56903763), Decimal("97.34")]
    assert [gaji.line_of(i) for i in (2, 3, 4, 5)] == [947, 949, 951, 953]
    programs = [r.label for r in table.rows if r.level.value == "Program"]
    assert programs[0] == "Program Penunjang Urusan Pemerintah Daerah" and len(programs) == 6
    # "Pagu anggara :" (line 1345) is read despite the typo.
    diklat = next(r for r in table.rows if r.line_of(2) == 1345)
    assert diklat.values[2].value == 531237335


def test_flotim_findings_are_exactly_the_real_errors(flotim):
    budget = next(t for t in flotim.tables if t.kind == "budget")
    assert _found(flotim, budget.id) == [
        # Gaji: 2.139.191.029 - 2.082.287.329 = 56.903.700, printed 56.903.763.
        ("row-sisa", 951, "Sisa Anggaran", Decimal(56903763), Decimal(56903700)),
        # Rapat koordinasi: 122.995.000 - 122.895.903 = 99.097, printed 135.000; 99,92% printed 99,89%.
        ("row-sisa", 1129, "Sisa Anggaran", Decimal(135000), Decimal(99097)),
        ("row-percent", 1131, "Prosentase (%)", Decimal("99.89"), Decimal("99.92")),
        # Sarana gedung: realisasi 2.989.575 exceeds pagu 2.944.495; sisa 4.920 and 99,84% do not follow.
        ("row-sisa", 1266, "Sisa Anggaran", Decimal(4920), Decimal(-45080)),
        ("row-percent", 1268, "Prosentase (%)", Decimal("99.84"), Decimal("101.53")),
    ]
    # 47,492.500 (line 1060) is a mistyped 47.492.500: sisa 10.625 and 99,98% hold.
    assert not [f for f in flotim.findings if f.line in (1060, 1062, 1064)]


def test_table_as_dataframe_keeps_every_column(depok):
    # 004 line 775: two columns are both headed "%" (capaian kinerja and serapan anggaran).
    table = next(t for t in depok.tables if t.lines == (775, 779))
    frame = table.to_frame()
    assert list(frame.columns[-2:]) == ["Realisasi", "% (9)"] and len(frame.columns) == 2 + len(table.columns)
    assert frame.loc[0, "Anggaran"] == 545349650.0


def test_depok_prose_against_the_tables_it_announces(depok):
    # Line 46: "telah ditetapkan tiga (3) sasaran strategis ... sebagai berikut :", over the table of lines 47-51
    # whose Sasaran Strategis column names 2 (the second spans two indicators). Line 759: "Sasaran Strategis
    # Kedua dengan 2 indikator kinerja capaiannya sebesar 310% dan 106,26%.", then line 761 announcing the
    # table whose rows print 173,14% (line 764) and 37% (line 767).
    sasaran = next(t for t in depok.tables if t.lines == (48, 51))
    indicators = next(t for t in depok.tables if t.lines == (763, 767))
    assert [(f.rule, f.table, f.line, f.reported, f.expected) for f in depok.findings
            if f.rule == "prose-table" or f.rule == "prose-counts" and f.line < 900] == [
        ("prose-counts", sasaran.id, 46, 3, 2),
        ("prose-table", indicators.id, 764, Decimal("173.14"), Decimal(310)),
        ("prose-table", indicators.id, 767, Decimal(37), Decimal("106.26")),
        # line 824 gives the Sub Kegiatan of line 819 its realisasi 110 and a target of 110 (the row prints 115)
        ("prose-table", next(t for t in depok.tables if t.lines == (816, 822)).id, 819, 115, 110)]


def test_counts_of_programs_in_the_text_against_the_table(depok, kediri, flotim):
    # Depok lines 915 and 935: "melaksanakan 8 Program, 12 Kegiatan, dan 28 (935: 27) Sub Kegiatan". The
    # Program/Kegiatan table (lines 941-1002) lists 7 Programs, 11 Kegiatan and 26 Sub Kegiatan; the Perjanjian
    # Kinerja (lines 514-523) lists 8 Programs, the second "PROGRAM PELAYANAN (ZIN USAHA SIMPAN PINJAM)" with
    # "Rp -". The budget table leaves that Programme out, so the sentences' counts are not its counts; the two
    # sentences agree on 8 Program and 12 Kegiatan and differ on the Sub Kegiatan: 28 against 27.
    pk = next(t for t in depok.tables if t.lines == (514, 523))
    assert sum(r.label.startswith("PROGRAM") for r in pk.rows) == 8
    found = [(f.line, f.table, f.item, f.column, f.reported, f.expected) for f in depok.findings
             if f.rule == "prose-counts" and f.line > 900]
    assert found == [(915, None, '"27 Sub Kegiatan"', "Sub Kegiatan", 28, 27)]
    finding = next(f for f in depok.findings if f.rule == "prose-counts" and f.line > 900)
    assert finding.message("id") == "Teks menyebut 28 Sub Kegiatan, sedangkan baris 935 menyebut 27 (selisih 1)."
    assert finding.combined == ["28 Sub Kegiatan", "27 Sub Kegiatan"] and finding.cause is None
    # Kediri line 285, "Program dan Kegiatan sebanyak 7 (tujuh) Program dan 12 (dua belas) sebagai berikut", leaves
    # out the second noun: its 12 Kegiatan are 15 in Tabel 3.2 (T7; the list that follows names 15 too).
    assert [(f.line, f.table, f.column, f.reported, f.expected) for f in kediri.findings
            if f.rule == "prose-counts"] == [(285, "T7", "Kegiatan", 12, 15)]
    # Kediri line 436, "telah melaksanakan 7 program dan 15 kegiatan", agrees with Tabel 3.2; line 59,
    # "3 Program/Kegiatan Tahun 2021 ..... 10" (contents), and line 727 of Depok ("melalui 5 kegiatan dan 14
    # sub kegiatan", one Program's own) are not agency counts.
    assert not [f for f in flotim.findings if f.rule == "prose-counts"]
