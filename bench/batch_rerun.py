"""Benchmark: a second `batch` over unchanged inputs against the first, side by side in one run.

    .venv/bin/python bench/batch_rerun.py [--repeat 2]

Five reports (the bundled samples and the OCR fixture, one of them twice under another name) and one broken
file, audited by the `lkjip-audit batch` command into a fresh folder, then the same command again: the
second finds every report unchanged and the broken file failed on the same bytes, so it should run nothing
(target: the second run < 25 % of the first). Each pair is timed as whole processes, the command's start
included; the medians and their ratio are printed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).with_name("lkjip-audit")
REPORTS = [*sorted((ROOT / "data" / "raw").glob("*.txt")), ROOT / "tests" / "fixtures" / "000_3ad56d6f2973d4fa.txt"]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    first, second = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for report in REPORTS:
                shutil.copy(report, folder / report.name)
            shutil.copy(REPORTS[1], folder / "salinan.txt")
            (folder / "rusak.txt").write_bytes(b"\x00\x01\x02 not a report" * 100)
            command = [str(CLI), "batch", str(folder), "--out", str(Path(tmp) / "out"), "--jobs", "2"]
            first.append(timed(command))
            second.append(timed(command))
    a, b = statistics.median(first), statistics.median(second)
    print(f"{'run':28} {'median s':>9}")
    print(f"{'first batch (6 files)':28} {a:>9.2f}")
    print(f"{'second batch, unchanged':28} {b:>9.2f}")
    print(f"second / first: {b / a:.3f} (target < 0.25)")


if __name__ == "__main__":
    main()
