"""Category labels against the scale: `99,15% (Tinggi)` where the report's own scale says Sangat Tinggi."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..understand.model import Role, Table
from ..understand.numbers import format_id
from ..understand.scales import LABEL_PATTERN, PREDICATES, Scale, normal, sakip_predicates
from .finding import Finding
from .lhe import total_row
from ..understand.paragraphs import line_at, paragraphs

_VALUE = r"(?<![\d.,])(?P<value>\d{1,3}(?:[.,]\d{1,2})?)(?![\d])"
_LABEL = rf"(?P<label>{LABEL_PATTERN})"
_OPEN, _CLOSE = r"[“\"'‘’]?", r"[”\"'’]?"
# A percentage and the label the text gives it, right after it:
#   "sebesar 99,15% ( Tinggi)", "87,99 (Tinggi)%", "100.70% dengan predikat “Sangat Tinggi”",
#   "> 100 % ‘Sangat Tinggi’".
_LABELLED = re.compile(
    rf"{_VALUE}\s*(?P<pct>%)?\s*"
    rf"(?:\(\s*{_LABEL}\s*\)\s*(?P<pct_after>%)?"
    rf"|,?\s*(?:(?:dengan|berada\s+(?:pada|di)|termasuk(?:\s+dalam)?|yaitu)\s+)?"
    rf"(?:predikat|kategori|kriteria)(?:\s+capaian)?\s*{_OPEN}{_LABEL.replace('label', 'label2')}{_CLOSE}"
    rf"|{_OPEN.replace('?', '')}{_LABEL.replace('label', 'label3')}{_CLOSE.replace('?', '')})"
    rf"(?![A-Za-z])",
    re.IGNORECASE)


def check_category_labels(tables: list[Table], lines: list[str], scales: list[Scale],
                          defaults: list[Scale]) -> list[Finding]:
    """category-label: a label given to a capaian (in a table row or in the text) agrees with the scale.

    The scale is the report's own (`scales`, the nearest one printed before the label that has it, else
    the first that has it); only a label none of them has is judged by a default scale (`defaults`).
    """
    findings = []
    for table in tables:
        findings.extend(_in_table(table, scales, defaults))
    findings.extend(_in_text(lines, scales, defaults))
    return findings


def scale_for(label: str, line: int | None, scales: list[Scale], defaults: list[Scale]) -> Scale | None:
    having = [s for s in scales if normal(label) in s.labels]
    before = [s for s in having if s.line is not None and line is not None and s.line <= line]
    if before:
        return before[-1]
    if having:
        return having[0]
    return next((s for s in defaults if normal(label) in s.labels), None)


def _shown(value: Decimal, decimals: int, percent: bool, printed: str | None = None) -> dict[str, str]:
    """The judged figure per language: `99,15%`, or a predicate's score as printed (`nilai 60-70`)."""
    if printed is not None:
        return {"id": f"nilai {printed}", "en": f"score {printed}"}
    sign = "%" if percent else ""
    return {"id": f"{format_id(value, decimals)}{sign}", "en": f"{value:,.{decimals}f}{sign}"}


def _judge(value: Decimal, label: str, line: int | None, scales, defaults,
           shown: dict[str, str]) -> tuple[Scale, dict] | None:
    scale = scale_for(label, line, scales, defaults)
    if scale is None or scale.allows(label, value):
        return None
    band = scale.band_for(value)
    falls = (f"termasuk “{band.label}” ({band.range_text})" if band else "tidak termasuk rentangnya",
             f"falls in “{band.label}” ({band.range_text})" if band else "falls outside its range")
    own = ", ".join(f"{b.range_text}" for b in scale.bands_of(label))
    detail = {"id": f"{shown['id']} diberi kategori “{label}” ({own}), padahal menurut {scale.name['id']} nilai "
                    f"itu {falls[0]}",
              "en": f"{shown['en']} is given the category “{label}” ({own}), but by the {scale.name['en']} the "
                    f"value {falls[1]}"}
    return scale, detail


def _in_lhe(table: Table, scales, defaults) -> list[Finding]:
    """An LHE table's `Predikat` row against the total score above it, column by column."""
    total = total_row(table)
    predicate_row = next((r for r in table.rows if re.match(r"\s*predikat", r.label or "", re.IGNORECASE)), None)
    if total is None or predicate_row is None:
        return []
    findings = []
    for column in table.columns_with(Role.NILAI):
        label, score = predicate_row.cells[column.index].strip(), total.values[column.index]
        if label not in PREDICATES or score is None or score.value is None:
            continue
        judged = _judge(score.value, label, predicate_row.line_of(column.index), scales,
                        [*defaults, sakip_predicates()], _shown(score.value, score.decimals, False, score.text.strip()))
        if judged:
            findings.append(Finding(
                rule="category-label", table=table.id, item=f"{predicate_row.label} ({column.header})",
                column=column.header, reported=score.value, decimals=score.decimals,
                line=predicate_row.line_of(column.index), page=predicate_row.page, row_index=predicate_row.index,
                column_index=column.index, detail=judged[1], combined=[total.cells[column.index], label]))
    return findings


