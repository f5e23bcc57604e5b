"""Ringkasan, Jejak audit, the money tolerance, and the workbook opened by a real spreadsheet program."""

import os
import re
import shutil
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from conftest import KEDIRI
from lkjip_audit.audit import audit, write_outputs
from lkjip_audit.checks.rules import RULES
from lkjip_audit.exceptions import InputError
from lkjip_audit.report.workbook import sheet_name


def _sheet_rows(ws):
    return [r for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]


def _facts(ws) -> dict:
    return {r[0]: r[1] for r in ws.iter_rows(values_only=True, max_col=2) if r[0] is not None}


def test_ringkasan_names_the_report_counts_findings_and_sets_the_totals_against_the_recomputed(tmp_path, kediri):
    wb = load_workbook(write_outputs(kediri, tmp_path)["workbook"])
    assert wb.sheetnames[:2] == ["Ringkasan", "Temuan"]
    ws = wb["Ringkasan"]
    facts = _facts(ws)
    # Cover of the Kediri report: "DINAS KOPERASI DAN USAHA MIKRO TAHUN 2021", "PEMERINTAH KABUPATEN KEDIRI".
    assert facts["Instansi"] == "Dinas Koperasi dan Usaha Mikro"
    assert facts["Wilayah"] == "Kabupaten Kediri"
    assert facts["Tahun laporan"] == 2021
    assert facts["sha256"] == kediri.sha256
    assert facts["Jumlah temuan"] == "118 (kesalahan 63, peringatan 55)"
    assert facts["Angka tercetak yang diperiksa"] == "1083 dari 1327 (82 %)"
    rows = _sheet_rows(ws)
    per_rule = {r[0]: r[2:6] for r in rows if r[0] in ("footing-children", "printed-error", "prose-table")}
    assert per_rule == {"footing-children": (16, None, None, 16), "printed-error": (None, 3, None, 3),
                        "prose-table": (None, 6, None, 6)}
    totals = {r[0]: r[1:6] for r in rows if r[0] in ("Pagu", "Realisasi", "% serapan")}
    # Three sources. Line 648, JUMLAH of Tabel 3.2: 12.468.907.692 / 10.894.818.644 / 87,38%; its 7 Programs add
    # up to 12.495.837.032 and 10.894.818.544; line 584: "Secara keseluruhan anggaran tahun 2021 sebesar
    # Rp.12.468.907.592,- dengan terserap sebesar Rp.10.894.818.544,- (87,38%)". Each source against the
    # Programs.
    assert totals == {"Pagu": (12468907692, 12495837032, 12468907592, -26929340, -26929440),
                      "Realisasi": (10894818644, 10894818544, 10894818544, 100, 0),
                      "% serapan": (87.38, 87.19, 87.38, 0.19, 0.19)}
    header = next(r for r in rows if r[0] is None and r[1] and str(r[1]).startswith("Baris jumlah"))
    assert header[1:6] == ("Baris jumlah T7", "Jumlah Program (dihitung ulang)", "Disebut di teks (baris 584)",
                           "Selisih baris jumlah − Program", "Selisih teks − Program")
    chart, = ws._charts  # Kediri has no clean capaian table, so only the pagu/realisasi chart
    assert len(chart.series) == 2
    programs = [r for r in rows if isinstance(r[0], str) and r[0].startswith("PROGRAM ")]
    assert len(programs) == 7 and programs[6][:3] == ("PROGRAM PENGEMBANGAN UMKM", 611020500, 351386350)
    assert chart.series[0].val.numRef.f == f"'Ringkasan'!$B${ws.max_row - 6}:$B${ws.max_row}"


def test_ringkasan_of_depok_uses_its_agency_row_and_charts_capaian(tmp_path, depok):
    ws = load_workbook(write_outputs(depok, tmp_path)["workbook"])["Ringkasan"]
    facts = _facts(ws)
    assert (facts["Wilayah"], facts["Tahun laporan"]) == ("Kota Depok", 2023)
    totals = {r[0]: r[1:6] for r in _sheet_rows(ws) if r[0] in ("Pagu", "Realisasi")}
    # The agency row above the Programs prints 32.300.612.788; its Programs add up to 33.172.321.844
    # because Program Penunjang prints 10.255.966.594 where its Kegiatan sum to 9.384.257.538. Lines 57 and
    # 1043 state "Total Anggaran Belanja ... sebesar Rp. 32.300.612.788 sedangkan Realisasi Belanja sebesar
    # Rp. 29.231.216.957": the text sides with the agency row.
    assert totals["Pagu"] == (32300612788, 33172321844, 32300612788, -871709056, -871709056)
    assert totals["Realisasi"] == (29231216957, 29231216957, 29231216957, 0, 0)
    assert len(ws._charts) == 2  # pagu/realisasi per Program, capaian per indicator


