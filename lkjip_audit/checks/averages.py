"""A summary row of percentages under a table: each is the average of the rows above it.

Efficiency tables close with a row such as Kediri's `93,14% ... 87,38%` under capaian kinerja and serapan,
which the prose then calls "rata-rata". Such a row holds when it is the mean of the rows above at one level,
or, for the budget percentage, Σ realisasi / Σ pagu of those rows (the serapan of the whole).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..understand.model import Table
from ..understand.numbers import format_id
from .finding import Finding
from .evaluate import failing
from .tolerance import EXACT, Tolerance

def check_average_row(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:  # noqa: ARG001
    """average-row: each percentage of a summary row is the mean of the rows above (at their top level), or
    for the budget %, Σ realisasi / Σ pagu of those rows."""
    findings = []
    for relation, verdict, column, last in failing(table, "average"):
        rows = [table.rows[r] for r, _ in relation.operands]
        shown = max(verdict.decimals, 2)
        expected = verdict.expected.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP)
        text = {"id": f"rata-rata {len(rows)} baris di atasnya = {format_id(expected, shown)}%",
                "en": f"the mean of the {len(rows)} rows above = {expected}%"}
        if verdict.alternatives:
            ratio = verdict.alternatives[0].quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP)
            text = {"id": text["id"] + f", dan Σ realisasi / Σ pagu = {format_id(ratio, shown)}%",
                    "en": text["en"] + f", and Σ realisasi / Σ pagu = {ratio}%"}
        findings.append(Finding(
            rule="average-row", table=table.id, item=last.label or "(baris rata-rata)", column=column.header,
            reported=verdict.printed, expected=expected, line=last.line_of(column.index), page=last.page,
            row_index=last.index, column_index=column.index, decimals=shown, detail=text,
            combined=[last.cells[column.index]] + [r.cells[column.index] for r in rows]))
    return findings