def _in_table(table: Table, scales, defaults) -> list[Finding]:
    if table.kind == "lhe" and not table.uncertain:
        return _in_lhe(table, scales, defaults)
    column = table.column(Role.CAPAIAN)
    if column is None or table.uncertain:
        return []
    findings = []
    for row in table.rows:
        printed = row.values[column.index]
        if printed is None or printed.value is None:
            continue
        for index, cell in enumerate(row.cells):
            label = " ".join(cell.split())
            if index == column.index or not re.fullmatch(rf"(?:{LABEL_PATTERN})(?:\s*/\s*(?:{LABEL_PATTERN}))*",
                                                         label, re.IGNORECASE):
                continue
            label = re.split(r"\s*/\s*", label)[0]
            judged = _judge(printed.value, label, row.line_of(index), scales, defaults,
                            _shown(printed.value, printed.decimals, True))
            if judged:
                findings.append(Finding(
                    rule="category-label", table=table.id, item=row.label, column=column.header,
                    reported=printed.value, decimals=printed.decimals, line=row.line_of(index), page=row.page,
                    row_index=row.index, column_index=index, detail=judged[1],
                    combined=[row.cells[column.index], cell]))
    return findings


@dataclass(frozen=True)
class LabelledFigure:
    """A percentage the text gives a category: `sebesar 99,15% ( Tinggi)` on line 1631."""

    line: int
    value: Decimal
    decimals: int
    label: str
    text: str  # the matched words
    clause: str  # what the figure is of
    score: str | None = None  # a predicate's score as printed ("60-70"); None for a percentage


def labelled_figures(lines: list[str]) -> list[LabelledFigure]:
    """Labelled percentages in the prose; a sentence may wrap, so lines are joined within a paragraph."""
    figures = []
    for start, text, offsets in paragraphs(lines):
        for match in _LABELLED.finditer(text):
            if not (match.group("pct") or match.group("pct_after") or match.group("label2")):
                continue  # "2 (Baik)" counts something; a capaian is a percentage
            label = " ".join((match.group("label") or match.group("label2") or match.group("label3")).split())
            printed = match.group("value")
            figures.append(LabelledFigure(
                line=start + line_at(offsets, match.start("value")), value=Decimal(printed.replace(",", ".")),
                decimals=len(re.split(r"[.,]", printed)[1]) if re.search(r"[.,]", printed) else 0,
                label=label.title(), text=match.group(0).strip(), clause=_clause(text, match.start())))
    return figures


# A SAKIP predicate with its score: "predikat BB (73)", "Predikat Tata Kelola Predikat B (60-70)".
_PREDICATE = re.compile(rf"(?i:predikat)[^.;:\n]{{0,40}}?(?<![A-Za-z])(?P<label>AA|A|BB|B|CC|C|D)\s*\(\s*{_VALUE}"
                        rf"(?:\s*[-–]\s*(?P<high>\d{{1,3}}(?:[.,]\d{{1,2}})?))?\s*\)")


def predicate_figures(lines: list[str]) -> list[LabelledFigure]:
    """SAKIP predicates given with their score; a range (60-70) is judged by its middle."""
    figures = []
    for start, text, offsets in paragraphs(lines, tables_too=True):
        for match in _PREDICATE.finditer(text):
            low = Decimal(match.group("value").replace(",", "."))
            high = Decimal(match.group("high").replace(",", ".")) if match.group("high") else low
            score = match.group("value") + (f"-{match.group('high')}" if match.group("high") else "")
            figures.append(LabelledFigure(
                line=start + line_at(offsets, match.start("label")), value=(low + high) / 2, decimals=1, score=score,
                label=match.group("label"), text=match.group(0)[match.start("label") - match.start():].strip(),
                clause=_clause(text, match.start("label"))))
    return figures


def _in_text(lines: list[str], scales, defaults) -> list[Finding]:
    findings = []
    defaults = [*defaults, sakip_predicates()]
    for figure in labelled_figures(lines) + predicate_figures(lines):
        judged = _judge(figure.value, figure.label, figure.line, scales, defaults,
                        _shown(figure.value, figure.decimals, figure.score is None, figure.score))
        if judged:
            findings.append(Finding(
                rule="category-label", table=None, item=figure.clause, column="", reported=figure.value,
                decimals=figure.decimals, line=figure.line, detail=judged[1], combined=[figure.text]))
    return findings


def _clause(text: str, end: int) -> str:
    """What the labelled figure is of: the text from its sentence's or list item's start, shortened."""
    head = text[:end]
    cut = max(head.rfind("; "), head.rfind(": "), *(m.end() for m in re.finditer(r"\.\s+(?=[A-Z0-9])", head)))
    clause = " ".join(head[cut + 1:].split()) if cut >= 0 else " ".join(head.split())
    if len(clause) <= 100:
        return clause
    head, tail = clause[:60].rsplit(" ", 1)[0], clause[-45:].split(" ", 1)[-1]
    return f"{head} … {tail}"
