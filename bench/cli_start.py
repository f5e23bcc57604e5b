"""Benchmark: how long the `lkjip-audit` command takes to start, against a bare Python start.

    .venv/bin/python bench/cli_start.py [--runs 9]

Side by side, in turns (A B A B ...), so a machine that slows down during the run slows both:
- `python -c pass` (the yardstick),
- `lkjip-audit --help`, and a bad argument refused (`audit --lang fr`): both must answer before papermill,
  pandas or camelot are imported (target: at most 10 × the bare start),
- one sample report audited (`lkjip-audit audit data/raw/002_….txt`): the whole command, kernel included.
Prints the median wall seconds of each and its ratio to the bare start.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).with_name("lkjip-audit")
SAMPLE = ROOT / "data" / "raw" / "002_d488c239828ced52.txt"


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "lkjip-audit --help": [str(CLI), "--help"],
            "lkjip-audit audit --lang fr": [str(CLI), "audit", str(SAMPLE), "--lang", "fr", "--out", out],
            "lkjip-audit audit (one report)": [str(CLI), "audit", str(SAMPLE), "--out", out],
        }
        for command in commands.values():  # warm-up: file caches, compiled bytecode
            wall(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                if name.endswith("(one report)") and len(times[name]) >= 3:
                    continue  # seconds each: three runs give its median
                times[name].append(wall(command))
    bare = statistics.median(times["python -c pass"])
    print(f"{'command':34} {'median s':>9} {'× bare start':>13}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:34} {median:>9.3f} {median / bare:>13.1f}")


if __name__ == "__main__":
    main()
