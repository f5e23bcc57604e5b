"""One misprinted number behind several findings: its sum, its %, its sisa all break at once.

For each printed amount that several failing checks involve, try the values that would make one of them
hold (the number plus or minus that check's difference). A value that makes every one of those checks hold
and breaks none that held is a likely misprint: its findings are grouped under it, so the evaluator reads
one cause, not several symptoms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from ..understand.model import MONEY_ROLES, Table
from ..understand.numbers import format_id
from ..understand.relations import children_of, rows_totalled_by
from .causes import digit_slip
from .finding import Finding
from .tolerance import Tolerance

#: Rules whose difference is an amount of rupiah a single corrected cell can absorb.
MONEY_RULES = ("footing-children", "footing-total", "row-sisa", "row-sources", "row-quarters")


@dataclass
class Misprint:
    """A printed amount that, corrected to `consistent`, makes the findings `explains` hold."""

    table: str
    row_index: int
    column_index: int
    item: str
    column: str
    printed: Decimal
    consistent: Decimal
    line: int | None
    explains: list[str]  # finding ids
    slip: str | None = None  # one-digit | swapped-digits | sign, when the two values show it
    id: str = ""  # M1, M2, ... in reading order

    def text(self, lang: str = "id") -> str:
        ids = ", ".join(self.explains)
        if lang == "id":
            how = {"one-digit": " (satu digit salah ketik)", "swapped-digits": " (dua digit tertukar)",
                   "sign": " (tanda terbalik)"}
            return (f"kemungkinan salah cetak: {self.column} {self.item} tercetak {format_id(self.printed)}, "
                    f"nilai yang konsisten {format_id(self.consistent)}{how.get(self.slip, '')}; "
                    f"menjelaskan {ids}")
        how = {"one-digit": " (one digit mistyped)", "swapped-digits": " (two digits swapped)",
               "sign": " (sign reversed)"}
        return (f"likely misprinted: {self.column} of {self.item} printed as {self.printed:,}, consistent value "
                f"{self.consistent:,}{how.get(self.slip, '')}; explains {ids}")


def likely_misprints(tables: list[Table], findings: list[Finding],
                     table_rules: Callable[[Table, Tolerance], list[Finding]], tolerance: Tolerance) -> list[Misprint]:
    """Misprints that explain two or more findings each; `table_rules` re-checks a table with one cell changed."""
    misprints = []
    by_table: dict[str | None, list[Finding]] = {}
    for finding in findings:  # grouped once: a long report has thousands of tables and findings
        by_table.setdefault(finding.table, []).append(finding)
    for table in tables:
        failing = [f for f in by_table.get(table.id, []) if f.rule in MONEY_RULES and f.difference]
        if len(failing) < 2:
            continue
        involved: dict[tuple[int, int], list[Finding]] = {}
        for finding in failing:
            for cell in _cells_of(table, finding):
                involved.setdefault(cell, []).append(finding)
        # Only what the table rules find can be explained by a cell; prose findings on the table stay.
        checked = {f.slot for f in table_rules(table, tolerance)}
        before = {f.slot: f for f in by_table[table.id] if f.slot in checked}
        for (row_index, column_index), its in involved.items():
            if len(its) < 2:
                continue
            printed = table.rows[row_index].values[column_index]
            if printed is None or printed.amount is None:
                continue
            found = _correction(table, row_index, column_index, printed.amount, its, before, table_rules, tolerance)
            if found is not None:
                misprints.append(found)
    return _strongest(misprints, {f.id: position for position, f in enumerate(findings)})


def _cells_of(table: Table, finding: Finding) -> list[tuple[int, int]]:
    """The (row, column) amounts a failing money check combined."""
    row = finding.row_index
    if finding.rule in ("footing-children", "footing-total"):
        pairs = children_of(table) if finding.rule == "footing-children" else rows_totalled_by(table)
        parts = next((p for parent, p in pairs if parent.index == row), [])
        return [(row, finding.column_index)] + [(r.index, finding.column_index) for r in parts]
    return [(row, c.index) for c in table.columns_with(*MONEY_ROLES)]


def _correction(table, row_index, column_index, printed, its, before, table_rules, tolerance) -> Misprint | None:
    # A value that makes every one of these checks hold is, for each, the printed one plus or minus its
    # difference: only values all of them allow are tried (each try re-checks the whole table).
    allowed = [{printed + f.difference, printed - f.difference} for f in its]
    for candidate in sorted(set.intersection(*allowed)):
        if candidate < 0 or candidate == printed:
            continue
        after = {f.slot for f in table_rules(_with_value(table, row_index, column_index, candidate), tolerance)}
        explained = [f for key, f in before.items() if key not in after]
        if after - before.keys() or len(explained) < 2 or any(f.slot in after for f in its):
            continue
        row = table.rows[row_index]
        column = table.columns[column_index]
        return Misprint(table=table.id, row_index=row_index, column_index=column_index, item=row.label,
                        column=column.header or column.role.value.title(), printed=printed, consistent=candidate,
                        line=row.line_of(column_index), explains=[f.id for f in explained],
                        slip="sign" if candidate == -printed else digit_slip(printed, candidate))
    return None


def _with_value(table: Table, row_index: int, column_index: int, value: Decimal) -> Table:
    row = table.rows[row_index]
    values = list(row.values)
    values[column_index] = replace(values[column_index], value=value, dash=False)
    rows = list(table.rows)
    rows[row_index] = replace(row, values=values)
    return replace(table, rows=rows)


def _strongest(misprints: list[Misprint], position: dict[str, int]) -> list[Misprint]:
    """Where two candidates explain overlapping findings, keep the one explaining more (then a digit slip);
    numbered M1, M2, ... in the reading order of the first finding each explains (`position`)."""
    kept: list[Misprint] = []
    for misprint in sorted(misprints, key=lambda m: (-len(m.explains), m.slip is None)):
        if not any(set(misprint.explains) & set(k.explains) for k in kept):
            kept.append(misprint)
    ordered = sorted(kept, key=lambda m: position[m.explains[0]])
    for number, misprint in enumerate(ordered, start=1):
        misprint.id = f"M{number}"
    return ordered
