"""Figures in the prose against the tables: `pagu anggaran sebesar Rp X ... realisasi Rp Y`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from ..understand.claims import YEARS, words_value
from ..understand.columns import normalize
from ..understand.main_table import main_budget_table
from ..understand.model import Level, Role, Table
from ..understand.numbers import format_id, parse_number
from ..understand.paragraphs import line_at, paragraphs, sentences
from .causes import digit_slip, digit_slips
from .finding import Finding
from .values import amount

_PAGU = re.compile(r"(?:pagu|anggaran|dialokasikan|mengalokasikan).{0,50}?Rp\.?\s*(\d[\d.,]*\d)", re.IGNORECASE)
_REALISASI = re.compile(r"(?:realisasi|terserap|terealisasi).{0,50}?Rp\.?\s*(\d[\d.,]*\d)", re.IGNORECASE)


def prose_pairs(lines: list[str]) -> list[tuple[int, Decimal, Decimal]]:
    """(line, pagu, realisasi) for each pagu in a prose sentence followed by a realisasi before the next pagu;
    a sentence the text layer wraps over lines is read whole."""
    pairs = []
    for sentence, line_of in sentences(lines):
        pagus = list(_PAGU.finditer(sentence))
        for pagu, following in zip(pagus, [*pagus[1:], None]):
            end = following.start() if following else len(sentence)
            realisasi = _REALISASI.search(sentence, pagu.end(1), end)
            if not realisasi:
                continue
            values = [parse_number(m.group(1).rstrip(",.")) for m in (pagu, realisasi)]
            if all(v is not None and v.is_money_like for v in values):
                pairs.append((line_of(pagu.start(1)), values[0].value, values[1].value))
    return pairs


def _close(a: Decimal, b: Decimal) -> bool:
    return a == b or digit_slip(a, b) is not None


def check_prose_against_tables(tables: list[Table], lines: list[str]) -> list[Finding]:
    """prose-table: a pagu/realisasi pair in the text agrees with the table row it describes.

    A row is the one described when both its figures equal the prose's or differ from them by one digit;
    each figure that differs is a finding.
    """
    findings = []
    # Each budget table's (pagu, realisasi) per row, read once, and every row by each figure it prints: a pair
    # is set against the rows printing its figures or a one-digit slip of them (setting every pair against
    # every row costs pairs × rows, which a long report cannot afford).
    budget = []
    by_figure: dict[Decimal, list[tuple[int, int]]] = {}
    for table in tables:
        pagu_col, real_col = table.column(Role.PAGU), table.column(Role.REALISASI)
        # a table shown, not checked (cells that may not line up) is not compared with the prose either
        if table.has_budget and pagu_col and real_col and not table.uncertain:
            printed_rows = [(row, _printed(row, pagu_col.index, real_col.index)) for row in table.rows]
            for position, (_, printed) in enumerate(printed_rows):
                for value in {v for v in printed if v is not None}:
                    by_figure.setdefault(value, []).append((len(budget), position))
            budget.append((table, pagu_col, real_col, printed_rows, {tuple(p) for _, p in printed_rows}))
    for line, pagu, realisasi in prose_pairs(lines):
        hits: dict[int, set[int]] = {}
        for figure in {pagu, realisasi, *digit_slips(pagu), *digit_slips(realisasi)}:
            for number, position in by_figure.get(figure, ()):
                hits.setdefault(number, set()).add(position)
        for number in sorted(hits):
            table, pagu_col, real_col, printed_rows, printed_set = budget[number]
            if (pagu, realisasi) in printed_set:
                continue  # a row of this table prints both figures: that is the row the prose describes
            matches = [(row, described) for row, printed in (printed_rows[p] for p in sorted(hits[number]))
                       if (described := _described(printed, pagu, realisasi))]
            # A Program and its only Kegiatan print the same figures: the prose describes the higher level.
            top = min((row.level.depth for row, _ in matches), default=None)
            for row, printed in matches:
                if row.level.depth != top:
                    continue
                for column, table_value, prose_value in ((pagu_col, printed[0], pagu),
                                                         (real_col, printed[1], realisasi)):
                    if table_value == prose_value:
                        continue
                    text = {"id": f"teks baris {line} menyebut Rp {format_id(prose_value)}",
                            "en": f"the text on line {line} says Rp {prose_value:,}"}
                    findings.append(Finding(
                        rule="prose-table", table=table.id, item=row.label, column=column.header,
                        reported=table_value, expected=prose_value, line=row.line_of(column.index), page=row.page,
                        row_index=row.index, column_index=column.index, detail=text,
                        combined=[row.cells[column.index], lines[line - 1].strip()[:200]]))
    return findings


def _printed(row, pagu_index: int, real_index: int) -> list[Decimal | None]:
    return [amount(row, pagu_index), amount(row, real_index)]


def _described(printed: list[Decimal | None], pagu: Decimal, realisasi: Decimal):
    """A row's (pagu, realisasi) when the prose pair describes it with at least one figure differing."""
    if None in printed or printed == [pagu, realisasi]:
        return None
    if _close(printed[0], pagu) and _close(printed[1], realisasi):
        return printed
    return None


