"""Run the audit notebook through papermill, one report at a time."""

from __future__ import annotations

import json
import math
import os
import tempfile
import threading
import uuid
from importlib import resources
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import papermill
from papermill.exceptions import PapermillExecutionError

from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from .exceptions import AuditTimeout, KernelDied, LkjipAuditError, OutputError
from .ingest import check_file
from .paths import output_stem
from .report.atomic import file_mode, write_atomically
from .report.findings_json import rule_counts_line, summary_line
from .report.trail_sheet import record_notebook_run
from .said import Said

# The notebooks are package data (a checkout links them from notebooks/), so an installed copy finds them too.
NOTEBOOK_DIR = Path(str(resources.files(__package__) / "notebooks"))
AUDIT_NOTEBOOK = NOTEBOOK_DIR / "audit_report.ipynb"
# The kernel logs to our stderr; when papermill stops it after an error it logs "KeyboardInterrupt caught in
# kernel" at ERROR level, which users must not see before the one line that says what is wrong.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
# Errors the notebook raises for bad input: reported as one line, not as a notebook traceback.
INPUT_ERRORS = {"InputError", "OutputError"}


@dataclass(frozen=True)
class RunResult:
    folder: Path
    notebook: Path
    summary: str
    per_rule: str = ""  # findings per rule, `footing-children 16, row-percent 10, ...`


def audit_with_notebook(report: str | Path, out_dir: str | Path, lang: str = "id",
                        timeout: float | None = None, tolerance: float = 0,
                        kernels: KernelPool | None = None, scale: str | Path | None = None,
                        folder_name: str | None = None, progress: TextIO | None = None) -> RunResult:
    """Execute `audit_report.ipynb` for one report into `out_dir/<stem>/`; raise a one-line error on failure.

    Next to the executed notebook goes its HTML export, for readers without Jupyter; the workbook's trail
    gets the run's times from the notebook's papermill metadata. With `kernels` (a batch), the run takes a
    kernel that booted while the previous report was finishing, and has the next one boot meanwhile.
    `scale`: a JSON category scale replacing the default ones (see `understand.scales.load_scale`).
    `progress`: where the kernel's progress lines (OCR, page by page) are shown as they come, e.g. sys.stderr.
    """
    exporter = HtmlExporterLoader()  # loads while the kernel works: this process is idle meanwhile
    notebook = execute_audit_notebook(report, out_dir, lang, timeout, tolerance, kernels, scale, folder_name,
                                      progress)
    return finish_run(notebook, exporter)


def execute_audit_notebook(report: str | Path, out_dir: str | Path, lang: str = "id",
                           timeout: float | None = None, tolerance: float = 0,
                           kernels: KernelPool | None = None, scale: str | Path | None = None,
                           folder_name: str | None = None, progress: TextIO | None = None) -> Path:
    """The papermill run alone: the executed notebook `out_dir/<folder>/<stem>.ipynb`, before `finish_run`.

    `folder_name`: the report's folder in `out_dir` (`paths.output_folders`: the stem, made distinct where
    two reports of one run share it); the stem by default.
    """
    report = Path(report)
    check_file(report)
    stem = output_stem(report)
    folder = Path(out_dir).resolve() / (folder_name or stem)
    final = folder / f"{stem}.ipynb"
    partial = _fresh_file(folder, f".{stem}.", ".running.ipynb")
    parameters = {"input_path": str(report.resolve()), "output_dir": str(folder), "lang": lang,
                  "tolerance": tolerance, "scale": str(Path(scale).resolve()) if scale else ""}
    kernel = {} if kernels is None else {"km": kernels.take()}
    try:
        # `execution_timeout` bounds each cell; the audit is one cell, so it bounds the report.
        papermill.execute_notebook(str(AUDIT_NOTEBOOK), str(partial), parameters=parameters,
                                   cwd=str(NOTEBOOK_DIR), progress_bar=False, log_output=False,
                                   execution_timeout=None if timeout is None else max(1, math.ceil(timeout)),
                                   start_timeout=120, stderr_file=None if progress is None else
                                   ProgressLines(progress),
                                   extra_arguments=KERNEL_ARGUMENTS, **kernel)
    except (TimeoutError, CellTimeoutError):
        _keep_failed(partial, folder / f"{stem}.failed.ipynb")
        raise AuditTimeout(Said(f"{report}: dihentikan setelah {timeout:g} detik (batas waktu). Naikkan --timeout "
                                "atau audit laporan ini sendiri",
                                f"{report}: stopped after {timeout:g} s (the time limit). Raise --timeout or audit "
                                "this report alone")) from None
    except DeadKernelError as exc:
        _keep_failed(partial, folder / f"{stem}.failed.ipynb")
        raise KernelDied(Said(f"{report}: kernel notebook mati ({exc}); mungkin memori mesin habis. Audit laporan "
                              "ini sendiri atau dengan --jobs lebih sedikit",
                              f"{report}: the notebook kernel died ({exc}); the machine may be out of memory. "
                              "Audit this report alone or with fewer --jobs")) from None
    except PapermillExecutionError as exc:
        failed = folder / f"{stem}.failed.ipynb"
        os.replace(partial, failed)
        if exc.ename in INPUT_ERRORS:
            raise LkjipAuditError(exc.evalue) from None
        raise LkjipAuditError(Said(f"{report}: audit berhenti karena {exc.ename}: {exc.evalue}. Notebook dengan "
                                   f"traceback lengkapnya: {failed}",
                                   f"{report}: the audit stopped with {exc.ename}: {exc.evalue}. The notebook "
                                   f"with the full traceback is {failed}")) from None
    finally:
        if kernels is not None:
            kernels.release(kernel["km"])
    os.replace(partial, final)
    return final


