"""A sample report as an agency's word processor makes it (issue 17): its text layer's tables become Word
tables, the document goes through LibreOffice to PDF.

    pdf = word_pdf(DEPOK, tmp_path, style="horizontal")

Each tab-separated block of the report's text is one Word table: its header rows (those before the first row
with a figure other than a year or a column number) are marked to repeat on every page, a group title over
empty cells (`TA. 2022 | | | TA. 2023 | |`) is merged across them, and a header cell with nothing under it
(`No.` over an empty cell) is merged down. A table wider than `LANDSCAPE_COLUMNS` columns stands on a
landscape page inside the portrait report, as agencies print their budget annexes. Styles: `grid` (Word's
"Table Grid"), `horizontal` (rules above and under the header and under every row, no vertical lines),
`zebra` (alternate rows shaded, no rules). Deterministic: the same text gives the same document.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from lkjip_audit.report.render import workbook_pdf
from lkjip_audit.understand.layout import is_header_row

STYLES = ("grid", "horizontal", "zebra")
#: Tables wider than this stand on a landscape page.
LANDSCAPE_COLUMNS = 7


def _blocks(lines: list[str], spaced: dict[int, tuple[int, list[list[str]]]] | None = None):
    """("p", text) for prose lines, ("t", rows) for each table: a run of tab-separated lines, and the run after
    a page's running header or footer (a few short lines) that goes on without a header of its own: the text
    layer the report came from broke one table at a page, the document has it whole. `spaced`: tables an OCR
    text sets out with spaces, not tabs, as the project's text reader read them (first line: last line, rows)."""
    blocks = list(_runs(lines, spaced or {}))
    merged: list = []
    for kind, content in blocks:
        if kind == "t" and _header_count(content) == 0 and merged:
            between = []
            while merged and merged[-1][0] == "p" and len(merged[-1][1]) < 80 and len(between) < 3:
                between.append(merged.pop())
            width = len(merged[-1][1][0]) if merged and merged[-1][0] == "t" else 0
            if width and width - 2 <= len(content[0]) <= width:
                # rows that left out their empty No. cell get it back, as the document's table has it
                merged[-1] = ("t", merged[-1][1] + [[""] * (width - len(r)) + r for r in content])
                continue
            merged.extend(reversed(between))
        merged.append((kind, content))
    yield from merged


def _runs(lines: list[str], spaced: dict[int, tuple[int, list[list[str]]]]):
    table: list[list[str]] = []
    skip_to = 0
    for number, line in enumerate(lines, 1):
        if number <= skip_to:
            continue
        if number in spaced:
            if table:
                yield "t", table
                table = []
            skip_to, rows = spaced[number]
            yield "t", rows
            continue
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            yield "t", table
            table = []
        if line.strip():
            yield "p", line.strip()
    if table:
        yield "t", table


def _borders(table, edges: dict[str, str]) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), edges.get(edge, "nil"))
        if edges.get(edge, "nil") != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    properties.append(borders)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _header_count(rows: list[list[str]]) -> int:
    count = 0
    while count < min(3, len(rows) - 1) and is_header_row(tuple(rows[count])):
        count += 1
    return count


def _write(cell, text: str, bold: bool = False) -> None:
    cell.text = text.strip()
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(7)
            run.font.bold = bold


#: Centimetres a character of a 7 pt figure takes, a cell's left and right padding, the least a column gets.
CHAR_CM, PADDING_CM, MIN_CM = 0.17, 0.45, 1.0


def _widths(rows: list[list[str]], header: int, usable: float) -> list[float]:
    """Column widths as an author sets them: a figure column as wide as its longest figure (figures do not wrap),
    the label columns share the rest by how much text they hold."""
    width = len(rows[0])
    longest = [max((len(r[c].strip()) for r in rows[header:]), default=0) for c in range(width)]
    figures = [all(not r[c].strip() or any(ch.isdigit() for ch in r[c]) and len(r[c].split()) <= 3
                   for r in rows[header:]) for c in range(width)]
    fixed = [max(MIN_CM, longest[c] * CHAR_CM + PADDING_CM) if figures[c] else 0 for c in range(width)]
    text = [sum(len(r[c]) for r in rows[header:]) if not figures[c] else 0 for c in range(width)]
    left = max(usable - sum(fixed), MIN_CM * max(1, sum(1 for t in text if t)))
    widths = [fixed[c] if figures[c] else max(MIN_CM, left * text[c] / (sum(text) or 1)) for c in range(width)]
    # A table wider than the page is narrowed to fit it, as a word processor does: its figures then wrap in
    # their cells (Kediri's Tabel 3.2, 13 columns, lost its last one off a landscape page before).
    scale = min(1.0, usable / sum(widths))
    return [w * scale for w in widths]


