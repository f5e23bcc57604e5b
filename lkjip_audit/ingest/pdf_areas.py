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
from dataclasses import dataclass, field, replace

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
#: A one-word line below a table's last row this close (times the text height) is its wrapped cell's: a
#: short word's box (`r,`, `gaan`) stands up to 0.15 text heights off the line's pitch (1.3).
WRAPPED_LINE_PITCH = 1.6
#: A page number stands further below the page's text than this many times its own height; closer, it is a
#: narrow cell's last line (`1.501.018.48` / `8`).
FOOTER_GAP = 1.0
#: A header line further below the one above than this many times the header's usual line pitch starts the
#: header's next row (a grid's rows are apart by their padding; a wrapped name's lines by one pitch).
HEADER_BAND_GAP = 1.6
#: Two cells whose left ends are this close (points) start at one x: a left-aligned cell's lines.
SAME_LEFT = 1.5
#: The longest line a narrow column's wrapped word is cut into (`rja`, `KP`): longer lines are words.
WORD_PIECE = 3
_FIGURE = re.compile(r"\d")
#: Figures a header prints: column numbers `(3)`, formulas (`9 = 5+6+7+8`, `10 = 9/4 x 100%`, `5+6+7+8`) and the
#: pieces a narrow column wraps them into (`5+6+7+` over `8`, `x 100%`), a year ending a column name
#: (`dievaluasi 2021`, `2021 (%)`).
_HEADER_FIGURE = re.compile(r"\(\d{1,2}\)$|.*\d\)?\s*=|\d+(?:\s*[+×x/]\s*\d+)*\s*[+×x/]$|\d+(?:\s*[+×x]\s*\d+)+$"
                            r"|[+×x/]\s*\d+\s*%?$|\D*\b(?:19|20)\d\d(?:\s*\(%\))?$")
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
    #: Its text lines, to build the header again with other columns (`_with_header_lines`).
    lines: tuple[_Line, ...] = field(default=(), repr=False, compare=False)

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
    # (from lines of cells side by side: a label's tail, one short word per line, has smaller boxes)
    text_height = _text_height([ln for ln in lines if ln.side_by_side] or lines)
    starts = [lines[0].top] + [b.top for a, b in zip(lines, lines[1:]) if a.top - b.top > NEW_ROW_PITCH * text_height]
    first_data = _first_data(lines)
    bands = _bands(lines[:first_data])
    if len(bands) >= 2 and any(_figure_cells(ln) for ln in bands[-1]):
        # a last band with a figure is the rest of a row the page break cut (`0` of `965.683.608` under the
        # page's repeated header): the body's first row, not the header's
        first_data -= len(bands[-1])
    columns = _columns(lines, first_data)
    return TableArea(min(c.left for ln in lines for c in ln.cells) - 1, lines[0].top + 1,
                     max(c.right for ln in lines for c in ln.cells) + 1, lines[-1].bottom - 1, tuple(starts),
                     columns, lone, _spanned_header(lines[:first_data], lines[first_data:], columns),
                     lines[first_data].top, tuple(lines))


def shared_columns(areas: list[TableArea]) -> list[TableArea]:
    """The areas of one long table, page after page, read with the same columns: each page's columns come
    from its own rows, and a page whose rows leave a column empty shows no gap for it (its cells would
    land one column over). Areas whose header lines read the same (`_header_words`) are one table's pages;
    each takes the others' separators that fall where its own text leaves a gap.

    A page whose rows hold no two figures side by side (the rest of a row the page break cut) does not show
    where its header ends: its first lines reading as another page's header lines say it."""
    headers = {_header_words(a) for a in areas if a.header and a.lines}
    areas = [_with_known_header(a, headers) if not a.header and a.lines else a for a in areas]
    groups: list[tuple[str, list[int]]] = []
    for index, area in enumerate(areas):
        if area.header and area.lines:
            words = _header_words(area)
            # (a page's header may take in the words of a row the page break cut: `USAHA KECIL, DAN MENENGAH`)
            group = next((g for g in groups if words.startswith(g[0]) or g[0].startswith(words)), None)
            if group is None:
                groups.append((words, [index]))
            else:
                group[1].append(index)
    result = list(areas)
    for _, members in groups:
        if len(members) < 2:
            continue
        shared = _usual_separators([areas[i].columns for i in members])
        usual_rows = statistics.median_low(len(areas[i].header) for i in members)
        for i in members:
            area = areas[i]
            bands = _bands(list(area.lines[:_first_body_line(area)]))
            if len(area.header) > usual_rows >= 2 and len(bands) > usual_rows:
                # the header's last band is the rest of a row the page break cut (words only, `USAHA KECIL, DAN
                # MENENGAH`): the table's other pages have no such header row
                area = _with_header_lines(area, sum(len(band) for band in bands[:usual_rows]), area.columns)
            body = [c for ln in area.lines if ln.top <= area.body_top + 0.01 for c in ln.cells]
            starts = [c.left for ln in area.lines if ln.top > area.body_top + 0.01 for c in ln.cells]
            usual = [x for x in shared if not any(c.left < x < c.right for c in body)]
            # in a gap where the table's usual separators stand, they replace the page's own (a page's own
            # stands in the middle of the whitespace its few rows leave, which may hold several columns)
            kept = [own for own in area.columns
                    if not any(_in_gap(x, own, body, starts) or abs(x - own) <= 2 * SAME_LEFT for x in usual)]
            columns = tuple(sorted(kept + usual))
            result[i] = area if columns == area.columns else \
                _with_header_lines(area, _first_body_line(area), columns)
    return result


