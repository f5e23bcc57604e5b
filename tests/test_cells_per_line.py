"""A budget table whose rows go on one cell per line (OCR of a table whose cells the reader took apart): a
kode alone on its line, its label's lines, its figures one per line. Read when the figures confirm it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tables import audit_text, grouped

WHOLE = ["Tabel 3.8 Realisasi Anggaran Program dan Kegiatan", "",
         "2.17.01 PROGRAM PENUNJANG URUSAN 1.000.000 900.000 90.00 100.000",
         "2.17.01.2.01 Perencanaan Penganggaran 400.000 360.000 90.00 40.000",
         "2.17.01.2.01.01 Penyusunan Dokumen 400.000 360.000 90.00 40.000",
         "2.17.01.2.02 Administrasi Keuangan 600.000 540.000 90.00 60.000"]


def one_cell_per_line(kode: str, label: str, figures: list[str]) -> list[str]:
    lines = [kode, ""]
    for word in label.split(" / "):
        lines += [word]
    for figure in figures:
        lines += ["", figure]
    return lines + [""]


def test_rows_printed_one_cell_per_line_are_read_and_checked():
    text = WHOLE + one_cell_per_line("2.17.01.2.02.01", "Penyediaan Gaji / dan Tunjangan ASN",
                                     ["600.000", "540.000", "90.00", "50.000"]) + ["", "Sumber: Dinas", ""]
    result = audit_text("\n".join(text) + "\n")
    (table,) = [t for t in result.tables if t.has_budget]
    gaji = table.rows[-1]
    assert (gaji.marker, gaji.label, gaji.level.value) == ("2.17.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN",
                                                           "Sub Kegiatan")
    # Each figure keeps its own line: 600.000 on line 12, the sisa 50.000 on line 18.
    assert [gaji.line_of(c) for c in (2, 5)] == [12, 18]
    # 600.000 - 540.000 = 60.000, printed 50.000: the row and its Kegiatan's sisa.
    assert [(f.rule, f.line, f.reported, f.expected) for f in result.findings] == [
        ("footing-children", 6, Decimal(60000), Decimal(50000)), ("row-sisa", 18, Decimal(50000), Decimal(60000))]


def test_figures_that_do_not_confirm_the_layout_leave_it_unread():
    # Five numbers where the rows above print four: not this layout. The open group (Kegiatan 2.17.01.2.02,
    # whose Sub Kegiatan would stand there) is left out rather than checked against none of its parts.
    text = WHOLE + one_cell_per_line("2.17.01.2.02.01", "Penyediaan Gaji", ["600.000", "540.000", "90.00",
                                                                          "60.000", "12"])
    result = audit_text("\n".join(text) + "\n")
    (table,) = [t for t in result.tables if t.has_budget]
    assert [r.marker for r in table.rows] == ["2.17.01", "2.17.01.2.01", "2.17.01.2.01.01"]
    assert any("rows from line 6 left out" in r for r in table.repairs)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(1, 90_000), st.integers(0, 100)), min_size=1, max_size=6))
def test_generated_rows_one_cell_per_line_foot_with_the_rows_printed_whole(subs):
    # Sub Kegiatan of the last Kegiatan printed one cell per line, the Kegiatan and Program printed whole and
    # their sums right: no finding, every row read.
    amounts = [(pagu * 1000, pagu * 10 * spent) for pagu, spent in subs]
    pagu, realisasi = sum(p for p, _ in amounts), sum(r for _, r in amounts)

    def figures(p: int, r: int) -> list[str]:
        return [grouped(p), grouped(r), f"{r / p * 100:.2f}", grouped(p - r)]

    text = ["Tabel 3.8 Realisasi Anggaran", "",
            f"2.17.01 PROGRAM PENUNJANG {' '.join(figures(pagu + 400_000, realisasi + 360_000))}",
            f"2.17.01.2.01 Perencanaan Penganggaran {' '.join(figures(400_000, 360_000))}",
            f"2.17.01.2.01.01 Penyusunan Dokumen {' '.join(figures(400_000, 360_000))}",
            f"2.17.01.2.02 Administrasi Keuangan {' '.join(figures(pagu, realisasi))}"]
    for n, (p, r) in enumerate(amounts, start=1):
        text += one_cell_per_line(f"2.17.01.2.02.{n:02d}", f"Sub Kegiatan / Nomor {n}", figures(p, r))
    result = audit_text("\n".join(text) + "\n")
    (table,) = [t for t in result.tables if t.has_budget]
    assert [r.marker for r in table.rows][4:] == [f"2.17.01.2.02.{n:02d}" for n in range(1, len(amounts) + 1)]
    assert result.findings == []


def test_a_row_printed_one_cell_per_line_without_a_label_keeps_its_figures_lines():
    # A Program row whose label went to another line of the scan: its figures still stand on their own lines.
    text = WHOLE + ["2.17.01.2.02.01", "", "600.000", "", "540.000", "", "90.00", "", "50.000", ""]
    result = audit_text("\n".join(text) + "\n")
    (table,) = [t for t in result.tables if t.has_budget]
    row = table.rows[-1]
    assert row.marker == "2.17.01.2.02.01" and [row.line_of(c) for c in (2, 3, 4, 5)] == [9, 11, 13, 15]


def test_a_kode_ocr_read_without_a_dot_after_a_row_s_figures_starts_the_next_row():
    # The scanned budget pages of 000's ruled rendering: `2.17.07` read `217.07`. After a row's
    # four figures, a number followed by words is the next row's kode; before, the fifth "figure" made the
    # layout unconfirmed and every row below was left out.
    text = WHOLE + one_cell_per_line("2.17.01.2.02.01", "Penyediaan Gaji / dan Tunjangan ASN",
                                     ["600.000", "540.000", "90.00", "60.000"]) \
        + one_cell_per_line("217.02", "PROGRAM PELAYANAN / IZIN USAHA", ["500.000", "400.000", "80.00", "100.000"]) \
        + one_cell_per_line("2.17.02.2.01", "Penerbitan Izin", ["500.000", "400.000", "80.00", "10.000"])
    result = audit_text("\n".join(text) + "\n")
    (table,) = [t for t in result.tables if t.has_budget]
    assert [r.marker for r in table.rows][4:] == ["2.17.01.2.02.01", "217.02", "2.17.02.2.01"]
    assert [r.label for r in table.rows][5] == "PROGRAM PELAYANAN IZIN USAHA"
    # the planted sisa (500.000 - 400.000 = 100.000, printed 10.000) is found on its row
    assert ("row-sisa", Decimal(10000), Decimal(100000)) in [(f.rule, f.reported, f.expected) for f in result.findings]


def test_a_figure_after_a_row_s_figures_with_no_words_after_it_is_not_a_kode():
    # five figures in a row and then a kode: the layout is not confirmed, as before
    text = WHOLE + one_cell_per_line("2.17.01.2.02.01", "Penyediaan Gaji", ["600.000", "540.000", "90.00",
                                                                          "60.000", "12.05"]) \
        + one_cell_per_line("2.17.01.2.02.02", "Penyediaan Honor", ["100.000", "90.000", "90.00", "10.000"])
    result = audit_text("\n".join(text) + "\n")
    (table,) = [t for t in result.tables if t.has_budget]
    assert [r.marker for r in table.rows] == ["2.17.01", "2.17.01.2.01", "2.17.01.2.01.01"]
