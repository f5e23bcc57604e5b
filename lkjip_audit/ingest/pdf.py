"""Read PDF reports that carry a text layer, with camelot.

camelot is slow when run on every page, so the text layer decides first, one
page at a time and cheaply (pypdfium2): which pages carry tables at all, and
whether a page has ruled lines (lattice) or not (stream). Tables that continue
on the next page, or in a new block on the same page, are stitched back into
one, with their repeated header rows dropped and the repair recorded.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
import tempfile
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..exceptions import InputError
from .blocks import find_block_tables
from .cell_paragraphs import find_cell_paragraph_tables
from ..said import Said
from .document import CAPTION, Document, RawRow, RawTable, Repair, file_sha256, overlaps
from .ocr import ocr_pages, read_cells
from .pdf_areas import TableArea, is_header_figure, shared_columns
from .pdf_pages import PageSurvey, open_pdf, survey_pages
from .spaced import KODE_ALONE, open_group_start, read_cells_per_line
from .text import running_headers

#: camelot is asked about this many pages at a time: memory stays flat on long reports.
PAGES_PER_CALL = 20
#: camelot's `line_scale` on scanned pages (its default is 15): the larger, the shorter the rules it finds.
SCANNED_LINE_SCALE = 40
#: pdfminer's layout analysis, which camelot runs on every page: cells take their text by where it stands,
#: so the reading order of text boxes (`boxes_flow`, pdfminer's costliest step) is not worked out. The same
#: cells on every sample PDF; lattice in about half the time.
LAYOUT = {"boxes_flow": None}
_OCR_RULE = re.compile(r"(?<!\S)[|¦!]+(?!\S)")
# `3.586` / `.961.374`, `5.087.297.98` / `2`: a figure a narrow cell wrapped, at a digit or at its separator
_DIGIT_BREAK = re.compile(r"(?<=[\d.,])\n(?=\d)|(?<=\d)\n(?=[.,]\d{3}\b)")
#: A figure cut just before a separator (`534` / `.75` / `3.0` / `00` in a cell too narrow for it, joined
#: one line at a time): joined when the two parts still read as the start of a grouped figure.
_SEPARATOR_BREAK = re.compile(r"(-?[\d.,]*\d)\n([.,]\d+)")
_GROUPED_START = re.compile(r"-?\d{1,3}(?:([.,])\d{3})*(?:[.,]\d{0,3})?")
_HYPHEN_BREAK = re.compile(r"(?<=\w-)\n(?=[a-z])")
_GROUPED_FIGURE = re.compile(r"-?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*(?:[.,]\d{1,2})?%?")
#: A cell one character wide: pdfminer takes its stacked characters for a vertical line of text and spaces
#: them out (`5 . 8 0 6 . 8 7 0 . 5 0 0`, `4 9 0 o r a n g`). Digits alone are left: kode digits stand so.
_STACKED = re.compile(r"\S(?: \S){2,}")
_DIGITS_THEN_WORD = re.compile(r"(?<=\d)(?=[^\W\d_]{2})")
_LONE_SEPARATOR = re.compile(r"(?<=\d) (?=[.,](?:\d{3}\b|$))")
_SPACED_LETTERS = re.compile(r"(?<!\S)[a-z](?: [a-z](?!\S)){2,}")

logger = logging.getLogger(__name__)


@dataclass
class PageTable:
    """One table as camelot found it on one page."""

    page: int
    flavor: str
    bbox: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points, origin bottom left
    rows: list[RawRow]
    row_spans: list[tuple[float, float]]  # per row, (top, bottom)
    accuracy: float
    caption: str = ""
    text_above: str = ""
    text_below: str = ""
    lines_below: list[str] = field(default_factory=list)  # as printed, page numbers and kode included
    repairs: list[Repair] = field(default_factory=list)
    lone: bool = False  # one row at the top of a page: kept only as a continuation (TableArea.lone)
    ocr: bool = False  # the page is a scan read by OCR
    #: The last text-layer line (1-based) of the rows read below it one cell per line, on later pages maybe.
    cells_read_to: int | None = None
    #: Per row, per cell: ruled on all four sides (lattice; a merged cell's parts are not).
    closed: list[tuple[bool, ...]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


def clean_cell(text: str) -> str:
    """One line per cell: a number broken over two lines is joined without a space, and so is a word
    hyphenated at the end of a line (`Perundang-` / `undangan`)."""
    if _STACKED.fullmatch(text.strip()) and not (stacked := text.replace(" ", "").strip()).isdigit():
        # the space between a count and its unit was a line of its own, and is lost: put it back
        return _DIGITS_THEN_WORD.sub(" ", stacked)
    whole = text.replace("\n", "").strip()
    if "\n" in text and _GROUPED_FIGURE.fullmatch(whole):
        return whole  # `534\n.75\n3.0\n00` in a cell too narrow for it: one grouped figure, broken anywhere
    text = _SEPARATOR_BREAK.sub(lambda m: m[1] + m[2] if _GROUPED_START.fullmatch(m[1] + m[2])
                                else m[0], text)
    text = _HYPHEN_BREAK.sub("", _DIGIT_BREAK.sub("", text))
    text = " ".join(text.split())
    # A cell narrower than its figure or word, joined a line at a time: a separator that stood on a line of its
    # own (`20 .951 .250`), letters one per line (`30 o r a n g`).
    text = _LONE_SEPARATOR.sub("", text)
    return _SPACED_LETTERS.sub(lambda m: m[0].replace(" ", ""), text)


def joined_text(first: str, second: str) -> str:
    """A cell's text and its wrapped rest, as one line."""
    return clean_cell("\n".join(p for p in (first, second) if p))


def joined_rows(above: RawRow, below: RawRow) -> RawRow:
    """A row with its wrapped rest (a row of its own in the extraction) appended cell by cell; the row keeps
    its own provenance."""
    width = max(len(above.cells), len(below.cells))
    pad = ("",) * width
    return replace(above, cells=tuple(joined_text(a, b) for a, b in zip((above.cells + pad)[:width],
                                                                          (below.cells + pad)[:width])))


