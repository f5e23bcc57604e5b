"""An evaluator's work is never lost or put on another finding (issue 20).

Each finding gets a note saying what it is about, written independently of the tool's key: the rule, the
row or item, the column, the printed number, and for a finding on the prose the sentence itself. After a
re-run (unchanged, or with a row inserted, a table inserted, a number changed), each note must stand on a
finding about that same thing, or be in Arsip; and what the evaluator added (rows, columns, comments,
cells, sheets) must still be there.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment

from conftest import DEPOK, FLOTIM, KEDIRI, KUKAR_OCR
from lkjip_audit.audit import audit, write_outputs
from lkjip_audit.checks.identity import assign_keys
from lkjip_audit.exceptions import OutputError
from lkjip_audit.ingest import read


def about(finding, lines, tables) -> str:
    """What a finding is about, as the evaluator would write it in a note: tables by caption, not by their
    ordinal T1, T2 (another table before them renumbers them), prose by its sentence (line numbers move)."""
    sentence = lines[finding.line - 1].strip() if finding.row_index is None and finding.line else ""
    captions = {t.id: t.caption or str([c.header for c in t.columns]) for t in tables}
    item = re.sub(r"\bT\d+\b", lambda m: captions.get(m.group(0), m.group(0)), finding.item)
    return json.dumps([finding.rule, item, finding.column,
                       None if finding.reported is None else str(finding.reported), sentence])


def temuan(path):
    ws = load_workbook(path)["Temuan"]
    header = [c.value for c in ws[1]]
    return ws, header, [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)]


def archived_notes(path) -> list[str]:
    ws = load_workbook(path)["Arsip"]
    header = [c.value for c in ws[1]]
    return [dict(zip(header, r))["Catatan evaluator"] for r in ws.iter_rows(min_row=2, values_only=True)]


def audit_into(report_text: str, name: str, folder, out):
    report = folder / name
    report.write_text(report_text, encoding="utf-8")
    result = audit(report)
    write_outputs(result, out)
    lines = read(report).lines
    return result, lines, out / f"{report.stem}.audit.xlsx"


def note_every_finding(path, result, lines) -> list[str]:
    """Write on each finding's row a note naming what the finding is about; return the notes."""
    wb = load_workbook(path)
    ws = wb["Temuan"]
    header = [c.value for c in ws[1]]
    by_key = {f.key: f for f in result.findings}
    notes = []
    for r in range(2, ws.max_row + 1):
        finding = by_key[ws.cell(row=r, column=header.index("Kunci") + 1).value]
        note = about(finding, lines, result.tables)
        ws.cell(row=r, column=header.index("Catatan evaluator") + 1, value=note)
        ws.cell(row=r, column=header.index("Status") + 1, value="Benar")
        notes.append(note)
    wb.save(path)
    return notes


def assert_each_note_on_its_finding_or_archived(path, result, lines, notes):
    _, header, rows = temuan(path)
    by_key = {f.key: f for f in result.findings}
    placed = []
    for row in rows:
        if row["Catatan evaluator"]:
            finding = by_key[row["Kunci"]]
            assert row["Catatan evaluator"] == about(finding, lines, result.tables), "a note stands on another finding"
            placed.append(row["Catatan evaluator"])
    archived = [n for n in archived_notes(path) if n]
    assert sorted(placed + archived) == sorted(notes), "a note was lost"
    return placed, archived


@pytest.mark.parametrize("report", [KEDIRI, FLOTIM, DEPOK, KUKAR_OCR], ids=lambda p: p.name[:3])
def test_a_plain_rerun_keeps_every_note_on_its_own_finding(tmp_path, report):
    result, lines, path = audit_into(report.read_text(encoding="utf-8"), report.name, tmp_path, tmp_path / "out")
    notes = note_every_finding(path, result, lines)
    assert len(notes) == len(result.findings) > 0
    again, lines, path = audit_into(report.read_text(encoding="utf-8"), report.name, tmp_path, tmp_path / "out")
    placed, archived = assert_each_note_on_its_finding_or_archived(path, again, lines, notes)
    assert len(placed) == len(notes) and archived == []


def test_keys_are_unique_without_occurrence_numbers_on_the_sample_reports():
    for report in (KEDIRI, FLOTIM, DEPOK, KUKAR_OCR):
        result = audit(report)
        assert assign_keys(result.findings, result.tables, read(report).lines) == 0, report.name
        assert len({f.key for f in result.findings}) == len(result.findings)


def test_depok_prose_counts_on_two_lines_have_their_own_keys(tmp_path):
    """Lines 915 and 935 say 8 Program, 12 Kegiatan and 28 (27) Sub Kegiatan; without the Perjanjian Kinerja's
    Programme that has no budget (line 516), each is set against the 7 Programmes of the budget table: six
    findings of the same rule and columns on two lines, and the 28 against the 27. Each has its own key."""
    lines = DEPOK.read_text(encoding="utf-8").splitlines()
    assert lines[515].startswith("2\tPROGRAM PELAYANAN")
    report = tmp_path / DEPOK.name
    report.write_text("\n".join(lines[:515] + [""] + lines[516:]) + "\n", encoding="utf-8")
    result = audit(report)
    counts = [f for f in result.findings if f.rule == "prose-counts" and f.line > 900]  # (line 46 counts sasaran)
    assert sorted((f.line, f.column, f.reported, f.expected) for f in counts) == [
        (915, "Kegiatan", 12, 11), (915, "Program", 8, 7), (915, "Sub Kegiatan", 28, 26),
        (915, "Sub Kegiatan", 28, 27), (935, "Kegiatan", 12, 11), (935, "Program", 8, 7),
        (935, "Sub Kegiatan", 27, 26)]
    assert len({f.key for f in counts}) == 7


