"""Benchmark: one typo planted at a time in a budget table, noticed in the text and in each PDF rule style.

The table is generated (tests/tables.py, tests/pdf_layouts.py): a consistent Program → Kegiatan → Sub
Kegiatan hierarchy. A typo changes one printed amount or percentage (a digit changed, two digits swapped)
where the table's own arithmetic holds; the audit notices it when a finding names the typo's row. The same
typos are planted in the tab-separated text and in PDFs drawn in five rule styles, on one page and over
pages, so the rates stand side by side (issue 17: a rendering should notice >= 0.9 x the text's rate).

    .venv/bin/python bench/pdf_mutations.py [--n 30] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lkjip_audit.audit import audit  # noqa: E402
from pdf_layouts import STYLES, render_budget_pdf  # noqa: E402
from tables import Layout, budget_hierarchy, grouped, percent, render_budget  # noqa: E402

PROGRAMS = [[[(1_250_000, 1_100_000), (2_500_000, 2_380_000), (980_000, 975_500)], [(750_000, 700_000)]],
            [[(3_000_000, 2_000_000)], [(400_000, 400_000), (800_000, 10_000), (1_600_000, 1_480_000)]],
            [[(5_200_000, 4_950_000), (640_000, 610_000)]]]


def typo(text: str, rng: random.Random) -> str:
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if len(digits) >= 2 and rng.random() < 0.5:
        i = rng.randrange(len(digits) - 1)
        a, b = digits[i], digits[i + 1]
        if text[a] != text[b]:
            return text[:a] + text[b] + text[a + 1:b] + text[a] + text[b + 1:]
    i = rng.choice(digits[1:] or digits)
    return text[:i] + rng.choice([d for d in "0123456789" if d != text[i]]) + text[i + 1:]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = budget_hierarchy(PROGRAMS)
    plans = []
    for _ in range(args.n):
        r = rng.randrange(len(rows))
        column = rng.choice([2, 3, 4])
        row = rows[r]
        printed = [grouped(row.pagu), grouped(row.realisasi), percent(row.realisasi, row.pagu)][column - 2]
        plans.append((r, column, typo(printed, rng)))
    renderings = [("text", None, None)] + [(style, style, paging) for style in STYLES for paging in (60, 5)]
    print(f"{'rendering':22} {'noticed':>8} {'rate':>6} {'x text':>7}")
    text_rate = None
    with tempfile.TemporaryDirectory() as folder:
        for name, style, page_rows in renderings:
            noticed = 0
            for k, (r, column, text) in enumerate(plans):
                if style is None:
                    path = Path(folder) / f"t{k}.txt"
                    path.write_text(render_budget(rows, Layout(), {(r, column): text}), encoding="utf-8")
                else:
                    path = render_budget_pdf(rows, Path(folder) / f"p{k}.pdf", style, page_rows,
                                             overrides={(r, column): text})
                result = audit(path)
                noticed += any(f.row_index == r for f in result.findings)
            rate = noticed / len(plans)
            text_rate = text_rate if text_rate is not None else rate
            label = name if style is None else f"{name}, {'one page' if page_rows == 60 else 'over pages'}"
            print(f"{label:22} {noticed:>4}/{len(plans):<3} {rate:>6.2f} {rate / text_rate:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