def read_pdf(path: Path) -> Document:
    """Read a PDF; pages scanned without a text layer are OCR'd first (`ingest.ocr`)."""
    sha256 = file_sha256(path)
    pdf = open_pdf(path)
    try:
        pages = survey_pages(path, pdf)
        scanned = [p.number for p in pages if p.scanned]
        if not scanned:
            return _read_surveyed(path, path, sha256, pages)
        with tempfile.TemporaryDirectory(prefix="lkjip-ocr-") as workdir:
            copy, words, languages = ocr_pages(path, pdf, scanned, Path(workdir))
            pdf.close()
            pdf = open_pdf(copy)
            pages = survey_pages(copy, pdf)
            for number in scanned:
                pages[number - 1].ocr = True

            def cell_reader(page: PageSurvey, boxes: list) -> list:
                read = read_cells(page.number, Path(workdir) / f"page-{page.number}.png",
                                  (page.width, page.height), boxes, Path(workdir), languages)
                words.extend(w for cell in read if cell for w in cell[1])
                return read

            document = _read_surveyed(path, copy, sha256, pages, cell_reader)
        document.ocr_words = words
        return document
    finally:
        pdf.close()


def _read_surveyed(path: Path, source: Path, sha256: str, pages: list[PageSurvey],
                   cell_reader=None) -> Document:
    """The document from its surveyed pages; `source` is the file camelot reads (an OCR'd copy of `path`);
    `cell_reader(page, boxes)` reads a scanned page's ruled cells one by one (`ocr.read_cells`)."""
    if not any(p.has_text for p in pages):
        if any(p.ocr for p in pages):
            raise InputError(path, Said("PDF hasil pindaian, dan OCR tidak membaca teks di halaman mana pun "
                                        "(pindaian kosong atau tak terbaca)",
                                        "scanned PDF, and OCR read no text on any page (blank or unreadable scans)"),
                             Said("Periksa pindaiannya, atau minta PDF yang berteks dari instansinya",
                                  "Check the scan, or ask the agency for the PDF with its text"))
        raise InputError(path, Said("PDF-nya tidak berisi teks maupun gambar pindaian di halaman mana pun",
                                "the PDF has no text and no scanned image on any page"),
                         Said("Periksa apakah ekspornya selesai, atau ekspor ulang laporannya",
                              "Check that the export finished, or export the report again"))
    lines, line_pages, first_line = [], [], {}  # first_line: each page's first line in `lines` (0-based)
    for survey in pages:
        first_line[survey.number] = len(lines)
        lines.extend(survey.lines)
        line_pages.extend([survey.number] * len(survey.lines))
    furniture = running_headers(lines)
    page_tables = _extract(source, pages, cell_reader)
    for table in page_tables:
        _describe_surroundings(table, pages, page_tables, furniture)
    page_tables = [t for t in page_tables if t.rows]
    bare = None  # the text layer without page furniture, made once if a table needs it
    for table in page_tables:
        _locate_rows(table, pages[table.page - 1].lines, first_line[table.page])
    firsts = sorted(min(r.line for r in t.rows if r.line) for t in page_tables if any(r.line for r in t.rows))
    for table in page_tables:
        if any(KODE_ALONE.match(s) for s in table.lines_below[:6]):
            bare = bare if bare is not None else _without_furniture(lines, line_pages, furniture)
            # the rows printed one cell per line end where the next table drawn as one begins (on a scanned
            # page, OCR gives a ruled table's cells one per line too)
            last = max((r.line for r in table.rows if r.line), default=0)
            limit = next((f - 1 for f in firsts if f > last), len(bare))
            if not _read_cells_below(table, bare[:limit]):
                _drop_open_group(table)
    page_tables = [t for t in page_tables if t.rows]
    blank = {p.number for p in pages if not _text_lines("\n".join(p.lines), furniture)}
    ocr = {p.number for p in pages if p.ocr}
    # `Pagu Anggaran : Rp. ...` blocks are text, not drawn tables; a table printed one paragraph per cell is
    # read without the page furniture between a page's last row and the next page's first.
    tables = stitch(page_tables, blank) + _on_pages(find_block_tables(lines), line_pages, ocr)
    bare = bare if bare is not None else _without_furniture(lines, line_pages, furniture)
    tables += [t for t in _on_pages(find_cell_paragraph_tables(bare), line_pages, ocr) if not overlaps(t, tables)]
    # In reading order, as a text's tables (a table's id is its place).
    tables.sort(key=lambda t: (t.page or 0, (t.lines or (0, 0))[0]))
    return Document(path=path, sha256=sha256, kind="pdf", lines=lines, tables=tables, line_pages=line_pages)


def _on_pages(tables: list[RawTable], line_pages: list[int], scanned_pages: set[int]) -> list[RawTable]:
    """Tables read from the text layer (budget blocks, tables one paragraph per cell) with each row's page;
    those on a scanned page were read by OCR, and say so (their figures get OCR's doubts, like a drawn
    table's)."""
    for table in tables:
        table.rows = [replace(r, page=line_pages[r.line - 1]) if r.line else r for r in table.rows]
        table.ocr = any(r.page in scanned_pages for r in table.rows)
    return tables


