"""Reading a row's printed numbers for the checks."""

from __future__ import annotations

from decimal import Decimal

from ..understand.model import Row


def amount(row: Row, index: int) -> Decimal | None:
    """The number printed in a cell, a dash as zero; None when the cell holds no number."""
    value = row.values[index] if index < len(row.values) else None
    return None if value is None else value.amount
