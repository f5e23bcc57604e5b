"""The same figure in two tables: an indicator's realisasi or budget printed differently for the same target."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz, process

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


#: Where a comparison adds the cells it compared, agreeing or not: (table id, row index, column index).
Compared = set


def check_same_figures(tables: list[Table], compared: Compared | None = None) -> list[Finding]:
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
            findings.extend(_disagreements(group, role, compared=compared))
    order = {table.id: number for number, table in enumerate(tables)}
    return sorted(findings, key=lambda f: (order[f.table], f.row_index, f.column_index))


#: How alike two Program names must be (token_set_ratio) to be one Program.
SAME_PROGRAM = 95
#: How alike two Kegiatan or Sub Kegiatan names must be (token_sort_ratio: word order aside, the whole name;
#: `... Laporan Keuangan Akhir Tahun SKPD` is not `... Laporan Keuangan Bulanan SKPD`).
SAME_ACTIVITY = 95
#: Abbreviations written out before names are compared: "Program Pengembangan UMKM" is "Program Pengembangan
#: Usaha Mikro, Kecil dan Menengah" (the Permendagri 90/2019 names, which reports abbreviate in some tables).
ABBREVIATIONS = {"umkm": "usaha mikro kecil dan menengah", "ukm": "usaha kecil dan menengah",
                 "asn": "aparatur sipil negara", "skpd": "satuan kerja perangkat daerah",
                 "opd": "organisasi perangkat daerah", "bmd": "barang milik daerah"}

_ACTIVITY_WORD = re.compile(r"^(program|kegiatan|sub kegiatan)\b")
_LEADING_KIND = re.compile(r"^(sub kegiatan|kegiatan)\s+")


def check_same_programs(tables: list[Table], compared: Compared | None = None) -> list[Finding]:
    """cross-table, for budgets: a Program (a row named "Program ...") in several tables with a pagu column has
    the same pagu and realisasi in each, and so has a Kegiatan or Sub Kegiatan (any other named row of three
    words or more, whatever level the layout gave it: the RKPD format's split kode does not tell); the value
    most tables print is taken as the report's. A table whose amounts agree with the other tables' on none of
    the Programs and Kegiatan they share is about something else (another year's plan, another scope) and is
    not compared."""
    rows = [m for table in tables if table.column(Role.PAGU) is not None and not table.uncertain
            for m in _named_rows(table)]
    return _compare_named(tables, rows, (Role.PAGU, Role.REALISASI), compared=compared)


def check_same_results(tables: list[Table], compared: Compared | None = None) -> list[Finding]:
    """cross-table, for performance: a Program, Kegiatan or Sub Kegiatan measured by one indicator in several
    tables of this year's results (one target and one realisasi column) has the same target and realisasi in
    each, matched by the Program/Kegiatan's name (the indicator's wording often differs between the tables).
    A name on several rows of one table (several indicators) is not compared by name."""
    rows = []
    for table in tables:
        if table.uncertain or len(table.columns_with(Role.TARGET)) != 1 \
                or len(table.columns_with(Role.REALISASI_KINERJA)) != 1:
            continue
        named = _named_rows(table)
        target = table.column(Role.TARGET).index
        counts = Counter(m.name for m in named)
        following = {row.index: nxt for row, nxt in zip(table.rows, table.rows[1:])}
        for mention in named:
            nxt = following.get(mention.row.index)
            # a second indicator of the same Program/Kegiatan on the next row, its name cell left blank
            more = nxt is not None and not _activity_name(table, nxt) and nxt.values[target] is not None
            if counts[mention.name] == 1 and not more:
                rows.append(mention)
    return _compare_named(tables, rows, (Role.TARGET, Role.REALISASI_KINERJA), _RESULT_DETAIL, _same_indicator_wording,
                          compared)


def compared_cells(tables: list[Table]) -> Compared:
    """Every cell a cross-table comparison read, whether it agreed or not (for the coverage: a figure the same
    in two tables has been checked)."""
    compared: Compared = set()
    for check in (check_same_figures, check_same_programs, check_same_results):
        check(tables, compared)
    return compared


#: How alike the indicators two tables give one Program/Kegiatan must be (token_sort_ratio) to be one
#: indicator: "Presentase Usaha Mikro Binaan Naik Omset" is "Persentase usaha mikro binaan yang naik omzet"
#: (89); "Jumlah rekening jasa" is not "Jumlah laporan penyediaan jasa komunikasi ..." (36).
INDICATOR_ALIKE = 70


def _same_indicator_wording(a: Mention, b: Mention) -> bool:
    wording = []
    for mention in (a, b):
        column = mention.table.column(Role.INDIKATOR)
        wording.append(normalize(mention.row.cells[column.index]) if column is not None else "")
    return not all(wording) or fuzz.token_sort_ratio(*wording) >= INDICATOR_ALIKE


def _activity_name(table: Table, row: Row) -> str:
    """The Program/Kegiatan a row is about: the label cell that says "Program ..."/"Kegiatan ..." (a table of
    Sasaran | Program puts it in its second label column), else the row's label, normalized (abbreviations are
    written out only when names are compared, `_alike`)."""
    cells = [normalize(row.cells[c.index]) for c in table.columns_with(Role.LABEL) if c.index < len(row.cells)]
    named = [c for c in cells if _ACTIVITY_WORD.match(c)]
    return named[-1] if named else normalize(row.label)


@lru_cache(maxsize=65536)  # each name is compared with many others
def _written_out(name: str) -> str:
    return " ".join(ABBREVIATIONS.get(word, word) for word in name.split())


@lru_cache(maxsize=65536)
def _without_kind(name: str) -> str:
    return _LEADING_KIND.sub("", name)


def _alike(ratio, a: str, b: str, threshold: int) -> bool:
    """One name, as printed or with its abbreviations written out (a misspelt "UMKUM" still matches "UMKM")."""
    if ratio(a, b, score_cutoff=threshold):
        return True
    out_a, out_b = _written_out(a), _written_out(b)
    return (out_a != a or out_b != b) and bool(ratio(out_a, out_b, score_cutoff=threshold))


def _named_rows(table: Table) -> list[Mention]:
    mentions = []
    for row in table.rows:
        name = _activity_name(table, row)
        if row.level is Level.TOTAL or len(name.split()) < 3:
            continue
        program = name.startswith("program")
        if not program and row.level is Level.PROGRAM:
            continue  # a Sasaran or an agency row is no Program, whatever level the layout gave it
        shown = next((" ".join(row.cells[c.index].split()) for c in table.columns_with(Role.LABEL)
                      if c.index < len(row.cells) and normalize(row.cells[c.index]) == name),
                     " ".join(row.label.split()))
        mentions.append(Mention(table, row, name, shown, Decimal(0), False))
    return mentions


def _same_activity(a: Mention, b: Mention) -> bool:
    levels = {a.row.level, b.row.level}
    if levels == {Level.KEGIATAN, Level.SUB_KEGIATAN}:
        return False  # a Kegiatan and a Sub Kegiatan of one name are two things
    return _alike(fuzz.token_sort_ratio, _without_kind(a.name), _without_kind(b.name), SAME_ACTIVITY)


def _compare_named(tables: list[Table], rows: list[Mention], roles: tuple[Role, ...],
                   said: dict[str, str] | None = None, same=lambda a, b: True,
                   compared: Compared | None = None) -> list[Finding]:
    programs = [m for m in rows if m.name.startswith("program")]
    activities = [m for m in rows if not m.name.startswith("program")]
    groups = _grouped(programs, lambda a, b: _alike(fuzz.token_set_ratio, a.name, b.name, SAME_PROGRAM) and same(a, b),
                      (fuzz.token_set_ratio, SAME_PROGRAM, lambda name: name))
    groups += _grouped(activities, lambda a, b: _same_activity(a, b) and same(a, b),
                       (fuzz.token_sort_ratio, SAME_ACTIVITY, _without_kind))
    groups = [g for g in groups if len(g) > 1]
    apart = _disagreeing_tables(groups, roles)
    findings = []
    for group in groups:
        group = [m for m in group if m.table.id not in apart]
        details = said or (_PROGRAM_DETAIL if group and group[0].name.startswith("program") else _ACTIVITY_DETAIL)
        findings += [f for role in roles for f in _disagreements(group, role, details, compared)]
    order = {table.id: number for number, table in enumerate(tables)}
    return sorted(findings, key=lambda f: (order[f.table], f.row_index, f.column_index))


def _disagreeing_tables(groups: list[list[Mention]], roles: tuple[Role, ...]) -> set[str]:
    """Tables that agree with the other tables on none of the figures they share (two or more): their rows are
    not the same year's or scope's, whatever their names (a plan for next year, a Renstra)."""
    same, different = Counter(), Counter()
    for group in groups:
        for role in roles:
            printed = [(m.table.id, number) for m in group if (number := _value(m, role)[0]) is not None]
            if len(printed) < 2:
                continue
            # each figure against every other of the group, counted at once (a long report's groups are large)
            decimals = min(number.decimals for _, number in printed)
            shown = Counter(round(number.value, decimals) for _, number in printed)
            for table, number in printed:
                alike = shown[round(number.value, decimals)] - 1
                same[table] += alike
                different[table] += len(printed) - 1 - alike
    return {table for table in different if different[table] >= 2 and not same[table]}


#: How many of a name's rarest words lead to the groups it is compared with (see `_grouped`).
RARE_WORDS = 3


def _grouped(mentions: list[Mention], same, alike=None) -> list[list[Mention]]:
    """Mentions of one thing, at most one per table: each joins the first group whose first mention is the
    same thing (`same(first, mention)`).

    Comparing every mention with every group is quadratic (a long report has thousands of named rows), so a
    mention is compared only with the groups whose first mention shares one of its rarest words, as printed
    or written out: names alike enough to be one (95 of 100) share nearly all their words, and a typo in
    one rare word leaves the others. `alike` = (scorer, threshold, form) lets rapidfuzz pass over those
    candidates first, as `same` would judge their names (printed or written out)."""
    words = {id(m): _words(m.name) for m in mentions}
    frequency = Counter(w for m in mentions for w in words[id(m)])
    groups: list[list[Mention]] = []
    members: list[set[int]] = []  # the tables each group has a mention of (a report repeating its names in
    # thousands of tables made a scan of the group per mention the square of the report's length)
    shapes: list[tuple[str, str]] = []  # each group's first name in `alike`'s form, printed and written out
    index: dict[str, list[int]] = {}
    for mention in mentions:
        rare = sorted(words[id(mention)], key=lambda w: (frequency[w], w))[:RARE_WORDS]
        candidates = sorted({number for w in rare for number in index.get(w, ())})
        shape = _shapes(mention.name, alike)
        if alike is not None and len(candidates) > 1:
            kept = set()
            for side in (0, 1):
                found = process.extract(shape[side], [shapes[n][side] for n in candidates], scorer=alike[0],
                                        score_cutoff=alike[1], limit=None)
                kept.update(position for _, _, position in found)
            candidates = [candidates[position] for position in sorted(kept)]
        number = next((n for n in candidates if same(groups[n][0], mention)), None)
        if number is None:
            groups.append([mention])
            members.append({id(mention.table)})
            shapes.append(shape)
            for w in words[id(mention)]:
                index.setdefault(w, []).append(len(groups) - 1)
        elif id(mention.table) not in members[number]:
            groups[number].append(mention)
            members[number].add(id(mention.table))
    return groups


def _shapes(name: str, alike) -> tuple[str, str]:
    form = alike[2] if alike is not None else (lambda n: n)
    return form(name), form(_written_out(name))


def _words(name: str) -> set[str]:
    return set(name.split()) | set(_written_out(name).split())


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


#: How many of the agreeing tables a cross-table finding names (the rest counted: "dan 12 tabel lain").
MAX_PLACES = 5

_INDICATOR_DETAIL = ({"id": "untuk indikator yang sama dengan target yang sama", "en": "for the same indicator "
                      "with the same target"})
_PROGRAM_DETAIL = {"id": "untuk Program yang sama", "en": "for the same Programme"}
_RESULT_DETAIL = {"id": "untuk Program/Kegiatan dan indikator yang sama", "en": "for the same Programme/Kegiatan and "
                  "indicator"}
_ACTIVITY_DETAIL = {"id": "untuk Kegiatan/Sub Kegiatan yang sama", "en": "for the same Kegiatan/Sub Kegiatan"}


def _disagreements(group: list[Mention], role: Role, said: dict[str, str] = _INDICATOR_DETAIL,
                   compared: Compared | None = None) -> list[Finding]:
    printed = [(m, *_value(m, role)) for m in group]
    printed = [(m, number, column) for m, number, column in printed if number is not None]
    if role in (Role.TARGET, Role.REALISASI_KINERJA) and printed:
        # "8,77%" and "302 kop", "13 kegiatan" and "415 orang": two measures, not one figure printed twice
        kinds = Counter(_kind(number) for _, number, _ in printed)
        common = kinds.most_common(1)[0][0]
        printed = [p for p in printed if _kind(p[1]) == common or _kind(p[1])[1] == ""
                   and _kind(p[1])[0] == common[0]]
    if len(printed) < 2:
        return []
    if compared is not None:
        compared.update((m.table.id, m.row.index, column.index) for m, _, column in printed)
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
    # Each finding names a few of the tables that agree, not all: a report printing one figure in thousands of
    # tables made every finding carry every one of them (the square of the report's length in memory).
    named = agreeing[:MAX_PLACES]
    places = ", ".join(f"{m.table.id} (baris {m.row.line})" if m.row.line else m.table.id for m, _ in named)
    places_en = places.replace("baris", "line")
    if len(agreeing) > MAX_PLACES:
        places += f" dan {len(agreeing) - MAX_PLACES} tabel lain"
        places_en += f" and {len(agreeing) - MAX_PLACES} other tables"
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
            combined=[mention.row.cells[column.index], *(n.text for _, n in named)],
            compared=tuple((m.table.id, m.row.index, m.table.column(role).index) for m, _ in named)))
    return findings


def _kind(number) -> tuple[bool, str]:
    """A figure's kind: a percentage or not, and its unit's first letters (`uni` for "165 Unit Usaha" and for
    "21 uni t", a unit a narrow cell broke; `kop` for "302 kop" and "ko p")."""
    return number.percent, "".join(number.unit.lower().split())[:3]
