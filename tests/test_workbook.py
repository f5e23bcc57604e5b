"""The audit workbook: marked cells, stable ids, safe text, and evaluator notes that survive a re-run."""

import json

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from conftest import KEDIRI
from lkjip_audit.audit import audit, write_outputs
from lkjip_audit.exceptions import OutputError


def _write(tmp_path, result=None, lang="id"):
    return write_outputs(result or audit(KEDIRI), tmp_path, lang=lang)


def test_offending_cell_is_red_with_reported_and_expected_in_its_comment(tmp_path):
    paths = _write(tmp_path)
    wb = load_workbook(paths["workbook"])
    findings = wb["Temuan"]
    header = [c.value for c in findings[1]]
    rows = [dict(zip(header, r)) for r in findings.iter_rows(min_row=2, values_only=True)]
    row_number, admin = next((n, r) for n, r in enumerate(rows, start=2)
                             if r["Baris/halaman"] == 596 and r["Kolom"] == "Anggaran")
    link = findings.cell(row=row_number, column=1).hyperlink.location
    sheet, cell_ref = link.split("!")
    cell = wb[sheet.strip("'")][cell_ref]
    assert cell.value == 3690366094  # the number as printed on line 596, stored as a number
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")
    assert "3.690.366.094" in cell.comment.text and "3.690.365.094" in cell.comment.text
    assert admin["Selisih"] == 1000 and admin["Aturan"] == "footing-children"
    assert {"Metode", "Arsip", "Jejak audit"} <= set(wb.sheetnames)


def test_findings_json_follows_the_contract(tmp_path):
    document = json.loads(_write(tmp_path)["findings"].read_text(encoding="utf-8"))
    assert set(document) >= {"report", "source", "sha256", "tool_version", "tables", "findings"}
    table = next(t for t in document["tables"] if t["caption"].startswith("Tabel : 3.2."))
    coverage = table.pop("coverage")
    assert table == {"id": table["id"], "caption": table["caption"], "page": None, "lines": [590, 648],
                     "kind": "budget", "n_rows": 53}
    # Its 52 Sub Kegiatan rows print a target and a "capaian kinerja" (a realisation) with no % to compute
    # from them; 39 targets and 38 capaian are compared with the RKPD table's (T6) for the same Kegiatan (27
    # figures differ: cross-table findings).
    # The other 13 and 14, and the % of a row whose pagu is `-` (line 604), are not checked, and say why.
    assert (coverage["numbers"], coverage["checked"], coverage["not_checked"]) == (528, 500, 28)
    assert coverage["not_checked_why"][:2] == [
        "`Target Kinerja`: 13 angka tidak diperiksa (tidak ada kolom capaian untuk dicocokkan, dan tidak ada tabel "
        "lain yang mencetaknya)",
        "`Capaian Kinerja`: 14 angka tidak diperiksa (tidak ada kolom capaian untuk dicocokkan, dan tidak ada tabel "
        "lain yang mencetaknya)"]
    # The 32 page numbers of the contents list (lines 39-65) are no table's figures: not counted at all.
    assert document["coverage"] == {"numbers": 1327, "checked": 1083, "failed": 92, "not_checked": 244}
    f = next(f for f in document["findings"] if f["line"] == 596 and f["column"] == "Anggaran")
    assert (f["reported"], f["expected"], f["difference"]) == (3690366094, 3690365094, 1000)
    assert isinstance(f["reported"], int) and f["severity"] == "error" and f["table"] == table["id"]
    assert f["message"].startswith("Anggaran pada Administrasi Keuangan Perangkat Daerah tercetak 3.690.366.094")


def test_english_workbook(tmp_path):
    paths = _write(tmp_path, lang="en")
    wb = load_workbook(paths["workbook"])
    assert {"Findings", "Method", "Archive"} <= set(wb.sheetnames)
    document = json.loads(paths["findings"].read_text(encoding="utf-8"))
    first_on_line_592 = next(f for f in document["findings"] if f["line"] == 592)
    assert first_on_line_592["message"].startswith("Anggaran of PROGRAM PENUNJANG")


