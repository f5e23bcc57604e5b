"""findings.json: the machine-readable result other tools read. Keep its field names."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import __version__
from ..checks.finding import Finding
from ..understand.model import Table
from .atomic import write_atomically


def plain_number(value: Decimal | None) -> int | float | None:
    """JSON number: rupiah as integers where they are whole."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def table_record(table: Table) -> dict[str, Any]:
    return {"id": table.id, "caption": table.caption, "page": table.page,
            "lines": list(table.lines) if table.lines else None, "kind": table.kind, "n_rows": len(table.rows)}


def finding_record(finding: Finding, lang: str = "id") -> dict[str, Any]:
    return {"id": finding.id, "rule": finding.rule, "severity": finding.severity, "table": finding.table,
            "page": finding.page, "line": finding.line, "item": finding.item, "column": finding.column,
            "reported": plain_number(finding.reported), "expected": plain_number(finding.expected),
            "difference": plain_number(finding.difference), "message": finding.message(lang),
            "likely_cause": finding.cause_text(lang) or None, "key": finding.key, "combined": finding.combined}


def report_totals(tables: list[Table]) -> dict[str, Any] | None:
    """The report's own budget total (its first budget table's Jumlah row, else the sum of its Programs)."""
    from ..understand.model import Level, Role

    for table in tables:
        pagu, realisasi = table.column(Role.PAGU), table.column(Role.REALISASI)
        if table.kind != "budget" or table.uncertain or pagu is None or realisasi is None:
            continue
        total = next((r for r in table.rows if r.level is Level.TOTAL), None)
        rows = [total] if total else [r for r in table.rows if r.level is Level.PROGRAM]
        amounts = [(r.values[pagu.index], r.values[realisasi.index]) for r in rows]
        if not amounts or any(p is None or r is None for p, r in amounts):
            continue
        values = [sum((p.amount for p, _ in amounts), Decimal(0)), sum((r.amount for _, r in amounts), Decimal(0))]
        if None in values or not values[0]:
            continue
        return {"table": table.id, "from": "total row" if total else "sum of programs",
                "pagu": plain_number(values[0]), "realisasi": plain_number(values[1]),
                "serapan_percent": round(float(values[1] / values[0] * 100), 2)}
    return None


def findings_document(report: str, source: str, sha256: str, tables: list[Table], findings: list[Finding],
                      lang: str = "id") -> dict[str, Any]:
    return {"report": report, "source": source, "sha256": sha256, "tool_version": __version__,
            "totals": report_totals(tables),
            "tables": [table_record(t) for t in tables],
            "findings": [finding_record(f, lang) for f in findings]}


def write_findings_json(path: Path, document: dict[str, Any]) -> Path:
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def summary_line(document: dict[str, Any]) -> str:
    """One line per report for the CLI and the notebook: tables, findings per severity."""
    severities: dict[str, int] = {}
    for finding in document["findings"]:
        severities[finding["severity"]] = severities.get(finding["severity"], 0) + 1
    budget = sum(1 for t in document["tables"] if t["kind"] == "budget")
    parts = ", ".join(f"{k} {v}" for k, v in sorted(severities.items())) or "none"
    return (f"{document['report']}: {len(document['tables'])} tables ({budget} budget), "
            f"{len(document['findings'])} findings ({parts})")
