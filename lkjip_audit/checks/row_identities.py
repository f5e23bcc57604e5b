"""Identities within one row: % = realisasi/pagu×100, sisa = pagu − realisasi, Σ sources = total."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ..understand.model import Column, Role, Table
from ..understand.numbers import format_id
from .finding import Finding
from .tolerance import EXACT, Tolerance
from .values import amount, sum_of_parts

HUNDRED = Decimal(100)


def left_of(table: Table, index: int, role: Role) -> Column | None:
    """The nearest column of `role` left of column `index`."""
    for column in reversed(table.columns[:index]):
        if column.role is role:
            return column
    return None


def _rows_with_pair(table: Table, role: Role):
    """(column, pagu column, realisasi column, row) for every row under each column of `role` that has both."""
    for column in table.columns_with(role):
        pair = budget_pair(table, column.index)
        if pair:
            for row in table.rows:
                yield column, pair[0], pair[1], row


def _ratio_rows(table: Table, role: Role):
    """As `_rows_with_pair`, for a % column: only rows that print the %, a pagu other than 0 and a realisasi,
    with those three added (printed Number, pagu, realisasi)."""
    for column, pagu_col, real_col, row in _rows_with_pair(table, role):
        printed = row.values[column.index]
        pagu, realisasi = amount(row, pagu_col.index), amount(row, real_col.index)
        if printed is not None and printed.value is not None and pagu and realisasi is not None:
            yield column, pagu_col, real_col, row, printed, pagu, realisasi


def budget_pair(table: Table, index: int) -> tuple[Column, Column] | None:
    """The realisasi column nearest left of `index` and the pagu column left of that."""
    realisasi = left_of(table, index, Role.REALISASI)
    pagu = left_of(table, realisasi.index, Role.PAGU) if realisasi else None
    return (pagu, realisasi) if pagu and realisasi else None


def range_holds(printed: Decimal, low: Decimal, high: Decimal, decimals: int) -> bool:
    """A printed ratio holds when some value in [low, high] rounds or truncates to it."""
    quantum = Decimal(1).scaleb(-decimals)
    return low.quantize(quantum, ROUND_DOWN) <= printed <= high.quantize(quantum, ROUND_HALF_UP)


def ratio_holds(printed: Decimal, computed: Decimal, decimals: int) -> bool:
    """A printed ratio holds when it is the computed one rounded or truncated to the printed decimals."""
    return range_holds(printed, computed, computed, decimals)


def check_percent(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """row-percent: the printed % equals Realisasi / Pagu × 100."""
    findings = []
    for column, pagu_col, real_col, row, printed, pagu, realisasi in _ratio_rows(table, Role.PERSEN):
        computed = realisasi / pagu * HUNDRED
        if ratio_holds(printed.value, computed, printed.decimals):
            continue
        shown = max(printed.decimals, 2)
        cells = (row.cells[real_col.index], row.cells[pagu_col.index])
        findings.append(Finding(
            rule="percent-unconfirmed" if column.doubt else "row-percent", table=table.id, item=row.label,
            column=column.header,
            reported=printed.value, expected=computed.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP),
            line=row.line_of(column.index), page=row.page, row_index=row.index, column_index=column.index,
            decimals=shown,
            detail={"id": f"{real_col.header} / {pagu_col.header} × 100 = {cells[0]} / {cells[1]} × 100",
                    "en": f"{real_col.header} / {pagu_col.header} × 100 = {cells[0]} / {cells[1]} × 100"},
            combined=[row.cells[column.index], *cells]))
    return findings


def check_sisa(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """row-sisa: the printed sisa equals Pagu − Realisasi."""
    findings = []
    for column, pagu_col, real_col, row in _rows_with_pair(table, Role.SISA):
        printed, pagu, realisasi = (amount(row, c.index) for c in (column, pagu_col, real_col))
        if printed is None or pagu is None or realisasi is None:
            continue
        expected = pagu - realisasi
        if tolerance.money_holds(printed, expected):
            continue
        text = f"{pagu_col.header} − {real_col.header} = {format_id(pagu)} − {format_id(realisasi)}"
        findings.append(Finding(
            rule="row-sisa", table=table.id, item=row.label, column=column.header, reported=printed,
            expected=expected, line=row.line_of(column.index), page=row.page, row_index=row.index,
            column_index=column.index,
            detail={"id": text, "en": f"{pagu_col.header} − {real_col.header} = {pagu:,} − {realisasi:,}"},
            combined=[row.cells[c.index] for c in (column, pagu_col, real_col)]))
    return findings


def check_efficiency(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:  # noqa: ARG001
    """row-efficiency: an efisiensi printed in % equals (Pagu − Realisasi) / Pagu × 100, the budget share not
    spent; where the row also prints a capaian kinerja, capaian − serapan (Kukar's own definition) holds too."""
    findings = []
    for column, pagu_col, real_col, row, printed, pagu, realisasi in _ratio_rows(table, Role.EFISIENSI):
        unspent = (pagu - realisasi) / pagu * HUNDRED
        capaian_col = left_of(table, pagu_col.index, Role.CAPAIAN)
        capaian = row.values[capaian_col.index] if capaian_col else None
        alternatives = [unspent]
        if capaian is not None and capaian.value is not None:
            alternatives.append(capaian.value - realisasi / pagu * HUNDRED)
        if any(ratio_holds(printed.value, value, printed.decimals) for value in alternatives):
            continue
        shown = max(printed.decimals, 2)
        expected = unspent.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP)
        cells = (row.cells[pagu_col.index], row.cells[real_col.index])
        formula = (f"({pagu_col.header} − {real_col.header}) / {pagu_col.header} × 100 = "
                   f"({cells[0]} − {cells[1]}) / {cells[0]} × 100")
        text = {"id": f"{formula} = {format_id(expected, shown)}%", "en": f"{formula} = {expected}%"}
        if len(alternatives) > 1:
            other = alternatives[1].quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP)
            text = {"id": text["id"] + f" (capaian − serapan = {format_id(other, shown)}%, juga berbeda)",
                    "en": text["en"] + f" (capaian − serapan = {other}%, which differs too)"}
        findings.append(Finding(
            rule="row-efficiency", table=table.id, item=row.label, column=column.header,
            reported=printed.value, expected=expected, line=row.line_of(column.index), page=row.page,
            row_index=row.index, column_index=column.index, decimals=shown, detail=text,
            combined=[row.cells[column.index], *cells]))
    return findings


