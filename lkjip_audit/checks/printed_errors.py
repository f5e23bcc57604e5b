"""Spreadsheet errors printed where a number belongs (`#DIV/0!`, `#REF!`)."""

from __future__ import annotations

import re

from ..understand.model import Row, Table
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
                    rule="printed-error", table=table.id, item=_name(row), column=column.header,
                    line=row.line_of(column.index),
                    page=row.page, row_index=row.index, column_index=column.index,
                    detail={"id": value.error, "en": value.error}, combined=[row.cells[column.index]]))
    return findings


def _name(row: Row) -> str:
    """The row's label; in a table whose columns are doubtful (this rule runs on every table), the label
    column may hold a kode digit: then the row's first text."""
    if len(re.findall(r"[A-Za-z]", row.label or "")) >= 3:
        return row.label
    return next((c for c in row.cells if len(re.findall(r"[A-Za-z]", c)) >= 3), row.label)
