"""Read annex tables published as spreadsheets (`.xlsx`) or delimited text (`.csv`).

A sheet may hold several tables one under another: a blank row ends a table and a
one-cell row above it (`Tabel 3.2 ...`) is its caption. Values are turned back into
the text a reader of the printed report would see (`87,38%` for a cell formatted
as a percentage), so the understanding step reads them like any other table. Each
row keeps its sheet and row number.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections import Counter
from datetime import date, datetime
from itertools import zip_longest
from pathlib import Path

from ..exceptions import InputError
from ..said import Said
from .document import Document, RawRow, RawTable, Repair, file_sha256
from .text import decode

_SAVE_AGAIN = Said("Buka di program lembar kerja lalu simpan ulang sebagai .xlsx",
                   "Open it in a spreadsheet program and save it again as .xlsx")
_NUMBER = re.compile(r"^[\d.,%\s()+-]+$")


def is_xlsx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def read_xlsx(path: Path) -> Document:
    """Every table of every visible sheet, with merged header cells spread over the columns they span.

    Sheets are streamed (openpyxl's read-only mode, values and formulas side by side, merged ranges read
    from the sheet's XML): memory stays flat however many rows a sheet has.
    """
    from openpyxl import load_workbook  # only spreadsheet input needs it at import time

    try:
        values = load_workbook(path, data_only=True, read_only=True)  # formulas as their last computed value
        formulas = load_workbook(path, data_only=False, read_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise InputError(path, Said(f"lembar kerjanya tidak dapat dibuka ({type(exc).__name__})",
                                    f"the spreadsheet cannot be opened ({type(exc).__name__})"), _SAVE_AGAIN) from None
    tables: list[RawTable] = []
    try:
        for ws in values.worksheets:
            if ws.sheet_state != "visible":
                continue
            grid, repairs = _sheet_grid(ws, formulas[ws.title], _merged_ranges(values, ws))
            tables.extend(_tables_in(grid, ws.title, repairs))
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet found while streaming it
        raise InputError(path, Said(f"lembar kerjanya tidak dapat dibaca ({type(exc).__name__})",
                                    f"the spreadsheet cannot be read ({type(exc).__name__})"), _SAVE_AGAIN) from None
    finally:
        values.close()
        formulas.close()
    return Document(path=path, sha256=file_sha256(path), kind="xlsx", lines=[], tables=tables)


def _merged_ranges(workbook, ws) -> list:
    """The merged ranges of a read-only sheet, from its XML (read-only sheets do not keep them)."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.worksheet.cell_range import CellRange

    ranges = []
    with workbook._archive.open(ws._worksheet_path) as source:
        for _, element in iterparse(source):
            if element.tag.endswith("}mergeCell") and element.get("ref"):
                ranges.append(CellRange(element.get("ref")))
            element.clear()  # keep nothing of the rows: they were read by the cell stream
    return ranges


def read_csv(path: Path) -> Document:
    """One delimited file: `,`, `;` or tab, in any common encoding."""
    text = decode(path, path.read_bytes())
    reader = csv.reader(text.splitlines(), delimiter=_delimiter(text.splitlines()[:200]))
    grid = [(reader.line_num, [cell.strip() for cell in row]) for row in reader]
    return Document(path=path, sha256=file_sha256(path), kind="csv", lines=text.splitlines(),
                    tables=list(_tables_in(grid, "", [])))


def _delimiter(lines: list[str]) -> str:
    """The separator that splits the most lines into the same number (2+) of cells.

    csv.Sniffer picks `,` for Indonesian files, where `,` is the decimal mark inside `;`-separated cells.
    """
    def steadiness(delimiter: str) -> int:
        widths = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter) if len(row) > 1)
        return widths.most_common(1)[0][1] if widths else 0

    return max(("\t", ";", ","), key=steadiness)


