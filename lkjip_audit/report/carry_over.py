"""The evaluator's work in an existing workbook, read before a re-run and put back after it.

An evaluator works in the workbook: Status and Catatan on findings, rows and columns added to Temuan,
cells typed or comments left on the other sheets, sheets of their own. A re-run rewrites the workbook, so
everything of theirs is read first and either put back where it belongs or moved to the Arsip sheet with
where it stood; nothing is dropped.

- Notes on a finding go back on the finding with the same key (`checks.identity`): never by similarity,
  so a note cannot land on another finding. A note whose finding is gone goes to Arsip, with the current
  finding whose message is most like its own named as a hint for the evaluator.
- To tell the evaluator's cells from the tool's, the workbook carries a very hidden sheet (`_lkjip`) with a
  checksum of every cell the tool wrote. A cell whose value differs is the evaluator's.
- The workbook's state when it was read is kept; the writer compares it just before replacing the file, so
  a save made while the audit ran is merged again instead of being overwritten.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment

from ..exceptions import OutputError
from .labels import LANGUAGES, text
from ..said import Said

TOOL_AUTHOR = "lkjip-audit"
RECORD_SHEET = "_lkjip"
EVALUATOR_FIELDS = ("status", "note", "reviewer", "review_date")
#: The Temuan sheet's columns, in order: the tool's, then the evaluator's.
FINDING_FIELDS = ("id", "key", "rule", "severity", "table", "line", "item", "column", "reported", "expected",
                  "difference", "cause", "message", *EVALUATOR_FIELDS)
_CHUNK = 30_000  # characters of the record per cell (Excel holds 32,767)


@dataclass(frozen=True)
class FileState:
    """What the workbook file was when it was read: it is replaced only if it still is."""

    size: int | None = None
    mtime_ns: int | None = None
    sha256: str | None = None

    @classmethod
    def of(cls, path: Path) -> FileState:
        try:
            stat = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except FileNotFoundError:
            return cls()
        return cls(stat.st_size, stat.st_mtime_ns, digest)


@dataclass
class Placed:
    """A cell or comment of the evaluator's on one of the tool's sheets."""

    sheet: str
    coordinate: str
    value: object
    comment: str = ""
    author: str = ""
    context: str = ""  # the table row and column it stood in, for a table sheet


@dataclass
class OwnSheet:
    """A sheet the evaluator added: its cells, comments and column widths, copied as they are."""

    title: str
    cells: list[tuple[str, object, str | None, str, str]]  # coordinate, value, number format, comment, author
    widths: dict[str, float]
    merged: list[str]


@dataclass
class Previous:
    """Everything of the evaluator's in an existing workbook."""

    state: FileState = field(default_factory=FileState)
    notes: dict[str, dict] = field(default_factory=dict)  # finding key -> evaluator fields, message, extra
    added_rows: list[dict] = field(default_factory=list)  # Temuan rows without a key (header -> value)
    extra_headers: list[str] = field(default_factory=list)  # Temuan columns the tool does not write
    archive: list[list] = field(default_factory=list)
    history: list[list] = field(default_factory=list)
    checklist_notes: dict[str, dict] = field(default_factory=dict)
    placed: list[Placed] = field(default_factory=list)
    own_sheets: list[OwnSheet] = field(default_factory=list)


def lock_owner(path: Path) -> str | None:
    """Who has the workbook open, from LibreOffice's or Excel's lock file beside it (None: no lock)."""
    office = path.with_name(f".~lock.{path.name}#")
    if office.exists():
        try:
            fields = office.read_text(encoding="utf-8", errors="replace").split(",")
        except OSError:
            fields = []
        return (fields[0].strip() if fields and fields[0].strip() else "LibreOffice") + f" ({office.name})"
    for excel in (path.with_name(f"~${path.name}"), path.with_name(f"~${path.name[2:]}")):
        if excel.exists():
            try:  # Excel writes the user's name after one length byte
                raw = excel.read_bytes()[1:55].split(b"\x00")[0].decode("latin-1").strip()
            except OSError:
                raw = ""
            return (raw or "Excel") + f" ({excel.name})"
    return None


