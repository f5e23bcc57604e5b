"""What a table is about, from its column roles and caption."""

from __future__ import annotations

from .columns import mentions
from .model import Column, Role


def classify(columns: list[Column], caption: str) -> str:
    """budget | capaian | staff | pk | lhe | other."""
    roles = {c.role for c in columns}
    headers = " ".join(c.header for c in columns)
    if {Role.PAGU, Role.REALISASI} <= roles:
        return "budget"
    if mentions(caption, ("perjanjian kinerja",)):
        return "pk"
    if Role.BOBOT in roles and Role.NILAI in roles:
        return "lhe"
    if Role.TARGET in roles and (Role.REALISASI_KINERJA in roles or Role.CAPAIAN in roles):
        return "capaian"
    if mentions(caption + " " + headers, ("pegawai", "golongan", "jenis kelamin", "pendidikan", "jabatan")):
        return "staff"
    return "other"