def _add_table(doc, rows: list[list[str]], style: str, usable: float) -> None:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header = _header_count(rows)
    table = doc.add_table(rows=len(rows), cols=width)
    if style == "grid":
        table.style = "Table Grid"
    elif style == "horizontal":
        _borders(table, {"top": "single", "bottom": "single", "insideH": "single"})
    else:
        _borders(table, {})
    table.autofit = False
    for c, width_cm in enumerate(_widths(rows, header, usable)):
        table.columns[c].width = Cm(width_cm)  # the grid LibreOffice lays out by
        for cell in table.columns[c].cells:
            cell.width = Cm(width_cm)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            _write(cell, text, bold=r < header)
            if style == "zebra" and r >= header and (r - header) % 2:
                _shade(cell, "D9D9D9")
        if r < header:
            _repeat_header(table.rows[r])
    # Merged header cells, as agencies draw them: a cell with nothing under it down to the last header row, a
    # group title over the empty cells right of it (when every column of the group has a name below).
    for c in range(width):
        if header > 1 and rows[0][c].strip() and not any(rows[r][c].strip() for r in range(1, header)):
            _write(table.cell(0, c).merge(table.cell(header - 1, c)), rows[0][c], bold=True)
    for r in range(header - 1):
        c = 0
        while c < width:
            end = c
            while end + 1 < width and rows[r][c].strip() and not rows[r][end + 1].strip() \
                    and all(rows[r + 1][k].strip() for k in range(c, end + 2)):
                end += 1
            if end > c:
                _write(table.cell(r, c).merge(table.cell(r, end)), rows[r][c], bold=True)
            c = end + 1


def word_document(text: str, path: Path, style: str = "grid",
                  spaced: dict[int, tuple[int, list[list[str]]]] | None = None) -> Path:
    doc = Document()
    first = doc.sections[0]  # the body's section: the last one, whichever sections are added later
    first.left_margin = first.right_margin = Cm(2)
    width, height, margins = first.page_width, first.page_height, first.left_margin + first.right_margin
    for kind, content in _blocks(text.splitlines(), spaced):
        if kind == "p":
            paragraph = doc.add_paragraph(content)
            for run in paragraph.runs:
                run.font.size = Pt(10)
            continue
        wide = max(len(r) for r in content) > LANDSCAPE_COLUMNS
        if wide:
            landscape = doc.add_section()
            landscape.orientation = WD_ORIENT.LANDSCAPE
            landscape.page_width, landscape.page_height = height, width
        _add_table(doc, content, style, ((height if wide else width) - margins) / 360000)  # EMU per cm
        if wide:
            portrait = doc.add_section()
            portrait.orientation = WD_ORIENT.PORTRAIT
            portrait.page_width, portrait.page_height = width, height
    doc.save(path)
    return path


def word_pdf(report: Path, folder: Path, style: str = "grid") -> Path:
    """The report through a Word document and LibreOffice, as `folder/<stem>_<style>.pdf`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = report.read_text(encoding="utf-8")
    document = word_document(text, folder / f"{report.stem}_{style}.docx", style, _spaced_tables(report, text))
    return workbook_pdf(document, folder)


def _spaced_tables(report: Path, text: str) -> dict[int, tuple[int, list[list[str]]]]:
    """The tables of an OCR text that sets them all out with spaces, no tab anywhere (Kutai Kartanegara's), as
    the text reader reads them: the agency's document had them as tables. (A text with tab-separated tables
    keeps its other tables as text: Flores Timur's `Pagu Anggaran Rp. ...` blocks stay paragraphs, as before.)"""
    from lkjip_audit.ingest import read

    lines = text.splitlines()
    if any("\t" in line for line in lines):
        return {}
    tables = {}
    for table in read(report).tables:
        if table.lines and not any("\t" in lines[n - 1] for n in range(table.lines[0], table.lines[1] + 1)):
            tables[table.lines[0]] = (table.lines[1], [list(r.cells) for r in table.rows])
    return tables
