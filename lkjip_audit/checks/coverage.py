"""What the audit checked, and what it did not: every printed number of a table is

- `failed`: a finding stands on it;
- `checked`: it is in a relation that was judged (`understand.relations`, `checks.evaluate`), held or not;
- `unchecked`: no relation reached it, with the reason given once per column (or once for the table).

An evaluator must see what the tool did not verify: a green 0 on a table whose columns matched nothing
proves nothing. The workbook marks each cell, the Ringkasan and findings.json give the counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..said import shown
from ..understand.model import Role, Table
from ..understand.numbers import parse_number
from ..understand.relations import left_of
from .consistency import compared_cells
from .evaluate import evaluate
from .finding import Finding
from .tolerance import EXACT, Tolerance

#: Columns whose figures number things rather than state them (No, kode): not counted.
NUMBERING_ROLES = (Role.NO, Role.KODE)
#: Relation kinds in words, for the cells they reached.
KIND_NAMES = {"children": {"id": "jumlah rincian", "en": "sum of parts"},
              "total": {"id": "baris jumlah", "en": "total row"},
              "column-total": {"id": "jumlah daftar", "en": "list total"},
              "percent": {"id": "% realisasi", "en": "realisation %"},
              "sisa": {"id": "sisa", "en": "unspent"},
              "sources": {"id": "sumber dana", "en": "funding sources"},
              "quarters": {"id": "triwulan", "en": "quarters"},
              "capaian": {"id": "capaian", "en": "achievement"},
              "efficiency": {"id": "efisiensi", "en": "efficiency"},
              "average": {"id": "rata-rata", "en": "average"},
              "lhe": {"id": "nilai LHE", "en": "LHE score"},
              "cross-table": {"id": "sama di tabel lain", "en": "same in another table"}}


@dataclass(frozen=True)
class ProseCoverage:
    """The prose's claims: how many were read, how many could be judged, how many failed."""

    claims: int
    judged: int
    failed: int


@dataclass
class TableCoverage:
    table: str
    status: dict[tuple[int, int], str] = field(default_factory=dict)  # printed number -> failed|checked|unchecked
    kinds: dict[tuple[int, int], set[str]] = field(default_factory=dict)  # relation kinds that reached a cell
    why: list[dict[str, str]] = field(default_factory=list)  # per language, why numbers went unchecked

    def count(self, status: str) -> int:
        return sum(1 for s in self.status.values() if s == status)

    @property
    def numbers(self) -> int:
        return len(self.status)

    @property
    def checked(self) -> int:
        return self.count("checked") + self.count("failed")

    def row_kinds(self, row: int, lang: str = "id") -> str:
        kinds = sorted({k for (r, _), ks in self.kinds.items() if r == row for k in ks}, key=list(KIND_NAMES).index)
        return ", ".join(KIND_NAMES[k][lang] for k in kinds)


def _printed_numbers(table: Table) -> list[tuple[int, int]]:
    cells = []
    for row in table.rows:
        for column in table.columns:
            if column.role in NUMBERING_ROLES or column.index >= len(row.cells):
                continue
            value = row.values[column.index] if column.index < len(row.values) else None
            if value is None:  # a row whose values were dropped still printed its numbers
                value = parse_number(row.cells[column.index])
            if value is not None and (value.value is not None or value.dash):
                cells.append((row.index, column.index))
    return cells


def table_coverage(table: Table, findings: list[Finding], tolerance: Tolerance = EXACT,
                   compared: frozenset | set = frozenset()) -> TableCoverage:
    """`findings`: this table's (or all; those of other tables are passed over); `compared`: the cells the
    cross-table comparisons read (`checks.consistency.compared_cells`), of this table or all."""
    coverage = TableCoverage(table.id)
    for cell in _printed_numbers(table):
        coverage.status[cell] = "unchecked"
    for relation in table.relations:
        if evaluate(table, relation, tolerance) is None:
            continue
        for cell in relation.cells():
            if cell in coverage.status:
                coverage.status[cell] = "checked"
                coverage.kinds.setdefault(cell, set()).add(relation.kind)
    for table_id, row, column in compared:
        if table_id == table.id and (row, column) in coverage.status:
            coverage.status[(row, column)] = "checked"
            coverage.kinds.setdefault((row, column), set()).add("cross-table")
    if table.kind == "lhe" and not table.uncertain:  # the lhe-score rule reads its Bobot and Nilai columns
        for cell in coverage.status:
            if table.columns[cell[1]].role in (Role.BOBOT, Role.NILAI):
                coverage.status[cell] = "checked"
                coverage.kinds.setdefault(cell, set()).add("lhe")
    for finding in findings:
        cell = (finding.row_index, finding.column_index)
        if finding.table == table.id and cell in coverage.status:
            coverage.status[cell] = "failed"
    coverage.why = _why_unchecked(table, coverage)
    return coverage