def _sheet_grid(ws, formula_ws, merged_ranges) -> tuple[list[tuple[int, list[str]]], list[Repair]]:
    """(sheet row number, cell texts) for every row; merged header cells spread; lost formula results noted."""
    from openpyxl.utils import get_column_letter

    repairs: list[Repair] = []
    rows: dict[int, list[str]] = {}
    last = 0
    for number, (row, sources) in enumerate(zip_longest(ws.iter_rows(), formula_ws.iter_rows(), fillvalue=()),
                                            start=1):
        texts = []
        for column, (cell, source_cell) in enumerate(zip_longest(row, sources), start=1):
            value = getattr(cell, "value", None)
            text = cell_text(value, getattr(cell, "number_format", "General"))
            source = getattr(source_cell, "value", None)
            if value is None and isinstance(source, str) and source.startswith("="):
                coordinate = f"{get_column_letter(column)}{number}"
                repairs.append(Repair(number, None, Said(
                    f"{ws.title}!{coordinate}: rumus {source[:60]} tidak punya hasil tersimpan (buka dan simpan "
                    "berkas di program lembar kerja agar dihitung); dibaca kosong",
                    f"{ws.title}!{coordinate}: formula {source[:60]} has no saved result (open and save the file "
                    "in a spreadsheet program to compute it); read as empty")))
            texts.append(text)
        while texts and not texts[-1]:
            texts.pop()
        if texts or (rows and rows[last]):  # an empty row ends a table: kept once per run of them
            rows[number] = texts
            last = number
    for merged in merged_ranges:
        top = rows.get(merged.min_row)
        if top is None or merged.min_col == merged.max_col:
            continue
        top.extend([""] * (merged.max_col - len(top)))
        value = top[merged.min_col - 1]
        if not value or _NUMBER.match(value):
            continue  # a merged number is one value, not one per column
        for column in range(merged.min_col + 1, merged.max_col + 1):
            top[column - 1] = value
        repairs.append(Repair(merged.min_row, None, Said(
            f"{ws.title}!{merged.coord}: sel gabungan '{value[:60]}' diisikan ke kolom yang dicakupnya",
            f"{ws.title}!{merged.coord}: merged cell '{value[:60]}' spread over the columns it spans")))
    return sorted(rows.items()), repairs


def cell_text(value, number_format: str = "General") -> str:
    """A cell's value as the report prints it: integers whole, percentages as `87,38%`, dates ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (int, float)):
        if "%" in number_format:
            decimals = len(number_format.split(".")[1].split("%")[0]) if "." in number_format else 0
            return f"{value * 100:.{decimals}f}".replace(".", ",") + "%"
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        # Plain digits and a decimal point, never `1e+16`: the number reader knows this shape.
        return str(value) if isinstance(value, int) else f"{value:.10f}".rstrip("0").rstrip(".")
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return " ".join(str(value).split())


def _tables_in(grid: list[tuple[int, list[str]]], sheet: str, repairs: list[Repair]):
    """Blocks of consecutive non-empty rows; a one-cell row right above a block is its caption."""
    block: list[tuple[int, list[str]]] = []
    caption = ""
    for number, cells in [*grid, (None, [])]:
        filled = [c for c in cells if c]
        if filled and (len(filled) > 1 or block):
            block.append((number, cells))
            continue
        if block:
            yield _table(block, caption, sheet, repairs)
            block, caption = [], ""
        if len(filled) == 1:
            caption = filled[0]


def _table(block, caption: str, sheet: str, repairs: list[Repair]) -> RawTable:
    width = max(max((i + 1 for i, c in enumerate(cells) if c), default=0) for _, cells in block)
    first, last = block[0][0], block[-1][0]
    rows = [RawRow(cells=tuple((cells + [""] * width)[:width]), line=number) for number, cells in block]
    title = " · ".join(p for p in (sheet, caption) if p)
    return RawTable(rows=rows, caption=title,
                    repairs=[r for r in repairs if r.line is not None and first <= r.line <= last])
