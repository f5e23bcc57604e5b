"""The audit workbook: findings an evaluator works in, and every table with its offending cells marked.

An evaluator's work survives a re-run (see `carry_over`): Status and Catatan by the finding's key, notes on
findings that no longer occur, and whatever cannot stand where it stood, in the Arsip sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from rapidfuzz import fuzz, process
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink

from .. import __version__
from ..checks.finding import Finding
from ..checks.rules import RULES
from ..said import shown
from ..checks.tolerance import EXACT, Tolerance
from ..exceptions import OutputError
from ..understand.identity import ReportIdentity
from ..understand.model import Table
from ..said import Said
from .atomic import WorkbookChanged, write_atomically
from .carry_over import (EVALUATOR_FIELDS, FINDING_FIELDS, TOOL_AUTHOR, FileState, Previous, put_back,
                         read_previous, remember_tool_cells)
from .cells import AMBER, BOLD, CHECKED, HEADER, RED, UNCHECKED, put, row_height
from .cells import note as cell_note
from .cells import number as _number
from .labels import STATUS_CHOICES, kind_text, severity_text, text
from .checklist_sheet import read_checklist_notes, write_checklist_sheet
from .summary_sheet import write_summary_sheet
from .trail_sheet import read_history, write_trail_sheet

WRAPPED_WIDTHS = {"message": 70, "item": 34, "column": 22, "cause": 34, "note": 40}  # Temuan's text columns


@dataclass(frozen=True)
class ReportInfo:
    """What the Ringkasan and Jejak audit sheets say about the run."""

    report: str
    source: str
    sha256: str
    identity: ReportIdentity = ReportIdentity(None, None, None)
    tolerance: Tolerance = EXACT
    started_at: str = ""
    seconds: float = 0.0
    parameters: dict = field(default_factory=dict)
    tool_version: str = __version__


#: Excel's limit on a sheet name, and the characters it refuses in one.
SHEET_NAME_CHARS = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
#: A caption that reads as a title, not a sentence of prose taken from above the table.
_TITLE_LIKE = re.compile(r"^(tabel|table|daftar|rekap|data|capaian|realisasi|perbandingan|perjanjian|"
                         r"pencapaian|\d+(\.\d+)*\.?\s)", re.IGNORECASE)


def sheet_name(table: Table, lang: str = "id") -> str:
    """The table's sheet: its id (as the Temuan sheet names it) and the start of its caption, e.g.
    `T36 Tabel 3.7 Realisasi Anggar`; its kind (`T22 realisasi anggaran`) when the caption is a sentence
    rather than a title, or there is none."""
    title = short_title(table.caption) or (kind_text(table.kind, lang) if table.kind != "other" else "")
    return f"{table.id} {title}".strip()[:SHEET_NAME_CHARS].rstrip(" '.-")


def short_title(caption: str) -> str:
    """The caption as a title: `Tabel : 3.2. CAPAIAN ...` → `Tabel 3.2 CAPAIAN ...`; empty for prose."""
    text = " ".join(_NOT_IN_SHEET_NAMES.sub(" ", caption or "").split()).strip(" '")
    text = re.sub(r"^(tabel|table)\s*[:.]?\s*", r"\1 ", text, flags=re.IGNORECASE)
    text = re.sub(r"^((?:tabel|table) [\w.]*?)\.(\s)", r"\1\2", text, flags=re.IGNORECASE)
    looks_like_title = _TITLE_LIKE.match(text) or (text.upper() == text and len(text) <= 120)
    return text if text and looks_like_title and not text.endswith(":") else ""


def _finding_columns(lang: str) -> list[tuple[str, str]]:
    return [(k, text(k, lang)) for k in FINDING_FIELDS]


def write_workbook(path: Path, info: ReportInfo, tables: list[Table], findings: list[Finding],
                   lang: str = "id", checklist=None, coverage=None, contents=None, stated=()) -> Path:
    """Write the workbook atomically, carrying over the evaluator's work from the previous one.

    The previous workbook is read, the new one built, and just before it replaces the file the file is
    compared with what was read: a save made meanwhile (the evaluator working on) is read and merged again.
    """
    path = Path(path)
    for _ in range(3):
        previous = read_previous(path, read_history, read_checklist_notes)
        wb = _build(previous, info, tables, findings, lang, checklist, coverage, contents, stated)
        try:
            return write_atomically(path, lambda tmp: wb.save(tmp),
                                    unchanged=lambda: FileState.of(path) == previous.state)
        except WorkbookChanged:
            continue
    raise OutputError(Said(f"{path}: buku kerja ini berulang kali disimpan di tempat lain selama audit "
                           "berjalan. Tutup di sana lalu jalankan lagi",
                           f"{path}: the workbook was saved elsewhere again and again while the audit ran. "
                           "Close it there and run again"))


def _build(previous: Previous, info: ReportInfo, tables, findings, lang, checklist, coverage,
           contents=None, stated=()) -> Workbook:
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    by_table = {c.table: c for c in coverage or []}
    wb = Workbook()
    summary_ws = wb.active
    summary_ws.title = text("sheet_summary", lang)
    write_summary_sheet(summary_ws, info, tables, findings, lang, coverage, stated)
    findings_ws = wb.create_sheet(text("sheet_findings", lang))
    index_ws = wb.create_sheet(text("sheet_index", lang))
    sheeted = tables_with_sheets(tables, findings)
    table_sheets = {t.id: _write_table_sheet(wb, t, findings, lang, by_table.get(t.id))
                    for t in tables if t.id in sheeted}
    _write_index_sheet(index_ws, tables, findings, by_table, lang, sheeted)
    _write_findings_sheet(findings_ws, findings, table_sheets, previous, lang)
    archive = list(previous.archive)
    current = {f.key for f in findings}
    messages = {f.id: f.message(lang) for f in findings}
    for key, saved in previous.notes.items():
        if key not in current:
            extra = "; ".join(f"{h}: {v}" for h, v in saved.get("extra", {}).items())
            archive.append([key, saved.get("message"), *(saved.get(f) for f in EVALUATOR_FIELDS), now, None,
                            _most_similar(saved.get("message"), messages), extra or None])
    if checklist:
        write_checklist_sheet(wb, checklist, previous.checklist_notes, lang, contents)
    _write_method_sheet(wb, info.tolerance, lang)
    write_trail_sheet(wb, info, len(findings), previous.history, lang)
    for ws in wb.worksheets:
        _print_setup(ws)
    # What the tool wrote is remembered before the evaluator's cells go back in: those stay theirs.
    remember_tool_cells(wb)
    put_back(wb, previous, {sheet_name(t, lang) for t in tables}, archive, now)
    _write_archive_sheet(wb, archive, lang)
    remember_tool_cells(wb, [wb[text("sheet_archive", lang)]])
    return wb


def _most_similar(message: str | None, messages: dict[str, str]) -> str | None:
    """A hint for an archived note: the current finding whose message reads most like the note's finding."""
    if not message or not messages:
        return None
    best = process.extractOne(message, messages, scorer=fuzz.token_sort_ratio, score_cutoff=60)
    return None if best is None else f"{best[2]}: {best[0]}"


