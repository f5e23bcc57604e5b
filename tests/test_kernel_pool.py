"""A batch boots each next kernel ahead (runner.KernelPool): a fresh kernel per report, none left behind."""

from __future__ import annotations

import json
import os
import tempfile
import time
import shutil

import psutil
import pytest
from jupyter_core.utils import run_sync

from conftest import DEPOK, FLOTIM, KEDIRI
from lkjip_audit.batch import run_batch
from lkjip_audit.runner import KernelPool, audit_with_notebook

pytestmark = pytest.mark.slow  # end to end: notebooks, kernels, processes


def kernel_processes():
    return [p for p in psutil.Process().children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]


def test_each_report_runs_in_its_own_kernel_booted_while_the_previous_one_finished(tmp_path, monkeypatch):
    started, taken = [], []
    start, take = KernelPool._start, KernelPool.take
    monkeypatch.setattr(KernelPool, "_start", staticmethod(lambda: started.append(start()) or started[-1]))
    monkeypatch.setattr(KernelPool, "take", lambda self: taken.append(take(self)) or taken[-1])
    pool = KernelPool()
    results = [audit_with_notebook(report, tmp_path, kernels=pool) for report in (KEDIRI, FLOTIM)]
    # Two runs, two kernels used, one spare booted for a third report that did not come.
    assert len(started) == 3 and len(taken) == 2
    assert taken[0] is started[0] and taken[1] is started[1]  # the second run took the spare
    assert taken[0].kernel_id != taken[1].kernel_id
    assert not run_sync(taken[0].is_alive)() and not run_sync(taken[1].is_alive)()
    assert run_sync(started[2].is_alive)()
    pool.close()
    assert not run_sync(started[2].is_alive)()
    assert kernel_processes() == []
    # The runs are whole: the second report's findings are its own.
    assert [json.loads((r.folder / "findings.json").read_text())["report"] for r in results] == \
        [KEDIRI.name, FLOTIM.name]


def test_a_parallel_batch_leaves_no_kernel_running(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, report in enumerate((KEDIRI, FLOTIM, DEPOK, KEDIRI, FLOTIM)):
        shutil.copy(report, folder / f"{i}_{report.name}")
    entries = run_batch(sorted(folder.iterdir()), tmp_path / "out", jobs=2)
    assert [e.status for e in entries] == ["ok"] * 5
    assert kernel_processes() == []


@pytest.mark.skipif(os.name != "posix", reason="Unix sockets are a POSIX transport")
def test_kernels_listen_on_unix_sockets_and_leave_none_behind():
    """TCP ports picked for a kernel can be taken by another process before it binds them (jupyter_client's
    race; in a CI run the kernel printed a heartbeat traceback into a Ctrl-C test's stderr). Unix sockets of
    the kernel's own, removed at shutdown, cannot be."""
    from lkjip_audit.runner import _stop
    km = KernelPool._start()
    try:
        assert km.transport == "ipc" and km.ip.startswith(tempfile.gettempdir())
        sockets = [f"{km.ip}-{port}" for port in (km.shell_port, km.iopub_port, km.stdin_port, km.hb_port,
                                                  km.control_port)]
        deadline = time.monotonic() + 60  # the kernel binds them once it has started
        while not all(os.path.exists(s) for s in sockets) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert all(os.path.exists(s) for s in sockets) and len(km.ip) + 8 < 107
        with open(km.connection_file) as file:  # what the kernel was told: the channels' transport and path
            connection = json.load(file)
        assert connection["transport"] == "ipc" and connection["ip"] == km.ip
    finally:
        _stop(km)
    assert not any(os.path.exists(s) for s in sockets)
