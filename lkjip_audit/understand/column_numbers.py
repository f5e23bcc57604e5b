"""The row of column numbers printed under a header, and the formulas it may carry.

LKjIP tables often number their columns under the header: `1 2 3 4 5`, `(1) (2) (3) (4)`, and sometimes
state their arithmetic there: `(5) = (4) / (3) x 100`, `6 = 3 - 4`, `(7)=(5)/(4)*100%`. Such a row is
part of the header, never data (read as data, `(6)` is −6), and a printed formula says outright what a
column is: the audit uses it as the column's relation, confirmed by the rows' own numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One column's number, with its formula if any: `5`, `(5)`, `5 = 4/3 x 100`, `(6)=(3)-(4)`, `7 = (6:5) %`.
_REF = r"\(?\s*(\d{1,2})\s*\)?"
_NUMBER_CELL = re.compile(rf"^\s*{_REF}\s*(?:=\s*(?P<formula>.+?))?\s*$")
_FORMULA_TOKENS = re.compile(r"\(?\s*\d{1,3}\s*\)?|[-+x×*/:%]|\s+|[()]", re.IGNORECASE)
_RATIO = re.compile(rf"^\(?\s*{_REF}\s*[/:]\s*{_REF}\s*\)?\s*(?:[x×*]\s*100\s*%?)?\s*%?$", re.IGNORECASE)
_DIFFERENCE = re.compile(rf"^{_REF}\s*-\s*{_REF}$")
_SUM = re.compile(rf"^{_REF}(?:\s*\+\s*{_REF})+$")


@dataclass(frozen=True)
class Formula:
    """`(target) = ...` printed in the column-number row, over column positions (0-based)."""

    target: int
    kind: str  # "ratio" (a / b × 100), "difference" (a − b), "sum" (a + b + ...)
    operands: tuple[int, ...]
    text: str  # as printed


def column_number(cell: str) -> tuple[int, str] | None:
    """`(5) = (4)/(3) x 100` → (5, "(4)/(3) x 100"); `3` → (3, ""); anything else None."""
    m = _NUMBER_CELL.match(cell or "")
    if not m:
        return None
    formula = (m.group("formula") or "").strip()
    if formula and "".join(_FORMULA_TOKENS.findall(formula)) != formula:
        return None  # words after `=`: not a column's formula
    return int(m.group(1)), formula


def is_column_number_row(cells: tuple[str, ...] | list[str]) -> bool:
    """Three or more filled cells, each a column number (with or without a formula), rising by one from
    1 or 2 (a merged label cell may leave one number out, so a gap of one is allowed)."""
    filled = [c for c in cells if c and c.strip()]
    if len(filled) < 3:
        return False
    numbers = [column_number(c) for c in filled]
    if any(n is None for n in numbers):
        return False
    sequence = [n[0] for n in numbers]
    steps = [b - a for a, b in zip(sequence, sequence[1:])]
    return sequence[0] <= 2 and all(1 <= s <= 2 for s in steps) and steps.count(2) <= max(1, len(steps) // 4)


def printed_formulas(cells: list[str]) -> list[Formula]:
    """The formulas of a column-number row, with column numbers turned into the positions they name."""
    position = {}
    for index, cell in enumerate(cells):
        parsed = column_number(cell) if cell and cell.strip() else None
        if parsed is not None:
            position[parsed[0]] = index
    formulas = []
    for index, cell in enumerate(cells):
        parsed = column_number(cell) if cell and cell.strip() else None
        if parsed is None or not parsed[1]:
            continue
        text = " ".join(parsed[1].split())
        for kind, pattern in (("ratio", _RATIO), ("difference", _DIFFERENCE), ("sum", _SUM)):
            m = pattern.match(text)
            if not m:
                continue
            refs = [int(r) for r in (m.groups() if kind != "sum" else re.findall(r"\d{1,2}", text))
                    if r is not None]
            if all(r in position for r in refs):
                formulas.append(Formula(index, kind, tuple(position[r] for r in refs), cell.strip()))
            break
    return formulas
