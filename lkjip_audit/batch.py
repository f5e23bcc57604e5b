"""Many reports at once: N at a time, each in its own process, resumable, locally or on a Dask cluster.

Each report runs `audit_report.ipynb` through papermill in a kernel process of
its own, N at a time, so a report that fails, hangs past the time limit or
crashes its kernel is recorded and the batch goes on. A report whose input (sha256) and tool version
are unchanged since its last successful run is skipped, so an interrupted batch
picks up where it stopped. The batch index (`index.csv`, `index.json`) is
rewritten after every report.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from . import __version__
from .ingest.document import file_sha256
from .paths import distinct_reports, output_folders, output_stem
from .report.atomic import write_atomically
from .report.findings_json import summary_of
from .report.safe_text import inert

#: Report files a folder given to `batch` contributes.
BATCH_SUFFIXES = (".txt", ".md", ".pdf", ".xlsx", ".csv")
STATE_FILE = ".lkjip-run.json"
FAILED = ("failed", "timeout", "crashed")
#: Failures the same file would meet again; a locked output, a dead kernel or worker may not recur.
FAILED_BY_INPUT = ("input", "audit", "timeout")
NOT_RETRIED = ("unchanged since it failed (same file, tool version and parameters); not tried again without "
               "--retry-failed")


@dataclass
class BatchEntry:
    """One report's line in the batch index."""

    report: str
    status: str  # ok | skipped | failed | timeout | crashed
    stage: str = ""  # where it failed: input | audit | timeout | kernel
    reason: str = ""
    seconds: float = 0.0
    sha256: str = ""
    tables: int = 0
    budget_tables: int = 0
    findings: int = 0
    errors: int = 0
    warnings: int = 0
    pagu: float | None = None
    realisasi: float | None = None
    serapan_percent: float | None = None
    folder: str = ""
    note: str = ""  # e.g. why a failed report was not tried again

    @property
    def failed(self) -> bool:
        return self.status in FAILED
    @property
    def succeeded(self) -> bool:
        return self.status in ("ok", "skipped")


def collect_reports(inputs: Iterable[Path], out: Path | None = None) -> list[Path]:
    """Files as given; folders contribute their report files (not recursively), sorted. A file named twice
    is audited once, and nothing inside the output folder `out` (its index.csv) is taken as a report."""
    reports: list[Path] = []
    for path in inputs:
        path = Path(path)
        if path.is_dir():
            reports.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in BATCH_SUFFIXES
                                  and p.is_file() and not _inside(p, out)))
        else:
            reports.append(path)
    return distinct_reports(reports)


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    return Path(folder).resolve() in path.resolve().parents


def is_current(report: Path, out: Path, sha256: str, parameters: dict | None = None,
               folder_name: str | None = None) -> bool:
    """The last run of this report succeeded on the same input, tool version and parameters."""
    folder = out / (folder_name or output_stem(report))
    try:
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (state.get("sha256") == sha256 and state.get("tool_version") == __version__
            and state.get("parameters", {}) == (parameters or {}) and (folder / "findings.json").exists())


def run_parameters(lang: str, tolerance: float, scale: str | None = None) -> dict:
    """What a run's outputs depend on besides the input and the tool: a change re-runs the report.

    A scale file counts by its content: editing it re-runs the reports it judged.
    """
    parameters = {"lang": lang, "tolerance": float(tolerance)}
    if scale:
        try:
            parameters["scale_sha256"] = file_sha256(Path(scale))
        except OSError:
            parameters["scale_sha256"] = ""  # each run then fails with the scale's own message
    return parameters


