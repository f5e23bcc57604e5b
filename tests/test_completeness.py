"""Kelengkapan LKjIP on the four shared reports: every part's status, checked by hand against the report
(line numbers are those of the text files), its evidence, the arithmetic findings linked to it, the
suggested Pelaporan answers, and the workbook sheet with the evaluator's answers kept across a re-run."""

import json

import pytest
from openpyxl import load_workbook

from conftest import KUKAR_OCR
from lkjip_audit.audit import write_outputs
from lkjip_audit.checks.completeness import FOUND, MISSING, PARTLY, suggested_answers

F, P, M = FOUND, PARTLY, MISSING

# Each part: its status and the line of its first evidence (None: no evidence), read by hand in the text.
# Kediri 2021 (001): chapters at lines 67, 214, 422, 667; no Ikhtisar (its contents list, lines 39-65, starts
# at Bab I; the list is neither a table nor evidence) and no annexes in the text. "2. SUMBER DAYA APARATUR"
# (142) over the staff tables. Bab III has no Renstra or national comparison (no "jangka menengah",
# "standar nasional"); line 436 says the programs are "dibandingkan dengan tahun lalu" but shows no such
# comparison; causes appear only in the outline of Bab IV (line 204); Tabel 3.3 "Efisiensi Cost per
# Outcomes" (caption line 652) sets capaian against serapan; the RKPD table (line 452) lists each Program
# with its indicator but no analysis; Bab IV has one sentence on improving next year (line 671). RKT is
# named only in the list of annexes in Bab I (line 211).
KEDIRI = {"ikhtisar": (M, None), "bab1": (F, 67), "bab1.profil": (F, 101), "bab1.sdm": (F, 142),
          "bab2": (F, 214), "bab2.renstra": (F, 218), "bab2.rkt": (P, 211), "bab2.pk": (F, 264), "bab3": (F, 422),
          "bab3.1": (F, 434), "bab3.2": (P, 436), "bab3.3": (M, None), "bab3.4": (M, None), "bab3.5": (P, 204),
          "bab3.6": (F, 652), "bab3.7": (P, 452), "bab3.anggaran": (F, 565), "bab4": (F, 667),
          "bab4.perbaikan": (P, 671), "lampiran": (M, None)}
# Flores Timur 2023 (002): Bab I-IV at lines 52, 482, 817, 1508; no Ikhtisar, no annexes. Staff: "2. Sumber
# Daya Perangkat Daerah" (175: "memiliki aparatur sipil negara (ASN) 28 orang"); "2. Keterbatasan Sumber
# Daya Manusia (SDM)" (311) is about the cooperatives' managers, so it is not evidence. Bab II has the PK
# (line 488) but no Renstra summary (Renstra is named only in Bab III, line 843) and no RKT. Bab III has
# "A. Capaian Kinerja Organisasi" (line 839) and "B. Realisasi Anggaran" (line 1495) with the blocks, and
# none of analyses 2-7; "tahun sebelumnya" appears only in Bab II (line 506). Bab IV lists obstacles and
# "Langkah antisipasi" (line 1558) without a heading of its own.
FLOTIM = {"ikhtisar": (M, None), "bab1": (F, 52), "bab1.profil": (F, 109), "bab1.sdm": (F, 175),
          "bab2": (F, 482), "bab2.renstra": (P, 843), "bab2.rkt": (M, None), "bab2.pk": (F, 488), "bab3": (F, 817),
          "bab3.1": (F, 839), "bab3.2": (P, 506), "bab3.3": (M, None), "bab3.4": (M, None), "bab3.5": (P, 291),
          "bab3.6": (M, None), "bab3.7": (M, None), "bab3.anggaran": (F, 1495), "bab4": (F, 1508),
          "bab4.perbaikan": (P, 1558), "lampiran": (M, None)}
