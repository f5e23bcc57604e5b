"""A finding: one number that does not agree with the numbers it should agree with."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from ..understand.numbers import format_id
from .causes import CAUSES
from .rules import RULES

if TYPE_CHECKING:
    from .root_causes import Misprint


@dataclass
class Finding:
    rule: str
    table: str | None
    item: str
    column: str
    reported: Decimal | None = None
    expected: Decimal | None = None
    line: int | None = None
    page: int | None = None
    row_index: int | None = None  # body row of the table the reported number stands in
    column_index: int | None = None
    decimals: int = 0  # printed decimals of the reported number (ratios)
    detail: dict[str, str] = field(default_factory=dict)  # per language: how `expected` was computed
    combined: list[str] = field(default_factory=list)  # the printed numbers the check combined
    cause: str | None = None  # code of the likely cause, see checks.causes
    cause_detail: str = ""  # the row a cause points at
    id: str = ""
    misprint: Misprint | None = None  # the likely misprinted number this finding is one symptom of
    key: str = ""  # what the finding is about, stable across runs and edits; set by checks.identity
    ocr_doubts: list[tuple[str, float]] = field(default_factory=list)  # (figure, OCR confidence), checks.ocr_doubts
    ocr_table: bool = False  # its table was read by OCR from a scan (checks.ocr_doubts)
    ocr_text: bool = False  # not a table's: the text it stands on was read by OCR from a scan (checks.ocr_doubts)
    compared: tuple = ()  # (table, row_index, column_index) of the cells `expected` was read from, elsewhere


    @property
    def severity(self) -> str:
        return RULES[self.rule].severity

    @property
    def difference(self) -> Decimal | None:
        if self.reported is None or self.expected is None:
            return None
        return self.reported - self.expected

    @property
    def slot(self) -> tuple:
        """Where the finding stands in this run's tables: the same check on the same cell. For comparing one
        table's findings before and after a cell is changed (the misprint search), not across runs."""
        return (self.rule, self.table, self.row_index, self.column_index, self.item, self.column)

    def cause_text(self, lang: str = "id") -> str:
        """The likely cause in words, or "" when the numbers show none; a misprint found across findings first."""
        if self.misprint is not None:
            return self.misprint.text(lang)
        if not self.cause:
            return ""
        fmt = format_id if lang == "id" else (lambda v: f"{Decimal(v):,}")
        return CAUSES[self.cause][lang].format(reported=fmt(self.reported), expected=fmt(self.expected),
                                               part=self.cause_detail)

    def message(self, lang: str = "id") -> str:
        rule = RULES[self.rule]
        fmt = (lambda v, d=0: format_id(v, d)) if lang == "id" else (lambda v, d=0: f"{Decimal(v):,.{d}f}")
        def show(value):
            return "-" if value is None else fmt(value, self.decimals)
        text = rule.template[lang].format(
            item=self.item, column=self.column, reported=show(self.reported), expected=show(self.expected),
            difference=show(self.difference), detail=self.detail.get(lang, ""))
        if self.ocr_doubts:
            figures = ", ".join(f"{figure} ({confidence:.0f} %)" for figure, confidence in self.ocr_doubts)
            text += (f" Angka mungkin salah baca OCR (keyakinan): {figures}." if lang == "id" else
                     f" Figure may be misread by OCR (confidence): {figures}.")
        elif self.ocr_table:
            text += (" Tabel dibaca dengan OCR dari pindaian: cocokkan angkanya dengan halaman pindaiannya." if
                     lang == "id" else " The table was read by OCR from a scan: check its figures against the "
                     "scanned page.")
        elif self.ocr_text:
            text += (" Teksnya dibaca dengan OCR dari pindaian: cocokkan angkanya dengan halaman pindaiannya." if
                     lang == "id" else " The text was read by OCR from a scan: check its figures against the "
                     "scanned page.")
        return text