def _extract(path: Path, pages: list[PageSurvey], cell_reader=None) -> list[PageTable]:
    import camelot  # slow to import; only PDF input needs it

    found: list[PageTable] = []
    for scans in (False, True):
        ruled = [p.number for p in pages if p.looks_tabular and p.flavor == "lattice" and p.ocr == scans]
        # A scan's rules are blurred and broken: the short uprights of a one-row table carried over to its own
        # block (Kediri's Tabel 3.2, page 22) are found only with the finer line scale.
        options = {"line_scale": SCANNED_LINE_SCALE} if scans else {}
        for start in range(0, len(ruled), PAGES_PER_CALL):
            chunk = ruled[start:start + PAGES_PER_CALL]
            found.extend(t for t in _camelot(path, camelot, chunk, "lattice", parallel=len(chunk) > 2,
                                             layout_kwargs=LAYOUT, **options) if _usable(t))
    tabular = [p for p in pages if p.looks_tabular]
    # a long table's pages read with the same columns, the areas in page order
    shared = iter(shared_columns([a for p in tabular for a in p.table_areas]))
    for page in tabular:
        areas = [next(shared) for _ in page.table_areas]
        if page.flavor == "lattice":
            # Rules drawn are not always cells: a Word table with horizontal rules only, a header rule and a
            # bottom rule, or shaded rows give lattice no cells. What the text shows as a table and lattice
            # did not cover is read from the text layer.
            areas = [a for a in areas if not _covered(a, [t for t in found if t.page == page.number])]
        if not areas:
            continue
        # Areas from the text layer: camelot only splits them into columns.
        for table in _camelot(path, camelot, [page.number], "stream",
                              table_areas=[a.camelot_area() for a in areas],
                              columns=[a.camelot_columns() for a in areas],
                              # pdfminer reads two cells' first letters stacked at one x (`2` over
                              # `dokumen`) as a vertical line, which stream then drops.
                              layout_kwargs={**LAYOUT, "detect_vertical": False}):
            area = min(areas, key=lambda a: abs(a.read_top - table.bbox[3]) + abs(a.bottom - table.bbox[1]))
            joined = _with_spanned_header(_rows_joined(table, area), area)
            joined.lone = area.lone
            if page.oversized:
                joined.repairs.append(Repair(None, page.number, Said(
                    f"halaman berukuran {page.width:.0f} × {page.height:.0f} poin, lebih besar dari kertas "
                    "mana pun: garisnya tidak dicari, tabel dibaca dari lapisan teksnya",
                    f"the page is {page.width:.0f} × {page.height:.0f} points, larger than any paper size: its "
                    "ruled lines were not looked for, the table was read from its text layer")))
            elif page.flavor == "lattice" and not page.ocr:
                joined.repairs.append(Repair(None, page.number, Said(
                    "garis tabel di halaman ini tidak membentuk sel (misalnya garis mendatar saja): kolomnya "
                    "dibaca dari jarak antarteks",
                    "the table's rules on this page do not make cells (horizontal rules only, for example): "
                    "its columns were read from the gaps between the text")))
            found.append(joined)
    found = [t for t in found if _usable(t)]
    for table in found:
        if pages[table.page - 1].ocr:
            table.ocr = True
            if cell_reader is not None and table.flavor == "lattice":
                _read_cells_alone(table, pages[table.page - 1], cell_reader)
            table.repairs.append(Repair(None, table.page, Said(
                "halaman hasil pindaian, dibaca dengan OCR (tesseract)",
                "a scanned page, read by OCR (tesseract)")))
            # OCR reads a cell's ruled border as a bar (`CAPAIAN | ANGGARAN`, `Rp. |`): not text of the cell
            table.rows = [replace(r, cells=tuple(" ".join(_OCR_RULE.sub(" ", c).split()) for c in r.cells))
                          for r in table.rows]
    # Smallest first: where borderless areas nest, the tightest one has the cleanest columns.
    found.sort(key=lambda t: (t.page, (t.bbox[2] - t.bbox[0]) * (t.bbox[3] - t.bbox[1])))
    found = _drop_overlaps(found)
    found.sort(key=lambda t: (t.page, -t.bbox[3]))
    return found


def _read_cells_alone(table: PageTable, page: PageSurvey, cell_reader) -> None:
    """A scanned page's ruled table with each closed cell (ruled on all four sides) read on its own
    (`ocr.read_cells`) in place of the page's reading; a merged cell's parts are not (their text straddles
    them), nor a cell read empty alone. (Re-reading only the cells with figures, the labels and markers kept
    as the page read them, found fewer of the text's findings: Kediri's Tabel 3.2 scanned, 80 against 107.)"""
    where = [(r, c) for r, row in enumerate(table.rows) if row.cell_boxes
             for c, closed in enumerate(table.closed[r]) if closed and c < len(row.cell_boxes)]
    if not where:
        return
    read = cell_reader(page, [table.rows[r].cell_boxes[c] for r, c in where])
    cells = [list(row.cells) for row in table.rows]
    changed = 0
    for (r, c), alone in zip(where, read):
        if alone is None:
            continue
        text = clean_cell(alone[0])
        if text and text != cells[r][c]:
            cells[r][c] = text
            changed += 1
    table.rows = [replace(row, cells=tuple(c)) for row, c in zip(table.rows, cells)]
    if changed:
        table.repairs.append(Repair(None, table.page, Said(
            f"{changed} sel dibaca ulang satu per satu oleh OCR (terpotong di garisnya)",
            f"{changed} cell(s) re-read one by one by OCR (cut out at their rules)")))


def _usable(table: PageTable) -> bool:
    """At least three columns and a row: shading or a frame around a heading gives lattice one- or two-cell
    'tables', and stream a line of text."""
    return table.width >= 3 and len(table.rows) >= 1


def _covered(area: TableArea, tables: list[PageTable]) -> bool:
    """Most of the area's rows stand inside lattice tables: one text area may hold several ruled tables
    stacked with only their captions between (PDF points, origin bottom left)."""
    def inside(top: float) -> bool:
        return any(t.bbox[1] - 1 <= top <= t.bbox[3] + 1 and t.bbox[0] < area.right and area.left < t.bbox[2]
                   for t in tables)

    return sum(inside(top - 1) for top in area.row_starts) * 2 >= len(area.row_starts)