# Depok 2023 (004): contents list at lines 14-38 (neither a table nor evidence); Ikhtisar at line 40, Bab I-IV
# at 71, 410, 541, 1053; "1.5 Sumber Daya Manusia" (298) over the staff tables; analyses numbered 3.2-3.7
# (lines 647, 665, 683, 700, 913, 1004) as its contents list promises, "D. Realisasi Anggaran" (1041), "4.1
# Tindaklanjut atas Rekomendasi" (1062). RKT is named only in the Ikhtisar (line 46). LAMPIRAN only in the
# outline of chapters (line 406, "Dalam lampiran menampilkan ..."): the text holds no annex, so it is missing;
# "LAMPIRAN PERATURAN WALI KOTA DEPOK" (280) opens a regulation's annex quoted in Bab I.
DEPOK = {"ikhtisar": (F, 40), "bab1": (F, 71), "bab1.profil": (F, 103), "bab1.sdm": (F, 298), "bab2": (F, 410),
         "bab2.renstra": (F, 412), "bab2.rkt": (P, 46), "bab2.pk": (F, 492), "bab3": (F, 541), "bab3.1": (F, 584),
         "bab3.2": (F, 647), "bab3.3": (F, 665), "bab3.4": (F, 683), "bab3.5": (F, 700), "bab3.6": (F, 913),
         "bab3.7": (F, 1004), "bab3.anggaran": (F, 1041), "bab4": (F, 1053), "bab4.perbaikan": (F, 1062),
         "lampiran": (M, 406)}
# Kutai Kartanegara 2023 (000, OCR text): "BAB |" PENDAHULUAN (line 41), "BAB Il" (222), "BAB IlI" (521),
# BAB IV (1612); analyses 3.1-3.7 as numbered headings, except 3.2 whose heading the OCR scrambled over
# three lines (711-715), so only its text is seen (line 634, "capaian tahun lalu 2022"). Staff: the captions
# "Tabel 1.2 Jumlah Pegawai ..." (182) and "Tabel 1.3 Data Pegawai ..." (199). Bab II carries Renstra and RKT
# only in running text (line 266); "PERJANJIAN KINERJA TAHUN 2023" (409).
KUKAR = {"ikhtisar": (M, None), "bab1": (F, 41), "bab1.profil": (F, 121), "bab1.sdm": (F, 199), "bab2": (F, 222),
         "bab2.renstra": (P, 266), "bab2.rkt": (P, 266), "bab2.pk": (F, 409), "bab3": (F, 521), "bab3.1": (F, 524),
         "bab3.2": (P, 634), "bab3.3": (F, 751), "bab3.4": (F, 772), "bab3.5": (F, 800), "bab3.6": (F, 950),
         "bab3.7": (F, 1082), "bab3.anggaran": (F, 1208), "bab4": (F, 1612), "bab4.perbaikan": (F, 1615),
         "lampiran": (M, None)}


def _statuses(items):
    return {item.key: (item.status, item.evidence[0].line if item.evidence else None) for item in items}


@pytest.mark.parametrize("fixture, expected", [("kediri", KEDIRI), ("flotim", FLOTIM), ("depok", DEPOK)])
def test_every_part_of_each_report_has_the_status_and_evidence_read_by_hand(request, fixture, expected):
    assert _statuses(request.getfixturevalue(fixture).checklist) == expected


def test_the_ocr_report_too():
    # Read from the text alone, without its tables.
    from lkjip_audit import ingest
    from lkjip_audit.checks.completeness import checklist

    document = ingest.read(KUKAR_OCR)
    assert _statuses(checklist([], document.lines)) == KUKAR


def test_the_contents_list_is_never_a_table_nor_evidence(kediri, depok):
    for result, (start, end) in ((kediri, (39, 65)), (depok, (14, 38))):
        assert not [t.id for t in result.tables if t.lines and start <= t.lines[0] <= end]
        assert not [(i.key, e.line) for i in result.checklist for e in i.evidence if e.line and start <= e.line <= end]


