"""Performance rules: a row's capaian equals its realisasi against its target."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..understand.model import Role, Table
from .finding import Finding
from .row_identities import HUNDRED, left_of, range_holds
from .tolerance import EXACT, Tolerance


def check_capaian(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:  # noqa: ARG001
    """row-capaian: the printed capaian equals Realisasi / Target × 100 (`tolerance` is for money only).

    Targets are set figures, taken as printed; a realisation printed with k decimals may be any value
    within half a unit of its last digit (`36,36 %` of 36,3636... %), so the capaian computed from the
    unrounded figure is accepted. An indicator where lower is better is accepted with the inverse formula.
    """
    findings = []
    for column in table.columns_with(Role.CAPAIAN):
        real_col = left_of(table, column.index, Role.REALISASI_KINERJA)
        target_col = left_of(table, real_col.index, Role.TARGET) if real_col else None
        if target_col is None:
            continue
        for row in table.rows:
            printed, target, realisasi = (row.values[c.index] for c in (column, target_col, real_col))
            if (printed is None or target is None or realisasi is None or None in
                    (printed.value, target.value, realisasi.value) or not target.value or not realisasi.value
                    or target.percent != realisasi.percent):  # `2 dokumen` against `100%`: not one measure
                continue
            half = Decimal(5).scaleb(-realisasi.decimals - 1)
            low, high = sorted(((realisasi.value - half) / target.value * HUNDRED,
                                (realisasi.value + half) / target.value * HUNDRED))
            inverse = target.value / realisasi.value * HUNDRED
            if range_holds(printed.value, low, high, printed.decimals) or \
                    range_holds(printed.value, inverse, inverse, printed.decimals):
                continue
            computed = realisasi.value / target.value * HUNDRED
            shown = max(printed.decimals, 2)
            cells = (row.cells[real_col.index], row.cells[target_col.index])
            text = f"{real_col.header} / {target_col.header} × 100 = {cells[0]} / {cells[1]} × 100"
            findings.append(Finding(
                rule="row-capaian", table=table.id, item=row.label, column=column.header,
                reported=printed.value, expected=computed.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP),
                line=row.line_of(column.index), page=row.page, row_index=row.index, column_index=column.index,
                decimals=shown, detail={"id": text, "en": text}, combined=[row.cells[column.index], *cells]))
    return findings
