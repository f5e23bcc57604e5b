"""Table layout: header rows apart from body rows, one label per column, rows aligned to columns."""

from __future__ import annotations

from collections import Counter

from ..ingest.document import RawRow
from .column_numbers import is_column_number_row
from .numbers import Number, parse_number

MAX_HEADER_ROWS = 4


def cell_type(number: Number | None, text: str) -> str:
    """Coarse type of a cell, for aligning rows to columns."""
    if not text.strip():
        return "empty"
    if number is None:
        return "text"
    if number.dash:
        return "dash"
    if number.error:
        return "error"
    if number.percent:
        return "pct"
    if number.is_money_like:
        return "money"
    return "num"


def _is_header_row(cells: tuple[str, ...]) -> bool:
    """No data in it: no number other than a year or a column-numbering sequence."""
    if is_column_number_row(cells):
        return True
    numbers = [parse_number(c) for c in cells if c.strip()]
    values = [n for n in numbers if n is not None]
    if not values:
        return True
    if all(n.value is not None and n.decimals == 0 and not n.percent and 1990 <= n.value <= 2100
           and not n.unit for n in values):
        return True
    ints = [int(n.value) for n in values if n.value is not None and n.decimals == 0 and not n.unit]
    # `1 2 3 4 5 6`: the column numbers printed under a header.
    return len(ints) == len(values) >= 3 and ints == list(range(ints[0], ints[0] + len(ints)))


def split_header(rows: list[RawRow], known: int | None = None) -> tuple[list[RawRow], list[RawRow]]:
    """Leading header rows, then the body; `known` when the reader already knows how many. A row of
    column numbers right under the header belongs to it, even one the reader did not count."""
    if known is not None:
        k = known
    else:
        k = 0
        while k < min(len(rows) - 1, MAX_HEADER_ROWS) and _is_header_row(rows[k].cells):
            k += 1
    while k < len(rows) - 1 and is_column_number_row(rows[k].cells):
        k += 1
    return rows[:k], rows[k:]


def merge_header(header: list[RawRow], width: int) -> list[str]:
    """One label per column: `Realisasi Anggaran s/d Desember / DAU`.

    An empty cell in an upper header row under which a lower row has a label
    belongs to a cell spanning from its left (a merged cell in the source).
    """
    grid = [list(r.cells) + [""] * (width - len(r.cells)) for r in header if not is_column_number_row(r.cells)]
    labels = []
    for c in range(width):
        parts = []
        for r, row in enumerate(grid):
            text = row[c]
            below = any(grid[rr][c] for rr in range(r + 1, len(grid)))
            if not text and below:
                left = c - 1
                while left >= 0 and not row[left]:
                    left -= 1
                if left >= 0:
                    text = row[left]
            if text and text not in parts:
                parts.append(text)
        labels.append(" / ".join(" ".join(p.split()) for p in parts))
    return labels


def align_rows(cells_by_row: list[list[str]], width: int) -> tuple[list[list[str]], list[int]]:
    """Shift short rows right where that fits the columns' types better.

    Extractions drop a row's empty first cells (`No.` left blank), which slides
    every value one column to the left. Returns the aligned rows and, per row,
    the shift applied (0 when none).
    """
    typed = [[cell_type(parse_number(c), c) for c in row] for row in cells_by_row]
    profile = [Counter() for _ in range(width)]
    for row, types in zip(cells_by_row, typed):
        if len(row) == width:
            for c, t in enumerate(types):
                profile[c][t] += 1
    aligned, shifts = [], []
    for row, types in zip(cells_by_row, typed):
        used = used_width(row)
        best, best_score = 0, _score(types, profile, 0)
        for shift in range(1, width - used + 1):
            score = _score(types, profile, shift)
            if score > best_score + 0.5:
                best, best_score = shift, score
        new = [""] * best + list(row)
        new = new[:max(width, used + best)] + [""] * max(0, width - len(new))
        aligned.append(new)
        shifts.append(best)
    return aligned, shifts


def used_width(row: list[str]) -> int:
    used = len(row)
    while used and not row[used - 1].strip():
        used -= 1
    return used


_COMPATIBLE = {"dash": ("money", "num", "pct", "dash"), "error": ("pct", "num", "error")}


def _score(types: list[str], profile: list[Counter], shift: int) -> float:
    score = 0.0
    for c, t in enumerate(types):
        if t == "empty":
            continue
        col = c + shift
        if col >= len(profile):
            score -= 1
            continue
        total = sum(profile[col].values()) or 1
        matches = profile[col][t] + sum(profile[col][u] for u in _COMPATIBLE.get(t, ()) if u != t)
        score += matches / total
    return score


def misaligned_rows(money_columns: list[int], kinerja_columns: list[int], values: list[list[Number | None]],
                    cells: list[list[str]], header_width: int | None = None, scaled: frozenset = frozenset()) -> list[int]:
    """Rows whose cells do not line up with the columns: a figure of the wrong kind (`3 bulan` or `49,44%`
    in an amount column, an amount in a K column), or two texts in amount columns. A row printed with
    cells left out (a Program row without its K cells) would otherwise be checked against the wrong
    columns. With `header_width` (the columns the header names), a figure right of them also counts: the
    row's cells were pushed right somewhere (a PDF extraction that inserted an empty cell). In a `scaled`
    amount column (`Rp juta`) any plain number is an amount (`1.100,25`)."""
    wrong_rows = []
    for index, (row_values, row_cells) in enumerate(zip(values, cells)):
        wrong = 0
        if header_width and any(v is not None and v.value is not None for v in row_values[header_width:]):
            wrong += 2
        for c in money_columns:
            value, text = row_values[c] if c < len(row_values) else None, row_cells[c] if c < len(row_cells) else ""
            plain = c in scaled and value is not None and value.value is not None and not value.percent \
                and not value.unit
            if not text.strip() or plain or (value is not None and (value.is_money_like or value.dash or value.error
                                                                    or value.value == 0)):
                continue
            wrong += 2 if value is not None and (value.percent or value.unit) else 1
        for c in kinerja_columns:
            value = row_values[c] if c < len(row_values) else None
            if value is not None and value.is_money_like:
                wrong += 2
        if wrong >= 2:
            wrong_rows.append(index)
    return wrong_rows
