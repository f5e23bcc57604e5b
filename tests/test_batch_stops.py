"""A batch stopped by Ctrl-C or killed (issue 20): it ends within seconds with one line saying what finished,
and no worker or kernel process outlives it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import psutil
import pytest

from conftest import KEDIRI
from test_output_safety import as_in_a_terminal

pytestmark = pytest.mark.slow  # end to end: notebooks, kernels, processes

CLI = [sys.executable, "-m", "lkjip_audit"]


def _reports(tmp_path, n=16):
    # Enough that the batch still runs when the test has found its kernels, on a machine busy with other
    # tests too (6 could all be audited before the signal came); a stopped batch never reaches them.
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        shutil.copy(KEDIRI, folder / f"laporan_{i}.txt")
    return folder


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _kernels_started_by(processes: list[psutil.Process]) -> list[psutil.Process]:
    return [p for p in processes if _cmdline(p) and "ipykernel" in " ".join(_cmdline(p))]


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return []


def _wait_for_kernels(batch: subprocess.Popen, seconds: float = 90) -> list[psutil.Process]:
    """Every process the batch started, once its workers run kernels (new ones included as they come)."""
    seen: dict[int, psutil.Process] = {}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for p in _descendants(batch.pid):
            seen.setdefault(p.pid, p)
        if len(_kernels_started_by(list(seen.values()))) >= 2:
            return list(seen.values())
        time.sleep(0.2)
    pytest.fail("the batch started no kernels")


def _alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    return [p for p in processes if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


def _gone_within(processes, seconds: float) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and _alive(processes):
        time.sleep(0.2)
    return _alive(processes)


def test_ctrl_c_stops_a_batch_within_seconds_with_a_summary_and_leaves_no_process(tmp_path):
    batch = subprocess.Popen([*CLI, "batch", str(_reports(tmp_path)), "--out", str(tmp_path / "out"), "--jobs",
                              "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True, preexec_fn=as_in_a_terminal)
    started = _wait_for_kernels(batch)
    time.sleep(1)
    os.killpg(batch.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    stopped = time.monotonic()
    out, err = batch.communicate(timeout=60)
    assert time.monotonic() - stopped < 15
    assert batch.returncode == 130, err
    assert "Traceback" not in err and "Traceback" not in out, err
    assert [line for line in err.splitlines() if line.startswith("interrupted:")], err
    assert _gone_within(started, 10) == []


def test_a_killed_batch_leaves_no_worker_or_kernel_behind(tmp_path):
    batch = subprocess.Popen([*CLI, "batch", str(_reports(tmp_path)), "--out", str(tmp_path / "out"), "--jobs",
                              "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    started = _wait_for_kernels(batch)
    batch.kill()  # kill -9: nothing of the batch process runs any more
    batch.wait(timeout=10)
    assert _gone_within(started, 15) == []