class ProgressLines:
    """papermill's `stderr_file`: of what the kernel writes on stderr, the progress lines (`OCR: …`) reach the
    user as they come; the rest (warnings) stays in the executed notebook."""

    PREFIXES = ("OCR: ", "Audit: ")

    def __init__(self, target: TextIO):
        self.target = target
        self.pending = ""

    def write(self, text: str) -> None:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if line.startswith(self.PREFIXES):
                self.target.write(line + "\n")
                self.target.flush()

    def flush(self) -> None:
        pass


def finish_run(notebook: Path, exporter: HtmlExporterLoader | None = None) -> RunResult:
    """After the run: the papermill times into the workbook's trail, the HTML export, the summary line."""
    folder = notebook.parent
    record_notebook_run(folder / f"{notebook.stem}.audit.xlsx", notebook)
    export_html(notebook, (exporter or HtmlExporterLoader()).get())
    document = json.loads((folder / "findings.json").read_text(encoding="utf-8"))
    return RunResult(folder=folder, notebook=notebook, summary=summary_line(document),
                     per_rule=rule_counts_line(document))


class KernelPool:
    """One spare kernel per process, booted ahead: a batch's next report need not wait ~0.7 s for it.

    Papermill starts and stops a kernel per run; given a started kernel (`km`), nbclient uses it and leaves
    it running, so `release` stops it. A fresh kernel per report still: no state passes between reports.
    """

    def __init__(self, prepare_next: bool = True):
        self.prepare_next = prepare_next
        self._spare = None
        self._running = None

    def take(self):
        spare, self._spare = self._spare, None
        if spare is not None and run_sync(spare.is_alive)():
            self._running = spare
            return spare
        self._running = self._start()
        return self._running

    def release(self, km) -> None:
        """Boot the next report's kernel, then stop this one (boot first: it runs while this one stops)."""
        if self.prepare_next and self._spare is None:
            self._spare = self._start()
        self._running = None
        _stop(km)

    def close(self) -> None:
        """Stop every kernel of this pool, the spare and one still running (a batch being stopped)."""
        spare, self._spare = self._spare, None
        running, self._running = self._running, None
        for km in (spare, running):
            if km is not None:
                _stop(km)

    def kill_now(self) -> None:
        """From a signal handler: kill the kernels' processes at once, no shutdown messages."""
        for km in (self._spare, self._running):
            if km is not None and getattr(km, "provisioner", None) is not None:
                process = getattr(km.provisioner, "process", None)
                if process is not None:
                    try:
                        process.kill()
                    except OSError:
                        pass

    @staticmethod
    def _start():
        from jupyter_client.manager import AsyncKernelManager

        km = AsyncKernelManager(kernel_name="python3")
        if os.name == "posix":
            # Unix sockets, not TCP ports: a port picked for a kernel can be taken by another process before the
            # kernel binds it (jupyter_client's known race; the kernel printed a traceback). A short path of its
            # own under the temporary folder (a socket path may not exceed 107 bytes); removed at shutdown.
            km.transport = "ipc"
            km.ip = os.path.join(tempfile.gettempdir(), f"lkjip-kernel-{uuid.uuid4().hex[:12]}")
        # As nbclient starts its own: history in memory, so parallel kernels do not lock one sqlite file.
        run_sync(km.start_kernel)(extra_arguments=[*KERNEL_ARGUMENTS, "--HistoryManager.hist_file=:memory:"],
                                  cwd=str(NOTEBOOK_DIR))
        return km


def _stop(km) -> None:
    try:
        run_sync(km.shutdown_kernel)(now=True)
    except RuntimeError:  # already gone (it died, or was stopped after a timeout)
        pass


