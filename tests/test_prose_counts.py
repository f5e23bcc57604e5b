"""prose-counts: a sentence that announces a table counts what the table lists (issue 16, counts)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tables import audit_text

TABLE = ["No\tSasaran Strategis\tIndikator Kinerja\tTarget\tRealisasi\t% Capaian",
         "1.\tMeningkatnya Kualitas Pelayanan\tNilai SAKIP\t70\t71\t101,43%",
         "2.\tMeningkatnya Daya Saing Usaha\tKoperasi Berkualitas\t21%\t21%\t100%",
         "\t\tPersentase Wirausaha\t2%\t2%\t100%"]


def counts(sentence: str, table=TABLE, between: str = ""):
    text = "\n".join(["BAB I", "", sentence, *([between] if between else []), "", *table, ""])
    return [(f.column, f.reported, f.expected, f.line) for f in audit_text(text).findings
            if f.rule == "prose-counts"]


@pytest.mark.parametrize("sentence, expected", [
    # Depok (004) line 46 says "telah ditetapkan tiga (3) sasaran strategis ... sebagai berikut :" over a table
    # of 2 Sasaran: the merged cell of the second leaves its next row blank.
    ("Telah ditetapkan tiga (3) sasaran strategis dengan capaian sebagai berikut :", [("sasaran", 3, 2, 3)]),
    ("Telah ditetapkan 2 sasaran strategis dan 4 indikator kinerja, yaitu:", [("indikator", 4, 3, 3)]),
    ("Telah ditetapkan 2 (dua) sasaran strategis dan 3 (tiga) indikator kinerja sebagai berikut :", []),
    # not announcing the table: nothing is counted against it
    ("Telah ditetapkan tiga (3) sasaran strategis dalam Renstra.", []),
])
def test_a_count_against_the_table_it_announces(sentence, expected):
    assert counts(sentence) == expected


def test_a_caption_may_stand_between_the_sentence_and_its_table():
    assert counts("Terdapat 3 sasaran strategis sebagai berikut:", between="\nTabel 2.1 Sasaran Strategis") == [
        ("sasaran", 3, 2, 3)]


def test_a_table_after_more_prose_is_not_the_one_announced():
    assert counts("Terdapat 3 sasaran strategis sebagai berikut:",
                  between="Rinciannya disajikan dalam tabel di bawah ini.\n") == []


def test_words_that_disagree_with_their_digits_are_left_to_the_terbilang_check():
    assert counts("Telah ditetapkan empat (3) sasaran strategis sebagai berikut:") == []


CAPAIAN_TABLE = ["No\tIndikator Kinerja\tTarget\tRealisasi\t% Capaian",
                 "1.\tKoperasi Berkualitas\t21%\t36,36%\t173,14%",
                 "2.\tPersentase Wirausaha\t2%\t0,74%\t37%"]


def listed(sentence: str, between: str = "", table=CAPAIAN_TABLE):
    text = "\n".join(["BAB III", "", sentence, "", *([between, ""] if between else []), *table, ""])
    return [(f.item, f.reported, f.expected, f.line, f.detail["en"]) for f in audit_text(text).findings
            if f.rule == "prose-table"]


def test_capaian_listed_in_a_sentence_against_the_table_that_follows():
    # Depok (004) line 759: "Sasaran Strategis Kedua dengan 2 indikator kinerja capaiannya sebesar 310% dan
    # 106,26%.", then line 761 announcing the table, whose rows give 173,14% and 37% (lines 764, 767).
    sentence = "Sasaran Strategis Kedua dengan 2 indikator kinerja capaiannya sebesar 310% dan 106,26%."
    announce = "Indikator kinerja, target, dan realisasinya dapat digambarkan sebagai berikut:"
    assert listed(sentence, announce) == [
        ("Koperasi Berkualitas", Decimal("173.14"), Decimal(310), 8, "the text on line 3 says 310%"),
        ("Persentase Wirausaha", Decimal(37), Decimal("106.26"), 9, "the text on line 3 says 106,26%")]
    assert listed(sentence.replace("310% dan 106,26%", "173,14% dan 37%"), announce) == []
    # three capaian for a table of two, or prose between that does not announce it: not this table's
    assert listed(sentence.replace("310% dan", "310%, 95% dan"), announce) == []
    assert listed(sentence, "Capaian ini dipengaruhi oleh banyak faktor.") == []


BUDGET = ["No\tProgram/Kegiatan\tPagu\tRealisasi\t%",
          "\tJumlah\t300.000.000\t270.000.000\t90,00",
          "1\tProgram Penunjang Urusan\t100.000.000\t90.000.000\t90,00",
          "\tKegiatan Administrasi Umum\t100.000.000\t90.000.000\t90,00",
          "2\tProgram Pemberdayaan Koperasi\t200.000.000\t180.000.000\t90,00",
          "\tKegiatan Penyuluhan Koperasi\t200.000.000\t180.000.000\t90,00"]
PK_PROGRAMS = ["No\tProgram\tAnggaran",
               "1\tPROGRAM PENUNJANG URUSAN\tRp 100.000.000",
               "2\tPROGRAM PELAYANAN IZIN USAHA\tRp -",
               "3\tPROGRAM PEMBERDAYAAN KOPERASI\tRp 200.000.000",
               "\tJumlah Anggaran\tRp 300.000.000"]


def agency_counts(*sentences: str, tables=(BUDGET,)):
    parts = ["BAB III", ""]
    for sentence in sentences:
        parts += [sentence, ""]
    for table in tables:
        parts += [*table, ""]
    return [(f.column, f.reported, f.expected, f.line, f.detail["en"]) for f in audit_text("\n".join(parts)).findings
            if f.rule == "prose-counts"]


def test_an_agency_count_against_the_main_budget_table():
    # The budget table lists 2 Programmes and 2 Kegiatan.
    assert agency_counts("Pada tahun 2023 dinas melaksanakan 2 Program dan 3 Kegiatan.") == [
        ("Kegiatan", 3, 2, 3, "table T1 lists")]
    assert agency_counts("Pada tahun 2023 dinas melaksanakan 2 Program dan 2 Kegiatan.") == []


def test_a_programme_count_another_table_lists_is_not_held_against_the_budget_table():
    # Depok (004) lines 915/935 say 8 Program, 12 Kegiatan: its Perjanjian Kinerja lists 8 Programmes (one with
    # no budget, line 516), the budget table 7 with 11 Kegiatan. The budget table does not list every Programme
    # the sentence counts, so neither its Programmes nor its Kegiatan are the sentence's.
    assert agency_counts("Pada tahun 2023 dinas melaksanakan 3 Program dan 3 Kegiatan.",
                         tables=(PK_PROGRAMS, BUDGET)) == []
    # A count no table lists is still a finding.
    assert agency_counts("Pada tahun 2023 dinas melaksanakan 4 Program dan 2 Kegiatan.",
                         tables=(PK_PROGRAMS, BUDGET)) == [("Program", 4, 2, 3, "table T2 lists")]


def test_two_sentences_that_count_the_same_programmes_disagree_on_a_lower_level():
    # Depok lines 915 and 935: "melaksanakan 8 Program, 12 Kegiatan, dan 28 Sub Kegiatan" and "... 8 Program,
    # 12 Kegiatan, dan 27 Sub Kegiatan". Agreeing on Programmes and Kegiatan, they count the same thing.
    first = "Pada Tahun 2023 dinas melaksanakan 3 Program, 3 Kegiatan, dan 28 Sub Kegiatan."
    second = "Pada tahun 2023 dinas melaksanakan 3 Program, 3 Kegiatan, dan 27 Sub Kegiatan."
    assert agency_counts(first, second, tables=(PK_PROGRAMS, BUDGET)) == [
        ("Sub Kegiatan", 28, 27, 3, "line 5 says")]
    # Three sentences: the count two of them state stands against the one that differs.
    assert agency_counts(second, first, second, tables=(PK_PROGRAMS, BUDGET)) == [
        ("Sub Kegiatan", 28, 27, 5, "line 3 says")]


@pytest.mark.parametrize("first, second", [
    # different years count different things
    ("Pada tahun 2022 dinas melaksanakan 3 Program dan 28 Sub Kegiatan.",
     "Pada tahun 2023 dinas melaksanakan 3 Program dan 27 Sub Kegiatan."),
    # nothing else in common: no sign the two sentences count the same thing
    ("Pada tahun 2023 dinas melaksanakan 3 Program dan 28 Sub Kegiatan.",
     "Pada tahun 2023 dinas melaksanakan 4 Program dan 27 Sub Kegiatan."),
])
def test_counts_of_different_things_are_not_set_against_each_other(first, second):
    assert [c for c in agency_counts(first, second, tables=(PK_PROGRAMS, BUDGET)) if "says" in c[4]] == []
