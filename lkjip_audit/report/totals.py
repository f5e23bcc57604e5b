"""The report's budget total from its Jumlah row, the sum of its Programs and its prose (Ringkasan, findings.json)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..understand.claims import StatedTotal
from ..understand.main_table import budget_tables_by_weight
from ..understand.model import Level, Role, Row, Table


@dataclass(frozen=True)
class BudgetTotals:
    """The report's budget total from three independent sources: the main budget table's Jumlah row, the sum
    of its Programs, and the total its prose states. Only sources that are there are compared; the sum of
    the Programs is never compared with itself."""

    table: str
    total_row: tuple[Decimal, Decimal] | None  # (pagu, realisasi) printed on the Jumlah row; None without one
    programs: tuple[Decimal, Decimal]  # Σ Program rows (top-level rows when the table has no Programs)
    printed_serapan: Decimal | None = None  # the % printed on the total row, when the table prints one
    stated: StatedTotal | None = None  # the whole budget as the prose states it first
    stated_lines: tuple[int, ...] = ()  # every line stating it

    @property
    def printed_from(self) -> str:
        return "total row" if self.total_row else "sum of programs"

    @property
    def pagu(self) -> Decimal:
        """The report's headline pagu: its Jumlah row, else the sum of its Programs."""
        return (self.total_row or self.programs)[0]

    @property
    def realisasi(self) -> Decimal:
        return (self.total_row or self.programs)[1]

    @property
    def recomputed_pagu(self) -> Decimal:
        return self.programs[0]

    @property
    def recomputed_realisasi(self) -> Decimal:
        return self.programs[1]

    @property
    def serapan(self) -> Decimal:
        """The % the report gives: printed on its total row, else realisasi / pagu of its printed totals."""
        return self.printed_serapan if self.printed_serapan is not None else self.realisasi / self.pagu * 100

    @property
    def recomputed_serapan(self) -> Decimal | None:
        return self.recomputed_realisasi / self.recomputed_pagu * 100 if self.recomputed_pagu else None

    @property
    def total_row_serapan(self) -> Decimal | None:
        if self.total_row is None:
            return None
        return self.printed_serapan if self.printed_serapan is not None else (
            self.total_row[1] / self.total_row[0] * 100 if self.total_row[0] else None)

    def sources(self) -> list[tuple[str, Decimal | None, Decimal | None, Decimal | None]]:
        """(what, Jumlah row, sum of Programs, stated in the text) for pagu, realisasi and serapan; None where
        the report has no such source (the Ringkasan and the notebook show these rows)."""
        row, said = self.total_row, self.stated
        return [("pagu", row[0] if row else None, self.recomputed_pagu, said.pagu if said else None),
                ("realisasi", row[1] if row else None, self.recomputed_realisasi, said.realisasi if said else None),
                ("serapan", self.total_row_serapan, self.recomputed_serapan, self.stated_serapan)]

    @property
    def stated_serapan(self) -> Decimal | None:
        if self.stated is None or self.stated.realisasi is None or not self.stated.pagu:
            return None
        return self.stated.realisasi / self.stated.pagu * 100


def budget_totals(tables: list[Table], stated: list[StatedTotal] | tuple = ()) -> BudgetTotals | None:
    """From the report's main budget table (`understand.main_table`; the next one when its sums cannot be
    read) and the prose's statements of the whole budget (`understand.claims.stated_budget_totals`); None
    when there is no budget table.

    The Jumlah row is the table's printed total; the sum of its Program rows (or of its top-level rows
    when it has no Programs) is recomputed; the first statement of the prose is the third source.
    """
    for table in budget_tables_by_weight(tables):
        pagu, realisasi = table.column(Role.PAGU), table.column(Role.REALISASI)
        total = next((r for r in table.rows if r.level is Level.TOTAL), None)
        parts = _top_rows(table)
        printed = _sums([total], pagu.index, realisasi.index) if total else None
        recomputed = _sums(parts, pagu.index, realisasi.index)
        if recomputed is None or (total and printed is None) or not (printed or recomputed)[0]:
            continue
        persen = table.column(Role.PERSEN)
        printed_persen = total.values[persen.index] if total and persen else None
        return BudgetTotals(table.id, printed, recomputed,
                            printed_serapan=printed_persen.value if printed_persen else None,
                            stated=stated[0] if stated else None, stated_lines=tuple(s.line for s in stated))
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