def _why_unchecked(table: Table, coverage: TableCoverage) -> list[dict[str, str]]:
    unchecked = [cell for cell, status in coverage.status.items() if status == "unchecked"]
    if not unchecked:
        return []
    if table.uncertain:
        return [{"id": f"tabel tidak diperiksa: {shown(table.uncertain, 'id')}",
                 "en": f"table not checked: {shown(table.uncertain, 'en')}"}]
    reasons = []
    dropped = sorted({r for r, _ in unchecked if all(v is None for v in table.rows[r].values)})
    if dropped:
        reasons.append({"id": f"{len(dropped)} baris tidak sejajar dengan kolomnya: ditampilkan, tidak diperiksa",
                        "en": f"{len(dropped)} row(s) not lined up with the columns: shown, not checked"})
    per_column = Counter(c for r, c in unchecked if r not in dropped)
    for index, count in sorted(per_column.items()):
        column = table.columns[index]
        name = column.header or f"({index + 1})"
        why = _column_reason(table, column)
        reasons.append({"id": f"`{name}`: {count} angka tidak diperiksa ({why['id']})",
                        "en": f"`{name}`: {count} figure(s) not checked ({why['en']})"})
    return reasons


def _column_reason(table: Table, column) -> dict[str, str]:
    role = column.role
    if role is Role.OTHER:
        return {"id": "tidak ada judul yang menamainya dan angkanya tidak cocok dengan relasi mana pun dengan kolom "
                      "di sekitarnya",
                "en": "no header word names it and its figures match no relation with the columns beside it"}
    if role in (Role.TARGET, Role.REALISASI_KINERJA) and not table.columns_with(Role.CAPAIAN):
        return {"id": "tidak ada kolom capaian untuk dicocokkan, dan tidak ada tabel lain yang mencetaknya",
                "en": "no capaian column to check them against, and no other table prints them"}
    if role is Role.CAPAIAN and not left_of(table, column.index, Role.REALISASI_KINERJA):
        return {"id": "tidak ada kolom target dan realisasi di kirinya untuk menghitungnya",
                "en": "no target and realisasi columns left of it to compute it from"}
    if role in (Role.PAGU, Role.REALISASI, Role.SISA, Role.PERSEN) and not table.has_budget:
        return {"id": f"tabel jenis {table.kind}, bukan tabel anggaran", "en": f"a {table.kind} table, not a budget table"}
    return {"id": f"kolom {role.value} tanpa relasi pada baris ini (tanpa induk/rincian, baris jumlah, atau pasangan "
                  "kolom)",
            "en": f"a {role.value} column in no relation on these rows (no parent or parts, total row or column pair)"}


def coverage_of(tables: list[Table], findings: list[Finding], tolerance: Tolerance = EXACT,
                compared: set | None = None) -> list[TableCoverage]:
    """Each table's coverage; `compared`: the cells the cross-table comparisons read, as `run_checks` collected
    them (found again when not given)."""
    by_table: dict[str | None, list[Finding]] = {}
    for finding in findings:  # grouped once: a long report has hundreds of tables and thousands of findings
        by_table.setdefault(finding.table, []).append(finding)
    per_table: dict[str, set] = {}
    for table_id, row, column in compared_cells(tables) if compared is None else compared:
        per_table.setdefault(table_id, set()).add((table_id, row, column))
    return [table_coverage(t, by_table.get(t.id, []), tolerance, per_table.get(t.id, set())) for t in tables]
