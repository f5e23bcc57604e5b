"""Rules on constructed and generated tables (issue 15): the numbers, not the sample reports, decide.

A consistent budget table written in any of the family's layouts gives no finding; one changed cell fails
exactly the relations through that cell. Column-number rows (`1 2 3`, `(1) (2) (3)`, with formulas) are
header, never data; a budget table's `% Capaian` is the budget % when its numbers say so.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lkjip_audit.understand.column_numbers import Formula, is_column_number_row, printed_formulas
from lkjip_audit.understand.model import Role
from tables import (HEADERS, Layout, audit_table, audit_text, budget_hierarchy, grouped, percent,
                    render_budget)


# --- the column-number row -------------------------------------------------------------------------

def test_column_number_rows_are_recognised_in_the_styles_reports_print():
    for cells in (["1", "2", "3", "4", "5"], ["(1)", "(2)", "(3)", "(4)"], ["(1)", "(2)", "(3)", "(5)=(4)/(3)x100"],
                  ["", "1", "2", "3", "4=3/2 x 100%"], ["1", "2", "3", "5", "6"], ["(1)", "(2)", "(3)", "(4)", "(5)", "(6) = (3) - (4)"]):
        assert is_column_number_row(cells), cells
    for cells in (["1", "Program A", "1.000.000", "900.000"], ["2021", "2022", "2023"], ["(1.000)", "(2.000)", "(3)"],
                  ["1", "2"], ["3", "4", "5"], ["1", "2", "3 = jumlah baris"], ["7", "8", "9", "10"]):
        assert not is_column_number_row(cells), cells


def test_printed_formulas_name_the_columns_they_combine():
    cells = ["(1)", "(2)", "(3)", "(4)", "(5) = (4) / (3) x 100", "(6) = (3) - (4)"]
    assert printed_formulas(cells) == [Formula(4, "ratio", (3, 2), "(5) = (4) / (3) x 100"),
                                       Formula(5, "difference", (2, 3), "(6) = (3) - (4)")]
    # numbered from 1 under a table whose first column is unnumbered: numbers name the numbered cells
    assert printed_formulas(["", "1", "2", "3", "4 = 3/2 x 100%"]) == [Formula(4, "ratio", (3, 2), "4 = 3/2 x 100%")]


def test_a_parenthesised_column_number_row_is_never_read_as_negative_data():
    result = audit_table("No|Sasaran|Indikator|Target|Realisasi|Capaian (%)",
                         ["(1)|(2)|(3)|(4)|(5)|(6)", "1|Meningkatnya UMKM|Jumlah UMKM|100|120|120,00",
                          "2|Meningkatnya koperasi|Koperasi aktif|50|45|90,00"],
                         caption="Tabel 3.1 Capaian Kinerja")
    table, = result.tables
    assert [r.cells[0] for r in table.rows] == ["1", "2"]
    assert result.findings == []


def test_a_budget_capaian_column_with_its_formula_is_checked_as_the_budget_percent():
    result = audit_table("No|Program/Kegiatan|Anggaran|Realisasi|% Capaian",
                         ["(1)|(2)|(3)|(4)|(5) = (4)/(3) x 100", "1|Program Penunjang|1.000.000|900.000|90,00",
                          "2|Program Koperasi|2.000.000|1.500.000|75,00", "3|Program UMKM|4.000.000|3.000.000|80,00",
                          "|Jumlah|7.000.000|5.400.000|77,14"], caption="Tabel 3.5 Capaian Anggaran Program")
    table, = result.tables
    assert [c.role for c in table.columns][2:] == [Role.PAGU, Role.REALISASI, Role.PERSEN]
    assert any("printed formula `(5) = (4)/(3) x 100`" in r and "3 of 4 rows" in r for r in table.repairs)
    assert [(f.rule, f.item, f.reported, f.expected) for f in result.findings] == [
        ("row-percent", "Program UMKM", Decimal("80.00"), Decimal("75.00"))]


def test_a_budget_capaian_column_is_the_budget_percent_when_its_numbers_say_so():
    result = audit_table("No|Program|Anggaran|Realisasi|% Capaian",
                         ["1|Program Penunjang|1.000.000|900.000|90,00", "2|Program Koperasi|2.000.000|1.500.000|75,00",
                          "3|Program UMKM|4.000.000|3.000.000|80,00", "4|Program Pasar|500.000|250.000|50,00"],
                         caption="Tabel 3.5 Capaian Anggaran Program dan Kegiatan")
    table, = result.tables
    assert table.columns[4].role is Role.PERSEN
    assert any("read as the budget %" in r and "3 of 4 rows" in r for r in table.repairs)
    assert [(f.rule, f.line) for f in result.findings] == [("row-percent", 7)]


def test_a_budget_percent_column_wrong_on_most_rows_gives_warnings_under_one_explanation():
    result = audit_table("No|Program|Anggaran|Realisasi|% Capaian",
                         ["1|Program Penunjang|1.000.000|900.000|100,00", "2|Program Koperasi|2.000.000|1.500.000|100,00",
                          "3|Program UMKM|4.000.000|3.000.000|75,00", "4|Program Pasar|500.000|250.000|100,00"],
                         caption="Tabel 3.5 Capaian Anggaran Program dan Kegiatan")
    table, = result.tables
    assert table.columns[4].doubt and "physical progress" in table.columns[4].doubt
    assert sum("physical progress" in r for r in table.repairs) == 1
    assert [(f.rule, f.severity, f.item) for f in result.findings] == [
        ("percent-unconfirmed", "warning", "Program Penunjang"), ("percent-unconfirmed", "warning", "Program Koperasi"),
        ("percent-unconfirmed", "warning", "Program Pasar")]


# --- generated budget hierarchies in many layouts --------------------------------------------------

AMOUNT = st.integers(1_000, 5_000_000).map(lambda n: n * 1000)
# Realisasi from 1 % of the pagu up (a column of zeros only is not recognisably money: no table prints one).
LEAF = st.tuples(AMOUNT, st.integers(1, 100)).map(lambda t: (t[0], t[0] * t[1] // 100 // 1000 * 1000))
HIERARCHY = st.lists(st.lists(st.lists(LEAF, min_size=1, max_size=3), min_size=1, max_size=3), min_size=1,
                     max_size=3)
LAYOUT = st.builds(Layout, headers=st.sampled_from(HEADERS),
                   numbering=st.sampled_from(["none", "plain", "parens", "formula"]), english=st.booleans(),
                   percent_sign=st.booleans(), with_sisa=st.booleans())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HIERARCHY, LAYOUT, st.sampled_from(["top", "bottom"]))
# Spent in full: the sisa column prints only zeros, which no amount's shape marks as rupiah (found by hypothesis).
@example([[[(1_000_000, 1_000_000)]]], Layout(headers=HEADERS[0], with_sisa=True), "top")
def test_a_consistent_budget_table_gives_no_finding_in_any_layout(programs, layout, total_at):
    rows = budget_hierarchy(programs, total_at)
    result = audit_text(render_budget(rows, layout))
    assert result.findings == [], [f.message() for f in result.findings]
    table = next(t for t in result.tables if t.has_budget)
    assert len(table.rows) == len(rows)  # the column-number row is header, not data
    coverage = next(c for c in result.coverage if c.table == table.id)
    # every printed figure but the numbering is in a relation that was judged
    assert coverage.numbers == coverage.checked == len(rows) * (4 if layout.with_sisa else 3), coverage.why


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HIERARCHY, LAYOUT, st.data())
def test_one_changed_leaf_amount_fails_exactly_the_relations_through_it(programs, layout, data):
    rows = budget_hierarchy(programs)
    leaves = [i for i, r in enumerate(rows) if r.level == 3 and r.realisasi > 0]
    if not leaves:
        return
    r = data.draw(st.sampled_from(leaves))
    row = rows[r]
    wrong = row.realisasi + data.draw(st.sampled_from([-1000, 1000, 9000, -90_000]))
    if wrong < 0 or wrong == row.realisasi:
        return
    shown = f"{wrong:,}" if layout.english else f"{wrong:,}".replace(",", ".")
    result = audit_text(render_budget(rows, layout, {(r, 3): shown}))
    table = next(t for t in result.tables if t.has_budget)
    on_row = {f.rule for f in result.findings if f.row_index == r}
    # The sub kegiatan's own % and sisa (when printed and moved by the change), and its Kegiatan's sum.
    assert "footing-children" in {f.rule for f in result.findings}
    expected_on_row = set()
    if layout.with_sisa:
        expected_on_row.add("row-sisa")
    printed = Decimal(percent(row.realisasi, row.pagu, english=True))
    computed = Decimal(wrong) / Decimal(row.pagu) * 100
    # A printed ratio holds rounded or truncated to its decimals (LKJIP_CONVENTIONS.md, "Numbers").
    if printed not in (computed.quantize(Decimal("0.01"), ROUND_HALF_UP), computed.quantize(Decimal("0.01"), ROUND_DOWN)):
        expected_on_row.add("row-percent")
    assert on_row == expected_on_row, [f.message() for f in result.findings]
    assert all(f.table == table.id for f in result.findings)


# --- a Jumlah row under a flat list (staff tables) ------------------------------------------------

STAFF = ["1.|Golongan IV|6 Orang|2", "2.|Golongan III|25 Orang|10", "3.|Golongan II|3 Orang|1"]


def test_a_staff_tables_jumlah_is_the_sum_of_its_rows():
    ok = audit_table("No.|Golongan|Jumlah Pegawai|Perempuan", [*STAFF, "|Jumlah|34 Orang|13"],
                     caption="Tabel d. Data PNS berdasarkan golongan")
    assert ok.findings == []
    assert ok.coverage[0].checked == ok.coverage[0].numbers == 8
    wrong = audit_table("No.|Golongan|Jumlah Pegawai|Perempuan", [*STAFF, "|Jumlah|36 Orang|13"],
                        caption="Tabel d. Data PNS berdasarkan golongan")
    assert [(f.rule, f.item, f.column, f.reported, f.expected) for f in wrong.findings] == [
        ("column-total", "Jumlah", "Jumlah Pegawai", Decimal(36), Decimal(34))]


def test_a_jumlah_over_rows_that_skip_a_number_or_agree_with_no_column_is_not_checked():
    skipped = audit_table("No.|Golongan|Jumlah Pegawai|Perempuan", [STAFF[0], STAFF[2], "|Jumlah|34 Orang|13"])
    table, = skipped.tables
    assert skipped.findings == [] and any("numbering skips 2" in r for r in table.repairs)
    misread = audit_table("No.|Golongan|Jumlah Pegawai|Perempuan", [*STAFF, "|Jumlah|50 Orang|20"])
    table, = misread.tables
    assert misread.findings == [] and any("agrees with none of its 2 columns" in r for r in table.repairs)
    assert misread.coverage[0].count("unchecked") == 8


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HIERARCHY, LAYOUT, st.data())
def test_a_header_that_lost_its_realisasi_name_is_named_by_the_rows_arithmetic(programs, layout, data):
    """OCR or a merged cell may leave the realisasi column's header blank: Pagu − it = Sisa and it / Pagu × 100
    = % on the rows name it, and the findings are those of the intact table."""
    rows = budget_hierarchy(programs)
    r = data.draw(st.sampled_from([i for i, row in enumerate(rows) if row.level == 3]))
    wrong = rows[r].realisasi + 7000
    overrides = {(r, 3): grouped(wrong, layout.english)}
    intact = render_budget(rows, layout, overrides)
    header = next(line for line in intact.splitlines() if line.startswith("No\t"))
    cells = header.split("\t")
    cells[3] = ""
    blanked = intact.replace(header, "\t".join(cells))
    expected, result = audit_text(intact), audit_text(blanked)
    assert {(f.rule, f.row_index) for f in result.findings} == {(f.rule, f.row_index) for f in expected.findings}
    table = next(t for t in result.tables if t.has_budget)
    assert table.columns[3].role.value == "realisasi" and table.columns[3].header == "[Realisasi]"
