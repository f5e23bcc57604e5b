"""category-label: labels given to a capaian against the report's own scale, or a documented default."""

from __future__ import annotations

import json
from decimal import Decimal

from conftest import DEPOK, KEDIRI, KUKAR_OCR, FLOTIM
from lkjip_audit.audit import audit
from lkjip_audit.checks.categories import labelled_figures, predicate_figures
from lkjip_audit.understand.scales import printed_scales


def lines_of(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_the_scales_the_reports_print_are_read_band_by_band():
    # Kukar (OCR) line 563-570: "Tabel 3.1 Skala Nilai Peringkat Kinerja", "91% < 100% Sangat Tinggi" ... "<50%".
    (kukar,) = printed_scales(lines_of(KUKAR_OCR))
    assert kukar.line == 563
    assert [(b.label, b.range_text) for b in kukar.bands] == [
        ("Sangat Tinggi", "91–100"), ("Tinggi", "76–90"), ("Sedang", "66–75"), ("Rendah", "51–65"),
        ("Sangat Rendah", "< 50")]
    # Depok lines 557-559 (against the target) and 567-571 (Permendagri 54/2010, "Sangat Baik > 90" ...).
    target, quality = printed_scales(lines_of(DEPOK))
    assert (target.line, quality.line) == (557, 567)
    assert [(b.label, b.range_text) for b in target.bands] == [
        ("Tidak Tercapai", "< 100"), ("Tercapai", "100"), ("Sesuai Target", "100"), ("Melebihi Target", "> 100")]
    assert [(b.label, b.range_text) for b in quality.bands] == [
        ("Sangat Baik", "> 90"), ("Baik", "75–89,99"), ("Cukup", "65–74,99"), ("Kurang", "50–64,99"),
        ("Sangat Kurang", "0–49,99")]
    assert printed_scales(lines_of(KEDIRI)) == [] and printed_scales(lines_of(FLOTIM)) == []


def test_every_labelled_percentage_in_the_kukar_text_is_read():
    figures = {(f.line, f.value, f.label) for f in labelled_figures(lines_of(KUKAR_OCR))}
    # Read in the report: lines 599 ("100.70% dengan predikat “Sangat\nTinggi”", wrapped), 680, 1622-1640
    # (Bab IV's list, "87,99 (Tinggi)%" with the % after), 1654.
    assert figures == {
        (599, Decimal("100.70"), "Sangat Tinggi"), (680, Decimal(100), "Sangat Tinggi"),
        (1622, Decimal("84.05"), "Tinggi"), (1622, Decimal("89.70"), "Tinggi"), (1624, Decimal("84.4"), "Tinggi"),
        (1625, Decimal("89.70"), "Tinggi"), (1627, Decimal("65.05"), "Sedang"), (1628, Decimal("65.01"), "Sedang"),
        (1630, Decimal(100), "Sangat Tinggi"), (1631, Decimal("99.15"), "Tinggi"), (1634, Decimal(95), "Tinggi"),
        (1634, Decimal("68.72"), "Sedang"), (1636, Decimal(100), "Sangat Tinggi"), (1637, Decimal("87.99"), "Tinggi"),
        (1639, Decimal("80.33"), "Tinggi"), (1640, Decimal("63.63"), "Sedang"),
        (1654, Decimal("154.55"), "Sangat Tinggi")}
    # Line 1618 lists every category "(Sangat Tinggi / Tinggi / Sedang / ...)": a template, no label given.
    assert not any(f.line == 1618 for f in labelled_figures(lines_of(KUKAR_OCR)))


def test_kukar_labels_three_figures_against_its_own_scale():
    result = audit(KUKAR_OCR)
    found = [(f.line, f.reported, f.severity) for f in result.findings if f.rule == "category-label"]
    # 99,15 and 95 are Sangat Tinggi (91-100), 63,63 is Rendah (51-65) by Tabel 3.1.
    assert found == [(1631, Decimal("99.15"), "warning"), (1634, Decimal(95), "warning"),
                     (1640, Decimal("63.63"), "warning")]
    first = next(f for f in result.findings if f.rule == "category-label")
    assert first.message("id").endswith(
        "dan capaian anggaran sebesar: 99,15% diberi kategori “Tinggi” (76–90), padahal menurut skala laporan "
        "(baris 563) nilai itu termasuk “Sangat Tinggi” (91–100).")
    # Must raise nothing: 65,05 and 65,01 "(Sedang)" sit in the scale's gap between 65 and 66; 100,70 and
    # 154,55 "Sangat Tinggi" are above the top band's 100; 68,72 Sedang and 87,99 Tinggi hold.


def test_without_a_printed_scale_the_default_is_used_and_named(tmp_path):
    lines = lines_of(KUKAR_OCR)
    scale = printed_scales(lines)[0]
    del lines[scale.line - 1:scale.line + 7]  # the report without its Tabel 3.1 bands
    copy = tmp_path / "kukar_tanpa_skala.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    found = [f for f in audit(copy).findings if f.rule == "category-label"]
    assert [(f.reported, f.detail["en"].rsplit("the value ", 1)[1]) for f in found] == [
        (Decimal("99.15"), "falls in “Sangat Tinggi” (≥ 91)"),
        (Decimal(95), "falls in “Sangat Tinggi” (≥ 91)"),
        (Decimal("63.63"), "falls in “Rendah” (51–65)")]
    assert all("by the default scale of Permendagri 86/2017" in f.detail["en"] for f in found)

    # A scale file replaces the default: here Tinggi reaches 100 and Sedang starts at 60.
    custom = tmp_path / "skala.json"
    custom.write_text(json.dumps({"name": "Perbup contoh", "bands": [
        {"label": "Sangat Tinggi", "min": 100, "max": None}, {"label": "Tinggi", "min": 80, "max": 100,
                                                               "max_inclusive": False},
        {"label": "Sedang", "min": 60, "max": 80, "max_inclusive": False}, {"label": "Rendah", "max": 60}]}))
    found = [f for f in audit(copy, scale=custom).findings if f.rule == "category-label"]
    # 84,05/89,70/99,15/95 Tinggi now hold; 65,05/65,01/68,72/63,63 Sedang hold; 80,33 Tinggi holds.
    assert found == []


def test_a_table_label_is_checked_against_the_scale_the_report_prints(tmp_path):
    # Depok line 711: "1. Nilai SAKIP DKUM 70,20 70,85 100,92 Melebihi Target": holds by lines 557-559.
    assert not [f for f in audit(DEPOK).findings if f.rule == "category-label"]
    lines = lines_of(DEPOK)
    assert lines[710].endswith("100,92\tMelebihi Target")
    lines[710] = lines[710].replace("Melebihi Target", "Tidak Tercapai")
    copy = tmp_path / "depok.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    (finding,) = [f for f in audit(copy).findings if f.rule == "category-label"]
    assert (finding.line, finding.reported, finding.item) == (711, Decimal("100.92"), "Nilai SAKIP DKUM")
    assert finding.detail["id"] == ("100,92% diberi kategori “Tidak Tercapai” (< 100), padahal menurut skala "
                                    "laporan (baris 557) nilai itu termasuk “Melebihi Target” (> 100)")


def test_sakip_predicates_with_their_score_are_judged_by_permenpan_rb_88_2021(tmp_path):
    # Kukar line 311, a PK target: "Predikat Tata Kelola Predikat B (60-70)": B is > 60-70, so it holds.
    (figure,) = predicate_figures(lines_of(KUKAR_OCR))
    assert (figure.line, figure.label, figure.score, figure.value) == (311, "B", "60-70", Decimal(65))
    assert not [f for f in audit(KUKAR_OCR).findings if f.line == 311]
    lines = lines_of(KUKAR_OCR)
    lines[310] = lines[310].replace("Predikat B (60-70)", "Predikat BB (60-70)")
    copy = tmp_path / "kukar.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    (finding,) = [f for f in audit(copy).findings if f.line == 311]
    assert finding.detail["en"] == ("score 60-70 is given the category “BB” (> 70–80), but by the SAKIP predicates of "
                                    "PermenPAN-RB 88/2021 the value falls in “B” (> 60–70)")
