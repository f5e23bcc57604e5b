"""A batch read back for researchers: every findings.json under a folder, with the batch index."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from .atomic import write_atomically
from ..checks.rules import RULES
from .findings_json import summary_of
from .notebook_view import shown_number
from .safe_text import inert

FINDING_COLUMNS = ["report", "id", "rule", "rule_name", "severity", "table", "page", "line", "item", "column",
                   "reported", "expected", "difference", "message", "likely_cause"]
REPORT_COLUMNS = ["report", "status", "tables", "budget_tables", "findings", "errors", "warnings", "pagu",
                  "realisasi", "serapan_percent", "reconciled", "seconds", "reason"]


def load_findings(batch_dir: str | Path) -> pd.DataFrame:
    """One row per finding of every report under `batch_dir` (each `*/findings.json`)."""
    rows = []
    for path in sorted(Path(batch_dir).glob("*/findings.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        lang = document.get("lang", "id")  # the run's language: its messages are in it
        for finding in document["findings"]:
            rule = RULES.get(finding.get("rule"))
            rows.append({"report": document["report"], **{k: finding.get(k) for k in (
                "id", "rule", "severity", "table", "page", "line", "item", "column", "reported", "expected",
                "difference", "message", "likely_cause")}, "rule_name": rule.name[lang] if rule else ""})
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def load_reports(batch_dir: str | Path) -> pd.DataFrame:
    """One row per report: from `index.json` when the folder is a batch, else from the findings files.

    `reconciled` is True when no finding of severity error was raised on the report.
    """
    batch_dir = Path(batch_dir)
    index = batch_dir / "index.json"
    if index.exists():
        frame = pd.DataFrame(json.loads(index.read_text(encoding="utf-8"))["reports"])
        frame["report"] = frame["report"].map(lambda p: Path(p).name)
    else:
        rows = []
        for path in sorted(batch_dir.glob("*/findings.json")):
            document = json.loads(path.read_text(encoding="utf-8"))
            rows.append({"report": document["report"], "status": "ok", **summary_of(document),
                         "seconds": None, "reason": ""})
        frame = pd.DataFrame(rows)
    frame = frame.reindex(columns=[c for c in REPORT_COLUMNS if c != "reconciled"])
    ok = frame["status"].isin(["ok", "skipped"])
    # A report that could not be audited is neither reconciled nor not: left empty, counted apart.
    frame["reconciled"] = (frame["errors"].fillna(0) == 0).astype("boolean").where(ok, pd.NA)
    for column in ("tables", "budget_tables", "findings", "errors", "warnings", "pagu", "realisasi"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").round().astype("Int64")  # rupiah whole
    return frame[REPORT_COLUMNS]


def reconciled_line(reports: pd.DataFrame) -> str:
    """`reconciled: 4, not reconciled: 2, not audited: 1`: the reports that failed are counted apart."""
    audited = reports["reconciled"].notna()
    yes = int(reports.loc[audited, "reconciled"].astype(bool).sum())
    return (f"reconciled: {yes}, not reconciled: {int(audited.sum()) - yes}, "
            f"not audited: {int((~audited).sum())}")


def findings_per_rule(findings: pd.DataFrame) -> pd.DataFrame:
    """Reports × rules: how many findings of each rule each report raised."""
    if findings.empty:
        return pd.DataFrame()
    return findings.pivot_table(index="report", columns="rule", values="id", aggfunc="count", fill_value=0)


def findings_chart(per_rule: pd.DataFrame):
    """Stacked bars: findings per report, by rule; None when there is nothing to show."""
    if per_rule.empty:
        return None
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(per_rule) + 1.8))
    # tab20: twenty colours, so each of the catalogue's rules keeps its own; the legend stands beside the
    # bars, never over them.
    per_rule.plot.barh(stacked=True, ax=ax, colormap="tab20")
    ax.invert_yaxis()
    ax.set_xlabel("temuan / findings")
    ax.set_ylabel("")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    plt.close(fig)
    return fig


def styled_reports(reports: pd.DataFrame, lang: str = "id"):
    """The batch's reports for the notebook, text escaped (file names and reasons come from outside); money
    and percentages written the run's way (`14.843.097.182`, `90,50` in Bahasa Indonesia), as in the
    workbook."""
    def money(value):
        return "" if pd.isna(value) else shown_number(int(value), lang)

    def ratio(value):
        return "" if pd.isna(value) else shown_number(round(float(value), 2), lang)

    # One `format` call: a second one would set the other columns' formatter back to one that escapes nothing.
    return (reports.style.format({"pagu": money, "realisasi": money, "serapan_percent": ratio, "seconds": ratio},
                                 na_rep="", escape="html")
            .format_index(escape="html", axis=1).hide(axis="index"))


def export_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a CSV atomically (a reader never sees half a file), no text cell able to act as a formula."""
    text = frame.map(inert).to_csv(index=False)
    return write_atomically(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))
