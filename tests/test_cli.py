"""The `lkjip-audit audit` command end to end: papermill runs the notebook per report."""

import json
import os
import re
import subprocess
import sys
from datetime import datetime

import pytest
from openpyxl import load_workbook

from conftest import FLOTIM, KEDIRI, KUKAR_OCR, ROOT

pytestmark = pytest.mark.slow  # end to end: notebooks, kernels, processes

CLI = [sys.executable, "-m", "lkjip_audit"]


def run(*args, cwd=None):
    """The command as a user runs it: in its default language, Bahasa Indonesia (conftest sets English for
    the other tests' commands)."""
    environment = {k: v for k, v in os.environ.items() if k != "LKJIP_AUDIT_LANG"}
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600,
                          env=environment)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("galat:")]


#: English words the command's own lines and messages used before they spoke Bahasa Indonesia.
ENGLISH = re.compile(r"\b(?:error|tables?|findings?|budget|per rule|none|report\(s\)|audited|could not|no such|"
                     r"file is|claims?|checked|prose|summary|interrupted|Check|Export)\b")


def english_in(text: str, *paths) -> list[str]:
    """English words in the lines, once the paths and rule names (kept as they are) are taken out."""
    for path in paths:
        text = text.replace(str(path), "")
    text = re.sub(r"\b[a-z]+(?:-[a-z]+)+\b", "", text)  # rule names: footing-children, prose-table, ...
    return ENGLISH.findall(text)


