"""Column roles confirmed by the table's own arithmetic: headers name columns, the numbers say what they are.

Two sources of evidence beyond the header words (`columns.assign_roles`):

- a formula printed in the column-number row (`(5) = (4) / (3) x 100`, `6 = 3 - 4`) states the relation;
- the rows' numbers: a ratio column that equals Realisasi / Pagu × 100 on most rows is the budget %, whatever
  its header (a budget table's `% Capaian`), and one that a table of Anggaran | Realisasi | % cannot make
  from anything but the budget pair is the budget % too, unconfirmed: its disagreeing rows are then
  warnings under one explanation (the column may hold physical progress), not errors.

Every decision is written down as a note the table carries (shown under the table), with its count of rows.
"""

from __future__ import annotations

from collections.abc import Callable

from dataclasses import dataclass
from decimal import Decimal

from ..said import Said
from .column_numbers import Formula
from .columns import mentions, pair_part
from .model import Column, Role
from .numbers import Number
from .ratios import HUNDRED, capaian_holds, comparable, half_unit, range_holds, ratio_holds
from .relations import nearest_left, pair_left, year_of

#: Share of the rows that print all three figures on which a relation must hold to name a column by it.
#: A table's own arithmetic: one or two slips (the findings) do not hide what the column is.
CONFIRMED_SHARE = 0.6
#: Below this share a column named the budget % by its header is in doubt.
DOUBTFUL_SHARE = 0.5


@dataclass(frozen=True)
class Evidence:
    holds: int
    rows: int

    @property
    def confirmed(self) -> bool:
        return self.rows >= 2 and self.holds / self.rows >= CONFIRMED_SHARE


def capaian_judge(row: list[Number | None], numerator: int, denominator: int) -> Callable[[Number], bool] | None:
    """Whether a capaian is the row's realisasi (`numerator`) over its target (`denominator`), as the checks judge
    it (`ratios.capaian_holds`); None when the row does not print both of one measure."""
    goal = row[denominator] if denominator < len(row) else None
    done = row[numerator] if numerator < len(row) else None
    if not comparable(goal, done):
        return None
    return lambda printed: capaian_holds(printed, goal, done)


def capaian_evidence(values, target: int, numerator: int, denominator: int) -> Evidence:
    """On how many rows does the capaian in `target` hold as the checks judge it (`ratios.capaian_holds`)."""
    return _evidence(values, target, capaian_judge, numerator, denominator)


def _evidence(values, target: int, judge, numerator: int, denominator: int) -> Evidence:
    holds = rows = 0
    for row in values:
        printed = row[target] if target < len(row) else None
        holds_for = judge(row, numerator, denominator)
        if printed is None or printed.value is None or holds_for is None:
            continue
        rows += 1
        holds += holds_for(printed)
    return Evidence(holds, rows)


def _amount(row: list[Number | None], index: int) -> Decimal | None:
    value = row[index] if index < len(row) else None
    return None if value is None else value.amount


def ratio_judge(row: list[Number | None], numerator: int, denominator: int) -> Callable[[Number], bool] | None:
    """Whether a printed % is numerator / denominator × 100 of the row; None when the row does not print both."""
    top, bottom = _amount(row, numerator), _amount(row, denominator)
    if top is None or not bottom:
        return None
    half = _half_unit(row, numerator, denominator)
    if half and bottom > half:  # amounts rounded to their printed decimals (`Rp juta`): the % came first
        low, high = (top - half) / (bottom + half) * HUNDRED, (top + half) / (bottom - half) * HUNDRED
        return lambda printed: range_holds(printed.value, low, high, printed.decimals)
    return lambda printed: ratio_holds(printed.value, top / bottom * HUNDRED, printed.decimals)


def ratio_evidence(values: list[list[Number | None]], target: int, numerator: int, denominator: int) -> Evidence:
    """On how many rows that print all three does target = numerator / denominator × 100 hold."""
    return _evidence(values, target, ratio_judge, numerator, denominator)


def _half_unit(row, *indexes: int) -> Decimal:
    """Half a unit of the last decimal amounts print with decimals (`1.100,25` juta), else 0 (whole rupiah are
    exact)."""
    decimals = max((row[i].decimals for i in indexes if i < len(row) and row[i] is not None), default=0)
    return half_unit(decimals) if decimals else Decimal(0)


