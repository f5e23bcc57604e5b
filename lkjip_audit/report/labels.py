"""Words the outputs show, in Bahasa Indonesia (default) and English."""

from __future__ import annotations

LABELS = {
    "id": {
           "sheet_summary": "Ringkasan", "summary_title": "Ringkasan audit LKjIP", "agency": "Instansi",
           "region": "Wilayah", "year": "Tahun laporan", "audited_at": "Waktu audit",
           "audit_seconds": "Lama audit (detik)", "money_tolerance": "Toleransi uang (Rp)",
           "tables_read": "Tabel dibaca", "budget_tables": "tabel anggaran", "unchecked_tables": "tidak diperiksa",
           "findings_total": "Jumlah temuan", "by_rule": "Temuan per aturan", "count": "Jumlah",
           "budget_totals": "Total anggaran dari tiga sumber: baris jumlah, jumlah Program, dan teks laporan",
           "total_row_source": "Baris jumlah {table}", "programs_source": "Jumlah Program (dihitung ulang)",
           "stated_source": "Disebut di teks (baris {lines})", "stated_source_none": "Disebut di teks",
           "total_row_minus_programs": "Selisih baris jumlah − Program",
           "stated_minus_programs": "Selisih teks − Program", "not_in_report": "(tidak ada di laporan)",
           "printed_in_report": "Tercetak di laporan", "recomputed": "Dihitung ulang", "pagu": "Pagu",
           "realisasi": "Realisasi", "serapan": "% serapan",
           "totals_from": "Tabel {table}; dihitung ulang = jumlah baris Program (tingkat teratas). Sumber yang tidak "
                          "ada di laporan tidak dibandingkan.",
           "total row": "baris jumlah", "sum of programs": "jumlah baris Program",
           "no_budget_total": "Tidak ada tabel anggaran dengan baris Program atau Jumlah untuk dihitung ulang.",
           "chart_budget": "Pagu dan realisasi per Program (Rp)", "chart_capaian": "Capaian per indikator (%)",
           "program": "Program", "indicator": "Indikator", "capaian": "Capaian (%)", "target_100": "100%",
           "not_found": "(tidak ditemukan)", "no_findings": "Tidak ada temuan.",
           "parameters": "Parameter", "versions": "Versi", "nb_start": "Papermill: mulai",
           "nb_end": "Papermill: selesai", "nb_duration": "Papermill: durasi (detik)",
           "nb_version": "Papermill: versi", "nb_notebook": "Papermill: notebook hasil",
           "nb_pending": "(diisi oleh perintah lkjip-audit setelah notebook selesai; run ini tidak lewat perintah "
                         "itu)",
           "nb_summary": "Ringkasan", "nb_tables": "Tabel", "nb_findings": "Temuan", "nb_charts": "Grafik",
           "nb_checklist": "Kelengkapan LKjIP",
           "nb_checklist_intro": "Bagian dan analisis yang disyaratkan PermenPAN-RB 53/2014: ada, sebagian, atau "
                                 "tidak ada, dengan buktinya; lalu saran jawaban kriteria Pelaporan Kinerja (LKE "
                                 "PermenPAN-RB 88/2021) untuk diputuskan evaluator.",
           "caption": "Judul", "text_lines": "Baris teks", "rows": "Jumlah baris", "checked": "Angka diperiksa",
           "criterion_text": "Kriteria",
           "history": "Riwayat run pada buku kerja ini", "run_start": "Mulai", "run_end": "Selesai",
           "run_seconds": "Durasi (detik)", "run_how": "Cara", "findings_count": "Temuan",
           "how_library": "pustaka (tanpa papermill)", "how_papermill": "papermill",
           "sheet_checklist": "Kelengkapan LKjIP",
           "checklist_aid": "Alat bantu evaluator: status dan saran jawaban dibaca dari teks laporan (judul, tabel, "
                            "uraian); bukan nilai. Evaluator memutuskan dan mengisi kolom jawaban/catatan.",
           "part": "Bagian yang disyaratkan", "how": "Dasar penilaian", "evidence": "Bukti (baris/halaman)",
           "arithmetic": "Temuan pada tabelnya", "evaluator_note": "Catatan evaluator",
           "criterion": "Kriteria Pelaporan Kinerja (LKE, PermenPAN-RB 88/2021)", "suggested": "Saran jawaban",
           "because": "Dasar saran", "evaluator_answer": "Jawaban evaluator",
           "pelaporan_title": "Saran jawaban kriteria Pelaporan Kinerja (untuk diterima atau diubah evaluator)",
           "contents_title": "Daftar isi laporan dibandingkan dengan isinya (entri yang tidak ditemukan sebagai judul "
                             "atau tabel)",
           "page_listed": "Halaman menurut daftar isi", "contents_entry": "Entri daftar isi",
           "sheet_findings": "Temuan", "sheet_archive": "Arsip", "sheet_method": "Metode",
           "sheet_index": "Daftar tabel", "index_title": "Daftar tabel yang dibaca dari laporan",
           "index_table": "Lembar tabel", "findings_count": "Temuan",
           "no_sheet": "(tanpa lembar: lebih dari {max} tabel; lihat findings.json)",
           "sheet_trail": "Jejak audit", "id": "ID", "key": "Kunci", "rule": "Aturan", "severity": "Tingkat",
           "table": "Tabel", "line": "Baris/halaman", "item": "Uraian", "column": "Kolom",
           "reported": "Tercetak", "expected": "Seharusnya", "difference": "Selisih", "message": "Pesan",
           "cause": "Kemungkinan penyebab",
           "status": "Status", "note": "Catatan evaluator", "reviewer": "Direviu oleh",
           "review_date": "Tanggal reviu", "archived_at": "Diarsipkan",
           "archived_where": "Semula di", "archived_similar": "Temuan serupa saat ini (petunjuk)",
           "archived_extra": "Kolom tambahan evaluator",
           "coverage_line": "angka tercetak diperiksa: {checked} dari {numbers} (hijau muda: cocok; merah/kuning: "
                            "temuan; abu-abu miring: tidak diperiksa)",
           "relations": "Diperiksa dengan", "not_checked": "Tidak diperiksa (dan alasannya)",
           "numbers_checked": "Angka tercetak yang diperiksa", "of": "{part} dari {whole}", "rule_name": "Nama aturan",
           "description": "Uraian aturan", "tolerance": "Toleransi", "kind": "Jenis tabel",
           "level": "Tingkat baris", "source_line": "Baris sumber", "repairs": "Perbaikan tata letak",
           "report": "Laporan", "source": "Berkas sumber", "tool_version": "Versi lkjip-audit",
           "written_at": "Ditulis pada", "time_zone": "Zona waktu"},
    "en": {
           "sheet_summary": "Summary", "summary_title": "LKjIP audit summary", "agency": "Agency",
           "region": "Region", "year": "Report year", "audited_at": "Audited at",
           "audit_seconds": "Audit time (s)", "money_tolerance": "Money tolerance (Rp)",
           "tables_read": "Tables read", "budget_tables": "budget tables", "unchecked_tables": "not checked",
           "findings_total": "Findings", "by_rule": "Findings per rule", "count": "Total",
           "budget_totals": "Budget total from three sources: the total row, the sum of the Programs, the text",
           "total_row_source": "Total row of {table}", "programs_source": "Sum of Programs (recomputed)",
           "stated_source": "Stated in the text (line {lines})", "stated_source_none": "Stated in the text",
           "total_row_minus_programs": "Total row − Programs",
           "stated_minus_programs": "Text − Programs", "not_in_report": "(not in the report)",
           "printed_in_report": "Printed in the report", "recomputed": "Recomputed", "pagu": "Pagu",
           "realisasi": "Realisasi", "serapan": "% absorbed",
           "totals_from": "Table {table}; recomputed = sum of the Program (top-level) rows. A source the report "
                          "does not have is not compared.",
           "total row": "total row", "sum of programs": "sum of the Program rows",
           "no_budget_total": "No budget table with Program or total rows to recompute.",
           "chart_budget": "Pagu and realisasi per Program (Rp)", "chart_capaian": "Achievement per indicator (%)",
           "program": "Program", "indicator": "Indicator", "capaian": "Achievement (%)", "target_100": "100%",
           "not_found": "(not found)", "no_findings": "No findings.",
           "parameters": "Parameters", "versions": "Versions", "nb_start": "Papermill: started",
           "nb_end": "Papermill: ended", "nb_duration": "Papermill: duration (s)",
           "nb_version": "Papermill: version", "nb_notebook": "Papermill: executed notebook",
           "nb_pending": "(filled in by the lkjip-audit command once the notebook has run; this run did not go "
                         "through it)",
           "nb_summary": "Summary", "nb_tables": "Tables", "nb_findings": "Findings", "nb_charts": "Charts",
           "nb_checklist": "LKjIP completeness",
           "nb_checklist_intro": "The parts and analyses PermenPAN-RB 53/2014 requires: present, partly, or "
                                 "missing, with their evidence; then suggested answers to the Pelaporan Kinerja "
                                 "criteria (LKE, PermenPAN-RB 88/2021) for the evaluator to decide.",
           "caption": "Caption", "text_lines": "Text lines", "rows": "Rows", "checked": "Figures checked",
           "criterion_text": "Criterion",
           "history": "Runs on this workbook", "run_start": "Started", "run_end": "Ended",
           "run_seconds": "Duration (s)", "run_how": "How", "findings_count": "Findings",
           "how_library": "library (no papermill)", "how_papermill": "papermill",
           "sheet_checklist": "LKjIP completeness",
           "checklist_aid": "Evaluator's aid: statuses and suggested answers are read from the report's text "
                            "(headings, tables, prose); not a score. The evaluator decides and fills in the answer "
                            "and note columns.",
           "part": "Required part", "how": "How decided", "evidence": "Evidence (line/page)",
           "arithmetic": "Findings on its tables", "evaluator_note": "Evaluator note",
           "criterion": "Pelaporan Kinerja criterion (LKE, PermenPAN-RB 88/2021)", "suggested": "Suggested answer",
           "because": "Based on", "evaluator_answer": "Evaluator's answer",
           "contents_title": "The report's contents list against what it contains (entries not found as a heading "
                             "or table)",
           "page_listed": "Page per the contents list", "contents_entry": "Contents entry",
           "pelaporan_title": "Suggested answers to the Pelaporan Kinerja criteria (for the evaluator to accept or "
                              "change)",
           "sheet_findings": "Findings", "sheet_archive": "Archive", "sheet_method": "Method",
           "sheet_index": "Tables", "index_title": "Tables read from the report",
           "index_table": "Table sheet", "findings_count": "Findings",
           "no_sheet": "(no sheet: more than {max} tables; see findings.json)",
           "sheet_trail": "Audit trail", "id": "ID", "key": "Key", "rule": "Rule", "severity": "Severity",
           "table": "Table", "line": "Line/page", "item": "Item", "column": "Column", "reported": "Printed",
           "expected": "Expected", "difference": "Difference", "message": "Message",
           "cause": "Likely cause", "status": "Status",
           "note": "Evaluator note", "reviewer": "Reviewed by", "review_date": "Review date",
           "archived_at": "Archived at", "archived_where": "Stood at",
           "archived_similar": "Most similar current finding (a hint)", "archived_extra": "Evaluator's own columns",
           "coverage_line": "printed numbers checked: {checked} of {numbers} (pale green: held; red/amber: finding; "
                            "grey italic: not checked)",
           "relations": "Checked by", "not_checked": "Not checked (and why)",
           "numbers_checked": "Printed numbers checked", "of": "{part} of {whole}",
           "rule_name": "Rule name", "description": "What it checks",
           "tolerance": "Tolerance", "kind": "Table kind", "level": "Row level", "source_line": "Source line",
           "repairs": "Layout repairs", "report": "Report", "source": "Source file",
           "tool_version": "lkjip-audit version", "written_at": "Written at", "time_zone": "Time zone"},
}
#: A finding's severity and a table's kind as the outputs show them (findings.json keeps the codes).
SEVERITY_TEXT = {"id": {"error": "kesalahan", "warning": "peringatan", "info": "info"},
                 "en": {"error": "error", "warning": "warning", "info": "info"}}
KIND_TEXT = {"id": {"budget": "realisasi anggaran", "efficiency": "efisiensi anggaran", "capaian": "capaian kinerja",
                    "renstra": "renstra", "pk": "perjanjian kinerja", "lhe": "LHE SAKIP", "staff": "kepegawaian",
                    "scale": "skala kategori", "other": "lainnya"},
             "en": {"budget": "budget realisation", "efficiency": "budget efficiency", "capaian": "performance",
                    "renstra": "renstra", "pk": "performance agreement", "lhe": "LHE SAKIP", "staff": "staff",
                    "scale": "category scale", "other": "other"}}
STATUS_CHOICES = {"id": ("Benar", "Salah", "Perlu klarifikasi"),
                  "en": ("Confirmed", "Not an error", "Needs clarification")}
LANGUAGES = tuple(LABELS)


def text(key: str, lang: str) -> str:
    return LABELS[lang][key]


def severity_text(severity: str, lang: str) -> str:
    return SEVERITY_TEXT[lang].get(severity, severity)


def kind_text(kind: str, lang: str) -> str:
    return KIND_TEXT[lang].get(kind, kind)