# `7 (tujuh) program`, `15 kegiatan`, `28 Sub Kegiatan`; not `Program/Kegiatan` headings.
_COUNT = re.compile(r"(?<=\s)(\d{1,3})\s*(?:\([a-z ]+\))?\s+(sub\s*kegiatan|kegiatan|program)\b(?!\s*/)",
                    re.IGNORECASE)
_STATES_COUNT = re.compile(r"\b(melaksanakan|dilaksanakan|sebanyak|terdiri (atas|dari)|meliputi|menjalankan|"
                           r"terdapat|memiliki|mengelola)\b[^.]{0,40}?\d{1,3}\s*(\([a-z ]+\))?\s*program",
                           re.IGNORECASE)
# `Program dan Kegiatan sebanyak 7 (tujuh) Program dan 12 (dua belas) sebagai berikut`: the second count's
# noun is left out; the sentence has named the two things it counts, so it is the Kegiatan.
_ELIDED_KEGIATAN = re.compile(r"\bprogram\s+dan\s+kegiatan\b.{0,80}?\d{1,3}\s*(?:\([a-z ]+\))?\s+program\s+dan\s+"
                              r"(\d{1,3})\s*(?:\([a-z ]+\))?(?=\s+(?!sub\b|kegiatan\b|program\b)[a-z]|\s*[:.,]|\s*$)",
                              re.IGNORECASE)
_LEVEL_OF = {"program": Level.PROGRAM, "kegiatan": Level.KEGIATAN, "subkegiatan": Level.SUB_KEGIATAN}


@dataclass(frozen=True)
class CountStatement:
    """`melaksanakan 8 Program, 12 Kegiatan, dan 28 Sub Kegiatan`: what the agency carried out, per level."""

    line: int
    counts: dict  # Level -> (stated count, the words that state it)
    years: frozenset  # the years the sentence names: two statements of different years count different things


def count_statements(lines: list[str]) -> list[CountStatement]:
    statements = []
    for line, line_of in sentences(lines):  # a sentence a PDF text layer wraps is read whole
        matches = list(_COUNT.finditer(" " + line))
        counts = {_LEVEL_OF[m.group(2).lower().replace(" ", "")]: (int(m.group(1)), m.group(0).strip())
                  for m in matches}
        elided = _ELIDED_KEGIATAN.search(line)
        if elided and Level.KEGIATAN not in counts:
            counts[Level.KEGIATAN] = (int(elided.group(1)), elided.group(0)[-40:].strip())
        # Only a sentence that says what the agency carried out; a Programme's own Kegiatan (`melalui 5
        # kegiatan`) is not the agency's, and a PDF's text layer holds table rows (`2 1 0 PROGRAM ...`).
        if Level.PROGRAM not in counts or not _STATES_COUNT.search(line):
            continue
        statements.append(CountStatement(line_of(max(matches[0].start() - 1, 0)), counts,
                                         frozenset(YEARS.findall(line))))
    return statements


def _named_rows(table: Table, level: Level) -> int:
    """Rows of `level` whose label names it (`PROGRAM PELAYANAN ...`): a list of Programmes outside the budget
    tables (the Perjanjian Kinerja's) counts only rows that say what they are."""
    word = "sub kegiatan" if level is Level.SUB_KEGIATAN else level.value.lower()
    return sum(r.level is level and r.label.strip().lower().startswith(word) for r in table.rows)


