"""A summary row of percentages under a table: each is the average of the rows above it.

Efficiency tables close with a row such as Kediri's `93,14% ... 87,38%` under capaian kinerja and serapan,
which the prose then calls "rata-rata". Such a row holds when it is the mean of the rows above at one level,
or, for the budget percentage, Σ realisasi / Σ pagu of those rows (the serapan of the whole).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ..understand.model import Level, Role, Row, Table
from ..understand.numbers import format_id
from .finding import Finding
from .row_identities import HUNDRED, budget_pair, ratio_holds
from .tolerance import EXACT, Tolerance
from .values import amount

_AVERAGE_LABEL = re.compile(r"^\s*(rata[\s-]*rata|rerata|average)\b", re.IGNORECASE)
AVERAGED_ROLES = (Role.CAPAIAN, Role.PERSEN, Role.EFISIENSI)


def summary_row(table: Table) -> Row | None:
    """The last row when it is an average row: no text but `rata-rata` (a row that only leaves its label
    empty continues the one above), percentages, no rupiah."""
    if len(table.rows) < 3:
        return None
    last = table.rows[-1]
    texts = [cell for cell, value in zip(last.cells, last.values) if cell.strip() and value is None]
    unnamed = not texts or (len(texts) == 1 and _AVERAGE_LABEL.match(texts[0]))
    money = any(amount(last, c.index) for c in table.columns if c.money)
    percentages = any(last.values[c.index] is not None and last.values[c.index].value is not None
                      for c in table.columns_with(*AVERAGED_ROLES))
    return last if unnamed and percentages and not money else None


def check_average_row(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:  # noqa: ARG001
    """average-row: each percentage of a summary row is the mean of the rows above (at their top level), or
    for the budget %, Σ realisasi / Σ pagu of those rows."""
    last = summary_row(table)
    if last is None:
        return []
    findings = []
    for column in table.columns_with(*AVERAGED_ROLES):
        printed = last.values[column.index]
        if printed is None or printed.value is None:
            continue
        rows = _averaged_rows(table.rows[:-1], column.index)
        if len(rows) < 2:
            continue
        mean = sum(r.values[column.index].value for r in rows) / len(rows)
        candidates = [mean]
        whole = _whole_serapan(table, column.index, rows) if column.role is Role.PERSEN else None
        if whole is not None:
            candidates.append(whole)
        if any(ratio_holds(printed.value, value, printed.decimals) for value in candidates):
            continue
        shown = max(printed.decimals, 2)
        expected = mean.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP)
        text = {"id": f"rata-rata {len(rows)} baris di atasnya = {format_id(expected, shown)}%",
                "en": f"the mean of the {len(rows)} rows above = {expected}%"}
        if whole is not None:
            ratio = whole.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP)
            text = {"id": text["id"] + f", dan Σ realisasi / Σ pagu = {format_id(ratio, shown)}%",
                    "en": text["en"] + f", and Σ realisasi / Σ pagu = {ratio}%"}
        findings.append(Finding(
            rule="average-row", table=table.id, item=last.label or "(baris rata-rata)", column=column.header,
            reported=printed.value, expected=expected, line=last.line_of(column.index), page=last.page,
            row_index=last.index, column_index=column.index, decimals=shown, detail=text,
            combined=[last.cells[column.index]] + [r.cells[column.index] for r in rows]))
    return findings


def _averaged_rows(rows: list[Row], index: int) -> list[Row]:
    """The rows with a value in the column, at the shallowest level among them (Programs, not their parts)."""
    valued = [r for r in rows if r.values[index] is not None and r.values[index].value is not None
              and r.level is not Level.TOTAL]
    top = min((r.level.depth for r in valued), default=None)
    return [r for r in valued if r.level.depth == top]


def _whole_serapan(table: Table, index: int, rows: list[Row]) -> Decimal | None:
    pair = budget_pair(table, index)
    if pair is None:
        return None
    pagu = [amount(r, pair[0].index) for r in rows]
    realisasi = [amount(r, pair[1].index) for r in rows]
    if None in pagu or None in realisasi or not sum(pagu):
        return None
    return sum(realisasi) / sum(pagu) * HUNDRED