def test_finding_ids_and_keys_are_stable_across_runs():
    first, second = audit(KEDIRI), audit(KEDIRI)
    assert [(f.id, f.key) for f in first.findings] == [(f.id, f.key) for f in second.findings]
    assert len({f.key for f in first.findings}) == len(first.findings)


def test_evaluator_notes_survive_a_rerun_and_vanished_findings_are_archived(tmp_path):
    result = audit(KEDIRI)
    path = _write(tmp_path, result)["workbook"]
    wb = load_workbook(path)
    ws = wb["Temuan"]
    header = [c.value for c in ws[1]]
    status_col, note_col = header.index("Status") + 1, header.index("Catatan evaluator") + 1
    keys = [ws.cell(row=r, column=2).value for r in range(2, 5)]
    for r in (2, 3):
        ws.cell(row=r, column=status_col, value="Benar")
        ws.cell(row=r, column=note_col, value=f"dicek manual {r}")
    wb.save(path)

    # Second run: one of the noted findings no longer occurs.
    result.findings = [f for f in result.findings if f.key != keys[1]]
    _write(tmp_path, result)
    wb = load_workbook(path)
    ws = wb["Temuan"]
    notes = {ws.cell(row=r, column=2).value: (ws.cell(row=r, column=status_col).value,
                                              ws.cell(row=r, column=note_col).value)
             for r in range(2, ws.max_row + 1)}
    assert notes[keys[0]] == ("Benar", "dicek manual 2")
    assert notes[keys[2]] == (None, None)
    archived = list(wb["Arsip"].iter_rows(min_row=2, values_only=True))
    assert [(a[0], a[2], a[3]) for a in archived] == [(keys[1], "Benar", "dicek manual 3")]


def test_formula_like_labels_stay_text(tmp_path):
    result = audit(KEDIRI)
    table = next(t for t in result.tables if t.caption.startswith("Tabel : 3.2."))
    table.rows[0].cells[1] = "=HYPERLINK(\"http://x\")"
    table.rows[1].cells[1] = "+1+2"
    table.rows[2].cells[1] = "@SUM(A1)"
    path = _write(tmp_path, result)["workbook"]
    ws = load_workbook(path)["T7 Tabel 3.2 CAPAIAN KINERJA KE"]  # the sheet: its id and the start of its caption
    labels = [ws.cell(row=r, column=2) for r in (4, 5, 6)]
    assert [c.value for c in labels] == ["=HYPERLINK(\"http://x\")", "+1+2", "@SUM(A1)"]
    assert all(c.data_type == "s" for c in labels)


def test_a_workbook_open_elsewhere_gives_a_clear_error_and_stays_as_it_was(tmp_path, monkeypatch):
    result = audit(KEDIRI)
    path = _write(tmp_path, result)["workbook"]
    before = path.read_bytes()

    def locked(src, dst):  # what Windows does while Excel holds the file open
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr("lkjip_audit.report.atomic.os.replace", locked)
    with pytest.raises(OutputError, match=r"audit\.xlsx: the file is open or read-only .* Close it"):
        _write(tmp_path, result)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no half-written leftovers


def test_every_finding_row_offers_the_status_choices(tmp_path):
    """One validation range over the Temuan rows: added cell by cell, openpyxl's overlap check made writing a
    workbook of 115,000 findings (Depok's text 2,800 times) take over 45 minutes."""
    result = audit(KEDIRI)
    ws = load_workbook(_write(tmp_path, result)["workbook"])["Temuan"]
    header = [c.value for c in ws[1]]
    column = get_column_letter(header.index("Status") + 1)
    status = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert len(status) == 1 and "Benar" in status[0].formula1
    assert str(status[0].sqref) == f"{column}2:{column}{len(result.findings) + 1}"
