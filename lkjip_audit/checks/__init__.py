"""Rules: pure functions from an understood table to findings; one module per family."""

from __future__ import annotations

from collections.abc import Callable

from ..said import Said
from ..understand.model import Table
from ..understand.scales import DEFAULT_SCALES, Scale
from .averages import check_average_row
from .categories import check_category_labels
from .causes import likely_cause
from ..understand.claims import Claim, StatedTotal, read_claims, stated_budget_totals
from .claims import check_claims, check_restated_totals
from .consistency import check_same_figures, check_same_programs, check_same_results
from .finding import Finding
from .identity import assign_ids, assign_keys
from .footing import check_children, check_column_totals, check_totals
from .lhe import check_lhe
from .ocr_doubts import doubtful_reading
from .performance import check_capaian
from .printed_errors import check_printed_errors
from .prose import (check_capaian_list_against_following_table, check_counts_against_following_table,
                    check_named_figures_against_near_table, check_prose_against_tables, check_prose_counts)
from .root_causes import Misprint, likely_misprints
from .row_identities import check_efficiency, check_percent, check_quarters, check_sisa, check_sources
from .rules import RULES, Rule
from .tolerance import EXACT, Tolerance

__all__ = ["run_checks", "table_findings", "Misprint", "Finding", "Rule", "RULES", "BUDGET_RULES",
           "ALL_TABLE_RULES", "Tolerance", "EXACT"]

#: Rules whose numbers are not one amount mistyped for another: no digit-slip cause is looked for.
NO_DIGIT_CAUSE = ("row-percent", "percent-unconfirmed", "prose-arithmetic", "row-capaian", "row-efficiency", "average-row", "prose-counts",
                  "category-label")

TableRule = Callable[[Table, Tolerance], list[Finding]]

#: Rules for budget-realisation tables.
BUDGET_RULES: tuple[TableRule, ...] = (check_children, check_totals, check_sources, check_quarters, check_percent,
                                       check_sisa, check_efficiency)
#: Rules for every table (each looks for the columns it needs).
ALL_TABLE_RULES: tuple[TableRule, ...] = (check_printed_errors,)
#: What those find: printed cells (`#DIV/0!`), not relations that fail.
PRINTED_ONLY = ("printed-error",)
#: Rules for tables whose columns are known to be where the report put them.
CERTAIN_TABLE_RULES: tuple[TableRule, ...] = (check_capaian, check_lhe, check_average_row, check_column_totals)


def _without_tables(lines: list[str], tables: list[Table]) -> list[str]:
    """The report's lines with each table's own lines blanked. A PDF's text layer has no blank line between a
    sentence and the table under it (`... sebagai berikut : No Sasaran Strategis ...`): read as prose, the
    sentence would run on into the table's cells."""
    prose = list(lines)
    for table in tables:
        if table.lines:
            prose[table.lines[0] - 1:table.lines[1]] = [""] * (table.lines[1] - table.lines[0] + 1)
    return prose


