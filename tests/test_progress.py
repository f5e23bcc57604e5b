"""Progress on long inputs (issue 20): each step of the audit is said on stderr, in the run's language."""

from __future__ import annotations

import io

from lkjip_audit import progress
from lkjip_audit.audit import audit
from lkjip_audit.exceptions import use_language
from lkjip_audit.runner import ProgressLines

STEPS_EN = ["understanding the tables (1/5)", "reading the prose's claims (2/5)", "checking (3/5)",
            "assessing completeness (4/5)", "counting what was checked (5/5)"]


def test_a_long_text_says_each_step_and_a_short_one_says_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(progress, "LONG_LINES", 2000)  # what counts as long, lowered for a quick test
    long_text = tmp_path / "panjang.txt"
    long_text.write_text("Laporan kinerja ini disusun setiap tahun.\n" * 2000, encoding="utf-8")
    audit(long_text)
    assert capsys.readouterr().err.splitlines() == [f"Audit: panjang.txt, {step}" for step in STEPS_EN]
    short = tmp_path / "pendek.txt"
    short.write_text("Laporan kinerja ini disusun setiap tahun.\n" * 100, encoding="utf-8")
    audit(short)
    assert capsys.readouterr().err == ""


def test_the_steps_in_indonesian_reach_the_command_through_the_kernels_stderr():
    said = io.StringIO()
    use_language("id")
    try:
        steps = progress.Progress("laporan.pdf", 0, progress.LONG_TABLES, said)
        steps.step("understand")
        steps.step("claims")
    finally:
        use_language("en")
    forwarded = io.StringIO()
    lines = ProgressLines(forwarded)
    lines.write("warning: something\n" + said.getvalue()[:20])
    lines.write(said.getvalue()[20:])
    assert forwarded.getvalue() == ("Audit: laporan.pdf, memahami tabel (1/5)\n"
                                    "Audit: laporan.pdf, membaca klaim di teks (2/5)\n")
