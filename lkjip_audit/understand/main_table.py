"""Which budget table is the report's main one: the one its totals, its charts and its prose counts use."""

from __future__ import annotations

from .model import Level, Role, Table

_STRUCTURE = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


def budget_tables_by_weight(tables: list[Table]) -> list[Table]:
    """Checked budget tables with pagu and realisasi columns, the main one first: a Jumlah row, then the
    most Program rows, then the most Program/Kegiatan/Sub Kegiatan rows; ties keep reading order."""
    budget = [t for t in tables if t.has_budget and not t.uncertain
              and t.column(Role.PAGU) is not None and t.column(Role.REALISASI) is not None]
    return sorted(budget, key=lambda t: (not any(r.level is Level.TOTAL for r in t.rows),
                                         -sum(r.level is Level.PROGRAM for r in t.rows),
                                         -sum(r.level in _STRUCTURE for r in t.rows)))


def main_budget_table(tables: list[Table]) -> Table | None:
    ordered = budget_tables_by_weight(tables)
    return ordered[0] if ordered else None
