"""A table's relations: which printed numbers must agree with which, and how.

Understanding ends here: from the columns' roles and the rows' levels, every identity the table states —
a parent is the sum of its children, a total the sum of the rows it covers, a % the share of realisasi in
pagu, a sisa their difference, funding sources and quarters add up to the realisasi, a capaian is
realisasi against target, an efisiensi the share not spent, a closing row the mean of the rows above — is
written down once, as plain data: the target cell, the operand cells, and how it is judged. The checks
judge them (one evaluator, `checks.evaluate`) and the rules only say which relations they report; the
coverage of a table (what was checked, what held, what was not checked and why) is read from them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..said import Said, where
from .columns import mend_broken_words
from .model import MONEY_ROLES, Column, Level, Role, Row, Table

Cell = tuple[int, int]  # (row index among the body rows, column index)

#: How a relation combines its operands.
SUM = "sum"  # target = Σ operands (money)
DIFFERENCE = "difference"  # target = operands[0] − operands[1] (money)
SHARE = "share"  # target = operands[1] / operands[0] × 100 (ratio, printed decimals)
CAPAIAN = "capaian"  # target = realisasi / target × 100, realisasi within its rounding; or the inverse
UNSPENT = "unspent"  # target = (pagu − realisasi) / pagu × 100; or capaian − serapan
MEAN = "mean"  # target = the mean of the operands; for the budget %, also Σ realisasi / Σ pagu

#: The kinds of relation, each reported by one rule (`checks.rules`).
KINDS = {"children": SUM, "total": SUM, "column-total": SUM, "percent": SHARE, "sisa": DIFFERENCE, "sources": SUM, "quarters": SUM,
         "capaian": CAPAIAN, "efficiency": UNSPENT, "average": MEAN}


@dataclass(frozen=True)
class Relation:
    """One identity among a table's printed numbers."""

    kind: str  # a key of KINDS
    target: Cell
    operands: tuple[Cell, ...]
    extra: tuple[Cell, ...] = ()  # numbers an alternative reading uses (a capaian for capaian − serapan; Σ/Σ)

    @property
    def combine(self) -> str:
        return KINDS[self.kind]

    def cells(self) -> tuple[Cell, ...]:
        return (self.target, *self.operands, *self.extra)


def nearest_left(columns: list[Column], index: int, role: Role) -> Column | None:
    """The nearest column of `role` left of column `index` (a column list: understanding has no table yet)."""
    return next((c for c in reversed(columns[:index]) if c.role is role), None)


def pair_left(columns: list[Column], index: int, whole: Role, part: Role) -> tuple[Column, Column] | None:
    """The `part` column nearest left of `index` and the `whole` column left of that: (pagu, realisasi) for a
    %, (target, realisasi kinerja) for a capaian."""
    right = nearest_left(columns, index, part)
    left = nearest_left(columns, right.index, whole) if right else None
    return (left, right) if left and right else None


def left_of(table: Table, index: int, role: Role) -> Column | None:
    """The nearest column of `role` left of column `index`."""
    return nearest_left(table.columns, index, role)


def budget_pair(table: Table, index: int) -> tuple[Column, Column] | None:
    """The realisasi column nearest left of `index` and the pagu column left of that."""
    return pair_left(table.columns, index, Role.PAGU, Role.REALISASI)


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def year_of(header: str) -> str:
    """The year a column's header names (`Capaian / 2022` → `2022`; `s.d. 2026` too), else ""."""
    years = _YEAR.findall(header or "")
    return years[-1] if years else ""


def children_of(table: Table) -> list[tuple[Row, list[Row]]]:
    """Each Program/Kegiatan row with the rows one level below it, up to its next sibling, or up to the
    first row whose kode is not under its own (`2.17.08.2.01` is no Kegiatan of Program `2.17.07`, whatever
    comes between them: a Program row left out by the extraction)."""
    pairs = []
    structural = [r for r in table.rows if r.level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)]
    for i, parent in enumerate(structural):
        children = []
        for row in structural[i + 1:]:
            if row.level.depth <= parent.level.depth or _outside(parent.marker, row.marker):
                break
            if row.level.depth == parent.level.depth + 1:
                children.append(row)
        if children:
            pairs.append((parent, children))
    return pairs


_KODE = re.compile(r"^\d+(\.\d+)+$")


