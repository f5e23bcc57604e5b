"""Tables OCR put one paragraph per cell (`ingest/cell_paragraphs.py`): a row's label broken into short lines,
its amounts each on a line of their own, blank lines between. Read only when a relation between the rows'
own amounts holds on most rows; that relation also names the columns."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import KUKAR_OCR
from lkjip_audit.ingest.cell_paragraphs import find_cell_paragraph_tables
from lkjip_audit.ingest.pdf import _without_furniture
from tables import audit_text, grouped


def _efisiensi(result):
    return next(t for t in result.tables if t.caption.startswith("Tabel 3.6.1"))


def test_kukar_tabel_3_6_1_is_read_from_its_paragraphs(kukar):
    # Lines 970-1075: "Tabel 3.6.1 / Efisiensi Penggunaan Sumber Daya", each Program's name over four or five
    # lines, then `600.000.000,-`, `475.245.927 -`, `124.754.073,-` each a paragraph of its own, then
    # "Terjadi / Efisiensi". The last row OCR read flat on line 1073. Every row holds sisa = pagu - realisasi.
    table = _efisiensi(kukar)
    assert [c.role.value for c in table.columns] == ["label", "pagu", "realisasi", "sisa"]
    assert [(r.line, r.label) for r in table.rows] == [
        (982, "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI"),
        (997, "PROGRAM PENILAIAN KESEHATAN KSP/USP KOPERASI"),
        (1012, "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN"),  # its `0%` line is no part of the label
        (1027, "PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI"),
        (1057, "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)"),
        (1073, "PROGRAM PENGEMBANGAN Efisiensi UMKM")]
    pengawasan = table.rows[0]
    assert [pengawasan.values[i].value for i in (1, 2, 3)] == [600000000, 475245927, 124754073]
    assert [pengawasan.line_of(i) for i in (1, 2, 3)] == [988, 990, 992]
    assert any("lines 982-1073: 6 table rows printed one paragraph per cell" in r and "6 of 6 rows" in r
               and "line(s) 1073 printed flat on one line" in r for r in table.repairs)
    assert not [f for f in kukar.findings if 982 <= (f.line or 0) <= 1075]


def test_a_typo_in_kukar_tabel_3_6_1_is_found_on_its_row():
    lines = KUKAR_OCR.read_text(encoding="utf-8").split("\n")
    assert lines[1072].strip().startswith("PROGRAM 8.201.162.000,- 7.216.071.732,- 985.090.268, -")
    lines[1072] = lines[1072].replace("985.090.268", "985.900.268")  # the flat row's sisa
    assert lines[1019] == "198.308.000,-"
    lines[1019] = "198.380.000,-"  # a realisasi printed as a paragraph of its own
    result = audit_text("\n".join(lines))
    found = [(f.rule, f.line, f.reported, f.expected) for f in result.findings if 982 <= (f.line or 0) <= 1075]
    assert found == [("row-sisa", 1022, 1692000, 200000000 - 198380000),
                     ("row-sisa", 1073, 985900268, 985090268)]


def test_paragraphs_whose_amounts_hold_no_relation_are_no_table():
    text = "\n".join(sum(([f"PROGRAM NOMOR {n}", "", f"{n}00.000.000,-", "", f"{n}1.000.000,-", "",
                           f"{n}7.500.000,-", "", "Terjadi", "Efisiensi", ""] for n in range(1, 6)), []))
    assert find_cell_paragraph_tables(text.split("\n")) == []


def test_a_text_layer_without_blank_lines_gives_each_row_its_own_label():
    # A PDF's text layer: no blank lines, the row above's keterangan ("Terjadi Efisiensi") and a page's
    # last words run into the next label. A label begins at its level's word.
    lines = []
    for n, (pagu, realisasi) in enumerate([(600_000_000, 475_245_927), (645_000_000, 419_314_060),
                                           (200_000_000, 198_308_000)], start=1):
        lines += ["PROGRAM", f"NOMOR {n}", "KOPERASI", f"{grouped(pagu)},-", f"{grouped(realisasi)},-",
                  f"{grouped(pagu - realisasi)},-", "Terjadi", "Efisiensi"]
    (table,) = find_cell_paragraph_tables(lines)
    assert [r.cells[0] for r in table.rows[1:]] == [f"PROGRAM NOMOR {n} KOPERASI" for n in (1, 2, 3)]


def test_a_word_of_a_table_at_a_page_top_is_not_page_furniture():
    # Kukar's PDF: "PROGRAM" opens pages 18 and 19 (a label's first line) and stands on many lines inside
    # the pages; the running header stands at every page's top and nowhere else.
    pages = [["LKjIP Dinas Koperasi 2023", "PROGRAM", "PENDIDIKAN", "200.000.000,-", "PROGRAM", "PEMBERDAYAAN",
              "x", "y", "z"] for _ in range(4)]
    lines = [s for page in pages for s in page]
    line_pages = [n for n, page in enumerate(pages, start=1) for _ in page]
    bare = _without_furniture(lines, line_pages, {"LKjIP Dinas Koperasi 2023", "PROGRAM"})
    assert [s for s, p in zip(bare, line_pages) if p == 2][:3] == ["", "PROGRAM", "PENDIDIKAN"]


@st.composite
def paragraph_rows(draw):
    """Consistent Program rows (pagu, realisasi, sisa) printed one paragraph per cell as OCR does: the label
    broken every word or two, an OCR tail on the amounts, a keterangan after some rows, one row maybe flat."""
    count = draw(st.integers(3, 8))
    flat = draw(st.one_of(st.none(), st.integers(0, count - 1)))
    lines, amounts = ["Tabel 3.6.1", "Efisiensi Penggunaan Sumber Daya", ""], []
    for n in range(count):
        pagu = draw(st.integers(10_000, 9_000_000)) * 1_000
        # Every amount of at least a thousand: a figure without a thousands dot is no rupiah amount.
        realisasi = draw(st.integers(1, pagu // 1_000 - 2)) * 1_000 + draw(st.integers(0, 999))
        row = [pagu, realisasi, pagu - realisasi]
        tails = [draw(st.sampled_from([",-", " -", ". -", ",00", ""])) for _ in row]
        words = ["PROGRAM", *draw(st.lists(st.sampled_from(["PEMBERDAYAAN", "KOPERASI", "USAHA", "MIKRO", "DAN",
                                                            "PENGAWASAN", "KECIL"]), min_size=1, max_size=5))]
        first = len(lines) + 1
        if n == flat:
            lines += [f"{words[0]} " + " ".join(grouped(a) + t for a, t in zip(row, tails)) + " Terjadi",
                      " ".join(words[1:]), ""]
        else:
            step = draw(st.integers(1, 2))
            lines += [" ".join(words[i:i + step]) for i in range(0, len(words), step)] + [""]
            for amount, tail in zip(row, tails):
                lines += [grouped(amount) + tail, ""]
            if draw(st.booleans()):
                lines += ["Terjadi", "Efisiensi", ""]
        amounts.append((first, row))
    lines += ["Dari tabel 3.6.1 dapat dilihat bahwa efisiensi telah dilakukan dalam penggunaan anggaran."]
    return lines, amounts


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph_rows())
def test_generated_paragraph_tables_are_read_whole_and_give_no_finding(generated):
    lines, amounts = generated
    result = audit_text("\n".join(lines) + "\n")
    (table,) = [t for t in result.tables if t.caption.startswith("Tabel 3.6.1")]
    assert [c.role.value for c in table.columns] == ["label", "pagu", "realisasi", "sisa"]
    assert [[v.value for v in r.values[1:]] for r in table.rows] == [row for _, row in amounts]
    assert result.findings == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph_rows(), st.data())
def test_one_changed_amount_in_a_paragraph_table_is_the_one_finding(generated, data):
    lines, amounts = generated
    first, row = data.draw(st.sampled_from(amounts))
    printed = grouped(row[data.draw(st.integers(0, 2))])
    where = next(i for i in range(first - 1, len(lines)) if printed in lines[i])
    changed = grouped(int(printed.replace(".", "")) + 1_000 * data.draw(st.integers(1, 9)))
    lines[where] = lines[where].replace(printed, changed, 1)
    result = audit_text("\n".join(lines) + "\n")
    assert [f.rule for f in result.findings] == ["row-sisa"]
