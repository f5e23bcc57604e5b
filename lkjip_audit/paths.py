"""Names of output files and folders, made from report file names that may be anything."""

from __future__ import annotations

import re
from pathlib import Path

_UNSAFE = re.compile(r"[^\w.\- ]")
MAX_STEM = 120


def output_stem(report: str | Path) -> str:
    """The report's file stem as a safe name inside the output folder.

    Separators, quotes and control characters become `_`; leading and trailing dots go, so a report named
    `...txt` (stem `..`) can never name the output folder's parent.
    """
    stem = _UNSAFE.sub("_", Path(Path(report).name).stem).strip(" .")
    return stem[:MAX_STEM] or "laporan"
