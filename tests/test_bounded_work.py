"""Bounded work on hostile inputs (issue 20): what would take gigabytes or hours is cut short and says so.
Their memory is measured in bench/hostile_memory.py; here, what the audit makes of them."""

from __future__ import annotations

from decimal import Decimal

from bad_inputs.make_hostile import giant_page_pdf
from lkjip_audit.audit import audit


def test_a_giant_ruled_page_is_read_from_its_text_layer_and_says_so(tmp_path):
    pdf = tmp_path / "raksasa.pdf"
    pdf.write_bytes(giant_page_pdf())
    result = audit(pdf)
    table, = result.tables
    assert any("14400 × 14400 points" in r and "ruled lines were not looked for" in r for r in table.repairs)
    assert [(f.rule, f.reported, f.expected) for f in result.findings] == [
        ("footing-total", Decimal(700_000), Decimal(600_000)), ("row-sisa", Decimal(700_000), Decimal(600_000))]


def test_a_line_of_200000_cells_is_shown_not_checked_in_seconds(tmp_path):
    report = tmp_path / "sebaris.txt"
    cells = "\t".join(str(i * 7) for i in range(200_000))
    report.write_text(f"Tabel 1 Data\n{cells}\n{cells}\n", encoding="utf-8")
    table, = audit(report).tables
    assert table.uncertain.startswith("200000 columns, more than the 100 an LKjIP table has")
    assert len(table.columns) == 100


def test_thirty_digit_and_four_hundred_digit_amounts_add_up_exactly(tmp_path):
    big, bigger = int("1" * 30), 10 ** 400
    report = tmp_path / "besar.txt"
    report.write_text("Tabel 3.1 Realisasi Anggaran\n\nNo\tProgram\tPagu\tRealisasi\tSisa\n"
                      f"1\tProgram A\t{big}\t{big - 1}\t1\n2\tProgram B\t{bigger}\t1000\t{bigger - 1000}\n"
                      f"\tJumlah\t{big + bigger}\t{big - 1 + 1000}\t{bigger - 999}\n", encoding="utf-8")
    result = audit(report)
    assert result.findings == []
    report.write_text(report.read_text(encoding="utf-8").replace(f"\t{bigger - 999}", f"\t{bigger - 998}"),
                      encoding="utf-8")
    # one unit off in 401 digits: both the column's sum and the row's own pagu − realisasi say so
    assert [(f.rule, f.reported - f.expected) for f in audit(report).findings] == [("footing-total", 1),
                                                                                   ("row-sisa", 1)]


def test_invisible_marks_and_form_feeds_do_not_hide_a_figure_or_split_a_row(tmp_path):
    report = tmp_path / "tak_terlihat.txt"
    report.write_text("Tabel 3.1 Realisasi Anggaran\n\nNo\tProgram\tPagu\tRealisasi\tSisa\n"
                      "1\tProgram A\t600\u200f.000\t500.000\t100.000\n"
                      "2\tProgram\fB\t300.000\t200\u200b.000\t100.000\n"
                      "\tJumlah\t900.000\t700.000\t300.000\n", encoding="utf-8")
    result = audit(report)
    table, = result.tables
    assert len(table.rows) == 3 and table.rows[1].label == "Program B"
    assert sum("invisible characters" in r for r in table.repairs) == 2
    # the one planted error (the Jumlah's sisa), and nothing from the marks
    assert [(f.rule, f.item, f.reported, f.expected) for f in result.findings] == [
        ("footing-total", "Jumlah", Decimal(300_000), Decimal(200_000)),
        ("row-sisa", "Jumlah", Decimal(300_000), Decimal(200_000))]


def test_a_cp1252_line_in_a_utf8_file_garbles_only_itself(tmp_path):
    report = tmp_path / "campur.txt"
    text = ("Tabel 3.1 Realisasi Anggaran – Dinas Koperasi\n\nNo\tProgram\tPagu\tRealisasi\tSisa\n"
            "1\tProgram Pengembangan Usaha\t600.000\t500.000\t100.000\n")
    report.write_bytes(text.encode("utf-8") + "2\tProgram Café\t300.000\t200.000\t100.000\n".encode("cp1252"))
    table, = audit(report).tables
    assert "– Dinas Koperasi" in table.caption and table.rows[1].label == "Program Café"
