"""Names of output files and folders, made from report file names that may be anything."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

#: Where `lkjip-audit audit` without reports finds the bundled samples, and writes by default.
RAW_DIR = Path("data/raw")
CLEAN_DIR = Path("data/clean")
SAMPLE_SUFFIXES = (".txt", ".md")
_UNSAFE = re.compile(r"[^\w.\- ]")
#: Bytes of a report's stem kept in output names: with `.<stem>.audit.xlsx.<random>.tmp` around it, a name
#: stays well under the 255 bytes a file system allows, whatever the script it is written in.
MAX_STEM_BYTES = 100


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:8]


def output_stem(report: str | Path) -> str:
    """The report's file stem as a safe name inside the output folder.

    Separators, quotes and control characters become `_`; leading and trailing dots go, so a report named
    `...txt` (stem `..`) can never name the output folder's parent. A stem longer than `MAX_STEM_BYTES` is
    cut and given a short hash of the whole, so two long names alike in their first bytes stay apart.
    """
    full = Path(Path(report).name).stem
    stem = _UNSAFE.sub("_", full).strip(" .")
    encoded = stem.encode("utf-8", "surrogateescape")
    if len(encoded) > MAX_STEM_BYTES:
        stem = encoded[:MAX_STEM_BYTES - 9].decode("utf-8", "ignore").rstrip(" .") + "_" + _short_hash(full)
    return stem or "laporan"


def project_path(path: str | Path) -> Path:
    """A notebook's default path (`data/raw/...`) wherever the notebook runs: as given when it exists or is
    absolute; else under the nearest folder, from the working one up, that holds its first part (JupyterLab
    runs a notebook in notebooks/, papermill by hand wherever it was started); else under this checkout."""
    path = Path(path)
    if path.is_absolute() or path.exists() or not path.parts:
        return path
    checkout = Path(__file__).resolve().parent.parent  # an editable install: the project folder
    for folder in [Path.cwd(), *Path.cwd().parents, checkout]:
        if (folder / path.parts[0]).is_dir():
            return folder / path
    return path


def sample_reports(raw_dir: Path = RAW_DIR) -> list[Path]:
    """The bundled sample reports the bare `lkjip-audit audit` audits."""
    return sorted(p for p in Path(raw_dir).glob("*") if p.suffix.lower() in SAMPLE_SUFFIXES)


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def distinct_reports(reports: list[Path]) -> list[Path]:
    """The reports in the order given, a file named twice (or through a link) kept once."""
    kept: list[Path] = []
    for report in reports:
        if not any(same_file(report, k) for k in kept):
            kept.append(Path(report))
    return kept


def output_folders(reports: list[Path]) -> dict[Path, str]:
    """Each report's folder name inside the output folder: its stem, unless two reports of one run would
    share it (`a/laporan.txt` and `b/laporan.txt`, `x.pdf` and `x.txt`, names cut alike); those get their
    suffix added (`laporan_pdf`), or where that is not enough, a short hash of their full path."""
    by_name: dict[str, list[Path]] = {}
    for report in reports:
        by_name.setdefault(output_stem(report).casefold(), []).append(Path(report))
    names: dict[Path, str] = {}
    for group in by_name.values():
        suffixes = [r.suffix.lower().lstrip(".") for r in group]
        for report, suffix in zip(group, suffixes):
            name = output_stem(report)
            if len(group) > 1:
                if suffixes.count(suffix) == 1 and suffix:
                    name = f"{name}_{_UNSAFE.sub('_', suffix)}"
                else:
                    name = f"{name}_{_short_hash(str(report.resolve()))}"
            names[Path(report)] = name
    return names