#: What fits across an A4 landscape page at 100 %, in Excel's column-width units (about one character each).
PRINTABLE_WIDTH = 130
#: Smallest scale a sheet is shrunk to so that it prints one page wide: below it, type is too small to read
#: and the sheet prints over several pages across instead, its header rows repeated on each.
MIN_PRINT_SCALE = 0.68
#: The row holding the column headers, per sheet kind (repeated on every printed page).
HEADER_ROWS = {"table": "3:3", "findings": "1:1", "index": "3:3"}


def _print_setup(ws) -> None:
    """Working papers get printed: A4 landscape, one page wide where the columns allow it at a readable size,
    the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    width = sum(ws.column_dimensions[get_column_letter(c)].width or 13
                for c in range(1, (ws.max_column or 1) + 1) if not ws.column_dimensions[get_column_letter(c)].hidden)
    if width * MIN_PRINT_SCALE <= PRINTABLE_WIDTH:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    else:
        # Pages across, a row's pieces on consecutive pages, each starting with the first column (the id).
        ws.page_setup.pageOrder = "overThenDown"
        ws.print_title_cols = getattr(ws, "_lkjip_title_cols", "A:A")
    rows = HEADER_ROWS.get(getattr(ws, "_lkjip_kind", ""))
    if rows:
        ws.print_title_rows = rows


def _write_findings_sheet(ws, findings, table_sheets, previous: Previous, lang) -> None:
    ws._lkjip_kind = "findings"
    notes = previous.notes
    columns = _finding_columns(lang) + [(h, h) for h in previous.extra_headers]
    for c, (_, title) in enumerate(columns, start=1):
        put(ws, 1, c, title).font = BOLD
        ws.cell(row=1, column=c).fill = HEADER
    status = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES[lang]) + '"', allow_blank=True)
    ws.add_data_validation(status)
    for r, finding in enumerate(findings, start=2):
        saved = notes.get(finding.key, {})
        values = {"id": finding.id, "key": finding.key, "rule": finding.rule,
                  "severity": severity_text(finding.severity, lang),
                  "table": finding.table, "line": finding.line if finding.line is not None else finding.page,
                  "item": finding.item, "column": finding.column,
                  "reported": _number(finding.reported), "expected": _number(finding.expected),
                  "difference": _number(finding.difference), "cause": finding.cause_text(lang),
                  "message": finding.message(lang),
                  **{f: saved.get(f) for f in EVALUATOR_FIELDS},
                  **{h: saved.get("extra", {}).get(h) for h in previous.extra_headers}}
        for c, (key, _) in enumerate(columns, start=1):
            cell = put(ws, r, c, values[key])
            if key in ("reported", "expected", "difference"):
                cell.number_format = "#,##0" if isinstance(values[key], int) else "#,##0.00"
            cell.alignment = Alignment(wrap_text=key in WRAPPED_WIDTHS, vertical="top")
        ws.row_dimensions[r].height = row_height([str(values[k] or "") for k in WRAPPED_WIDTHS],
                                              list(WRAPPED_WIDTHS.values()))
        target = table_sheets.get(finding.table, {}).get((finding.row_index, finding.column_index))
        if target:
            ws.cell(row=r, column=1).hyperlink = Hyperlink(ref=f"A{r}", location=target)
            ws.cell(row=r, column=1).font = Font(color="0563C1", underline="single")
    if findings:  # one range: added cell by cell, openpyxl's check for overlaps made this quadratic
        status_col = get_column_letter([k for k, _ in columns].index("status") + 1)
        status.add(f"{status_col}2:{status_col}{len(findings) + 1}")
    # Rows the evaluator added (no key): kept under the tool's, as they were typed.
    titles = [title for _, title in columns]
    for r, added in enumerate(previous.added_rows, start=len(findings) + 2):
        for title, value in added.items():
            if title in titles:
                ws.cell(row=r, column=titles.index(title) + 1, value=value)
    for c, (key, _) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = WRAPPED_WIDTHS.get(key, 14 if key != "id" else 10)
    # The key only carries notes over to the next run: kept, but out of the evaluator's way.
    ws.column_dimensions[get_column_letter([k for k, _ in columns].index("key") + 1)].hidden = True
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(findings) + len(previous.added_rows) + 1)}"


def _write_table_sheet(wb, table: Table, findings: list[Finding], lang: str, coverage=None) -> dict:
    """One sheet per table; returns the cell reference of each (row, column) a finding points at.

    With `coverage`, every printed number shows what became of it: a finding (red or amber, with a comment),
    checked by a relation (pale green; the row's relations in the last column), or not checked (grey, the
    reasons listed under the table)."""
    ws = wb.create_sheet(sheet_name(table, lang))
    ws._lkjip_kind = "table"  # the evaluator's cells on it go to Arsip: its name is an ordinal (carry_over)
    label = next((c.index for c in table.columns if c.role.value in ("label", "indikator")), 0)
    # Printed over several pages across, each page starts with the columns naming the row (No., label).
    ws._lkjip_title_cols = f"A:{get_column_letter(label + 1)}" if label < 3 else "A:A"
    put(ws, 1, 1, f"{table.id}: {table.caption}" if table.caption else table.id).font = Font(bold=True, size=12)
    kind = text("kind", lang) + f": {kind_text(table.kind, lang)}"
    if coverage is not None and coverage.numbers:
        kind += "   " + text("coverage_line", lang).format(checked=coverage.checked, numbers=coverage.numbers)
    put(ws, 2, 1, kind)
    header_row = 3
    extra = [text("level", lang), text("source_line", lang), text("relations", lang)]
    widths = [45 if column.role.value in ("label", "indikator") else 16 for column in table.columns]
    for c, column in enumerate(table.columns, start=1):
        put(ws, header_row, c, column.header or f"({column.index + 1})").font = BOLD
        ws.cell(row=header_row, column=c).fill = HEADER
        ws.cell(row=header_row, column=c).alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(c)].width = widths[c - 1]
    ws.row_dimensions[header_row].height = row_height([c.header for c in table.columns], widths, bold=True)
    for k, title in enumerate(extra, start=len(table.columns) + 1):
        put(ws, header_row, k, title).font = BOLD
        ws.cell(row=header_row, column=k).fill = HEADER
    refs = {}
    first = header_row + 1
    for r, row in enumerate(table.rows, start=first):
        for column in table.columns:
            value = row.values[column.index]
            raw = row.cells[column.index]
            if value is not None and value.value is not None and not value.unit:
                cell = put(ws, r, column.index + 1, _number(value.value))
                cell.number_format = (f"0.{'0' * value.decimals}\"%\"" if value.percent and value.decimals
                                      else '0"%"' if value.percent
                                      else "#,##0" if value.decimals == 0 else f"#,##0.{'0' * value.decimals}")
            else:
                cell = put(ws, r, column.index + 1, raw)
            indent = max(0, min(row.level.depth, 4) - 1) * 2 if column.role.value == "label" else 0
            cell.alignment = Alignment(indent=indent, wrap_text=True, vertical="top")
            refs[(row.index, column.index)] = f"'{ws.title}'!{cell.coordinate}"
        ws.row_dimensions[r].height = row_height(row.cells, widths)
        related = coverage.row_kinds(row.index, lang) if coverage is not None else ""
        for k, value in enumerate((row.level.value, row.line if row.line is not None else row.page, related),
                                  start=len(table.columns) + 1):
            put(ws, r, k, value or None).alignment = Alignment(vertical="top")
        if coverage is not None:
            for column in table.columns:
                status = coverage.status.get((row.index, column.index))
                if status == "checked":
                    ws.cell(row=r, column=column.index + 1).fill = CHECKED
                elif status == "unchecked":
                    ws.cell(row=r, column=column.index + 1).font = UNCHECKED
        if row.level.depth <= 1:
            for c in range(1, len(table.columns) + 1):
                ws.cell(row=r, column=c).font = BOLD
    by_cell: dict[tuple, list[Finding]] = {}
    for finding in findings:
        if finding.table == table.id and finding.row_index is not None:
            by_cell.setdefault((finding.row_index, finding.column_index), []).append(finding)
    for (row_index, column_index), cell_findings in by_cell.items():
        cell = ws.cell(row=first + row_index, column=column_index + 1)
        cell.fill = RED if any(f.severity == "error" for f in cell_findings) else AMBER
        note = "\n".join(f"{f.id} ({f.rule}): {f.message(lang)}" for f in cell_findings)
        cell.comment = cell_note(note, TOOL_AUTHOR, width=420, height=160)
    start = first + len(table.rows) + 1
    if coverage is not None and coverage.why:
        put(ws, start, 1, text("not_checked", lang)).font = BOLD
        for k, why in enumerate(coverage.why, start=1):
            put(ws, start + k, 1, why[lang])
        start += len(coverage.why) + 2
    if table.repairs:
        put(ws, start, 1, text("repairs", lang)).font = BOLD
        for k, repair in enumerate(table.repairs, start=1):
            put(ws, start + k, 1, shown(repair, lang))
    ws.freeze_panes = ws.cell(row=first, column=1)
    return refs


INDEX_COLUMNS = (("index_table", 34), ("caption", 50), ("text_lines", 12), ("kind", 18), ("checked", 12),
                 ("findings_count", 9), ("not_checked", 50))  # 185 wide: one A4 landscape page across at 70 %


#: More table sheets than this make a workbook no one opens in reasonable time (a 300 MB text holds 100,000
#: tables; each sheet costs about 30 ms to write): beyond it, tables with findings come first and the others
#: are listed in Daftar tabel without a sheet of their own (findings.json keeps them all).
MAX_TABLE_SHEETS = 1000


def tables_with_sheets(tables: list[Table], findings: list[Finding]) -> set[str]:
    """The ids of the tables that get a sheet: all of them, up to MAX_TABLE_SHEETS, those with findings first."""
    if len(tables) <= MAX_TABLE_SHEETS:
        return {t.id for t in tables}
    flagged = {f.table for f in findings}
    chosen = [t.id for t in tables if t.id in flagged][:MAX_TABLE_SHEETS]
    chosen += [t.id for t in tables if t.id not in flagged][:MAX_TABLE_SHEETS - len(chosen)]
    return set(chosen)


def _write_index_sheet(ws, tables: list[Table], findings: list[Finding], coverage: dict, lang: str,
                       sheeted: set[str] | None = None) -> None:
    """Daftar tabel: every table read, with its caption, where it stands, its kind, how many of its printed
    numbers were checked and why the others were not; each name links to the table's sheet."""
    ws._lkjip_kind = "index"
    put(ws, 1, 1, text("index_title", lang)).font = Font(bold=True, size=12)
    for c, (key, width) in enumerate(INDEX_COLUMNS, start=1):
        put(ws, 3, c, text(key, lang)).font = BOLD
        ws.cell(row=3, column=c).fill = HEADER
        ws.cell(row=3, column=c).alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[3].height = row_height([text(k, lang) for k, _ in INDEX_COLUMNS],
                                             [w for _, w in INDEX_COLUMNS], bold=True)
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.table] = counts.get(finding.table, 0) + 1
    for r, table in enumerate(tables, start=4):
        covered = coverage.get(table.id)
        where = (f"{table.lines[0]}-{table.lines[1]}" if table.lines
                 else f"{'hlm.' if lang == 'id' else 'p.'} {table.page}" if table.page else "")
        values = [sheet_name(table, lang), table.caption or None, where, kind_text(table.kind, lang),
                  f"{covered.checked}/{covered.numbers}" if covered and covered.numbers else None,
                  counts.get(table.id, 0), "\n".join(w[lang] for w in covered.why) if covered and covered.why else None]
        has_sheet = sheeted is None or table.id in sheeted
        if not has_sheet:
            values[0] = f"{table.id} " + text("no_sheet", lang).format(max=MAX_TABLE_SHEETS)
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value).alignment = Alignment(wrap_text=True, vertical="top")
        if has_sheet:
            link = ws.cell(row=r, column=1)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{values[0]}'!A1")
            link.font = Font(color="0563C1", underline="single")
        ws.row_dimensions[r].height = row_height([str(v or "") for v in values], [w for _, w in INDEX_COLUMNS])
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(INDEX_COLUMNS))}{max(3, len(tables) + 3)}"