def check_prose_counts(tables: list[Table], lines: list[str]) -> list[Finding]:
    """prose-counts: `7 program dan 15 kegiatan` in the text agrees with the main budget table's rows, unless
    another table of the report lists exactly the stated number; two sentences that count the same year's
    Programmes alike and differ on a lower level disagree with each other."""
    statements = count_statements(lines)
    against_tables = _counts_against_tables(statements, tables)
    # A figure the table already contradicts with the same count is one finding, not two.
    said = {(f.line, f.column, f.reported, f.expected) for f in against_tables}
    return against_tables + [f for f in _counts_against_each_other(statements)
                             if (f.line, f.column, f.reported, f.expected) not in said]


def _counts_against_tables(statements: list[CountStatement], tables: list[Table]) -> list[Finding]:
    main = main_budget_table(tables)
    if main is None:
        return []
    in_table = {level: sum(r.level is level for r in main.rows) for level in _LEVEL_OF.values()}
    if not in_table[Level.PROGRAM]:
        return []
    elsewhere = {level: {_named_rows(t, level) for t in tables if t is not main and not t.uncertain}
                 for level in _LEVEL_OF.values()}
    findings = []
    for statement in statements:
        programs = statement.counts[Level.PROGRAM][0]
        if programs != in_table[Level.PROGRAM] and programs in elsewhere[Level.PROGRAM]:
            # Another table (the PK's list) names every Programme the sentence counts; the main table leaves
            # some out (one without budget), so its Kegiatan and Sub Kegiatan are not the sentence's either.
            continue
        for level, (stated, text) in statement.counts.items():
            if not in_table[level] or stated == in_table[level] or stated in elsewhere[level]:
                continue
            findings.append(Finding(
                rule="prose-counts", table=main.id, item=main.id, column=level.value,
                reported=Decimal(stated), expected=Decimal(in_table[level]), line=statement.line,
                detail={"id": f"tabel {main.id} memuat", "en": f"table {main.id} lists"}, combined=[text]))
    return findings


def _counts_against_each_other(statements: list[CountStatement]) -> list[Finding]:
    """A level counted differently by two sentences of the same year(s) that agree on another level (so they
    count the same thing): the count stated by fewer sentences is set against the one stated by more (the
    later one on a tie)."""
    findings = []
    for level in _LEVEL_OF.values():
        by_value: dict[int, list[CountStatement]] = {}
        for statement in statements:
            if level in statement.counts:
                by_value.setdefault(statement.counts[level][0], []).append(statement)
        if len(by_value) < 2:
            continue
        ranked = sorted(by_value.items(), key=lambda item: (len(item[1]), item[1][-1].line))
        agreed, agreeing = ranked[-1]
        for value, stated_by in ranked[:-1]:
            for statement in stated_by:
                other = next((s for s in agreeing if s.years == statement.years and _agree_elsewhere(s, statement,
                                                                                                    level)), None)
                if other is None:
                    continue
                findings.append(Finding(
                    # the item says which other sentence by its words: a line number would change the
                    # finding's key (and move the evaluator's note) when a line is inserted above
                    rule="prose-counts", table=None, item=f"\"{other.counts[level][1]}\"", column=level.value,
                    reported=Decimal(value), expected=Decimal(agreed), line=statement.line,
                    detail={"id": f"baris {other.line} menyebut", "en": f"line {other.line} says"},
                    combined=[statement.counts[level][1], other.counts[level][1]]))
    return findings


def _agree_elsewhere(one: CountStatement, other: CountStatement, level: Level) -> bool:
    shared = [lv for lv in one.counts if lv is not level and lv in other.counts]
    return bool(shared) and all(one.counts[lv][0] == other.counts[lv][0] for lv in shared)


# `telah ditetapkan tiga (3) sasaran strategis`, `3 sasaran strategis dan 5 indikator kinerja utama`
_COUNTED_THINGS = {"sasaran": ("sasaran",), "indikator": ("indikator", "iku")}
_THING_COUNT = re.compile(r"(?<![\w.,])(?:(?P<digits>\d{1,2})(?:\s*\((?P<words1>[a-z ]+)\))?|(?P<words2>[a-z]+)\s*\("
                          r"(?P<digits2>\d{1,2})\))\s+(?P<thing>sasaran|indikator|iku)\b", re.IGNORECASE)
