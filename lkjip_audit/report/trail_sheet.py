"""The Jejak audit sheet: what was audited, with which tool and parameters, and every run on this workbook.

A run made through papermill is completed afterwards from the executed notebook's own metadata
(`metadata.papermill`: start, end, duration, parameters), which only exists once the notebook has ended.
"""

from __future__ import annotations

import json
import platform
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Alignment

from ..exceptions import OutputError
from ..said import Said
from .atomic import WorkbookChanged, write_atomically
from .carry_over import FileState, refuse_if_open, remember_tool_cells
from .cells import BOLD, TITLE, put, put_header
from .labels import LANGUAGES, text

DEPENDENCIES = ("pandas", "openpyxl", "camelot-py", "pypdfium2", "rapidfuzz", "papermill", "nbclient")
HISTORY_FIELDS = ("run_start", "run_end", "run_seconds", "run_how", "sha256", "tool_version", "findings_count")
PAPERMILL_FIELDS = ("nb_start", "nb_end", "nb_duration", "nb_version", "nb_notebook")


def local_time(iso: str | None) -> str | None:
    """An ISO time (papermill writes UTC) in the machine's time zone, with its offset: `TZ=Asia/Jakarta`
    chooses another zone, as for any program."""
    if not iso:
        return iso
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().isoformat(timespec="seconds")


def time_zone() -> str:
    """The zone every time on the sheet is given in: `WIB (UTC+07:00)`."""
    now = datetime.now().astimezone()
    offset = now.strftime("%z")
    return f"{now.tzname()} (UTC{offset[:3]}:{offset[3:]})"


def dependency_versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in DEPENDENCIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "-"
    return found


def read_history(wb) -> list[list]:
    """The earlier runs listed on an existing workbook's trail sheet (empty if none)."""
    for lang in LANGUAGES:
        if text("sheet_trail", lang) not in wb.sheetnames:
            continue
        ws = wb[text("sheet_trail", lang)]
        start = _row_of(ws, text("history", lang))
        if start is None:
            return []
        return [list(r[:len(HISTORY_FIELDS)]) for r in ws.iter_rows(min_row=start + 2, values_only=True)
                if any(v not in (None, "") for v in r)]
    return []


def write_trail_sheet(wb, info, n_findings: int, history: list[list], lang: str) -> None:
    ws = wb.create_sheet(text("sheet_trail", lang))
    put(ws, 1, 1, text("sheet_trail", lang)).font = TITLE
    rows = [(text("report", lang), info.report), (text("source", lang), info.source), ("sha256", info.sha256),
            (text("tool_version", lang), info.tool_version),
            (text("parameters", lang), json.dumps(info.parameters, ensure_ascii=False, sort_keys=True)),
            (text("audited_at", lang), info.started_at), (text("time_zone", lang), time_zone()),
            (text("audit_seconds", lang), info.seconds),
            *((f"{text('versions', lang)}: {name}", v) for name, v in dependency_versions().items()),
            # run by hand (JupyterLab, papermill or the library), nothing fills these in: they say so
            *((text(key, lang), text("nb_pending", lang) if key == "nb_start" else None)
              for key in PAPERMILL_FIELDS)]
    for r, (name, value) in enumerate(rows, start=3):
        put(ws, r, 1, name).font = BOLD
        put(ws, r, 2, value).alignment = Alignment(horizontal="left")
    start = len(rows) + 4
    put(ws, start, 1, text("history", lang)).font = BOLD
    put_header(ws, start + 1, [text(f, lang) if f != "sha256" else f for f in HISTORY_FIELDS])
    runs = [*history, [info.started_at, None, info.seconds, text("how_library", lang), info.sha256,
                       info.tool_version, n_findings]]
    for r, run in enumerate(runs, start=start + 2):
        for c, value in enumerate(run, start=1):
            put(ws, r, c, value)
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 26
    for column in "CDEFG":
        ws.column_dimensions[column].width = 18


def record_notebook_run(workbook: Path, notebook: Path) -> Path:
    """Complete the workbook's trail with the papermill run of `notebook` (its start, end, duration and
    parameters), and mark the latest history row as made by papermill."""
    meta = json.loads(Path(notebook).read_text(encoding="utf-8")).get("metadata", {}).get("papermill", {})
    workbook = Path(workbook)
    for _ in range(3):  # an evaluator's save in between is read again, never overwritten
        refuse_if_open(workbook)
        state = FileState.of(workbook)
        wb = load_workbook(workbook)
        if not _record_run(wb, meta, notebook):
            return workbook
        try:
            return write_atomically(workbook, lambda tmp: wb.save(tmp),
                                    unchanged=lambda: FileState.of(workbook) == state)
        except WorkbookChanged:
            continue
    raise OutputError(Said(f"{workbook}: buku kerja ini berulang kali disimpan di tempat lain selama audit "
                           "berjalan. Tutup di sana lalu jalankan lagi",
                           f"{workbook}: the workbook was saved elsewhere again and again while the audit ran. "
                           "Close it there and run again"))


def _record_run(wb, meta: dict, notebook: Path) -> bool:
    lang = next((lang for lang in LANGUAGES if text("sheet_trail", lang) in wb.sheetnames), None)
    if lang is None:
        return False
    ws = wb[text("sheet_trail", lang)]
    values = {"nb_start": local_time(meta.get("start_time")), "nb_end": local_time(meta.get("end_time")),
              "nb_duration": None if meta.get("duration") is None else round(meta["duration"], 2),
              "nb_version": meta.get("version"), "nb_notebook": str(notebook)}
    for key, value in values.items():
        row = _row_of(ws, text(key, lang))
        if row is not None:
            put(ws, row, 2, value)
    parameters = _row_of(ws, text("parameters", lang))
    if parameters is not None and meta.get("parameters"):
        put(ws, parameters, 2, json.dumps(meta["parameters"], ensure_ascii=False, sort_keys=True))
    latest = ws.max_row
    if _row_of(ws, text("history", lang)) is not None:
        put(ws, latest, 1, values["nb_start"])
        put(ws, latest, 2, values["nb_end"])
        put(ws, latest, 3, values["nb_duration"])
        put(ws, latest, 4, text("how_papermill", lang))
    remember_tool_cells(wb, [ws])
    return True


def _row_of(ws, label: str) -> int | None:
    for r in range(1, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == label:
            return r
    return None
