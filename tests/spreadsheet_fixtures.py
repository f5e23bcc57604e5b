"""Real report tables written the way agencies publish annexes: .xlsx with numbers as numbers, merged
headers and formulas, and .csv. Built from the text of the report, so the expected values are the report's."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook

_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+$|^-?\d+$")
_PERCENT = re.compile(r"^(\d+),(\d+)\s*%$")


def tab_table(report: Path, caption_prefix: str, last_row: str | None = None) -> tuple[str, list[list[str]]]:
    """The caption and the tab-separated rows of the table whose caption line starts with `caption_prefix`:
    the rows up to the first line without a tab or, given `last_row`, every tab row up to the one starting
    with it (a table the text breaks over pages)."""
    lines = report.read_text(encoding="utf-8").splitlines()
    start = next(i for i, s in enumerate(lines) if s.startswith(caption_prefix))
    first = next(i for i in range(start, len(lines)) if "\t" in lines[i])
    caption = " ".join(s.strip() for s in lines[start:first] if s.strip())
    rows = []
    for line in lines[first:]:
        if "\t" not in line:
            if last_row is None:
                break
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
        if last_row is not None and line.startswith(last_row):
            break
    return caption, rows


def as_value(text: str):
    """What a spreadsheet cell holds for a printed value: `5.087.297.982` → 5087297982, `81,02%` → 0.8102."""
    if _GROUPED.match(text):
        return int(text.replace(".", ""))
    percent = _PERCENT.match(text)
    if percent:
        return float(f"{percent.group(1)}.{percent.group(2)}") / 100
    return text


def write_xlsx_table(path: Path, caption: str, rows: list[list[str]], header_rows: int,
                     merges: list[str] = (), formulas: dict[str, str] | None = None) -> Path:
    """Caption in A1, the table from row 2: header rows as text, body values as numbers, `merges` merged,
    `formulas` (cell → formula) written in place of printed values (no saved result, as openpyxl writes)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Lampiran"
    ws.append([caption])
    width = max(len(r) for r in rows)
    for n, row in enumerate(rows):
        cells = (row + [""] * width)[:width]
        ws.append([c or None for c in cells] if n < header_rows else [as_value(c) if c else None for c in cells])
    for r in ws.iter_rows(min_row=2 + header_rows):
        for cell in r:
            if isinstance(cell.value, float):
                cell.number_format = "0.00%"
            elif isinstance(cell.value, int):
                cell.number_format = "#,##0"
    for coord in merges:
        ws.merge_cells(coord)
    for coord, formula in (formulas or {}).items():
        ws[coord] = formula
    wb.save(path)
    return path
