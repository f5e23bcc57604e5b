"""What every reader returns: raw tables with their provenance."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..said import Said

#: A table's caption line (`Tabel 3.2 ...`, `Tabel c. Data PNS ...`): it stands above a table, never inside one.
CAPTION = re.compile(r"^\s*(tabel|table)\b", re.IGNORECASE)


def file_sha256(path: Path) -> str:
    """sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class RawRow:
    """One table row as extracted: cell texts and where they stand in the source."""

    cells: tuple[str, ...]
    line: int | None = None  # 1-based line of a text input
    page: int | None = None  # 1-based page of a PDF input
    cell_lines: tuple[int | None, ...] | None = None  # per cell, where a row's cells stand on several lines
    cell_boxes: tuple[tuple[float, float, float, float], ...] | None = None  # per cell, PDF x1, y1, x2, y2

    def line_of(self, index: int) -> int | None:
        if self.cell_lines and index < len(self.cell_lines) and self.cell_lines[index] is not None:
            return self.cell_lines[index]
        return self.line


@dataclass(frozen=True)
class Repair:
    """A change the reader made to the extracted layout, kept so an evaluator can see it."""

    line: int | None
    page: int | None
    what: Said  # in both languages (`said.Said`)


@dataclass
class RawTable:
    """A table as found in the source, before any interpretation."""

    rows: list[RawRow]
    caption: str = ""
    repairs: list[Repair] = field(default_factory=list)
    header_rows: int | None = None  # set when the reader knows it; otherwise found from the rows
    uncertain: str = ""  # (a `Said`) why the extracted cells may not be where the report put them; empty when sure
    ocr: bool = False  # some of its rows were read by OCR from a scanned page

    @property
    def lines(self) -> tuple[int, int] | None:
        numbers = [r.line for r in self.rows if r.line is not None]
        return (min(numbers), max(numbers)) if numbers else None

    @property
    def page(self) -> int | None:
        pages = [r.page for r in self.rows if r.page is not None]
        return min(pages) if pages else None


def overlaps(table: RawTable, others: list[RawTable]) -> bool:
    """Whether `table`'s lines run into one of the `others` (another reader found those rows first)."""
    first, last = table.lines or (0, 0)
    return any(o.lines and o.lines[0] <= last and first <= o.lines[1] for o in others)


@dataclass
class Document:
    """A report as read: its identity, its text lines (for prose checks) and its tables."""

    path: Path
    sha256: str
    kind: str  # "text", "pdf", "xlsx", ...
    lines: list[str]
    tables: list[RawTable]
    line_pages: list[int] | None = None  # per text line, its page (PDF input)
    ocr_words: list = field(default_factory=list)  # `ingest.ocr.OcrWord`s of the pages read by OCR
