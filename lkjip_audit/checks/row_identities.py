"""Identities within one row: % = realisasi/pagu×100, sisa = pagu − realisasi, Σ sources = total.

Each is a relation of the table (`understand.relations`) judged by `checks.evaluate`; these rules word the
ones that fail."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..understand.model import Table
from ..understand.numbers import format_id
from .evaluate import failing
from .finding import Finding
from .tolerance import EXACT, Tolerance
from .values import amount


def check_percent(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """row-percent: the printed % equals Realisasi / Pagu × 100 (percent-unconfirmed where the column is in
    doubt: it disagrees on most rows)."""
    findings = []
    for relation, verdict, column, row in failing(table, "percent"):
        pagu_col, real_col = (table.columns[c] for _, c in relation.operands)
        shown = max(verdict.decimals, 2)
        cells = (row.cells[real_col.index], row.cells[pagu_col.index])
        findings.append(Finding(
            rule="percent-unconfirmed" if column.doubt else "row-percent", table=table.id, item=row.label,
            column=column.header,
            reported=verdict.printed, expected=verdict.expected.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP),
            line=row.line_of(column.index), page=row.page, row_index=row.index, column_index=column.index,
            decimals=shown,
            detail={"id": f"{real_col.header} / {pagu_col.header} × 100 = {cells[0]} / {cells[1]} × 100",
                    "en": f"{real_col.header} / {pagu_col.header} × 100 = {cells[0]} / {cells[1]} × 100"},
            combined=[row.cells[column.index], *cells]))
    return findings


def check_sisa(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """row-sisa: the printed sisa equals Pagu − Realisasi."""
    findings = []
    for relation, verdict, column, row in failing(table, "sisa", tolerance):
        pagu_col, real_col = (table.columns[c] for _, c in relation.operands)
        pagu, realisasi = (amount(row, c.index) for c in (pagu_col, real_col))
        places = verdict.decimals  # amounts in `Rp juta` print decimals
        text = f"{pagu_col.header} − {real_col.header} = {format_id(pagu, places)} − {format_id(realisasi, places)}"
        findings.append(Finding(
            rule="row-sisa", table=table.id, item=row.label, column=column.header, reported=verdict.printed,
            expected=verdict.expected, line=row.line_of(column.index), page=row.page, row_index=row.index,
            column_index=column.index, decimals=places,
            detail={"id": text, "en": f"{pagu_col.header} − {real_col.header} = {pagu:,.{places}f} − "
                                      f"{realisasi:,.{places}f}"},
            combined=[row.cells[c.index] for c in (column, pagu_col, real_col)]))
    return findings


def check_efficiency(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:  # noqa: ARG001
    """row-efficiency: an efisiensi printed in % equals (Pagu − Realisasi) / Pagu × 100, the budget share not
    spent; where the row also prints a capaian kinerja, capaian − serapan (Kukar's own definition) holds too."""
    findings = []
    for relation, verdict, column, row in failing(table, "efficiency"):
        pagu_col, real_col = (table.columns[c] for _, c in relation.operands)
        shown = max(verdict.decimals, 2)
        expected = verdict.expected.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP)
        cells = (row.cells[pagu_col.index], row.cells[real_col.index])
        formula = (f"({pagu_col.header} − {real_col.header}) / {pagu_col.header} × 100 = "
                   f"({cells[0]} − {cells[1]}) / {cells[0]} × 100")
        text = {"id": f"{formula} = {format_id(expected, shown)}%", "en": f"{formula} = {expected}%"}
        if verdict.alternatives:
            other = verdict.alternatives[0].quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP)
            text = {"id": text["id"] + f" (capaian − serapan = {format_id(other, shown)}%, juga berbeda)",
                    "en": text["en"] + f" (capaian − serapan = {other}%, which differs too)"}
        findings.append(Finding(
            rule="row-efficiency", table=table.id, item=row.label, column=column.header,
            reported=verdict.printed, expected=expected, line=row.line_of(column.index), page=row.page,
            row_index=row.index, column_index=column.index, decimals=shown, detail=text,
            combined=[row.cells[column.index], *cells]))
    return findings


def check_sources(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """row-sources: DAU + DAK + ... equals the Total realisation."""
    return _parts_against_total(table, "row-sources", "sources", tolerance)


def check_quarters(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """row-quarters: Triwulan I + II + III + IV equals the year's realisation (the realisasi column after
    the quarters, as in the RKPD evaluation format's `9 = 5+6+7+8`)."""
    return _parts_against_total(table, "row-quarters", "quarters", tolerance)


def _parts_against_total(table: Table, rule: str, kind: str, tolerance: Tolerance) -> list[Finding]:
    """Per row, columns that add up to a total column (funding sources, quarters)."""
    findings = []
    for relation, verdict, total_col, row in failing(table, kind, tolerance):
        parts = [table.columns[c] for _, c in relation.operands]
        names = " + ".join(c.source_name for c in parts)
        findings.append(Finding(
            rule=rule, table=table.id, item=row.label, column=total_col.header, reported=verdict.printed,
            expected=verdict.expected, line=row.line_of(total_col.index), page=row.page, row_index=row.index,
            column_index=total_col.index, detail={"id": names, "en": names},
            combined=[row.cells[total_col.index]] + [row.cells[c.index] for c in parts]))
    return findings
