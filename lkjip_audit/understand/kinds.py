"""What a table is about, from its column roles and caption."""

from __future__ import annotations

import re

from .columns import mentions
from .model import Column, Role
from .scales import band_line

#: Rows that read as a category band ("1 | Sangat Baik | > 90") before a table is a scale.
MIN_BAND_ROWS = 3


def classify(columns: list[Column], caption: str, rows: list[list[str]] | None = None) -> str:
    """budget | efficiency | capaian | renstra | staff | pk | lhe | scale | other.

    An efficiency table sets capaian kinerja beside the budget it used (`Efisiensi Cost per Outcomes`):
    budget columns and a capaian column, or a caption or header that says efisiensi.
    """
    roles = {c.role for c in columns}
    headers = " ".join(c.header for c in columns)
    if {Role.PAGU, Role.REALISASI} <= roles:
        if Role.CAPAIAN in roles or mentions(caption + " " + headers, ("efisiensi", "efesiensi")):
            return "efficiency"
        return "budget"
    if rows and sum(1 for cells in rows if band_line(" ".join(c for c in cells if c.strip()))) >= MIN_BAND_ROWS:
        return "scale"
    years = set(re.findall(r"\b(?:19|20)\d\d\b", headers))
    if mentions(caption + " " + headers, ("renstra", "rencana strategis")) or (
            len(years) >= 3 and Role.TARGET in roles or mentions(headers, ("target",)) and len(years) >= 3):
        return "renstra"
    if mentions(caption, ("perjanjian kinerja",)):
        return "pk"
    if Role.BOBOT in roles and Role.NILAI in roles:
        return "lhe"
    if Role.TARGET in roles and (Role.REALISASI_KINERJA in roles or Role.CAPAIAN in roles):
        return "capaian"
    if mentions(caption + " " + headers, ("pegawai", "golongan", "jenis kelamin", "pendidikan", "jabatan")):
        return "staff"
    return "other"
