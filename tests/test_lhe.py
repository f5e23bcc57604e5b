"""LHE SAKIP score tables: Σ components = total, no component above its bobot, predicate by band.

None of the four shared reports prints an LHE table, so the rule is exercised on
tests/fixtures/lhe_constructed.txt: a table in the layout LKjIPs use to quote their LHE ("Komponen / Bobot /
Nilai" per year; the PermenPAN-RB 88/2021 weights 30/30/15/25), with figures made up for the test and three
errors put in on purpose. The real reports must raise nothing from this rule.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import FIXTURES
from lkjip_audit.audit import audit

LHE = FIXTURES / "lhe_constructed.txt"


def test_the_score_table_is_read_as_lhe_with_its_weights_and_scores():
    (table,) = audit(LHE).tables
    assert table.kind == "lhe" and table.caption.startswith("Tabel 2.3 Hasil Evaluasi SAKIP")
    assert [(c.header, c.role.value) for c in table.columns[2:]] == [
        ("Bobot", "bobot"), ("Nilai 2022", "nilai"), ("Nilai 2023", "nilai")]


def test_sums_weights_and_predicates_are_checked():
    found = [(f.rule, f.line, f.column, f.reported, f.expected) for f in audit(LHE).findings]
    assert found == [
        # Line 9: Pelaporan Kinerja scores 16,25 of a bobot of 15.
        ("lhe-score", 9, "Nilai 2022", Decimal("16.25"), Decimal(15)),
        # Line 11: 21,40 + 19,75 + 10,90 + 16,20 = 68,25, printed 69,25 (2022's 69,50 holds).
        ("lhe-score", 11, "Nilai 2023", Decimal("69.25"), Decimal("68.25")),
        # Line 12: "BB" for 69,25 (B is > 60-70); 2022's "B" for 69,50 holds.
        ("category-label", 12, "Nilai 2023", Decimal("69.25"), None),
        # Line 14, the text: "predikat BB (69,25)".
        ("category-label", 14, "", Decimal("69.25"), None),
    ]


def test_the_shared_reports_have_no_lhe_table_and_raise_nothing_from_it(kediri, depok, flotim, kukar):
    for result in (kediri, depok, flotim, kukar):
        assert not [t for t in result.tables if t.kind == "lhe"]
        assert not [f for f in result.findings if f.rule == "lhe-score"]