def _outside(parent: str, row: str) -> bool:
    """Both markers are dotted kode (or numbering) and the row's does not begin with the parent's."""
    parent, row = parent.strip().rstrip("."), row.strip().rstrip(".")
    return bool(_KODE.match(parent) and _KODE.match(row)) and not row.startswith(parent + ".")


def rows_totalled_by(table: Table) -> list[tuple[Row, list[Row]]]:
    """Each total row with the top-level rows it sums: those since the previous total, or below it when it
    stands above them (an agency row heading the table)."""
    pairs = []
    rows = table.rows
    totals = [i for i, r in enumerate(rows) if r.level is Level.TOTAL]
    for n, i in enumerate(totals):
        previous = totals[n - 1] if n else -1
        above = [r for r in rows[previous + 1:i] if r.level not in (Level.TOTAL, Level.OTHER)]
        if above:
            scope = above
        else:
            following = totals[n + 1] if n + 1 < len(totals) else len(rows)
            scope = [r for r in rows[i + 1:following] if r.level not in (Level.TOTAL, Level.OTHER)]
        if scope:
            top = min(r.level.depth for r in scope)
            pairs.append((rows[i], [r for r in scope if r.level.depth == top]))
    return pairs


def source_columns(table: Table, total: Column) -> list[Column]:
    """The funding-source columns standing immediately left of a realisation total."""
    sources = []
    for column in reversed(table.columns[:total.index]):
        if column.role is not Role.SUMBER:
            break
        sources.insert(0, column)
    return sources


def quarter_total(table: Table) -> tuple[list[Column], Column] | None:
    """The quarter columns and the year's realisasi after them (the RKPD form's `9 = 5+6+7+8`): only quarters
    that run I, II, ... in order, each once, add up to the year so far. Others (a quarter named twice: a
    header OCR misread, `Triwulan ll` for III) are not summed, and their figures stay unchecked."""
    quarters = table.columns_with(Role.TRIWULAN)
    total = next((c for c in table.columns_with(Role.REALISASI) if quarters and c.index > quarters[-1].index), None)
    return (quarters, total) if 2 <= len(quarters) and quarters_in_order(quarters) and total is not None else None


def quarters_in_order(quarters: list[Column]) -> bool:
    return [c.source_name for c in quarters] == [f"Triwulan {q}" for q in ("I", "II", "III", "IV")[:len(quarters)]]


_AVERAGE_LABEL = re.compile(r"^\s*(rata[\s-]*rata|rerata|average)\b", re.IGNORECASE)
AVERAGED_ROLES = (Role.CAPAIAN, Role.PERSEN, Role.EFISIENSI)


def summary_row(table: Table) -> Row | None:
    """The last row when it is an average row: no text but `rata-rata` (a row that only leaves its label
    empty continues the one above), percentages, no rupiah."""
    if len(table.rows) < 3:
        return None
    last = table.rows[-1]
    texts = [cell for cell, value in zip(last.cells, last.values) if cell.strip() and value is None]
    unnamed = not texts or (len(texts) == 1 and _AVERAGE_LABEL.match(texts[0]))
    money = any(_amount(last, c.index) is not None and _amount(last, c.index) != 0 for c in table.columns if c.money)
    percentages = any(last.values[c.index] is not None and last.values[c.index].value is not None
                      for c in table.columns_with(*AVERAGED_ROLES))
    return last if unnamed and percentages and not money else None


def averaged_rows(rows: list[Row], index: int) -> list[Row]:
    """The rows with a value in the column, at the shallowest level among them (Programs, not their parts)."""
    valued = [r for r in rows if r.values[index] is not None and r.values[index].value is not None
              and r.level is not Level.TOTAL]
    top = min((r.level.depth for r in valued), default=None)
    return [r for r in valued if r.level.depth == top]


def _amount(row: Row, index: int):
    value = row.values[index] if index < len(row.values) else None
    return None if value is None else value.amount