def test_evidence_names_the_heading_or_table_and_its_line(kediri, depok):
    depok_items = {i.key: i for i in depok.checklist}
    chapter, = depok_items["bab3"].evidence
    assert (chapter.kind, chapter.line, chapter.excerpt) == ("chapter", 541, "BAB III AKUNTABILITAS KINERJA")
    first = depok_items["bab3.4"].evidence[0]
    assert (first.kind, first.line) == ("heading", 683)
    assert first.excerpt.startswith("3.4. Perbandingan antara Realisasi Kinerja Tahun ini dengan")
    kediri_items = {i.key: i for i in kediri.checklist}
    efficiency = kediri_items["bab3.6"]
    # The caption of Tabel 3.3 (line 652); T6 (lines 452-517, the RKPD evaluation table: "Tingkat Capaian
    # Kinerja dan Realisasi Anggaran" K and Rp) and T8 (Tabel 3.3, line 654) both set capaian beside serapan.
    assert [(e.kind, e.line, e.table) for e in efficiency.evidence] == [("heading", 652, None), ("table", 452, "T6"),
                                                                       ("table", 654, "T8")]
    assert efficiency.how["en"] == ("a heading and a table setting achievement against budget absorption in BAB III "
                                    "AKUNTABILITAS KINERJA")
    assert kediri_items["bab3.5"].how["en"] == "not in its chapter; mentioned elsewhere"
    assert kediri_items["bab3.5"].evidence[0].line == 204


def test_arithmetic_findings_on_a_required_table_are_linked_to_its_part(kediri):
    efficiency = next(i for i in kediri.checklist if i.key == "bab3.6")
    # Tabel 3.3's findings: its two % slips (lines 661, 662), its closing row's two "averages" (663), the two
    # prose figures set against it; and T6's 22 (quarters, % slips, five capaian K, printed #DIV/0!, one prose
    # figure, two Programs other tables print differently) and T8's two such Programs.
    on_t9 = [f.id for f in kediri.findings if f.table == "T8"]
    on_t7 = [f.id for f in kediri.findings if f.table == "T6"]
    linked = [f.id for f in kediri.findings if f.table in ("T6", "T8")]  # in reading order
    assert efficiency.findings == linked and (len(on_t7), len(on_t9)) == (22, 8)
    assert efficiency.findings_note("en") == f"30 findings on its tables ({', '.join(linked[:8])} …)"


def test_suggested_answers_follow_the_parts(kediri, depok):
    def answers(result):
        return {a.criterion.key: a.answer for a in suggested_answers(result.checklist)}

    assert answers(depok) == {"PK-1": P, "PK-2": F, "PK-3": F, "PK-4": F, "PK-5": F, "PK-6": F, "PK-7": F,
                              "PK-8": F, "PK-9": F}
    assert answers(kediri) == {"PK-1": P, "PK-2": F, "PK-3": M, "PK-4": P, "PK-5": M, "PK-6": P, "PK-7": F,
                               "PK-8": F, "PK-9": P}


def test_checklist_sheet_and_json_and_the_evaluators_answers_survive_a_rerun(tmp_path, kediri):
    paths = write_outputs(kediri, tmp_path)
    document = json.loads(paths["findings"].read_text(encoding="utf-8"))
    assert {p["key"]: p["status"] for p in document["checklist"]["parts"]} == {k: v[0] for k, v in KEDIRI.items()}
    assert document["checklist"]["pelaporan"][2] == {
        "criterion": "PK-3", "text": "Menyajikan perbandingan realisasi dengan target jangka menengah",
        "suggested": "Tidak", "because": ["(3) Dibandingkan dengan target jangka menengah (Renstra): tidak ada"]}

    wb = load_workbook(paths["workbook"])
    ws = wb["Kelengkapan LKjIP"]
    rows = {r[0].value: r for r in ws.iter_rows() if r[0].value}
    assert rows["bab3.6"][2].value == "ada" and rows["bab3.3"][2].value == "tidak ada"
    assert rows["PK-3"][2].value == "Tidak"
    rows["PK-3"][4].value = "Sebagian"  # the evaluator disagrees: Tabel 3.2 has Renstra targets elsewhere
    rows["PK-3"][5].value = "lihat lampiran Renstra"
    rows["bab3.7"][6].value = "analisis program ada di Bab IV"
    wb.save(paths["workbook"])

    write_outputs(kediri, tmp_path)
    rows = {r[0]: r for r in load_workbook(paths["workbook"])["Kelengkapan LKjIP"].iter_rows(values_only=True)
            if r[0]}
    assert rows["PK-3"][2:6] == ("Tidak", "(3) Dibandingkan dengan target jangka menengah (Renstra): tidak ada",
                                 "Sebagian", "lihat lampiran Renstra")
    assert rows["bab3.7"][6] == "analisis program ada di Bab IV"
