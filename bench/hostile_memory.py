"""Benchmark: peak memory of the hostile inputs of issue 20 beside an ordinary report, in one run.

Each input is audited in a fresh process (`audit()`, no notebook), and its peak memory (RSS) printed with
its ratio to the ordinary report's (Kediri's text). Targets: every hostile input under 1 GB.

- a 14,400 × 14,400-point ruled page (ruled-line detection would render it: 10.5 GB before the page limit);
- a workbook of one million one-cell rows (4.3 GB when loaded whole, twice);
- a 2 MB line of 200,000 tab cells (column inference was quadratic; now shown, not checked);
- 10 MB of prose without a table (issue 16: audited from its claims, not refused).

    .venv/bin/python bench/hostile_memory.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from bad_inputs.make_hostile import giant_page_pdf, million_rows_xlsx  # noqa: E402

_MEASURE = r"""
import json, resource, sys, time
from lkjip_audit.audit import audit
from lkjip_audit.exceptions import InputError
start = time.perf_counter()
try:
    result = audit(sys.argv[1])
    outcome = f"{len(result.tables)} tables, {len(result.findings)} findings"
except InputError as exc:
    outcome = "refused: " + exc.problem
print(json.dumps({"seconds": time.perf_counter() - start, "outcome": outcome,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
LIMIT_MB = 1024


def measure(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


_SENTENCES = ("Indikator ini tercapai 72% dari target 92,9%, dengan capaian kinerja 77,50%.",
              "Sebanyak 225 orang peserta yang terdiri dari 200 orang peserta perempuan dan 25 peserta laki-laki.",
              "Program ini dilaksanakan selama 12 (dua belas) bulan di 3 (tiga) kecamatan.",
              "Pelaksanaan kegiatan berjalan sesuai rencana dan mendapat dukungan para pemangku kepentingan.")


def _prose(size: int) -> str:
    """Paragraphs of claims that hold, `size` characters in all."""
    paragraph = " ".join(_SENTENCES)
    return "\n\n".join([paragraph] * (size // (len(paragraph) + 2)))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        giant = folder / "halaman_raksasa.pdf"
        giant.write_bytes(giant_page_pdf())
        wide = folder / "sebaris.txt"
        cells = "\t".join(str(i * 7) for i in range(200_000))
        wide.write_text(f"Tabel 1 Data\n{cells}\n{cells}\n", encoding="utf-8")
        prose = folder / "prosa.txt"
        prose.write_text(_prose(10_000_000), encoding="utf-8")
        inputs = [("ordinary: Kediri text", ROOT / "data" / "raw" / "001_64a952374f22daba.txt"),
                  ("ruled page 14400 pt square", giant),
                  ("xlsx, 1,000,000 one-cell rows", million_rows_xlsx(folder / "sejuta_baris.xlsx")),
                  ("one line of 200,000 cells", wide),
                  ("10 MB of prose, no table", prose)]
        base = None
        failed = 0
        print(f"{'input':32} {'seconds':>8} {'peak MB':>8} {'ratio':>6}  outcome")
        for name, path in inputs:
            m = measure(path)
            base = base or m["peak_mb"]
            over = m["peak_mb"] > LIMIT_MB
            failed += over
            print(f"{name:32} {m['seconds']:>8.2f} {m['peak_mb']:>8.0f} {m['peak_mb'] / base:>6.2f}  {m['outcome']}"
                  + ("  OVER 1 GB" if over else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
