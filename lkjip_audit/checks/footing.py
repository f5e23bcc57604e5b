"""Footing rules: a parent row equals the sum of its children; a total row the sum of its rows."""

from __future__ import annotations

from ..understand.model import MONEY_ROLES, Level, Row, Table
from .causes import likely_cause
from .finding import Finding
from .tolerance import EXACT, Tolerance
from .values import amount, sum_of_parts


def children_of(table: Table) -> list[tuple[Row, list[Row]]]:
    """Each Program/Kegiatan row with the rows one level below it, up to its next sibling."""
    pairs = []
    structural = [r for r in table.rows if r.level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)]
    for i, parent in enumerate(structural):
        children = []
        for row in structural[i + 1:]:
            if row.level.depth <= parent.level.depth:
                break
            if row.level.depth == parent.level.depth + 1:
                children.append(row)
        if children:
            pairs.append((parent, children))
    return pairs


def rows_totalled_by(table: Table) -> list[tuple[Row, list[Row]]]:
    """Each total row with the top-level rows it sums: those since the previous total, or below it when it
    stands above them (an agency row heading the table)."""
    pairs = []
    rows = table.rows
    totals = [i for i, r in enumerate(rows) if r.level is Level.TOTAL]
    for n, i in enumerate(totals):
        previous = totals[n - 1] if n else -1
        above = [r for r in rows[previous + 1:i] if r.level not in (Level.TOTAL, Level.OTHER)]
        if above:
            scope = above
        else:
            following = totals[n + 1] if n + 1 < len(totals) else len(rows)
            scope = [r for r in rows[i + 1:following] if r.level not in (Level.TOTAL, Level.OTHER)]
        if scope:
            top = min(r.level.depth for r in scope)
            pairs.append((rows[i], [r for r in scope if r.level.depth == top]))
    return pairs


def _compare(table: Table, rule: str, parent: Row, parts: list[Row], tolerance: Tolerance) -> list[Finding]:
    findings = []
    for column in table.columns_with(*MONEY_ROLES):
        reported = amount(parent, column.index)
        values = [amount(r, column.index) for r in parts]
        expected = sum_of_parts([(v, r.cells[column.index]) for v, r in zip(values, parts)])
        if reported is None or expected is None:
            continue
        if not tolerance.money_holds(reported, expected):
            finding = Finding(
                rule=rule, table=table.id, item=parent.label, column=column.header, reported=reported,
                expected=expected, line=parent.line_of(column.index), page=parent.page, row_index=parent.index,
                column_index=column.index,
                combined=[parent.cells[column.index]] + [r.cells[column.index] for r in parts])
            finding.cause = likely_cause(finding, [(r.label[:60], v) for r, v in zip(parts, values)
                                                   if v is not None])
            findings.append(finding)
    return findings


def check_children(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """footing-children: Program = Σ Kegiatan, Kegiatan = Σ Sub Kegiatan, per money column."""
    return [f for parent, children in children_of(table) for f in _compare(table, "footing-children", parent,
                                                                            children, tolerance)]


def check_totals(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """footing-total: JUMLAH/TOTAL = Σ the top-level rows it totals, per money column."""
    return [f for total, rows in rows_totalled_by(table) for f in _compare(table, "footing-total", total, rows, tolerance)]