def refuse_if_open(path: Path) -> None:
    owner = lock_owner(path)
    if owner is not None:
        raise OutputError(Said(f"{path}: buku kerja ini sedang dibuka di program lain oleh {owner}. Tutup di sana "
                               "lalu jalankan lagi (jika tidak ada yang membukanya, hapus berkas kuncinya)",
                               f"{path}: the workbook is open in another program by {owner}. Close it there and "
                               "run again (if no one has it open, delete the lock file)"))


def _cell_sum(value) -> str:
    return format(zlib.crc32(repr(value).encode("utf-8")), "08x")


def remember_tool_cells(wb, sheets=None) -> None:
    """Record a checksum of every cell the tool wrote on `sheets` (all but the record itself by default)."""
    record = wb[RECORD_SHEET] if RECORD_SHEET in wb.sheetnames else wb.create_sheet(RECORD_SHEET)
    record.sheet_state = "veryHidden"
    kept = {}
    for row in record.iter_rows(values_only=True):
        if row and row[0]:
            kept[row[0]] = list(row)
    for ws in sheets if sheets is not None else [w for w in wb.worksheets if w.title != RECORD_SHEET]:
        sums = {c.coordinate: _cell_sum(c.value) for r in ws.iter_rows() for c in r if c.value is not None}
        body = json.dumps(sums, separators=(",", ":"))
        kind = kept.get(ws.title, [None, ""])[1] if len(kept.get(ws.title, [])) > 1 else ""
        kept[ws.title] = [ws.title, getattr(ws, "_lkjip_kind", kind or "sheet"),
                          *(body[i:i + _CHUNK] for i in range(0, len(body), _CHUNK))]
    record.delete_rows(1, record.max_row)
    for r, values in enumerate(kept.values(), start=1):
        for c, value in enumerate(values, start=1):
            record.cell(row=r, column=c, value=value).data_type = "s"


def _tool_record(wb) -> dict[str, tuple[str, dict]]:
    if RECORD_SHEET not in wb.sheetnames:
        return {}
    found = {}
    for row in wb[RECORD_SHEET].iter_rows(values_only=True):
        if row and row[0]:
            try:
                found[row[0]] = (row[1] or "sheet", json.loads("".join(v for v in row[2:] if v)))
            except ValueError:
                continue
    return found


def _sheet_names(key: str) -> set[str]:
    return {text(key, lang) for lang in LANGUAGES}


def read_previous(path: Path, read_history, read_checklist_notes) -> Previous:
    """The evaluator's work in the workbook at `path` (nothing if there is none yet)."""
    path = Path(path)
    refuse_if_open(path)
    state = FileState.of(path)
    if state.sha256 is None:
        return Previous(state=state)
    try:
        wb = load_workbook(path)
    except Exception as exc:  # a corrupt or foreign file: never overwrite notes we cannot read
        raise OutputError(Said(f"{path}: buku kerja yang ada tidak dapat dibaca ({exc.__class__.__name__}), jadi "
                               "catatan evaluatornya tidak dapat dipertahankan. Pindahkan berkasnya lalu jalankan lagi",
                               f"{path}: the existing workbook cannot be read ({exc.__class__.__name__}), so its "
                               "evaluator notes cannot be kept. Move it away and run again")) from exc
    previous = Previous(state=state, history=read_history(wb), checklist_notes=read_checklist_notes(wb))
    findings_ws = next((wb[n] for n in wb.sheetnames if n in _sheet_names("sheet_findings")), None)
    if findings_ws is not None:
        _read_findings_sheet(findings_ws, previous)
    archive_ws = next((wb[n] for n in wb.sheetnames if n in _sheet_names("sheet_archive")), None)
    if archive_ws is not None:
        previous.archive = [list(r) for r in archive_ws.iter_rows(min_row=2, values_only=True)
                            if any(v not in (None, "") for v in r)]
    record = _tool_record(wb)
    rebuilt = _sheet_names("sheet_findings") | _sheet_names("sheet_archive") | {RECORD_SHEET}
    for ws in wb.worksheets:
        if ws.title in rebuilt:
            continue
        if ws.title in record:
            _read_edits(ws, *record[ws.title], previous.placed)
        elif record or not _looks_like_tool_sheet(ws.title):
            previous.own_sheets.append(_read_own_sheet(ws))
    return previous


def _looks_like_tool_sheet(title: str) -> bool:
    """A workbook from before the record sheet: its table sheets (T1, T2, ...) and named sheets are the tool's."""
    named = {text(k, lang) for lang in LANGUAGES for k in ("sheet_summary", "sheet_method", "sheet_trail",
                                                           "sheet_checklist", "sheet_index")}
    number = title[1:].split(" ", 1)[0]
    return title in named or (title[:1] == "T" and number.isdigit())


