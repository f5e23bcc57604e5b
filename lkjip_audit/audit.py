"""The audit of one report, step by step: ingest → understand → check → report."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from . import ingest
from .checks import EXACT, Finding, Tolerance, run_checks
from .checks.claims import judged
from .checks.ocr_doubts import mark_ocr_doubts
from .checks.coverage import ProseCoverage, TableCoverage, coverage_of
from .checks.completeness import (ANSWERS, STATUS_TEXT, ChecklistItem, ContentsCheck, checklist, contents_check,
                                  suggested_answers)
from .exceptions import InputError
from .said import Said
from .report.findings_json import findings_document, summary_line, write_findings_json
from .paths import output_stem
from .progress import Progress
from .report.labels import LANGUAGES, kind_text, text
from .report.workbook import ReportInfo, write_workbook
from .understand import Table, understand
from .understand.claims import StatedTotal, read_claims, stated_budget_totals
from .understand.contents import find_contents
from .understand.identity import ReportIdentity, report_identity
from .understand.scales import DEFAULT_SCALES, load_scale, printed_scales


@dataclass
class AuditResult:
    """Everything one audit found, as plain data."""

    report: str
    source: str
    sha256: str
    tables: list[Table]
    findings: list[Finding]
    identity: ReportIdentity = field(default_factory=lambda: ReportIdentity(None, None, None))
    tolerance: Tolerance = EXACT
    started_at: str = ""  # ISO time the audit began
    seconds: float = 0.0
    checklist: list[ChecklistItem] = field(default_factory=list)  # Kelengkapan LKjIP
    coverage: list[TableCoverage] = field(default_factory=list)  # per table: what was checked, what not and why
    prose: ProseCoverage | None = None  # the prose's claims: how many read, judged, failed
    contents: ContentsCheck | None = None  # the report's contents list against what it contains
    stated_totals: list[StatedTotal] = field(default_factory=list)  # the whole budget as the prose states it

    def tables_frame(self, lang: str | None = None) -> pd.DataFrame:
        """The tables read; with `lang`, its headers and table kinds in that language (the notebook's view)."""
        coverage = {c.table: c for c in self.coverage}
        frame = pd.DataFrame([{"table": t.id, "caption": t.caption,
                               "kind": kind_text(t.kind, lang) if lang else t.kind, "lines": t.lines,
                               "rows": len(t.rows),
                               "checked": (f"{coverage[t.id].checked}/{coverage[t.id].numbers}"
                                           if t.id in coverage else "")} for t in self.tables],
                             columns=["table", "caption", "kind", "lines", "rows", "checked"])
        if lang:
            frame = frame.rename(columns={c: text(c if c != "lines" else "text_lines", lang) for c in frame.columns})
        return frame

    def findings_frame(self, lang: str = "id") -> pd.DataFrame:
        return pd.DataFrame([{"id": f.id, "rule": f.rule, "severity": f.severity, "table": f.table,
                              "line": f.line, "item": f.item, "column": f.column,
                              "reported": _float(f.reported), "expected": _float(f.expected),
                              "difference": _float(f.difference), "message": f.message(lang)}
                             for f in self.findings],
                            columns=["id", "rule", "severity", "table", "line", "item", "column", "reported",
                                     "expected", "difference", "message"])

    def checklist_frame(self, lang: str = "id") -> pd.DataFrame:
        """Kelengkapan LKjIP: each required part, its status and the evidence (headers in `lang`)."""
        return pd.DataFrame([{text(k, lang): v for k, v in (
            ("part", item.name[lang]), ("status", STATUS_TEXT[lang][item.status]), ("how", item.how[lang]),
            ("evidence", "; ".join(e.shown(lang) for e in item.evidence[:2])),
            ("arithmetic", item.findings_note(lang)))} for item in self.checklist])

    def pelaporan_frame(self, lang: str = "id") -> pd.DataFrame:
        """Suggested answers to the Pelaporan Kinerja criteria, for the evaluator to accept or change."""
        return pd.DataFrame([{text(k, lang): v for k, v in (
            ("criterion", a.criterion.key), ("criterion_text", a.criterion.text[lang]),
            ("suggested", ANSWERS[lang][a.answer]), ("because", ", ".join(a.because(lang))))}
            for a in suggested_answers(self.checklist)])

    def counts(self) -> dict[str, int]:
        """Findings per rule, in rule order of first appearance."""
        return dict(Counter(f.rule for f in self.findings))

    def summary_line(self, lang: str = "en") -> str:
        return summary_line(findings_document(self.report, self.source, self.sha256, self.tables,
                                              self.findings, lang, prose=self.prose), lang)


def _float(value):
    return None if value is None else float(value)


def audit(path: str | Path, tolerance: Tolerance | float | str = EXACT, scale: str | Path | None = None) -> AuditResult:
    """Audit one report; raise an :class:`~lkjip_audit.exceptions.InputError` when it cannot be.

    `tolerance`: how many rupiah a money identity may be off and still hold (0, exact, by default).
    `scale`: a JSON scale file (see `understand.scales.load_scale`) that replaces the default category
    scales; the scales the report prints always come first.
    """
    started, clock = datetime.now().astimezone(), time.perf_counter()
    if not isinstance(tolerance, Tolerance):
        try:
            tolerance = Tolerance.of(tolerance)
        except ValueError as exc:
            raise InputError("tolerance", str(exc), Said("Berikan jumlah rupiah, misalnya 0 atau 1000",
                                                          "Give a number of rupiah, e.g. 0 or 1000")) from None
    defaults = [load_scale(scale)] if scale else list(DEFAULT_SCALES)
    document = ingest.read(path)
    progress = Progress(document.path.name, len(document.lines), len(document.tables))
    progress.step("understand")
    contents = find_contents(document.lines)
    # A report without a table is still audited: its prose's claims are (and the summary says so).
    tables = understand(document, contents) if document.tables else []
    # Lines a reader took as table rows are not read again as flattened rows. A PDF's table row has the line
    # it starts on, not those its wrapped cells run on, so there none is (`None`: not known which are rows).
    rows = [row for raw in document.tables for row in raw.rows]
    table_lines = None if document.kind == "pdf" or any(row.line is None for row in rows) else {
        row.line for row in rows}
    progress.step("claims")
    claims = read_claims(document.lines, table_lines)
    progress.step("checks")
    compared: set = set()  # the cells the cross-table comparisons read, for the coverage
    stated = stated_budget_totals(document.lines)
    findings = run_checks(tables, document.lines, tolerance, printed_scales(document.lines), defaults, claims,
                          compared, stated)
    mark_ocr_doubts(findings, document.ocr_words, document.line_pages, {t.id for t in tables if t.ocr})
    progress.step("checklist")
    parts = checklist(tables, document.lines, findings, document.line_pages, contents)
    progress.step("coverage")
    return AuditResult(report=document.path.name, source=str(document.path), sha256=document.sha256,
                       tables=tables, findings=findings, identity=report_identity(document.lines), checklist=parts,
                       contents=contents_check(contents, document.lines, tables),
                       stated_totals=stated,
                       coverage=coverage_of(tables, findings, tolerance, compared),
                       prose=ProseCoverage(len(claims), judged(claims),
                                           sum(1 for f in findings if f.rule == "prose-arithmetic")),
                       tolerance=tolerance, started_at=started.isoformat(timespec="seconds"),
                       seconds=round(time.perf_counter() - clock, 2))


def write_outputs(result: AuditResult, out_dir: str | Path, lang: str = "id") -> dict[str, Path]:
    """Write `<stem>.audit.xlsx` and `findings.json` into `out_dir`."""
    if lang not in LANGUAGES:
        raise InputError(lang, Said(f"bahasa tidak dikenal; pilih salah satu dari {', '.join(LANGUAGES)}",
                                    f"unknown language; choose one of {', '.join(LANGUAGES)}"))
    out_dir = Path(out_dir)
    stem = output_stem(result.report)
    info = ReportInfo(result.report, result.source, result.sha256, identity=result.identity,
                      tolerance=result.tolerance, started_at=result.started_at, seconds=result.seconds,
                      parameters={"lang": lang, "tolerance": str(result.tolerance.money)})
    workbook = write_workbook(out_dir / f"{stem}.audit.xlsx", info, result.tables, result.findings, lang,
                              checklist=result.checklist, coverage=result.coverage, contents=result.contents,
                              stated=result.stated_totals)
    document = findings_document(result.report, result.source, result.sha256, result.tables, result.findings,
                                 lang, checklist=result.checklist, coverage=result.coverage, prose=result.prose,
                                 contents=result.contents, stated=result.stated_totals)
    findings = write_findings_json(out_dir / "findings.json", document)
    return {"workbook": workbook, "findings": findings}