# The sentence announces what follows: `..., sebagai berikut :`, `yaitu:`, `antara lain:`
_ANNOUNCES = re.compile(r"(sebagai\s+berikut|berikut\s+ini|yaitu|antara\s+lain|adalah)\s*:?\s*$|:\s*$", re.IGNORECASE)
_CAPTION_LINE = re.compile(r"^\s*\**(tabel|table)\b", re.IGNORECASE)
_THING_NAMES = {"sasaran": {"id": "sasaran", "en": "sasaran (objectives)"},
                "indikator": {"id": "indikator", "en": "indicators"}}


def check_counts_against_following_table(tables: list[Table], lines: list[str]) -> list[Finding]:
    """prose-counts: a sentence that announces a table (`telah ditetapkan tiga (3) sasaran strategis ... sebagai
    berikut :`) counts what that table lists: the distinct entries of its Sasaran or Indikator/IKU column (a
    merged cell leaves the rows under it blank). Only a table that follows the sentence directly (a caption
    line between them at most) is the one announced; a table without lines (a PDF's) is not matched."""
    starts = {t.lines[0]: t for t in tables if t.lines and not t.uncertain}
    findings = []
    for sentence, line_of in sentences(lines):
        if not _ANNOUNCES.search(sentence.strip()):
            continue
        end = line_of(max(len(sentence) - 1, 0))
        table = _table_after(starts, lines, end)
        if table is None:
            continue
        for match in _THING_COUNT.finditer(sentence):
            stated = _stated_count(match)
            thing = match.group("thing").lower()
            thing = "indikator" if thing == "iku" else thing
            listed = _listed(table, thing)
            if stated is None or listed is None or stated == listed:
                continue
            findings.append(Finding(
                rule="prose-counts", table=table.id, item=table.id, column=_THING_NAMES[thing]["id"],
                reported=Decimal(stated), expected=Decimal(listed), line=line_of(match.start()),
                detail={"id": f"tabel {table.id} memuat", "en": f"table {table.id} lists"},
                combined=[match.group(0).strip()]))
    return findings


def _stated_count(match: re.Match) -> int | None:
    digits = int(match.group("digits") or match.group("digits2"))
    words = match.group("words1") or match.group("words2")
    if words is not None and words_value(words) not in (None, digits):
        return None  # `tiga (4)`: the words and digits disagree, which the terbilang check reports
    return digits


def _table_after(starts: dict, lines: list[str], end: int, announced_between: bool = False):
    """The table whose header starts right after line `end`: blank lines and caption lines between, and with
    `announced_between` one line of prose that announces it (`... sebagai berikut:`)."""
    number = end + 1
    while number <= len(lines):
        if number in starts:
            return starts[number]
        text = lines[number - 1].strip()
        if announced_between and text and not _CAPTION_LINE.match(text) and "\t" not in text:
            if not _ANNOUNCES.search(text):
                return None
            announced_between = False
        elif text and not _CAPTION_LINE.match(text):
            return None
        number += 1
    return None


def _listed(table: Table, thing: str) -> int | None:
    """How many distinct `thing`s (sasaran, indikator) the table lists in the column its header names."""
    words = _COUNTED_THINGS[thing]
    columns = [c for c in table.columns if any(w in c.header.lower().split() or c.header.lower().startswith(w)
                                                for w in words)]
    # A header that took in rows (`IKU / Nilai SAKIP Dkum / ...`: a table of words whose first rows were read
    # as its header) does not say what its body lists.
    if len(columns) != 1 or not all(re.fullmatch(r"\(?\d*\)?", part.strip())
                                    for part in columns[0].header.split(" / ")[1:]):
        return None
    index = columns[0].index
    names = [" ".join(row.cells[index].lower().split()) for row in table.rows if index < len(row.cells)]
    names = [n for n in names if n and parse_number(n) is None]
    return len(set(names)) or None


