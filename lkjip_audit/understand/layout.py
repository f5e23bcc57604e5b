"""Table layout: header rows apart from body rows, one label per column, rows aligned to columns."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import combinations

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


#: A cell that begins with a rupiah amount of a million or more: no header prints one.
_LEADING_AMOUNT = re.compile(r"^(?:Rp\.?\s*)?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+(?!\d)")


def is_header_row(cells: tuple[str, ...]) -> bool:
    """No data in it: no number other than a year or a column-numbering sequence."""
    if is_column_number_row(cells):
        return True
    if any(_LEADING_AMOUNT.match(c.strip()) for c in cells):
        return False  # `Rp 9,384,257,538 Mendukung/...`: an amount run into its neighbour's words is data
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
        while k < min(len(rows) - 1, MAX_HEADER_ROWS) and is_header_row(rows[k].cells):
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


def align_rows(cells_by_row: list[list[str]], width: int,
               reference: int | None = None) -> tuple[list[list[str]], list[int]]:
    """Shift short rows right where that fits the columns' types better.

    Extractions drop a row's empty first cells (`No.` left blank), which slides
    every value one column to the left. The columns' types are those of the rows
    `reference` cells wide (the table's width by default). Returns the aligned rows
    and, per row, the shift applied (0 when none).
    """
    typed = [[cell_type(parse_number(c), c) for c in row] for row in cells_by_row]
    profile = [Counter() for _ in range(width)]
    for row, types in zip(cells_by_row, typed):
        if len(row) == (reference or width):
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


#: A row may lack at most this many cells to have them put back: more, and where they belong is a guess.
MAX_MISSING_CELLS = 3
#: At most this many of a row's empty cells are moved to put its figures back (a PDF row with an empty cell
#: where a figure belongs and a cell short elsewhere).
MAX_MOVED_CELLS = 1
#: More ways than this to put a row's cells back, and none is read: where they belong is a guess.
MAX_PLACEMENTS = 200
#: A cell is placed in a column only if at least this share of the column's figures (in the rows printed
#: whole) are of its kind or go with it (`_FITS_WITH`): a `3 bulan` never goes where amounts stand, an
#: amount never where counts do.
MIN_CELL_FIT = 0.25


@lru_cache(maxsize=65536)
def figure_kind(text: str) -> str:
    """`cell_type`, with a count (`3 laporan`) told from a plain number (`87,59`, a % printed without its
    sign): placing a row's cells needs the difference. Cached: a table repeats its `-`, `0` and units, and the
    same cells are looked at for the profile, the misfits and the placements."""
    number = parse_number(text)
    kind = cell_type(number, text)
    if kind in ("num", "money") and number is not None and number.value == 0:
        return "zero"  # `0`, `0,00`: no amount, no count, no %; it goes where any of them does
    return "count" if kind == "num" and number is not None and number.unit else kind


#: Which kinds of figure a column of another kind may hold: a `-` stands for any figure; a plain number may
#: be a % without its sign or a count without its unit; a kinerja target or realisasi may be a count or a %.
_FITS_WITH = {"dash": ("money", "num", "count", "pct", "zero"), "zero": ("money", "num", "count", "pct", "dash"),
              "error": ("pct", "num"), "num": ("pct", "count"), "count": ("num",), "pct": ("count",)}


def column_profile(rows: list[list[str]]) -> list[Counter]:
    """Per column, how many of the rows' cells are of each kind (`figure_kind`)."""
    width = max((len(r) for r in rows), default=0)
    profile = [Counter() for _ in range(width)]
    for row in rows:
        for c, text in enumerate(row):
            profile[c][figure_kind(text)] += 1
    return profile


def misfits(row: list[str], profile: list[Counter], columns: frozenset[int], words: bool = False) -> bool:
    """Whether a figure of `row` (or with `words`, also a text) stands in one of `columns` that holds figures
    of another kind (fit below `MIN_CELL_FIT`): `60,00` where amounts stand."""
    kinds = ("money", "num", "count", "pct", "text") if words else ("money", "num", "count", "pct")
    for c in columns:
        text = row[c] if c < len(row) and c < len(profile) else ""
        kind = figure_kind(text)
        if kind in kinds and _fit(kind, profile[c]) < MIN_CELL_FIT:
            return True
    return False


def gap_placements(row: list[str], profile: list[Counter]) -> list[tuple[list[str], tuple[int | None, ...]]]:
    """A row printed with cells left out somewhere (an extraction that merged two empty quarter cells,
    `- | - | -` for `- | - | - | -`), or with an empty cell where a figure belongs and a cell short
    elsewhere: the ways to put its cells back, in order, each in a column whose filled cells are of its kind,
    both ends of the row included. Each is the row as wide as the profile and, per column, which of the
    row's cells stands there (None: left empty). An empty cell of the row is moved only when no placement
    keeps them all. None at all when more than `MAX_MISSING_CELLS` cells are missing or moved, a cell fits
    no column, or there are more than `MAX_PLACEMENTS` ways. Which placement is right is for the caller: the
    row's own arithmetic, the columns a check reads."""
    used = used_width(row)
    kinds = tuple(figure_kind(c) for c in row[:used])
    blanks = tuple(c.strip() in _BLANKS for c in row[:used])
    shape = tuple(tuple(sorted(column.items())) for column in profile)
    empties = [i for i in range(1, used) if not row[i].strip()]
    for moved in range(0, MAX_MOVED_CELLS + 1):
        if not 1 <= len(profile) - used + moved <= MAX_MISSING_CELLS:
            continue
        found = []
        for dropped in combinations(empties, moved):
            kept = [i for i in range(used) if i not in dropped]
            gaps_found = _fitting_gaps(tuple(kinds[i] for i in kept), tuple(blanks[i] for i in kept), shape)
            if gaps_found is None:
                return []  # too many ways: where the cells belong is a guess
            for gaps in gaps_found:
                source = _spread(kept, gaps, len(profile))
                found.append(([row[i] if i is not None else "" for i in source], tuple(source)))
        if found:
            return found
    return []


_BLANKS = ("", "-", "–", "—")


def blank(text: str) -> bool:
    return text.strip() in _BLANKS


@lru_cache(maxsize=4096)
def _fitting_gaps(types: tuple[str, ...], blanks: tuple[bool, ...], shape: tuple) -> tuple[tuple[int, ...], ...] | None:
    """The columns to leave empty, or None when there are more than `MAX_PLACEMENTS` ways (cached: the rows
    of one table repeat the same few shapes).

    Every placement whose cells all stand in columns holding their kind of figure is as good as another: how
    often a kind occurs in a column says nothing about where this row lost its cell. They are found cell by
    cell, left to right, down the branches that can still be completed, so the work grows with the
    placements found, not with the ways to choose the gaps."""
    width, count = len(shape), len(types)
    fitting = _fitting_columns(shape)
    fits = [fitting[t] if t != "empty" else (True,) * width for t in types]

    @lru_cache(maxsize=None)
    def completes(cell: int, column: int) -> bool:
        """Cells from `cell` on can stand in columns from `column` on, the rest left empty."""
        if cell == count:
            return True
        if width - column < count - cell:
            return False
        return (fits[cell][column] and completes(cell + 1, column + 1)) or completes(cell, column + 1)

    placements: list[tuple[int, ...]] = []

    def walk(cell: int, column: int, gaps: tuple[int, ...]) -> bool:
        if len(placements) > MAX_PLACEMENTS:
            return False
        if cell == count:
            placements.append(gaps + tuple(range(column, width)))
            return True
        # Gaps as early as they can be first: of placements alike, the first found is taken.
        if completes(cell, column + 1):
            walk(cell, column + 1, gaps + (column,))
        if fits[cell][column] and completes(cell + 1, column + 1):
            walk(cell + 1, column + 1, gaps)
        return True

    if not completes(0, 0):
        return ()
    walk(0, 0, ())
    if len(placements) > MAX_PLACEMENTS:
        return None
    # An extraction loses a cell by merging it with an empty neighbour: prefer gaps beside an empty or `-`.
    beside = [_gaps_beside_blanks(gaps, blanks, width) for gaps in placements]
    return tuple(gaps for gaps, b in zip(placements, beside) if b == max(beside))


@lru_cache(maxsize=256)
def _fitting_columns(shape: tuple) -> dict[str, tuple[bool, ...]]:
    """Per kind of figure, the columns it may stand in."""
    profile = [Counter(dict(column)) for column in shape]
    return {kind: tuple(_fit(kind, column) >= MIN_CELL_FIT for column in profile)
            for kind in ("text", "dash", "zero", "error", "pct", "money", "num", "count")}


def _cell_at(gaps: tuple[int, ...], column: int) -> int | None:
    return None if column in gaps else column - sum(1 for g in gaps if g < column)


def _gaps_beside_blanks(gaps: tuple[int, ...], blanks: tuple[bool, ...], width: int) -> int:
    count = 0
    for gap in gaps:
        for column in (gap - 1, gap + 1):
            cell = _cell_at(gaps, column) if 0 <= column < width else None
            if cell is not None and cell < len(blanks) and blanks[cell]:
                count += 1
                break
    return count


def _fit(kind: str, column: Counter) -> float:
    """The share of the column's figures a figure of `kind` goes with. A `-` is no figure: a column of
    dashes only takes any figure; a column with nothing in it takes none."""
    if kind in ("dash", "zero"):
        figures = sum(column.values()) - column["empty"]
        return 1.0 if figures and sum(column[u] for u in (*_FITS_WITH[kind], kind)) else 0.0
    figures = sum(column.values()) - column["empty"] - column["dash"] - column["zero"]
    if figures <= 0:
        return 1.0 if column["dash"] or column["zero"] else 0.0
    return (column[kind] + sum(column[u] for u in _FITS_WITH.get(kind, ()))) / figures


def _spread(items: list, gaps: tuple[int, ...], width: int) -> list:
    rest = iter(items)
    return [None if c in gaps else next(rest) for c in range(width)]
