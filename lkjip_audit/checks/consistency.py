"""The same figure in two tables: an indicator's realisasi or budget printed differently for the same target."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from ..understand.columns import normalize
from ..understand.model import Level, Role, Row, Table
from .finding import Finding

#: How alike two indicator names must be (rapidfuzz token_set_ratio: "Nilai Sakip" is "Nilai SAKIP DKUM")
#: to be one indicator; the target must be equal too.
SAME_INDICATOR = 90
#: The figures compared, once the indicator and its target agree.
COMPARED = (Role.REALISASI_KINERJA, Role.PAGU, Role.REALISASI)


@dataclass(frozen=True)
class Mention:
    """One table row's figures for one indicator."""

    table: Table
    row: Row
    name: str  # normalized, for matching
    shown: str  # as printed
    target: Decimal
    target_percent: bool


def check_same_figures(tables: list[Table]) -> list[Finding]:
    """cross-table: an indicator printed with the same target in several tables has the same realisasi, pagu
    and realisasi anggaran in each. The value most tables print is taken as the report's; each other value
    is a finding (with two tables that disagree, the later one is the finding and names the earlier)."""
    groups = _grouped(_mentions(tables), lambda a, b: a.target == b.target
                      and a.target_percent == b.target_percent and _same_indicator(a.name, b.name))
    findings = []
    for group in groups:
        if len(group) < 2:
            continue
        for role in COMPARED:
            findings.extend(_disagreements(group, role))
    order = {table.id: number for number, table in enumerate(tables)}
    return sorted(findings, key=lambda f: (order[f.table], f.row_index, f.column_index))


#: How alike two Program names must be (token_set_ratio) to be one Program.
SAME_PROGRAM = 95
#: How alike two Kegiatan or Sub Kegiatan names must be (token_sort_ratio: word order aside, the whole name;
#: `... Laporan Keuangan Akhir Tahun SKPD` is not `... Laporan Keuangan Bulanan SKPD`).
SAME_ACTIVITY = 95


def check_same_programs(tables: list[Table]) -> list[Finding]:
    """cross-table, for budgets: a Program (a row named "Program ...") in several budget tables has the same
    pagu and realisasi in each, and so has a Kegiatan or Sub Kegiatan (any other named row of three words or
    more, whatever level the layout gave it: the RKPD format's split kode does not tell); the value most
    tables print is taken as the report's."""
    rows = [Mention(table, row, normalize(row.label), " ".join(row.label.split()), Decimal(0), False)
            for table in tables if table.has_budget and not table.uncertain for row in table.rows
            if row.level is not Level.TOTAL and len(normalize(row.label).split()) >= 3]
    # a Sasaran or an agency row is no Program, whatever level the layout gave it
    programs = [m for m in rows if m.row.level is Level.PROGRAM and m.name.startswith("program")]
    activities = [m for m in rows if m.row.level is not Level.PROGRAM and not m.name.startswith("program")]
    findings = []
    for mentions, ratio, threshold, said in ((programs, fuzz.token_set_ratio, SAME_PROGRAM, _PROGRAM_DETAIL),
                                             (activities, fuzz.token_sort_ratio, SAME_ACTIVITY, _ACTIVITY_DETAIL)):
        groups = _grouped(mentions, lambda a, b, ratio=ratio, threshold=threshold: ratio(a.name, b.name) >= threshold)
        findings += [f for group in groups if len(group) > 1 for role in (Role.PAGU, Role.REALISASI)
                     for f in _disagreements(group, role, said)]
    order = {table.id: number for number, table in enumerate(tables)}
    return sorted(findings, key=lambda f: (order[f.table], f.row_index, f.column_index))


def _grouped(mentions: list[Mention], same) -> list[list[Mention]]:
    """Mentions of one thing, at most one per table: each joins the first group whose first mention is the
    same thing (`same(first, mention)`)."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        group = next((g for g in groups if same(g[0], mention)), None)
        if group is None:
            groups.append([mention])
        elif all(m.table is not mention.table for m in group):
            group.append(mention)
    return groups


def _same_indicator(a: str, b: str) -> bool:
    if min(len(a.split()), len(b.split())) < 2:  # "Persentase" alone names no indicator
        return a == b
    return fuzz.token_set_ratio(a, b) >= SAME_INDICATOR


def _mentions(tables: list[Table]) -> list[Mention]:
    mentions = []
    for table in tables:
        target_col = table.column(Role.TARGET)
        if table.uncertain or target_col is None or len(table.columns_with(Role.TARGET)) > 1 \
                or table.column(Role.REALISASI_KINERJA) is None:
            continue  # a table of targets per year compares other years, not this one
        name_col = table.column(Role.INDIKATOR)
        for row in table.rows:
            name = row.cells[name_col.index] if name_col is not None else row.label
            target = row.values[target_col.index]
            if not normalize(name) or target is None or target.value is None:
                continue
            mentions.append(Mention(table, row, normalize(name), " ".join(name.split()), target.value,
                                    target.percent))
    return mentions


def _value(mention: Mention, role: Role):
    column = mention.table.column(role)
    if column is None:
        return None, None
    number = mention.row.values[column.index]
    if number is None or number.value is None:
        return None, column
    return number, column


_INDICATOR_DETAIL = ({"id": "untuk indikator yang sama dengan target yang sama", "en": "for the same indicator "
                      "with the same target"})
_PROGRAM_DETAIL = {"id": "untuk Program yang sama", "en": "for the same Programme"}
_ACTIVITY_DETAIL = {"id": "untuk Kegiatan/Sub Kegiatan yang sama", "en": "for the same Kegiatan/Sub Kegiatan"}


def _disagreements(group: list[Mention], role: Role, said: dict[str, str] = _INDICATOR_DETAIL) -> list[Finding]:
    printed = [(m, *_value(m, role)) for m in group]
    printed = [(m, number, column) for m, number, column in printed if number is not None]
    if len(printed) < 2:
        return []
    decimals = min(number.decimals for _, number, _ in printed)
    def shown(number) -> Decimal:  # 36,3636 and 36,36 are one figure at the fewer decimals
        return round(number.value, decimals)
    counts = Counter(shown(number) for _, number, _ in printed)
    if len(counts) < 2:
        return []
    top, top_count = counts.most_common(1)[0]
    if top_count == 1:
        top = shown(printed[0][1])  # two that disagree: the earlier stands, the later is the finding
    agreeing = [(m, number) for m, number, _ in printed if shown(number) == top]
    places = ", ".join(f"{m.table.id} (baris {m.row.line})" if m.row.line else m.table.id for m, _ in agreeing)
    places_en = places.replace("baris", "line")
    findings = []
    for mention, number, column in printed:
        if shown(number) == top:
            continue
        findings.append(Finding(
            rule="cross-table", table=mention.table.id, item=mention.shown, column=column.header,
            reported=number.value, expected=agreeing[0][1].value, line=mention.row.line_of(column.index),
            page=mention.row.page, row_index=mention.row.index, column_index=column.index,
            decimals=number.decimals,
            detail={"id": f"{places} mencetak {agreeing[0][1].text.strip()} {said['id']}",
                    "en": f"{places_en} print {agreeing[0][1].text.strip()} {said['en']}"},
            combined=[mention.row.cells[column.index], *(n.text for _, n in agreeing)]))
    return findings
