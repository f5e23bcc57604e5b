"""Budget tables printed in other units and shapes (issue 15, header conventions of the family): amounts in
`Rp juta` with decimals, a pagu column before and after the APBD-P (murni / perubahan), a realisasi column of
zeros only. The numbers, not the sample reports, decide."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_audit.understand.columns import money_scale
from lkjip_audit.understand.model import Role
from tables import HEADERS, Layout, audit_table, audit_text, budget_hierarchy, in_juta, render_budget


def test_the_unit_a_header_names():
    assert money_scale("Pagu (Rp juta)") == money_scale("Realisasi (Juta Rupiah)") == 10**6
    assert money_scale("Anggaran (dalam ribuan rupiah)") == money_scale("Pagu (Rp. 000)") == 10**3
    assert money_scale("Pagu (juta)") == 10**6 and money_scale("Realisasi (Rp miliar)") == 10**9
    # no unit, or a count of things (`Jumlah UMKM (ribu unit)` names no rupiah)
    assert money_scale("Pagu") == money_scale("Realisasi (Rp)") == money_scale("Jumlah UMKM (ribu unit)") == 1
    assert money_scale("Kode 000") == 1


# --- amounts in Rp juta ----------------------------------------------------------------------------

AMOUNT = st.integers(1_000, 5_000_000).map(lambda n: n * 1000)
LEAF = st.tuples(AMOUNT, st.integers(1, 100)).map(lambda t: (t[0], t[0] * t[1] // 100 // 1000 * 1000))
HIERARCHY = st.lists(st.lists(st.lists(LEAF, min_size=1, max_size=3), min_size=1, max_size=3), min_size=1,
                     max_size=3)
JUTA = st.builds(Layout, headers=st.sampled_from(HEADERS), english=st.booleans(), percent_sign=st.booleans(),
                 with_sisa=st.booleans(), unit=st.just("juta"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HIERARCHY, JUTA)
def test_a_consistent_table_in_rp_juta_gives_no_finding(programs, layout):
    """Each amount rounded to two decimals of a juta on its own (a parent is not the sum of its rounded parts
    to the cent), the % computed from the rupiah: no finding, every figure checked."""
    rows = budget_hierarchy(programs)
    result = audit_text(render_budget(rows, layout))
    assert result.findings == [], [f.message() for f in result.findings]
    table = next(t for t in result.tables if t.has_budget)
    assert {c.scale for c in table.columns if c.money} == {10**6}
    coverage = next(c for c in result.coverage if c.table == table.id)
    assert coverage.numbers == coverage.checked == len(rows) * (4 if layout.with_sisa else 3), coverage.why


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HIERARCHY, JUTA, st.data())
def test_a_pagu_off_by_a_juta_or_more_in_rp_juta_is_found(programs, layout, data):
    rows = budget_hierarchy(programs)
    leaves = [i for i, r in enumerate(rows) if r.level == 3]
    r = data.draw(st.sampled_from(leaves))
    wrong = rows[r].pagu + data.draw(st.sampled_from([1, -1, 10, 100])) * 1_000_000
    if wrong <= 0:
        return
    result = audit_text(render_budget(rows, layout, {(r, 2): in_juta(wrong, layout.english)}))
    parent = max(i for i in range(r) if rows[i].level == 2)
    children = [f for f in result.findings if f.rule == "footing-children" and f.row_index == parent]
    assert len(children) == 1 and children[0].column.startswith(layout.headers[0])
    # shown as printed: two decimals
    assert children[0].decimals == 2 and children[0].reported == Decimal(in_juta(rows[parent].pagu, True).replace(",", ""))


def test_a_last_decimal_within_rounding_is_not_a_finding_but_a_whole_juta_is():
    header = "No|Program/Kegiatan|Pagu (Rp juta)|Realisasi (Rp juta)|%"
    rows = ["1|Program Penunjang Urusan|1.100,25|990,10|89,99", "|Kegiatan Administrasi Umum|600,13|540,05|89,99",
            "|Kegiatan Rapat Koordinasi|500,13|450,05|89,99", "|JUMLAH|1.100,25|990,10|89,99"]
    # 600,13 + 500,13 = 1.100,26: one cent of a juta off, which rounding each figure on its own explains
    assert audit_table(header, rows).findings == []
    wrong = audit_table(header, [rows[0].replace("1.100,25|990", "1.101,25|990"), *rows[1:3],
                                 rows[3].replace("1.100,25", "1.101,25")])
    assert [(f.rule, f.item, f.reported, f.expected) for f in wrong.findings if f.rule == "footing-children"] == [
        ("footing-children", "Program Penunjang Urusan", Decimal("1101.25"), Decimal("1100.26"))]
    assert "1.101,25" in next(f for f in wrong.findings if f.rule == "footing-children").message("id")


# --- pagu murni and perubahan ----------------------------------------------------------------------

def test_two_pagu_columns_both_foot_and_the_percent_is_of_the_last():
    header = "No|Program/Kegiatan|Pagu Murni|Pagu Perubahan|Realisasi|%"
    rows = ["|JUMLAH|3.000.000|3.300.000|2.970.000|90,00",
            "1|Program Penunjang Urusan|1.000.000|1.100.000|990.000|90,00",
            "|Kegiatan Administrasi Umum|1.000.000|1.100.000|990.000|90,00",
            "2|Program Pemberdayaan Koperasi|2.000.000|2.200.000|1.980.000|90,00",
            "|Kegiatan Penyuluhan Koperasi|2.000.000|2.200.000|1.980.000|90,00"]
    ok = audit_table(header, rows)
    assert ok.findings == [] and ok.coverage[0].checked == ok.coverage[0].numbers == 20
    assert [c.role for c in ok.tables[0].columns][2:] == [Role.PAGU, Role.PAGU, Role.REALISASI, Role.PERSEN]
    wrong = audit_table(header, [rows[0].replace("|3.000.000|", "|3.100.000|"), *rows[1:3],
                                 rows[3].replace("90,00", "81,82"), rows[4]])
    assert sorted((f.rule, f.item, f.column) for f in wrong.findings) == [
        ("footing-total", "JUMLAH", "Pagu Murni"), ("row-percent", "Program Pemberdayaan Koperasi", "%")]


# --- nothing spent yet -----------------------------------------------------------------------------

def test_a_realisasi_column_of_zeros_is_an_amount_column():
    header = "No|Program/Kegiatan|Pagu|Realisasi|%"
    rows = ["|JUMLAH|3.300.000|0|0,00", "1|Program Penunjang Urusan|1.100.000|0|0,00",
            "|Kegiatan Administrasi Umum|1.100.000|-|0,00", "2|Program Pemberdayaan Koperasi|2.200.000|0|0,00",
            "|Kegiatan Penyuluhan Koperasi|2.200.000|0|0,00"]
    ok = audit_table(header, rows)
    assert ok.tables[0].kind == "budget" and ok.findings == []
    assert ok.coverage[0].checked == ok.coverage[0].numbers == 15
    wrong = audit_table(header, [rows[0].replace("3.300.000", "3.400.000"), *rows[1:]])
    assert [(f.rule, f.reported, f.expected) for f in wrong.findings] == [
        ("footing-total", Decimal(3_400_000), Decimal(3_300_000))]
    # zeros under a header that names no amount stay what they were
    counts = audit_table("No|Indikator|Target|Realisasi", ["1|Koperasi baru|5|0", "2|UMKM baru|10|0"],
                         caption="Tabel 3.1 Capaian Kinerja")
    assert not any(c.money for c in counts.tables[0].columns)


def test_the_unit_may_stand_in_the_caption():
    header = "No|Program/Kegiatan|Pagu|Realisasi|%"
    rows = ["1|Program Penunjang Urusan|1.100,25|990,10|89,99", "|Kegiatan Administrasi Umum|600,13|540,05|89,99",
            "|Kegiatan Rapat Koordinasi|500,13|450,05|89,99", "|JUMLAH|1.100,25|990,10|89,99"]
    result = audit_table(header, rows, caption="Tabel 3.5 Realisasi Anggaran (dalam juta rupiah)")
    assert [c.scale for c in result.tables[0].columns if c.money] == [10**6, 10**6]
    assert result.findings == [] and result.coverage[0].checked == result.coverage[0].numbers == 12
