"""The `lkjip-audit` command."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .exceptions import LkjipAuditError
from .runner import RAW_DIR, CLEAN_DIR, audit_with_notebook, sample_reports

app = typer.Typer(add_completion=False, help="Audit Indonesian LKjIP reports: reconcile their tables and "
                  "write an annotated workbook and findings.json per report.")


@app.callback()
def _root() -> None:
    """lkjip-audit: audit LKjIP reports."""


@app.command()
def audit(
    inputs: Optional[list[Path]] = typer.Argument(None, help="Report files (.txt/.md). None: every sample "
                                                   f"report in {RAW_DIR}."),
    out: Path = typer.Option(CLEAN_DIR, "--out", help="Output folder; each report gets DIR/<stem>/."),
    lang: str = typer.Option("id", "--lang", help="Language of messages and workbook: id or en."),
) -> None:
    """Audit each report through notebooks/audit_report.ipynb (papermill)."""
    reports = list(inputs) if inputs else sample_reports()
    if not reports:
        typer.echo(f"error: no reports given and none found in {RAW_DIR}", err=True)
        raise typer.Exit(2)
    failed = 0
    for report in reports:
        try:
            result = audit_with_notebook(report, out, lang=lang)
        except LkjipAuditError as exc:
            failed += 1
            typer.echo(f"error: {exc}", err=True)
            continue
        typer.echo(f"{result.summary} -> {_shown(result.folder)}")
    if failed:
        typer.echo(f"{failed} of {len(reports)} report(s) could not be audited", err=True)
        raise typer.Exit(1)


def _shown(path: Path) -> str:
    """A path relative to the working folder when it lies inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main() -> None:
    app()
