from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_audit.understand.numbers import column_decimal_mark, format_id, parse_number


@pytest.mark.parametrize("text, value, decimals, percent", [
    ("5.087.297.982", Decimal("5087297982"), 0, False),       # 001 Tabel 3.2, Indonesian grouping
    ("9,384,257,538", Decimal("9384257538"), 0, False),       # 004 line 724, English grouping
    ("21.896.269.612", Decimal("21896269612"), 0, False),     # 004 line 921, same report
    ("4.121.714.374,00", Decimal("4121714374.00"), 2, False),  # 001 line 455
    ("Rp. 36.280.240", Decimal("36280240"), 0, False),        # 002 line 888
    ("Rp.12.468.907.592,-", Decimal("12468907592"), 0, False),  # 001 prose line 584
    ("81,02%", Decimal("81.02"), 2, True),
    ("90.50%", Decimal("90.50"), 2, True),
    ("83,52 %", Decimal("83.52"), 2, True),
    ("97,19 %.", Decimal("97.19"), 2, True),                   # 002 line 894
    ("70.20", Decimal("70.20"), 2, False),
    ("70,20", Decimal("70.20"), 2, False),
    ("(1.500.000)", Decimal("-1500000"), 0, False),
    ("-45.080", Decimal("-45080"), 0, False),
    ("47,492.500", Decimal("47492500"), 0, False),             # 002 line 1060: both marks, typo
])
def test_parses_printed_numbers(text, value, decimals, percent):
    n = parse_number(text)
    assert (n.value, n.decimals, n.percent) == (value, decimals, percent)


@pytest.mark.parametrize("text", ["-", "—", "Rp. -", "Rp.  -"])
def test_dash_is_zero(text):
    n = parse_number(text)
    assert n.dash and n.amount == 0


def test_spreadsheet_error_is_kept_as_error():
    n = parse_number("#DIV/0!")
    assert n.error == "#DIV/0!" and n.value is None and n.amount is None


def test_units_are_split_off():
    assert (parse_number("12 bulan").value, parse_number("12 bulan").unit) == (12, "bulan")
    assert parse_number("34 Org/bln").unit == "Org/bln"
    assert parse_number("6 kendaraan dinas").unit == "kendaraan dinas"


def test_text_is_not_a_number():
    for text in ["PROGRAM PENUNJANG", "BB (73)", "", "Jumlah", "a."]:
        assert parse_number(text) is None


def test_ocr_confusions_are_low_confidence():
    n = parse_number("1O.5OO")
    assert n.value == 10500 and n.low_confidence


def test_column_context_settles_ambiguous_grouping():
    # 004 line 998: `2,100` in a column whose other values use a decimal point.
    assert parse_number("2,100").ambiguous
    assert parse_number("2,100", decimal_mark=".").value == 2100
    assert parse_number("2,100", decimal_mark=",").value == Decimal("2.100")
    assert column_decimal_mark(["56.36%", "100%", "2,100"]) == "."
    assert column_decimal_mark(["81,02%", "1.234"]) == ","
    assert column_decimal_mark(["1.234", "5"]) is None


@given(st.integers(min_value=0, max_value=10**15))
def test_indonesian_grouping_round_trip(value):
    assert parse_number(format_id(value)).value == value


@given(st.integers(min_value=1000, max_value=10**15))
def test_english_grouping_round_trip(value):
    assert parse_number(f"{value:,}").value == value


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_percentages_round_trip(value):
    text = format_id(value, 2) + "%"
    n = parse_number(text)
    assert n.percent and n.value == value


@given(st.text(max_size=40))
def test_never_raises(text):
    parse_number(text)


def test_a_columns_grouped_amounts_outvote_one_shifted_percentage():
    # Kukar Tabel 3.8 sisa column on the plain PDF page 23: `96.74` shifted in from the % column of row
    # 2.17.01.2.09 (text line 1287) must not make `538.000` (line 1277) read as 538.
    column = ["60.921.906", "17.727.000", "178.562.480", "388.331.598", "538.000", "96.74"]
    assert column_decimal_mark(column) == ","
    assert column_decimal_mark(["81,02", "90.50"]) is None  # one against one: undecided


