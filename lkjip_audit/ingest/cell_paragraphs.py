"""Tables whose cells OCR (or a copy out of a PDF) put one paragraph each: a row's label as a few short
lines, then its amounts each on a line of its own, blank lines between.

    PROGRAM
    PENGAWASAN
    DAN PEMERIKSAAN

    600.000.000,-

    475.245.927 -

    124.754.073,-

    Terjadi
    Efisiensi

Nothing marks such a layout as a table but the figures: a run of rows is read only when every row holds
the same number of amounts and one relation between them holds on most rows (here sisa = pagu −
realisasi), which also names the columns. A row OCR printed flat on one line (`PROGRAM 8.201.162.000,-
7.216.071.732,- 985.090.268, - Terjadi`) is one of them when it holds as many amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..said import Said
from .document import RawRow, RawTable, Repair
from .spaced import caption_above

# A rupiah amount as printed and as OCR leaves its `,-` (`600.000.000,-`, `475.245.927 -`, `454.598.494. -`).
_AMOUNT = r"(?:Rp\.?\s*)?(?P<amount>\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?)(?:\s*[.,]?\s*-(?!\d))?"
_AMOUNT_LINE = re.compile(rf"^\s*{_AMOUNT}\s*$", re.IGNORECASE)
_AMOUNT_IN_TEXT = re.compile(rf"(?<![\d.,]){_AMOUNT}(?![\d.,]*\d)", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z]{2,}")
_LONE_FIGURE = re.compile(r"^[\d.,]+\s*%?$")
_CAPTION = re.compile(r"^\s*(tabel|table|gambar|grafik)\b", re.IGNORECASE)

#: Rows needed before a run of paragraphs is taken for a table.
MIN_ROWS = 3
#: Amounts per row: fewer and no relation between a row's own figures can confirm the layout.
MIN_AMOUNTS = 3
#: A line with this many words is prose, and ends a table printed one paragraph per cell.
MIN_PROSE_WORDS = 9
#: The share of rows on which the relation must hold (a typo in a row or two is what the audit is for).
MIN_HOLDING_SHARE = 0.6
#: Lines a row's label may take (OCR of a narrow cell breaks it after every word or two).
MAX_LABEL_LINES = 8
#: Lines above the first row within which its `Tabel x.y` caption is looked for: the header OCR read one word
#: a line may stand between (Kukar's Tabel 3.6.1: 12 lines).
CAPTION_REACH = 40


@dataclass
class _Record:
    label: list[tuple[int, str]] = field(default_factory=list)  # (line, text)
    amounts: list[tuple[int, str]] = field(default_factory=list)  # (line, amount as printed, tail dropped)
    flat: bool = False  # printed on one line


def find_cell_paragraph_tables(lines: list[str]) -> list[RawTable]:
    """Runs of at least `MIN_ROWS` rows printed one paragraph per cell whose amounts hold one relation."""
    tables = []
    for run in _runs(_records(lines)):
        table = _table(run, lines)
        if table is not None:
            tables.append(table)
    return tables


def _records(lines: list[str]) -> list[_Record | None]:
    """The rows as printed, in order; None where prose or a caption ends a table."""
    records: list[_Record | None] = []
    paragraph: list[tuple[int, str]] = []  # the text lines since the last blank line or amount
    label: list[tuple[int, str]] = []  # the last paragraph of words before the amounts
    since: list[tuple[int, str]] = []  # every line of words since the last row
    current = _Record()
    resume = 0
    for number, raw in enumerate(lines, start=1):
        if number < resume:
            continue
        text = raw.replace("|", " ").strip()
        if not text:
            if paragraph:
                label, paragraph = paragraph, []
            continue
        amount = _AMOUNT_LINE.match(text)
        if amount:
            if paragraph:
                label, paragraph = paragraph, []
            if not current.amounts:
                current.label = _label(since, label)
            current.amounts.append((number, amount.group("amount")))
            continue
        if current.amounts:  # the words after a row's amounts: its row is over
            records.append(current)
            current, label, since = _Record(), [], []
        inline = list(_AMOUNT_IN_TEXT.finditer(text))
        if len(inline) >= 2:
            before = text[:inline[0].start()].strip()
            flat_label = [(number, before)] if _WORDS.search(before) else []
            # Its label's other lines follow it, with no blank line between (OCR reads the row's first line).
            resume = number + 1
            for following in range(number, min(number + MAX_LABEL_LINES, len(lines))):
                rest = lines[following].replace("|", " ").strip()
                if not rest or not _WORDS.search(rest) or any(ch.isdigit() for ch in rest) \
                        or len(rest.split()) >= MIN_PROSE_WORDS:
                    break
                flat_label.append((following + 1, rest))
                resume = following + 2
            records.append(_Record(label=flat_label, amounts=[(number, m.group("amount")) for m in inline],
                                   flat=True))
            paragraph, label, since = [], [], []
            continue
        if len(text.split()) >= MIN_PROSE_WORDS or _CAPTION.match(text):
            records.append(None)
            paragraph, label, since = [], [], []
            continue
        if not _LONE_FIGURE.match(text):  # a lone `0%` is a cell of another column, not the label's
            paragraph.append((number, text))
            since.append((number, text))
    if current.amounts:
        records.append(current)
    return records


#: How a row's label begins: its level's word or its kode.
_LABEL_START = re.compile(r"^(?:program|kegiatan|sub\s*kegiatan|\d+(?:\.\d+)+)\b", re.IGNORECASE)


def _label(since: list[tuple[int, str]], paragraph: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A row's label lines, of the lines of words since the row above: from the last that begins with a
    level's word or a kode (the row above's last cells and the cells OCR read before the label come first,
    and neither a page break nor a PDF's text layer, which has no blank lines, parts them); else the last
    paragraph."""
    starts = [i for i, (_, text) in enumerate(since) if _LABEL_START.match(text)]
    return since[starts[-1]:][:MAX_LABEL_LINES] if starts else paragraph[-MAX_LABEL_LINES:]


