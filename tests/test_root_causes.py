"""Likely misprints: one printed amount that, corrected, makes several failing checks hold at once."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from conftest import DEPOK
from lkjip_audit.audit import audit
from lkjip_audit.checks.causes import digit_slip, digit_slips
from lkjip_audit.report.findings_json import findings_document


def misprints(result):
    seen = {}
    for finding in result.findings:
        if finding.misprint is not None:
            seen.setdefault(finding.misprint.id, finding.misprint)
    return list(seen.values())


def explained(result, misprint):
    return [(f.rule, f.line, f.column) for f in result.findings if f.misprint is misprint]


def test_kukar_four_misprints_explain_nine_findings(kukar):
    first, second, third, fourth = misprints(kukar)
    # Line 1245: Pengadaan Pakaian Dinas prints pagu 283.110.000, realisasi 225.360.000, 90.20 %, sisa
    # 27.750.000. With realisasi 255.360.000 the % (90,198...), the sisa (283.110.000 - 255.360.000) and
    # its Kegiatan's realisasi on line 1243 (291.850.000 = 36.490.000 + 255.360.000) all hold: one digit.
    assert (first.id, first.line, first.column, first.printed, first.consistent, first.slip) == (
        "M1", 1245, "[Realisasi]", Decimal(225360000), Decimal(255360000), "one-digit")
    # The table prints no header: its columns are named by their arithmetic, in brackets (not printed).
    assert explained(kukar, first) == [("footing-children", 1243, "[Realisasi]"), ("row-percent", 1245, "[%]"),
                                       ("row-sisa", 1245, "[Sisa]")]
    assert first.text("id") == (
        "kemungkinan salah cetak: [Realisasi] Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya tercetak "
        "225.360.000, nilai yang konsisten 255.360.000 (satu digit salah ketik); menjelaskan "
        + ", ".join(f.id for f in kukar.findings if f.misprint is first))
    # Line 1262: 325.000.000 - 10.166.250 = 314.833.750, and 750 is what line 1249's Kegiatan sum lacks.
    assert (second.line, second.printed, second.consistent, second.slip) == (
        1262, Decimal(314833000), Decimal(314833750), None)
    assert explained(kukar, second) == [("footing-children", 1249, "[Realisasi]"), ("row-sisa", 1262, "[Sisa]")]
    # Read one cell per line (lines 1372-1386): Sub Kegiatan 2.17.03.2.01.01 prints its realisasi 169.608.604
    # again as its sisa; 175.000.000 - 169.608.604 = 5.391.396 makes both its sisa and its Kegiatan's
    # (124.754.073 = 5.391.396 + 119.362.677, line 1370) hold.
    assert (third.line, third.column, third.printed, third.consistent) == (
        1386, "[Sisa]", Decimal(169608604), Decimal(5391396))
    assert explained(kukar, third) == [("footing-children", 1370, "[Sisa]"), ("row-sisa", 1386, "[Sisa]")]
    # Line 1443: realisasi 191.639.560 read 191.636.560 (one digit) makes its sisa (103.363.440) and its
    # Kegiatan's realisasi (419.314.060, line 1428) hold.
    assert (fourth.line, fourth.column, fourth.printed, fourth.consistent, fourth.slip) == (
        1443, "[Realisasi]", Decimal(191639560), Decimal(191636560), "one-digit")
    assert explained(kukar, fourth) == [("footing-children", 1428, "[Realisasi]"), ("row-sisa", 1447, "[Sisa]")]
    # Not grouped: the sisa column's footing on 1243, the OCR'd 4497 on 1260, the 20-rupiah sisa slips.
    alone = [(f.rule, f.line) for f in kukar.findings if f.misprint is None and f.table]
    assert alone == [("footing-children", 1243), ("row-percent", 1260), ("row-sisa", 1267), ("row-sisa", 1270)]


def test_depok_efficiency_cells_that_break_both_their_sum_and_their_sisa():
    result = audit(DEPOK)
    # Line 945: 126.613.500 - 120.048.000 = 6.565.500, printed 1.359.329.341 in EFISIENSI ANGGARAN;
    # line 965: 185.506.000 - 145.443.291 = 40.062.709, printed 38.995.169.
    assert [(m.line, m.column, m.printed, m.consistent) for m in misprints(result)] == [
        (945, "EFISIENSI ANGGARAN", Decimal(1359329341), Decimal(6565500)),
        (965, "EFISIENSI ANGGARAN", Decimal(38995169), Decimal(40062709))]
    assert [explained(result, m) for m in misprints(result)] == [
        [("footing-children", 945, "EFISIENSI ANGGARAN"), ("row-sisa", 945, "EFISIENSI ANGGARAN")],
        [("footing-children", 965, "EFISIENSI ANGGARAN"), ("row-sisa", 965, "EFISIENSI ANGGARAN")]]
    # The text's counts on the same table are not arithmetic on a cell: never explained by one.
    assert all(f.misprint is None for f in result.findings if f.rule == "prose-counts")


def test_kediri_has_no_single_misprint_behind_several_findings(kediri):
    # Its 41 arithmetic findings on Tabel 3.2 are parents that disagree with their parts column by column;
    # no one cell corrects two of them without breaking another.
    assert misprints(kediri) == []


def test_findings_json_lists_each_misprint_once_and_its_findings_point_to_it(kukar):
    document = findings_document(kukar.report, kukar.source, kukar.sha256, kukar.tables, kukar.findings)
    ids = [f["id"] for f in document["findings"]]
    assert [(m["id"], m["line"], m["printed"], m["consistent"], m["explains"])
            for m in document["likely_misprints"]] == [("M1", 1245, 225360000, 255360000, [ids[0], ids[2], ids[3]]),
                                                       ("M2", 1262, 314833000, 314833750, [ids[4], ids[6]]),
                                                       ("M3", 1386, 169608604, 5391396, [ids[9], ids[10]]),
                                                       ("M4", 1443, 191639560, 191636560, [ids[11], ids[12]])]
    pointing = {f["id"]: f["likely_misprint"] for f in document["findings"] if f["likely_misprint"]}
    assert pointing == {ids[0]: "M1", ids[2]: "M1", ids[3]: "M1", ids[4]: "M2", ids[6]: "M2", ids[9]: "M3",
                        ids[10]: "M3", ids[11]: "M4", ids[12]: "M4"}
    assert document["findings"][2]["likely_cause"].startswith("kemungkinan salah cetak: [Realisasi] Pengadaan")


@given(st.integers(min_value=1, max_value=10**13), st.data())
def test_digit_slips_are_the_numbers_digit_slip_relates(value, data):
    # prose-table looks up the rows printing a one-digit slip of a figure: the slips it looks for must be
    # exactly the numbers `digit_slip` names as one (a digit changed, two neighbours swapped).
    digits = str(value)
    i = data.draw(st.integers(min_value=0, max_value=len(digits) - 1))
    changed = digits[:i] + data.draw(st.sampled_from("0123456789")) + digits[i + 1:]
    swapped = digits[:i] + digits[i + 1:i + 2] + digits[i] + digits[i + 2:]
    slips = digit_slips(Decimal(value))
    for other in (int(changed), int(swapped), value + 1, value * 10):
        assert (Decimal(other) in slips) == (digit_slip(Decimal(value), Decimal(other)) is not None)