def test_without_a_jumlah_row_or_a_stated_total_nothing_is_compared_with_itself(tmp_path):
    report = tmp_path / "tanpa_jumlah.txt"
    report.write_text("\n".join([
        "BAB III AKUNTABILITAS KINERJA", "", "Tabel 3.1 Realisasi Anggaran",
        "No\tProgram/Kegiatan\tPagu\tRealisasi", "1\tProgram Penunjang Urusan\t1.000.000\t900.000",
        "1.1\tKegiatan Administrasi\t1.000.000\t900.000", "2\tProgram Pemberdayaan Koperasi\t3.000.000\t2.000.000",
        "2.1\tKegiatan Pelatihan\t3.000.000\t2.000.000", ""]) + "\n", encoding="utf-8")
    ws = load_workbook(write_outputs(audit(report), tmp_path / "out")["workbook"])["Ringkasan"]
    totals = {r[0]: r[1:6] for r in _sheet_rows(ws) if r[0] in ("Pagu", "Realisasi")}
    # The sum of the two Programs stands alone: no Jumlah row, no total in the text, no difference shown.
    assert totals["Pagu"] == ("(tidak ada di laporan)", 4000000, "(tidak ada di laporan)", None, None)
    assert totals["Realisasi"] == ("(tidak ada di laporan)", 2900000, "(tidak ada di laporan)", None, None)


def test_ringkasan_says_when_there_is_no_total_to_recompute(tmp_path, flotim):
    ws = load_workbook(write_outputs(flotim, tmp_path)["workbook"])["Ringkasan"]
    assert ("Tidak ada tabel anggaran dengan baris Program atau Jumlah untuk dihitung ulang.",) in [
        r[:1] for r in _sheet_rows(ws)]
    assert _facts(ws)["Wilayah"] == "Kabupaten Flores Timur"


def test_every_run_is_added_to_the_trail_history(tmp_path, kediri):
    path = write_outputs(kediri, tmp_path)["workbook"]
    write_outputs(kediri, tmp_path)
    ws = load_workbook(path)["Jejak audit"]
    rows = _sheet_rows(ws)
    start = rows.index(next(r for r in rows if r[0] == "Riwayat run pada buku kerja ini"))
    header, *runs = rows[start + 1:]
    assert header[:4] == ("Mulai", "Selesai", "Durasi (detik)", "Cara")
    assert len(runs) == 2 and all(r[4] == kediri.sha256 and r[6] == 118 for r in runs)
    facts = _facts(ws)
    assert facts["Versi: openpyxl"] and facts["Versi: python"]


