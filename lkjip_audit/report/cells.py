"""Writing cells safely and the few styles every sheet of the workbook shares."""

from __future__ import annotations

import math
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

RED = PatternFill("solid", fgColor="FFC7CE")
AMBER = PatternFill("solid", fgColor="FFEB9C")
GREEN = PatternFill("solid", fgColor="C6EFCE")
HEADER = PatternFill("solid", fgColor="DDEBF7")
CHECKED = PatternFill("solid", fgColor="EEF6E8")  # a printed number a relation checked (and no finding on it)
UNCHECKED = Font(color="808080", italic=True)  # a printed number no relation reached
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
RUPIAH = "#,##0"
MAX_CELL_TEXT = 32_767  # what Excel holds in one cell; longer text makes it refuse the whole file


def put(ws, row: int, column: int, value) -> Cell:
    """Write a value; text is always text, never a formula (`=`, `+`, `-`, `@` stay as typed).

    Control characters (NUL, ESC, ...) that a report may carry are dropped: the file format cannot hold them.
    """
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, str) and len(value) > MAX_CELL_TEXT:
        value = value[:MAX_CELL_TEXT - 20] + " … [dipotong/cut]"
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def note(text: str, author: str, **size) -> Comment:
    """A cell comment; control characters a report's labels may carry are dropped, as in `put`."""
    return Comment(ILLEGAL_CHARACTERS_RE.sub("", text), author, **size)


def row_height(texts: list[str], widths: list[float], bold: bool = False) -> float:
    """Points for a row whose cells wrap: spreadsheet programs do not grow rows written by openpyxl."""
    factor = 1.3 if bold else 1.1  # characters per unit of column width, roughly
    lines = max((sum(math.ceil(max(1, len(part)) * factor / w) for part in (t or "").split("\n"))
                 for t, w in zip(texts, widths)), default=1)
    return 15 * max(1, lines)


def put_header(ws, row: int, titles: list[str], first_column: int = 1) -> None:
    for c, title in enumerate(titles, start=first_column):
        cell = put(ws, row, c, title)
        cell.font, cell.fill = BOLD, HEADER


#: Spreadsheets keep 15 significant digits; a larger figure (a typo of 30 digits, 10^400) is written as text,
#: every digit kept, rather than rounded or refused by the file format.
SPREADSHEET_DIGITS = 15


def number(value: Decimal | None):
    """A Decimal as a spreadsheet number: whole rupiah as int; beyond 15 digits, its digits as text."""
    if value is None:
        return None
    if abs(value) >= Decimal(10) ** SPREADSHEET_DIGITS:
        return f"{value:f}"
    return int(value) if value == value.to_integral_value() else float(value)
