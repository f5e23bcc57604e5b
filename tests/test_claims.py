"""prose-arithmetic: figures a sentence states together agree (issue 16, first part)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from lkjip_audit.checks.claims import check_claims
from lkjip_audit.understand.numbers import parse_number
from lkjip_audit.understand.ratios import capaian_holds, ratio_holds
from lkjip_audit.understand.claims import read_claims, words_value


def claims(text: str):
    return [(f.column, f.reported, f.expected, f.line) for f in check_claims(read_claims(text.split("\n")))]


@pytest.mark.parametrize("text", [
    "Target tahun 2023 sebanyak 225 unit usaha dengan realisasi 225 unit usaha. Capaian kinerja 100%.",
    "tercapai 72% dari target 90%, dengan capaian kinerja 80%.",
    "target indikator adalah sebesar 90,89, yang terealisasi 92,22 dengan tingkat capaian 101,46 , termasuk",
    "angka kematian ditargetkan 10 orang dengan realisasi 8 orang. Capaian kinerja 125%.",  # lower is better
    "Ukuran capaian adalah (50 : 3) x 100% = 1667%, pengukuran capaian kinerja",
    "sebanyak 60 orang, yang terdiri dari PNS sebanyak 34 orang dan Non PNS sebanyak 26 orang",
    "300 orang peserta terdiri dari 275 peserta dari 11 Kecamatan di Kota Depok dan 25 peserta dari luar kota",
    "Koperasi berkualitas 60 unit terdiri dari 15 unit koperasi sehat dan 45 koperasi cukup sehat, serta 50 "
    "koperasi dalam pengawasan",
])
def test_consistent_claims_raise_nothing(text):
    assert claims(text) == []


def test_a_capaian_that_is_not_realisasi_over_target_in_the_next_sentence():
    # Depok line 879 as printed
    text = ("Tahun 2023 ditargetkan 320 Unit Usaha dengan realisasi capaian 340 unit usaha. Capaian kinerja "
            "100,66%. Aktivitas yang dilakukan pada pendataan")
    assert claims(text) == [("capaian", Decimal("100.66"), Decimal("106.25"), 1)]


def test_a_capaian_after_realisasi_then_target_and_a_wrapped_sentence():
    # extra excerpt (Dinkes Lampung 2020) and Kukar line 741-742, a sentence wrapped over two lines
    assert claims("imunisasi dasar lengkap tercapai 72% dari target 92,9%, dengan capaian kinerja 88%.") == [
        ("capaian", Decimal(88), Decimal("77.50"), 1)]
    assert claims("wirausaha baru dengan target tahun 2023 sebesar 0,44%, realisasi sebesar 0,65% sehingga\n"
                  "capaian kinerjanya 154,55% dan ini mengalami penurunan") == [
        ("capaian", Decimal("154.55"), Decimal("147.73"), 2)]


def claims_in(text: str):
    lines = text.split("\n")
    return [(f.column, f.reported, f.expected, f.line) for f in check_claims(read_claims(lines), lines)]


def test_the_realisasi_is_the_misprint_when_the_report_prints_the_one_the_capaian_needs():
    # Kukar (000) line 1654: "realisasi sebesar 0,65% dari target 0,44% atau tingkat capaian sebesar 154,55%";
    # 154,55 × 0,44 / 100 = 0,68, which its table row (line 586) prints with the same target.
    sentence = "realisasi sebesar 0,65% dari target 0,44% atau tingkat capaian sebesar 154,55% 'Sangat Tinggi'."
    row = "Pertumbuhan pertumbuhan % 0,44 0,68 154,55 Sangat"
    assert claims_in(f"{row}\n\n{sentence}") == [("realisasi", Decimal("0.65"), Decimal("0.68"), 3)]
    # no other line prints 0,68 with the target 0,44: which figure is wrong is not known, the capaian is judged
    assert claims_in(f"{row.replace('0,68', '0,69')}\n\n{sentence}") == [
        ("capaian", Decimal("154.55"), Decimal("147.73"), 3)]


@given(st.integers(min_value=101, max_value=9999), st.integers(min_value=1, max_value=9999),
       st.integers(min_value=1, max_value=99))
@example(101, 1919, 1)  # capaian 1900,00%: a figure that starts like a year is not a year
def test_generated_capaian_with_a_mistyped_realisasi(target_cents, real_cents, slip):
    # target T and realisasi R with two decimals, capaian C = R / T × 100 printed; R mistyped as R + slip
    # cents in the sentence, while another line prints T and R: the finding is on the realisasi, expecting R.
    target, real = Decimal(target_cents) / 100, Decimal(real_cents) / 100
    capaian = (real / target * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    typo = real + Decimal(slip) / 100
    solved = (capaian * target / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    # the typo must break the capaian (rounded or truncated, within the realisasi's own rounding)
    assume(solved == real and not capaian_holds(*(parse_number(f"{v}%") for v in (capaian, target, typo))))
    shown = {v: f"{v:.2f}".replace(".", ",") for v in (target, real, typo, capaian)}
    text = (f"Indikator A % {shown[target]} {shown[real]} {shown[capaian]}\n\n"
            f"target {shown[target]}% dengan realisasi {shown[typo]}% sehingga capaian kinerja {shown[capaian]}%.")
    assert claims_in(text) == [("realisasi", typo, real, 3)]


LIST = ("Program dan pagu anggaran Dinas tahun 2021 terdiri dari 3 (tiga) program 5 (lima) kegiatan dengan pagu "
        "anggaran sebesar Rp. {total} (...).\n\n"
        "1. Program Pelayanan Administrasi Perkantoran ;\n"
        "Pagu anggaran sebesar Rp. 5.087.297.982 realisasi Rp. 4.121.714.374 capaian sebesar 81,02%.\n"
        "2. Program Pengawasan Dan Pemeriksaan Koperasi;\n"
        "Pagu anggaran sebesar Rp. 336.362.660 realisasi Rp. 300.326.200 capaian sebesar 89,29%.\n"
        "{third}"
        "\nSecara keseluruhan anggaran tahun 2021 sebesar Rp.{total},- dengan terserap sebesar Rp.10.894.818.544,-.")
THIRD = "3. Program Pengembangan UMKM;\nPagu anggaran sebesar Rp. 511.020.500 realisasi Rp. 351.386.350.\n"


def test_a_total_pagu_and_the_list_of_programs_that_follows():
    # Kediri (001) line 567: "terdiri dari 7 (tujuh) program 15 (lima belas) kegiatan dengan pagu anggaran
    # sebesar Rp. 12.468.907.592", then lines 569-582 one Program per item, whose pagu add up to 12.395.837.032.
    assert claims_in(LIST.format(total="5.934.681.142", third=THIRD)) == []
    assert claims_in(LIST.format(total="5.934.681.152", third=THIRD)) == [
        ("jumlah", Decimal(5934681152), Decimal(5934681142), 1)]
    # two items for three announced Programs: not the list announced, nothing is read
    assert claims_in(LIST.format(total="5.934.681.152", third="")) == []


def test_parts_that_do_not_add_up_to_their_total():
    # Depok line 881
    text = ("diikuti oleh 225 orang peserta yang terdiri dari 204 orang peserta perempuan dan 24 peserta "
            "laki-laki. Bidang usaha")
    assert claims(text) == [("jumlah", Decimal(225), Decimal(228), 1)]


def test_a_ratio_written_out_is_judged_at_its_printed_decimals():
    assert claims("diperoleh 307/1386 x 100 = 22,16% usaha mikro berizin") == [
        ("rasio", Decimal("22.16"), Decimal("22.15"), 1)]
    assert claims("diperoleh 307/1386 x 100 = 22,15% usaha mikro berizin") == []


def test_a_formula_block_flattened_onto_one_line():
    # Tanah Datar LKjIP 2016 (excerpt line 9): the fraction's numerator with its words, `x 100 = Z`, then the
    # denominator; 36.743 / 39.834 × 100 = 92,2403
    text = ("Realisasi indikator kinerja persentase angka partisipasi murni APM SDMI dihitung sebagai berikut: "
            "persentase APM SDMI 36.743 Penduduk usia 7 s.d 12 tahun yang sekolah x 100 = 92.22 39.834 Penduduk "
            "usia 7 s.d 12 tahun di Tanah Datar")
    assert claims(text) == [("rasio", Decimal("92.22"), Decimal("92.24"), 1)]
    assert claims(text.replace("92.22", "92.24")) == []


# PN LKjIP 2016 (excerpt line 3): three tables flattened into one paragraph; Jumlah then Realisasi / Capaian.
FLAT_ROWS = [
    "Tabel 16. Analisa Kinerja Data Perkara Perdata Jumlah Realisasi Capaian Kinerja Upaya hukum banding tahun "
    "2016 dan 2015 40 Berkas Upaya hukum banding tahun 2015 20 Berkas 50,00 50,00",
    "Tabel 17. Analisa Kinerja Data Perkara Perdata Jumlah Realisasi Capaian Kinerja Upaya hukum kasasi tahun "
    "2016 dan 2015 54 Berkas Upaya hukum kasasi tahun 2015 18 Berkas 33,33 33,33",
    "Tabel 18. Analisa Kinerja Data Perkara Pidana Jumlah Realisasi Capaian Kinerja Upaya hukum PK tahun 2016 "
    "dan 2015 9 Berkas Upaya hukum PK tahun 2015 2 Berkas 75,00 75,00",
]


def test_flattened_rows_take_their_direction_from_the_rows_that_hold():
    assert claims(" ".join(FLAT_ROWS)) == [("rasio", Decimal("75.00"), Decimal("22.22"), 1)]
    # Written the other way round (smaller count first) the rows say so themselves.
    swapped = [row.replace("40 Berkas", "#").replace("20 Berkas", "40 Berkas").replace("#", "20 Berkas")
               .replace("54 Berkas", "#").replace("18 Berkas", "54 Berkas").replace("#", "18 Berkas")
               .replace("9 Berkas", "#").replace("2 Berkas", "9 Berkas").replace("#", "2 Berkas")
               for row in FLAT_ROWS]
    assert claims(" ".join(swapped)) == [("rasio", Decimal("75.00"), Decimal("22.22"), 1)]


@pytest.mark.parametrize("rows", [FLAT_ROWS[2:], FLAT_ROWS[1:], [FLAT_ROWS[0], FLAT_ROWS[2]]])
def test_flattened_rows_that_do_not_agree_on_a_direction_prove_nothing(rows):
    # One row alone, or one holding and one failing: which count is divided by which is not known.
    assert claims(" ".join(rows)) == []


def test_a_law_citation_is_not_a_flattened_row():
    # Kediri line 92: `Nomor 22 Tahun 1999 ... nomor 32 tahun 2004` has two numbers of one word and no percentage.
    text = ("Undang-Undang Nomor 22 Tahun 1999 jo Undang-Undang nomor 32 tahun 2004 tentang Pemerintahan Daerah, "
            "Undang-Undang Nomor 5 Tahun 2014 jo Peraturan nomor 48 tahun 2016 tentang Perangkat Daerah")
    assert read_claims([text]) == []


def test_a_realisasi_and_the_basis_it_was_computed_on_two_paragraphs_later():
    # Kediri lines 541-545, as printed (three paragraphs); 307 / 1386 × 100 = 22,1501
    lines = ['1.1.2.2. **INDIKATOR** kedua "**Prosentase usaha mikro yang berizin**" target **4,72%** realisasi '
             '**22,16 %** capaian kinerja tahun 2021 adalah sebesar **469,49%**.', "",
             "Dengan dasar perhitungan bahwa di tahun 2021 jumlah Usaha Mikro yang di bina yang mendapatkan "
             "perijinan adalah", "",
             "307 di bandingkan jumlah usaha mikro yang dibina pada tahun 2021 yaitu 1386"]
    found = check_claims(read_claims(lines))
    assert [(f.column, f.reported, f.expected, f.line, f.item) for f in found] == [
        ("rasio", Decimal("22.16"), Decimal("22.15"), 5, "realisasi 22,16 %")]
    # Kediri lines 547-549: 250 / 857 × 100 = 29,17 holds; without a stated basis nothing is read.
    assert claims("target 71,31% realisasi 29,17% capaian kinerja tahun 2021 adalah sebesar 40,91%.\n\n"
                  "Dengan dasar perhitungan bahwa di tahun 2021 usaha mikro hasil binaan yang omsetnya meningkat "
                  "sebanyak 250 usaha mikro di bandingkan dengan jumlah Usaha Mikro binaan tahun dasar sebesar 857 "
                  "usaha mikro.") == []
    assert read_claims(["realisasi 22,16 %", "", "307 di bandingkan 1386 usaha"]) == []


@pytest.mark.parametrize("text, reported, said", [
    ("sebanyak 7 (tujuh) Program dan 12 (sebelas) kegiatan", 12, 11),
    ("sebesar Rp 2.142.439.000,- (dua miliar seratus empat puluh dua juta empat ratus tiga puluh sembilan ribu "
     "sembilan rupiah)", 2142439000, 2142439009),
    ("menetapkan tiga (4) sasaran strategis", 4, 3),
])
def test_a_number_whose_words_say_another(text, reported, said):
    assert claims(text) == [("terbilang", Decimal(reported), Decimal(said), 1)]


@pytest.mark.parametrize("text", [
    "Kediri line 285: sebanyak 7 (tujuh) Program dan 12 (dua belas) sebagai berikut",
    "Rp 2.142.439.000,- (dua miliar seratus empat puluh dua juta empat ratus tiga puluh sembilan ribu rupiah)",
    "Depok line 46: tiga (3) sasaran strategis; selama 1 (satu) tahun; 1.535.783 (satu juta lima ratus tiga "
    "puluh lima ribu tujuh ratus delapan puluh tiga) penduduk; seribu lima ratus (1.500) orang",
    "(dua) hal dan 5 (lima belas orang)",  # words that are not all number words are not read
])
def test_numbers_and_their_words_that_agree(text):
    assert claims(text) == []


@given(st.integers(min_value=0, max_value=10**13 - 1))
def test_the_words_reader_reads_what_num2words_spells(n):
    from num2words import num2words

    assert words_value(num2words(n, lang="id")) == n


# Kukar (000) lines 586, 730, 760, 762: performance rows whose OCR text lost the table, one line each.
FLAT_CAPAIAN = ["Pertumbuhan pertumbuhan % 0,44 0,68 154,55 Sangat",
                "Konsistensi Presentase Persentase 82,53% 82,87% 100,41 82,59% 83,16% 100,70%",
                "Persentase Koperasi Aktif 82,70% 83,16% 100,56%",
                "Persentase Pertumbuhan 3,20% 0,65% 20,31%"]


def test_flattened_capaian_rows_are_judged_when_the_reports_rows_hold():
    assert claims("\n".join(FLAT_CAPAIAN)) == []
    slipped = [FLAT_CAPAIAN[0].replace("154,55", "149,77"), *FLAT_CAPAIAN[1:]]
    assert claims("\n".join(slipped)) == [("capaian", Decimal("149.77"), Decimal("154.55"), 1)]


def test_flattened_rows_prove_nothing_alone_under_years_or_inside_a_table():
    slipped = FLAT_CAPAIAN[0].replace("154,55", "149,77")
    assert claims("\n".join([slipped, FLAT_CAPAIAN[2]])) == []  # one row holds, one fails: not shown to be capaian
    # Kukar lines 626-629: a chart's series under its years, not target, realisasi, capaian.
    series = ["2021 2022 2023", "m Koperasi Aktif 528 542 553", "B Jumlah Koperasi 640 654 665",
              "% Koperasi Aktif 82.50% 82.87% 83.16%"]
    assert claims("\n".join(series + FLAT_CAPAIAN)) == []
    lines = [slipped, *FLAT_CAPAIAN[1:]]
    assert check_claims(read_claims(lines, table_lines={1})) == []  # a reader's table row is checked there
    # A PDF's table rows have no line in its text layer: no line of it is taken for a flattened row.
    assert check_claims(read_claims(lines, table_lines=None)) == []


@given(st.lists(st.tuples(st.sampled_from(["Persentase koperasi aktif", "Pertumbuhan wirausaha", "Indeks kepuasan"]),
                          st.integers(100, 99_999), st.integers(100, 99_999)), min_size=3, max_size=8),
       st.data())
def test_generated_flattened_capaian_rows(rows, data):
    # Target and realisasi with two decimals, capaian rounded to two: a consistent report gives no finding;
    # one capaian changed gives exactly its finding.
    def line(label, target, real, capaian):
        return f"{label} {target / 100:.2f}".replace(".", ",") + f" {real / 100:.2f} {capaian:.2f}".replace(".", ",")

    capaian = [round(Decimal(real) / Decimal(target) * 100, 2) for _, target, real in rows]
    lines = [line(label, t, r, c) for (label, t, r), c in zip(rows, capaian)]
    assert check_claims(read_claims(lines)) == []
    slipped = data.draw(st.integers(0, len(rows) - 1))
    shift = data.draw(st.sampled_from([Decimal("-1.5"), Decimal("0.5"), Decimal("7")]))
    _, target, real = rows[slipped]
    changed = capaian[slipped] + shift
    inverse = Decimal(target) / Decimal(real) * 100
    # Outside what the realisasi's own rounding allows (± half its last digit) and off its inverse.
    low, high = (Decimal(real) - Decimal("0.5")) / target * 100, (Decimal(real) + Decimal("0.5")) / target * 100
    assume(changed > 0 and not low - 1 <= changed <= high + 1 and abs(changed - inverse) > 1)
    lines[slipped] = line(*rows[slipped][:3], changed)
    found = check_claims(read_claims(lines))
    assert [(f.line, f.reported) for f in found] == [(slipped + 1, changed)]


def test_a_division_written_in_words_and_the_realisasi_it_gives():
    # Depok line 55 (Ikhtisar), as printed: 60 / 165 = 36,36 holds; 32.915 / 1,535,783 × 100 = 2,14, not 0,74.
    text = ("Pada tahun 2023, realisasi indikator koperasi berkualitas sejumlah 60 unit koperasi berkualitas dibagi "
            "dengan 165 jumlah total seluruh koperasi di Kota Depok. Artinya realisasinya 36,36% dari target tahun "
            "2023 sebesar 21%. Hal tersebut menunjukkan tingkat capaian 173,16%. Untuk persentase wirausaha "
            "realisasi sebesar 0,74% dari Jumlah usia penduduk produktif Kota Depok yang berwirausaha sebanyak "
            "**32.915** jiwa orang dibagi dengan total jumlah usia produktif Kota Depok tahun 2023 sebanyak "
            "**1,535,783** jiwa orang.")
    assert claims(text) == [("rasio", Decimal("0.74"), Decimal("2.14"), 1)]
    # Depok line 624: the same realisasi from section 3.1's figures, 10.167 / 1.371.808 × 100 = 0,741.
    assert claims("tahun 2023 terealisasi 10.167 jiwa jumlah penduduk produktif yang berwirausaha dibagi dengan "
                  "total jumlah usia produktif 1.371.808 jiwa menghasilkan realisasi 0,74%.") == []


def restated(text: str):
    return [(f.column, f.reported, f.expected, f.line) for f in check_claims(read_claims(text.split("\n")))
            if f.rule == "prose-restated"]


def test_depoks_ikhtisar_ratio_restated_with_other_operands_than_section_3_1(depok):
    # Line 55 (Ikhtisar): "realisasi sebesar 0,74% dari ... berwirausaha sebanyak **32.915** jiwa orang dibagi
    # dengan total jumlah usia produktif ... sebanyak **1,535,783** jiwa orang" (32.915 / 1.535.783 = 2,14 %);
    # line 624 (3.1): "terealisasi 10.167 jiwa ... dibagi dengan total jumlah usia produktif 1.371.808 jiwa
    # menghasilkan ... 0,74%", which holds.
    found = [(f.line, f.column, f.reported, f.expected) for f in depok.findings if f.rule == "prose-restated"]
    assert found == [(55, "pembilang", 32915, 10167), (55, "penyebut", 1535783, 1371808)]
    assert [(f.line, f.reported, f.expected) for f in depok.findings if f.rule == "prose-arithmetic"
            and f.line == 55 and f.column == "rasio"] == [(55, Decimal("0.74"), Decimal("2.14"))]


@given(top=st.integers(50, 9_000), bottom=st.integers(10_000, 2_000_000), position=st.integers(0, 1),
       slip=st.integers(1, 9))
def test_generated_ratio_restated_with_one_operand_mistyped(top, bottom, position, slip):
    result = (Decimal(top) / Decimal(bottom) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assume(result > 0)
    shown = f"{result:.2f}".replace(".", ",")
    wrong = [top, bottom]
    wrong[position] += slip * 10 ** (len(str(wrong[position])) - 1)  # its first digit typed otherwise
    # The mistyped ratio must fail as the report's arithmetic is judged (rounded or truncated to two decimals).
    assume(not ratio_holds(result, Decimal(wrong[0]) / Decimal(wrong[1]) * 100, 2))
    sentence = ("Persentase wirausaha dengan realisasi {r}%, yaitu {a} orang penduduk produktif yang berwirausaha "
                "dibagi dengan jumlah penduduk usia produktif {b} orang.")
    def printed(n):  # as reports print counts: 1.371.808
        return f"{n:,}".replace(",", ".")

    text = "\n\n".join([sentence.format(r=shown, a=printed(wrong[0]), b=printed(wrong[1])),
                        "Uraian lain tanpa angka.", sentence.format(r=shown, a=printed(top), b=printed(bottom))])
    name = ("pembilang", "penyebut")[position]
    assert restated(text) == [(name, Decimal(wrong[position]), Decimal((top, bottom)[position]), 1)]
    # Two statements that both hold, or a failing one about another indicator, restate nothing.
    assert restated("\n\n".join([sentence.format(r=shown, a=printed(top), b=printed(bottom))] * 2)) == []
    other = "Koperasi sehat dengan realisasi {r}%, yaitu {a} unit dibagi dengan {b} unit koperasi terdaftar."
    assert restated("\n\n".join([other.format(r=shown, a=printed(wrong[0]), b=printed(wrong[1])),
                                 sentence.format(r=shown, a=printed(top), b=printed(bottom))])) == []


# --- the whole budget stated more than once -------------------------------------------------------------

DEPOK_TOTAL = ("Berdasarkan APBD Perubahan Kota Depok Tahun Anggaran 2023, diketahui bahwa Total Anggaran Belanja "
               "Dinas Koperasi dan Usaha Mikro Kota Depok sebesar Rp. {pagu} sedangkan Realisasi Belanja sebesar "
               "Rp. {realisasi} (90,50%).")


def restated_totals(*sentences: str):
    from tables import audit_text
    text = "\n\n".join(["BAB I", *sentences]) + "\n"
    return [(f.column, f.reported, f.expected, f.line, f.detail["en"]) for f in audit_text(text).findings
            if f.rule == "prose-totals"]


def test_the_whole_budget_stated_twice_is_the_same_figure():
    # Depok states it on line 57 (Ikhtisar) and line 1043 (Bab III) alike: no finding.
    same = DEPOK_TOTAL.format(pagu="32.300.612.788", realisasi="29.231.216.957")
    assert restated_totals(same, same) == []
    other = DEPOK_TOTAL.format(pagu="32.300.621.788", realisasi="29.231.216.957")
    # two that differ: the first is taken as the report's
    assert restated_totals(same, other) == [("pagu", 32300621788, 32300612788, 5, "line 3")]
    # three statements: the figure two of them give is the report's
    assert restated_totals(same, other, same) == [("pagu", 32300621788, 32300612788, 5, "line 3")]
    # the realisasi too
    spent = DEPOK_TOTAL.format(pagu="32.300.612.788", realisasi="29.231.216.967")
    assert restated_totals(same, spent, same) == [("realisasi", 29231216967, 29231216957, 5, "line 3")]


def test_totals_of_another_year_or_budget_stage_are_not_compared():
    this_year = DEPOK_TOTAL.format(pagu="32.300.612.788", realisasi="29.231.216.957")
    last_year = this_year.replace("2023", "2022").replace("32.300.612.788", "21.896.269.612")
    assert restated_totals(this_year, last_year) == []
    murni = ("Berdasarkan APBD murni Tahun Anggaran 2023, Total Anggaran Belanja sebesar Rp. 30.100.000.000 "
             "sedangkan Realisasi Belanja sebesar Rp. 29.231.216.957.")
    assert restated_totals(this_year, murni) == []
    # a statement that names no year is of the report's year
    no_year = "Secara keseluruhan anggaran sebesar Rp.32.300.621.788,- dengan terserap sebesar Rp.29.231.216.957,-."
    assert restated_totals(this_year, no_year) == [("pagu", 32300621788, 32300612788, 5, "line 3")]


@given(st.integers(1, 2000), st.integers(1, 2000), st.integers(0, 100_000))
def test_a_capaian_of_whole_counts_holds_only_rounded_or_truncated(target, realisasi, printed):
    # 5 dokumen of 5 is 100 %: 99 is neither 100 rounded nor truncated (the count is exact, not 4,99...).
    exact = Decimal(realisasi) / Decimal(target) * 100
    inverse = Decimal(target) / Decimal(realisasi) * 100
    allowed = {int(exact), int(exact.quantize(Decimal(1), ROUND_HALF_UP)),
               int(inverse), int(inverse.quantize(Decimal(1), ROUND_HALF_UP))}
    numbers = (parse_number(f"{printed}%"), parse_number(str(target)), parse_number(str(realisasi)))
    assert capaian_holds(*numbers) == (printed in allowed)


def test_counts_with_their_shares_in_brackets():
    # Depok, text lines 304-305: 34 and 26 of 60 pegawai are 56,67 % and 43,33 %, not 67 % and 33 %.
    text = "- Jumlah Pegawai Negeri Sipil (PNS) : 34 Orang (67%)\n- Jumlah Non PNS : 26 Orang (33%)"
    assert claims(text) == [("bagian", Decimal(67), Decimal("56.67"), 1), ("bagian", Decimal(33), Decimal("43.33"), 2)]


@given(st.lists(st.integers(1, 400), min_size=2, max_size=6), st.integers(0, 2), st.data())
def test_generated_shares_hold_and_one_mistyped_share_is_the_finding(counts, decimals, data):
    whole = sum(counts)
    quantum = Decimal(1).scaleb(-decimals)
    shares = [(Decimal(c) / whole * 100).quantize(quantum, ROUND_HALF_UP) for c in counts]
    # rounded shares may not add up to exactly 100; within their rounding they are still shares of the whole
    assume(abs(sum(shares) - 100) <= len(shares) * Decimal(5).scaleb(-decimals - 1))

    def lines(printed):
        return "\n".join(f"- Golongan {i + 1} : {c} Orang ({str(s).replace('.', ',')}%)"
                         for i, (c, s) in enumerate(zip(counts, printed)))

    assert claims(lines(shares)) == []
    # one share mistyped: the others are still their count over the sum, so the group is still shares
    wrong = data.draw(st.integers(0, len(counts) - 1))
    mistyped = list(shares)
    mistyped[wrong] += data.draw(st.sampled_from([1, -1])) * 10 * quantum
    assume(mistyped[wrong] > 0)
    assert [(column, reported, line) for column, reported, _, line in claims(lines(mistyped))] == [
        ("bagian", mistyped[wrong], wrong + 1)]


def test_percentages_that_do_not_add_up_to_100_are_not_shares():
    # Each its own rate (`20 Koperasi (85%)` aktif of those, say), not a share of the sum: not judged.
    text = "- Koperasi aktif : 20 Koperasi (85%)\n- Koperasi sehat : 12 Koperasi (60%)"
    assert claims(text) == []


def test_a_capaian_named_with_its_year():
    # Kediri, text lines 448 and 531: `target 2,31% realisasi 4,37% capaian kinerja tahun 2021 adalah sebesar
    # 189,77%` (4,37 / 2,31 is 189,18), `target **5,03%** realisasi **2,76%** capaian kinerja tahun 2021 adalah
    # sebesar **52,08%**` (54,87). The year is not the capaian; before, neither sentence was read.
    text = ("target 2,31% realisasi 4,37% capaian kinerja tahun 2021 adalah sebesar 189,77%\n\n"
            "target **5,03%** realisasi **2,76%** capaian kinerja tahun 2021 adalah sebesar **52,08%**.\n\n"
            "target 8,77% realisasi 13,90% capaian kinerja tahun 2021 adalah sebesar 158,49%")
    assert claims(text) == [("capaian", Decimal("189.77"), Decimal("189.18"), 1),
                            ("capaian", Decimal("52.08"), Decimal("54.87"), 3)]
