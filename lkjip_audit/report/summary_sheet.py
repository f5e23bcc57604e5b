"""The Ringkasan sheet: whose report, what was found per rule, the report's totals against the recomputed
ones, and two charts (pagu against realisasi per Program; capaian per indicator against 100 %)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment
from rapidfuzz import fuzz, process

from ..checks.finding import Finding
from ..checks.rules import RULES
from ..understand.model import Level, Role, Table
from .cells import BOLD, GREEN, RED, RUPIAH, TITLE, number, put, put_header
from .labels import severity_text, text
from .totals import budget_totals

SEVERITIES = ("error", "warning", "info")
CHART_COLUMN = "H"  # charts stand right of the summary; their data below it
MAX_CHART_ROWS = 40  # more bars than this are unreadable
SAME_BAR = 90  # two indicator names this alike (token_sort_ratio) are one bar of the capaian chart


def write_summary_sheet(ws, info, tables: list[Table], findings: list[Finding], lang: str, coverage=None,
                        stated=()) -> None:
    """Fill `ws` (the workbook's first sheet)."""
    put(ws, 1, 1, text("summary_title", lang)).font = TITLE
    identity = info.identity
    missing = text("not_found", lang)
    budget = [t for t in tables if t.has_budget]
    unchecked = sum(1 for t in budget if t.uncertain)
    severities = Counter(f.severity for f in findings)
    facts = [
        ("agency", identity.agency or missing), ("region", identity.region or missing),
        ("year", identity.year or missing), ("source", info.source), ("sha256", info.sha256),
        ("tool_version", info.tool_version), ("audited_at", info.started_at),
        ("audit_seconds", info.seconds), ("money_tolerance", number(info.tolerance.money)),
        ("tables_read", f"{len(tables)} ({len(budget)} {text('budget_tables', lang)}"
                        + (f", {unchecked} {text('unchecked_tables', lang)})" if unchecked else ")")),
        ("findings_total", f"{len(findings)} (" + ", ".join(f"{severity_text(s, lang)} {severities[s]}"
                                                          for s in SEVERITIES
                                                          if severities[s]) + ")" if findings else "0"),
    ]
    if coverage:
        numbers, checked = sum(c.numbers for c in coverage), sum(c.checked for c in coverage)
        share = f"{checked / numbers * 100:.0f}" if numbers else "0"
        facts.append(("numbers_checked", text("of", lang).format(part=checked, whole=numbers) + f" ({share} %)"))
    row = 3
    for key, value in facts:
        put(ws, row, 1, "sha256" if key == "sha256" else text(key, lang)).font = BOLD
        put(ws, row, 2, value).alignment = Alignment(horizontal="left")
        row += 1
    row = _write_rule_counts(ws, row + 1, findings, lang)
    row = _write_totals(ws, row + 1, tables, lang, stated)
    _write_charts(ws, row + 1, tables, lang)
    ws.column_dimensions["A"].width = 44
    for column in "BCDEF":
        ws.column_dimensions[column].width = 18


def _write_rule_counts(ws, row: int, findings: list[Finding], lang: str) -> int:
    put(ws, row, 1, text("by_rule", lang)).font = BOLD
    row += 1
    put_header(ws, row, [text("rule", lang), text("rule_name", lang), *(severity_text(s, lang) for s in SEVERITIES),
                          text("count", lang)])
    counts = Counter((f.rule, f.severity) for f in findings)
    rules = [code for code in RULES if any(code == rule for rule, _ in counts)]
    if not rules:
        put(ws, row + 1, 1, text("no_findings", lang))
        return row + 2
    for code in rules:
        row += 1
        per_severity = [counts[(code, s)] or None for s in SEVERITIES]
        for c, value in enumerate([code, RULES[code].name[lang], *per_severity,
                                   sum(v or 0 for v in per_severity)], start=1):
            put(ws, row, c, value)
    return row + 1


def _write_totals(ws, row: int, tables: list[Table], lang: str, stated=()) -> int:
    """The budget total from its three sources side by side, and each source's difference from the sum of
    the Programs; a source the report does not have is said, never filled with another's figure."""
    put(ws, row, 1, text("budget_totals", lang)).font = BOLD
    totals = budget_totals(tables, stated)
    if totals is None:
        put(ws, row + 1, 1, text("no_budget_total", lang))
        return row + 2
    stated_at = ", ".join(str(n) for n in totals.stated_lines)
    put_header(ws, row + 1, ["", text("total_row_source", lang).format(table=totals.table),
                             text("programs_source", lang),
                             text("stated_source", lang).format(lines=stated_at) if totals.stated
                             else text("stated_source_none", lang),
                             text("total_row_minus_programs", lang), text("stated_minus_programs", lang)])
    for k, (key, printed, recomputed, said) in enumerate(totals.sources(), start=row + 2):
        number_format = "0.00" if key == "serapan" else RUPIAH
        put(ws, k, 1, text(key, lang)).font = BOLD
        if number_format != RUPIAH:  # a ratio: shown to two decimals, compared as shown
            printed, recomputed, said = (None if v is None else v.quantize(Decimal("0.01"))
                                         for v in (printed, recomputed, said))
        for c, value in enumerate((printed, recomputed, said), start=2):
            cell = put(ws, k, c, number(value) if value is not None else text("not_in_report", lang))
            cell.number_format = number_format
        for c, source in ((5, printed), (6, said)):
            if source is None or recomputed is None:
                continue  # nothing to compare: no green 0 for a sum set against itself
            difference = source - recomputed
            put(ws, k, c, number(difference)).number_format = number_format
            ws.cell(row=k, column=c).fill = GREEN if difference == 0 else RED
    put(ws, row + 5, 1, text("totals_from", lang).format(table=totals.table))
    return row + 6


def _write_charts(ws, row: int, tables: list[Table], lang: str) -> None:
    """Each chart's data as a small table below the summary, the chart itself right of the summary."""
    anchor_row = 3
    programs = _program_amounts(tables)
    if programs:
        put_header(ws, row, [text("program", lang), text("pagu", lang), text("realisasi", lang)])
        for r, (label, pagu, realisasi) in enumerate(programs, start=row + 1):
            put(ws, r, 1, label)
            for c, value in enumerate((pagu, realisasi), start=2):
                put(ws, r, c, number(value)).number_format = RUPIAH
        chart = BarChart()
        chart.type, chart.title, chart.style = "bar", text("chart_budget", lang), 10
        chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=row, max_row=row + len(programs)),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=row + 1, max_row=row + len(programs)))
        chart.y_axis.numFmt = RUPIAH
        chart.x_axis.scaling.orientation = "maxMin"  # first Program on top, as in the report
        chart.height, chart.width = max(7.5, 0.9 * len(programs) + 3), 24
        ws.add_chart(chart, f"{CHART_COLUMN}{anchor_row}")
        anchor_row += int(chart.height * 2) + 2
        row += len(programs) + 2
    indicators = _capaian_per_indicator(tables)
    if indicators:
        put_header(ws, row, [text("indicator", lang), text("capaian", lang), text("target_100", lang)])
        for r, (label, capaian) in enumerate(indicators, start=row + 1):
            put(ws, r, 1, label)
            put(ws, r, 2, number(capaian)).number_format = "0.00"
            put(ws, r, 3, 100)
        last = row + len(indicators)
        bars = BarChart()
        bars.type, bars.title, bars.style = "bar", text("chart_capaian", lang), 10
        bars.add_data(Reference(ws, min_col=2, min_row=row, max_row=last), titles_from_data=True)
        bars.set_categories(Reference(ws, min_col=1, min_row=row + 1, max_row=last))
        bars.x_axis.scaling.orientation = "maxMin"
        line = LineChart()  # the 100 % mark each bar is read against
        line.add_data(Reference(ws, min_col=3, min_row=row, max_row=last), titles_from_data=True)
        bars += line
        bars.height, bars.width = max(7.5, 0.6 * len(indicators) + 3), 24
        ws.add_chart(bars, f"{CHART_COLUMN}{anchor_row}")


