"""What putting short rows back costs (`understand.layout.gap_placements`): a wide quarterly table whose every
other row was printed one or two cells short, against the same table printed whole, at 1× and 4× the rows.
Printed: seconds for each and the ratios short / whole (the placement's cost) and 4× / 1× (near 4: linear).

    .venv/bin/python bench/short_rows.py [COLUMNS] [ROWS]     # default 98 columns (MAX_COLUMNS is 100), 500 rows

The short rows hold dashes and empty cells in every quarter, the worst case for the search: many ways to put
a lost cell back. The search stops past `MAX_PLACEMENTS` ways and the row is then shown, not checked.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from lkjip_audit.audit import audit


def report(columns: int, rows: int, short: bool, seed: int = 1) -> str:
    rng = random.Random(seed)
    quarters = columns - 5
    header = ["No", "Uraian", "Pagu"] + [f"Realisasi Triwulan {i + 1}" for i in range(quarters)] + ["Realisasi", "%"]
    lines = ["Tabel 3.1 Realisasi Anggaran", "", "\t".join(header)]
    for n in range(rows):
        cells = [str(n + 1), f"Kegiatan {n + 1}", "1.000.000"] + [rng.choice(["-", "", "1.000"])
                                                                  for _ in range(quarters)] + ["900.000", "90,00"]
        if short and n % 2:
            for _ in range(rng.choice([1, 2])):
                del cells[rng.randrange(3, len(cells) - 2)]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def seconds(text: str) -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "laporan.txt"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        audit(path)
        return time.perf_counter() - start


def main(columns: int, rows: int) -> None:
    timings = {}
    for size in (1, 4):
        for short in (False, True):
            timings[size, short] = seconds(report(columns, rows * size, short))
            print(f"{rows * size} rows, {'every other row short' if short else 'whole'}: "
                  f"{timings[size, short]:.1f} s")
    print(f"short / whole: {timings[1, True] / timings[1, False]:.2f} at {rows} rows, "
          f"{timings[4, True] / timings[4, False]:.2f} at {4 * rows}")
    print(f"4x / 1x (short rows): {timings[4, True] / timings[1, True]:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 98, int(sys.argv[2]) if len(sys.argv) > 2 else 500)
