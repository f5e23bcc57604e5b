"""Benchmark: whole audits, the papermill/kernel overhead, and batch throughput.

    .venv/bin/python bench/batch.py [--copies 16]

1. Per report (text and PDF input): seconds and peak memory of the library called
   directly (`audit` + `write_outputs`, in a fresh process) and of the papermill run.
2. A batch of N report copies (the bundled samples repeated) with --jobs 1 and --jobs 2:
   throughput, speed-up, and the peak memory of the kernel processes (the workers).
Targets (issue 6): overhead per report <= 1.5 s, --jobs 2 >= 1.7x --jobs 1, worker peak < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "data" / "raw").glob("*.txt"))
PDF = ROOT / "tests" / "fixtures" / "pdf" / "001_64a952374f22daba_ruled.pdf"

_DIRECT = r"""
import json, resource, sys, time
start = time.perf_counter()
from lkjip_audit.audit import audit, write_outputs
from lkjip_audit.report.plots import program_budget_chart
result = audit(sys.argv[1]); write_outputs(result, sys.argv[2]); program_budget_chart(result.tables)
print(json.dumps({"seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_NOTEBOOK = r"""
import json, sys, time
from lkjip_audit.runner import audit_with_notebook
start = time.perf_counter()
audit_with_notebook(sys.argv[1], sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - start}))
"""


class KernelPeak:
    """Peak RSS of any single child process (the kernels) while a block runs."""

    def __init__(self):
        self.peak_mb = 0.0
        self._stop = threading.Event()

    def __enter__(self):
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self):
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    self.peak_mb = max(self.peak_mb, child.memory_info().rss / 2**20)
                except psutil.Error:
                    pass
            time.sleep(0.05)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_json(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def per_report(tmp: Path) -> dict[str, float]:
    """Direct seconds per text report (the batch's baseline), after printing the per-report table."""
    direct_seconds = {}
    print(f"{'report':38} {'direct s':>9} {'direct MB':>10} {'papermill s':>12} {'overhead s':>11}")
    for report in [*SAMPLES, PDF]:
        direct = run_json(_DIRECT, str(report), str(tmp / "direct"))
        direct_seconds[report.name] = direct["seconds"]
        # The notebook run is timed inside the process, after `import papermill`, as a batch pays it once.
        with KernelPeak() as peak:
            notebook = run_json(_NOTEBOOK, str(report), str(tmp / "nb"))
        # `direct` includes the library imports, which the kernel pays too: the difference is the overhead.
        print(f"{report.name:38} {direct['seconds']:>9.2f} {direct['peak_mb']:>10.0f} "
              f"{notebook['seconds']:>12.2f} {notebook['seconds'] - direct['seconds']:>11.2f}"
              f"   (kernel peak {peak.peak_mb:.0f} MB)")
    return direct_seconds


def batch(tmp: Path, copies: int, direct_seconds: dict[str, float]) -> None:
    from lkjip_audit.batch import run_batch

    folder = tmp / "batch_in"
    folder.mkdir()
    reports = []
    for i in range(copies):
        source = SAMPLES[i % len(SAMPLES)]
        target = folder / f"{source.stem}_{i:02d}{source.suffix}"
        shutil.copy(source, target)
        reports.append(target)
    direct = sum(direct_seconds[SAMPLES[i % len(SAMPLES)].name] for i in range(copies))
    times = {}
    for jobs in (1, 2):
        with KernelPeak() as peak:
            start = time.perf_counter()
            entries = run_batch(reports, tmp / f"batch_out_{jobs}", jobs=jobs)
            times[jobs] = time.perf_counter() - start
        ok = sum(e.status == "ok" for e in entries)
        print(f"--jobs {jobs}: {copies} reports ({ok} ok) in {times[jobs]:.1f} s, "
              f"{copies / times[jobs]:.2f} reports/s, worker (kernel) peak {peak.peak_mb:.0f} MB")
        if jobs == 1:
            # In a batch the kernel boots while the previous report finishes: this is the overhead a
            # scheduled run over a folder pays per report, against the same audits called directly.
            print(f"  overhead per report in the batch: {(times[1] - direct) / copies:.2f} s (target <= 1.5 s)")
    print(f"speed-up --jobs 2 / --jobs 1: {times[1] / times[2]:.2f}x (target >= 1.7x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        batch(tmp, args.copies, per_report(tmp))


if __name__ == "__main__":
    main()