def test_money_tolerance_lets_small_differences_hold_and_is_stated_in_metode(tmp_path, kediri):
    tolerant = audit(KEDIRI, tolerance=1000)
    gone = {(f.rule, f.line, f.difference) for f in kediri.findings} - {
        (f.rule, f.line, f.difference) for f in tolerant.findings}
    # Differences of 1.000 (line 596), 20 (Administrasi Umum, Pemeriksaan dan Pengawasan), 100 (JUMLAH
    # realisasi), and the quarters of lines 458 (200) and 507/508 (600) hold within Rp 1.000; every other
    # finding stays.
    assert len(kediri.findings) - len(tolerant.findings) == 9 == len(gone)
    assert {abs(d) for _, _, d in gone} == {1000, 20, 100, 200, 600}
    ws = load_workbook(write_outputs(tolerant, tmp_path)["workbook"])["Metode"]
    shown = {r[0]: r[4] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert shown["footing-children"] == "± Rp 1,000 (parameter toleransi)"
    assert shown["row-percent"].startswith("sama setelah dibulatkan")
    with pytest.raises(InputError, match="tolerance"):
        audit(KEDIRI, tolerance="seribu")


@pytest.mark.slow
def test_libreoffice_opens_and_converts_the_workbook(tmp_path, kediri):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is missing: `make test` installs it (libreoffice-calc-nogui)"
    workbook = write_outputs(kediri, tmp_path / "audit")["workbook"]
    out = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").as_uri()  # a fresh profile: no clash with a running LibreOffice
    done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                           "--outdir", str(out), str(workbook)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    converted = load_workbook(out / workbook.name)
    assert converted.sheetnames == load_workbook(workbook).sheetnames
    # LibreOffice read the cells as values: the number printed on line 596 and its finding row.
    t7 = converted["T7 Tabel 3.2 CAPAIAN KINERJA KE"]  # Tabel 3.2's sheet: its id and the start of its caption
    assert 3690366094 in {c.value for row in t7.iter_rows() for c in row}
    temuan = converted["Temuan"]
    assert temuan["A2"].value == kediri.findings[0].id and temuan.max_row == 119  # a header row and 118 findings


def test_the_notebook_chart_shows_the_main_budget_table(depok):
    from lkjip_audit.report.plots import program_budget_chart

    # Depok's first budget table (line 723) holds one Program; the main one (lines 941-1002) holds seven.
    axes = program_budget_chart(depok.tables).axes[0]
    assert axes.get_title().startswith(next(t.id for t in depok.tables if t.lines == (941, 1002)))
    assert len(axes.get_yticklabels()) == 7
    # Rupiah written out, not matplotlib's `1e10`; names whole, wrapped (line 993's Program is 72 characters).
    assert axes.xaxis.get_major_formatter()(2_000_000_000, 0) == "2.000.000.000"
    names = [" ".join(label.get_text().split()) for label in axes.get_yticklabels()]
    assert "Program Pemberdayaan Usaha Menengah, Usaha Kecil, Dan Usaha Mikro (Umkm)" in names


# Words of the other language that once leaked into a workbook's fixed texts (issue 18): severity, table kind,
# checklist status, layout repairs.
LEAKS = {
    "id": re.compile(r"\b(error|warning|found|partly|missing|budget|other|efficiency|line \d+|page \d+|dropped|"
                     r"joined|read as|not checked|split in two|columns?)\b"),
    "en": re.compile(r"\b(kesalahan|peringatan|ada|sebagian|lainnya|baris \d+|halaman \d+|dibuang|"
                     r"digabung|dibaca|tidak diperiksa|dibagi dua|kolom)\b"),
}


def _fixed_texts(wb, result, lang) -> list[tuple[str, str, str]]:
    """(sheet, cell, text) of every cell the tool writes in the run's language: all cells but those that copy
    the report (a table's own rows, a finding's item and column, evidence excerpts) and rule codes."""
    texts = []
    content_rows = {sheet_name(t, lang): range(3, 3 + len(t.header_rows) + len(t.rows) + 1) for t in result.tables}
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" or ws.title == "Arsip":
            continue
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or cell.value == header[cell.column - 1] and cell.row > 1:
                    continue
                if cell.value in RULES:
                    continue  # a rule's code is the same in both languages
                if ws.title in content_rows and cell.row in content_rows[ws.title]:
                    continue
                if ws.title in ("Temuan", "Findings") and cell.column in (3, 5, 7, 8, 9) and cell.row > 1:
                    continue  # rule code, table id, item and column copied from the report, the message quotes it
                if ws.title in ("Metode", "Method") and cell.column == 1:
                    continue  # rule codes
                if ws.title in ("Kelengkapan LKjIP", "LKjIP completeness") and cell.column in (1, 4):
                    continue  # part keys; evidence quotes the report
                if ws.title in ("Daftar tabel", "Tables") and cell.column in (1, 2) and cell.row > 3:
                    continue  # sheet names and captions copy the report
                if ws.title in ("Jejak audit", "Audit trail") and cell.column == 2:
                    continue  # values: paths, versions, parameters
                texts.append((ws.title, cell.coordinate, cell.value))
    return texts


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_sheets_fixed_texts_are_in_the_runs_language(tmp_path, kediri, lang):
    wb = load_workbook(write_outputs(kediri, tmp_path, lang=lang)["workbook"])
    texts = _fixed_texts(wb, kediri, lang)
    assert len(texts) > 300 and {sheet for sheet, _, _ in texts} >= set(wb.sheetnames[:3])
    assert [t for t in texts if LEAKS[lang].search(t[2])] == []


def test_times_are_given_in_the_machines_zone_and_tz_chooses_another():
    # Papermill records UTC; the trail shows the zone the evaluator lives in (WIB for Jakarta), and says it.
    code = ("from lkjip_audit.report.trail_sheet import local_time, time_zone; "
            "print(local_time('2026-12-02T05:30:00.123456Z')); print(time_zone())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "TZ": "Asia/Jakarta"})
    assert done.stdout.splitlines() == ["2026-12-02T12:30:00+07:00", "WIB (UTC+07:00)"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_notebooks_views_speak_the_runs_language(kediri, lang):
    # The notebook's section headings, tables list, findings table (headers and severities), checklist and
    # suggested answers: the fixed texts only (a table's caption, a finding's item and message quote the report
    # or are checked elsewhere).
    from lkjip_audit.report.notebook_view import heading, styled_findings

    other = LEAKS[lang]
    headings = [heading(key, lang).data for key in ("nb_summary", "nb_tables", "nb_findings", "nb_charts")]
    headings.append(heading("nb_checklist", lang, intro="nb_checklist_intro").data)
    tables = kediri.tables_frame(lang)
    findings = kediri.findings_frame(lang)
    styled = styled_findings(findings, lang)
    fixed = [*headings, *tables.columns, *tables.iloc[:, 2], *styled.data.columns,
             *styled.data.iloc[:, 2].unique(), *kediri.checklist_frame(lang).columns,
             *kediri.checklist_frame(lang).iloc[:, 1], *kediri.pelaporan_frame(lang).columns]
    assert [t for t in fixed if other.search(str(t))] == []
    assert headings[0] == ("## Ringkasan" if lang == "id" else "## Summary")
    assert set(styled.data.iloc[:, 2]) == ({"kesalahan", "peringatan"} if lang == "id" else {"error", "warning"})
    html = styled.to_html()
    assert "background-color: #FFC7CE" in html  # rows still coloured by severity


def test_sheets_are_named_after_their_tables_and_listed_in_daftar_tabel(tmp_path, depok, kediri):
    wb = load_workbook(write_outputs(kediri, tmp_path / "kediri")["workbook"])
    # Kediri's contents list (lines 39-65) is no table: T1 is "Tabel : 1.1. DAFTAR PEGAWAI TETAP" (line 151).
    assert wb.sheetnames[:5] == ["Ringkasan", "Temuan", "Daftar tabel", "T1 Tabel 1.1 DAFTAR PEGAWAI TET",
                                 "T2 Tabel 1.2 DAFTAR PEGAWAI KON"]
    # The RKPD table (line 452) has a sentence for a caption ("Lebih jelas dapat di lihat ..."): named by its kind.
    assert "T6 efisiensi anggaran" in wb.sheetnames and "T8 Tabel 3.3 Efisiensi Cost per" in wb.sheetnames
    wb = load_workbook(write_outputs(depok, tmp_path / "depok")["workbook"])
    names = [n for n in wb.sheetnames if n[:1] == "T" and n.split(" ")[0][1:].isdigit()]
    assert len(names) == len(depok.tables) == len(set(names)) and max(len(n) for n in names) <= 31
    # Lines 505-506, a bold title over two lines: "**PERIANJIAN KINERJA PERUBAHAN TAHUN 2023" / "DINAS KOPERASI
    # DAN USAHA MIKRO KOTA DEPOK**", one caption without its stars.
    pk = next(t for t in depok.tables if t.lines == (508, 512))
    assert pk.caption == "PERIANJIAN KINERJA PERUBAHAN TAHUN 2023 DINAS KOPERASI DAN USAHA MIKRO KOTA DEPOK"
    index = wb["Daftar tabel"]
    rows = list(index.iter_rows(min_row=4, values_only=True))
    assert [r[0] for r in rows] == names
    # The main budget table (lines 941-1002, capaian beside serapan: an efficiency table), its findings counted.
    main = next(r for r in rows if r[2] == "941-1002")
    table = next(t for t in depok.tables if t.lines == (941, 1002))
    assert main[3] == "efisiensi anggaran" and main[5] == sum(f.table == table.id for f in depok.findings) > 0
    link = index.cell(row=4 + rows.index(main), column=1).hyperlink
    assert link.location == f"'{main[0]}'!A1"


def test_a_report_of_more_tables_than_sheets_lists_them_all_and_sheets_those_with_findings_first(
        tmp_path, depok, monkeypatch):
    # A 300 MB text holds 100,000 tables: sheets for all of them would take hours and open in none.
    monkeypatch.setattr("lkjip_audit.report.workbook.MAX_TABLE_SHEETS", 3)
    wb = load_workbook(write_outputs(depok, tmp_path)["workbook"])
    sheeted = [n for n in wb.sheetnames if n[:1] == "T" and n.split(" ")[0][1:].isdigit()]
    flagged = [t.id for t in depok.tables if any(f.table == t.id for f in depok.findings)]
    assert [n.split(" ")[0] for n in sheeted] == flagged[:3]
    rows = list(wb["Daftar tabel"].iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(depok.tables)
    assert rows[1][0] == "T2 (tanpa lembar: lebih dari 3 tabel; lihat findings.json)"
