"""Spreadsheet input (.xlsx, .csv): a real table exported the way agencies publish annexes reads like the
text of the report: same values row by row, same findings."""

from decimal import Decimal

from openpyxl import load_workbook

from conftest import KEDIRI
from lkjip_audit.checks import run_checks
from lkjip_audit.ingest import read
from lkjip_audit.understand import understand
from spreadsheet_fixtures import tab_table, write_xlsx_table

# Kediri Tabel 3.2 (lines 586-648): two header rows; "Realisasi Anggaran s/d Bulan Desember 2021" spans
# DAU, DAK, DBHCHT, Pajak Rokok and Total (columns G-K); the other headers span both header rows.
KEDIRI_3_2_MERGES = ["G2:K2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "L2:L3", "M2:M3"]


def _values(table):
    return [[v.amount if v else None for v in row.values] for row in table.rows]


def _arithmetic(tables):
    return [(f.rule, f.item, f.column, f.reported, f.expected) for f in run_checks(tables)]


def test_kediri_tabel_3_2_as_xlsx_gives_the_text_values_and_findings(tmp_path):
    caption, rows = tab_table(KEDIRI, "Tabel : 3.2.", last_row="JUMLAH")
    path = write_xlsx_table(tmp_path / "lampiran.xlsx", caption, rows, header_rows=2, merges=KEDIRI_3_2_MERGES)
    document = read(path)
    assert document.kind == "xlsx"
    text_table = next(t for t in understand(read(KEDIRI)) if t.caption.startswith("Tabel : 3.2."))
    xlsx_table, = understand(document)
    assert xlsx_table.caption == "Lampiran · " + caption
    assert xlsx_table.kind == "budget" and len(xlsx_table.rows) == len(text_table.rows) == 53
    assert [c.role for c in xlsx_table.columns] == [c.role for c in text_table.columns]
    # The merged header reads as one label per column, like the text's two header lines.
    assert xlsx_table.columns[6].header == "Realisasi Anggaran s/d Bulan Desember 2021 / DAU"
    assert _values(xlsx_table) == _values(text_table)
    # Row A (line 592 of the text; sheet row 4): pagu 5.087.297.982, realisasi 4.121.714.374, 81,02 %.
    program_a = xlsx_table.rows[0]
    assert program_a.line == 4
    assert [program_a.values[i].value for i in (5, 10, 11)] == [5087297982, 4121714374, Decimal("81.02")]
    # Every arithmetic finding of the text, the same; prose findings need the report's text.
    assert _arithmetic([xlsx_table]) == _arithmetic([text_table])
    assert len(_arithmetic([xlsx_table])) == 41
    assert any("G2:K2: merged cell 'Realisasi Anggaran s/d Bulan Desember 2021'" in r.what
               for r in document.tables[0].repairs)


def test_a_formula_without_a_saved_result_is_read_as_empty_and_said(tmp_path):
    caption, rows = tab_table(KEDIRI, "Tabel : 3.2.", last_row="JUMLAH")
    # The JUMLAH row (sheet row 57) computed by formulas, as an agency's workbook would, saved by a program
    # that does not compute them.
    jumlah = 3 + len(rows) - 2 - 1 + 1
    path = write_xlsx_table(tmp_path / "rumus.xlsx", caption, rows, header_rows=2, merges=KEDIRI_3_2_MERGES,
                            formulas={f"F{jumlah}": "=SUM(F4:F56)"})
    assert load_workbook(path)["Lampiran"][f"A{jumlah}"].value == "JUMLAH"
    document = read(path)
    table, = understand(document)
    total = table.rows[-1]
    assert total.label == "JUMLAH" and total.values[5] is None
    assert any(r.what.startswith(f"Lampiran!F{jumlah}: formula =SUM(F4:F56) has no saved result")
               for r in document.tables[0].repairs)
    # With the printed total gone, the Anggaran footing of JUMLAH is not checked; realisasi still is.
    found = {(f.rule, f.column) for f in run_checks([table]) if f.item == "JUMLAH"}
    assert ("footing-total", "Anggaran") not in found
    assert ("footing-total", "Realisasi Anggaran s/d Bulan Desember 2021 / Total") in found


def test_kediri_tabel_3_3_as_csv_with_semicolons_gives_the_two_percent_slips(tmp_path):
    caption, rows = tab_table(KEDIRI, "Tabel 3.3")
    path = tmp_path / "tabel_3_3.csv"
    # Excel in an Indonesian locale writes `;` between cells and keeps `1.234.567` and `94,46%` as shown.
    path.write_text("\n".join(";".join(f'"{c}"' if ";" in c else c for c in row) for row in [[caption], *rows])
                    + "\n", encoding="cp1252")
    table, = understand(read(path))
    assert table.kind == "efficiency" and len(table.rows) == 8
    assert [(f.rule, f.reported) for f in run_checks([table])] == [
        ("row-percent", Decimal("94.46")), ("row-percent", Decimal("68.76")),
        ("average-row", Decimal("93.14")), ("average-row", Decimal("87.38"))]
