"""Figures in the prose against the tables: `pagu anggaran sebesar Rp X ... realisasi Rp Y`."""

from __future__ import annotations

import re
from decimal import Decimal

from ..understand.main_table import main_budget_table
from ..understand.model import Level, Role, Table
from ..understand.numbers import format_id, parse_number
from .causes import digit_slip
from .finding import Finding
from ..understand.paragraphs import sentences
from .values import amount

_PAGU = re.compile(r"(?:pagu|anggaran|dialokasikan|mengalokasikan).{0,50}?Rp\.?\s*(\d[\d.,]*\d)", re.IGNORECASE)
_REALISASI = re.compile(r"(?:realisasi|terserap|terealisasi).{0,50}?Rp\.?\s*(\d[\d.,]*\d)", re.IGNORECASE)


def prose_pairs(lines: list[str]) -> list[tuple[int, Decimal, Decimal]]:
    """(line, pagu, realisasi) for each pagu in a prose sentence followed by a realisasi before the next pagu;
    a sentence the text layer wraps over lines is read whole."""
    pairs = []
    for sentence, line_of in sentences(lines):
        pagus = list(_PAGU.finditer(sentence))
        for pagu, following in zip(pagus, [*pagus[1:], None]):
            end = following.start() if following else len(sentence)
            realisasi = _REALISASI.search(sentence, pagu.end(1), end)
            if not realisasi:
                continue
            values = [parse_number(m.group(1).rstrip(",.")) for m in (pagu, realisasi)]
            if all(v is not None and v.is_money_like for v in values):
                pairs.append((line_of(pagu.start(1)), values[0].value, values[1].value))
    return pairs


def _close(a: Decimal, b: Decimal) -> bool:
    return a == b or digit_slip(a, b) is not None


def check_prose_against_tables(tables: list[Table], lines: list[str]) -> list[Finding]:
    """prose-table: a pagu/realisasi pair in the text agrees with the table row it describes.

    A row is the one described when both its figures equal the prose's or differ from them by one digit;
    each figure that differs is a finding.
    """
    findings = []
    # Each budget table's (pagu, realisasi) per row, read once: a long report has many pairs and rows.
    budget = []
    for table in tables:
        pagu_col, real_col = table.column(Role.PAGU), table.column(Role.REALISASI)
        # a table shown, not checked (cells that may not line up) is not compared with the prose either
        if table.has_budget and pagu_col and real_col and not table.uncertain:
            printed_rows = [(row, _printed(row, pagu_col.index, real_col.index)) for row in table.rows]
            budget.append((table, pagu_col, real_col, printed_rows, {tuple(p) for _, p in printed_rows}))
    for line, pagu, realisasi in prose_pairs(lines):
        for table, pagu_col, real_col, printed_rows, printed_set in budget:
            if (pagu, realisasi) in printed_set:
                continue  # a row of this table prints both figures: that is the row the prose describes
            matches = [(row, described) for row, printed in printed_rows
                       if (described := _described(printed, pagu, realisasi))]
            # A Program and its only Kegiatan print the same figures: the prose describes the higher level.
            top = min((row.level.depth for row, _ in matches), default=None)
            for row, printed in matches:
                if row.level.depth != top:
                    continue
                for column, table_value, prose_value in ((pagu_col, printed[0], pagu),
                                                         (real_col, printed[1], realisasi)):
                    if table_value == prose_value:
                        continue
                    text = {"id": f"teks baris {line} menyebut Rp {format_id(prose_value)}",
                            "en": f"the text on line {line} says Rp {prose_value:,}"}
                    findings.append(Finding(
                        rule="prose-table", table=table.id, item=row.label, column=column.header,
                        reported=table_value, expected=prose_value, line=row.line_of(column.index), page=row.page,
                        row_index=row.index, column_index=column.index, detail=text,
                        combined=[row.cells[column.index], lines[line - 1].strip()[:200]]))
    return findings


def _printed(row, pagu_index: int, real_index: int) -> list[Decimal | None]:
    return [amount(row, pagu_index), amount(row, real_index)]


def _described(printed: list[Decimal | None], pagu: Decimal, realisasi: Decimal):
    """A row's (pagu, realisasi) when the prose pair describes it with at least one figure differing."""
    if None in printed or printed == [pagu, realisasi]:
        return None
    if _close(printed[0], pagu) and _close(printed[1], realisasi):
        return printed
    return None


# `7 (tujuh) program`, `15 kegiatan`, `28 Sub Kegiatan`; not `Program/Kegiatan` headings.
_COUNT = re.compile(r"(?<=\s)(\d{1,3})\s*(?:\([a-z ]+\))?\s+(sub\s*kegiatan|kegiatan|program)\b(?!\s*/)",
                    re.IGNORECASE)
_STATES_COUNT = re.compile(r"\b(melaksanakan|dilaksanakan|sebanyak|terdiri (atas|dari)|meliputi|menjalankan|"
                           r"terdapat|memiliki|mengelola)\b[^.]{0,40}?\d{1,3}\s*(\([a-z ]+\))?\s*program",
                           re.IGNORECASE)
_LEVEL_OF = {"program": Level.PROGRAM, "kegiatan": Level.KEGIATAN, "subkegiatan": Level.SUB_KEGIATAN}


def check_prose_counts(tables: list[Table], lines: list[str]) -> list[Finding]:
    """prose-counts: `7 program dan 15 kegiatan` in the text agrees with the main budget table's rows."""
    main = main_budget_table(tables)
    if main is None:
        return []
    in_table = {level: sum(r.level is level for r in main.rows) for level in _LEVEL_OF.values()}
    if not in_table[Level.PROGRAM]:
        return []
    findings = []
    for line, line_of in sentences(lines):  # a sentence a PDF text layer wraps is read whole
        matches = list(_COUNT.finditer(" " + line))
        counts = {_LEVEL_OF[m.group(2).lower().replace(" ", "")]: (int(m.group(1)), m.group(0)) for m in matches}
        # Only a sentence that says what the agency carried out; a Programme's own Kegiatan (`melalui 5
        # kegiatan`) is not the agency's, and a PDF's text layer holds table rows (`2 1 0 PROGRAM ...`).
        if Level.PROGRAM not in counts or not _STATES_COUNT.search(line):
            continue
        for level, (stated, text) in counts.items():
            if in_table[level] and stated != in_table[level]:
                findings.append(Finding(
                    rule="prose-counts", table=main.id, item=main.id, column=level.value,
                    reported=Decimal(stated), expected=Decimal(in_table[level]),
                    line=line_of(max(matches[0].start() - 1, 0)),
                    combined=[text.strip()]))
    return findings
