"""Charts for the notebook: pagu against realisasi per Program."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from ..understand.model import Level, Role, Table
from ..understand.numbers import format_id
from .totals import budget_totals

LABEL_WIDTH, LABEL_LINES = 45, 3  # a Program's name on the chart: wrapped at 45 characters, three lines at most


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
        # Whole names, wrapped (a name cut at 40 characters could be another Program's).
        labels = ["\n".join(textwrap.wrap(" ".join(r.label.split()), LABEL_WIDTH)[:LABEL_LINES]) for r in programs]
        values = [[float(r.values[c.index].amount or 0) if r.values[c.index] else 0.0 for r in programs]
                  for c in (pagu, realisasi)]
        fig, ax = plt.subplots(figsize=(10, 0.8 * len(programs) + 1.5))
        positions = range(len(programs))
        ax.barh([p + 0.2 for p in positions], values[0], height=0.4, label="Pagu")
        ax.barh([p - 0.2 for p in positions], values[1], height=0.4, label="Realisasi")
        ax.set_yticks(list(positions), labels)
        ax.invert_yaxis()
        # Rupiah written out (`10.255.966.594`), never matplotlib's `1e10` offset.
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_id(value)))
        ax.tick_params(axis="x", labelrotation=30)
        ax.set_xlabel("Rp")
        ax.set_title(f"{table.id}: pagu dan realisasi per Program")
        ax.legend()
        fig.tight_layout()
        plt.close(fig)  # shown once, by the caller, not again by the inline backend
        return fig
    return None
