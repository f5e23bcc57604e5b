"""Footing rules: a parent row equals the sum of its children; a total row the sum of its rows.

The parents, children and totals are the table's `children` and `total` relations (`understand.relations`);
`checks.evaluate` judges them; these rules turn the ones that fail into findings.
"""

from __future__ import annotations

from ..understand.model import Table
from .causes import likely_cause
from .evaluate import evaluate
from .finding import Finding
from .tolerance import EXACT, Tolerance
from .values import amount


def _compare(table: Table, rule: str, kind: str, tolerance: Tolerance) -> list[Finding]:
    findings = []
    for relation in (r for r in table.relations if r.kind == kind):
        verdict = evaluate(table, relation, tolerance)
        if verdict is None or verdict.held:
            continue
        parent, index = table.rows[relation.target[0]], relation.target[1]
        column = table.columns[index]
        parts = [table.rows[r] for r, _ in relation.operands]
        finding = Finding(
            rule=rule, table=table.id, item=parent.label, column=column.header, reported=verdict.printed,
            expected=verdict.expected, line=parent.line_of(index), page=parent.page, row_index=parent.index,
            column_index=index, decimals=verdict.decimals,  # amounts in `Rp juta` print decimals
            combined=[parent.cells[index]] + [r.cells[index] for r in parts])
        finding.cause = likely_cause(finding, [(r.label[:60], v) for r in parts
                                               if (v := amount(r, index)) is not None])
        findings.append(finding)
    return findings


def check_children(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """footing-children: Program = Σ Kegiatan, Kegiatan = Σ Sub Kegiatan, per money column."""
    return _compare(table, "footing-children", "children", tolerance)


def check_column_totals(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """column-total: a Jumlah row under rows of one level (staff tables, lists) = Σ the rows above it."""
    return _compare(table, "column-total", "column-total", tolerance)


def check_totals(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """footing-total: JUMLAH/TOTAL = Σ the top-level rows it totals, per money column."""
    return _compare(table, "footing-total", "total", tolerance)
