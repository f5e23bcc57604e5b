"""Outputs land where they belong and failures are one line (issue 20): one folder per input in a batch,
a file named twice audited once, the output folder never read as input, pipes refused unopened, nothing
written through a symbolic link, an unwritable folder said in one line (a full disk: test_input_errors)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys

import pytest

from bad_inputs.make_corpus import kediri_tabel_3_3
from conftest import FIXTURES, FLOTIM, KEDIRI
from lkjip_audit.audit import audit
from lkjip_audit.batch import collect_reports
from lkjip_audit.exceptions import InputError, OutputError
from lkjip_audit.paths import MAX_STEM_BYTES, output_folders, output_stem

CLI = [sys.executable, "-m", "lkjip_audit"]
RULED_PDF = FIXTURES / "pdf" / "002_d488c239828ced52_ruled.pdf"


def test_reports_that_would_share_a_folder_get_their_own(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir(), (tmp_path / "c").mkdir()
    a, b, c = tmp_path / "a" / "laporan.txt", tmp_path / "b" / "laporan.txt", tmp_path / "c" / "laporan.txt"
    pdf = tmp_path / "c" / "laporan.pdf"
    long_1, long_2 = (tmp_path / ("Laporan Kinerja " * 12 + f"{n}.txt") for n in (1, 2))
    names = output_folders([a, b, c, pdf, long_1, long_2, tmp_path / "lain.txt"])
    assert len(set(names.values())) == 7
    assert names[pdf] == "laporan_pdf" and names[tmp_path / "lain.txt"] == "lain"
    assert all(len(n.encode()) <= MAX_STEM_BYTES + 9 for n in names.values())
    assert output_stem("Laporan " + "Kinerja Dinas " * 30 + ".txt") != output_stem("Laporan " + "Kinerja Dinas " * 31 + ".txt")


def test_a_batch_of_same_named_reports_keeps_each_result_apart(tmp_path):
    sources = {"a/laporan.txt": KEDIRI, "b/laporan.txt": FLOTIM, "c/laporan.txt": None, "c/laporan.pdf": RULED_PDF}
    inputs = []
    for name, source in sources.items():
        target = tmp_path / "in" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(kediri_tabel_3_3(), encoding="utf-8")
        else:
            shutil.copy(source, target)
        inputs.append(target)
    out = tmp_path / "out"
    done = subprocess.run([*CLI, "batch", *map(str, inputs), str(inputs[0]), "--out", str(out), "--no-summary"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rows = json.loads((out / "index.json").read_text(encoding="utf-8"))["reports"]
    assert [r["report"] for r in rows] == list(map(str, inputs))  # the one named twice, once
    assert len({r["folder"] for r in rows}) == 4
    for row in rows:
        document = json.loads((out / row["folder"] / "findings.json").read_text(encoding="utf-8"))
        assert document["source"] == row["report"] and len(document["findings"]) == row["findings"]
    assert [r["findings"] for r in rows][:3] == [118, 5, 4]


def test_the_output_folder_is_never_read_as_input(tmp_path):
    shutil.copy(KEDIRI, tmp_path / "laporan.txt")
    (tmp_path / "index.csv").write_text("report,status\n", encoding="utf-8")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    assert collect_reports([tmp_path, tmp_path / "laporan.txt"], out=tmp_path) == [tmp_path / "laporan.txt"]
    (tmp_path / "hasil").mkdir()
    shutil.copy(tmp_path / "data.csv", tmp_path / "hasil" / "index.csv")
    assert collect_reports([tmp_path / "hasil", tmp_path], out=tmp_path / "hasil") == [
        tmp_path / "data.csv", tmp_path / "index.csv", tmp_path / "laporan.txt"]


def test_a_pipe_named_txt_is_refused_without_being_opened(tmp_path):
    fifo = tmp_path / "laporan.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        audit(fifo)
    for command in (["audit", str(fifo)], ["batch", str(fifo), str(tmp_path)]):
        done = subprocess.run([*CLI, *command, "--out", str(tmp_path / "out")], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"error: {fifo}: not a regular file (a pipe, socket or device)" in done.stderr


@pytest.mark.parametrize("arguments, message", [
    (["--lang", "fr"], "error: --lang fr: bahasa tidak dikenal / unknown language; id, en"),
    (["--out", str(KEDIRI)], f"error: --out {KEDIRI}: this is a file, not a folder"),
    (["--timeout", "-5"], "Invalid value for '--timeout'"),
])
def test_bad_arguments_stop_the_command_before_any_report_runs(tmp_path, arguments, message):
    for command in ("audit", "batch"):
        extra = [] if "--out" in arguments else ["--out", str(tmp_path / "out")]
        done = subprocess.run([*CLI, command, str(KEDIRI), *arguments, *extra], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert not (tmp_path / "out").exists()


def test_nothing_is_written_through_a_link_left_in_the_output_folder(tmp_path):
    victim = tmp_path / "penting.txt"
    victim.write_text("jangan ditimpa", encoding="utf-8")
    folder = tmp_path / "out" / "laporan"
    folder.mkdir(parents=True)
    report = tmp_path / "laporan.txt"
    report.write_text(kediri_tabel_3_3(), encoding="utf-8")
    for name in (".laporan.running.ipynb", "laporan.ipynb", "laporan.html", "findings.json"):
        (folder / name).symlink_to(victim)
    done = subprocess.run([*CLI, "audit", str(report), "--out", str(tmp_path / "out")], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert victim.read_text(encoding="utf-8") == "jangan ditimpa"
    assert not (folder / "laporan.ipynb").is_symlink() and not (folder / "findings.json").is_symlink()
    # an output folder that is itself a link is refused
    shutil.rmtree(folder)
    folder.symlink_to(tmp_path)
    done = subprocess.run([*CLI, "audit", str(report), "--out", str(tmp_path / "out")], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1 and "is a symbolic link" in done.stderr and "Traceback" not in done.stderr


def test_an_unwritable_output_folder_is_one_message(tmp_path, monkeypatch):
    from lkjip_audit import runner

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(runner.tempfile, "mkstemp", refused)
    with pytest.raises(OutputError, match=r"cannot write here \(Permission denied\)\. Choose another output folder"):
        runner.execute_audit_notebook(KEDIRI, tmp_path / "out")


def test_control_characters_in_a_file_name_never_reach_the_terminal_raw(tmp_path):
    report = tmp_path / "lap\x1b[31mmerah.txt"
    report.write_bytes(b"")
    done = subprocess.run([*CLI, "audit", str(report), "--out", str(tmp_path / "out")], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1 and "\x1b" not in done.stderr
    assert "lap\\x1b[31mmerah.txt: the file is empty" in done.stderr


def as_in_a_terminal() -> None:
    """In the command's process before it starts: Ctrl-C acts as in a terminal's foreground job. A suite run
    as a background job (`.ci/run &` from a script) has SIGINT ignored, and every process it starts inherits
    that: the command would never see the Ctrl-C this test sends."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_on_audit_says_what_finished(tmp_path):
    import signal
    import time

    reports = []
    # Enough reports that some are still to come when the first is written, on a machine busy with other
    # tests too (with 3, a loaded run could finish them all before the signal came).
    for i in range(8):
        target = tmp_path / f"laporan_{i}.txt"
        shutil.copy(KEDIRI, target)
        reports.append(str(target))
    run = subprocess.Popen([*CLI, "audit", *reports, "--out", str(tmp_path / "out")], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=as_in_a_terminal)
    deadline = time.monotonic() + 120
    while not (tmp_path / "out" / "laporan_0" / "findings.json").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGINT)
    out, err = run.communicate(timeout=60)
    assert run.returncode == 130 and "Traceback" not in err, err
    line = next(line for line in err.splitlines() if line.startswith("interrupted:"))
    assert "audited" in line and "not started or stopped" in line


@pytest.mark.slow
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_outputs_follow_the_users_umask(tmp_path, umask, mode):
    # A batch's index and every report output (workbook, findings.json, notebook, HTML) get the mode any file
    # the user makes would get: colleagues in a shared folder can open them (they were 0600).
    (tmp_path / "in").mkdir()
    shutil.copy(FLOTIM, tmp_path / "in" / "flotim.txt")
    done = subprocess.run(["sh", "-c", f"umask {umask:03o} && exec \"$0\" \"$@\"", *CLI, "batch",
                           str(tmp_path / "in"), "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    written = {p.relative_to(tmp_path / "out").as_posix(): p.stat().st_mode & 0o777
               for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert {"flotim/flotim.audit.xlsx", "flotim/findings.json", "flotim/flotim.ipynb", "flotim/flotim.html",
            "index.csv", "index.json", "batch_summary.ipynb"} <= set(written)
    assert {name: m for name, m in written.items() if m != mode} == {}