def run_checks(tables: list[Table], lines: list[str] | None = None,
               tolerance: Tolerance = EXACT, scales: list[Scale] | None = None,
               default_scales: list[Scale] | tuple[Scale, ...] = DEFAULT_SCALES,
               claims: list[Claim] | None = None, compared: set | None = None,
               stated: list[StatedTotal] | None = None) -> list[Finding]:
    """Every finding on every table, in reading order, then the report-level ones; each with its key and id.

    `lines` is the report's text, for the rules that compare the prose with the tables; `tolerance`
    says how far a money identity may be off (exact by default); `scales` are the category scales the
    report prints, `default_scales` judge the labels none of them has; `claims` are the prose's claims
    (read from `lines` when not given); `compared`, when given, receives the cells the cross-table
    comparisons read (for the coverage, `checks.coverage.coverage_of`); `stated` the whole budget as the
    prose states it (`understand.claims.stated_budget_totals`, read from `lines` when not given).
    """
    findings: list[Finding] = []
    for table in tables:
        doubt_ocr_reading(table, tolerance)
        findings.extend(table_findings(table, tolerance))
    if lines:
        findings.extend(check_prose_against_tables(tables, lines))
        findings.extend(check_prose_counts(tables, lines))
        # A sentence that announces the table under it must end where the table begins.
        prose = _without_tables(lines, tables)
        findings.extend(check_counts_against_following_table(tables, prose))
        findings.extend(check_capaian_list_against_following_table(tables, prose))
        findings.extend(check_named_figures_against_near_table(tables, lines))
    findings.extend(check_claims(read_claims(lines or []) if claims is None else claims, lines))
    # the whole budget as the prose states it (given by the caller, which shows it too, or read here)
    findings.extend(check_restated_totals(stated_budget_totals(lines or []) if stated is None else stated))
    # The same printed figure against the same other figure is one finding, found by the Program/Kegiatan
    # name (it says which) rather than again by the indicator it serves.
    # One disagreement between two cells is one finding, whichever way it was found.
    named = check_same_programs(tables, compared)
    involved = {cell for f in named for cell in _cells(f)}
    for found in (check_same_figures(tables, compared), check_same_results(tables, compared)):
        found = [f for f in found if not _cells(f) & involved]
        involved |= {cell for f in found for cell in _cells(f)}
        findings.extend(found)
    findings.extend(named)
    findings.extend(check_category_labels(tables, lines or [], list(scales or []), list(default_scales)))
    assign_keys(findings, tables, lines)
    assign_ids(findings)
    for finding in findings:
        if finding.cause is None and finding.rule not in NO_DIGIT_CAUSE:
            finding.cause = likely_cause(finding)
    by_id = {finding.id: finding for finding in findings}  # looked up, not scanned: misprints × findings
    for misprint in likely_misprints(tables, findings, table_findings, tolerance):  # was quadratic on long reports
        for explained in misprint.explains:
            if explained in by_id:
                by_id[explained].misprint = misprint
    return findings


def _cells(finding: Finding) -> set:
    return {(finding.table, finding.row_index, finding.column_index), *finding.compared}


def doubt_ocr_reading(table: Table, tolerance: Tolerance = EXACT) -> None:
    """A table read by OCR whose own arithmetic fails on too many relations (checks.ocr_doubts) is shown, not
    checked: the scan's reading, not the report, is then what the findings would be about. It says so
    (`table.uncertain`), as a reader's doubtful table does. Decided once, before the table's findings:
    `table_findings` stays a pure function of the table, which the misprint search re-runs on changed copies.
    """
    if not table.ocr or table.uncertain:
        return
    failed = sum(1 for f in table_findings(table, tolerance) if f.rule not in PRINTED_ONLY)
    if doubtful_reading(failed, len(table.relations)):
        table.uncertain = Said(
            f"dibaca dengan OCR, dan {failed} dari {len(table.relations)} hubungan angkanya tidak cocok: "
            "pembacaan pindaiannya diragukan, tabel ditampilkan tanpa diperiksa",
            f"read by OCR, and {failed} of its {len(table.relations)} relations fail: the scan's reading is "
            "doubtful, the table is shown, not checked")


def table_findings(table: Table, tolerance: Tolerance = EXACT) -> list[Finding]:
    """The findings of every table rule that applies to one table, in reading order."""
    found = [f for rule in ALL_TABLE_RULES for f in rule(table, tolerance)]
    if not table.uncertain:  # arithmetic on misplaced cells finds nothing real
        found += [f for rule in CERTAIN_TABLE_RULES for f in rule(table, tolerance)]
        if table.has_budget:
            found += [f for rule in BUDGET_RULES for f in rule(table, tolerance)]
    found.sort(key=lambda f: (f.row_index if f.row_index is not None else -1,
                              f.column_index if f.column_index is not None else -1))
    return found
