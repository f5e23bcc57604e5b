"""LHE SAKIP score tables: the components' scores add up to the total, and none exceeds its weight."""

from __future__ import annotations

import re
from decimal import Decimal

from ..understand.model import Level, Role, Row, Table
from ..understand.ratios import range_holds
from .finding import Finding
from .tolerance import EXACT, Tolerance
from .values import amount

_TOTAL = re.compile(r"(nilai\s+(hasil\s+)?evaluasi|nilai\s+akuntabilitas|jumlah|total)", re.IGNORECASE)


def total_row(table: Table) -> Row | None:
    """The LHE table's total: a Jumlah row or the one named `Nilai Hasil Evaluasi`."""
    return next((r for r in table.rows if r.level is Level.TOTAL or _TOTAL.search(r.label or "")), None)


def check_lhe(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:  # noqa: ARG001 - scores, not rupiah
    """lhe-score: in an LHE SAKIP table (Komponen / Bobot / Nilai), Σ the components' nilai = the total's
    (to the printed decimals), Σ bobot = the total's bobot, and no component scores above its bobot."""
    if table.kind != "lhe" or table.uncertain:
        return []
    bobot = table.column(Role.BOBOT)
    total = total_row(table)
    components = [r for r in table.rows if r is not total and amount(r, bobot.index) is not None]
    if total is None or len(components) < 2:
        return []
    findings = []
    for column in [bobot, *table.columns_with(Role.NILAI)]:
        printed = total.values[column.index]
        parts = [amount(r, column.index) for r in components]
        if printed is None or printed.value is None or any(p is None for p in parts):
            continue
        expected = sum(parts, Decimal(0))
        decimals = max([printed.decimals] + [r.values[column.index].decimals for r in components])
        if range_holds(printed.value, expected, expected, decimals):
            continue
        findings.append(_finding(table, total, column, printed.value, expected, decimals,
                                 {"id": "jumlah nilai komponennya", "en": "the sum of its components"},
                                 [r.cells[column.index] for r in [total, *components]]))
    for column in table.columns_with(Role.NILAI):
        for row in components:
            score, weight = amount(row, column.index), amount(row, bobot.index)
            if score is not None and weight is not None and score > weight:
                findings.append(_finding(table, row, column, score, weight, row.values[column.index].decimals,
                                         {"id": "bobotnya (nilai tertinggi komponen ini)",
                                          "en": "its bobot (the highest score it can get)"},
                                         [row.cells[column.index], row.cells[bobot.index]]))
    return findings


def _finding(table, row, column, reported, expected, decimals, detail, combined) -> Finding:
    return Finding(rule="lhe-score", table=table.id, item=row.label, column=column.header, reported=reported,
                   expected=expected, line=row.line_of(column.index), page=row.page, row_index=row.index,
                   column_index=column.index, decimals=decimals, detail=detail, combined=combined)
