"""Spreadsheet errors printed where a number belongs (`#DIV/0!`, `#REF!`)."""

from __future__ import annotations

from ..understand.model import Table
from .finding import Finding
from .tolerance import EXACT, Tolerance


def check_printed_errors(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:  # noqa: ARG001
    """printed-error: a cell of the table holds a spreadsheet error value (`tolerance` is unused: every
    table rule takes one)."""
    findings = []
    for row in table.rows:
        for column in table.columns:
            value = row.values[column.index]
            if value is not None and value.error:
                findings.append(Finding(
                    rule="printed-error", table=table.id, item=row.label, column=column.header,
                    line=row.line_of(column.index),
                    page=row.page, row_index=row.index, column_index=column.index,
                    detail={"id": value.error, "en": value.error}, combined=[row.cells[column.index]]))
    return findings