def run_one(report: str, out: str, lang: str = "id", timeout: float | None = None, tolerance: float = 0,
            scale: str | None = None, more_to_come: bool = False, finish: bool = True,
            folder_name: str | None = None) -> dict:
    """Audit one report (papermill, its own kernel process); never raises, always returns a record.

    The kernel is a process of its own: a report that crashes it or runs past `timeout` is recorded and
    its kernel shut down, while this process goes on with the next report. With `more_to_come`, the next
    report's kernel boots while this one's outputs are written. With `finish=False` the record stops at
    status "executed" and `finish_one` completes it (the local batch does that in its own process,
    while this worker runs the next report).
    """
    from .exceptions import AuditTimeout, InputError, KernelDied, LkjipAuditError
    from .ingest import check_file
    from .runner import execute_audit_notebook

    report_path = Path(report)
    started = time.perf_counter()
    record = {"report": str(report_path), "status": "failed", "stage": "input", "reason": ""}
    try:
        check_file(report_path)  # before hashing: a pipe named .txt would block the hash forever
        record["sha256"] = file_sha256(report_path)
        with _ONE_RUN_PER_PROCESS:
            notebook = execute_audit_notebook(report_path, out, lang=lang, timeout=timeout, tolerance=tolerance,
                                              kernels=_worker_kernels(more_to_come), scale=scale,
                                              folder_name=folder_name)
    # index.csv's reasons in the run's language (the errors carry both)
    except AuditTimeout as exc:
        record.update(status="timeout", stage="timeout", reason=exc.text(lang))
    except KernelDied as exc:
        record.update(status="crashed", stage="kernel", reason=exc.text(lang))
    except OSError as exc:
        record["reason"] = (f"{report_path}: tidak dapat dibaca ({exc.strerror})" if lang == "id" else
                            f"{report_path}: cannot be read ({exc.strerror})")
    except InputError as exc:
        record["reason"] = exc.text(lang)
    except LkjipAuditError as exc:
        record["reason"] = exc.text(lang)
        record["stage"] = "audit" if "notebook with the full traceback" in exc.text("en") else "input"
    except Exception as exc:  # noqa: BLE001 - one report must never end the batch
        record.update(stage="audit", reason=f"{report_path}: {type(exc).__name__}: {exc}")
    else:
        record.update(status="executed", stage="", notebook=str(notebook))
        if finish:
            return finish_one(_finish(record, started), run_parameters(lang, tolerance, scale))
    return _finish(record, started)


def finish_one(record: dict, parameters: dict, exporter=None) -> dict:
    """Complete an executed report's record (`runner.finish_run`), then mark it current for resuming."""
    from .exceptions import LkjipAuditError
    from .runner import finish_run

    started = time.perf_counter()
    try:
        result = finish_run(Path(record["notebook"]), exporter)
    except LkjipAuditError as exc:
        record.update(status="failed", stage="output", reason=exc.text(parameters.get("lang", "en")))
    except Exception as exc:  # noqa: BLE001 - one report must never end the batch
        record.update(status="failed", stage="output", reason=f"{record['report']}: {type(exc).__name__}: {exc}")
    else:
        record.update(status="ok", **_from_findings(result.folder / "findings.json"))
        state = {"sha256": record["sha256"], "tool_version": __version__,
                 "parameters": parameters, "finished": time.time()}
        write_atomically(result.folder / STATE_FILE,
                         lambda tmp: tmp.write_text(json.dumps(state), encoding="utf-8"))
    record["seconds"] = round(record.get("seconds", 0) + time.perf_counter() - started, 2)
    return record


_WORKER = threading.local()
_POOLS: list = []  # every thread's pool in this process, for a stop that must reach them all
# A Dask worker may run tasks in several threads of one process; nbclient's kernel clients share the
# process's asyncio machinery ("This event loop is already running" when two run at once). Reports in one
# process run one after the other: parallel work comes from processes (`--nworkers`, `--jobs`).
_ONE_RUN_PER_PROCESS = threading.Lock()


def _worker_kernels(more_to_come: bool):
    """This worker thread's kernel pool; its spare kernel is stopped when the worker exits.

    One pool per thread: a Dask worker runs several reports at once in threads of one process, and two
    runs handed the same spare kernel would each stop the other's.
    """
    pool = getattr(_WORKER, "kernels", None)
    if pool is None:
        from multiprocessing.util import Finalize

        from .runner import KernelPool

        pool = _WORKER.kernels = KernelPool()
        _POOLS.append(pool)
        # Pool workers leave through os._exit, which skips atexit; multiprocessing's finalizers still run.
        Finalize(pool, pool.close, exitpriority=10)
    pool.prepare_next = more_to_come
    return pool


def _finish(record: dict, started: float) -> dict:
    record["seconds"] = round(time.perf_counter() - started, 2)
    return record


def _from_findings(path: Path) -> dict:
    """The index columns a report's findings.json gives."""
    return {"folder": str(path.parent), **summary_of(json.loads(path.read_text(encoding="utf-8")))}


