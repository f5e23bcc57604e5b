"""The cross-table comparison's grouping of named rows, at 1× and 4× the rows, against comparing every row
with every group (what `checks.consistency._grouped` did before it looked only at groups sharing a rare
word). Printed: seconds for each size and the ratio 4× / 1× (near 4 is linear, near 16 quadratic).

    .venv/bin/python bench/cross_table_scaling.py [TABLES]     # default 100 tables of 21 named rows
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from lkjip_audit import ingest
from lkjip_audit.checks import consistency
from lkjip_audit.understand import understand


def report(tables: int, seed: int = 1) -> str:
    """Budget tables of Programs and Kegiatan with names drawn from 2,000 rare and 16 common words."""
    rng = random.Random(seed)
    words = [f"kata{i}" for i in range(2000)] + ("penyediaan pengelolaan pembinaan fasilitasi koordinasi "
                                                 "pemberdayaan pengembangan peningkatan administrasi pelaksanaan "
                                                 "jasa barang usaha mikro koperasi data").split() * 60
    lines = []
    for t in range(tables):
        lines += [f"Tabel 3.{t} Realisasi Anggaran", "", "No\tProgram/Kegiatan\tPagu\tRealisasi\t%"]
        for p in range(3):
            lines.append(f"{p + 1}\tProgram {' '.join(rng.sample(words, 5))}\t1.000.000\t900.000\t90,00")
            for k in range(6):
                lines.append(f"{p + 1}.{k + 1}\tKegiatan {' '.join(rng.sample(words, 6))}\t100.000\t90.000\t90,00")
        lines.append("")
    return "\n".join(lines) + "\n"


def all_pairs(mentions, same, alike=None):
    groups = []
    for mention in mentions:
        group = next((g for g in groups if same(g[0], mention)), None)
        if group is None:
            groups.append([mention])
        elif all(m.table is not mention.table for m in group):
            group.append(mention)
    return groups


def seconds(tables, grouping) -> float:
    original = consistency._grouped
    consistency._grouped = grouping
    try:
        start = time.perf_counter()
        consistency.check_same_programs(tables)
        return time.perf_counter() - start
    finally:
        consistency._grouped = original


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        sizes = {}
        for factor in (1, 4):
            path = Path(folder) / f"laporan{factor}.txt"
            path.write_text(report(count * factor), encoding="utf-8")
            sizes[factor] = understand(ingest.read(path))
        for name, grouping in (("rare words + rapidfuzz", consistency._grouped), ("all pairs", all_pairs)):
            small, large = (seconds(sizes[f], grouping) for f in (1, 4))
            rows = sum(len(t.rows) for t in sizes[1])
            print(f"{name:24} {rows:6} rows {small:7.2f} s   {4 * rows:6} rows {large:7.2f} s   "
                  f"ratio {large / small:5.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