def _program_amounts(tables: list[Table]) -> list[tuple[str, Decimal, Decimal]]:
    totals = budget_totals(tables)
    table = next((t for t in tables if totals and t.id == totals.table), None)
    if table is None:
        return []
    pagu, realisasi = table.column(Role.PAGU), table.column(Role.REALISASI)
    programs = [r for r in table.rows if r.level is Level.PROGRAM]
    return [(r.label[:60], r.values[pagu.index].amount, r.values[realisasi.index].amount)
            for r in programs[:MAX_CHART_ROWS]
            if r.values[pagu.index] is not None and r.values[realisasi.index] is not None
            and r.values[pagu.index].amount is not None and r.values[realisasi.index].amount is not None]


def _capaian_per_indicator(tables: list[Table]) -> list[tuple[str, Decimal]]:
    """Each indicator's printed capaian, from the capaian tables, first mention only."""
    seen: dict[str, Decimal] = {}
    seen_lower: list[str] = []
    for table in tables:
        capaian = table.column(Role.CAPAIAN)
        if table.kind != "capaian" or table.uncertain or capaian is None:
            continue
        name = table.column(Role.INDIKATOR) or table.column(Role.LABEL)
        for row in table.rows:
            value = row.values[capaian.index]
            label = (row.cells[name.index] if name else row.label).strip()[:60]
            if value is None or value.value is None or len(re.findall(r"[A-Za-z]+", label)) < 2:
                continue  # an indicator has a name of words, not a number or a fragment ("Persentase")
            # The same indicator in another table, spelt otherwise ("Persentase wirausaha", "Presentase
            # Wirausaha"), is one bar.
            if process.extractOne(label.lower(), list(seen_lower), scorer=fuzz.token_sort_ratio,
                                  score_cutoff=SAME_BAR) is not None:
                continue
            seen[label] = value.value
            seen_lower.append(label.lower())
    return list(seen.items())[:MAX_CHART_ROWS]
