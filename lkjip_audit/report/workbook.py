"""The audit workbook: findings an evaluator works in, and every table with its offending cells marked.

An evaluator's work survives a re-run (see `carry_over`): Status and Catatan by the finding's key, notes on
findings that no longer occur, and whatever cannot stand where it stood, in the Arsip sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from rapidfuzz import fuzz, process
from openpyxl.comments import Comment
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


def sheet_name(table: Table) -> str:
    return table.id[:31]


def _finding_columns(lang: str) -> list[tuple[str, str]]:
    return [(k, text(k, lang)) for k in FINDING_FIELDS]


def write_workbook(path: Path, info: ReportInfo, tables: list[Table], findings: list[Finding],
                   lang: str = "id", checklist=None, coverage=None) -> Path:
    """Write the workbook atomically, carrying over the evaluator's work from the previous one.

    The previous workbook is read, the new one built, and just before it replaces the file the file is
    compared with what was read: a save made meanwhile (the evaluator working on) is read and merged again.
    """
    path = Path(path)
    for _ in range(3):
        previous = read_previous(path, read_history, read_checklist_notes)
        wb = _build(previous, info, tables, findings, lang, checklist, coverage)
        try:
            return write_atomically(path, lambda tmp: wb.save(tmp),
                                    unchanged=lambda: FileState.of(path) == previous.state)
        except WorkbookChanged:
            continue
    raise OutputError(Said(f"{path}: buku kerja ini berulang kali disimpan di tempat lain selama audit "
                           "berjalan. Tutup di sana lalu jalankan lagi",
                           f"{path}: the workbook was saved elsewhere again and again while the audit ran. "
                           "Close it there and run again"))


def _build(previous: Previous, info: ReportInfo, tables, findings, lang, checklist, coverage) -> Workbook:
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    by_table = {c.table: c for c in coverage or []}
    wb = Workbook()
    summary_ws = wb.active
    summary_ws.title = text("sheet_summary", lang)
    write_summary_sheet(summary_ws, info, tables, findings, lang, coverage)
    findings_ws = wb.create_sheet(text("sheet_findings", lang))
    table_sheets = {t.id: _write_table_sheet(wb, t, findings, lang, by_table.get(t.id)) for t in tables}
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
        write_checklist_sheet(wb, checklist, previous.checklist_notes, lang)
    _write_method_sheet(wb, info.tolerance, lang)
    write_trail_sheet(wb, info, len(findings), previous.history, lang)
    for ws in wb.worksheets:
        _print_setup(ws)
    # What the tool wrote is remembered before the evaluator's cells go back in: those stay theirs.
    remember_tool_cells(wb)
    put_back(wb, previous, {sheet_name(t) for t in tables}, archive, now)
    _write_archive_sheet(wb, archive, lang)
    remember_tool_cells(wb, [wb[text("sheet_archive", lang)]])
    return wb


def _most_similar(message: str | None, messages: dict[str, str]) -> str | None:
    """A hint for an archived note: the current finding whose message reads most like the note's finding."""
    if not message or not messages:
        return None
    best = process.extractOne(message, messages, scorer=fuzz.token_sort_ratio, score_cutoff=60)
    return None if best is None else f"{best[2]}: {best[0]}"


def _print_setup(ws) -> None:
    """Working papers get printed: landscape, each sheet as wide as one page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _write_findings_sheet(ws, findings, table_sheets, previous: Previous, lang) -> None:
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
        status_col = get_column_letter([k for k, _ in columns].index("status") + 1)
        status.add(f"{status_col}{r}")
    # Rows the evaluator added (no key): kept under the tool's, as they were typed.
    titles = [title for _, title in columns]
    for r, added in enumerate(previous.added_rows, start=len(findings) + 2):
        for title, value in added.items():
            if title in titles:
                ws.cell(row=r, column=titles.index(title) + 1, value=value)
    for c, (key, _) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = WRAPPED_WIDTHS.get(key, 14 if key != "id" else 7)
    # The key only carries notes over to the next run: kept, but out of the evaluator's way.
    ws.column_dimensions[get_column_letter([k for k, _ in columns].index("key") + 1)].hidden = True
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(findings) + len(previous.added_rows) + 1)}"


def _write_table_sheet(wb, table: Table, findings: list[Finding], lang: str, coverage=None) -> dict:
    """One sheet per table; returns the cell reference of each (row, column) a finding points at.

    With `coverage`, every printed number shows what became of it: a finding (red or amber, with a comment),
    checked by a relation (pale green; the row's relations in the last column), or not checked (grey, the
    reasons listed under the table)."""
    ws = wb.create_sheet(sheet_name(table))
    ws._lkjip_kind = "table"  # the evaluator's cells on it go to Arsip: its name is an ordinal (carry_over)
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
        cell.comment = Comment(note, TOOL_AUTHOR, width=420, height=160)
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
        for c, value in enumerate([rule.code, rule.name[lang], severity_text(rule.severity, lang), rule.description[lang],
                                   shown], start=1):
            put(ws, r, c, value).alignment = Alignment(wrap_text=True, vertical="top")
    for c, width in enumerate([20, 28, 10, 90, 40], start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
