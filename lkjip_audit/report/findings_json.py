"""findings.json: the machine-readable result other tools read. Keep its field names."""

from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import __version__
from ..checks.completeness import ANSWERS, suggested_answers
from ..checks.finding import Finding
from ..checks.rules import RULES
from ..understand.model import BUDGET_KINDS, Table
from .atomic import write_atomically
from .labels import severity_text
from .totals import budget_totals


def plain_number(value: Decimal | None) -> int | float | None:
    """JSON number: rupiah as integers where they are whole."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def table_record(table: Table, coverage=None, lang: str = "id") -> dict[str, Any]:
    record = {"id": table.id, "caption": table.caption, "page": table.page,
              "lines": list(table.lines) if table.lines else None, "kind": table.kind, "n_rows": len(table.rows)}
    if coverage is not None:
        record["coverage"] = coverage_record(coverage, lang)
    return record


def coverage_record(coverage, lang: str = "id") -> dict[str, Any]:
    """A table's printed numbers: how many, how many checked (held or failed), which not and why."""
    return {"numbers": coverage.numbers, "checked": coverage.checked, "failed": coverage.count("failed"),
            "not_checked": coverage.count("unchecked"), "not_checked_why": [w[lang] for w in coverage.why]}


def finding_record(finding: Finding, lang: str = "id") -> dict[str, Any]:
    return {"id": finding.id, "rule": finding.rule, "severity": finding.severity, "table": finding.table,
            "page": finding.page, "line": finding.line, "item": finding.item, "column": finding.column,
            "reported": plain_number(finding.reported), "expected": plain_number(finding.expected),
            "difference": plain_number(finding.difference), "message": finding.message(lang),
            "likely_cause": finding.cause_text(lang) or None, "key": finding.key, "combined": finding.combined,
            "likely_misprint": None if finding.misprint is None else finding.misprint.id}


def misprints_record(findings: list[Finding], lang: str = "id") -> list[dict[str, Any]]:
    """Each likely misprint once, with the findings it explains (they point back by `likely_misprint`)."""
    seen = {}
    for finding in findings:
        if finding.misprint is not None:
            seen.setdefault(finding.misprint.id, finding.misprint)
    return [{"id": m.id, "table": m.table, "line": m.line, "item": m.item, "column": m.column,
             "printed": plain_number(m.printed), "consistent": plain_number(m.consistent), "slip": m.slip,
             "explains": m.explains, "text": m.text(lang)} for m in seen.values()]


def totals_record(tables: list[Table], stated=()) -> dict[str, Any] | None:
    """The report's budget total from its three sources, as JSON (`pagu`/`realisasi`: the report's headline,
    its Jumlah row else the sum of its Programs; `total_row` and `stated_in_text` are null when absent)."""
    totals = budget_totals(tables, stated)
    if totals is None:
        return None
    recomputed = totals.recomputed_serapan
    said = totals.stated
    return {"table": totals.table, "from": totals.printed_from, "pagu": plain_number(totals.pagu),
            "realisasi": plain_number(totals.realisasi), "serapan_percent": round(float(totals.serapan), 2),
            "recomputed_pagu": plain_number(totals.recomputed_pagu),
            "recomputed_realisasi": plain_number(totals.recomputed_realisasi),
            "recomputed_serapan_percent": None if recomputed is None else round(float(recomputed), 2),
            "total_row": None if totals.total_row is None else {"pagu": plain_number(totals.total_row[0]),
                                                                "realisasi": plain_number(totals.total_row[1])},
            "stated_in_text": None if said is None else {
                "lines": list(totals.stated_lines), "pagu": plain_number(said.pagu),
                "realisasi": None if said.realisasi is None else plain_number(said.realisasi)}}


def checklist_record(items, lang: str = "id", contents=None) -> dict[str, Any]:
    """Kelengkapan LKjIP: each part with its status and evidence, the suggested Pelaporan answers, and the
    contents list's entries the report does not have."""
    record = {"parts": [{"key": i.key, "name": i.name[lang], "status": i.status, "how": i.how[lang],
                       "evidence": [asdict(e) for e in i.evidence], "findings": i.findings} for i in items],
            "pelaporan": [{"criterion": a.criterion.key, "text": a.criterion.text[lang],
                           "suggested": ANSWERS[lang][a.answer], "because": a.because(lang)}
                          for a in suggested_answers(items)] if items else []}
    if contents is not None:
        record["contents"] = {"entries": len(contents.entries), "summary": contents.line(lang),
                              "not_found": [asdict(e) for e in contents.missing]}
    return record


