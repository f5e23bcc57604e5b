"""Contents lists (DAFTAR ISI, DAFTAR TABEL, ...): recognised as the report's map, never read as a table of
the report, and checked against the headings and tables the report has."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEPOK, KEDIRI
from lkjip_audit.audit import audit
from lkjip_audit.ingest.document import RawRow, RawTable
from lkjip_audit.understand.contents import find_contents, is_contents_table, read_entry

WORDS = ["Capaian", "Kinerja", "Realisasi", "Anggaran", "Program", "Sasaran", "Analisis", "Efisiensi", "Rencana",
         "Strategis", "Perjanjian", "Sumber", "Daya", "Manusia", "Tugas", "Fungsi"]


def test_depok_and_kediri_contents_lists_are_read_as_maps():
    depok = find_contents(DEPOK.read_text(encoding="utf-8").splitlines())
    # Depok lines 14-38: "DAFTAR ISI", then 23 entries from "DAFTAR ISI\t1" to "BAB IV PENUTUP\t38".
    assert depok.spans == [(14, 38)]
    assert [(e.line, e.title, e.page, e.kind) for e in (depok.entries[0], depok.entries[5], depok.entries[-1])] == [
        (16, "DAFTAR ISI", "1", "section"), (21, "I.3. Tugas dan Fungsi", "5", "section"),
        (38, "BAB IV PENUTUP", "38", "chapter")]
    kediri = find_contents(KEDIRI.read_text(encoding="utf-8").splitlines())
    # Kediri lines 39-65: "Halaman Judul.....\ti" to "BAB IV\tPENUTUP.....\t34"; line 67 "BAB I" is the body's.
    assert kediri.spans == [(39, 65)] and [e.line for e in kediri.entries] == list(range(41, 66))
    assert (kediri.entries[0].title, kediri.entries[0].page) == ("Halaman Judul", "i")
    assert (kediri.entries[-1].title, kediri.entries[-1].page) == ("BAB IV PENUTUP", "34")


def test_every_entry_of_depoks_contents_is_found_and_a_removed_heading_is_not(tmp_path):
    assert audit(DEPOK).contents.missing == []
    lines = DEPOK.read_text(encoding="utf-8").splitlines()
    # Line 683 "3.4. Perbandingan antara Realisasi Kinerja Tahun ini dengan Standar Nasional" taken out: the
    # contents entry "III.4. ..." (line 33, page 30) has nothing left to point at.
    assert lines[682].startswith("3.4. Perbandingan antara Realisasi Kinerja Tahun ini")
    edited = tmp_path / "depok_tanpa_3_4.txt"
    edited.write_text("\n".join(lines[:682] + lines[683:]) + "\n", encoding="utf-8")
    missing = audit(edited).contents.missing
    assert [(e.line, e.page, e.title) for e in missing] == [
        (33, "30", "III.4. Perbandingan antara realisasi kinerja tahun ini dengan standar nasional")]


def test_entries_with_leaders_tabs_or_ellipses():
    assert read_entry("II.1. Rencana Strategis.....\t16") == ("II.1. Rencana Strategis", "16")
    assert read_entry("Kata Pengantar ………………i") == ("Kata Pengantar", "i")
    assert read_entry("\t1.4 Strategi yang diambil Dinas.\t8") == ("1.4 Strategi yang diambil Dinas", "8")
    assert read_entry("BAB I") is None  # the body's chapter heading, not an entry "BAB" on page i
    assert read_entry("Jumlah pegawai 34 orang") is None


def _page(k: int, roman: bool) -> str:
    return ["i", "ii", "iii", "iv", "v"][k] if roman else str(k + 1)


@settings(max_examples=60, deadline=None)
@given(titles=st.lists(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6), min_size=3, max_size=25),
       steps=st.lists(st.integers(0, 9), min_size=25, max_size=25),
       numbered=st.booleans(), leaders=st.booleans(), captioned=st.booleans())
def test_a_generated_contents_table_is_never_a_table_of_the_report(titles, steps, numbered, leaders, captioned):
    pages, page = [], 1
    for step in steps[:len(titles)]:
        page += step
        pages.append(page)
    rows = []
    for k, (words, page) in enumerate(zip(titles, pages)):
        title = (f"{k + 1}.{k % 3 + 1} " if numbered else "") + " ".join(words) + ("....." if leaders else "")
        rows.append(RawRow((title, str(page)), line=k + 1))
    shown_as_list = numbered or leaders or captioned
    caption = "DAFTAR ISI" if captioned else ""
    assert is_contents_table(caption, [r.cells for r in rows]) == shown_as_list


@settings(max_examples=60, deadline=None)
@given(labels=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5), min_size=3, max_size=25),
       figures=st.lists(st.tuples(st.integers(0, 10**12), st.integers(0, 10**12)), min_size=25, max_size=25),
       one_figure=st.booleans())
def test_a_generated_data_table_is_never_a_contents_list(labels, figures, one_figure):
    rows = []
    for k, (words, (pagu, realisasi)) in enumerate(zip(labels, figures)):
        amounts = (f"{pagu:,}".replace(",", "."),) if one_figure else (f"{pagu:,}".replace(",", "."),
                                                                         f"{realisasi:,}".replace(",", "."))
        rows.append((f"{k + 1}. Program " + " ".join(words),) + amounts)
    # A one-figure list of Programs numbered like sections, whose amounts happen to rise, is the one case a
    # data table could pass as a contents list: amounts are more than three digits, pages are not.
    assert not is_contents_table("", rows)
    assert not is_contents_table("Tabel 3.1 Realisasi Anggaran", rows)


def test_a_table_of_figures_in_a_pdf_text_layer_is_left_out(tmp_path):
    text = Path(tmp_path / "laporan.txt")
    lines = ["BAB I PENDAHULUAN", "", "DAFTAR TABEL", "",
             "Tabel 1.1 Data Pegawai\t5", "Tabel 3.1 Capaian Kinerja\t20", "Tabel 3.2 Realisasi Anggaran\t24", "",
             "Isi laporan.", "", "Tabel 3.2 Realisasi Anggaran", "Program\tPagu\tRealisasi",
             "Program A\t1.000\t900", "Program B\t2.000\t1.500", "Jumlah\t3.000\t2.400"]
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = audit(text)
    assert [t.caption for t in result.tables] == ["Tabel 3.2 Realisasi Anggaran"]
    # Tabel 1.1 and 3.1 are listed, neither a heading nor a table in the report.
    assert [(e.line, e.kind, e.title) for e in result.contents.missing] == [
        (5, "table", "Tabel 1.1 Data Pegawai"), (6, "table", "Tabel 3.1 Capaian Kinerja")]
