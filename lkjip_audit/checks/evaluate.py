"""One evaluator for every relation of a table (`understand.relations`): does the printed target agree?

Money is judged exactly, within the tolerance parameter; ratios by their own printed decimals (rounded or
truncated); a capaian with its realisasi's rounding range, or the inverse for lower-is-better indicators;
an efisiensi as the share not spent or capaian − serapan; a closing average as the mean of the rows above,
or for the budget %, Σ realisasi / Σ pagu. A relation whose numbers are not all printed is not judged
(`None`): its cells are not counted as checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..understand.model import Table
from ..understand.ratios import HUNDRED, capaian_holds, comparable, half_unit, range_holds, ratio_holds
from ..understand.relations import CAPAIAN, DIFFERENCE, MEAN, SHARE, SUM, UNSPENT, Relation
from .tolerance import EXACT, Tolerance
from .values import amount, sum_of_parts



@dataclass
class Verdict:
    """What the printed target is, what the relation computes, and whether they agree."""

    held: bool
    printed: Decimal
    expected: Decimal  # the main reading (Σ, the share, realisasi / target, the mean)
    alternatives: list[Decimal] = field(default_factory=list)  # other readings that were also tried
    decimals: int = 0  # printed decimals of the target (ratios)


def evaluate(table: Table, relation: Relation, tolerance: Tolerance = EXACT) -> Verdict | None:
    """Judge one relation; None when its numbers are not all printed (nothing to judge)."""
    return _JUDGES[relation.combine](table, relation, tolerance)


def failing(table: Table, kind: str, tolerance: Tolerance = EXACT):
    """(relation, verdict, target column, its row) for each relation of `kind` that does not hold: what a
    rule turns into findings."""
    for relation in (r for r in table.relations if r.kind == kind):
        verdict = evaluate(table, relation, tolerance)
        if verdict is not None and not verdict.held:
            yield relation, verdict, table.columns[relation.target[1]], table.rows[relation.target[0]]


def _value(table: Table, cell):
    row, column = cell
    values = table.rows[row].values
    return values[column] if column < len(values) else None


def _amount(table: Table, cell) -> Decimal | None:
    return amount(table.rows[cell[0]], cell[1])


def _text(table: Table, cell) -> str:
    row, column = cell
    cells = table.rows[row].cells
    return cells[column] if column < len(cells) else ""


def _sum(table, relation, tolerance) -> Verdict | None:
    printed = _amount(table, relation.target)
    expected = sum_of_parts([(_amount(table, c), _text(table, c)) for c in relation.operands])
    if printed is None or expected is None:
        return None
    if not table.columns[relation.target[1]].money:
        tolerance = EXACT  # the rupiah tolerance is for rupiah: 12 pegawai are never 19
    slack, decimals = _rounding(table, (relation.target, *relation.operands))
    return Verdict(tolerance.money_holds(printed, expected, slack, table.columns[relation.target[1]].scale),
                   printed, expected, decimals=decimals)


def _difference(table, relation, tolerance) -> Verdict | None:
    printed, first, second = (_amount(table, c) for c in (relation.target, *relation.operands))
    if printed is None or first is None or second is None:
        return None
    expected = first - second
    slack, decimals = _rounding(table, (relation.target, *relation.operands))
    return Verdict(tolerance.money_holds(printed, expected, slack, table.columns[relation.target[1]].scale),
                   printed, expected, decimals=decimals)


def _rounding(table: Table, cells) -> tuple[Decimal, int]:
    """How far a sum of amounts printed in a larger unit (`Rp juta`, `1.100,25`) may be off from its printed
    total by rounding alone: half a unit of the last printed decimal for each figure, the total's included.
    Whole rupiah (scale 1) are exact: nothing is rounded. Also the decimals the target prints."""
    target = _value(table, cells[0])
    return _half_unit(table, cells) * len(cells), target.decimals if target is not None else 0


def _printed_ratio(table, relation):
    printed = _value(table, relation.target)
    return printed if printed is not None and printed.value is not None else None


def _share(table, relation, tolerance) -> Verdict | None:  # noqa: ARG001 - ratios follow their decimals
    printed = _printed_ratio(table, relation)
    whole, part = (_amount(table, c) for c in relation.operands)
    if printed is None or not whole or part is None:
        return None
    computed = part / whole * HUNDRED
    half = _half_unit(table, relation.operands)
    if half and whole > half:  # amounts printed rounded (`Rp juta`): the % was computed from the rupiah
        held = range_holds(printed.value, (part - half) / (whole + half) * HUNDRED,
                           (part + half) / (whole - half) * HUNDRED, printed.decimals)
    else:
        held = ratio_holds(printed.value, computed, printed.decimals)
    return Verdict(held, printed.value, computed, decimals=printed.decimals)


def _half_unit(table: Table, cells) -> Decimal:
    """Half a unit of the last printed decimal of amounts printed in a larger unit (`Rp juta`), else 0."""
    if all(table.columns[column].scale == 1 for _, column in cells):
        return Decimal(0)
    return half_unit(max((v.decimals for c in cells if (v := _value(table, c)) is not None), default=0))


def _unspent(table, relation, tolerance) -> Verdict | None:  # noqa: ARG001
    printed = _printed_ratio(table, relation)
    pagu, realisasi = (_amount(table, c) for c in relation.operands)
    if printed is None or not pagu or realisasi is None:
        return None
    unspent = (pagu - realisasi) / pagu * HUNDRED
    alternatives = []
    capaian = _value(table, relation.extra[0]) if relation.extra else None
    if capaian is not None and capaian.value is not None:
        alternatives.append(capaian.value - realisasi / pagu * HUNDRED)
    held = any(ratio_holds(printed.value, v, printed.decimals) for v in (unspent, *alternatives))
    return Verdict(held, printed.value, unspent, alternatives, printed.decimals)


def _capaian(table, relation, tolerance) -> Verdict | None:  # noqa: ARG001
    printed = _printed_ratio(table, relation)
    target, realisasi = (_value(table, c) for c in relation.operands)
    if printed is None or not comparable(target, realisasi):
        return None
    return Verdict(capaian_holds(printed, target, realisasi), printed.value,
                   realisasi.value / target.value * HUNDRED, [target.value / realisasi.value * HUNDRED],
                   printed.decimals)


def _mean(table, relation, tolerance) -> Verdict | None:  # noqa: ARG001
    printed = _printed_ratio(table, relation)
    values = [_value(table, c) for c in relation.operands]
    if printed is None or any(v is None or v.value is None for v in values):
        return None
    mean = sum(v.value for v in values) / len(values)
    alternatives = []
    if relation.extra:  # (pagu, realisasi) of each averaged row: the serapan of the whole
        amounts = [_amount(table, c) for c in relation.extra]
        pagu, realisasi = amounts[0::2], amounts[1::2]
        if None not in amounts and sum(pagu):
            alternatives.append(sum(realisasi) / sum(pagu) * HUNDRED)
    held = any(ratio_holds(printed.value, v, printed.decimals) for v in (mean, *alternatives))
    return Verdict(held, printed.value, mean, alternatives, printed.decimals)


_JUDGES = {SUM: _sum, DIFFERENCE: _difference, SHARE: _share, UNSPENT: _unspent, CAPAIAN: _capaian, MEAN: _mean}
