"""A run killed half-way (power cut, `kill -9`, a closed laptop) leaves the previous outputs whole: the
workbook still opens and the evaluator's notes are still in it."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from openpyxl import load_workbook

from bad_inputs.make_corpus import long_report_pages, text_pdf

pytestmark = pytest.mark.slow  # end to end: notebooks, kernels, processes

CLI = [sys.executable, "-m", "lkjip_audit"]


def _note_column(ws):
    return [c.value for c in ws[1]].index("Catatan evaluator") + 1


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """The long report audited once, with an evaluator's note saved in its workbook (each kill starts from a
    copy: the first run is the same for all of them)."""
    folder = tmp_path_factory.mktemp("first")
    report = folder / "panjang.pdf"  # 520 pages: long enough to be killed in the middle
    report.write_bytes(text_pdf(long_report_pages()))
    first = subprocess.run([*CLI, "audit", str(report), "--out", str(folder / "out"), "--lang", "id"],
                           capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    workbook = folder / "out" / "panjang" / "panjang.audit.xlsx"
    wb = load_workbook(workbook)
    wb["Temuan"].cell(row=2, column=_note_column(wb["Temuan"]), value="sisa sudah dicek, salah ketik OPD")
    wb.save(workbook)
    return folder


@pytest.mark.parametrize("delay", [0.3, 1.2, 2.4])
def test_killing_a_run_midway_keeps_the_previous_workbook_and_notes(tmp_path, first_run, delay):
    shutil.copytree(first_run, tmp_path, dirs_exist_ok=True)
    report, out = tmp_path / "panjang.pdf", tmp_path / "out"
    folder = out / "panjang"
    workbook, findings = folder / "panjang.audit.xlsx", folder / "findings.json"

    run = subprocess.Popen([*CLI, "audit", str(report), "--out", str(out), "--lang", "id"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(folder.glob(".panjang.*running.ipynb")) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(delay)
    os.killpg(run.pid, signal.SIGKILL)  # papermill, its kernel and everything they started
    assert run.wait(timeout=30) == -signal.SIGKILL  # it was still running: the kill interrupted it

    # Whatever moment the kill hit, each output is whole (the previous one or a complete new one).
    wb = load_workbook(workbook)
    assert wb["Temuan"].cell(row=2, column=_note_column(wb["Temuan"])).value == "sisa sudah dicek, salah ketik OPD"
    document = json.loads(findings.read_text(encoding="utf-8"))
    assert [f["rule"] for f in document["findings"]] == ["row-sisa"]
