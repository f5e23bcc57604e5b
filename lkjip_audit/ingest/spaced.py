"""Tables whose cells are separated by spaces only: OCR output and plain layout text.

    2.17.01.2.02 Administrasi Keuangan Perangkat 8.867.651.075 7.965.194.669 89.82 | 902.456.406
    Daerah
    2.17.01.2.02.01 Penyediaan Gaji dan Tunjangan ASN 8.763.210.075 7.863.494.669 89.73 | 899.715.406

A row starts with a kode or a number, carries a label, and ends with at least three
numbers; the lines after it that hold only words continue its label. Stray `|` left
by OCR from the table's rules are dropped. Every such repair is recorded.
"""

from __future__ import annotations

import re
from collections import Counter

from ..said import Said
from .document import CAPTION, RawRow, RawTable, Repair

_NUMBER = r"\(?-?\d[\d.,]*\)?%?|-"
_ROW = re.compile(rf"^\s*(?P<marker>\d+(?:\.\d+)+|\d{{1,2}}\.?|[A-Z]\.)?\s+(?P<label>\D.*?)\s+"
                  rf"(?P<numbers>(?:(?:{_NUMBER})\s+){{2,}}(?:{_NUMBER}))\s*$")
#: A kode standing alone on a line (`2.17.01.2.09.06`): a table going on one cell per line. Not an amount
#: (`75.000.000`: every group after the first of three digits).
KODE_ALONE = re.compile(r"^\|?\s*(?!\d{1,3}(?:\.\d{3})+\s*$)\d+(\.\d+){2,}\s*$")
_WORDS_ONLY = re.compile(r"^[^\d]*[A-Za-z][^\d]*$")
#: A note under a table (`Sumber: ...`, `Keterangan: ...`): never the rest of a row's label.
_NOTE = re.compile(r"^\s*(sumber|source|keterangan|ket\.|catatan|note)\b", re.IGNORECASE)
MIN_ROWS = 3
MAX_CONTINUATION_LINES = 3
_PERCENT = re.compile(r"^\d{1,3}([.,]\d{1,2})?%?$")


def find_spaced_tables(lines: list[str]) -> list[RawTable]:
    """Runs of at least three space-separated number rows, with their label continuations, and their rows
    that go on one cell per line."""
    tables: list[RawTable] = []
    current: list[tuple[int, list[str]]] = []
    repairs: list[Repair] = []
    gap = 0
    cell_lines: dict[int, tuple[int, ...]] = {}  # a row read one cell per line: where each cell stands
    resume = 0
    for number, raw in enumerate(lines, start=1):
        if number < resume:
            continue
        line = raw.replace("|", " ")
        match = _ROW.match(line)
        if match:
            if "|" in raw:
                repairs.append(Repair(number, None, Said("sisa garis OCR `|` di antara sel dibuang",
                                                          "OCR rule fragment `|` dropped between cells")))
            cells = [match.group("marker") or "", match.group("label").strip(), *match.group("numbers").split()]
            current.append((number, cells))
            gap = 0
            continue
        text = line.strip()
        if current and text and _WORDS_ONLY.match(text) and gap < MAX_CONTINUATION_LINES and len(text) < 80 \
                and not _NOTE.match(text):
            current[-1][1][1] += " " + " ".join(text.split())
            repairs.append(Repair(number, None, Said(
                f"uraian yang berlanjut di baris {number} digabung ke baris {current[-1][0]}",
                f"label continued on line {number} joined to line {current[-1][0]}")))
            gap += 1
            continue
        if not text and current and gap < MAX_CONTINUATION_LINES:
            gap += 1
            continue
        if current and _kode_follows(lines, number - 1):
            # A kode whose cells stand one per line: the table goes on in that layout. Its records are read
            # when their figures confirm it (as many as the rows above print); else the table ends here, and
            # the last parent row's children may go on there, so it is not kept half-summed.
            width = Counter(len(cells) - 2 for _, cells in current).most_common(1)[0][0]
            records, end, carried = read_cells_per_line(lines, number - 1, width)
            if records:
                if carried:
                    current[-1][1][1] += " " + " ".join(" ".join(carried).split())
                repairs.append(Repair(records[0][0], None, Said(
                    f"baris {records[0][0]}-{end}: {len(records)} baris tabel tercetak satu sel per baris, dibaca "
                    f"menurut kodenya (tiap baris berangka memuat {width} angka seperti baris di atasnya)",
                    f"lines {records[0][0]}-{end}: {len(records)} table rows printed one cell per line, read by "
                    f"their kode (each row with figures holds {width} numbers, as the rows above)")))
                for first, cells, where in records:
                    current.append((first, cells))
                    cell_lines[first] = where
                # Its last row's label stood before its figures: words after them are no part of it.
                resume, gap = end + 1, MAX_CONTINUATION_LINES
                continue
            current = _drop_open_parent(current, repairs, number)
        _close(tables, current, repairs, lines, cell_lines)
        current, repairs, gap = [], [], 0
    _close(tables, current, repairs, lines, cell_lines)
    return tables