def test_a_percent_sign_ocr_read_as_digits_or_letters_is_read_back_in_an_ocr_table_s_percent_column():
    # Depok's ruled rendering scanned: `33,33%` read `33,3396`, `173,14%` read `173,14Y6`, in columns whose
    # other figures print `%` with two decimals. Read back with low confidence; a figure that would not have
    # the column's decimals (`31096` for 310 among 2-decimal percentages) or does not end so stays as read.
    from lkjip_audit.understand.numbers import restore_ocr_percent_signs

    # Kediri's Tabel 3.2 scanned: `13,39%` read `13,396`, one `6` for the `%`; a whole figure's `1006` stays
    texts = ["0,74%", "33,3396", "173,14Y6", "31096", "36,36%", "12,5", "13,396", "1006", "8,7%6"]
    restored = restore_ocr_percent_signs(texts, [parse_number(t) for t in texts])
    assert {i: (str(n.value), n.percent, n.low_confidence) for i, n in restored.items()} == {
        1: ("33.33", True, True), 2: ("173.14", True, True), 6: ("13.39", True, True)}
    assert restore_ocr_percent_signs(["33,3396", "70.85"], [parse_number(t) for t in ["33,3396", "70.85"]]) == {}


@pytest.mark.parametrize("ocr", [True, False])
def test_only_an_ocr_table_reads_a_percent_sign_back(ocr):
    # Depok's efficiency table scanned (text line 1363 prints 33,33%): the realisasi read `33,3396`. Read back,
    # 33,33 / 21 x 100 = 158,71 against the printed 157,15 is the text's own finding. In a table from a text
    # layer `33,3396` is what the report printed, and stays so.
    from lkjip_audit.ingest.document import RawRow, RawTable
    from lkjip_audit.understand import understand_table

    rows = [("No", "Indikator", "Target", "Realisasi", "Capaian"),
            ("1.", "Nilai Sakip", "70,20", "70,85", "100,93"),
            ("2.", "Koperasi Berkualitas", "21%", "33,3396", "157,15"),
            ("3.", "Persentase Wirausaha", "2%", "0,74%", "37")]
    table = understand_table(RawTable(rows=[RawRow(r, page=48) for r in rows], ocr=ocr), "T1")
    realisasi = table.rows[1].values[3]
    assert (realisasi.value, realisasi.percent) == ((Decimal("33.33"), True) if ocr else (Decimal("33.3396"), False))


@pytest.mark.parametrize("ocr", [True, False])
def test_a_percent_sign_ocr_read_as_a_last_digit_is_read_back_where_the_row_s_arithmetic_holds(ocr):
    # Kediri's plain rendering scanned, its RKPD rows (text line 470): `59,42%` read `59,429`, `99,92%` read
    # `99,926`; Depok's ruled one scanned, Tabel 3.1 (line 897): `108,33%` read `108,334`. A 4 or 9 is a digit too: read back only where the
    # row's own % (realisasi / pagu) or capaian (realisasi / target) holds so and not as read; `12,349` that
    # holds as printed, and `75,004` that holds neither way, stay as read; a text layer's figure always does.
    from lkjip_audit.ingest.document import RawRow, RawTable
    from lkjip_audit.understand import understand_table

    budget = [("No", "Kegiatan", "Pagu", "Realisasi", "%"),
              ("1", "Administrasi Kepegawaian", "900.000.000", "534.753.000", "59,429"),
              ("2", "Administrasi Umum", "100.000.000", "12.349.000", "12,349"),
              ("3", "Penyediaan Jasa Kantor", "80.000.000", "61.000.000", "75,004"),
              ("4", "Penyediaan Barang Cetak", "10.000.000", "9.000.000", "90,00%"),
              ("5", "Administrasi Umum", "166.591.969", "166.452.424", "99,926")]  # `%` read as a 6 (line 472)
    table = understand_table(RawTable(rows=[RawRow(r, page=15) for r in budget], ocr=ocr), "T1")
    persen = [table.rows[i].values[4] for i in (0, 1, 2, 4)]
    assert [(n.value, n.percent) for n in persen] == (
        [(Decimal("59.42"), True), (Decimal("12.349"), False), (Decimal("75.004"), False), (Decimal("99.92"), True)]
        if ocr else [(Decimal("59.429"), False), (Decimal("12.349"), False), (Decimal("75.004"), False),
                     (Decimal("99.926"), False)])
    assert any("`59,429` read as 59.42%" in r for r in table.repairs) == ocr

    # 13 of 12 koperasi is 108,333...: `108,334` does not hold at three decimals, 108,33 does.
    capaian = [("No", "Sasaran", "Target", "Realisasi", "Capaian"),
               ("1", "Meningkatnya daya saing koperasi", "12 koperasi", "13 koperasi", "108,334"),
               ("2", "Meningkatnya kualitas layanan", "80 koperasi", "81 koperasi", "101,25%")]
    table = understand_table(RawTable(rows=[RawRow(r, page=18) for r in capaian], ocr=ocr), "T2")
    assert (table.rows[0].values[4].value == Decimal("108.33")) == ocr