def _camelot(path: Path, camelot, pages: list[int], flavor: str, **options) -> list[PageTable]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # camelot warns for every page without a table
        try:
            tables = camelot.read_pdf(str(path), pages=",".join(map(str, pages)), flavor=flavor, **options)
        except Exception as exc:  # camelot raises bare errors on odd pages; keep the report going
            logger.warning("%s: camelot could not read pages %s: %s", path, pages, exc)
            return []
    return [_page_table(t, flavor) for t in tables]


def _page_table(table, flavor: str) -> PageTable:
    frame = table.df
    rows, spans, closed = [], [], []
    for r in range(len(frame)):
        cells = tuple(clean_cell(str(v)) for v in frame.iloc[r].tolist())
        boxes = tuple((c.x1, c.y1, c.x2, c.y2) for c in table.cells[r]) if r < len(table.cells) else None
        closed.append(tuple(c.left and c.right and c.top and c.bottom for c in table.cells[r])
                      if r < len(table.cells) else ())
        rows.append(RawRow(cells, page=table.page, cell_boxes=boxes))
        if boxes:
            spans.append((max(b[3] for b in boxes), min(b[1] for b in boxes)))
        else:
            spans.append((0.0, 0.0))
    x1, y1, x2, y2 = (float(v) for v in table._bbox)
    return PageTable(page=int(table.page), flavor=flavor, bbox=(x1, y1, x2, y2), rows=rows, row_spans=spans,
                     accuracy=float(table.parsing_report.get("accuracy", 0)), closed=closed)


def _rows_joined(table: PageTable, area: TableArea) -> PageTable:
    """camelot's stream gives one row per text line: lines that are one row's wrapped cells join it. A line
    with a whole figure under a whole figure of the row so far starts a row, wherever the line pitch says
    otherwise: a cell's wrapped text never makes two whole amounts (OCR's text lines stand at uneven
    pitches, and a scanned Depok table's rows were read two at a time, `236,836,600236,836,600`)."""
    rows: list[RawRow] = []
    spans: list[tuple[float, float]] = []
    for row, (top, bottom) in zip(table.rows, table.row_spans):
        starts = any(bottom < start <= top + 1.5 for start in area.row_starts) or (
            rows and _figures_stacked(rows[-1], row))
        if rows and not starts:
            rows[-1] = joined_rows(rows[-1], row)
            spans[-1] = (spans[-1][0], bottom)
        else:
            rows.append(row)
            spans.append((top, bottom))
    table.rows, table.row_spans = rows, spans
    return table


def _figures_stacked(above: RawRow, below: RawRow) -> bool:
    """A whole figure under a whole figure, which together are not one figure a narrow cell cut (`5.424.70`
    over `3.590`: 5.424.703.590)."""
    return any(_GROUPED_FIGURE.fullmatch(a.strip()) and _GROUPED_FIGURE.fullmatch(b.strip())
               and not _GROUPED_FIGURE.fullmatch(a.strip() + b.strip())
               for a, b in zip(above.cells, below.cells))


def _with_spanned_header(table: PageTable, area: TableArea) -> PageTable:
    """The area's own header rows (`TableArea.header`, where a header cell spans columns) above the body
    camelot read: camelot would put such a cell in whichever column it covers most, not the first, as the
    text does."""
    if not area.header:
        return table
    width = max(table.width, len(area.header[0]))  # camelot splits at the area's columns: the same width
    rows = [RawRow(tuple(clean_cell(c) for c in cells) + ("",) * (width - len(cells)), page=table.page)
            for cells in area.header]
    table.rows = rows + table.rows
    table.row_spans = [(area.top, area.body_top)] * len(rows) + table.row_spans
    x1, y1, x2, y2 = table.bbox
    table.bbox = (x1, y1, x2, max(y2, area.top))  # the text above it (a caption) is above the header
    return table


#: Lines below a table's last row within which the kode of a row printed one cell per line must stand.
MAX_LINES_TO_KODE = 12


def _without_furniture(lines: list[str], line_pages: list[int], furniture: set[str]) -> list[str]:
    """The text layer with running headers and footers blanked, and page numbers: a number alone on one of
    a page's first or last `PAGE_EDGE_LINES` lines."""
    text = list(lines)

    def at_edge(i: int) -> bool:
        return any(not 0 <= j < len(lines) or line_pages[j] != line_pages[i]
                   for j in (i - PAGE_EDGE_LINES, i + PAGE_EDGE_LINES))

    # Furniture stands at a page's top or bottom, mostly there: `PROGRAM`, a table cell's word, is printed
    # on many lines and happens to open a page or two.
    edges, inside = Counter(), Counter()
    for i, s in enumerate(lines):
        (edges if at_edge(i) else inside)[" ".join(s.split())] += 1
    for i, s in enumerate(text):
        if not at_edge(i):
            continue  # the same words inside a page are the table's
        words = " ".join(s.split())
        # (A figure repeated at the pages' edges, `1.692.000`, is no running header: only lines of words are.)
        if re.fullmatch(r"\s*\d{1,4}\s*", s) or words in furniture and re.search(r"[A-Za-z]", s) \
                and edges[words] > inside[words]:
            text[i] = ""
    return text


#: How near a page's top or bottom a number alone on its line is taken for the page number, and a running
#: header's words for furniture.
PAGE_EDGE_LINES = 2


