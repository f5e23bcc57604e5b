"""Small tables for rule tests, in the style of frictionless-py's checks: write the table inline, audit it.

    result = audit_table("No|Program|Pagu|Realisasi|%", ["1|Program A|1.000.000|900.000|90,00", ...])

and generated budget hierarchies (`budget_hierarchy`) written in the layouts LKjIP reports use
(`render_budget`): header wordings from LKJIP_CONVENTIONS.md, tab or pipe cells, column-number rows with or
without their formula, Indonesian or English grouping.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from lkjip_audit.audit import audit


def audit_table(header: str, rows: list[str], caption: str = "Tabel 3.1 Realisasi Anggaran", sep: str = "|",
                before: str = "", after: str = ""):
    """Audit a report made of one table (cells split by `sep` in the arguments, written tab-separated)."""
    lines = [caption, "", header.replace(sep, "\t"), *(r.replace(sep, "\t") for r in rows)]
    return audit_text("\n".join([before, *lines, "", after]) + "\n")


def audit_text(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "laporan.txt"
        path.write_text(text, encoding="utf-8")
        return audit(path)


@dataclass
class BudgetRow:
    marker: str
    label: str
    level: int  # 0 total, 1 Program, 2 Kegiatan, 3 Sub Kegiatan
    pagu: int
    realisasi: int


def budget_hierarchy(programs: list[list[list[tuple[int, int]]]], total_at: str = "bottom") -> list[BudgetRow]:
    """Programs → Kegiatan → Sub Kegiatan (pagu, realisasi) leaves, with every parent the sum of its parts."""
    rows: list[BudgetRow] = []
    for p, kegiatan in enumerate(programs, start=1):
        program = BudgetRow(f"{p}", f"Program Nomor {p}", 1, 0, 0)
        rows.append(program)
        for k, subs in enumerate(kegiatan, start=1):
            keg = BudgetRow(f"{p}.{k}", f"Kegiatan Nomor {p}.{k}", 2, 0, 0)
            rows.append(keg)
            for s, (pagu, realisasi) in enumerate(subs, start=1):
                rows.append(BudgetRow(f"{p}.{k}.{s}", f"Sub Kegiatan Nomor {p}.{k}.{s}", 3, pagu, realisasi))
                keg.pagu += pagu
                keg.realisasi += realisasi
            program.pagu += keg.pagu
            program.realisasi += keg.realisasi
    total = BudgetRow("", "JUMLAH", 0, sum(r.pagu for r in rows if r.level == 1),
                      sum(r.realisasi for r in rows if r.level == 1))
    return [total, *rows] if total_at == "top" else [*rows, total]


def grouped(value: int, english: bool = False) -> str:
    text = f"{value:,}"
    return text if english else text.replace(",", ".")


def percent(realisasi: int, pagu: int, english: bool = False, sign: bool = False) -> str:
    value = (Decimal(realisasi) / Decimal(pagu) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    text = f"{value}" if english else f"{value}".replace(".", ",")
    return text + ("%" if sign else "")


def in_juta(value: int, english: bool = False) -> str:
    """Rupiah as `Rp juta` with two decimals (1.100.254.000 → 1.100,25), rounded the way a spreadsheet does."""
    juta = (Decimal(value) / 1_000_000).quantize(Decimal("0.01"), ROUND_HALF_UP)
    text = f"{juta:,}"
    return text if english else text.replace(",", "#").replace(".", ",").replace("#", ".")


#: (pagu, realisasi, %, sisa) header words agencies use.
HEADERS = [("Pagu", "Realisasi", "%", "Sisa"), ("Anggaran", "Realisasi Anggaran", "Persentase", "Sisa Anggaran"),
           ("Alokasi", "Realisasi Keuangan", "Serapan (%)", "SiLPA"), ("DPA", "Realisasi", "% Realisasi", "Selisih"),
           ("Anggaran", "Realisasi", "% Capaian", "Sisa")]


@dataclass(frozen=True)
class Layout:
    headers: tuple[str, str, str, str] = HEADERS[0]
    numbering: str = "none"  # none | plain (1 2 3) | parens ((1) (2) (3)) | formula ((5) = (4)/(3) x 100)
    english: bool = False
    percent_sign: bool = False
    with_sisa: bool = True
    unit: str = "rupiah"  # rupiah | juta: amounts in `Rp juta` with two decimals, each rounded on its own


def render_budget(rows: list[BudgetRow], layout: Layout, overrides: dict[tuple[int, int], str] | None = None) -> str:
    """The table as text, tab-separated; `overrides[(row, column)]` replaces one printed cell."""
    pagu_h, real_h, pct_h, sisa_h = layout.headers
    if layout.unit == "juta":
        pagu_h, real_h, sisa_h = (f"{h} (Rp juta)" for h in (pagu_h, real_h, sisa_h))
    amount = (lambda v: grouped(v, layout.english)) if layout.unit == "rupiah" else (
        lambda v: in_juta(v, layout.english))
    header = ["No", "Program/Kegiatan/Sub Kegiatan", pagu_h, real_h, pct_h] + ([sisa_h] if layout.with_sisa else [])
    lines = ["Tabel 3.2 Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan", "", "\t".join(header)]
    n = len(header)
    if layout.numbering == "plain":
        lines.append("\t".join(str(i) for i in range(1, n + 1)))
    elif layout.numbering == "parens":
        lines.append("\t".join(f"({i})" for i in range(1, n + 1)))
    elif layout.numbering == "formula":
        cells = [f"({i})" for i in range(1, n + 1)]
        cells[4] = "(5) = (4) / (3) x 100"
        if layout.with_sisa:
            cells[5] = "(6) = (3) - (4)"
        lines.append("\t".join(cells))
    for r, row in enumerate(rows):
        cells = [row.marker, row.label, amount(row.pagu), amount(row.realisasi),
                 percent(row.realisasi, row.pagu, layout.english, layout.percent_sign)]
        if layout.with_sisa:
            cells.append(amount(row.pagu - row.realisasi))
        for (rr, c), text in (overrides or {}).items():
            if rr == r:
                cells[c] = text
        lines.append("\t".join(cells))
    return "\n".join(["LAPORAN KINERJA DINAS CONTOH TAHUN 2024", "", *lines, ""]) + "\n"
