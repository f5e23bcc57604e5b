"""Words the outputs show, in Bahasa Indonesia (default) and English."""

from __future__ import annotations

LABELS = {
    "id": {"sheet_findings": "Temuan", "sheet_archive": "Arsip", "sheet_method": "Metode",
           "sheet_trail": "Jejak audit", "id": "ID", "key": "Kunci", "rule": "Aturan", "severity": "Tingkat",
           "table": "Tabel", "line": "Baris/halaman", "item": "Uraian", "column": "Kolom",
           "reported": "Tercetak", "expected": "Seharusnya", "difference": "Selisih", "message": "Pesan",
           "cause": "Kemungkinan penyebab",
           "status": "Status", "note": "Catatan evaluator", "reviewer": "Direviu oleh",
           "review_date": "Tanggal reviu", "archived_at": "Diarsipkan", "rule_name": "Nama aturan",
           "description": "Uraian aturan", "tolerance": "Toleransi", "kind": "Jenis tabel",
           "level": "Tingkat baris", "source_line": "Baris sumber", "repairs": "Perbaikan tata letak",
           "report": "Laporan", "source": "Berkas sumber", "tool_version": "Versi lkjip-audit",
           "written_at": "Ditulis pada"},
    "en": {"sheet_findings": "Findings", "sheet_archive": "Archive", "sheet_method": "Method",
           "sheet_trail": "Audit trail", "id": "ID", "key": "Key", "rule": "Rule", "severity": "Severity",
           "table": "Table", "line": "Line/page", "item": "Item", "column": "Column", "reported": "Printed",
           "expected": "Expected", "difference": "Difference", "message": "Message",
           "cause": "Likely cause", "status": "Status",
           "note": "Evaluator note", "reviewer": "Reviewed by", "review_date": "Review date",
           "archived_at": "Archived at", "rule_name": "Rule name", "description": "What it checks",
           "tolerance": "Tolerance", "kind": "Table kind", "level": "Row level", "source_line": "Source line",
           "repairs": "Layout repairs", "report": "Report", "source": "Source file",
           "tool_version": "lkjip-audit version", "written_at": "Written at"},
}
STATUS_CHOICES = {"id": ("Benar", "Salah", "Perlu klarifikasi"),
                  "en": ("Confirmed", "Not an error", "Needs clarification")}
LANGUAGES = tuple(LABELS)


def text(key: str, lang: str) -> str:
    return LABELS[lang][key]