def _read_cells_below(table: PageTable, text: list[str]) -> bool:
    """Below the table its rows go on one cell per line (a kode alone on a line): read them from the text
    layer (`spaced.read_cells_per_line`, page furniture left out) and add them to the table. Whether any
    were read (the figures must confirm the layout)."""
    located = [r.line for r in table.rows if r.line]
    numbers = Counter(sum(1 for c in r.cells[2:] if _FIGURE_CELL.match(c.strip())) for r in table.rows)
    width = max(numbers, key=lambda n: (numbers[n], n)) if numbers else 0
    if not located or width < 2 or table.width < width + 2:
        return False
    start = next((i for i in range(located[-1], min(len(text), located[-1] + MAX_LINES_TO_KODE))
                  if KODE_ALONE.match(text[i])), None)
    if start is None:
        return False
    records, end, _ = read_cells_per_line(text, start, width)
    if not records:
        return False
    for first, cells, where in records:
        # The figures from the left, as in the rows above (a row that lost a figure lost its last ones).
        padded = tuple(cells) + ("",) * (table.width - len(cells))
        where = tuple(where) + (None,) * (table.width - len(where))
        table.rows.append(RawRow(cells=padded, line=first, cell_lines=where))
        table.row_spans.append(table.row_spans[-1])
    table.cells_read_to = end
    table.repairs.append(Repair(records[0][0], table.page, Said(
        f"baris {records[0][0]}-{end}: {len(records)} baris tabel tercetak satu sel per baris di bawahnya, dibaca "
        f"menurut kodenya (tiap baris berangka memuat {width} angka seperti baris di atasnya)",
        f"lines {records[0][0]}-{end}: {len(records)} table rows printed one cell per line below it, read by "
        f"their kode (each row with figures holds {width} numbers, as the rows above)")))
    return True


_FIGURE_CELL = re.compile(r"^\(?-?\d[\d.,]*\)?%?$")


def _drop_open_group(table: PageTable) -> None:
    """Below the table its cells go on one per line (a kode alone on a line), which is not read: the last
    parent row's children may go on there, so its group is left out rather than checked half-summed."""
    start = open_group_start([r.cells[0].strip() if r.cells else "" for r in table.rows])
    if start is None:
        return
    table.repairs.append(Repair(None, table.page, Said(
        f"{len(table.rows) - start} baris mulai `{table.rows[start].cells[0]}` tidak dibaca: kelompoknya berlanjut "
        "di bawah dengan satu sel per baris, yang tidak dibaca",
        f"{len(table.rows) - start} row(s) from `{table.rows[start].cells[0]}` left out: their group goes on "
        "below with one cell per line, which is not read")))
    table.rows, table.row_spans = table.rows[:start], table.row_spans[:start]


def _drop_overlaps(tables: list[PageTable]) -> list[PageTable]:
    """stream may report the same rows twice in overlapping areas: keep each row once."""
    kept: list[PageTable] = []
    for table in tables:
        earlier = [k for k in kept if k.page == table.page]
        if earlier:
            keep = [i for i, (top, bottom) in enumerate(table.row_spans)
                    if not any(any(b - 1 <= (top + bottom) / 2 <= t + 1 for t, b in k.row_spans) for k in earlier)]
            if len(keep) < len(table.rows):
                table.repairs.append(Repair(None, table.page, Said(
                    f"{len(table.rows) - len(keep)} baris yang terbaca dua kali oleh ekstraksi dibuang",
                    f"{len(table.rows) - len(keep)} row(s) found twice by the extraction dropped")))
                table.rows = [table.rows[i] for i in keep]
                table.row_spans = [table.row_spans[i] for i in keep]
        if table.rows:
            kept.append(table)
    return kept


def _describe_surroundings(table: PageTable, pages: list[PageSurvey], tables: list[PageTable],
                           furniture: set[str]) -> None:
    """The text between this table and whatever stands above it: its caption, or prose that ends a table.

    A table at the top of a page takes its caption from the foot of the page before.
    """
    page = pages[table.page - 1]
    above = [t.bbox[1] for t in tables if t.page == table.page and t.bbox[1] >= table.bbox[3] - 1
             and t is not table]
    ceiling = min(above) if above else page.height
    lines = _text_lines(page.text_between(table.bbox[3], ceiling), furniture)
    table.text_above = " ".join(lines)
    below = [t.bbox[3] for t in tables if t.page == table.page and t.bbox[3] <= table.bbox[1] + 1
             and t is not table]
    text_below = page.text_between(max(below, default=0), table.bbox[1])
    table.lines_below = [" ".join(s.split()) for s in text_below.splitlines() if s.strip()]
    table.text_below = " ".join(_text_lines(text_below, furniture))
    if not lines and not above and table.page > 1:
        previous = pages[table.page - 2]
        floor = min((t.bbox[1] for t in tables if t.page == previous.number), default=previous.height)
        lines = _text_lines(previous.text_between(0, floor), furniture)[-4:]
    caption_at = max((i for i, s in enumerate(lines) if CAPTION.match(s)), default=None)
    if caption_at is not None:
        table.caption = " ".join(lines[caption_at:caption_at + 3])[:200]
    elif lines:
        table.caption = lines[-1][:200]


#: The shortest cell text that places a row on a text-layer line by itself.
MIN_SIGNATURE = 3


def _locate_rows(table: PageTable, page_lines: list[str], first: int) -> None:
    """Give each row the text-layer line it starts on (`first` is the page's first line, 0-based): the first
    line, below the row above's, that holds one of its cells' first words. A sentence is then matched to the
    table right below or beside it, as in a text report; a row not found keeps no line."""
    lines = [" ".join(s.split()) for s in page_lines]
    cursor = 0
    for r, row in enumerate(table.rows):
        signatures = [" ".join(cell.split())[:20] for cell in row.cells]
        signatures = [s for s in signatures if len(s) >= MIN_SIGNATURE]
        at = next((i for i in range(cursor, len(lines)) if any(s in lines[i] for s in signatures)), None)
        if at is None:
            continue
        table.rows[r] = replace(row, line=first + at + 1)
        cursor = at + 1


def _text_lines(text: str, furniture: set[str]) -> list[str]:
    lines = [" ".join(s.split()) for s in text.splitlines()]
    return [s for s in lines if s and s not in furniture and not re.fullmatch(r"[\d\s\-–—|.]+", s)]