def difference_evidence(values, target: int, minuend: int, subtrahend: int) -> Evidence:
    holds = rows = 0
    for row in values:
        printed, a, b = _amount(row, target), _amount(row, minuend), _amount(row, subtrahend)
        if printed is None or a is None or b is None:
            continue
        rows += 1
        holds += abs(printed - (a - b)) <= 3 * _half_unit(row, target, minuend, subtrahend)
    return Evidence(holds, rows)


def confirm_roles(columns: list[Column], values: list[list[Number | None]], formulas: list[Formula]) -> list[str]:
    """Set roles the printed formulas and the rows' numbers show; return a note per decision."""
    notes = [_apply_formula(columns, values, f) for f in formulas]
    # In a K / Rp table (the RKPD form) each % names its own half; the header settled it.
    paired = any(pair_part(c.header) in ("k", "rp") for c in columns)
    for column in columns:
        if column.role in (Role.CAPAIAN, Role.PERSEN) and not column.formula and not paired:
            note = _budget_share(columns, values, column)
            if note:
                notes.append(note)
        elif column.role is Role.REALISASI_KINERJA and not column.money and not paired and not nearest_left(
                columns, column.index, Role.TARGET):
            # `% Realisasi` beside Pagu | Realisasi: no target to be a realisation of, so the numbers decide.
            notes.append(_named_by_numbers(columns, values, column))
    for column in columns:
        if column.role is Role.OTHER and not paired:
            notes.append(_named_by_numbers(columns, values, column))
    for column in columns:
        if column.role is Role.CAPAIAN and year_of(column.header):
            notes.append(_pair_by_year(columns, values, column))
    return [n for n in notes if n]


def _pair_by_year(columns: list[Column], values, column: Column) -> str:
    """A capaian under a year (`Target 2021 2022 2023 | Realisasi 2021 2022 2023 | Capaian 2021 2022 2023`)
    is made from the target and realisasi of its own year, wherever they stand, when the rows say so."""
    year = year_of(column.header)
    same_year = [c for c in columns[:column.index] if year_of(c.header) == year and not c.money
                 and c.role not in (Role.CAPAIAN, Role.PERSEN, Role.LABEL, Role.INDIKATOR, Role.NO)]
    targets = [c for c in same_year if c.role is Role.TARGET or mentions(c.header, ("target",))]
    realisasi = [c for c in same_year if c.role is Role.REALISASI_KINERJA or mentions(c.header, ("realisasi",))]
    if len(targets) != 1 or len(realisasi) != 1 or targets[0] is realisasi[0]:
        return ""
    target, real = targets[0], realisasi[0]
    evidence = capaian_evidence(values, column.index, real.index, target.index)
    if not evidence.confirmed:
        return Said(f"`{column.header}`: {real.header} / {target.header} × 100 hanya cocok pada {evidence.holds} "
                    f"dari {evidence.rows} baris: tidak dipasangkan",
                    f"`{column.header}`: {real.header} / {target.header} × 100 holds on only {evidence.holds} of "
                    f"{evidence.rows} rows: not paired")
    target.role, real.role = Role.TARGET, Role.REALISASI_KINERJA
    column.of = (target.index, real.index)
    return Said(f"`{column.header}` adalah {real.header} / {target.header} × 100 (tahunnya sendiri) pada "
                f"{evidence.holds} dari {evidence.rows} baris",
                f"`{column.header}` is {real.header} / {target.header} × 100 (its own year) on {evidence.holds} of "
                f"{evidence.rows} rows")


