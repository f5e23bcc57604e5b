"""The report's own budget total next to the one recomputed from its rows (Ringkasan, findings.json)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..understand.main_table import budget_tables_by_weight
from ..understand.model import Level, Role, Row, Table


@dataclass(frozen=True)
class BudgetTotals:
    table: str
    printed_from: str  # "total row" | "sum of programs"
    pagu: Decimal
    realisasi: Decimal
    recomputed_pagu: Decimal  # Σ Program rows (what the total should be)
    recomputed_realisasi: Decimal
    printed_serapan: Decimal | None = None  # the % printed on the total row, when the table prints one

    @property
    def serapan(self) -> Decimal:
        """The % the report gives: printed on its total row, else realisasi / pagu of its printed totals."""
        return self.printed_serapan if self.printed_serapan is not None else self.realisasi / self.pagu * 100

    @property
    def recomputed_serapan(self) -> Decimal | None:
        return self.recomputed_realisasi / self.recomputed_pagu * 100 if self.recomputed_pagu else None


def budget_totals(tables: list[Table]) -> BudgetTotals | None:
    """From the report's main budget table (`understand.main_table`; the next one when its sums cannot be
    read); None when there is none.

    The printed total is its Jumlah row (else the sum of its Programs); the recomputed one is the sum of
    its Program rows, or of its top-level rows when it has no Programs.
    """
    for table in budget_tables_by_weight(tables):
        pagu, realisasi = table.column(Role.PAGU), table.column(Role.REALISASI)
        total = next((r for r in table.rows if r.level is Level.TOTAL), None)
        parts = _top_rows(table)
        printed_rows = [total] if total else parts
        printed = _sums(printed_rows, pagu.index, realisasi.index)
        recomputed = _sums(parts, pagu.index, realisasi.index)
        if printed is None or recomputed is None or not printed[0]:
            continue
        persen = table.column(Role.PERSEN)
        printed_persen = total.values[persen.index] if total and persen else None
        return BudgetTotals(table.id, "total row" if total else "sum of programs", *printed, *recomputed,
                            printed_serapan=printed_persen.value if printed_persen else None)
    return None


def _top_rows(table: Table) -> list[Row]:
    structural = [r for r in table.rows if r.level not in (Level.TOTAL, Level.OTHER)]
    if not structural:
        return []
    top = min(r.level.depth for r in structural)
    return [r for r in structural if r.level.depth == top]


def _sums(rows: list[Row], pagu: int, realisasi: int) -> tuple[Decimal, Decimal] | None:
    if not rows:
        return None
    pairs = [(r.values[pagu], r.values[realisasi]) for r in rows]
    if any(p is None or q is None or p.amount is None or q.amount is None for p, q in pairs):
        return None
    return sum((p.amount for p, _ in pairs), Decimal(0)), sum((q.amount for _, q in pairs), Decimal(0))
