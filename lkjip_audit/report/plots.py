"""Charts for the notebook: pagu against realisasi per Program."""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..understand.model import Level, Role, Table
from .totals import budget_totals


def program_budget_chart(tables: list[Table]):
    """Bar chart of pagu and realisasi per Program of the report's main budget table (the one whose totals
    the Ringkasan shows), else the first with Program rows; None if none."""
    totals = budget_totals(tables)
    main = [t for t in tables if totals and t.id == totals.table]
    for table in main + [t for t in tables if t not in main]:
        pagu, realisasi = table.column(Role.PAGU), table.column(Role.REALISASI)
        programs = [r for r in table.rows if r.level is Level.PROGRAM]
        if not table.has_budget or not programs or not pagu or not realisasi:
            continue
        labels = [r.label[:40] for r in programs]
        values = [[float(r.values[c.index].amount or 0) if r.values[c.index] else 0.0 for r in programs]
                  for c in (pagu, realisasi)]
        fig, ax = plt.subplots(figsize=(9, 0.5 * len(programs) + 1.5))
        positions = range(len(programs))
        ax.barh([p + 0.2 for p in positions], values[0], height=0.4, label="Pagu")
        ax.barh([p - 0.2 for p in positions], values[1], height=0.4, label="Realisasi")
        ax.set_yticks(list(positions), labels)
        ax.invert_yaxis()
        ax.set_xlabel("Rp")
        ax.set_title(f"{table.id}: pagu dan realisasi per Program")
        ax.legend()
        fig.tight_layout()
        plt.close(fig)  # shown once, by the caller, not again by the inline backend
        return fig
    return None
