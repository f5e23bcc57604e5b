"""The `lkjip-audit` command."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Optional

import typer

from .exceptions import LkjipAuditError, message_language, use_language
from .paths import CLEAN_DIR, RAW_DIR

SCALE_HELP = ("JSON category scale used where a report prints none with the label: {\"name\": ..., \"bands\": "
              "[{\"label\": \"Tinggi\", \"min\": 76, \"max\": 90}, ...]}. Default: Permendagri 86/2017 and "
              "target met (< 100 Tidak Tercapai, >= 100 Tercapai).")

#: The environment variable that sets --lang for every command (a cron job, a shared machine's profile).
LANG_VARIABLE = "LKJIP_AUDIT_LANG"
LANG_HELP = ("Language of the command's lines, the messages, the workbook and the notebook: id (Bahasa Indonesia) "
             "or en.")

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Audit Indonesian LKjIP reports: reconcile their tables and "
                  "write an annotated workbook and findings.json per report.")


@app.callback()
def _root() -> None:
    """lkjip-audit: audit LKjIP reports."""


@app.command()
def audit(
    inputs: Optional[list[Path]] = typer.Argument(None, help="Report files (.txt, .md, .pdf, .xlsx, .csv). None: every sample "
                                                   f"report in {RAW_DIR}."),
    out: Path = typer.Option(CLEAN_DIR, "--out", help="Output folder; each report gets DIR/<stem>/."),
    lang: str = typer.Option("id", "--lang", envvar=LANG_VARIABLE, help=LANG_HELP),
    timeout: Optional[float] = typer.Option(None, "--timeout", min=1, help="Seconds a report may take before "
                                            "it is stopped (the other reports go on)."),
    tolerance: float = typer.Option(0, "--tolerance", min=0, help="Rupiah a money identity may be off and "
                                    "still hold (0: exact; e.g. 1000 for tables rounded to thousands)."),
    scale: Optional[Path] = typer.Option(None, "--scale", help=SCALE_HELP),
) -> None:
    """Audit each report through notebooks/audit_report.ipynb (papermill)."""
    _check_arguments(lang, out, timeout)
    from .paths import distinct_reports, output_folders, sample_reports
    from .runner import KernelPool, audit_with_notebook  # papermill: seconds to import, so after the checks

    reports = distinct_reports(list(inputs)) if inputs else sample_reports()
    if not reports:
        _error(_say(lang, f"tidak ada laporan yang diberikan, dan tidak ada di {RAW_DIR}",
                    f"no reports given and none found in {RAW_DIR}"))
        raise typer.Exit(2)
    _check_scale(scale)
    folders = output_folders(reports)
    failed = 0
    kernels = KernelPool()  # each next report's kernel boots while the one before finishes
    done = 0
    try:
        for number, report in enumerate(reports, start=1):
            kernels.prepare_next = number < len(reports)
            _announce_if_long(report)
            try:
                result = audit_with_notebook(report, out, lang=lang, tolerance=tolerance, timeout=timeout,
                                             kernels=kernels, scale=scale, folder_name=folders[Path(report)],
                                             progress=sys.stderr)
            except LkjipAuditError as exc:
                failed += 1
                _error(str(exc))
                continue
            except OSError as exc:  # the output folder or disk failed under papermill itself
                failed += 1
                _error(_say(lang, f"{report}: keluarannya tidak dapat ditulis ({exc.strerror or exc}). Kosongkan "
                            "sebagian ruang disk atau pilih --out lain",
                            f"{report}: the outputs cannot be written ({exc.strerror or exc}). Free some "
                            "disk space or choose another --out"))
                continue
            done += 1
            typer.echo(printable(f"{result.summary} -> {_shown(result.folder)}"))
            if result.per_rule:
                typer.echo(f"  {_say(lang, 'per aturan', 'per rule')}: {result.per_rule}")
    except KeyboardInterrupt:
        typer.echo(_say(lang, f"dihentikan: {done} diaudit, {failed} gagal, {len(reports) - done - failed} belum "
                        "mulai atau terhenti; keluaran sebelumnya tetap seperti semula",
                        f"interrupted: {done} audited, {failed} failed, {len(reports) - done - failed} not started "
                        "or stopped; their previous outputs are as they were"), err=True)
        raise typer.Exit(130) from None
    finally:
        kernels.close()
    if failed:
        typer.echo(_say(lang, f"{failed} dari {len(reports)} laporan tidak dapat diaudit",
                        f"{failed} of {len(reports)} report(s) could not be audited"), err=True)
        raise typer.Exit(1)


@app.command()
def batch(
    inputs: list[Path] = typer.Argument(..., help="Report files or folders of reports (.txt, .md, .pdf, .xlsx, "
                                        ".csv)."),
    out: Path = typer.Option(..., "--out", help="Output folder: DIR/<stem>/ per report, DIR/index.csv|json."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Reports audited at the same time."),
    timeout: Optional[float] = typer.Option(None, "--timeout", min=1, help="Seconds a report may take before "
                                            "it is stopped and recorded as timed out."),
    force: bool = typer.Option(False, "--force", help="Re-audit reports that are unchanged since their last "
                               "successful run."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a Dask scheduler "
                                            "(tcp://host:8786): run each report as a task on that cluster."),
    lang: str = typer.Option("id", "--lang", envvar=LANG_VARIABLE, help=LANG_HELP),
    tolerance: float = typer.Option(0, "--tolerance", min=0, help="Rupiah a money identity may be off and "
                                    "still hold (0: exact; e.g. 1000 for tables rounded to thousands)."),
    scale: Optional[Path] = typer.Option(None, "--scale", help=SCALE_HELP),
    summary: bool = typer.Option(True, "--summary/--no-summary", help="Execute batch_summary.ipynb over "
                                 "the results (when they changed since it last ran)."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Try again the reports that failed last "
                                      "time though their file, the tool and the options are unchanged."),
) -> None:
    """Audit many reports, N at a time; resumable; failures recorded, never fatal to the batch."""
    _check_arguments(lang, out, timeout)
    from tqdm import tqdm

    from .batch import collect_reports, record_summary, run_batch, summary_is_current

    reports = collect_reports(inputs, out)
    if not reports:
        _error(_say(lang, "tidak ada berkas laporan (.txt, .md, .pdf, .xlsx, .csv) pada masukan yang diberikan",
                    "no report files (.txt, .md, .pdf, .xlsx, .csv) in the inputs given"))
        raise typer.Exit(2)
    _check_scale(scale)
    counts = {"ok": 0, "skipped": 0, "failed": 0}
    with tqdm(total=len(reports), unit="report", dynamic_ncols=True) as bar:
        def done(entry) -> None:
            counts["ok" if entry.status == "ok" else "skipped" if entry.status == "skipped" else "failed"] += 1
            bar.set_postfix(counts, refresh=False)
            bar.update(1)
            if not entry.succeeded:
                status = f"{entry.status}; {entry.note}" if entry.note else entry.status
                bar.write(printable(f"{_say(lang, 'galat', 'error')}: {entry.reason or entry.report} [{status}]"),
                          file=sys.stderr)

        try:
            entries = run_batch(reports, out, jobs=jobs, timeout=timeout, force=force, scheduler=scheduler,
                                lang=lang, tolerance=tolerance, scale=str(scale) if scale else None, on_done=done,
                                retry_failed=retry_failed)
        except LkjipAuditError as exc:
            _error(str(exc))
            raise typer.Exit(2)
        except KeyboardInterrupt:
            bar.close()
            typer.echo(_say(lang, f"dihentikan: {counts['ok']} diaudit, {counts['skipped']} tidak berubah, "
                            f"{counts['failed']} gagal sebelum berhenti; indeks: {_shown(Path(out) / 'index.csv')}. "
                            "Jalankan perintah yang sama lagi untuk melanjutkan",
                            f"interrupted: {counts['ok']} audited, {counts['skipped']} unchanged, {counts['failed']} "
                            f"failed before the stop; index: {_shown(Path(out) / 'index.csv')}. Run the same command "
                            "again to go on"), err=True)
            _leave(130)
    failed = [e for e in entries if not e.succeeded]
    typer.echo(_say(lang, f"{len(entries) - len(failed)} dari {len(entries)} laporan diaudit "
                    f"({counts['skipped']} tidak berubah, dilewati); indeks: {_shown(Path(out) / 'index.csv')}",
                    f"{len(entries) - len(failed)} of {len(entries)} report(s) audited "
                    f"({counts['skipped']} unchanged, skipped); index: {_shown(Path(out) / 'index.csv')}"))
    if summary and summary_is_current(out) and not force:
        typer.echo(_say(lang, f"ringkasan: {_shown(Path(out) / 'batch_summary.ipynb')} (tidak berubah, tidak "
                        "dijalankan lagi)",
                        f"summary: {_shown(Path(out) / 'batch_summary.ipynb')} (unchanged, not run again)"))
    elif summary:
        from .runner import run_batch_summary  # papermill: imported only when a notebook runs

        try:
            notebook = run_batch_summary(out, lang)
            record_summary(out)
            typer.echo(f"{_say(lang, 'ringkasan', 'summary')}: {_shown(notebook)}")
        except LkjipAuditError as exc:
            _error(str(exc))
    if failed:
        typer.echo(_say(lang, f"{len(failed)} laporan gagal; lihat index.csv",
                        f"{len(failed)} report(s) failed; see index.csv"), err=True)
        raise typer.Exit(1)


def _leave(status: int) -> None:
    """End the process now, without the interpreter's exit hooks.

    After Ctrl-C the workers are stopped and the index is written; what is left to run at exit is
    concurrent.futures' hook, which wakes the stopped pool through a pipe that may already be closed and
    then prints a traceback ("Bad file descriptor") under the one line that said what happened.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(line: str) -> str:
    """A line for the terminal: control characters from a file name or a report (ESC starts a terminal
    command) shown as `\\x1b`, never sent raw."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", line)


def _check_arguments(lang: str, out: Path, timeout: float | None) -> None:
    """What can be wrong with the command line is said before any report runs, once."""
    from .report.labels import LANGUAGES

    problems = []
    if lang not in LANGUAGES:
        # which language the user wanted is not known: said in both
        problems.append(f"--lang {lang}: bahasa tidak dikenal / unknown language; {', '.join(LANGUAGES)}")
    else:
        use_language(lang)  # every line from here on, and the errors' messages, in the run's language
    if out.exists() and not out.is_dir():
        problems.append(_say(lang, f"--out {out}: ini berkas, bukan folder. Berikan folder (dibuat bila belum ada)",
                             f"--out {out}: this is a file, not a folder. Give a folder (it is made if missing)"))
    if timeout is not None and not timeout > 0:
        problems.append(_say(lang, f"--timeout {timeout:g}: berikan jumlah detik di atas 0",
                             f"--timeout {timeout:g}: give a number of seconds above 0"))
    for problem in problems:
        _error(problem)
    if problems:
        raise typer.Exit(2)


#: From this size a report gets a line before its audit starts: reading it takes a while, and nothing else
#: shows until it is done (the audit runs in the notebook's kernel).
LONG_INPUT_BYTES = 20_000_000


def _announce_if_long(report: Path) -> None:
    try:
        size = Path(report).stat().st_size
    except OSError:
        return
    if size >= LONG_INPUT_BYTES:
        typer.echo(printable(_say(message_language(), f"{report}: {size / 1e6:.0f} MB, sedang diaudit (butuh "
                                  "beberapa menit) ...", f"{report}: {size / 1e6:.0f} MB, auditing (this takes "
                                  "minutes) ...")), err=True)


def _check_scale(scale: Path | None) -> None:
    """A bad --scale file stops the command before any report runs, not once per report."""
    if scale is None:
        return
    from .understand.scales import load_scale

    try:
        load_scale(scale)
    except LkjipAuditError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None


def _say(lang: str, indonesian: str, english: str) -> str:
    """The CLI's own line in the run's language (`--lang`), chosen as every `Said` is."""
    from .said import Said

    return Said(indonesian, english).text(lang)


def _error(message: str) -> None:
    """One line on stderr: `galat: ...` / `error: ...`, control characters shown, never sent raw."""
    typer.echo(printable(f"{_say(message_language(), 'galat', 'error')}: {message}"), err=True)


def _shown(path: Path) -> str:
    """A path relative to the working folder when it lies inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main() -> None:
    """The command, with every failure one line: a bug is still named, its traceback kept in a file.

    Usage errors and --help are click's own (standalone mode); Ctrl-C ends with a line, not a traceback.
    """
    try:
        app()
    except KeyboardInterrupt:
        typer.echo(_say(message_language(), "dihentikan", "interrupted"), err=True)
        sys.exit(130)
    except LkjipAuditError as exc:
        _error(str(exc))
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - a bug: one line for the user, the traceback for the report
        import tempfile
        import traceback

        with tempfile.NamedTemporaryFile("w", prefix="lkjip-audit-crash-", suffix=".txt", delete=False) as log:
            traceback.print_exc(file=log)
        _error(_say(message_language(), f"lkjip-audit berhenti karena galat internal ({type(exc).__name__}: "
                    f"{exc}). Mohon laporkan dengan {log.name}",
                    f"lkjip-audit stopped on an internal error ({type(exc).__name__}: {exc}). Please "
                    f"report it with {log.name}"))
        sys.exit(3)