def test_the_same_sentence_twice_gets_distinct_keys_in_reading_order():
    from lkjip_audit.checks.finding import Finding
    findings = [Finding("prose-counts", None, "Program", "", line=n) for n in (1, 2)]
    assert assign_keys(findings, [], ["Ada 8 program.", "Ada 8 program."]) == 1
    assert findings[0].key != findings[1].key


DEPOK_TEXT = DEPOK.read_text(encoding="utf-8")
EXTRA_SUB_KEGIATAN = ("\tPenyediaan Bahan Bacaan\tJumlah paket\t1\t1\t100%\t1,000,000\t900,000\t90.00%\t100,000\t"
                      "Kegiatan terlaksana")
STAFF_TABLE = "\nTabel 1.1 Pegawai menurut golongan\nNo\tGolongan\tJumlah\n1\tIV\t5\n2\tIII\t20\n\tJumlah\t25\n"


def _insert_after(text: str, anchor: str, addition: str) -> str:
    assert anchor in text
    return text.replace(anchor, anchor + "\n" + addition, 1)


@pytest.mark.parametrize("change", ["row inserted", "table inserted", "number changed"])
def test_after_an_edit_of_the_report_no_note_stands_on_another_finding(tmp_path, change):
    _, _, path = audit_into(DEPOK_TEXT, DEPOK.name, tmp_path, tmp_path / "out")
    result, lines, path = audit_into(DEPOK_TEXT, DEPOK.name, tmp_path, tmp_path / "out")
    notes = note_every_finding(path, result, lines)
    if change == "row inserted":
        edited = _insert_after(DEPOK_TEXT, "\tPenyediaan Gaji dan Tunjangan ASN\tJumlah Pegawai\t34\t34\t100%\t"
                               "7,347,064,088\t5,994,300,247\t81.59%\t1,352,763,841\tKegiatan terlaksana, "
                               "realisasi menyesuaikan kebutuhan", EXTRA_SUB_KEGIATAN)
    elif change == "table inserted":
        edited = _insert_after(DEPOK_TEXT, "BAB I PENDAHULUAN\n", STAFF_TABLE)
    else:
        edited = DEPOK_TEXT.replace("126,613,500\t120,048,000", "126,613,900\t120,048,000", 1)
    again, lines, path = audit_into(edited, DEPOK.name, tmp_path, tmp_path / "out")
    placed, archived = assert_each_note_on_its_finding_or_archived(path, again, lines, notes)
    if change == "table inserted":  # nothing about the findings changed: every note stays put
        assert len(placed) == len(notes)
    else:
        assert len(placed) >= len(notes) - 4, (len(placed), len(archived))


def test_what_the_evaluator_added_is_kept(tmp_path):
    result, lines, path = audit_into(KEDIRI.read_text(encoding="utf-8"), KEDIRI.name, tmp_path, tmp_path / "out")
    wb = load_workbook(path)
    ws = wb["Temuan"]
    width, height = ws.max_column, ws.max_row
    ws.cell(row=1, column=width + 1, value="Tindak lanjut")
    ws.cell(row=2, column=width + 1, value="minta data ke Bidang Program")
    key_of_row_2 = ws.cell(row=2, column=2).value
    ws.cell(row=height + 1, column=7, value="Temuan sendiri: lampiran PK tidak ditandatangani")
    ws.cell(row=height + 1, column=14, value="Benar")
    wb["Ringkasan"]["H2"] = "Catatan ketua tim: cek ulang Bab III"
    wb["Ringkasan"]["A1"].comment = Comment("judul sesuai LHE", "Ani")
    # The RKPD evaluation table (T6), on its sheet named after its id and kind.
    table_ws = wb[next(n for n in wb.sheetnames if n.split(" ")[0] == "T6")]
    assert table_ws.title == "T6 efisiensi anggaran"
    table_ws["C5"].comment = Comment("angka ini dikonfirmasi ke bendahara", "Ani")
    own = wb.create_sheet("Kertas kerja Ani")
    own["A1"], own["B2"] = "rekap", "=1+1"
    wb.save(path)

    write_outputs(audit(tmp_path / KEDIRI.name), tmp_path / "out")
    wb = load_workbook(path)
    ws = wb["Temuan"]
    header = [c.value for c in ws[1]]
    assert "Tindak lanjut" in header
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert next(r for r in rows if r["Kunci"] == key_of_row_2)["Tindak lanjut"] == "minta data ke Bidang Program"
    added = [r for r in rows if r["Uraian"] == "Temuan sendiri: lampiran PK tidak ditandatangani"]
    assert len(added) == 1 and added[0]["Status"] == "Benar"
    assert wb["Ringkasan"]["H2"].value == "Catatan ketua tim: cek ulang Bab III"
    assert wb["Ringkasan"]["A1"].comment.text == "judul sesuai LHE"
    arsip = [" ".join(str(v) for v in r if v) for r in wb["Arsip"].iter_rows(min_row=2, values_only=True)]
    assert any("angka ini dikonfirmasi ke bendahara" in a and "T6 efisiensi anggaran!C5" in a for a in arsip)
    assert wb["Kertas kerja Ani"]["A1"].value == "rekap" and wb["Kertas kerja Ani"]["B2"].value == "=1+1"
    # and once more: nothing doubles, nothing goes
    write_outputs(audit(tmp_path / KEDIRI.name), tmp_path / "out")
    wb = load_workbook(path)
    arsip_again = [" ".join(str(v) for v in r if v) for r in wb["Arsip"].iter_rows(min_row=2, values_only=True)]
    assert sum("angka ini dikonfirmasi" in a for a in arsip_again) == 1
    assert [s for s in wb.sheetnames if s.startswith("Kertas kerja")] == ["Kertas kerja Ani"]
    assert wb["Ringkasan"]["H2"].value == "Catatan ketua tim: cek ulang Bab III"