def _named_by_numbers(columns: list[Column], values, column: Column) -> str:
    """A column no header word named (`Persentase` printed without % signs, an unlabelled sisa): the
    relation its numbers hold with the pair left of it names it."""
    numbers = [row[column.index] for row in values if column.index < len(row) and row[column.index] is not None]
    if len(numbers) < 2 or any(n.unit for n in numbers):
        return ""
    pagu, realisasi = pair_left(columns, column.index, Role.PAGU, Role.REALISASI) or (None, None)
    if realisasi and pagu:
        if not column.money:
            evidence = ratio_evidence(values, column.index, realisasi.index, pagu.index)
            if evidence.confirmed:
                column.role = Role.PERSEN
                return Said(f"`{column.header or column.index + 1}` adalah {realisasi.header} / {pagu.header} × 100 "
                            f"pada {evidence.holds} dari {evidence.rows} baris: dibaca sebagai % anggaran",
                            f"`{column.header or column.index + 1}` is {realisasi.header} / {pagu.header} × 100 on "
                            f"{evidence.holds} of {evidence.rows} rows: read as the budget %")
        if not any(n.percent for n in numbers):
            # A money column, or one of zeros only (a budget spent in full leaves `0` or `-` as its sisa, which
            # no amount's shape marks as rupiah).
            evidence = difference_evidence(values, column.index, pagu.index, realisasi.index)
            if evidence.confirmed:
                column.role, column.money = Role.SISA, True
                return Said(f"`{column.header or column.index + 1}` sama dengan {pagu.header} − {realisasi.header} "
                            f"pada {evidence.holds} dari {evidence.rows} baris: dibaca sebagai sisa",
                            f"`{column.header or column.index + 1}` equals {pagu.header} − {realisasi.header} on "
                            f"{evidence.holds} of {evidence.rows} rows: read as the sisa")
        return ""
    target, kinerja = pair_left(columns, column.index, Role.TARGET, Role.REALISASI_KINERJA) or (None, None)
    if kinerja and target and not column.money:
        evidence = ratio_evidence(values, column.index, kinerja.index, target.index)
        if evidence.confirmed:
            column.role = Role.CAPAIAN
            return Said(f"`{column.header or column.index + 1}` sama dengan {kinerja.header} / {target.header} × 100 "
                        f"pada {evidence.holds} dari {evidence.rows} baris: dibaca sebagai capaian",
                        f"`{column.header or column.index + 1}` equals {kinerja.header} / {target.header} × 100 on "
                        f"{evidence.holds} of {evidence.rows} rows: read as capaian")
    return ""


def _apply_formula(columns: list[Column], values, formula: Formula) -> str:
    if max(formula.target, *formula.operands) >= len(columns):
        return ""
    target = columns[formula.target]
    if formula.kind == "ratio":
        top, bottom = (columns[i] for i in formula.operands)
        evidence = ratio_evidence(values, target.index, top.index, bottom.index)
        if top.money and bottom.money:
            roles = [(bottom, Role.PAGU), (top, Role.REALISASI), (target, Role.PERSEN)]
            meaning = Said("% anggaran (Realisasi / Pagu × 100)", "the budget % (Realisasi / Pagu × 100)")
        else:
            roles = [(bottom, Role.TARGET), (top, Role.REALISASI_KINERJA), (target, Role.CAPAIAN)]
            meaning = Said("capaian (Realisasi / Target × 100)", "capaian (Realisasi / Target × 100)")
    elif formula.kind == "difference" and all(columns[i].money for i in formula.operands):
        first, second = (columns[i] for i in formula.operands)
        evidence = difference_evidence(values, target.index, first.index, second.index)
        roles = [(first, Role.PAGU), (second, Role.REALISASI), (target, Role.SISA)]
        meaning = Said("sisa (Pagu − Realisasi)", "the sisa (Pagu − Realisasi)")
    else:
        return Said(f"rumus tercetak `{formula.text}` dibaca, tidak dipakai: hanya rasio dan selisih uang yang dipakai",
                    f"printed formula `{formula.text}` read, not used: only ratios and money differences are")
    if evidence.rows and not evidence.holds:
        return Said(f"rumus tercetak `{formula.text}` tidak cocok pada satu pun dari {evidence.rows} baris: tidak "
                    "dipakai untuk menamai kolom",
                    f"printed formula `{formula.text}` holds on none of {evidence.rows} rows: not used to name the "
                    "columns")
    for column, role in roles:
        if column.role in (Role.SUMBER, Role.TRIWULAN) and role in (Role.PAGU, Role.REALISASI):
            continue  # a funding source or quarter stays one: its total is found beside it
        column.role = role
    target.formula = formula.text
    return Said(f"rumus tercetak `{formula.text}`: kolom {target.index + 1} adalah {meaning.text('id')}, karena "
                f"cocok pada {evidence.holds} dari {evidence.rows} baris",
                f"printed formula `{formula.text}`: column {target.index + 1} is {meaning}, as it holds on "
                f"{evidence.holds} of {evidence.rows} rows")


