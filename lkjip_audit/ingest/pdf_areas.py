"""Where the borderless tables of a page stand, from the text layer's runs.

camelot's stream and network flavors guess table areas themselves and often
take prose or headings into a table, or split one table in two. The text
layer already shows the layout: a table line is made of cells side by side
(runs apart by a clear gap), or is one narrow cell's wrapped text under a
column; a prose line runs across most of the text width. A table area is a
run of table lines with at least two lines of cells side by side. Its columns
are found here too (the gaps no body cell crosses), and camelot's stream only
puts the text into them. Two more things the runs show and camelot's
one-row-per-text-line output does not: where the columns shift (a new block,
read as its own area) and which text lines are one row's wrapped cells (lines
closer together than the rows are).
"""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass

from .document import CAPTION

#: Runs closer than this many times the line's text height are one cell: a bullet and its text, words of
#: one cell (6 points at a 10-point font). Dense tables in small print set cells 5 points apart.
CELL_GAP = 0.7
#: A run wider than this share of the page's text width is prose, not a cell.
PROSE_WIDTH = 0.55
#: Runs whose middles are this close (points) stand on one line.
SAME_LINE = 3.5
#: A header-like line after a gap this many times the area's usual line gap starts a new table.
NEW_TABLE_GAP = 1.8
#: A line further below the one above than this many times the text height starts a new row
#: (a wrapped cell's next line is about 1.3 text heights down; the next row adds the cell padding).
NEW_ROW_PITCH = 1.45
#: A page number stands further below the page's text than this many times its own height; closer, it is a
#: narrow cell's last line (`1.501.018.48` / `8`).
FOOTER_GAP = 1.0
_FIGURE = re.compile(r"\d")
#: Figures a header prints: column numbers `(3)`, formulas (`9 = 5+6+7+8`, `10 = 9/4 x 100%`, `5+6+7+8`), a year
#: ending a column name (`dievaluasi 2021`, `2021 (%)`).
_HEADER_FIGURE = re.compile(r"\(\d{1,2}\)$|.*\d\)?\s*=|\d+(?:\s*[+×x]\s*\d+)+$|\D*\b(?:19|20)\d\d(?:\s*\(%\))?$")
_PAGE_NUMBER = re.compile(r"^[\divxlc\-–— ]{1,6}$", re.IGNORECASE)


@dataclass(frozen=True)
class TextRun:
    """One run of text as the PDF draws it (PDF points, origin bottom left)."""

    left: float
    bottom: float
    right: float
    top: float
    text: str


@dataclass(frozen=True)
class TableArea:
    """A borderless table's area on its page and the tops of the text lines that start its rows."""

    left: float
    top: float
    right: float
    bottom: float
    row_starts: tuple[float, ...]
    columns: tuple[float, ...]  # x of the separators between columns
    #: One line of cells at the top of the page: a table's last row carried over by the page break. It is
    #: read only as the continuation of the table before it (pdf.stitch), never as a table of its own.
    lone: bool = False
    #: The header's rows as a grid would give them, when a header cell spans columns (`Realisasi Anggaran`
    #: over `DAU`, `DAK`, `Total`): its text in the first column it covers, the names under it on a row
    #: below; the text reader would put it in whichever column it covers most. Empty: the reader's rows stand.
    header: tuple[tuple[str, ...], ...] = ()
    #: The top of the first line of data; rows above it are the header.
    body_top: float = 0.0

    @property
    def read_top(self) -> float:
        """Where camelot reads from: below a header built here (its spanning cells would lower camelot's
        accuracy, which should judge the body's columns)."""
        return self.body_top + 1 if self.header else self.top

    def camelot_area(self) -> str:
        return f"{self.left:.1f},{self.read_top:.1f},{self.right:.1f},{self.bottom:.1f}"

    def camelot_columns(self) -> str:
        return ",".join(f"{x:.1f}" for x in self.columns)


@dataclass
class _Line:
    middle: float
    cells: list[TextRun]

    @property
    def top(self) -> float:
        return max(c.top for c in self.cells)

    @property
    def bottom(self) -> float:
        return min(c.bottom for c in self.cells)

    @property
    def side_by_side(self) -> bool:
        return len(self.cells) >= 2


def table_areas(runs: list[TextRun]) -> list[TableArea]:
    """The page's borderless table areas, top to bottom; one area per block of unchanged columns."""
    lines = _lines(runs)
    if not lines:
        return []
    left, right = min(c.left for ln in lines for c in ln.cells), max(c.right for ln in lines for c in ln.cells)
    prose_width = PROSE_WIDTH * (right - left)
    areas: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        # prose, or a caption: a table's caption stands above it, so it ends the table before
        if any(c.right - c.left > prose_width for c in line.cells) or \
                (len(line.cells) == 1 and CAPTION.match(line.cells[0].text)):
            areas.append(current)
            current = []
            continue
        if current and _starts_new_table(current, line):
            areas.append(current)
            current = []
        current.append(line)
    areas.append(current)
    result = []
    for index, area in enumerate(areas):
        area = _trimmed(area)
        if sum(ln.side_by_side for ln in area) >= 2 and any(_FIGURE.search(c.text) for ln in area for c in ln.cells):
            result.extend(_area(block) for block in _blocks(area))
        elif index == 0 and not result and _lone_row(area):
            result.append(_area(area, lone=True))
    return result