def table_relations(table: Table, budget: bool, certain: bool) -> list[Relation]:
    """Every relation of a table, in the order the rules report them.

    `budget`: the table carries pagu and realisasi (its money relations apply); `certain`: its columns are
    where the report put them (capaian, averages; a doubtful borderless table gets none of these)."""
    relations: list[Relation] = []
    if certain:
        relations += _capaian(table)
        relations += _average(table)
    if budget:
        money = table.columns_with(*MONEY_ROLES)
        for kind, pairs in (("children", children_of(table)), ("total", rows_totalled_by(table))):
            relations += [Relation(kind, (parent.index, c.index), tuple((r.index, c.index) for r in parts))
                          for parent, parts in pairs for c in money]
        for total in table.columns_with(Role.REALISASI):
            sources = source_columns(table, total)
            if sources:
                relations += [Relation("sources", (r.index, total.index), tuple((r.index, c.index) for c in sources))
                              for r in table.rows]
        quarters = quarter_total(table)
        if quarters:
            relations += [Relation("quarters", (r.index, quarters[1].index),
                                   tuple((r.index, c.index) for c in quarters[0])) for r in table.rows]
        relations += _per_row(table, Role.PERSEN, "percent")
        relations += _per_row(table, Role.SISA, "sisa")
        for column in table.columns_with(Role.EFISIENSI):
            pair = budget_pair(table, column.index)
            if pair:
                capaian = left_of(table, pair[0].index, Role.CAPAIAN)
                relations += [Relation("efficiency", (r.index, column.index), ((r.index, pair[0].index),
                                                                               (r.index, pair[1].index)),
                                       ((r.index, capaian.index),) if capaian else ()) for r in table.rows]
    if certain:
        relations += _flat_totals(table, {r.target for r in relations if r.kind in ("children", "total")})
    return relations


#: Columns whose figures are not quantities to add up.
_NOT_ADDED = (Role.NO, Role.KODE, Role.LABEL, Role.INDIKATOR, Role.KETERANGAN, Role.PERSEN, Role.CAPAIAN,
              Role.EFISIENSI, Role.BOBOT, Role.NILAI)


_TOTAL_ROW = re.compile(r"^\W*(sub\s*)?(jumlah|total)\b(?P<rest>[\w\s]*?)\W*$", re.IGNORECASE)
#: Words that may follow Jumlah/Total in a total row's label without naming a thing of its own: "Jumlah
#: Keseluruhan", "Total Anggaran". Any word of the table's own column headers may too ("Jumlah Pegawai" under
#: a `Pegawai` column); "Jumlah Koperasi Aktif" in a list of indicators names a row, not a total.
_TOTAL_WORDS = frozenset("keseluruhan seluruhnya total akhir pegawai anggaran pagu dana biaya belanja realisasi "
                         "rp rupiah".split())


def _header_words(table: Table) -> frozenset[str]:
    return frozenset(w for c in table.columns for w in re.findall(r"[a-z]{3,}", c.header.lower()))


def _is_total_row(row: Row, header_words: frozenset[str] = frozenset()) -> bool:
    """A row whose only words say it is a total (`Jumlah`, `TOTAL`, `Jumlah Keseluruhan`, `Jumlah Anggaran`)."""
    texts = [c for c, v in zip(row.cells, row.values) if c.strip() and v is None]
    match = _TOTAL_ROW.match(mend_broken_words(texts[0])) if len(texts) == 1 else None
    return bool(match) and set(match["rest"].lower().split()) <= _TOTAL_WORDS | header_words