def _fresh_file(folder: Path, prefix: str, suffix: str) -> Path:
    """A new, empty file of our own in `folder` for papermill to write into.

    Created exclusively under a random name: a file or symbolic link someone left at a fixed name (say
    `.x.running.ipynb` pointing at another file) is never written through. A folder that is itself a
    symbolic link is refused, so nothing is written outside the output folder.
    """
    if folder.is_symlink():
        raise OutputError(Said(f"{folder}: folder keluaran laporan ini tautan simbolik; keluaran tidak ditulis "
                               "melalui tautan. Hapus tautannya atau pilih --out lain",
                               f"{folder}: the report's output folder is a symbolic link; outputs are not written "
                               "through links. Remove it or choose another --out"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    except OSError as exc:
        raise OutputError(Said(f"{folder}: tidak dapat menulis di sini ({exc.strerror}). Pilih folder keluaran lain",
                               f"{folder}: cannot write here ({exc.strerror}). Choose another output folder")) from None
    os.close(fd)
    os.chmod(name, file_mode())  # the executed notebook is an output like the others (mkstemp makes it 0600)
    return Path(name)


def _keep_failed(partial: Path, failed: Path) -> None:
    if partial.exists():
        os.replace(partial, failed)


class HtmlExporterLoader:
    """nbconvert takes a second or more to import and load its templates: do it on a side thread."""

    _cached = None

    def __init__(self):
        self._thread = None
        if HtmlExporterLoader._cached is None:
            # Not a daemon: a process ending while it imports would die mid-import, printing errors.
            self._thread = threading.Thread(target=self._load)
            self._thread.start()

    @staticmethod
    def _load():
        from nbconvert import HTMLExporter

        # Not `sanitize_html=True`: nbconvert 7.17's sanitiser prints the markdown cells' own headings as
        # escaped tags. Outputs are escaped where they are made (report/notebook_view.py), tested on a
        # hostile corpus (tests/test_hostile_outputs.py).
        exporter = HTMLExporter()
        exporter.template  # noqa: B018 - loads the templates now, not at the first export
        HtmlExporterLoader._cached = exporter

    def get(self):
        if self._thread is not None:
            self._thread.join()
        if HtmlExporterLoader._cached is None:  # the side thread failed: load here, and let errors show
            self._load()
        return HtmlExporterLoader._cached


#: nbval's markers in the notebook's code cells, left out of the HTML a reader gets.
TEST_MARKERS = {"# NBVAL_CHECK_OUTPUT", "# NBVAL_IGNORE_OUTPUT", "# NBVAL_SKIP", "# NBVAL_RAISES_EXCEPTION"}


def export_html(notebook: Path, exporter=None) -> Path:
    """`<notebook>.html` beside the executed notebook, written atomically; code cells kept (it is the record)."""
    import nbformat

    if exporter is None:
        exporter = HtmlExporterLoader().get()
    node = nbformat.read(str(notebook), as_version=4)
    for cell in node.cells:  # the test markers are for nbval, not for a reader
        if cell.cell_type == "code":
            cell.source = "\n".join(line for line in cell.source.splitlines() if line.strip() not in TEST_MARKERS)
    body, _ = exporter.from_notebook_node(node)
    target = notebook.with_suffix(".html")
    return write_atomically(target, lambda tmp: tmp.write_text(body, encoding="utf-8"))


BATCH_NOTEBOOK = NOTEBOOK_DIR / "batch_summary.ipynb"


def run_batch_summary(out_dir: str | Path, lang: str = "id") -> Path:
    """Execute `batch_summary.ipynb` over a batch's output folder into `out_dir/batch_summary.ipynb`."""
    out_dir = Path(out_dir).resolve()
    final = out_dir / "batch_summary.ipynb"
    partial = _fresh_file(out_dir, ".batch_summary.", ".running.ipynb")
    try:
        papermill.execute_notebook(str(BATCH_NOTEBOOK), str(partial), parameters={"batch_dir": str(out_dir), "lang": lang},
                                   cwd=str(NOTEBOOK_DIR), progress_bar=False, log_output=False,
                                   extra_arguments=KERNEL_ARGUMENTS)
    except PapermillExecutionError as exc:
        failed = out_dir / "batch_summary.failed.ipynb"
        os.replace(partial, failed)
        raise LkjipAuditError(Said(f"{out_dir}: ringkasan batch berhenti karena {exc.ename}: {exc.evalue}. "
                                   f"Lihat {failed}",
                                   f"{out_dir}: the batch summary stopped with {exc.ename}: {exc.evalue}. "
                                   f"See {failed}")) from None
    os.replace(partial, final)
    export_html(final)  # for readers without Jupyter, as each report's
    return final