def _lone_row(area: list[_Line]) -> bool:
    """One line of three or more cells with a figure: what a page break leaves of a table's last row."""
    rows = [ln for ln in area if ln.side_by_side]
    return len(rows) == 1 and len(rows[0].cells) >= 3 and _has_figure(rows[0])


def _area(lines: list[_Line], lone: bool = False) -> TableArea:
    text_height = _text_height(lines)
    starts = [lines[0].top] + [b.top for a, b in zip(lines, lines[1:]) if a.top - b.top > NEW_ROW_PITCH * text_height]
    first_data = _first_data(lines)
    columns = _columns(lines, first_data)
    return TableArea(min(c.left for ln in lines for c in ln.cells) - 1, lines[0].top + 1,
                     max(c.right for ln in lines for c in ln.cells) + 1, lines[-1].bottom - 1, tuple(starts),
                     columns, lone, _spanned_header(lines[:first_data], lines[first_data:], columns),
                     lines[first_data].top)


def _first_data(lines: list[_Line]) -> int:
    """The first line of data: the first with two data figures side by side, else the first with one."""
    return next((i for i, ln in enumerate(lines) if _is_row_of_figures(ln)),
                next((i for i, ln in enumerate(lines) if _has_figure(ln)), 0))


def _spanned_header(head: list[_Line], body: list[_Line],
                    columns: tuple[float, ...]) -> tuple[tuple[str, ...], ...]:
    """The header in two rows when one of its cells spans columns: the spanning cells (and every line above
    their lowest one) on the first row, each in the first column it covers; under them, the names below on
    the second row; a column under no spanning cell keeps all its lines on the first row (a cell merged
    down), as a grid prints it. Nothing when no header cell spans columns.

    A cell spans columns when it reaches over the figures of a column right of its own: a name only wider
    than its column's figures (`No.` over `1`) spans nothing."""
    def column(x: float) -> int:
        return bisect.bisect_left(columns, x)

    body_left: dict[int, float] = {}
    for cell in (c for ln in body for c in ln.cells):
        index = column(cell.left + 1)
        body_left[index] = min(body_left.get(index, cell.left), cell.left)
    spans = [(column(c.left + 1), column(c.right - 1), c) for ln in head for c in ln.cells]
    spanning = [(first, last, c) for first, last, c in spans
                if any(body_left.get(i, c.right) < c.right - 1 for i in range(first + 1, last + 1))]
    if not spanning:
        return ()
    bottom = min(c.bottom for _, _, c in spanning)
    under = {i for first, last, _ in spanning for i in range(first, last + 1)}
    width = len(columns) + 1
    rows: list[list[list[str]]] = [[[] for _ in range(width)], [[] for _ in range(width)]]
    for first, _, cell in spans:
        below = cell.top < bottom and first in under
        rows[below][first].append(cell.text.strip())
    return tuple(tuple("\n".join(parts) for parts in row) for row in rows)


def _columns(lines: list[_Line], first_data: int) -> tuple[float, ...]:
    """Separators where no body cell stands (the whitespace between columns).

    Header cells do not make columns, except one left or right of every body cell (a `No.` column
    with no numbering below): a header that spans columns would hide the gaps, and a header is often
    left-aligned while its figures are right-aligned. In a gap, the separator goes just left of a
    header cell that starts in it (its column begins there), else in the middle.
    """
    head, body = lines[:first_data], lines[first_data:]
    extents = _union([(c.left, c.right) for ln in body for c in ln.cells])
    outside = [(c.left, c.right) for ln in head for c in ln.cells
               if c.right < extents[0][0] - 1 or c.left > extents[-1][1] + 1]
    extents = _joined_alternatives(_union(extents + outside), body, head)
    separators = []
    for (_, left_end), (right_start, _) in zip(extents, extents[1:]):
        starts = [c.left for ln in head for c in ln.cells if left_end < c.left < right_start]
        separators.append(min(starts) - 1 if starts else (left_end + right_start) / 2)
    return tuple(separators)


def _joined_alternatives(extents: list[tuple[float, float]], body: list[_Line],
                         head: list[_Line]) -> list[tuple[float, float]]:
    """Two neighbouring extents that no line fills both of, and with no header of its own on the right, are
    one column: a renderer may left-align `93.43` and right-align `78` in it."""
    def filled(line: _Line, extent: tuple[float, float]) -> bool:
        return any(extent[0] - 1 <= c.left and c.right <= extent[1] + 1 for c in line.cells)

    joined = [extents[0]]
    for extent in extents[1:]:
        previous = joined[-1]
        alone = not any(filled(ln, previous) and filled(ln, extent) for ln in body)
        own_header = any(previous[1] < c.left <= extent[1] for ln in head for c in ln.cells)
        if alone and not own_header:
            joined[-1] = (previous[0], extent[1])
        else:
            joined.append(extent)
    return joined