def findings_document(report: str, source: str, sha256: str, tables: list[Table], findings: list[Finding],
                      lang: str = "id", checklist=None, coverage=None, prose=None, contents=None,
                      stated=()) -> dict[str, Any]:
    by_table = {c.table: c for c in coverage or []}
    document = {"report": report, "source": source, "sha256": sha256, "tool_version": __version__, "lang": lang,
                "totals": totals_record(tables, stated),
                "tables": [table_record(t, by_table.get(t.id), lang) for t in tables],
                "findings": [finding_record(f, lang) for f in findings],
                "likely_misprints": misprints_record(findings, lang)}
    if coverage is not None:
        document["coverage"] = {key: sum(c[key] for c in (coverage_record(x) for x in coverage))
                                for key in ("numbers", "checked", "failed", "not_checked")}
    if prose is not None:
        document["prose"] = {"claims": prose.claims, "judged": prose.judged, "failed": prose.failed}
    if checklist is not None:
        document["checklist"] = checklist_record(checklist, lang, contents)
    return document


def write_findings_json(path: Path, document: dict[str, Any]) -> Path:
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def summary_of(document: dict[str, Any]) -> dict[str, Any]:
    """The per-report counts a batch index and the batch summary show, from a findings.json document."""
    severities = [f["severity"] for f in document["findings"]]
    totals = document.get("totals") or {}
    return {"tables": len(document["tables"]),
            "budget_tables": sum(1 for t in document["tables"] if t["kind"] in BUDGET_KINDS),
            "findings": len(severities), "errors": severities.count("error"),
            "warnings": severities.count("warning"), "pagu": totals.get("pagu"),
            "realisasi": totals.get("realisasi"), "serapan_percent": totals.get("serapan_percent")}


def rule_counts_line(document: dict[str, Any]) -> str:
    """Findings per rule, in the catalogue's order (`footing-children 16, row-percent 10, ...`)."""
    counts: dict[str, int] = {}
    for finding in document["findings"]:
        counts[finding["rule"]] = counts.get(finding["rule"], 0) + 1
    order = list(RULES)
    return ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items(),
                                                         key=lambda kv: order.index(kv[0]) if kv[0] in order
                                                         else len(order)))


def summary_line(document: dict[str, Any], lang: str | None = None) -> str:
    """One line per report for the CLI and the notebook: tables, findings per severity; in `lang`, by
    default the language the document was written in."""
    lang = lang or document.get("lang", "en")
    ind = lang == "id"
    severities: dict[str, int] = {}
    for finding in document["findings"]:
        severities[finding["severity"]] = severities.get(finding["severity"], 0) + 1
    budget = sum(1 for t in document["tables"] if t["kind"] in BUDGET_KINDS)
    parts = ", ".join(f"{severity_text(k, lang)} {v}" for k, v in sorted(severities.items())) or \
        ("tidak ada" if ind else "none")
    prose = document.get("prose")
    found = len(document["findings"])
    if not document["tables"]:
        judged = prose["judged"] if prose else 0
        if ind:
            return f"{document['report']}: tidak ada tabel; {judged} klaim di teks diperiksa, {found} temuan ({parts})"
        return (f"{document['report']}: no table; {judged} claim{'' if judged == 1 else 's'} checked in the prose, "
                f"{found} findings ({parts})")
    line = (f"{document['report']}: {len(document['tables'])} tabel ({budget} anggaran), {found} temuan ({parts})"
            if ind else f"{document['report']}: {len(document['tables'])} tables ({budget} budget), "
            f"{found} findings ({parts})")
    misprints = len(document.get("likely_misprints") or [])
    if misprints:
        line += (f", {misprints} kemungkinan salah cetak di balik beberapa di antaranya" if ind else
                 f", {misprints} likely misprint{'s' if misprints > 1 else ''} behind several of them")
    if not budget:  # a partial result must say what it could not do
        line += ("; tidak ada tabel realisasi anggaran, jadi tidak ada jumlah atau identitas yang diperiksa" if ind
                 else "; no budget-realisation table found, so no sums or identities were checked")
    return line