def test_a_save_made_while_the_run_writes_is_merged_not_lost(tmp_path, monkeypatch):
    result, lines, path = audit_into(KEDIRI.read_text(encoding="utf-8"), KEDIRI.name, tmp_path, tmp_path / "out")
    first_key = temuan(path)[2][0]["Kunci"]
    from openpyxl.workbook.workbook import Workbook
    save = Workbook.save
    saves = []

    def evaluator_saves_meanwhile(self, filename):
        save(self, filename)
        if not saves:  # the evaluator's save lands between reading and replacing
            wb = load_workbook(path)
            ws = wb["Temuan"]
            header = [c.value for c in ws[1]]
            ws.cell(row=2, column=header.index("Catatan evaluator") + 1, value="disimpan saat audit berjalan")
            save(wb, path)
        saves.append(filename)

    monkeypatch.setattr(Workbook, "save", evaluator_saves_meanwhile)
    write_outputs(audit(tmp_path / KEDIRI.name), tmp_path / "out")
    monkeypatch.undo()
    assert len(saves) == 2  # the run's first try, not moved into place, then the one merged again
    rows = temuan(path)[2]
    assert next(r for r in rows if r["Kunci"] == first_key)["Catatan evaluator"] == "disimpan saat audit berjalan"


def test_a_workbook_open_in_libreoffice_is_not_replaced(tmp_path):
    result, lines, path = audit_into(KEDIRI.read_text(encoding="utf-8"), KEDIRI.name, tmp_path, tmp_path / "out")
    before = path.read_bytes()
    lock = path.with_name(f".~lock.{path.name}#")
    lock.write_text("Budi Santoso,evaluator-pc,/home/budi/.config/libreoffice/4;,02.12.2026 09:00,", encoding="utf-8")
    with pytest.raises(OutputError, match=r"open in another program by Budi Santoso"):
        write_outputs(audit(tmp_path / KEDIRI.name), tmp_path / "out")
    assert path.read_bytes() == before
    lock.unlink()
    write_outputs(audit(tmp_path / KEDIRI.name), tmp_path / "out")


def test_control_characters_in_a_label_are_dropped_not_fatal(tmp_path):
    text = KEDIRI.read_text(encoding="utf-8").replace("PROGRAM PENUNJANG", "PROGRAM\x00 PENUNJANG\x1b", 1)
    result, lines, path = audit_into(text, "kontrol.txt", tmp_path, tmp_path / "out")
    assert path.exists() and shutil.which  # the workbook was written
    assert any("PROGRAM PENUNJANG" in str(c.value) for r in load_workbook(path)["Temuan"].iter_rows() for c in r)


def test_finding_ids_do_not_move_when_another_finding_goes(tmp_path):
    # Issue 18: with a counter, F5 became F4 after one finding disappeared. The id comes from the key now:
    # a memo citing an id still points at the same finding after the report is corrected elsewhere.
    first = audit(DEPOK)
    ids = {f.key: f.id for f in first.findings}
    assert len(set(ids.values())) == len(ids)
    assert all(re.fullmatch(r"F-[0-9A-HJKMNP-TV-Z]{5,}", i) for i in ids.values())
    # Line 879: 340 / 320 x 100 = 106,25, printed 100,66; corrected, its finding goes.
    gone, = [f for f in first.findings if f.rule == "prose-arithmetic" and f.line == 879]
    path = tmp_path / DEPOK.name
    path.write_text(DEPOK_TEXT.replace("Capaian kinerja 100,66%", "Capaian kinerja 106,25%"), encoding="utf-8")
    second = audit(path)
    assert {f.key for f in first.findings} - {f.key for f in second.findings} == {gone.key}
    assert [f.id for f in second.findings] == [f.id for f in first.findings if f is not gone]
