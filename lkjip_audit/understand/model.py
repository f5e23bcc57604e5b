"""Understood tables: columns with roles, rows with levels and parsed values."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import pandas as pd

from .numbers import Number


class Role(str, Enum):
    """What a column holds."""

    NO = "no"
    KODE = "kode"
    LABEL = "label"
    INDIKATOR = "indikator"
    TARGET = "target"  # target kinerja
    REALISASI_KINERJA = "realisasi_kinerja"
    CAPAIAN = "capaian"  # realisasi/target kinerja, in %
    PAGU = "pagu"  # pagu, anggaran, alokasi, target keuangan
    REALISASI = "realisasi"  # realisasi anggaran (the total when there are sources)
    SUMBER = "sumber"  # realisasi per funding source: DAU, DAK, ...
    TRIWULAN = "triwulan"  # realisasi per quarter (Triwulan I-IV), in rupiah
    PERSEN = "persen"  # realisasi/pagu, in %
    SISA = "sisa"  # sisa, silpa, efisiensi, in rupiah
    EFISIENSI = "efisiensi"  # efisiensi in %: the budget share not spent (or capaian minus serapan)
    BOBOT = "bobot"  # LHE SAKIP: a component's weight
    NILAI = "nilai"  # LHE SAKIP: the score a component (or the whole) got
    KETERANGAN = "keterangan"
    OTHER = "other"


MONEY_ROLES = (Role.PAGU, Role.REALISASI, Role.SUMBER, Role.TRIWULAN, Role.SISA)


class Level(str, Enum):
    """A row's place in the Program → Kegiatan → Sub Kegiatan hierarchy."""

    TOTAL = "Jumlah"
    PROGRAM = "Program"
    KEGIATAN = "Kegiatan"
    SUB_KEGIATAN = "Sub Kegiatan"
    OTHER = "Lainnya"

    @property
    def depth(self) -> int:
        return {"Jumlah": 0, "Program": 1, "Kegiatan": 2, "Sub Kegiatan": 3}.get(self.value, 9)


@dataclass
class Column:
    index: int
    header: str
    role: Role = Role.OTHER
    money: bool = False
    source_name: str = ""  # for Role.SUMBER: DAU, DAK, ...; for Role.TRIWULAN: "Triwulan I" ...
    decimal_mark: str | None = None
    formula: str = ""  # the formula printed for it in the column-number row, `(5) = (4)/(3) x 100`
    doubt: str = ""  # why its role is not confirmed by the rows' numbers (its findings are then warnings)
    of: tuple[int, int] | None = None  # a capaian's (target, realisasi) columns where the numbers paired them
    scale: int = 1  # rupiah per printed unit, from the header: 1 000 000 for `Pagu (Rp juta)`


@dataclass
class Row:
    index: int  # position among body rows
    cells: list[str]
    values: list[Number | None]
    line: int | None
    page: int | None
    level: Level = Level.OTHER
    marker: str = ""  # the numbering or kode that gave the level
    label: str = ""
    cell_lines: tuple[int | None, ...] | None = None

    def line_of(self, index: int) -> int | None:
        """The source line of one cell (block layouts print each value on its own line)."""
        if self.cell_lines and index < len(self.cell_lines) and self.cell_lines[index] is not None:
            return self.cell_lines[index]
        return self.line


#: Kinds of table whose pagu and realisasi columns the budget rules check.
BUDGET_KINDS = ("budget", "efficiency")


@dataclass
class Table:
    """A table understood well enough to be checked."""

    id: str
    caption: str
    kind: str  # see understand.kinds.classify
    columns: list[Column]
    header_rows: list[list[str]]
    rows: list[Row]
    repairs: list[str] = field(default_factory=list)
    page: int | None = None
    lines: tuple[int, int] | None = None
    uncertain: str = ""  # from the reader: why the columns may be wrong; such tables are shown, not checked
    ocr: bool = False  # read (in part) by OCR from a scanned page: checks.ocr_doubts judges how far to trust it
    relations: list = field(default_factory=list)  # understand.relations.Relation: what must agree with what

    @property
    def has_budget(self) -> bool:
        """A budget-realisation table, or an efficiency table that carries one (pagu and realisasi columns)."""
        return self.kind in BUDGET_KINDS

    def columns_with(self, *roles: Role) -> list[Column]:
        return [c for c in self.columns if c.role in roles]

    def column(self, role: Role) -> Column | None:
        found = self.columns_with(role)
        return found[0] if found else None

    def to_frame(self) -> pd.DataFrame:
        """The table as a DataFrame: parsed numbers where a cell is one, text otherwise."""
        names, seen = [], set()
        for col in self.columns:
            name = col.header or f"Kolom {col.index + 1}"
            names.append(name if name not in seen else f"{name} ({col.index + 1})")  # two `%` columns
            seen.add(name)
        records = []
        for row in self.rows:
            record = {"_line": row.line, "_level": row.level.value}
            for col, name in zip(self.columns, names):
                value = row.values[col.index] if col.index < len(row.values) else None
                cell = row.cells[col.index] if col.index < len(row.cells) else ""
                record[name] = (
                    float(value.amount) if value is not None and value.amount is not None else cell)
            records.append(record)
        return pd.DataFrame.from_records(records)
