"""Tables in every rule style a word processor exports (issue 17): grid, horizontal rules only, a header rule
and a bottom rule, shaded rows, no rules; on one page or continued over pages with or without a repeated
header. The PDFs are generated (tests/pdf_layouts.py, reportlab), so the expected result is known: a consistent
table gives all its rows and no finding, one planted typo gives exactly the relations through it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lkjip_audit.audit import audit
from pdf_layouts import STYLES, render_budget_pdf
from tables import budget_hierarchy, grouped

# A table whose realisasi is 0 on every row is not taken as a budget table (its realisasi column holds no
# amount; issue 15): leaves spend 1-100 %.
LEAF = st.tuples(st.integers(100, 9_000).map(lambda k: k * 1000), st.integers(1, 100)).map(
    lambda pr: (pr[0], pr[0] * pr[1] // 100))
HIERARCHY = st.lists(st.lists(st.lists(LEAF, min_size=1, max_size=3), min_size=1, max_size=2), min_size=1,
                     max_size=3)
PAGING = st.sampled_from([(60, True), (5, True), (5, False)])  # one page; over pages with or without header
SMALL = [[[(1_000_000, 900_000), (2_500_000, 2_400_000)], [(750_000, 700_000)]],
         [[(3_000_000, 2_000_000)], [(400_000, 400_000), (800_000, 10_000)]]]


def audited(rows, style, paging, overrides=None):
    with tempfile.TemporaryDirectory() as folder:
        page_rows, repeat = paging
        return audit(render_budget_pdf(rows, Path(folder) / "laporan.pdf", style, page_rows, repeat, overrides))


def budget_table(result):
    tables = [t for t in result.tables if t.has_budget]
    assert len(tables) == 1, [t.caption for t in result.tables]
    return tables[0]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HIERARCHY, st.sampled_from(STYLES), PAGING)
@example(SMALL, "horizontal", (60, True))  # ruled page whose rules make no cells: lattice found nothing
@example(SMALL, "zebra", (60, True))  # shading drawn as paths, no cells
@example(SMALL, "booktabs", (5, False))
def test_a_consistent_table_in_any_rule_style_is_read_whole_without_findings(programs, style, paging):
    rows = budget_hierarchy(programs)
    result = audited(rows, style, paging)
    table = budget_table(result)
    assert [r.label for r in table.rows] == [r.label for r in rows]
    assert result.findings == [], [f.message() for f in result.findings]
    coverage = next(c for c in result.coverage if c.table == table.id)
    assert coverage.numbers == coverage.checked == len(rows) * 4, coverage.why


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(STYLES), PAGING, st.data())
def test_a_typo_in_a_program_pagu_is_found_in_any_rule_style(style, paging, data):
    rows = budget_hierarchy(SMALL)
    program = data.draw(st.sampled_from([i for i, r in enumerate(rows) if r.level == 1]))
    wrong = rows[program].pagu + 1_000_000
    result = audited(rows, style, paging, {(program, 2): grouped(wrong)})
    table = budget_table(result)
    failed = {(f.rule, f.row_index) for f in result.findings}
    # its kegiatan no longer add up to it, the total no longer adds the programs, its % and sisa no longer hold
    assert ("footing-children", program) in failed, [f.message() for f in result.findings]
    assert {r for _, r in failed} <= {program, len(rows) - 1}, [f.message() for f in result.findings]
    assert all(f.table == table.id for f in result.findings)
    if style in ("horizontal", "booktabs", "zebra") and paging[0] == 60:
        # rules or shading on the page, but no cells: the table says how its columns were read
        assert any("do not make cells" in r for r in table.repairs), table.repairs


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("repeat_header", [True, False])
def test_labels_wrapped_over_lines_stay_one_row_each_over_pages(tmp_path, style, repeat_header):
    # Each label runs over three lines of its cell; about three rows a page. Every row is read once, with its
    # whole label, and the table is one table over its pages.
    rows = budget_hierarchy(SMALL)
    path = render_budget_pdf(rows, tmp_path / "laporan.pdf", style, 3.3, repeat_header, long_labels=True)
    result = audit(path)
    table = budget_table(result)
    assert [r.label for r in table.rows] == [
        r.label if not r.level else f"{r.label} untuk peningkatan kapasitas dan pelayanan kepada masyarakat serta "
        "penguatan kelembagaan daerah" for r in rows]
    assert result.findings == [], [f.message() for f in result.findings]
    assert sum("table continues on page" in r for r in table.repairs) >= 2


@pytest.mark.parametrize("style", ["grid", "horizontal", "booktabs", "none"])
def test_a_real_table_drawn_in_word_styles_gives_the_findings_of_its_text(tmp_path, style):
    # Kediri's Tabel 3.3 (text lines 656-664: two header rows, ANGGARAN spanning three columns, wrapped
    # Program and OUTCOMES cells, an average row) drawn as an office suite exports it in each rule style. The
    # text gives 4 findings: the two average rows (93,14 and 87,38) and two budget % slips (94,46, 68,76).
    from bad_inputs.make_corpus import kediri_tabel_3_3
    from pdf_layouts import render_table_pdf
    from tables import audit_text

    text = kediri_tabel_3_3()
    lines = [line for line in text.splitlines() if line.strip()]
    rows = [line.split("\t") for line in lines[1:]]
    rows = [row + [""] * (7 - len(row)) for row in rows]
    spans = [((4, 0), (6, 0)), *(((c, 0), (c, 1)) for c in range(4))]
    path = render_table_pdf(lines[0], rows, tmp_path / "tabel_3_3.pdf", style, header_rows=2, spans=spans,
                            col_widths=[25, 150, 170, 70, 80, 80, 60], wrap_columns=(1, 2))

    def found(result):
        return sorted((f.rule, f.item, f.reported, f.expected) for f in result.findings)

    expected = found(audit_text(text))
    assert len(expected) == 4
    assert found(audit(path)) == expected


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HIERARCHY, st.sampled_from(["none", "horizontal", "booktabs"]))
@example(SMALL, "none")
def test_a_header_printing_its_year_and_column_formulas_heads_its_own_rows(tmp_path_factory, programs, style):
    # An RKPD-style header (Kediri's, text lines 449-451): names that wrap over many lines and end in the
    # year, a row of column numbers and formulas (`(3) = (2)/(1) x 100%`), a row of units after a wider gap
    # than the wrapped lines', then the rows. The year and the formulas are header text, not the table's first
    # figures: the header stays on the rows it names, and the table is checked. (Before, the header was read as
    # a table area of its own, joined back only where its columns matched the rows'; tests/test_pdf_areas.py
    # has Kediri's page, where they did not.)
    from pdf_layouts import render_table_pdf
    from tables import percent

    rows = budget_hierarchy(programs)
    header = [["No", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran RKPD Tahun Berjalan yang dievaluasi 2024",
               "Realisasi Anggaran RKPD Tahun Berjalan yang dievaluasi 2024",
               "Tingkat Realisasi Anggaran RKPD yang dievaluasi 2024 (%)", "Sisa Anggaran 2024"],
              ["", "", "(1)", "(2)", "(3) = (2)/(1) x 100%", "(4) = (1) - (2)"],
              ["", "", "Rp", "Rp", "%", "Rp"]]
    body = [[r.marker, r.label, grouped(r.pagu), grouped(r.realisasi), percent(r.realisasi, r.pagu),
             grouped(r.pagu - r.realisasi)] for r in rows]
    path = render_table_pdf("Tabel 3.4 Realisasi Anggaran RKPD", header + body,
                            tmp_path_factory.mktemp("rkpd") / "rkpd.pdf", style, header_rows=3,
                            col_widths=[30, 230, 80, 80, 70, 80])
    result = audit(path)
    table = budget_table(result)
    assert [r.label for r in table.rows] == [r.label for r in rows]
    assert table.columns[2].header.startswith("Pagu Anggaran") and table.columns[4].role.value == "persen"
    assert result.findings == [], [f.message() for f in result.findings]
    coverage = next(c for c in result.coverage if c.table == table.id)
    assert coverage.checked == coverage.numbers == len(rows) * 4, coverage.why