def _in_gap(x: float, own: float, body: list[TextRun], starts: list[float]) -> bool:
    """x stands in the whitespace around the separator `own`: between the body's cells and the header's column
    starts either side of it."""
    left = max([c.right for c in body if c.right <= own] + [s - 1.01 for s in starts if s <= own + 1.01],
               default=-1e9)
    right = min([c.left for c in body if c.left >= own] + [s - 1.01 for s in starts if s > own + 1.01],
                default=1e9)
    return left <= x <= right


def _header_words(area: TableArea) -> str:
    """The text of the area's header lines, in reading order, without spaces: the same on every page of one
    table."""
    return "".join(c.text for ln in area.lines if ln.top > area.body_top + 0.01 for c in ln.cells).replace(" ", "")


def _with_known_header(area: TableArea, headers: set[str]) -> TableArea:
    """The area with its first lines as its header when they read as one of `headers`."""
    text = ""
    for count, line in enumerate(area.lines[:-1], 1):
        text += "".join(c.text for c in line.cells).replace(" ", "")
        if text in headers:
            return _with_header_lines(area, count, _columns(list(area.lines), count))
        if not any(h.startswith(text) for h in headers):
            break
    return area


def _usual_separators(pages: list[tuple[float, ...]]) -> list[float]:
    """Separators (x within `2 * SAME_LEFT` counted as one) that more than half of the pages have: a gap
    one page's rows happen to leave is no column of the table."""
    xs = sorted((x, page) for page, columns in enumerate(pages) for x in columns)
    clusters: list[list[tuple[float, int]]] = []
    for x, page in xs:
        if clusters and x - clusters[-1][-1][0] <= 2 * SAME_LEFT:
            clusters[-1].append((x, page))
        else:
            clusters.append([(x, page)])
    return [statistics.median(x for x, _ in cluster) for cluster in clusters
            if 2 * len({page for _, page in cluster}) > len(pages)]


def _first_body_line(area: TableArea) -> int:
    return next(i for i, ln in enumerate(area.lines) if ln.top <= area.body_top + 0.01)


def _with_header_lines(area: TableArea, count: int, columns: tuple[float, ...]) -> TableArea:
    """The area with its first `count` lines as its header, read with `columns`, the header built again."""
    lines = list(area.lines)
    return replace(area, columns=columns, body_top=lines[count].top,
                   header=_spanned_header(lines[:count], lines[count:], columns) or area.header)


def _first_data(lines: list[_Line]) -> int:
    """The first line of data: the first with two data figures side by side, else the first with one."""
    return next((i for i, ln in enumerate(lines) if _is_row_of_figures(ln)),
                next((i for i, ln in enumerate(lines) if _has_figure(ln)), 0))