def stitch(tables: list[PageTable], blank_pages: set[int] = frozenset()) -> list[RawTable]:
    """Join table parts that continue one another; drop the header rows a continuation repeats."""
    result: list[RawTable] = []
    borderless: dict[int, list[PageTable]] = {}
    previous: PageTable | None = None
    for part in tables:
        current = result[-1] if result else None
        if current is not None and previous is not None and _continues(previous, part, blank_pages):
            rows = list(part.rows)
            dropped = 0
            while rows and _header_like(rows[0]) and _repeats(current, rows[0]):
                rows.pop(0)
                dropped += 1
            if rows and not dropped and (unjoined := _without_repeated_header(current, rows[0])) is not None:
                rows[0] = unjoined  # the repeated header and the page's first row were read as one row
                dropped = 1
            what = (Said(f"tabel berlanjut di halaman {part.page}", f"table continues on page {part.page}")
                    if part.page != previous.page else
                    Said("tabel berlanjut di blok baru", "table continues in a new block"))
            if dropped:
                what = Said(f"; {dropped} baris judul kolom yang berulang dibuang",
                            f"; {dropped} repeated header row(s) dropped").after(what)
            rests = 0
            # (the rest may come out as two rows: its lines stand at a narrow cell's uneven pitches)
            while rows and current.rows and _rest_of_row(rows[0], current.rows[-1]) and rests < MAX_REST_ROWS:
                current.rows[-1] = joined_rows(current.rows[-1], rows.pop(0))
                rests += 1
            if rests:
                what = Said("; baris pertamanya, sisa baris di atasnya yang terpotong pergantian halaman, digabung "
                            "ke baris itu",
                            "; its first row, the rest of the row above cut by the page break, joined to it"
                            ).after(what)
            current.repairs.append(Repair(None, part.page, what))
            current.repairs.extend(part.repairs)
            current.rows.extend(rows)
            current.ocr = current.ocr or part.ocr
        elif part.lone:
            continue  # a row alone at the top of a page that continues nothing is not a table
        else:
            result.append(RawTable(rows=list(part.rows), caption=part.caption, repairs=list(part.repairs),
                                   ocr=part.ocr))
            if current is not None and previous is not None and _unsure_continuation(previous, part, blank_pages):
                # Rows right after a table, with no header or caption of their own, whose columns are not the
                # table's: stitched, they might be misread; apart, the table's last sums may miss them.
                result[-1].uncertain = Said(
                    f"halaman {part.page}: baris tanpa judul kolom tepat setelah tabel di halaman {previous.page}, "
                    f"tetapi kolomnya lain ({part.width} lawan {previous.width}): mungkin lanjutannya, tidak dapat "
                    "disambung dengan pasti; ditampilkan, tidak diperiksa",
                    f"page {part.page}: rows without a header right after the table on page {previous.page}, but "
                    f"with other columns ({part.width} against {previous.width}): maybe its continuation, not "
                    "joined with confidence; shown, not checked")
                current.repairs.append(Repair(None, previous.page, Said(
                    f"baris di halaman {part.page} mungkin melanjutkan tabel ini (kolomnya lain, tidak disambung): "
                    "jumlah di baris terakhirnya bisa tidak lengkap",
                    f"the rows on page {part.page} may continue this table (other columns, not joined): the sums "
                    "of its last rows may miss them")))
        if part.flavor != "lattice":
            borderless.setdefault(len(result) - 1, []).append(part)
        previous = part
    for index, parts in borderless.items():
        merge_continuation_lines(result[index])
        _without_empty_last_columns(result[index])
        _judge_borderless(result[index], parts)
    return result


def _without_empty_last_columns(table: RawTable) -> None:
    """A borderless table's last columns with nothing in any row, header included, are gaps its pages' columns
    left, not the report's (they would let a row be moved right, into them)."""
    used = max((i + 1 for r in table.rows for i, c in enumerate(r.cells) if c.strip()), default=0)
    table.rows = [replace(r, cells=r.cells[:used], cell_lines=r.cell_lines[:used] if r.cell_lines else None,
                          cell_boxes=r.cell_boxes[:used] if r.cell_boxes else None) for r in table.rows]


#: camelot's own accuracy (0-100) below which a borderless table's columns are not trusted.
MIN_BORDERLESS_ACCURACY = 99.0
#: Share of rows with figures run together (`6.259.2003 bulan`, `- 3 bulan`) from which columns are doubtful.
RUN_TOGETHER_SHARE = 0.2
_FIGURE_TOKEN = re.compile(r"^(?:[-–—]|\(?[\d.,]*\d[\d.,]*\)?%?)$")
_BROKEN_GROUPS = re.compile(r"\d\.\d{3}\d|\d,\d{3}\d{1,2}\b(?!%)")


def _figures_run_together(cell: str) -> bool:
    """Two figures side by side in one cell (`393.990.794 3`, `- 3 bulan`), or digits glued onto a grouped amount
    (`6.259.2003`): cells of neighbouring columns printed into one another."""
    figures = [bool(_FIGURE_TOKEN.match(t)) for t in cell.split()]
    return any(a and b for a, b in zip(figures, figures[1:])) or bool(_BROKEN_GROUPS.search(cell))


def _judge_borderless(table: RawTable, parts: list[PageTable]) -> None:
    """The columns come from the gaps between the text; where camelot still finds text across them
    (its accuracy), the table is kept, but said to have doubtful columns."""
    reasons = [Said(f"akurasi camelot {p.accuracy:.1f}% di halaman {p.page}",
                    f"camelot accuracy {p.accuracy:.1f}% on page {p.page}") for p in parts
               if p.accuracy < MIN_BORDERLESS_ACCURACY]
    run_together = sum(1 for r in table.rows if any(_figures_run_together(c) for c in r.cells))
    if run_together and run_together >= RUN_TOGETHER_SHARE * len(table.rows):
        reasons.append(Said(f"angka kolom yang bersebelahan menyatu di {run_together} dari {len(table.rows)} barisnya",
                            f"figures of neighbouring columns run together in {run_together} of its "
                            f"{len(table.rows)} rows"))
    if reasons and not table.uncertain:
        table.uncertain = Said("tabel tanpa garis, kolom tidak pasti ("
                               + "; ".join(r.text("id") for r in reasons) + ")",
                               "borderless table, columns uncertain (" + "; ".join(reasons) + ")")


