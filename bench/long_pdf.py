"""Benchmark: memory and time of a whole audit against the number of pages (issue: bounded resources).

Generates text-layer PDFs of 65 to 520 pages (prose, with budget blocks on one page; the generator of the
bad-input corpus) and audits each in a fresh process, printing pages, seconds and peak memory (RSS).
Pages are surveyed one at a time, so peak memory should stay flat as the page count grows.

    .venv/bin/python bench/long_pdf.py [PAGES ...]     # default: 65 130 260 520
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from bad_inputs.make_corpus import BUDGET_BLOCKS, text_pdf  # noqa: E402

_MEASURE = r"""
import json, resource, sys, time
from lkjip_audit.audit import audit
start = time.perf_counter()
result = audit(sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "findings": len(result.findings), "tables": len(result.tables),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
PROSE = "Dinas Koperasi dan Usaha Mikro melaksanakan program pembinaan koperasi sesuai Renstra tahun 2021."


def pages(count: int) -> list[list[str]]:
    return [["Realisasi anggaran per Sub Kegiatan", *BUDGET_BLOCKS] if n == count // 2
            else [f"LAPORAN KINERJA - halaman {n}"] + [PROSE] * 40 for n in range(1, count + 1)]


def main(counts: list[int]) -> None:
    print(f"{'pages':>6} {'seconds':>8} {'peak MB':>8} {'tables':>6} {'findings':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for count in counts:
            path = Path(folder) / f"laporan_{count}.pdf"
            path.write_bytes(text_pdf(pages(count)))
            done = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True,
                                  check=True)
            m = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{count:>6} {m['seconds']:>8.2f} {m['peak_mb']:>8.0f} {m['tables']:>6} {m['findings']:>8}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [65, 130, 260, 520])