def _spanned_header(head: list[_Line], body: list[_Line],
                    columns: tuple[float, ...]) -> tuple[tuple[str, ...], ...]:
    """The header as a grid prints it, each cell's text in the first column it covers. A header whose lines
    stand in bands (`_bands`: names, then `I`, `II`, ... under them, then `K`, `Rp` under each) has one row
    per band: no column's text crosses from one band to the next, so the bands are the grid's rows. Otherwise,
    when one of its cells spans columns, two rows: the spanning cells (and every line above their lowest one)
    on the first; under them, the names below on the second; a column under no spanning cell keeps all its
    lines on the first row (a cell merged down). Nothing when it has one band and no cell spanning columns:
    the text reader's rows stand.

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
    width = len(columns) + 1
    bands = _bands(head)
    if len(bands) >= 2:
        band_rows = [[[] for _ in range(width)] for _ in bands]
        for band, lines in zip(band_rows, bands):
            for cell in (c for ln in lines for c in ln.cells):
                band[column(cell.left + 1)].append(cell.text)
        return tuple(tuple(_wrapped_text(parts) for parts in row) for row in band_rows)
    if not spanning:
        return ()
    bottom = min(c.bottom for _, _, c in spanning)
    under = {i for first, last, _ in spanning for i in range(first, last + 1)}
    rows: list[list[list[str]]] = [[[] for _ in range(width)], [[] for _ in range(width)]]
    for first, _, cell in spans:
        below = cell.top < bottom and first in under
        rows[below][first].append(cell.text.strip())
    return tuple(tuple("\n".join(parts) for parts in row) for row in rows)


def _bands(head: list[_Line]) -> list[list[_Line]]:
    """The header's lines in bands: a band ends where the next line stands more than `HEADER_BAND_GAP`
    times the header's usual line pitch below (a grid row's padding and rule between). Middles, not tops:
    a line of capitals (`HT`, `Ro`) has a lower top than one with an `l`."""
    pitches = [a.middle - b.middle for a, b in zip(head, head[1:])]
    if len(pitches) < 2:
        return [head]
    usual = statistics.median(pitches)
    bands = [[head[0]]]
    for line, pitch in zip(head[1:], pitches):
        if pitch > HEADER_BAND_GAP * usual:
            bands.append([])
        bands[-1].append(line)
    return bands


def _wrapped_text(lines: list[str]) -> str:
    """One cell's wrapped lines as its text. A column narrower than a word wraps it between letters
    (`Ko` / `de`, `Re` / `ali` / `sa` / `si`): when every line is a word's piece of at most
    `WORD_PIECE` characters, a line the PDF ends without a space is joined to the next without one (a word
    processor's export keeps the space at a word's end). Other lines stay lines."""
    lines = [ln for ln in lines if ln.strip()]
    if len(lines) < 2 or any(len(ln.strip()) > WORD_PIECE or " " in ln.strip() for ln in lines):
        return "\n".join(ln.strip() for ln in lines)
    return "".join(ln if ln.endswith(" ") else ln.strip() for ln in lines).strip()


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
    # A header whose wrapped names start at one x is left-aligned: each of its cells begins a column, also
    # where a gap holds several (`K`, `Rp`, `K` over a row that left their cells empty).
    every_start = _left_aligned(head)
    separators: list[float] = []
    for (_, left_end), (right_start, _) in zip(extents, extents[1:]):
        # (a left-aligned header's cell over the figures that begin the next extent begins a column too)
        reach = right_start + SAME_LEFT if every_start else right_start
        starts = sorted(c.left for ln in head for c in ln.cells if left_end < c.left < reach)
        if not starts:
            separators.append((left_end + right_start) / 2)
            continue
        separators.append(min(starts[0], right_start) - 1)
        if every_start:
            separators.extend(min(x, right_start) - 1 for previous, x in zip(starts, starts[1:])
                              if x - previous > SAME_LEFT)
    return tuple(separators)


def _left_aligned(head: list[_Line]) -> bool:
    """The header's wrapped cells start each of their lines at one x (within `SAME_LEFT`), as in a left-aligned
    cell; centred names start their lines at different x. Known only from two or more wrapped cells."""
    same = other = 0
    for upper, lower in zip(head, head[1:]):
        for a in upper.cells:
            for b in lower.cells:
                if a.left < b.right and b.left < a.right:
                    if abs(a.left - b.left) <= SAME_LEFT:
                        same += 1
                    else:
                        other += 1
    return same >= 2 and other == 0


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
    # the rows' lines give the font's height: a long tail of one short word per line (a label wrapped in a
    # narrow column: `Tam`, `bah,`) would give a smaller one
    height = _text_height([ln for ln in area if ln.side_by_side])
    end = last_row + 1
    while end < len(area) and _pitch(area[end - 1], area[end]) <= WRAPPED_LINE_PITCH * height \
            and any(abs(area[end].cells[0].left - x) <= 3 for x in lefts):
        end += 1
    return area[:end]


def _pitch(upper: _Line, lower: _Line) -> float:
    """How far below the upper line the lower stands: the nearer of its top's and its bottom's distance, as
    a short word's box (`s`, `n`) starts lower and a descender (`g`, `p`) ends lower than the line's."""
    return min(upper.top - lower.top, upper.bottom - lower.bottom)


def _text_height(lines: list[_Line]) -> float:
    """A full line's height (ascender to descender): a cell of digits alone is shorter than the font."""
    heights = sorted(ln.top - ln.bottom for ln in lines)
    return heights[(3 * len(heights)) // 4]