def _union(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for left, right in sorted(intervals):
        if merged and left <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], right))
        else:
            merged.append((left, right))
    return merged


def _blocks(area: list[_Line]) -> list[list[_Line]]:
    """The area split where its columns shift: a data line with a cell across two cells of an earlier
    data line of the block (a renderer may lay a long table's next part out with other column widths)."""
    blocks: list[list[_Line]] = [[]]
    for line in area:
        data = [ln for ln in blocks[-1] if _has_figure(ln)]
        if _has_figure(line) and any(_across(cell, earlier) for cell in line.cells for earlier in data):
            blocks.append([])
        blocks[-1].append(line)
    return [b for b in blocks if b]


def is_header_figure(text: str) -> bool:
    """A figure a header prints, not data: a column number, a formula or a year ending a column name."""
    return bool(_HEADER_FIGURE.match(text.strip()))


def _figure_cells(line: _Line) -> int:
    """How many of the line's cells hold a figure that is data (not a header's figure)."""
    return sum(1 for c in line.cells if _FIGURE.search(c.text) and not is_header_figure(c.text))


def _has_figure(line: _Line) -> bool:
    return line.side_by_side and _figure_cells(line) >= 1


def _is_row_of_figures(line: _Line) -> bool:
    """Two figures or more side by side: a body row, not a header line that wraps a formula's `100%`."""
    return line.side_by_side and _figure_cells(line) >= 2


def _across(cell: TextRun, line: _Line) -> bool:
    return sum(1 for c in line.cells if c.left < cell.right - 1 and cell.left < c.right - 1) >= 2


def _lines(runs: list[TextRun]) -> list[_Line]:
    """Runs grouped into lines (top to bottom), neighbouring runs of one cell merged."""
    lines: list[_Line] = []
    for run in sorted((r for r in runs if r.text.strip()), key=lambda r: -(r.top + r.bottom) / 2):
        middle = (run.top + run.bottom) / 2
        if lines and abs(lines[-1].middle - middle) <= SAME_LINE:
            lines[-1].cells.append(run)
        else:
            lines.append(_Line(middle, [run]))
    for line in lines:
        cells: list[TextRun] = []
        gap = CELL_GAP * max(r.top - r.bottom for r in line.cells)
        for run in sorted(line.cells, key=lambda r: r.left):
            if cells and run.left - cells[-1].right < gap:
                last = cells[-1]
                cells[-1] = TextRun(last.left, min(last.bottom, run.bottom), max(last.right, run.right),
                                    max(last.top, run.top), f"{last.text.strip()} {run.text.strip()}")
            else:
                cells.append(run)
        line.cells = cells
    if lines and len(lines[-1].cells) == 1 and _PAGE_NUMBER.match(lines[-1].cells[0].text.strip()) and \
            (len(lines) == 1 or lines[-2].bottom - lines[-1].top > FOOTER_GAP * (lines[-1].top - lines[-1].bottom)):
        lines.pop()  # the page number at the foot, apart from the text; not a figure's last digit in its cell
    return lines


def _gaps(area: list[_Line]) -> list[float]:
    return [a.bottom - b.top for a, b in zip(area, area[1:])]


def _starts_new_table(area: list[_Line], line: _Line) -> bool:
    """A header (cells side by side, no figure) after rows, and after a clearly wider gap than theirs."""
    gaps = _gaps(area)
    if not gaps or not line.side_by_side or any(_FIGURE.search(c.text) for c in line.cells):
        return False
    if not any(_is_row_of_figures(ln) for ln in area):
        return False  # still in the header's lines
    return area[-1].bottom - line.top > NEW_TABLE_GAP * max(statistics.median(gaps), 1.0)


def _trimmed(area: list[_Line]) -> list[_Line]:
    """Without the one-cell lines before its first row of cells (headings), nor trailing one-cell lines
    other than the last row's wrapped text (a source note, the next paragraph, cells laid out one per line)."""
    start = next((i for i, ln in enumerate(area) if ln.side_by_side), len(area))
    area = area[start:]
    if not area:
        return area
    last_row = max(i for i, ln in enumerate(area) if ln.side_by_side)
    lefts = [c.left for ln in area if ln.side_by_side for c in ln.cells]
    height = _text_height(area)
    end = last_row + 1
    while end < len(area) and area[end - 1].top - area[end].top <= NEW_ROW_PITCH * height \
            and any(abs(area[end].cells[0].left - x) <= 3 for x in lefts):
        end += 1
    return area[:end]


def _text_height(lines: list[_Line]) -> float:
    """A full line's height (ascender to descender): a cell of digits alone is shorter than the font."""
    heights = sorted(ln.top - ln.bottom for ln in lines)
    return heights[(3 * len(heights)) // 4]