def _read_findings_sheet(ws, previous: Previous) -> None:
    header = [c.value for c in ws[1]]
    ours = {text(k, lang) for lang in LANGUAGES for k in FINDING_FIELDS}
    previous.extra_headers = [h for h in header if h not in (None, "") and h not in ours]
    for row in ws.iter_rows(min_row=2, values_only=True):
        record = dict(zip(header, row))
        key = record.get(text("key", "id")) or record.get(text("key", "en"))
        saved = {f: record.get(text(f, "id"), record.get(text(f, "en"))) for f in EVALUATOR_FIELDS}
        extra = {h: record.get(h) for h in previous.extra_headers if record.get(h) not in (None, "")}
        message = record.get(text("message", "id"), record.get(text("message", "en")))
        if key:
            if any(v not in (None, "") for v in saved.values()) or extra:
                previous.notes[str(key)] = {**saved, "message": message, "extra": extra}
        elif any(v not in (None, "") for v in row):
            previous.added_rows.append({h: v for h, v in record.items() if h not in (None, "")})


def _read_edits(ws, kind: str, sums: dict, placed: list[Placed]) -> None:
    for row in ws.iter_rows():
        for cell in row:
            comment = cell.comment
            foreign = comment is not None and (comment.author or "") != TOOL_AUTHOR
            changed = cell.value is not None and sums.get(cell.coordinate) != _cell_sum(cell.value)
            if not (changed or foreign):
                continue
            placed.append(Placed(ws.title, cell.coordinate, cell.value if changed else None,
                                 comment.text if foreign else "", (comment.author or "") if foreign else "",
                                 _table_context(ws, cell) if kind == "table" else ""))


def _table_context(ws, cell) -> str:
    """The row's first text and the column's header on a table sheet (header on row 3), for the Arsip."""
    label = next((c.value for c in ws[cell.row][:3] if isinstance(c.value, str) and c.value.strip()), "")
    header = ws.cell(row=3, column=cell.column).value or ""
    return f"{ws['A1'].value or ws.title} · {label} · {header}".strip(" ·")


def _read_own_sheet(ws) -> OwnSheet:
    cells = [(c.coordinate, c.value, c.number_format, c.comment.text if c.comment else "",
              c.comment.author if c.comment else "")
             for r in ws.iter_rows() for c in r if c.value is not None or c.comment is not None]
    widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
    return OwnSheet(ws.title, cells, widths, [str(m) for m in ws.merged_cells.ranges])


def put_back(wb, previous: Previous, table_sheets: set[str], archive: list[list], now: str) -> None:
    """The evaluator's cells, comments and sheets into the new workbook `wb`; what cannot stand where it
    stood goes to `archive` (rows of the Arsip sheet)."""
    for item in previous.placed:
        ws = wb[item.sheet] if item.sheet in wb.sheetnames and item.sheet not in table_sheets else None
        cell = ws[item.coordinate] if ws is not None else None
        fits = cell is not None and (item.value is None or cell.value in (None, item.value)) and (
            not item.comment or cell.comment is None or cell.comment.author == TOOL_AUTHOR)
        if fits:
            if item.value is not None:
                cell.value = item.value
            if item.comment:
                cell.comment = Comment(item.comment, item.author or "evaluator")
            continue
        where = f"{item.sheet}!{item.coordinate}" + (f" ({item.context})" if item.context else "")
        shown = item.value if item.value is not None else ""
        if item.comment:
            shown = f"{shown} [{item.author or 'komentar'}: {item.comment}]".strip()
        archive.append([None, shown, None, None, None, None, now, where, None])
    for sheet in previous.own_sheets:
        title = sheet.title if sheet.title not in wb.sheetnames else f"{sheet.title[:27]} (2)"
        ws = wb.create_sheet(title)
        for coordinate, value, number_format, comment, author in sheet.cells:
            cell = ws[coordinate]
            cell.value = value
            if number_format:
                cell.number_format = number_format
            if comment:
                cell.comment = Comment(comment, author or "evaluator")
        for letter, width in sheet.widths.items():
            ws.column_dimensions[letter].width = width
        for merged in sheet.merged:
            ws.merge_cells(merged)
