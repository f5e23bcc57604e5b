"""Reading a row's printed numbers for the checks."""

from __future__ import annotations

from decimal import Decimal

from ..understand.model import Row


def amount(row: Row, index: int) -> Decimal | None:
    """The number printed in a cell, a dash as zero; None when the cell holds no number."""
    value = row.values[index] if index < len(row.values) else None
    return None if value is None else value.amount


def sum_of_parts(parts: list[tuple[Decimal | None, str]]) -> Decimal | None:
    """The sum of the parts' amounts, given as (amount, printed cell); None when no part has an amount or a
    part's cell holds text that is not a number (the sum cannot be known). An empty part counts as none."""
    if all(value is None for value, _ in parts):
        return None
    if any(value is None and text.strip() for value, text in parts):
        return None
    return sum((value for value, _ in parts if value is not None), Decimal(0))