def test_audit_writes_workbook_findings_and_executed_notebook(tmp_path):
    done = run("audit", KEDIRI, "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / KEDIRI.stem
    assert {p.name for p in folder.iterdir()} == {f"{KEDIRI.stem}.audit.xlsx", "findings.json",
                                                  f"{KEDIRI.stem}.ipynb", f"{KEDIRI.stem}.html"}
    document = json.loads((folder / "findings.json").read_text(encoding="utf-8"))
    assert document["report"] == KEDIRI.name and len(document["findings"]) == 118
    assert done.stdout.startswith(f"{KEDIRI.name}: 8 tabel (3 anggaran), 118 temuan (kesalahan 63, peringatan 55)")
    # Findings per rule, in the catalogue's order (the Metode sheet's).
    assert done.stdout.splitlines()[1] == (
        "  per aturan: footing-children 16, footing-total 4, row-percent 10, row-capaian 5, row-sisa 12, "
        "average-row 2, row-sources 5, row-quarters 7, printed-error 3, prose-table 6, prose-arithmetic 4, "
        "prose-counts 1, cross-table 43")
    notebook = json.loads((folder / f"{KEDIRI.stem}.ipynb").read_text(encoding="utf-8"))
    papermill = notebook["metadata"]["papermill"]
    assert papermill["parameters"]["input_path"] == str(KEDIRI)
    # The HTML export carries the notebook's sections and its findings table, for readers without Jupyter.
    html = (folder / f"{KEDIRI.stem}.html").read_text(encoding="utf-8")
    assert all(f">{section}<" in html for section in ("Ringkasan", "Tabel", "Temuan", "Grafik"))
    assert "footing-children: 16" in html and "data:image/png;base64" in html
    # The workbook's trail holds the papermill run as the notebook's metadata records it.
    trail = {r[0]: r[1] for r in load_workbook(folder / f"{KEDIRI.stem}.audit.xlsx")["Jejak audit"]
             .iter_rows(values_only=True) if r[0]}
    # ... in the machine's time zone (papermill writes UTC), which the sheet names.
    for shown, recorded in ((trail["Papermill: mulai"], papermill["start_time"]),
                            (trail["Papermill: selesai"], papermill["end_time"])):
        assert datetime.fromisoformat(shown) == datetime.fromisoformat(recorded).replace(microsecond=0)
        assert datetime.fromisoformat(shown).utcoffset() == datetime.now().astimezone().utcoffset()
    assert trail["Zona waktu"].startswith(datetime.now().astimezone().tzname())
    assert trail["Papermill: durasi (detik)"] == round(papermill["duration"], 2)
    assert json.loads(trail["Parameter"])["input_path"] == str(KEDIRI)


def test_bad_inputs_get_one_clear_line_each_and_the_others_are_still_audited(tmp_path):
    empty = tmp_path / "kosong.txt"
    empty.write_text("")
    missing = tmp_path / "tidak_ada.txt"
    prose = tmp_path / "prosa.txt"
    prose.write_text("BAB I PENDAHULUAN\nLaporan ini tidak memuat tabel, hanya uraian.\n", encoding="utf-8")
    done = run("audit", missing, empty, prose, FLOTIM, "--out", tmp_path / "out")
    assert done.returncode == 1
    assert error_lines(done.stderr) == [
        f"galat: {missing}: berkas tidak ada. Periksa jalurnya",
        f"galat: {empty}: berkasnya kosong. Ekspor ulang laporannya atau periksa nama berkasnya",
    ]
    assert "Traceback" not in done.stderr
    assert "2 dari 4 laporan tidak dapat diaudit" in done.stderr
    assert (tmp_path / "out" / FLOTIM.stem / "findings.json").exists()
    # A report without a table is audited all the same: its prose is read, and the line says so.
    assert done.stdout.startswith("prosa.txt: tidak ada tabel; 0 klaim di teks diperiksa, 0 temuan (tidak ada)")
    assert f"\n{FLOTIM.name}: " in done.stdout
    # One language per run: not a word of the English lines, on stdout or stderr.
    assert english_in(done.stdout + done.stderr, tmp_path, FLOTIM) == []
    # ... and in English when asked, through --lang or the environment variable
    english = subprocess.run([*CLI, "audit", str(missing), str(empty), "--out", str(tmp_path / "out")],
                             capture_output=True, text=True, timeout=600,
                             env={**os.environ, "LKJIP_AUDIT_LANG": "en"})
    assert english.stderr.splitlines() == [f"error: {missing}: no such file. Check the path",
                                           f"error: {empty}: the file is empty. Export the report again or "
                                           "check the file name", "2 of 2 report(s) could not be audited"]


def test_notes_survive_a_rerun_through_papermill_and_both_runs_are_in_the_trail(tmp_path):
    assert run("audit", KEDIRI, "--out", tmp_path).returncode == 0
    path = tmp_path / KEDIRI.stem / f"{KEDIRI.stem}.audit.xlsx"
    wb = load_workbook(path)
    ws = wb["Temuan"]
    header = [c.value for c in ws[1]]
    ws.cell(row=5, column=header.index("Catatan evaluator") + 1, value="sudah dikonfirmasi ke OPD")
    finding_id = ws.cell(row=5, column=1).value
    wb.save(path)

    assert run("audit", KEDIRI, "--out", tmp_path).returncode == 0
    wb = load_workbook(path)
    ws = wb["Temuan"]
    assert ws.cell(row=5, column=1).value == finding_id
    assert ws.cell(row=5, column=header.index("Catatan evaluator") + 1).value == "sudah dikonfirmasi ke OPD"
    assert ws.cell(row=5, column=1).hyperlink.location  # links and comments survive the trail update
    rows = [r for r in wb["Jejak audit"].iter_rows(values_only=True) if r[0]]
    runs = rows[[r[0] for r in rows].index("Mulai") + 1:]
    assert [r[3] for r in runs] == ["papermill", "papermill"] and runs[0][0] < runs[1][0]


def test_a_scale_file_reaches_the_notebook_and_a_bad_one_stops_before_any_report(tmp_path):
    lines = KUKAR_OCR.read_text(encoding="utf-8").splitlines()
    del lines[562:570]  # Kukar without its printed scale (Tabel 3.1, lines 563-570): defaults apply
    report = tmp_path / "kukar.txt"
    report.write_text("\n".join(lines), encoding="utf-8")
    # Sedang starts at 60 here, so "63,63% (Sedang)" holds; 95 and 99,15 "(Tinggi)" still do not.
    scale = tmp_path / "skala.json"
    scale.write_text(json.dumps({"name": "Perbup contoh", "bands": [
        {"label": "Sangat Tinggi", "min": 91}, {"label": "Tinggi", "min": 76, "max": 90},
        {"label": "Sedang", "min": 60, "max": 75}, {"label": "Rendah", "max": 59.99}]}))
    done = run("audit", report, "--out", tmp_path / "out", "--scale", scale)
    assert done.returncode == 0, done.stderr
    document = json.loads((tmp_path / "out" / "kukar" / "findings.json").read_text(encoding="utf-8"))
    labels = [f for f in document["findings"] if f["rule"] == "category-label"]
    assert [f["line"] for f in labels] == [1623, 1626]
    assert all("skala Perbup contoh (berkas --scale)" in f["message"] for f in labels)

    scale.write_text('{"name": "rusak"}')
    done = run("audit", KEDIRI, "--out", tmp_path / "out2", "--scale", scale)
    assert done.returncode == 2 and not (tmp_path / "out2").exists()
    assert error_lines(done.stderr) == [f"galat: {scale}: bukan berkas skala (KeyError: 'bands'). Tulis "
                                        '{"name": ..., "bands": [{"label": "Tinggi", "min": 76, "max": 90}, ...]}']


def test_the_notebook_by_hand_with_papermill_from_the_project_or_from_anywhere(tmp_path):
    # Issue 19: the defaults (`data/raw/...`) once worked only from notebooks/. Started elsewhere, the
    # notebook still finds the bundled sample; only the output folder is given, to keep data/clean untouched.
    import papermill

    from lkjip_audit.runner import AUDIT_NOTEBOOK

    for where in (ROOT, tmp_path):
        out = tmp_path / f"from_{where.name}"
        papermill.execute_notebook(str(AUDIT_NOTEBOOK), str(tmp_path / "run.ipynb"), cwd=str(where),
                                   parameters={"output_dir": str(out)}, progress_bar=False)
        document = json.loads((out / "findings.json").read_text(encoding="utf-8"))
        assert document["report"] == KEDIRI.name and len(document["findings"]) == 118
        # Run by hand, no command completes the trail's papermill rows afterwards: they say so, not blank.
        trail = {r[0]: r[1] for r in load_workbook(out / f"{KEDIRI.stem}.audit.xlsx")["Jejak audit"]
                 .iter_rows(values_only=True) if r[0]}
        assert trail["Papermill: mulai"].startswith("(diisi oleh perintah lkjip-audit setelah notebook selesai")