def _entry(record: dict) -> BatchEntry:
    names = {f.name for f in fields(BatchEntry)}
    return BatchEntry(**{k: v for k, v in record.items() if k in names})


def _earlier_entries(out: Path, parameters: dict | None = None) -> tuple[dict[str, BatchEntry], bool]:
    """The rows of the index a previous batch wrote into `out`, by report, and whether that batch ran with
    this tool version and these parameters (only then does its failure say anything about this run)."""
    try:
        index = json.loads((out / "index.json").read_text(encoding="utf-8"))
        same = index.get("tool_version") == __version__ and index.get("parameters") == parameters
        return {row["report"]: _entry(row) for row in index["reports"]}, same
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, False


def write_index(out: Path, entries: list[BatchEntry], parameters: dict | None = None) -> None:
    """index.json and index.csv, written atomically: a reader never sees half an index."""
    rows = [asdict(e) for e in entries]
    payload = {"tool_version": __version__, "parameters": parameters,
               "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "reports": rows}
    write_atomically(out / "index.json", lambda tmp: tmp.write_text(json.dumps(payload, indent=2,
                                                                              ensure_ascii=False), "utf-8"))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[f.name for f in fields(BatchEntry)])
    writer.writeheader()
    writer.writerows([{k: inert(v) for k, v in row.items()} for row in rows])
    write_atomically(out / "index.csv", lambda tmp: tmp.write_text(buffer.getvalue(), "utf-8"))


SUMMARY_STATE = ".batch_summary.json"


