"""Readers: a report file in, a :class:`Document` of raw tables with provenance out.

One entry point, :func:`read`, picks the reader from the file's content, not
only its name.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ..exceptions import InputError
from ..said import Said
from .document import Document, RawRow, RawTable, Repair
from .pdf import read_pdf
from .spreadsheet import is_xlsx, read_csv, read_xlsx
from .text import read_text

__all__ = ["read", "check_file", "Document", "RawRow", "RawTable", "Repair"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def check_file(path: str | Path) -> Path:
    """Refuse, with a clear message, a path that is not a readable, non-empty file."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, Said("berkas tidak ada", "no such file"), Said("Periksa jalurnya", "Check the path"))
    if path.is_dir():
        raise InputError(path, Said("ini folder, bukan berkas laporan", "this is a folder, not a report file"),
                         Said("Berikan berkas laporannya", "Give the report file itself"))
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(path, Said(f"tidak dapat dibuka ({exc.strerror})", f"cannot be opened ({exc.strerror})"),
                         Said("Periksa izin berkasnya", "Check the file's permissions")) from exc
    if not stat.S_ISREG(info.st_mode):
        # Opening a pipe (FIFO) waits for a writer forever, a device may never end: refused unopened.
        raise InputError(path, Said("bukan berkas biasa (pipe, socket atau perangkat)",
                                    "not a regular file (a pipe, socket or device)"),
                         Said("Berikan berkas laporannya", "Give the report file itself"))
    try:
        size = info.st_size
        with path.open("rb"):
            pass
    except OSError as exc:
        raise InputError(path, Said(f"tidak dapat dibuka ({exc.strerror})", f"cannot be opened ({exc.strerror})"),
                         Said("Periksa izin berkasnya", "Check the file's permissions")) from exc
    if size == 0:
        raise InputError(path, Said("berkasnya kosong", "the file is empty"),
                         Said("Ekspor ulang laporannya atau periksa nama berkasnya",
                              "Export the report again or check the file name"))
    return path


def read(path: str | Path) -> Document:
    """Read one report; raise :class:`InputError` naming the file when it cannot be read."""
    path = check_file(path)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF"):
        return read_pdf(path)
    if path.suffix.lower() == ".pdf":
        raise InputError(path, Said("bernama .pdf tetapi bukan PDF", "named .pdf but it is not a PDF"),
                         Said("Periksa apakah unduhan atau ekspornya selesai",
                              "Check that the download or export finished"))
    if head.startswith(b"PK\x03\x04"):
        if is_xlsx(path):
            return read_xlsx(path)
        raise InputError(path, Said("arsip zip yang bukan buku kerja .xlsx (.docx, .ods, ...)",
                                    "a zip archive that is not an .xlsx workbook (.docx, .ods, ...)"),
                         Said("Simpan laporannya sebagai PDF, teks atau .xlsx",
                              "Save the report as PDF, text or .xlsx"))
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(path, Said("berkas Office biner lama (.xls/.doc)", "an old binary Office file (.xls/.doc)"),
                         Said("Simpan sebagai .xlsx (atau PDF) lalu jalankan lagi",
                              "Save it as .xlsx (or PDF) and run again"))
    if path.suffix.lower() in (".csv", ".tsv"):
        return read_csv(path)
    return read_text(path)