_ONE_NUMBER = re.compile(rf"^\s*(?:{_NUMBER})\s*$")
#: A table printed one cell per line: records whose figures are not as many as the rows above print, in more
#: than this share of the records with figures, and the layout is not this one.
MAX_ODD_RECORDS = 0.2
#: Blank lines in a row after which a table printed one cell per line is over.
MAX_BLANK_RUN = 4


def read_cells_per_line(lines: list[str], start: int, width: int
                        ) -> tuple[list[tuple[int, list[str], tuple[int, ...]]], int, list[str]]:
    """Rows printed one cell per line from `lines[start]` (0-based) on: a kode alone on its line starts a
    row, the lines of words after it are its label, the lines holding one number each are its figures:

        2.17.01.2.09.06
        Pemeliharaan Peralatan dan Mesin
        Lainnya
        75.000.000
        70.695.000
        94.26
        4.305.000

    Returns the rows as (first line, cells, each cell's line), the last line read (1-based) and the lines of
    words before the first kode (the label of the row above going on); no rows
    when the figures do not confirm the layout (rows with figures must mostly have `width` of them, as the
    rows printed whole above). It stops at a line that is neither (prose, a caption, a row printed whole)."""
    records: list[list] = []  # [first line, kode, label parts, numbers, lines]
    carried: list[str] = []
    blank_run, last = 0, start
    for index in range(start, len(lines)):
        text = lines[index].replace("|", " ").strip()
        number = index + 1
        if not text:
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        if KODE_ALONE.match(lines[index]):
            records.append([number, text, [], [], [number]])
        elif records and _ONE_NUMBER.match(text) and len(records[-1][3]) == width and \
                _LOST_DOT_KODE.match(text) and _words_next(lines, index + 1):
            # After a row's full set of figures, a number with words after it is the next row's kode OCR read
            # without one of its dots (`217.07` for `2.17.07`).
            records.append([number, text, [], [], [number]])
        elif records and _ONE_NUMBER.match(text):
            records[-1][3].append(text)
            records[-1][4].append(number)
        elif len(text) < 80 and not CAPTION.match(text) and not _ROW.match(text) and not _ONE_NUMBER.match(text) \
                and (not records or not records[-1][3] or _kode_next(lines, index + 1)):
            # Words after a row's figures, right before the next kode: the rest of its label, set after its
            # figures (OCR reads a cell's last line late).
            if not records:  # the label of the row printed whole above goes on
                carried.append(text)
            else:
                if not records[-1][2]:
                    records[-1][4].append(number)
                records[-1][2].append(text)
        else:
            break
        last = number
    with_figures = [r for r in records if r[3]]
    odd = [r for r in with_figures if len(r[3]) != width]
    if not with_figures or len(odd) > MAX_ODD_RECORDS * len(with_figures) or any(len(r[3]) > width for r in odd):
        return [], start, []
    rows = []
    for first, kode, label, numbers, where in records:
        # A row with fewer figures keeps them from the left, like a row printed whole that lost a cell.
        cells = [kode, " ".join(" ".join(label).split()), *numbers]
        # `where`: the kode's line, the label's first line (when it has one), the figures' lines.
        label_line = where[1] if label and len(where) > 1 else None
        figure_lines = where[2:] if label else where[1:]
        rows.append((first, cells, (where[0], label_line, *figure_lines)))
    return rows, last, carried


#: A kode that lost a dot reads as a number with groups of one or two digits after its dots (`217.07`).
_LOST_DOT_KODE = re.compile(r"^\d+(?:\.\d{1,2})+$")


