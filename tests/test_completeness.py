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

# Kediri 2021 (001): chapters at lines 67, 214, 422, 667; no Ikhtisar (its contents list starts at Bab I)
# and no annexes in the text. Bab III has no Renstra or national comparison (no "jangka menengah",
# "standar nasional"); line 436 says the programs are "dibandingkan dengan tahun lalu" but shows no such
# comparison; causes appear only in the outline of Bab IV (line 204); Tabel 3.3 "Efisiensi Cost per
# Outcomes" (line 652) sets capaian against serapan; Tabel 3.2 lists each Program with its indicator but no
# analysis; Bab IV has one sentence on improving next year (line 671). RKT is named only in the list of
# annexes in Bab I (line 211).
KEDIRI = {"ikhtisar": M, "bab1": F, "bab1.profil": F, "bab1.sdm": F, "bab2": F, "bab2.renstra": F,
          "bab2.rkt": P, "bab2.pk": F, "bab3": F, "bab3.1": F, "bab3.2": P, "bab3.3": M, "bab3.4": M, "bab3.5": P,
          "bab3.6": F, "bab3.7": P, "bab3.anggaran": F, "bab4": F, "bab4.perbaikan": P, "lampiran": M}
# Flores Timur 2023 (002): Bab I-IV at lines 52, 482, 817, 1508; no Ikhtisar, no annexes. Bab II has the PK
# (line 488) but no Renstra summary (Renstra is named only in Bab III, line 851) and no RKT. Bab III has
# "A. Capaian Kinerja Organisasi" (line 839) and "B. Realisasi Anggaran" (line 1495) with the blocks, and
# none of analyses 2-7; "tahun sebelumnya" appears only in Bab II (line 506). Bab IV lists obstacles and
# "Langkah antisipasi" (lines 1517-1535) without a heading of its own.
FLOTIM = {"ikhtisar": M, "bab1": F, "bab1.profil": F, "bab1.sdm": F, "bab2": F, "bab2.renstra": P,
          "bab2.rkt": M, "bab2.pk": F, "bab3": F, "bab3.1": F, "bab3.2": P, "bab3.3": M, "bab3.4": M, "bab3.5": P,
          "bab3.6": M, "bab3.7": M, "bab3.anggaran": F, "bab4": F, "bab4.perbaikan": P, "lampiran": M}
# Depok 2023 (004): Ikhtisar at line 40, Bab I-IV at 71, 410, 541, 1053; analyses numbered 3.2-3.7 (lines
# 647, 665, 683, 700, 913, 1004) as its contents list promises, "D. Realisasi Anggaran" (1041), "4.1
# Tindaklanjut atas Rekomendasi" (1062). RKT is named only in the Ikhtisar (line 46); LAMPIRAN only in the
# outline (line 406): the text holds no annex.
DEPOK = {"ikhtisar": F, "bab1": F, "bab1.profil": F, "bab1.sdm": F, "bab2": F, "bab2.renstra": F,
         "bab2.rkt": P, "bab2.pk": F, "bab3": F, "bab3.1": F, "bab3.2": F, "bab3.3": F, "bab3.4": F, "bab3.5": F,
         "bab3.6": F, "bab3.7": F, "bab3.anggaran": F, "bab4": F, "bab4.perbaikan": F, "lampiran": P}
# Kutai Kartanegara 2023 (000, OCR text): "BAB |" PENDAHULUAN (line 41), "BAB Il" (222), "BAB IlI" (521),
# BAB IV (1612); analyses 3.1-3.7 as numbered headings, except 3.2 whose heading the OCR scrambled over
# three lines (711-715), so only its text is seen (line 738, "realisasi kinerja tahun sebelumnya"). Bab I
# and Bab II carry SDM and Renstra/RKT only in running text (lines 133, 266).
KUKAR = {"ikhtisar": M, "bab1": F, "bab1.profil": F, "bab1.sdm": P, "bab2": F, "bab2.renstra": P,
         "bab2.rkt": P, "bab2.pk": F, "bab3": F, "bab3.1": F, "bab3.2": P, "bab3.3": F, "bab3.4": F, "bab3.5": F,
         "bab3.6": F, "bab3.7": F, "bab3.anggaran": F, "bab4": F, "bab4.perbaikan": F, "lampiran": M}


def _statuses(result):
    return {item.key: item.status for item in result.checklist}


@pytest.mark.parametrize("fixture, expected", [("kediri", KEDIRI), ("flotim", FLOTIM), ("depok", DEPOK)])
def test_every_part_of_each_report_has_the_status_read_by_hand(request, fixture, expected):
    assert _statuses(request.getfixturevalue(fixture)) == expected


def test_the_ocr_report_too():
    # Read from the text alone, without its tables.
    from lkjip_audit import ingest
    from lkjip_audit.checks.completeness import checklist

    document = ingest.read(KUKAR_OCR)
    assert {i.key: i.status for i in checklist([], document.lines)} == KUKAR


def test_evidence_names_the_heading_or_table_and_its_line(kediri, depok):
    depok_items = {i.key: i for i in depok.checklist}
    chapter, = depok_items["bab3"].evidence
    assert (chapter.kind, chapter.line, chapter.excerpt) == ("chapter", 541, "BAB III AKUNTABILITAS KINERJA")
    first = depok_items["bab3.4"].evidence[0]
    assert (first.kind, first.line) == ("heading", 683)
    assert first.excerpt.startswith("3.4. Perbandingan antara Realisasi Kinerja Tahun ini dengan")
    kediri_items = {i.key: i for i in kediri.checklist}
    efficiency = kediri_items["bab3.6"]
    # T7 (lines 452-517, the RKPD evaluation table: "Tingkat Capaian Kinerja dan Realisasi Anggaran" K and Rp)
    # and T9 (Tabel 3.3, line 654) both set capaian beside serapan.
    assert [(e.kind, e.table) for e in efficiency.evidence] == [("table", "T7"), ("table", "T9")]
    assert efficiency.how["en"] == "a table setting achievement against budget absorption in BAB III AKUNTABILITAS KINERJA"
    assert kediri_items["bab3.5"].how["en"] == "not in its chapter; mentioned elsewhere"
    assert kediri_items["bab3.5"].evidence[0].line == 204


def test_arithmetic_findings_on_a_required_table_are_linked_to_its_part(kediri):
    efficiency = next(i for i in kediri.checklist if i.key == "bab3.6")
    # Tabel 3.3's findings: its two % slips (lines 661, 662), its closing row's two "averages" (663), the two
    # prose figures set against it; and T7's 20 (quarters, % slips, four capaian K, printed #DIV/0!, one prose
    # figure, two Programs other tables print differently) and T9's two such Programs.
    on_t9 = [f.id for f in kediri.findings if f.table == "T9"]
    on_t7 = [f.id for f in kediri.findings if f.table == "T7"]
    linked = [f.id for f in kediri.findings if f.table in ("T7", "T9")]  # in reading order
    assert efficiency.findings == linked and (len(on_t7), len(on_t9)) == (20, 8)
    assert efficiency.findings_note("en") == f"28 findings on its tables ({', '.join(linked[:8])} …)"


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
    assert {p["key"]: p["status"] for p in document["checklist"]["parts"]} == KEDIRI
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
