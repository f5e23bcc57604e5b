"""Read text extractions of LKjIP reports (`.txt`, `.md`): tab-separated table rows.

PDF-to-text and PDF-to-markdown converters write a table row as one line of
tab-separated cells. A table is a run of such lines; page breaks inside it
leave blank lines and running page headers (`LAPORAN KINERJA ... 2023`)
between its rows, which are bridged and recorded as repairs.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections import Counter
from pathlib import Path

from ..exceptions import InputError
from .blocks import find_block_tables
from .cell_paragraphs import find_cell_paragraph_tables
from .spaced import find_spaced_tables
from ..said import Said
from .document import CAPTION, Document, RawRow, RawTable, Repair, overlaps

#: Non-table lines a table may continue across (blank lines, page furniture).
MAX_GAP_LINES = 6
#: Lines this long are prose: a table never continues across one.
MAX_FURNITURE_CHARS = 100
_STOPS_TABLE = re.compile(r"^\s*(tabel|table|gambar|grafik|sumber|bab\s+[ivx\d]+)\b", re.IGNORECASE)
_NUMBERISH = re.compile(r"\d")


def decode(path: Path, data: bytes) -> str:
    """Decode a text extraction whatever its encoding; refuse binary data clearly."""
    if not data.strip():
        raise InputError(path, Said("berkasnya kosong", "the file is empty"),
                         Said("Ekspor ulang teks laporannya atau periksa nama berkasnya",
                              "Export the report's text again or check the file name"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    elif b"\x00" in data[:4096]:
        text = _decode_utf16_without_bom(path, data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_per_line(data)
    printable = sum(ch.isprintable() or ch in "\t\r\n" for ch in text[:20000])
    if printable < 0.95 * min(len(text), 20000):
        raise InputError(path, Said("ini bukan berkas teks (isinya data biner)",
                                    "this is not a text file (it holds binary data)"),
                         Said("Berikan PDF atau ekstraksi teks laporannya",
                              "Give the PDF or the text extraction of the report"))
    return text


def _decode_per_line(data: bytes) -> str:
    """UTF-8 where a line is UTF-8, Windows-1252 where it is not: a file pasted together from two sources
    keeps the labels of both (one cp1252 byte must not garble every UTF-8 line)."""
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))  # Windows exports; Latin-1 is a subset
    return "\n".join(lines).removeprefix("\ufeff")


#: Only these end a line. `str.splitlines` also splits at form feeds, vertical tabs and Unicode separators,
#: which a PDF-to-text tool leaves inside a table row (a page break): they read as spaces here.
_LINE_END = re.compile(r"\r\n|\r|\n")
_INLINE_BREAKS = re.compile("[\f\v\x1c\x1d\x1e\x85\u2028\u2029]")


def text_lines(text: str) -> list[str]:
    lines = _LINE_END.split(_INLINE_BREAKS.sub(" ", text))
    return lines[:-1] if lines and lines[-1] == "" else lines


def _decode_utf16_without_bom(path: Path, data: bytes) -> str:
    head = data[:4096]
    even_zeros = head[0::2].count(0)
    odd_zeros = head[1::2].count(0)
    encoding = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
    if max(even_zeros, odd_zeros) < len(head) // 4:
        raise InputError(path, Said("ini bukan berkas teks (isinya data biner)",
                                    "this is not a text file (it holds binary data)"),
                         Said("Berikan PDF atau ekstraksi teks laporannya",
                              "Give the PDF or the text extraction of the report"))
    return data.decode(encoding, errors="replace")


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$")  # `|---|:--:|` under a markdown header


def is_pipe_row(line: str) -> bool:
    """A markdown pipe-table row: `| a | b |` (an OCR `|` fragment does not open and close the line)."""
    return bool(_PIPE_ROW.match(line)) and line.count("|") >= 3


def split_cells(line: str) -> tuple[str, ...]:
    """Cells of a tab or pipe row, stripped; a trailing run of empty cells is kept (it aligns columns)."""
    line = line.rstrip("\r\n")
    if is_pipe_row(line) and "\t" not in line:
        inner = line.strip()[1:-1]
        return tuple(cell.strip() for cell in re.split(r"(?<!\\)\|", inner))
    return tuple(cell.strip() for cell in line.split("\t"))


def is_table_line(line: str) -> bool:
    """A line with at least two non-empty cells, tab-separated or a markdown pipe row."""
    if _PIPE_RULE.match(line):
        return False
    if "\t" not in line and not is_pipe_row(line):
        return False
    return sum(1 for cell in split_cells(line) if cell) >= 2


def running_headers(lines: list[str]) -> set[str]:
    """Short lines repeated on many pages: page furniture, never captions or rows."""
    counts = Counter(s.strip() for s in lines if s.strip() and len(s.strip()) <= MAX_FURNITURE_CHARS
                     and "\t" not in s)
    return {text for text, n in counts.items() if n >= 3}


def find_tables(lines: list[str]) -> list[RawTable]:
    """Split the text into tables: maximal runs of tab rows, bridging page breaks."""
    furniture = running_headers(lines)
    tables: list[RawTable] = []
    i, n = 0, len(lines)
    while i < n:
        if not is_table_line(lines[i]):
            i += 1
            continue
        table = RawTable(rows=[], caption=_caption(lines, i, furniture))
        j = i
        while j < n:
            if _PIPE_RULE.match(lines[j]):  # the rule under a markdown header: the table goes on
                j += 1
                continue
            if table.rows and (wrapped := _wrapped_label(table, lines, j)):
                last = table.rows[-1]
                joined = tuple(f"{text} {wrapped[c]}" if c in wrapped else text for c, text in enumerate(last.cells))
                table.rows[-1] = RawRow(joined, line=last.line, page=last.page, cell_lines=last.cell_lines)
                shown = " | ".join(wrapped.values())
                table.repairs.append(Repair(j + 1, None, Said(f"teks terlipat `{shown}` digabung ke baris di atasnya",
                                                             f"wrapped text `{shown}` joined to the row above")))
                j += 1
                continue
            if is_table_line(lines[j]):
                cells = split_cells(lines[j])
                if _repeats_header(table, cells):
                    table.repairs.append(Repair(j + 1, None, Said("baris judul kolom yang berulang dibuang",
                                                                "repeated header row dropped")))
                else:
                    table.rows.append(RawRow(cells, line=j + 1))
                j += 1
                continue
            k = _gap_end(lines, j, furniture)
            if k is None or not (_continues(table, split_cells(lines[k])) or _wrapped_label(table, lines, k)):
                break
            skipped = [lines[x].strip() for x in range(j, k) if lines[x].strip()]
            if skipped:
                table.repairs.append(Repair(j + 1, None, Said(
                    "tabel berlanjut setelah pergantian halaman; dilewati: " + " / ".join(skipped),
                    "table continues after a page break; skipped: " + " / ".join(skipped))))
            j = k
        tables.append(table)
        i = j
    return tables


def _repeats_header(table: RawTable, cells: tuple[str, ...]) -> bool:
    """A header row printed again (a table continued on a new page repeats its header, even after one row)."""
    if len(table.rows) < 2 or any(_NUMBERISH.search(c) for c in cells):
        return False
    return any(cells == row.cells for row in table.rows[:3])


#: Text fragments a wrapped row may leave on its next line (its label, its indicator, ...).
MAX_WRAPPED_CELLS = 3


def _wrapped_label(table: RawTable, lines: list[str], j: int) -> dict[int, str]:
    """A tab line of text fragments only, each under a cell of the row above that holds text, followed by
    a table row: the wrapped end of the row above's texts (a page break may stand between them). A line a
    cell short lost its empty first cell (`No.`), as the rows do. Returns {column: fragment}, or nothing.

        ⇥Sub Kegiatan Pelaksanaan Penilaian Kesehatan KSP/USP⇥Jumlah Unit usaha koperasi yang telah⇥115 ...
        Koperasi Kewenangan Kabupaten/Kota⇥dilakukan penilaian kesehatan⇥⇥⇥
    """
    if "\t" not in lines[j] or not table.rows or j + 1 >= len(lines) or not is_table_line(lines[j + 1]):
        return {}
    cells = split_cells(lines[j])
    width = max(len(r.cells) for r in table.rows)
    shift = width - len(cells)
    fragments = {c + shift: text for c, text in enumerate(cells) if text}
    above = table.rows[-1].cells
    if shift not in (0, 1) or not 0 < len(fragments) <= MAX_WRAPPED_CELLS or min(fragments) == 0:
        return {}
    if any(_NUMBERISH.search(text) for text in fragments.values()):
        return {}
    if not all(c < len(above) and above[c].strip() and not _NUMBERISH.search(above[c]) for c in fragments):
        return {}
    return fragments


def _gap_end(lines: list[str], start: int, furniture: set[str]) -> int | None:
    """Index of the next table line (or wrapped text line) if only blank lines and page furniture come
    before it."""
    k = start
    while k < len(lines) and k - start < MAX_GAP_LINES:
        text = lines[k].strip()
        if is_table_line(lines[k]) or ("\t" in lines[k] and k + 1 < len(lines) and is_table_line(lines[k + 1])
                                       and sum(1 for c in split_cells(lines[k]) if c) == 1):
            return k
        if text and (len(text) > MAX_FURNITURE_CHARS or _STOPS_TABLE.match(text)):
            return None
        if text and text not in furniture and not _PIPE_RULE.match(text) and not re.fullmatch(r"[\d\s\-–—|.]+|halaman.*|page.*", text,
                                                                  re.IGNORECASE):
            return None
        k += 1
    return None


def _continues(table: RawTable, cells: tuple[str, ...]) -> bool:
    """A row after a page break belongs to the table unless it starts a different table."""
    width = max(len(r.cells) for r in table.rows)
    filled = sum(1 for c in cells if c)
    if filled < 2:
        return False
    if not any(_NUMBERISH.search(c) for c in cells):
        # A header-like row: only the table's own header repeated on the next page continues it.
        first = tuple(c for c in table.rows[0].cells if c)
        return tuple(c for c in cells if c) == first
    return len(cells) >= width // 2


def _caption(lines: list[str], start: int, furniture: set[str]) -> str:
    """The nearest `Tabel x.y` heading (with its title lines) or short title line above a table."""
    collected: list[str] = []
    for k in range(start - 1, max(-1, start - 9), -1):
        text = " ".join(lines[k].split())
        if not text or text in furniture:
            continue
        if is_table_line(lines[k]) or len(text) > 200:
            break
        collected.insert(0, text)
        if CAPTION.match(text.lstrip("*_# ")):
            return _unmarked(" ".join(collected))
    if not collected:
        return ""
    # A title set in bold over two lines (`**PERJANJIAN KINERJA ...` / `DINAS ... DEPOK**`) is one caption.
    last = collected[-1]
    if last.endswith(("**", "__")):
        opening = next((k for k in range(len(collected) - 1, -1, -1) if collected[k].startswith(last[-2:])), None)
        if opening is not None:
            return _unmarked(" ".join(collected[opening:]))
    return _unmarked(last)


def _unmarked(caption: str) -> str:
    """A caption without the markdown marks of a text extraction (`**`, `__`, `#`)."""
    return " ".join(re.sub(r"\*\*|__|^#+\s*", " ", caption).split())


def read_text(path: Path) -> Document:
    """Read a text or markdown extraction of a report."""
    data = path.read_bytes()
    text = decode(path, data)
    lines = text_lines(text)
    tables = find_tables(lines) + find_block_tables(lines)
    if not any("\t" in line or is_pipe_row(line) for line in lines):  # OCR or layout text: no cell marks
        tables += find_spaced_tables(lines)
        tables += [t for t in find_cell_paragraph_tables(lines) if not overlaps(t, tables)]
    tables.sort(key=lambda t: t.lines or (0, 0))
    return Document(path=path, sha256=hashlib.sha256(data).hexdigest(), kind="text", lines=lines, tables=tables)