def _continues(previous: PageTable, part: PageTable, blank_pages: set[int]) -> bool:
    """The same table goes on: in the next block or on the next page with text (blank pages skipped),
    with no caption or prose between, and the same columns (a block without a header of its own may
    have lost its first, empty columns: the understanding step realigns such rows)."""
    if part.caption and CAPTION.match(part.caption):
        return False
    own_header = _header_like(part.rows[0])
    width, previous_width = _kode_joined_width(part), _kode_joined_width(previous)
    # Rows of a kode-digit table leave out cells here and there (a part may come out a column short):
    # either may be the narrower one.
    slack = 2 if _has_split_kode(part) and _has_split_kode(previous) else 0
    if width != previous_width and not _same_header(previous, part) and (
            own_header or not previous_width - 2 <= width < previous_width + slack + 1
            or (not slack and width > previous_width)):
        return False
    if previous.cells_read_to is not None:
        # Its rows went on one cell per line (read); the part goes on right where they end, whatever page.
        first = part.rows[0].line if part.rows else None
        return first is not None and 0 < first - previous.cells_read_to <= MAX_LINES_AFTER_CELLS
    return _next_to(previous, part, blank_pages)


def _next_to(previous: PageTable, part: PageTable, blank_pages: set[int]) -> bool:
    """The part stands right after the one before: in the next block or on the next page with text, a heading
    at most between them, never prose."""
    between = range(previous.page + 1, part.page)
    if part.page < previous.page or any(p not in blank_pages for p in between):
        return False
    return len(part.text_above) <= 80 and len(previous.text_below) <= 80


def _unsure_continuation(previous: PageTable, part: PageTable, blank_pages: set[int]) -> bool:
    """A part that may go on with the table before and was not joined: right after it, no caption, and no
    header of its own (a table of its own would begin with one)."""
    return (previous.cells_read_to is None and not (part.caption and CAPTION.match(part.caption))
            and not _header_like(part.rows[0]) and _next_to(previous, part, blank_pages))


#: Rows at a continued page's top that may be the rest of the row above the page break.
MAX_REST_ROWS = 2


def _same_header(previous: PageTable, part: PageTable) -> bool:
    """The part begins with the header rows the part before begins with, cell for cell: the page repeats the
    table's header. Its rows may still come out narrower or wider (a page whose rows leave the last columns
    empty has no gap to show them), which does not make it another table."""
    def header(block: PageTable) -> list[tuple[str, ...]]:
        rows = []
        for row in block.rows:
            if not _header_like(row):
                break
            rows.append(_norm(row.cells))
        return rows

    # The rows after the header may look like one (no figure in them): a row the page break cut (`USAHA KECIL,
    # DAN MENENGAH`), a kode row (`2 | 1`). Leading rows the same, and named cells enough in them, say it.
    own, before = header(part), header(previous)
    same = next((i for i, (a, b) in enumerate(zip(own, before)) if a != b), min(len(own), len(before)))
    return sum(len([c for c in row if c]) for row in own[:same]) >= MIN_REPEATED_HEADER_CELLS


#: Named header cells two parts must share, cell for cell, to be one table whatever their widths: one or two
#: names (`No`, `Uraian`) repeat across a report's tables.
MIN_REPEATED_HEADER_CELLS = 4

#: Lines between the last row read one cell per line and a table part that goes on after them (page
#: furniture, a number).
MAX_LINES_AFTER_CELLS = 3


_KODE_DIGIT = re.compile(r"^\d{1,2}$")


def _kode_digits(cells: tuple[str, ...]) -> tuple[int, int]:
    """(empty cells before, digit cells of) a kode printed digit by digit at a row's start; an extraction may
    draw an empty cell before it."""
    empty = 0
    while empty < len(cells) and not cells[empty].strip():
        empty += 1
    digits = 0
    while empty + digits < len(cells) and _KODE_DIGIT.match(cells[empty + digits].strip()):
        digits += 1
    return (empty, digits) if digits >= 3 else (0, 0)


def _has_split_kode(block: PageTable) -> bool:
    return any(_kode_digits(r.cells)[1] for r in block.rows)


def _kode_joined_width(block: PageTable) -> int:
    """Width once a kode printed digit by digit (`2 | 1 | 0 | 7 | 7 | 1`) counts as one cell: a page whose
    rows carry longer kode is no wider a table (the understanding step joins the digits)."""
    joined = []
    for row in block.rows:
        empty, digits = _kode_digits(row.cells)
        used = len(row.cells)
        while used and not row.cells[used - 1].strip():
            used -= 1
        if digits:
            joined.append(used - empty - digits + 1)
    return max(joined) if joined else block.width


