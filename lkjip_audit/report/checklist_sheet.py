"""The Kelengkapan LKjIP sheet: the parts the report must contain, and a suggested answer per criterion of
the LHE SAKIP Pelaporan Kinerja component that the evaluator accepts or changes. The evaluator's own answer
and notes are read back before a re-run and written again on the same rows (by part or criterion key)."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..checks.completeness import ANSWERS, FOUND, MISSING, STATUS_TEXT, ChecklistItem, ContentsCheck, suggested_answers
from .cells import AMBER, BOLD, GREEN, RED, TITLE, put, put_header, row_height
from .labels import LANGUAGES, text

FILLS = {FOUND: GREEN, MISSING: RED}
PART_COLUMNS = ("key", "part", "status", "how", "evidence", "arithmetic", "evaluator_note")
CRITERION_COLUMNS = ("key", "criterion", "suggested", "because", "evaluator_answer", "evaluator_note")
EVALUATOR_COLUMNS = ("evaluator_answer", "evaluator_note")
WIDTHS = (12, 34, 10, 36, 44, 20, 30)  # 186 wide: one A4 landscape page across at 70 %


def read_checklist_notes(wb) -> dict[str, dict]:
    """The evaluator's answers and notes on an existing workbook's checklist sheet, by row key."""
    for lang in LANGUAGES:
        name = text("sheet_checklist", lang)
        if name not in wb.sheetnames:
            continue
        notes: dict[str, dict] = {}
        header: list | None = None
        for row in wb[name].iter_rows(values_only=True):
            if row and row[0] == text("key", lang):
                header = list(row)
                continue
            if header and row and row[0]:
                record = dict(zip(header, row))
                saved = {c: record.get(text(c, lang)) for c in EVALUATOR_COLUMNS if text(c, lang) in record}
                if any(v not in (None, "") for v in saved.values()):
                    notes[str(row[0])] = saved
        return notes
    return {}


def write_checklist_sheet(wb, items: list[ChecklistItem], notes: dict[str, dict], lang: str,
                          contents: ContentsCheck | None = None) -> None:
    ws = wb.create_sheet(text("sheet_checklist", lang))
    put(ws, 1, 1, text("sheet_checklist", lang)).font = TITLE
    put(ws, 2, 1, text("checklist_aid", lang)).font = Font(italic=True)
    row = 4
    put_header(ws, row, [text(c, lang) for c in PART_COLUMNS])
    for item in items:
        row += 1
        evidence = "\n".join(e.shown(lang) for e in item.evidence[:3])
        values = [item.key, item.name[lang], STATUS_TEXT[lang][item.status], item.how[lang], evidence,
                  item.findings_note(lang), notes.get(item.key, {}).get("evaluator_note")]
        for c, value in enumerate(values, start=1):
            put(ws, row, c, value).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=row, column=3).fill = FILLS.get(item.status, AMBER)
        ws.row_dimensions[row].height = row_height([str(v or "") for v in values], WIDTHS)
    row += 2
    put(ws, row, 1, text("pelaporan_title", lang)).font = BOLD
    row += 1
    put_header(ws, row, [text(c, lang) for c in CRITERION_COLUMNS])
    answers = DataValidation(type="list", formula1='"' + ",".join(ANSWERS[lang].values()) + '"', allow_blank=True)
    ws.add_data_validation(answers)
    for answer in suggested_answers(items):
        row += 1
        key = answer.criterion.key
        saved = notes.get(key, {})
        values = [key, answer.criterion.text[lang], ANSWERS[lang][answer.answer], "; ".join(answer.because(lang)),
                  saved.get("evaluator_answer"), saved.get("evaluator_note")]
        for c, value in enumerate(values, start=1):
            put(ws, row, c, value).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=row, column=3).fill = FILLS.get(answer.answer, AMBER)
        ws.row_dimensions[row].height = row_height([str(v or "") for v in values], WIDTHS)
        answers.add(f"E{row}")
    if contents is not None:
        _write_contents_map(ws, row + 2, contents, lang)
    for c, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A5"



def _write_contents_map(ws, row: int, contents: ContentsCheck, lang: str) -> None:
    """The report's contents list as a map: how many of its entries the report has, and which it lacks."""
    put(ws, row, 1, text("contents_title", lang)).font = BOLD
    put(ws, row + 1, 1, contents.line(lang))
    if not contents.missing:
        return
    row += 2
    put_header(ws, row, [text(c, lang) for c in ("source_line", "page_listed", "contents_entry")])
    for entry in contents.missing:
        row += 1
        for c, value in enumerate([entry.line, entry.page or None, entry.title], start=1):
            put(ws, row, c, value).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=row, column=3).fill = AMBER