def _runs(records: list[_Record | None]) -> list[list[_Record]]:
    """Consecutive rows with as many amounts each, between prose lines."""
    runs: list[list[_Record]] = []
    for record in records + [None]:
        if runs and runs[-1] and record is not None and len(record.amounts) == len(runs[-1][-1].amounts):
            runs[-1].append(record)
        elif record is not None:
            runs.append([record])
        else:
            runs.append([])
    # Rows printed flat on their line are another layout's (`spaced`); one or two among the paragraphs
    # are the rows OCR read across the table.
    return [run for run in runs if len(run) >= MIN_ROWS and len(run[0].amounts) >= MIN_AMOUNTS
            and sum(not r.flat for r in run) > len(run) / 2]


def _value(amount: str) -> int:
    whole = amount.split(",")[0]
    return int(whole.replace(".", ""))


def _difference(run: list[_Record]) -> tuple[int, int, int, int] | None:
    """The columns (whole, part, rest) with rest = whole − part on most rows, and on how many rows it holds.
    pagu − realisasi = sisa and pagu − sisa = realisasi hold alike: the first in printed order is taken, as
    LKjIP tables print the realisasi before the sisa."""
    width = len(run[0].amounts)
    best = None
    for whole in range(width):
        for part in range(width):
            for rest in range(width):
                if len({whole, part, rest}) < 3:
                    continue
                holds = sum(1 for r in run if _value(r.amounts[whole][1]) - _value(r.amounts[part][1])
                            == _value(r.amounts[rest][1]))
                if best is None or holds > best[3]:
                    best = (whole, part, rest, holds)
    return best


def _table(run: list[_Record], lines: list[str]) -> RawTable | None:
    relation = _difference(run)
    if relation is None:
        return None
    whole, part, rest, holds = relation
    if holds < 2 or holds < MIN_HOLDING_SHARE * len(run):
        return None  # no relation confirms that these paragraphs are a table's cells
    # The relation names the columns; the others keep their place under no name.
    names = {whole: "Pagu", part: "Realisasi", rest: "Sisa"}
    width = len(run[0].amounts)
    rows = []
    for record in run:
        label = " ".join(" ".join(text for _, text in record.label).split())
        first = record.label[0][0] if record.label else record.amounts[0][0]
        cell_lines = (record.label[0][0] if record.label else None, *(line for line, _ in record.amounts))
        rows.append(RawRow(cells=(label, *(amount for _, amount in record.amounts)), line=first,
                           cell_lines=cell_lines))
    first, last = rows[0].line, run[-1].amounts[-1][0]
    # Not printed (OCR lost it): the names the relation gives, on the first row's line as a block table's.
    header = RawRow(cells=("Uraian", *(names.get(c, "") for c in range(width))), line=first)
    flat = [r for r in run if r.flat]
    said_flat = (f"; baris {', '.join(str(r.amounts[0][0]) for r in flat)} tercetak datar pada satu baris"
                 if flat else "")
    said_flat_en = (f"; line(s) {', '.join(str(r.amounts[0][0]) for r in flat)} printed flat on one line"
                    if flat else "")
    repair = Repair(first, None, Said(
        f"baris {first}-{last}: {len(run)} baris tabel tercetak satu paragraf per sel, dibaca karena angkanya "
        f"saling cocok (sisa = pagu − realisasi pada {holds} dari {len(run)} baris), yang juga menamai "
        f"kolomnya{said_flat}",
        f"lines {first}-{last}: {len(run)} table rows printed one paragraph per cell, read because their "
        f"figures agree (sisa = pagu − realisasi on {holds} of {len(run)} rows), which also names its "
        f"columns{said_flat_en}"))
    return RawTable(rows=[header, *rows], caption=caption_above(lines, first, reach=CAPTION_REACH),
                    repairs=[repair], header_rows=1)