#: The end of a grouped figure cut short: a separator, or a last group of fewer than three digits
#: (`220.950.`, `17.430.0`, `3.108.976.241,`).
_CUT_FIGURE = re.compile(r"\d[.,]\d{0,2}$")
#: A figure made whole again: grouped, or with decimals (`13,` / `39 %`).
_WHOLE_FIGURE = re.compile(r"-?\d{1,3}(?:([.,])\d{3})*(?:[.,]\d{1,2})?\s*%?")
#: The rest of a figure cut just before a separator (`695` / `.580`): no figure starts with one.
_SEPARATOR_FIRST = re.compile(r"[.,]\d")
#: A count cut before its last digits and its unit (`12` / `5 orang`): bare digits above, digits and a unit below.
_CUT_COUNT = re.compile(r"\d+$")
_COUNT_REST = re.compile(r"\d+\s+[^\W\d_]")
#: A count's unit, alone under it (`125` / `ko p`), its letters maybe apart.
_UNIT = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def _rest_of_row(row: RawRow, above: RawRow) -> bool:
    """A continued page that starts with the rest of the row above, which the page break cut (a word
    processor lets a row break across pages): nothing beyond the row's width (a page's rows may leave the
    last columns without a gap between them), nothing in its first cell (no numbering), and
    each cell either words, not a figure (a wrapped label), or digits that finish a figure the row above
    left cut short (`220.950.` / `000`, `695` / `.580`, `16` / `6.591.969`, `12` / `5 orang`, `125` / `kop`,
    `100,00` / `%`)."""
    if any(c.strip() for c in row.cells[len(above.cells):]) or row.cells[0].strip():
        return False
    filled = [(text.strip(), upper.strip()) for text, upper in zip(row.cells, above.cells) if text.strip()]
    rests = [bool((_CUT_FIGURE.search(upper) or _SEPARATOR_FIRST.match(text))
                  and _WHOLE_FIGURE.fullmatch(upper + text)
                  or upper.isdigit() and _GROUPED_FIGURE.fullmatch(upper + text)  # `16` / `6.591.969`
                  or _CUT_COUNT.match(upper) and (_COUNT_REST.match(text) or _UNIT.fullmatch(text))
                  or text == "%" and upper[-1:].isdigit()) for text, upper in filled]
    # words, not a figure: `... dalam 1 (satu) Daerah` is a label's end, `5 orang` a count; or the end of a word
    # the break cut (`12 bul` / `an`)
    words = [bool(re.search(r"[^\W\d_]{3,}", text) or re.match(r"[^\W\d_]", text) and upper[-1:].isalpha())
             and not _NUMBER_CELL.match(text) for text, upper in filled]
    # Text cells alone may be a row of their own (a Sasaran without numbering); one cell, or a cut figure, not.
    return bool(filled) and all(r or w for r, w in zip(rests, words)) and (len(filled) == 1 or any(rests))


def _header_like(row: RawRow) -> bool:
    """No figure in it but a header's own: a year (`dievaluasi 2021`), a column number or formula
    (`(3)`, `10 = 9/4 x 100%`)."""
    return not any(re.search(r"\d{2,}|\d[.,]\d", re.sub(r"\b(?:19|20)\d\d\b", "", c))
                   and not is_header_figure(c) for c in row.cells)


def _norm(cells: tuple[str, ...]) -> tuple[str, ...]:
    """Compared without spaces, case or trailing empty cells (a page's table may end a column later)."""
    norm = [c.replace(" ", "").lower() for c in cells]
    while norm and not norm[-1]:
        norm.pop()
    return tuple(norm)


#: Share of a repeated header's cells that must match the table's own header; a scan's OCR may misread one
#: (`%` as `Yo`).
REPEATED_HEADER_CELLS = 0.75


#: Share of a table's header cells that must begin the cells of a continued page's first row for that row to be
#: the repeated header read together with the page's first row (a borderless page's wrapped lines joined).
REPEATED_PREFIX_CELLS = 0.8


def _without_repeated_header(table: RawTable, row: RawRow) -> RawRow | None:
    """The page's first row without the repeated header its cells begin with (`Target 100%` under `Target`), or
    None when its cells do not begin with the table's header cells."""
    head = next((r for r in table.rows[:3] if _header_like(r)), None)
    if head is None or len(head.cells) != len(row.cells):
        return None
    names = [" ".join(h.split()) for h in head.cells]
    texts = [" ".join(c.split()) for c in row.cells]
    begins = [bool(n) and t.startswith(n) for n, t in zip(names, texts)]
    named = sum(1 for n in names if n)
    if named < 3 or sum(begins) < REPEATED_PREFIX_CELLS * named:
        return None
    cells = tuple(t[len(n):].strip() if b else c for n, t, c, b in zip(names, texts, row.cells, begins))
    return replace(row, cells=cells) if any(cells) else None


def _repeats(table: RawTable, row: RawRow) -> bool:
    """The row repeats one of the table's header rows: the same cells, or nearly all the same (OCR)."""
    from rapidfuzz.fuzz import ratio

    if not any(row.cells):
        return True
    cells = _norm(row.cells)
    for head in (_norm(r.cells) for r in table.rows[:6]):
        if cells == head:
            return True
        pairs = [(a, b) for a, b in zip(cells, head) if a or b]
        if len(cells) == len(head) and len(pairs) >= 3 and \
                sum(ratio(a, b) >= 80 for a, b in pairs) >= REPEATED_HEADER_CELLS * len(pairs):
            return True
    return False


#: An amount, a percentage, or a count with its unit (`34 Orang`, `12 bulan`, `1 Dokumen`): a row's figure.
_NUMBER_CELL = re.compile(r"^[\s\-–—]*(rp\.?\s*)?[\d.,]+\s*%?(?:\s+[^\W\d_]+){0,2}$", re.IGNORECASE)


def merge_continuation_lines(table: RawTable) -> None:
    """Borderless tables put a wrapped label on rows of its own: append them to the row they continue.

    A continuation row has no numbering and no amount in it; a row that has
    either stands on its own.
    """
    merged: list[RawRow] = []
    seen_data = False
    for row in table.rows:
        is_data = any(_NUMBER_CELL.match(c) and re.search(r"\d", c) for c in row.cells)
        if merged and seen_data and not is_data and not row.cells[0]:
            merged[-1] = joined_rows(merged[-1], row)
            table.repairs.append(Repair(None, row.page, Said(
                "teks terlipat di barisnya sendiri digabung ke baris di atasnya: "
                + " ".join(c for c in row.cells if c)[:80],
                "wrapped text on its own line joined to the row above: " + " ".join(c for c in row.cells if c)[:80])))
            continue
        seen_data = seen_data or is_data
        merged.append(row)
    table.rows = merged