def _write_archive_sheet(wb, archive: list[list], lang: str) -> None:
    ws = wb.create_sheet(text("sheet_archive", lang))
    titles = [text("key", lang), text("message", lang), *(text(f, lang) for f in EVALUATOR_FIELDS),
              text("archived_at", lang), text("archived_where", lang), text("archived_similar", lang),
              text("archived_extra", lang)]
    for c, title in enumerate(titles, start=1):
        put(ws, 1, c, title).font = BOLD
    for r, row in enumerate(archive, start=2):
        for c, value in enumerate(row, start=1):
            put(ws, r, c, value)


METHOD_WIDTHS = [20, 28, 10, 88, 40]  # 186 wide: one page across at 70 %


def _write_method_sheet(wb, tolerance: Tolerance, lang: str) -> None:
    ws = wb.create_sheet(text("sheet_method", lang))
    titles = [text("rule", lang), text("rule_name", lang), text("severity", lang), text("description", lang),
              text("tolerance", lang)]
    for c, title in enumerate(titles, start=1):
        put(ws, 1, c, title).font = BOLD
    for r, rule in enumerate(RULES.values(), start=2):
        shown = rule.tolerance[lang]
        if rule.money and tolerance.money:
            shown = f"± Rp {tolerance.money:,}" + (" (parameter)" if lang == "en" else " (parameter toleransi)")
        values = [rule.code, rule.name[lang], severity_text(rule.severity, lang), rule.description[lang], shown]
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value).alignment = Alignment(wrap_text=True, vertical="top")
        # Wrapped text needs its row tall enough, or printed rows run into each other.
        ws.row_dimensions[r].height = row_height([str(v or "") for v in values], METHOD_WIDTHS)
    for c, width in enumerate(METHOD_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
