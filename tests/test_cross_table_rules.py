"""cross-table by name, on small inline reports: what is one Program/Kegiatan measured by one indicator."""

from __future__ import annotations

from decimal import Decimal

from tables import audit_text


def report(*tables: list[str]) -> str:
    return "\n\n".join("\n".join(t) for t in tables) + "\n"


def cross(text: str):
    return [(f.table, f.item, f.reported, f.expected) for f in audit_text(text).findings if f.rule == "cross-table"]


PK = ["Tabel 2.1 Perjanjian Kinerja", "", "No\tSasaran\tProgram\tTarget\tRealisasi",
      "1\tMeningkatnya Pelayanan\tProgram Pelayanan Umum Kantor\t100%\t95,00%",
      "2\tMeningkatnya Usaha\tProgram Pengembangan UMKM\t20%\t18,00%"]
RESULTS = ["Tabel 3.1 Capaian Program", "", "No\tProgram/Kegiatan\tIndikator Kinerja\tTarget\tRealisasi\t% Capaian",
           "1\tProgram Pelayanan Umum Kantor\tPersentase pelayanan umum kantor\t100%\t100%\t100%",
           "2\tProgram Pengembangan Usaha Mikro, Kecil dan Menengah\tPersentase usaha mikro naik kelas\t20%\t18%\t90%"]


def test_a_programme_in_a_second_label_column_and_abbreviated_is_compared():
    assert cross(report(PK, RESULTS)) == [
        ("T2", "Program Pelayanan Umum Kantor", Decimal(100), Decimal("95.00"))]


def test_the_same_figures_raise_nothing():
    agreeing = [row.replace("95,00%", "100%") for row in PK]
    assert cross(report(agreeing, RESULTS)) == []


def test_two_measures_of_one_kegiatan_are_not_compared():
    counted = ["Tabel 3.2 Capaian Kegiatan", "", "No\tKegiatan\tIndikator Kinerja\tTarget\tRealisasi",
               "1\tKegiatan Penyediaan Jasa Kantor\tJumlah laporan jasa kantor\t6 laporan\t6 laporan",
               "2\tKegiatan Fasilitasi Perizinan Usaha\tJumlah usaha difasilitasi\t13 kegiatan\t13 kegiatan",
               "3\tKegiatan Pembinaan Koperasi Aktif\tJumlah koperasi dibina\t40 unit\t38 unit"]
    other = ["Tabel 3.3 Efisiensi", "", "No\tKegiatan\tIndikator Kinerja\tTarget\tRealisasi",
             "1\tKegiatan Penyediaan Jasa Kantor\tJumlah rekening\t3\t3",  # another indicator
             "2\tKegiatan Fasilitasi Perizinan Usaha\tJumlah usaha difasilitasi\t415 orang\t400 orang",  # another unit
             "3\tKegiatan Pembinaan Koperasi Aktif\tJumlah koperasi dibina\t40 unit\t38 unit"]
    assert cross(report(counted, other)) == []
    alike = [row.replace("Jumlah rekening", "Jumlah laporan jasa kantor") for row in other]
    assert cross(report(counted, alike)) == [("T2", "Kegiatan Penyediaan Jasa Kantor", Decimal(3), Decimal(6))] * 2


def test_a_unit_a_narrow_cell_broke_is_still_the_same_measure():
    # Kediri's Word grid rendering prints `21 uni t`, `125 ko p`: the same measure as `17 unit`, `127 kop`.
    counted = ["Tabel 3.2 Capaian Kegiatan", "", "No\tKegiatan\tIndikator Kinerja\tTarget\tRealisasi",
               "1\tKegiatan Pemeliharaan Barang Milik Daerah\tJumlah barang dipelihara\t17 unit\t21 unit",
               "2\tKegiatan Pengawasan Koperasi\tJumlah koperasi diawasi\t127 kop\t121 kop"]
    broken = ["Tabel 3.3 Evaluasi RKPD", "", "No\tKegiatan\tIndikator Kinerja\tTarget\tRealisasi",
              "1\tKegiatan Pemeliharaan Barang Milik Daerah\tJumlah barang dipelihara\t21 uni t\t21 uni t",
              "2\tKegiatan Pengawasan Koperasi\tJumlah koperasi diawasi\t125 ko p\t121 ko p"]
    assert sorted(cross(report(counted, broken))) == [
        ("T2", "Kegiatan Pemeliharaan Barang Milik Daerah", Decimal(21), Decimal(17)),
        ("T2", "Kegiatan Pengawasan Koperasi", Decimal(125), Decimal(127))]


def test_a_kegiatan_with_two_indicators_is_not_compared_by_its_name():
    two = ["Tabel 3.2 Capaian Kegiatan", "", "No\tKegiatan\tIndikator Kinerja\tTarget\tRealisasi",
           "1\tKegiatan Penyediaan Jasa Kantor\tJumlah laporan jasa kantor\t6 laporan\t6 laporan",
           "\t\tJumlah rapat koordinasi\t12 kali\t10 kali"]
    one = ["Tabel 3.3 Efisiensi", "", "No\tKegiatan\tIndikator Kinerja\tTarget\tRealisasi",
           "1\tKegiatan Penyediaan Jasa Kantor\tJumlah laporan jasa kantor\t12\t10"]
    assert cross(report(two, one)) == []


def test_a_budget_table_of_another_year_is_not_compared():
    budget = ["Tabel 3.4 Realisasi Anggaran 2023", "", "No\tProgram\tPagu\tRealisasi\t%",
              "1\tProgram Pelayanan Umum Kantor\t1.000.000\t900.000\t90,00",
              "2\tProgram Pengembangan Usaha Mikro\t2.000.000\t1.500.000\t75,00"]
    plan = ["Tabel 2.2 Rencana Anggaran 2024", "", "No\tProgram\tPagu",
            "1\tProgram Pelayanan Umum Kantor\t1.100.000", "2\tProgram Pengembangan Usaha Mikro\t2.500.000"]
    assert cross(report(budget, plan)) == []
    # the same year's plan (Perjanjian Kinerja) agrees on one Program: the other is a finding
    pk = [row.replace("1.100.000", "1.000.000") for row in plan]
    assert cross(report(budget, pk)) == [("T2", "Program Pengembangan Usaha Mikro", Decimal(2500000),
                                          Decimal(2000000))]


def test_a_figure_printed_in_many_tables_names_a_few_of_them_and_counts_the_rest():
    # The same Program's target and realisasi in eight tables; the eighth prints 18% where seven print 19%.
    tables = [[f"Tabel 3.{k} Capaian Program", "", "No\tProgram\tIndikator Kinerja\tTarget\tRealisasi",
               f"1\tProgram Pengembangan UMKM\tPersentase usaha mikro naik kelas\t20%\t{'18' if k == 8 else '19'}%"]
              for k in range(1, 9)]
    found = [f for f in audit_text(report(*tables)).findings if f.rule == "cross-table"]
    assert [(f.table, f.reported, f.expected) for f in found] == [("T8", Decimal(18), Decimal(19))]
    message = found[0].message("id")
    assert "T1 (baris 4), T2 (baris 9), T3 (baris 14), T4 (baris 19), T5 (baris 24) dan 2 tabel lain" in message
    assert len(found[0].combined) == 6 and len(found[0].compared) == 5  # the printed cell and five that agree