# `dengan 2 indikator kinerja capaiannya sebesar 310% dan 106,26%`, `capaian masing-masing 95%, 100% dan 87,5%`
_PERCENT = r"\d{1,4}(?:[.,]\d{1,2})?\s*%"
_CAPAIAN_LIST = re.compile(rf"\bcapaian(?:nya)?\b(?:\s+kinerja(?:nya)?)?(?:\s+(?:masing-masing|berturut-turut))?"
                           rf"(?:\s+(?:sebesar|adalah|yaitu|mencapai))?\s*(?P<list>{_PERCENT}(?:\s*(?:,|dan|serta)\s*"
                           rf"{_PERCENT})+)", re.IGNORECASE)


def check_capaian_list_against_following_table(tables: list[Table], lines: list[str]) -> list[Finding]:
    """prose-table: a sentence listing its indicators' capaian (`2 indikator kinerja capaiannya sebesar 310% dan
    106,26%`) agrees, in order, with the capaian column of the table that follows it (after at most one
    sentence announcing it, `... dapat digambarkan sebagai berikut:`), when that table has as many capaian."""
    starts = {t.lines[0]: t for t in tables if t.lines and not t.uncertain and t.column(Role.CAPAIAN)}
    findings = []
    for sentence, line_of in sentences(lines):
        match = _CAPAIAN_LIST.search(sentence)
        if not match:
            continue
        table = _table_after(starts, lines, line_of(max(len(sentence) - 1, 0)), announced_between=True)
        if table is None:
            continue
        stated = [parse_number(p) for p in re.findall(_PERCENT, match.group("list"))]
        column = table.column(Role.CAPAIAN)
        printed = [(row, row.values[column.index]) for row in table.rows if column.index < len(row.values)
                   and row.values[column.index] is not None and row.values[column.index].value is not None]
        if len(printed) != len(stated) or any(s is None or s.value is None for s in stated):
            continue
        line = line_of(match.start("list"))
        findings += [_cell_against_text(table, row, column, value, said, line, match.group(0))
                     for (row, value), said in zip(printed, stated) if not _same_figure(value, said)]
    return findings


def _cell_against_text(table: Table, row, column, printed, said, line: int, quote: str) -> Finding:
    """prose-table: the figure a table cell prints against the one a sentence on `line` states for it."""
    return Finding(
        rule="prose-table", table=table.id, item=row.label, column=column.header, reported=printed.value,
        expected=said.value, line=row.line_of(column.index), page=row.page, row_index=row.index,
        column_index=column.index, decimals=printed.decimals,
        detail={"id": f"teks baris {line} menyebut {said.text.strip()}",
                "en": f"the text on line {line} says {said.text.strip()}"},
        combined=[row.cells[column.index], quote.strip()])


#: How many text lines a performance table may stand from the sentence that describes its rows, before or after
#: it. The sentence's Program/Kegiatan name and one of its two figures must also equal a row's (below), so a
#: table too far off is never compared by chance; the window only keeps a long report's matching cheap.
NEAR_TABLE_LINES = 15
#: How much of a row's Program/Kegiatan name the sentence must repeat (rapidfuzz partial_ratio: the row's
#: label within the sentence's words before `target`); the best row must also be the only one that high.
SAME_NAME = 95

# `Sub Kegiatan Pelaksanaan ... memiliki indikator ... dengan target kinerja 110 unit usaha dengan realisasi 110`
_NAMED = re.compile(r"\b(sub\s+kegiatan|kegiatan|program)\s+(?=[A-Za-z])", re.IGNORECASE)
_NAMED_TARGET = re.compile(r"\btarget(?:\s+kinerja)?(?:\s+(?:sebesar|sebanyak|yaitu|adalah))?\s+"
                           r"(\d{1,3}(?:[.,]\d{3})*(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?)\s*(%)?", re.IGNORECASE)
_NAMED_REALISASI = re.compile(r"\brealisasi(?:\s+kinerja)?(?:nya)?(?:\s+(?:sebesar|sebanyak|yaitu|adalah|mencapai))?\s+"
                              r"(\d{1,3}(?:[.,]\d{3})*(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?)\s*(%)?", re.IGNORECASE)


