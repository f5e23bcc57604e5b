"""The audit workbook: findings an evaluator works in, and every table with its offending cells marked.

An evaluator's Status and Catatan on a finding survive a re-run: they are read
back from the existing workbook by the finding's stable key; notes on
findings that no longer occur move to the Arsip sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink

from .. import __version__
from ..checks.finding import Finding
from ..checks.rules import RULES
from ..checks.tolerance import EXACT, Tolerance
from ..exceptions import OutputError
from ..understand.identity import ReportIdentity
from ..understand.model import Table
from .atomic import write_atomically
from .cells import AMBER, BOLD, HEADER, RED, put, row_height
from .cells import number as _number
from .labels import STATUS_CHOICES, text
from .checklist_sheet import read_checklist_notes, write_checklist_sheet
from .summary_sheet import write_summary_sheet
from .trail_sheet import read_history, write_trail_sheet

EVALUATOR_FIELDS = ("status", "note", "reviewer", "review_date")
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
    keys = ["id", "key", "rule", "severity", "table", "line", "item", "column", "reported", "expected",
            "difference", "cause", "message", *EVALUATOR_FIELDS]
    return [(k, text(k, lang)) for k in keys]


def read_previous(path: Path) -> tuple[dict[str, dict], list[list], list[list], dict[str, dict]]:
    """Notes per finding key, the archived rows, the run history and the checklist answers of an existing
    workbook (empty if none)."""
    if not path.exists():
        return {}, [], [], {}
    try:
        wb = load_workbook(path)
    except Exception as exc:  # a corrupt or foreign file: never overwrite notes we cannot read
        raise OutputError(f"{path}: the existing workbook cannot be read ({exc.__class__.__name__}), so its "
                          "evaluator notes cannot be kept. Move it away and run again") from exc
    notes: dict[str, dict] = {}
    archive: list[list] = []
    findings_ws = next((wb[n] for n in wb.sheetnames if n in ("Temuan", "Findings")), None)
    if findings_ws is not None:
        header = [c.value for c in findings_ws[1]]
        for row in findings_ws.iter_rows(min_row=2, values_only=True):
            record = dict(zip(header, row))
            key = record.get(text("key", "id")) or record.get(text("key", "en"))
            saved = {f: record.get(text(f, "id"), record.get(text(f, "en"))) for f in EVALUATOR_FIELDS}
            message = record.get(text("message", "id"), record.get(text("message", "en")))
            if key and any(v not in (None, "") for v in saved.values()):
                notes[key] = {**saved, "message": message}
    archive_ws = next((wb[n] for n in wb.sheetnames if n in ("Arsip", "Archive")), None)
    if archive_ws is not None:
        archive = [list(r) for r in archive_ws.iter_rows(min_row=2, values_only=True)]
    return notes, archive, read_history(wb), read_checklist_notes(wb)


def write_workbook(path: Path, info: ReportInfo, tables: list[Table], findings: list[Finding],
                   lang: str = "id", checklist=None) -> Path:
    """Write the workbook atomically, carrying over the evaluator's notes from the previous one."""
    path = Path(path)
    notes, archive, history, checklist_notes = read_previous(path)
    wb = Workbook()
    summary_ws = wb.active
    summary_ws.title = text("sheet_summary", lang)
    write_summary_sheet(summary_ws, info, tables, findings, lang)
    findings_ws = wb.create_sheet(text("sheet_findings", lang))
    table_sheets = {t.id: _write_table_sheet(wb, t, findings, lang) for t in tables}
    _write_findings_sheet(findings_ws, findings, table_sheets, notes, lang)
    current = {f.key for f in findings}
    for key, saved in notes.items():
        if key not in current:
            archive.append([key, saved.get("message"), *(saved.get(f) for f in EVALUATOR_FIELDS),
                            datetime.now().isoformat(timespec="seconds")])
    if checklist:
        write_checklist_sheet(wb, checklist, checklist_notes, lang)
    _write_archive_sheet(wb, archive, lang)
    _write_method_sheet(wb, info.tolerance, lang)
    write_trail_sheet(wb, info, len(findings), history, lang)
    for ws in wb.worksheets:
        _print_setup(ws)
    return write_atomically(path, lambda tmp: wb.save(tmp))


def _print_setup(ws) -> None:
    """Working papers get printed: landscape, each sheet as wide as one page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _write_findings_sheet(ws, findings, table_sheets, notes, lang) -> None:
    columns = _finding_columns(lang)
    for c, (_, title) in enumerate(columns, start=1):
        put(ws, 1, c, title).font = BOLD
        ws.cell(row=1, column=c).fill = HEADER
    status = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES[lang]) + '"', allow_blank=True)
    ws.add_data_validation(status)
    for r, finding in enumerate(findings, start=2):
        saved = notes.get(finding.key, {})
        values = {"id": finding.id, "key": finding.key, "rule": finding.rule, "severity": finding.severity,
                  "table": finding.table, "line": finding.line if finding.line is not None else finding.page,
                  "item": finding.item, "column": finding.column,
                  "reported": _number(finding.reported), "expected": _number(finding.expected),
                  "difference": _number(finding.difference), "cause": finding.cause_text(lang),
                  "message": finding.message(lang),
                  **{f: saved.get(f) for f in EVALUATOR_FIELDS}}
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
    for c, (key, _) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = WRAPPED_WIDTHS.get(key, 14 if key != "id" else 7)
    # The key only carries notes over to the next run: kept, but out of the evaluator's way.
    ws.column_dimensions[get_column_letter([k for k, _ in columns].index("key") + 1)].hidden = True
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(findings) + 1)}"


def _write_table_sheet(wb, table: Table, findings: list[Finding], lang: str) -> dict:
    """One sheet per table; returns the cell reference of each (row, column) a finding points at."""
    ws = wb.create_sheet(sheet_name(table))
    put(ws, 1, 1, f"{table.id}: {table.caption}" if table.caption else table.id).font = Font(bold=True, size=12)
    put(ws, 2, 1, text("kind", lang) + f": {table.kind}")
    header_row = 3
    extra = [text("level", lang), text("source_line", lang)]
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
        for k, value in enumerate((row.level.value, row.line if row.line is not None else row.page),
                                  start=len(table.columns) + 1):
            put(ws, r, k, value).alignment = Alignment(vertical="top")
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
        cell.comment = Comment(note, "lkjip-audit", width=420, height=160)
    if table.repairs:
        start = first + len(table.rows) + 1
        put(ws, start, 1, text("repairs", lang)).font = BOLD
        for k, repair in enumerate(table.repairs, start=1):
            put(ws, start + k, 1, repair)
    ws.freeze_panes = ws.cell(row=first, column=1)
    return refs


def _write_archive_sheet(wb, archive: list[list], lang: str) -> None:
    ws = wb.create_sheet(text("sheet_archive", lang))
    titles = [text("key", lang), text("message", lang), *(text(f, lang) for f in EVALUATOR_FIELDS),
              text("archived_at", lang)]
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
        for c, value in enumerate([rule.code, rule.name[lang], rule.severity, rule.description[lang],
                                   shown], start=1):
            put(ws, r, c, value).alignment = Alignment(wrap_text=True, vertical="top")
    for c, width in enumerate([20, 28, 10, 90, 40], start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
