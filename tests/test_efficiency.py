"""Efficiency tables: capaian kinerja beside the budget it used (kind, row-efficiency, average-row).

Expected values read off the report texts in data/raw/ at the lines given.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import KEDIRI
from lkjip_audit.audit import audit


def kinds(result):
    return {t.caption[:40]: t.kind for t in result.tables if t.has_budget}


def test_tables_setting_capaian_beside_the_budget_are_efficiency_tables(kediri, depok):
    # Kediri Tabel 3.3 "Efisiensi Cost per Outcomes" (line 652): CAPAIAN KINERJA (%) beside ALOKASI/REALISASI.
    # Tabel 3.2 (line 586) has no capaian column: a budget table.
    found = kinds(kediri)
    assert found["Tabel 3.3. Efisiensi Cost per Outcomes t"] == "efficiency"
    assert found["Tabel : 3.2. CAPAIAN KINERJA KEUANGAN DI"] == "budget"
    # Depok's Bab III table (line 941, EFISIENSI ANGGARAN) and Bab IV summary (line 928, Efisiensi Anggaran).
    efficiency = [t for t in depok.tables if t.kind == "efficiency"]
    assert {t.rows[0].line for t in efficiency} >= {929, 943}
    # Both still get every budget rule: Tabel 3.3's row-percent findings (lines 661, 662) are there.
    assert sorted((f.line, f.reported) for f in kediri.findings
                  if f.rule == "row-percent" and f.table == next(t.id for t in kediri.tables
                                                                if t.caption.startswith("Tabel 3.3"))) == [
        (661, Decimal("94.46")), (662, Decimal("68.76"))]


def test_an_efficiency_in_percent_is_the_budget_share_not_spent(depok):
    # Line 929: 9.742.688.724 target anggaran, 7.837.758.545 realisasi, Efisiensi Anggaran 15,87%:
    # (9.742.688.724 − 7.837.758.545) / 9.742.688.724 = 19,55 %; capaian − serapan = 100,9 − 80,45 = 20,45.
    # Lines 930-931 hold when truncated: 8,84 → 8,83 and 6,538 → 6,53.
    found = [(f.line, f.reported, f.expected) for f in depok.findings if f.rule == "row-efficiency"]
    assert found == [(929, Decimal("15.87"), Decimal("19.55"))]
    finding = next(f for f in depok.findings if f.rule == "row-efficiency")
    assert "capaian − serapan = 20,45%" in finding.message("id")


def test_an_average_row_is_the_mean_of_the_rows_above(kediri, depok):
    # Kediri Tabel 3.3 closes with `93,14% ... 87,38%` (line 663), which line 665 calls the averages. The seven
    # Programs' capaian kinerja (lines 656-662: 100, 158, 123, 294, 95, 113, 189) average 153,14 %; their
    # serapan (81,02 ... 68,76) averages 88,20 %, and Σ realisasi / Σ pagu = 10.894.738.544 / 12.397.837.032
    # = 87,88 %: neither is 87,38 % (that is Tabel 3.2's JUMLAH, line 648).
    found = sorted((f.line, f.column, f.reported, f.expected) for f in kediri.findings if f.rule == "average-row")
    assert found == [(663, "ANGGARAN / CAPAIAN (%)", Decimal("87.38"), Decimal("88.20")),
                     (663, "CAPAIAN KINERJA (%)", Decimal("93.14"), Decimal("153.14"))]
    # A last row that only leaves its label empty continues the row above (Depok line 931, `Persentase
    # Wirausaha`): not an average row.
    assert not [f for f in depok.findings if f.rule == "average-row"]


def test_the_average_row_accepts_the_serapan_of_the_whole(tmp_path):
    # The same table with its closing serapan printed as Σ realisasi / Σ pagu (87,88 %): only the capaian
    # kinerja average is a finding.
    lines = KEDIRI.read_text(encoding="utf-8").splitlines()
    lines[662] = lines[662].replace("87,38%", "87,88%")
    report = tmp_path / "kediri.txt"
    report.write_text("\n".join(lines), encoding="utf-8")
    found = [(f.column, f.reported) for f in audit(report).findings if f.rule == "average-row"]
    assert found == [("CAPAIAN KINERJA (%)", Decimal("93.14"))]