def check_named_figures_against_near_table(tables: list[Table], lines: list[str]) -> list[Finding]:
    """prose-table: a sentence that gives a named Program, Kegiatan or Sub Kegiatan its target and realisasi
    (`Sub Kegiatan Pelaksanaan Penilaian Kesehatan KSP/USP ... dengan target kinerja 110 unit usaha dengan
    realisasi 110 unit usaha`) agrees with that row of the performance table beside it. The row is the one
    whose name the sentence repeats (fuzzy, `SAME_NAME`), of the same level, in a table with one target and one
    realisasi column within `NEAR_TABLE_LINES`; the figures confirm it: one of the two must equal the row's,
    and the other, when it differs, is the finding. Both differing: another row or another year; not compared."""
    near = [t for t in tables if t.lines and not t.uncertain and len(t.columns_with(Role.TARGET)) == 1
            and len(t.columns_with(Role.REALISASI_KINERJA)) == 1]
    if not near:
        return []
    # Tables by their first and last line: each paragraph looks up the few beside it (a long report has
    # thousands of tables and of paragraphs; setting every paragraph against every table cost their product).
    by_end = sorted(near, key=lambda t: t.lines[1])
    ends = [t.lines[1] for t in by_end]
    by_start = sorted(near, key=lambda t: t.lines[0])
    starts = [t.lines[0] for t in by_start]
    findings = []
    for start, text, offsets in paragraphs(lines):
        end = start + len(offsets) - 1
        beside = (by_end[bisect_left(ends, start - NEAR_TABLE_LINES):bisect_left(ends, start)]
                  + by_start[bisect_right(starts, end):bisect_right(starts, end + NEAR_TABLE_LINES)])
        if not beside:
            continue
        names = list(_NAMED.finditer(text))
        for name, following in zip(names, [*names[1:], None]):
            segment = text[name.start():following.start() if following else len(text)]
            target, realisasi = _NAMED_TARGET.search(segment), _NAMED_REALISASI.search(segment)
            if not target or not realisasi or realisasi.start() < target.start():
                continue
            said = (parse_number(target.group(1) + (target.group(2) or "")),
                    parse_number(realisasi.group(1) + (realisasi.group(2) or "")))
            if any(s is None or s.value is None for s in said):
                continue
            found = _named_row(beside, segment[:target.start()], _level_word(name.group(1)))
            if found is None:
                continue
            table, row = found
            columns = (table.column(Role.TARGET), table.column(Role.REALISASI_KINERJA))
            printed = [row.values[c.index] if c.index < len(row.values) else None for c in columns]
            if any(p is None or p.value is None for p in printed):
                continue
            differ = [not _same_figure(p, s) for p, s in zip(printed, said)]
            if differ.count(True) != 1:
                continue  # both equal: it holds; both differ: not this row (or not this year)
            column, value, stated, match = next(
                (c, p, s, m) for c, p, s, m, d in zip(columns, printed, said, (target, realisasi), differ) if d)
            line = start + line_at(offsets, name.start() + match.start(1))
            findings.append(_cell_against_text(table, row, column, value, stated, line, match.group(0)))
    return findings


def _level_word(word: str) -> Level:
    return _LEVEL_OF[word.lower().replace(" ", "")]


def _named_row(tables: list[Table], name: str, level: Level):
    """The (table, row) whose Program/Kegiatan name `name` repeats, when one row stands out."""
    name = normalize(name)
    scored = []
    for table in tables:
        label = table.column(Role.LABEL)
        for row in table.rows:
            text = normalize(row.cells[label.index]) if label and label.index < len(row.cells) else ""
            words = text.split()
            kind = _NAMED.match(row.cells[label.index].strip()) if text else None
            if len(words) < 4 or (kind and _level_word(kind.group(1)) is not level) \
                    or (not kind and row.level is not level):
                continue
            scored.append((fuzz.partial_ratio(text, name), table, row))
    scored.sort(key=lambda s: -s[0])
    if not scored or scored[0][0] < SAME_NAME or (len(scored) > 1 and scored[1][0] >= scored[0][0]):
        return None
    return scored[0][1], scored[0][2]


def _same_figure(printed, said) -> bool:
    decimals = min(printed.decimals, said.decimals)  # 36,36% and 36,4% are one figure
    return round(printed.value, decimals) == round(said.value, decimals)
