"""prose-table: a sentence that gives a named Program/Kegiatan/Sub Kegiatan its target and realisasi agrees
with that row of the performance table beside it (issue 16, claims against tables by name)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEPOK
from lkjip_audit.audit import audit
from tables import audit_text

TABLE = ["No.\tPROGRAM/ KEGIATAN/ SUB KEGIATAN\tINDIKATOR KINERJA\tTARGET\tREALISASI\t% CAPAIAN",
         "\tProgram Penilaian Kesehatan Koperasi Simpan Pinjam\tPersentase koperasi sehat\t25%\t36,36%\t145,44%",
         "\tKegiatan Penilaian Kesehatan Koperasi Simpan Pinjam di Daerah\tPersentase koperasi dinilai\t100%\t100%\t100%",
         "\tSub Kegiatan Pelaksanaan Penilaian Kesehatan Koperasi Kota\tJumlah koperasi dinilai\t{target}\t{real}\t{pct}",
         "\tSub Kegiatan Penghargaan Kesehatan Koperasi Kewenangan Kota\tJumlah koperasi diberi penghargaan\t5\t5\t100%"]
SENTENCE = ("Sub Kegiatan Pelaksanaan Penilaian Kesehatan Koperasi Kota memiliki indikator Jumlah koperasi dinilai "
            "dengan target kinerja {target} unit usaha dengan realisasi {real} unit usaha. Sub Kegiatan Penghargaan "
            "Kesehatan Koperasi Kewenangan Kota dengan target 5 unit usaha dan realisasi 5 unit usaha.")


def named(sentence_target, sentence_real, table_target=115, table_real=110, prose_first=False, gap=1):
    pct = f"{Decimal(table_real) / Decimal(table_target) * 100:.2f}".replace(".", ",") + " %"
    table = [r.format(target=table_target, real=table_real, pct=pct) for r in TABLE]
    prose = [SENTENCE.format(target=sentence_target, real=sentence_real)]
    blank = [""] * gap
    parts = (["BAB III", "", *prose, *blank, *table, ""] if prose_first else
             ["BAB III", "", *table, *blank, *prose, ""])
    return [(f.item, f.column, f.reported, f.expected, f.line, f.detail["en"]) for f in
            audit_text("\n".join(parts)).findings if f.rule == "prose-table"]


def test_the_figure_that_differs_from_the_named_row_is_the_finding():
    # Depok (004) line 824 says target 110 for the Sub Kegiatan whose row (line 819) prints target 115,
    # realisasi 110: the realisasi agrees, so the sentence describes that row, and its target differs.
    assert named(110, 110) == [("Sub Kegiatan Pelaksanaan Penilaian Kesehatan Koperasi Kota", "TARGET", 115, 110, 6,
                                "the text on line 9 says 110")]
    assert named(115, 100) == [("Sub Kegiatan Pelaksanaan Penilaian Kesehatan Koperasi Kota", "REALISASI", 110, 100,
                                6, "the text on line 9 says 100")]


def test_a_sentence_before_its_table_is_compared_too():
    assert [f[:4] for f in named(110, 110, prose_first=True)] == [
        ("Sub Kegiatan Pelaksanaan Penilaian Kesehatan Koperasi Kota", "TARGET", 115, 110)]


@pytest.mark.parametrize("target, real", [
    (115, 110),  # both agree
    (300, 290),  # both differ: another indicator of the row, or another year; nothing says which figure is wrong
])
def test_no_finding_without_exactly_one_figure_differing(target, real):
    assert named(target, real) == []


def test_a_table_far_from_the_sentence_is_not_compared():
    from lkjip_audit.checks.prose import NEAR_TABLE_LINES
    assert named(110, 110, gap=NEAR_TABLE_LINES + 2) == []
    assert named(110, 110, gap=NEAR_TABLE_LINES - 2) != []


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 5000), st.integers(1, 5000), st.integers(-3, 3).filter(lambda d: d != 0),
       st.booleans(), st.booleans())
def test_generated_rows_and_sentences(target, real, slip, slip_target, prose_first):
    """Whatever the figures, a sentence repeating the row's target and realisasi gives nothing, and one with a
    single figure changed gives exactly that figure as the finding."""
    assert named(target, real, target, real, prose_first) == []
    said = (target + slip, real) if slip_target else (target, real + slip)
    if said[0] <= 0 or said[1] <= 0:
        return
    found = named(*said, target, real, prose_first)
    assert [(f[1], f[2], f[3]) for f in found] == [
        ("TARGET", target, said[0]) if slip_target else ("REALISASI", real, said[1])]


def test_depok_line_824_against_the_table_above_it():
    result = audit(DEPOK)
    table = next(t for t in result.tables if t.lines == (816, 822))
    assert [(f.table, f.line, f.column, f.reported, f.expected, f.detail["id"]) for f in result.findings
            if f.rule == "prose-table" and f.table == table.id] == [
        (table.id, 819, "TARGET", 115, 110, "teks baris 824 menyebut 110")]