def source_columns(table: Table, total: Column) -> list[Column]:
    """The funding-source columns standing immediately left of a realisation total."""
    sources = []
    for column in reversed(table.columns[:total.index]):
        if column.role is not Role.SUMBER:
            break
        sources.insert(0, column)
    return sources


def check_sources(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """row-sources: DAU + DAK + ... equals the Total realisation."""
    findings = []
    for total_col in table.columns_with(Role.REALISASI):
        sources = source_columns(table, total_col)
        if sources:
            findings += _parts_against_total(table, "row-sources", total_col, sources, tolerance)
    return findings


def check_quarters(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """row-quarters: Triwulan I + II + III + IV equals the year's realisation (the realisasi column after
    the quarters, as in the RKPD evaluation format's `9 = 5+6+7+8`)."""
    quarters = table.columns_with(Role.TRIWULAN)
    total_col = next((c for c in table.columns_with(Role.REALISASI) if quarters and c.index > quarters[-1].index),
                     None)
    if len(quarters) < 2 or total_col is None:
        return []
    return _parts_against_total(table, "row-quarters", total_col, quarters, tolerance)


def _parts_against_total(table: Table, rule: str, total_col: Column, parts: list[Column],
                         tolerance: Tolerance) -> list[Finding]:
    """Per row, the columns `parts` add up to `total_col` (funding sources, quarters)."""
    names = " + ".join(c.source_name for c in parts)
    findings = []
    for row in table.rows:
        total = amount(row, total_col.index)
        expected = sum_of_parts([(amount(row, c.index), row.cells[c.index]) for c in parts])
        if total is None or expected is None or tolerance.money_holds(total, expected):
            continue
        findings.append(Finding(
            rule=rule, table=table.id, item=row.label, column=total_col.header, reported=total,
            expected=expected, line=row.line_of(total_col.index), page=row.page, row_index=row.index,
            column_index=total_col.index, detail={"id": names, "en": names},
            combined=[row.cells[total_col.index]] + [row.cells[c.index] for c in parts]))
    return findings
