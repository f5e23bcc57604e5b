"""Performance rules: a row's capaian equals its realisasi against its target (the table's `capaian`
relations, judged by `checks.evaluate` with the realisasi's rounding range and the inverse formula)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..understand.model import Table
from .finding import Finding
from .evaluate import failing
from .tolerance import EXACT, Tolerance


def check_capaian(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:  # noqa: ARG001
    """row-capaian: the printed capaian equals Realisasi / Target × 100 (`tolerance` is for money only).

    Targets are set figures, taken as printed; a realisation printed with k decimals may be any value
    within half a unit of its last digit (`36,36 %` of 36,3636... %), so the capaian computed from the
    unrounded figure is accepted. An indicator where lower is better is accepted with the inverse formula.
    """
    findings = []
    for relation, verdict, column, row in failing(table, "capaian"):
        target_col, real_col = (table.columns[c] for _, c in relation.operands)
        shown = max(verdict.decimals, 2)
        cells = (row.cells[real_col.index], row.cells[target_col.index])
        text = f"{real_col.header} / {target_col.header} × 100 = {cells[0]} / {cells[1]} × 100"
        findings.append(Finding(
            rule="row-capaian", table=table.id, item=row.label, column=column.header,
            reported=verdict.printed, expected=verdict.expected.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP),
            line=row.line_of(column.index), page=row.page, row_index=row.index, column_index=column.index,
            decimals=shown, detail={"id": text, "en": text}, combined=[row.cells[column.index], *cells]))
    return findings
