"""prose-arithmetic: figures a sentence states together agree (issue 16, first part)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip_audit.checks.claims import check_claims


def claims(text: str):
    return [(f.column, f.reported, f.expected, f.line) for f in check_claims(text.split("\n"))]


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


def test_parts_that_do_not_add_up_to_their_total():
    # Depok line 881
    text = ("diikuti oleh 225 orang peserta yang terdiri dari 204 orang peserta perempuan dan 24 peserta "
            "laki-laki. Bidang usaha")
    assert claims(text) == [("jumlah", Decimal(225), Decimal(228), 1)]


def test_a_ratio_written_out_is_judged_at_its_printed_decimals():
    assert claims("diperoleh 307/1386 x 100 = 22,16% usaha mikro berizin") == [
        ("rasio", Decimal("22.16"), Decimal("22.15"), 1)]
    assert claims("diperoleh 307/1386 x 100 = 22,15% usaha mikro berizin") == []