def _index_digest(out: Path) -> str | None:
    """What the batch summary shows, as a digest of the index: a report skipped as unchanged counts as the
    run it skipped (same row but status and seconds), so an unchanged batch has an unchanged digest."""
    try:
        index = json.loads((out / "index.json").read_text(encoding="utf-8"))
        rows = [{**{k: v for k, v in row.items() if k not in ("seconds", "note")},
                 "status": "ok" if row["status"] == "skipped" else row["status"]} for row in index["reports"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    text = json.dumps({"tool_version": __version__, "reports": rows}, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def summary_is_current(out: Path) -> bool:
    """The batch summary in `out` was executed over this very index (then running it again shows nothing new)."""
    out = Path(out)
    try:
        state = json.loads((out / SUMMARY_STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    digest = _index_digest(out)
    return digest is not None and state.get("index") == digest and (out / "batch_summary.ipynb").exists()


def record_summary(out: Path) -> None:
    """Remember which index the batch summary was executed over."""
    state = {"index": _index_digest(Path(out))}
    write_atomically(Path(out) / SUMMARY_STATE, lambda tmp: tmp.write_text(json.dumps(state), encoding="utf-8"))


def run_batch(reports: list[Path], out: Path, jobs: int = 1, timeout: float | None = None, force: bool = False,
              scheduler: str | None = None, lang: str = "id", tolerance: float = 0, scale: str | None = None,
              on_done: Callable[[BatchEntry], None] | None = None, retry_failed: bool = False) -> list[BatchEntry]:
    """Audit every report; return one entry per report, in the order given (a file named twice, once).

    A report unchanged since its last successful run is skipped (`force` re-runs it). One that failed last
    time on the same file, tool version and parameters keeps its failure without being tried again
    (`retry_failed` or `force` tries it): a broken file costs a second batch nothing.
    """
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    reports = distinct_reports(reports)
    folders = output_folders(reports)
    entries: dict[str, BatchEntry] = {}
    pending: list[Path] = []
    parameters = run_parameters(lang, tolerance, scale)
    # What a failure depends on: a longer time limit may let a timed-out report finish.
    failure_parameters = {**parameters, "timeout": timeout}
    earlier, same_run = _earlier_entries(out, failure_parameters)
    for report in reports:
        key = str(report)
        try:
            if not Path(report).is_file():  # a pipe, device or missing file: the worker says which
                raise FileNotFoundError(report)
            sha256 = file_sha256(report)
        except OSError:
            pending.append(report)  # the worker records why it cannot be read
            continue
        before = earlier.get(key)
        if not force and is_current(report, out, sha256, parameters, folders[Path(report)]):
            record = {"report": key, "status": "skipped", "sha256": sha256,
                      **_from_findings(out / folders[Path(report)] / "findings.json")}
            entries[key] = _entry(record)
        elif (not (force or retry_failed) and same_run and before is not None and before.failed
              and before.stage in FAILED_BY_INPUT and before.sha256 == sha256):
            entries[key] = replace(before, seconds=0.0, note=NOT_RETRIED)
        else:
            pending.append(report)
            continue
        if on_done:
            on_done(entries[key])

    def done(record: dict) -> None:
        entry = _entry(record)
        entries[entry.report] = entry
        # A report not done yet keeps its row from the last run: a batch stopped halfway (Ctrl-C, --force)
        # leaves an index of every report, never one shrunk to those it reached.
        rows = [entries.get(str(r)) or earlier.get(str(r)) for r in reports]
        write_index(out, [r for r in rows if r is not None], failure_parameters)
        if on_done:
            on_done(entry)

    if scheduler and pending:
        _run_on_cluster(scheduler, pending, out, (lang, timeout, tolerance, scale), folders, done)
    else:
        _run_locally(pending, out, jobs, (lang, timeout, tolerance, scale), parameters, folders, done)
    ordered = [entries[str(r)] for r in reports]
    write_index(out, ordered, failure_parameters)
    return ordered


def _run_locally(pending: list[Path], out: Path, jobs: int, settings: tuple, parameters: dict,
                 folders: dict[Path, str], done: Callable[[dict], None]) -> None:
    """Worker processes run the notebooks; this process finishes each run (trail, HTML export) meanwhile.

    Processes, not threads: papermill's own bookkeeping then runs on every core. A worker boots its next
    kernel ahead unless the queue is about to run dry. Finishing here, on one thread, overlaps it with the
    workers' next reports and keeps every `done` call on that one thread.
    """
    if not pending:  # nothing to run: no worker, no nbconvert (seconds to import)
        return
    from .runner import HtmlExporterLoader

    exporter = HtmlExporterLoader()

    def finish(record: dict) -> None:
        done(finish_one(record, parameters, exporter) if record["status"] == "executed" else record)

    with ThreadPoolExecutor(max_workers=1) as finisher:
        finishing = []
        pool = ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_worker_start)
        try:
            futures = {pool.submit(run_one, str(r), str(out), *settings, i < len(pending) - jobs, False,
                                   folders[Path(r)]): r
                       for i, r in enumerate(pending)}
            for future in as_completed(futures):
                try:
                    record = future.result()
                except Exception as exc:  # noqa: BLE001 - the worker process itself died
                    report = futures[future]
                    record = {"report": str(report), "status": "crashed", "stage": "worker",
                              "reason": f"{report}: the worker process died ({type(exc).__name__})"}
                finishing.append(finisher.submit(finish, record))
        except KeyboardInterrupt:
            # Ctrl-C: no new report starts; each worker is told to stop, stops its kernels and exits.
            _stop_workers(pool)
            for task in finishing:
                task.result()  # what had finished is in the index
            raise
        pool.shutdown()
        for task in finishing:
            task.result()  # an error writing the index must not pass unseen


def _worker_start() -> None:
    """In each worker process: Ctrl-C is the batch's to handle (no traceback per worker); SIGTERM, from the
    batch stopping or dying (Linux tells a worker when its parent is killed, even by kill -9), stops this
    worker's kernels before it exits, so no kernel outlives the batch."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: SIGTERM to this worker when its parent dies
    except (OSError, AttributeError):  # not Linux: Ctrl-C and a normal stop still clean up
        pass


def _worker_stop(signum, frame) -> None:
    import os

    for pool in _POOLS:
        pool.kill_now()
    os._exit(128 + signum)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()


def _run_on_cluster(address: str, pending: list[Path], out: Path, settings: tuple, folders: dict[Path, str],
                    done: Callable[[dict], None]) -> None:
    """Each report one task on an existing Dask cluster; the output folder must be shared with its workers."""
    try:
        from distributed import Client, as_completed as dask_completed
    except ImportError as exc:
        from .exceptions import LkjipAuditError
        raise LkjipAuditError("--scheduler needs dask.distributed: pip install 'lkjip-audit[cluster]'") from exc
    with Client(address, timeout="20s") as client:
        futures = [client.submit(run_one, str(r), str(out), *settings, folder_name=folders[Path(r)], pure=False)
                   for r in pending]
        for future in dask_completed(futures):
            done(future.result())
