"""The bad-input corpus (tests/bad_inputs/make_corpus.py): each case ends with a clear message or a partial
result that says what it skipped, never a traceback; in a batch the other reports are unaffected."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from bad_inputs.make_corpus import BLOCK_PAGE, HOSTILE_NAME, write_corpus
from lkjip_audit.audit import audit
from lkjip_audit.batch import run_batch
from lkjip_audit.exceptions import InputError
from lkjip_audit.runner import NOTEBOOK_DIR

REFUSED = {
    "kosong.txt": "the file is empty. Export the report again",
    "terpotong.pdf": "the PDF is damaged or incomplete",
    "terkunci.pdf": "the PDF is encrypted (password protected). Ask the agency for an unprotected copy",
    "bukan_pdf.pdf": "named .pdf but it is not a PDF. Check that the download or export finished",
    "pindaian.pdf": "scanned PDF, and OCR read no text on any page",
    "sampah.txt": "this is not a text file (it holds binary data)",
}
# Kediri Tabel 3.3: its two real % slips, and its closing row's two "averages" that are not.
TABEL_3_3 = "1 tables (1 budget), 4 findings (error 2, warning 2)"
AUDITED = {
    "panjang_520_halaman.pdf": "1 tables (1 budget), 1 findings (error 1)",
    "latin1.txt": TABEL_3_3,
    "utf16.txt": TABEL_3_3,
    "tanpa_anggaran.txt": "1 tables (0 budget), 0 findings (none); no budget-realisation table found, so no "
                          "sums or identities were checked",
    # One misprint behind both: the sisa printed negative (-2,5e14 for +2,5e14) breaks its row and its sum.
    "angka_ekstrem.txt": "1 tables (1 budget), 2 findings (error 2), 1 likely misprint behind several of them",
    "rumus_gabung.xlsx": "1 tables (1 budget), 41 findings (error 41)",
    "...txt": TABEL_3_3,
    HOSTILE_NAME: TABEL_3_3,
}
CLI = [sys.executable, "-m", "lkjip_audit"]
#: The readable reports the end-to-end tests (the command, a batch) run: all but the 520-page PDF, whose
#: bounded reading is tested on its own (15 s a run; the command and the batch add nothing to it).
END_TO_END = {name: line for name, line in AUDITED.items() if name != "panjang_520_halaman.pdf"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    files = write_corpus(tmp_path_factory.mktemp("bad_inputs"))
    assert set(files) == set(REFUSED) | set(AUDITED)
    return files


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_broken_report_is_refused_with_what_is_wrong_and_what_to_do(corpus, name):
    with pytest.raises(InputError) as refused:
        audit(corpus[name])
    assert str(refused.value).startswith(f"{corpus[name]}: {REFUSED[name]}")


@pytest.mark.parametrize("name", sorted(AUDITED))
def test_an_odd_but_readable_report_is_audited_and_says_what_it_skipped(corpus, name):
    assert audit(corpus[name]).summary_line() == f"{name}: {AUDITED[name]}"


def test_numbers_of_ten_to_the_fifteen_and_negatives_stay_exact(corpus):
    result = audit(corpus["angka_ekstrem.txt"])
    table, = result.tables
    program = table.rows[0]
    assert [program.values[i].amount for i in (2, 3, 4)] == [Decimal(2 * 10**15), Decimal("1.5E15"),
                                                              Decimal(5 * 10**14)]
    assert table.rows[2].values[4].amount == Decimal(-25 * 10**13)  # printed (250.000.000.000.000)
    assert table.rows[3].values[2].amount == Decimal(-5_000_000)  # printed -5.000.000
    assert len(table.rows[1].label) > 10_000
    # The one negative sisa is wrong (pagu - realisasi is +250.000.000.000.000) and so is the Program's
    # sisa that the children no longer add up to: exactly these two.
    assert [(f.rule, f.item[:16], f.reported, f.expected) for f in result.findings] == [
        ("footing-children", "PROGRAM RAKSASA", Decimal(5 * 10**14), Decimal(0)),
        ("row-sisa", "Kegiatan koreksi", Decimal(-25 * 10**13), Decimal(25 * 10**13))]


def test_a_long_pdf_is_read_to_its_one_budget_page(corpus):
    result = audit(corpus["panjang_520_halaman.pdf"])
    finding, = result.findings
    assert (finding.rule, finding.page, finding.reported, finding.expected) == (
        "row-sisa", BLOCK_PAGE, Decimal(1_600_000), Decimal(1_500_000))


@pytest.mark.slow
def test_cli_gives_one_line_and_status_per_report_and_never_a_traceback(corpus, tmp_path):
    # One command over the whole corpus (a report's own exit status is tested in test_cli): each refused report
    # gets its one line on stderr, each audited one its summary line on stdout, in the order given.
    out = tmp_path / "out"
    names = sorted(REFUSED) + sorted(END_TO_END)
    done = subprocess.run([*CLI, "audit", *(str(corpus[name]) for name in names), "--out", str(out)],
                          capture_output=True, text=True, timeout=1200, cwd=tmp_path)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(REFUSED), errors
    for name, line in zip(sorted(REFUSED), errors):
        assert line.startswith(f"error: {corpus[name]}: {REFUSED[name]}"), (name, line)
    assert f"{len(REFUSED)} of {len(names)} report(s) could not be audited" in done.stderr
    summaries = [line for line in done.stdout.splitlines() if not line.startswith("  per rule:")]
    assert len(summaries) == len(END_TO_END), done.stdout
    for name, line in zip(sorted(END_TO_END), summaries):
        assert line.startswith(f"{name}: {AUDITED[name]} -> "), (name, line)
    # Outputs stay inside --out: `...txt` (stem `..`) gets a folder of its own, not out's parent.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], list(tmp_path.iterdir())
    assert (out / "laporan" / "laporan.audit.xlsx").exists()
    # The hostile name reached the notebook as a string, not as code.
    folder = next(p for p in out.iterdir() if p.name.startswith("kutip"))
    notebook = json.loads(next(folder.glob("*.ipynb")).read_text(encoding="utf-8"))
    assert notebook["metadata"]["papermill"]["parameters"]["input_path"] == str(corpus[HOSTILE_NAME].resolve())
    assert not (NOTEBOOK_DIR / "DIRETAS").exists() and not (tmp_path / "DIRETAS").exists()


@pytest.mark.slow
def test_in_a_batch_the_bad_reports_fail_alone(corpus, tmp_path):
    reports = [corpus[name] for name in [*REFUSED, *END_TO_END]]
    entries = {Path(e.report).name: e for e in run_batch(reports, tmp_path / "out", jobs=2, lang="en")}
    assert {n for n, e in entries.items() if e.status == "failed"} == set(REFUSED)
    assert all(entries[n].stage == "input" and REFUSED[n] in entries[n].reason for n in REFUSED)
    assert {n for n, e in entries.items() if e.status == "ok"} == set(END_TO_END)
    assert entries["rumus_gabung.xlsx"].findings == 41
