"""How the audit notebook shows its results: readable tables, numbers written the report's way."""

from __future__ import annotations

import pandas as pd

from ..understand.numbers import format_id
from .labels import LABELS, severity_text, text
from .totals import budget_totals

SEVERITY_COLOURS = {"error": "#FFC7CE", "warning": "#FFEB9C"}


def shown_number(value: float | None, lang: str = "id") -> str:
    """Rupiah without decimals, ratios with two: `5.087.297.982`, `81,02` (`5,087,297,982`, `81.02` in en)."""
    if value is None or value != value:  # None or NaN
        return ""
    decimals = 0 if float(value).is_integer() else 2
    return format_id(value, decimals) if lang == "id" else f"{value:,.{decimals}f}"


def heading(key: str, lang: str = "id", intro: str | None = None):
    """A section heading of the audit notebook in the run's language (a markdown cell cannot follow `lang`)."""
    from IPython.display import Markdown

    body = f"## {text(key, lang)}"
    if intro:
        body += f"\n\n{text(intro, lang)}"
    return Markdown(body)


def styled_findings(frame: pd.DataFrame, lang: str = "id"):
    """The findings table with its messages readable (left-aligned, wide), each row coloured by severity, and
    its headers and severities in the run's language."""
    numbers = [c for c in ("reported", "expected", "difference") if c in frame]
    left = {"text-align": "left", "white-space": "normal"}
    fills = frame["severity"].map(lambda s: SEVERITY_COLOURS.get(s, "")) if "severity" in frame else None
    shown = frame.assign(severity=frame["severity"].map(lambda s: severity_text(s, lang))) if "severity" in frame \
        else frame
    names = {c: text(c, lang) for c in frame.columns if c != "id" and c in LABELS[lang]}
    shown = shown.rename(columns=names)

    def colour(row):
        fill = "" if fills is None else fills.loc[row.name]
        return [f"background-color: {fill}" if fill and name == names.get("severity") else "" for name in row.index]

    # A report's labels reach this HTML: the Styler, unlike a DataFrame's own view, escapes nothing unless
    # told to, and `<script>` in a label would run in the notebook and its HTML export. One `format` call:
    # a second would set the other columns' formatter back to one that escapes nothing.
    return (shown.style.format({names.get(c, c): (lambda v: shown_number(v, lang)) for c in numbers}, na_rep="",
                               escape="html")
            .format_index(escape="html", axis=1)
            .set_properties(subset=[names.get(c, c) for c in ("item", "column") if c in frame],
                            **left, **{"max-width": "16em"})
            .set_properties(subset=[names.get(c, c) for c in ("message",) if c in frame],
                            **left, **{"min-width": "26em"})
            .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
            .apply(colour, axis=1)
            .hide(axis="index"))


def totals_frame(tables, lang: str = "id", stated=()) -> pd.DataFrame:
    """The budget total from its three sources (the Ringkasan sheet's table), as text: the Jumlah row, the sum of
    the Programs, the total stated in the prose; a source the report lacks is said, not compared."""
    totals = budget_totals(tables, stated)
    if totals is None:
        return pd.DataFrame({text("budget_totals", lang): [text("no_budget_total", lang)]})
    absent = text("not_in_report", lang)

    def shown(value, percent):
        if value is None:
            return absent
        return shown_number(round(float(value), 2) if percent else float(value), lang)

    lines = ", ".join(str(n) for n in totals.stated_lines)
    heads = (text("total_row_source", lang).format(table=totals.table), text("programs_source", lang),
             text("stated_source", lang).format(lines=lines) if totals.stated else text("stated_source_none", lang))
    return pd.DataFrame([{"": text(key, lang), **{h: shown(v, key == "serapan") for h, v in zip(heads, values)}}
                         for key, *values in totals.sources()])