def _flat_totals(table: Table, taken: set) -> list[Relation]:
    """A Jumlah / Total row under rows of one level (a staff table, a list of amounts): each of its figures
    is the sum of the rows since the table's start or the previous total. Percentages are not added (shares,
    not quantities); a cell another relation already sums is left to it.

    The rows must be all there for the sum to mean anything, and the numbers say when they are not: a
    numbering that skips (`10`, `13`), or a Jumlah that agrees with none of its two or more columns (a row
    lost or misread, not an error in every column). Such a total is not checked, and the table says why."""
    relations = []
    rows = table.rows
    start = 0
    words = _header_words(table)
    for i, row in enumerate(rows):
        if not _is_total_row(row, words):
            continue
        scope = [r for r in rows[start:i] if not _is_total_row(r, words)]
        start = i + 1
        if len(scope) < 2 or len({r.level for r in scope}) > 1:
            continue
        found = []
        for column in table.columns:
            if column.role in _NOT_ADDED or column.index >= len(row.values) or (i, column.index) in taken:
                continue
            printed = row.values[column.index]
            parts = [r.values[column.index] for r in scope if column.index < len(r.values)]
            numbers = [v for v in parts if v is not None and v.value is not None]
            if (printed is None or printed.value is None or printed.percent or len(numbers) < 2
                    or any(v.percent or v.error for v in numbers)):
                continue
            found.append(Relation("column-total", (row.index, column.index),
                                  tuple((r.index, column.index) for r in scope)))
        if not found:
            continue
        at = where(row.line, row.page)
        skipped = _numbering_gap(scope)
        if skipped:
            table.repairs.append(Said(f"penomoran melompati {skipped}: mungkin ada baris yang hilang, jadi baris "
                                      "Jumlah tidak diperiksa terhadap baris di atasnya",
                                      f"the numbering skips {skipped}: rows may be missing, so the Jumlah row is "
                                      "not checked against the rows above it").after(at))
            continue
        if len(found) >= 2 and not any(_sums_up(table, relation) for relation in found):
            table.repairs.append(Said(f"baris Jumlah tidak cocok dengan satu pun dari {len(found)} kolomnya: mungkin "
                                      "ada baris yang hilang atau salah baca, jadi tidak diperiksa terhadap baris di "
                                      "atasnya",
                                      f"the Jumlah row agrees with none of its {len(found)} columns: rows may be "
                                      "missing or misread, so it is not checked against the rows above it").after(at))
            continue
        relations += found
    return relations


def _numbering_gap(scope: list[Row]) -> str:
    """`11-12` when the rows number themselves 1, 2, ... 10, 13 (the first gap), else ""."""
    numbers = []
    for row in scope:
        text = (row.marker or (row.cells[0] if row.cells else "")).strip().rstrip(".")
        if text.isdigit():
            numbers.append(int(text))
    if len(numbers) < 2:
        return ""
    for previous, current in zip(numbers, numbers[1:]):
        if current > previous + 1:
            return f"{previous + 1}-{current - 1}" if current - previous > 2 else str(previous + 1)
    return ""


def _sums_up(table: Table, relation: Relation) -> bool:
    printed = _amount(table.rows[relation.target[0]], relation.target[1])
    parts = [_amount(table.rows[r], c) for r, c in relation.operands]
    return printed is not None and printed == sum((p for p in parts if p is not None), 0)


def _per_row(table: Table, role: Role, kind: str) -> list[Relation]:
    relations = []
    for column in table.columns_with(role):
        pair = budget_pair(table, column.index)
        if pair:
            relations += [Relation(kind, (r.index, column.index), ((r.index, pair[0].index), (r.index, pair[1].index)))
                          for r in table.rows]
    return relations


def _capaian(table: Table) -> list[Relation]:
    """Capaian = realisasi / target on each row: the pair the numbers matched to it (`Column.of`), else the
    nearest realisasi and target left of it, which under year groups must be of the capaian's own year (a
    2023 capaian is never judged against 2022's realisasi)."""
    relations = []
    for column in table.columns_with(Role.CAPAIAN):
        if column.of is not None:
            target, realisasi = (table.columns[i] for i in column.of)
        else:
            realisasi = left_of(table, column.index, Role.REALISASI_KINERJA)
            target = left_of(table, realisasi.index, Role.TARGET) if realisasi else None
            year = year_of(column.header)
            if year and target is not None and (year_of(realisasi.header) or year_of(target.header)) and \
                    not (year_of(realisasi.header) == year == year_of(target.header)):
                target = None
        if target is not None:
            relations += [Relation("capaian", (r.index, column.index), ((r.index, target.index),
                                                                        (r.index, realisasi.index)))
                          for r in table.rows]
    return relations



def _average(table: Table) -> list[Relation]:
    last = summary_row(table)
    if last is None:
        return []
    relations = []
    for column in table.columns_with(*AVERAGED_ROLES):
        printed = last.values[column.index]
        if printed is None or printed.value is None:
            continue
        rows = averaged_rows(table.rows[:-1], column.index)
        if len(rows) < 2:
            continue
        extra: tuple[Cell, ...] = ()
        pair = budget_pair(table, column.index) if column.role is Role.PERSEN else None
        if pair:
            extra = tuple((r.index, c.index) for r in rows for c in pair)
        relations.append(Relation("average", (last.index, column.index), tuple((r.index, column.index) for r in rows),
                                  extra))
    return relations