def _budget_share(columns: list[Column], values, column: Column) -> str:
    """A ratio column beside a budget pair: the budget % when the numbers say so (or nothing else can)."""
    pagu, realisasi = pair_left(columns, column.index, Role.PAGU, Role.REALISASI) or (None, None)
    if not (realisasi and pagu):
        return ""
    budget = ratio_evidence(values, column.index, realisasi.index, pagu.index)
    if column.role is Role.PERSEN:
        # Named the budget % by its header: only a column wrong on most rows is in doubt (a few slips are
        # the findings).
        if budget.rows >= 3 and budget.holds / budget.rows < DOUBTFUL_SHARE:
            column.doubt = _doubt(column, budget)
            return column.doubt
        return ""
    # A capaian column: does the table hold the kinerja pair it would be made from?
    target, kinerja = pair_left(columns, column.index, Role.TARGET, Role.REALISASI_KINERJA) or (None, None)
    if kinerja and target:
        performance = ratio_evidence(values, column.index, kinerja.index, target.index)
        if performance.confirmed or not budget.confirmed:
            return ""
    if budget.confirmed:
        column.role = Role.PERSEN
        return Said(f"`{column.header}` adalah {realisasi.header} / {pagu.header} × 100 pada {budget.holds} dari "
                    f"{budget.rows} baris: dibaca sebagai % anggaran, bukan capaian kinerja",
                    f"`{column.header}` is {realisasi.header} / {pagu.header} × 100 on {budget.holds} of "
                    f"{budget.rows} rows: read as the budget %, not capaian kinerja")
    if kinerja and target:
        return ""
    if budget.rows:
        column.role = Role.PERSEN
        column.doubt = _doubt(column, budget)
        return column.doubt
    return ""


def _doubt(column: Column, evidence: Evidence) -> str:
    return Said(f"`{column.header}` sama dengan Realisasi / Pagu × 100 hanya pada {evidence.holds} dari "
                f"{evidence.rows} baris: mungkin berisi hal lain (kemajuan fisik?); bila demikian, beri judul yang "
                "sesuai. Barisnya yang tidak cocok menjadi peringatan",
                f"`{column.header}` equals Realisasi / Pagu × 100 on only {evidence.holds} of {evidence.rows} rows: "
                "it may hold something else (physical progress?); if so, label it. Its rows that disagree are "
                "warnings")


#: A table a reader doubts (a borderless page's columns) is trusted when its own arithmetic holds on this share
#: of the rows that print the figures, on at least `MIN_CONFIRMING_ROWS` rows: figures in the wrong columns do
#: not add up row after row. The rows where it fails are then findings like any other table's.
CONFIRMING_SHARE = 0.9
MIN_CONFIRMING_ROWS = 5


def columns_confirmed(columns: list[Column], values) -> Evidence | None:
    """The rows' own arithmetic over the columns as read (`arithmetic_evidence`): the evidence when it
    confirms the columns, else None."""
    evidence = arithmetic_evidence(columns, values)
    if evidence.rows >= MIN_CONFIRMING_ROWS and evidence.holds / evidence.rows >= CONFIRMING_SHARE:
        return evidence
    return None


def arithmetic_evidence(columns: list[Column], values) -> Evidence:
    """How many of the rows' own figures hold over the columns as read: realisasi / pagu × 100 in the budget
    %, pagu − realisasi in the sisa, realisasi / target × 100 in the capaian (each pair the nearest left of
    its column)."""
    holds = rows = 0
    for column in columns:
        if column.role is Role.PERSEN:
            pair = pair_left(columns, column.index, Role.PAGU, Role.REALISASI)
            evidence = ratio_evidence(values, column.index, pair[1].index, pair[0].index) if pair else None
        elif column.role is Role.SISA:
            pair = pair_left(columns, column.index, Role.PAGU, Role.REALISASI)
            evidence = difference_evidence(values, column.index, pair[0].index, pair[1].index) if pair else None
        elif column.role is Role.CAPAIAN:
            pair = pair_left(columns, column.index, Role.TARGET, Role.REALISASI_KINERJA)
            evidence = capaian_evidence(values, column.index, pair[1].index, pair[0].index) if pair else None
        else:
            continue
        if evidence is not None:
            holds, rows = holds + evidence.holds, rows + evidence.rows
    return Evidence(holds, rows)