def _words_next(lines: list[str], index: int) -> bool:
    """The next line with text is words, not a figure nor a kode."""
    following = next((s.replace("|", " ").strip() for s in lines[index:] if s.strip()), "")
    return bool(re.search(r"[^\W\d_]{3,}", following)) and not _ONE_NUMBER.match(following) \
        and not KODE_ALONE.match(following)


def _kode_next(lines: list[str], index: int) -> bool:
    """Whether the next non-empty line from `index` (0-based) is a kode standing alone."""
    following = next((s for s in lines[index:index + MAX_BLANK_RUN + 1] if s.strip()), "")
    return bool(KODE_ALONE.match(following))


def _kode_follows(lines: list[str], index: int) -> bool:
    """Whether one of the next few non-empty lines (from `index`, 0-based) is a kode standing alone."""
    ahead = [s.strip() for s in lines[index:index + 8] if s.strip()][:3]
    return any(KODE_ALONE.match(s) for s in ahead)


def _segments(kode: str) -> int:
    return len(kode.split(".")) if "." in kode else 0


def open_group_start(kodes: list[str]) -> int | None:
    """Where the last parent row (a kode with fewer segments than the deepest) starts its group."""
    deepest = max((_segments(k) for k in kodes), default=0)
    parents = [i for i, kode in enumerate(kodes) if 0 < _segments(kode) < deepest]
    return parents[-1] if parents else None


def _drop_open_parent(rows: list[tuple[int, list[str]]], repairs: list[Repair], cut: int):
    start = open_group_start([cells[0] for _, cells in rows])
    if start is None:
        return rows
    repairs.append(Repair(rows[start][0], None, Said(
        f"baris mulai baris {rows[start][0]} tidak dibaca: kelompoknya berlanjut di baris {cut} dengan satu sel "
        "per baris, yang tidak dibaca",
        f"rows from line {rows[start][0]} left out: their group goes on at line {cut} with one cell per line, "
        "which is not read")))
    return rows[:start]


def _close(tables: list[RawTable], rows: list[tuple[int, list[str]]], repairs: list[Repair],
           lines: list[str], cell_lines: dict[int, tuple[int, ...]] | None = None) -> None:
    if len(rows) < MIN_ROWS:
        return
    # A row with fewer numbers lost a cell: line its percentage up with the other rows' (the one number
    # that is easy to tell), else keep its numbers from the left (money columns come first).
    width = max(len(cells) for _, cells in rows)
    anchors = Counter(_percent_at(cells[2:]) for _, cells in rows if len(cells) == width)
    anchor = anchors.most_common(1)[0][0] if anchors else None
    raw_rows = []
    for number, cells in rows:
        numbers = cells[2:]
        missing = width - len(cells)
        own = _percent_at(numbers)
        before = min(max(anchor - own, 0), missing) if missing and anchor is not None and own is not None else 0
        padded = [""] * before + numbers + [""] * (missing - before)
        where = (cell_lines or {}).get(number)
        if where is not None:  # each cell's own line, its label's first; moved with the padding
            figures = list(where[2:])
            where = where[:2] + tuple([None] * before + figures + [None] * (missing - before))
        raw_rows.append(RawRow(cells=tuple(cells[:2] + padded), line=number, cell_lines=where))
        if missing:
            repairs.append(Repair(number, None, Said(
                f"baris berisi {len(numbers)} dari {width - 2} angka: {missing} sel kosong ditempatkan menurut "
                "persentasenya",
                f"row has {len(numbers)} of {width - 2} numbers: {missing} empty cell(s) placed by its percentage")))
    tables.append(RawTable(rows=raw_rows, caption=caption_above(lines, rows[0][0]), repairs=list(repairs),
                           header_rows=0))


def _percent_at(numbers: list[str]) -> int | None:
    """Where a row's percentage stands among its numbers: `89.82`, `78`, `100,00%` (not a rupiah amount)."""
    for index, token in enumerate(numbers):
        if _PERCENT.match(token):
            return index
    return None


def caption_above(lines: list[str], first: int, reach: int = 15) -> str:
    """The nearest `Tabel x.y` line within `reach` lines above the table, with the title line after it."""
    for index in range(first - 2, max(-1, first - 1 - reach), -1):
        if CAPTION.match(lines[index]):
            title = next((s.strip() for s in lines[index + 1:first - 1] if s.strip()), "")
            return " ".join(p for p in (lines[index].strip(), title) if p)
    return ""
