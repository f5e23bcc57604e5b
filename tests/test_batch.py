"""`lkjip-audit batch`: many reports, failures isolated, resumable, index written, on Dask too."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

import distributed
from jupyter_core.utils import ensure_event_loop
import nbformat
import pytest

from conftest import FLOTIM, KEDIRI
from lkjip_audit import runner
from lkjip_audit.batch import collect_reports, run_batch
from lkjip_audit.exceptions import OutputError
from lkjip_audit.ingest.document import file_sha256

pytestmark = pytest.mark.slow  # end to end: notebooks, kernels, processes


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for report in (KEDIRI, FLOTIM):
        shutil.copy(report, folder / report.name)
    (folder / "rusak.txt").write_bytes(b"\x00\x01\x02garbage" * 50)
    return folder


def index_rows(out):
    return {row["report"].rsplit("/", 1)[-1]: row for row in json.loads((out / "index.json").read_text())["reports"]}


def test_a_bad_report_is_recorded_and_the_others_are_audited(inputs, tmp_path):
    out = tmp_path / "out"
    entries = run_batch(collect_reports([inputs]), out, jobs=2, lang="en")
    assert [e.status for e in entries] == ["ok", "ok", "failed"]
    rows = index_rows(out)
    assert rows["001_64a952374f22daba.txt"]["findings"] == 118
    assert rows["001_64a952374f22daba.txt"]["errors"] == 63
    assert rows["001_64a952374f22daba.txt"]["pagu"] == 12468907692  # JUMLAH of Tabel 3.2, text line 660
    assert rows["002_d488c239828ced52.txt"]["findings"] == 5
    bad = rows["rusak.txt"]
    assert (bad["stage"], bad["reason"]) == ("input", f"{inputs / 'rusak.txt'}: this is not a text file (it holds "
                                              "binary data). Give the PDF or the text extraction of the report")
    header = (out / "index.csv").read_text().splitlines()[0]
    assert header.startswith("report,status,stage,reason,seconds,sha256,tables,budget_tables,findings,errors")


def test_unchanged_reports_are_skipped_changed_ones_rerun_and_force_reruns_all(inputs, tmp_path):
    out = tmp_path / "out"
    reports = collect_reports([inputs])[:2]
    run_batch(reports, out)
    assert [e.status for e in run_batch(reports, out)] == ["skipped", "skipped"]
    changed = reports[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert [e.status for e in run_batch(reports, out)] == ["skipped", "ok"]
    assert [e.status for e in run_batch(reports, out, force=True)] == ["ok", "ok"]


def test_a_hanging_report_times_out_and_a_dead_kernel_is_recorded(tmp_path, monkeypatch):
    def notebook(source):
        path = tmp_path / "nb.ipynb"
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell('input_path = ""\noutput_dir = ""\nlang = ""')
        cell.metadata["tags"] = ["parameters"]
        nb.cells = [cell, nbformat.v4.new_code_cell(source)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, path)
        return path

    monkeypatch.setattr(runner, "AUDIT_NOTEBOOK", notebook("import time\ntime.sleep(60)"))
    entry = run_batch([KEDIRI], tmp_path / "out", timeout=2, lang="en")[0]
    assert (entry.status, entry.stage) == ("timeout", "timeout")
    assert entry.seconds < 30
    assert entry.reason.endswith("stopped after 2 s (the time limit). Raise --timeout or audit this report alone")

    monkeypatch.setattr(runner, "AUDIT_NOTEBOOK", notebook("import os\nos._exit(1)"))
    entry = run_batch([KEDIRI], tmp_path / "out2", lang="en")[0]
    assert (entry.status, entry.stage) == ("crashed", "kernel")
    assert "the notebook kernel died" in entry.reason and entry.reason.startswith(str(KEDIRI))


def test_batch_on_a_dask_cluster(inputs, tmp_path):
    # As after any earlier kernel client in this process: the main thread's event loop is set, and Dask's task
    # threads inherit it. Two reports run at once on it failed with "This event loop is already running".
    ensure_event_loop()
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        entries = run_batch(collect_reports([inputs]), tmp_path / "out", scheduler=cluster.scheduler_address)
    assert [e.status for e in entries] == ["ok", "ok", "failed"], [e.reason for e in entries]
    assert index_rows(tmp_path / "out")["001_64a952374f22daba.txt"]["findings"] == 118


def test_a_report_that_failed_unchanged_is_not_tried_again_unless_asked(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    broken, = [p for p in collect_reports([inputs]) if p.name == "rusak.txt"]
    first, = run_batch([broken], out)
    assert (first.status, first.note) == ("failed", "")
    tried = []

    def run_locally(pending, out, jobs, settings, parameters, folders, done):
        tried.extend(pending)
        for report in pending:
            done({"report": str(report), "status": "failed", "stage": "input", "reason": first.reason,
                  "sha256": file_sha256(report)})

    monkeypatch.setattr("lkjip_audit.batch._run_locally", run_locally)
    second, = run_batch([broken], out)
    assert (second.status, second.reason, second.sha256) == ("failed", first.reason, first.sha256)
    assert "without --retry-failed" in second.note and tried == []
    run_batch([broken], out, retry_failed=True)
    assert run_batch([broken], out)[0].note == second.note  # the retried failure is remembered in turn
    run_batch([broken], out, timeout=30)  # another time limit may change the outcome
    broken.write_bytes(broken.read_bytes() + b"\x00")  # another file
    run_batch([broken], out)
    assert tried == [broken, broken, broken]


def test_the_cli_batch_writes_index_and_summary_and_exits_1_when_one_failed(inputs, tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "lkjip_audit", "batch", str(inputs), "--out", str(out),
                           "--jobs", "2"], capture_output=True, text=True)
    assert done.returncode == 1
    assert "2 of 3 report(s) audited (0 unchanged, skipped)" in done.stdout
    assert "rusak.txt: this is not a text file" in done.stderr
    assert "Traceback" not in done.stderr
    assert (out / "batch_summary.ipynb").exists()
    findings_csv = (out / "batch_findings.csv").read_text().splitlines()
    assert len(findings_csv) == 1 + 118 + 5  # header, Kediri's and Flores Timur's findings
    # For a researcher (issue 19): each finding's rule name and message (in the run's language, here English)
    with (out / "batch_findings.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:4] == ["report", "id", "rule", "rule_name"] and "message" in rows[0]
    first = next(r for r in rows if r["report"] == FLOTIM.name and r["rule"] == "row-sisa")
    document = json.loads((out / FLOTIM.stem / "findings.json").read_text(encoding="utf-8"))
    assert first["rule_name"] == "Unspent budget"
    assert first["message"] == next(f["message"] for f in document["findings"] if f["id"] == first["id"])
    with (out / "batch_reports.csv").open(encoding="utf-8") as handle:
        reports = {r["report"]: r for r in csv.DictReader(handle)}
    assert list(next(iter(reports.values())))[:7] == ["report", "status", "tables", "budget_tables", "findings",
                                                      "errors", "warnings"]
    # rupiah and counts as integers; a report that failed is neither reconciled nor not
    assert reports[KEDIRI.name]["pagu"] == "12468907692" and reports[FLOTIM.name]["findings"] == "5"
    assert reports[FLOTIM.name]["reconciled"] == "False"
    assert reports["rusak.txt"]["status"] == "failed" and reports["rusak.txt"]["reconciled"] == ""
    assert (out / "batch_summary.html").exists()  # the summary for readers without Jupyter
    summary = json.loads((out / "batch_summary.ipynb").read_text(encoding="utf-8"))
    printed = [o for c in summary["cells"] for o in c.get("outputs", [])
               if "reconciled:" in "".join(o.get("text", ""))]
    assert "".join(printed[0]["text"]).strip() == "reconciled: 0, not reconciled: 2, not audited: 1"
    # Again, nothing changed: nothing runs, not the broken file, not the summary notebook; still exit 1.
    summary_written = (out / "batch_summary.ipynb").stat().st_mtime_ns
    again = subprocess.run([sys.executable, "-m", "lkjip_audit", "batch", str(inputs), "--out", str(out)],
                           capture_output=True, text=True)
    assert again.returncode == 1
    assert "2 of 3 report(s) audited (2 unchanged, skipped)" in again.stdout
    assert "summary: " in again.stdout and "(unchanged, not run again)" in again.stdout
    assert (out / "batch_summary.ipynb").stat().st_mtime_ns == summary_written
    assert "rusak.txt: this is not a text file" in again.stderr and "without --retry-failed" in again.stderr
    assert index_rows(out)["rusak.txt"]["status"] == "failed"


def test_a_run_that_cannot_be_finished_is_failed_at_output_and_rerun_next_time(inputs, tmp_path, monkeypatch):
    # The local batch finishes each run (trail, HTML) in its own process, beside the workers' next reports.
    def locked(workbook, notebook):
        raise OutputError(f"{workbook}: the file is open or read-only. Close it and run again")

    monkeypatch.setattr(runner, "record_notebook_run", locked)
    out = tmp_path / "out"
    rows = {e.report.rsplit("/", 1)[-1]: e for e in run_batch([inputs / KEDIRI.name], out)}
    entry = rows[KEDIRI.name]
    assert (entry.status, entry.stage) == ("failed", "output")
    assert entry.reason.endswith(".audit.xlsx: the file is open or read-only. Close it and run again")
    monkeypatch.undo()
    assert run_batch([inputs / KEDIRI.name], out)[0].status == "ok"  # not skipped: it never finished


def test_the_batch_summary_writes_money_and_percentages_the_runs_way():
    import pandas as pd

    from lkjip_audit.report.batch_summary import REPORT_COLUMNS, styled_reports

    # Kediri's JUMLAH row (text line 648): 12.468.907.692 / 10.894.818.644, 87,38 %; a report that failed has none.
    reports = pd.DataFrame([{"report": KEDIRI.name, "status": "ok", "pagu": 12468907692, "realisasi": 10894818644,
                             "serapan_percent": 87.38, "seconds": 21.4},
                            {"report": "rusak.txt", "status": "failed"}]).reindex(columns=REPORT_COLUMNS)
    indonesian = styled_reports(reports, "id").to_html()
    assert "12.468.907.692" in indonesian and "87,38" in indonesian and "12,468,907,692" not in indonesian
    english = styled_reports(reports, "en").to_html()
    assert "12,468,907,692" in english and "87.38" in english and "nan" not in english
