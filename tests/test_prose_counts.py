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
