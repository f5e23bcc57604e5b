"""The catalogue of rules: each has a code, a name, a message template and a description.

The workbook's Metode sheet is written from this catalogue, so every rule is
explained to the evaluator in the words the findings use.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # error | warning | info
    name: dict[str, str]
    template: dict[str, str]  # str.format fields: item, column, reported, expected, difference, detail
    description: dict[str, str]
    tolerance: dict[str, str]

    @property
    def money(self) -> bool:
        """Whether the rule compares rupiah (and so follows the money tolerance parameter)."""
        return self.tolerance is _EXACT


_EXACT = {"id": "tepat sama (rupiah)", "en": "exact (rupiah)"}
_RATIO = {"id": "sama setelah dibulatkan atau dipotong ke jumlah desimal yang dicetak",
          "en": "equal after rounding or truncating to the printed decimals"}

FOOTING_CHILDREN = Rule(
    code="footing-children",
    severity="error",
    name={"id": "Jumlah rincian", "en": "Sum of parts"},
    template={
        "id": "{column} pada {item} tercetak {reported}, sedangkan jumlah rinciannya {expected} "
              "(selisih {difference}).",
        "en": "{column} of {item} is printed as {reported} but its parts add up to {expected} "
              "(difference {difference}).",
    },
    description={
        "id": "Nilai uang sebuah Program sama dengan jumlah Kegiatannya, dan nilai sebuah Kegiatan sama "
              "dengan jumlah Sub Kegiatannya, untuk setiap kolom uang (pagu, realisasi, sumber dana, sisa).",
        "en": "A Program's money equals the sum of its Kegiatan, and a Kegiatan's the sum of its Sub "
              "Kegiatan, in every money column (pagu, realisasi, funding sources, sisa).",
    },
    tolerance=_EXACT,
)

FOOTING_TOTAL = Rule(
    code="footing-total",
    severity="error",
    name={"id": "Baris jumlah", "en": "Total row"},
    template={
        "id": "{column} pada baris {item} tercetak {reported}, sedangkan jumlah baris-baris Program-nya "
              "{expected} (selisih {difference}).",
        "en": "{column} in the {item} row is printed as {reported} but its Program rows add up to "
              "{expected} (difference {difference}).",
    },
    description={
        "id": "Baris JUMLAH/TOTAL (atau baris instansi di atas Program) sama dengan jumlah baris tingkat "
              "teratas yang dijumlahkannya, untuk setiap kolom uang.",
        "en": "A JUMLAH/TOTAL row (or the agency row above the Programs) equals the sum of the top-level "
              "rows it totals, in every money column.",
    },
    tolerance=_EXACT,
)

COLUMN_TOTAL = Rule(
    code="column-total",
    severity="error",
    name={"id": "Baris jumlah (daftar)", "en": "Total row (list)"},
    template={
        "id": "{column} pada baris {item} tercetak {reported}, sedangkan jumlah baris di atasnya {expected} "
              "(selisih {difference}).",
        "en": "{column} in the {item} row is printed as {reported} but the rows above it add up to {expected} "
              "(difference {difference}).",
    },
    description={
        "id": "Baris Jumlah/Total di bawah baris-baris setingkat (tabel pegawai, daftar) sama dengan jumlah baris "
              "di atasnya, untuk setiap kolom angka yang bukan persentase.",
        "en": "A Jumlah/Total row under rows of one level (staff tables, lists) equals the sum of the rows above "
              "it, in every column of figures that are not percentages.",
    },
    tolerance={"id": "tepat sama (toleransi rupiah hanya untuk kolom uang)",
               "en": "exact (the rupiah tolerance only for money columns)"},
)

ROW_PERCENT = Rule(
    code="row-percent",
    severity="error",
    name={"id": "Persentase realisasi", "en": "Realisation percentage"},
    template={
        "id": "{column} pada {item} tercetak {reported}%, sedangkan {detail} = {expected}%.",
        "en": "{column} of {item} is printed as {reported}% but {detail} = {expected}%.",
    },
    description={
        "id": "Persentase realisasi dalam satu baris sama dengan Realisasi / Pagu × 100.",
        "en": "A row's realisation percentage equals Realisasi / Pagu × 100.",
    },
    tolerance=_RATIO,
)

PERCENT_UNCONFIRMED = Rule(
    code="percent-unconfirmed",
    severity="warning",
    name={"id": "Persentase anggaran belum terkonfirmasi", "en": "Unconfirmed budget percentage"},
    template={
        "id": "{column} pada {item} tercetak {reported}%, sedangkan {detail} = {expected}%. Kolom ini tidak "
              "cocok dengan Realisasi / Pagu pada sebagian besar baris: mungkin berisi hal lain (progres fisik?).",
        "en": "{column} of {item} is printed as {reported}% but {detail} = {expected}%. The column disagrees "
              "with Realisasi / Pagu on most rows: it may hold something else (physical progress?).",
    },
    description={
        "id": "Kolom persentase dalam tabel anggaran yang tidak sama dengan Realisasi / Pagu × 100 pada sebagian "
              "besar barisnya: setiap baris yang tidak cocok menjadi peringatan di bawah satu penjelasan "
              "(lihat catatan di bawah tabel), bukan kesalahan, karena arti kolomnya tidak terkonfirmasi.",
        "en": "A percentage column of a budget table that does not equal Realisasi / Pagu × 100 on most of its "
              "rows: each disagreeing row is a warning under one explanation (the note under the table), not "
              "an error, since what the column holds is not confirmed.",
    },
    tolerance=_RATIO,
)

ROW_CAPAIAN = Rule(
    code="row-capaian",
    severity="error",
    name={"id": "Capaian kinerja", "en": "Performance achievement"},
    template={
        "id": "{column} pada {item} tercetak {reported}%, sedangkan {detail} = {expected}%.",
        "en": "{column} of {item} is printed as {reported}% but {detail} = {expected}%.",
    },
    description={
        "id": "Capaian kinerja dalam satu baris sama dengan Realisasi / Target × 100 (atau Target / Realisasi × "
              "100 untuk indikator yang makin kecil makin baik). Realisasi yang dicetak dengan pembulatan "
              "dihitung dengan rentang pembulatannya.",
        "en": "A row's achievement equals Realisasi / Target × 100 (or Target / Realisasi × 100 for an "
              "indicator where lower is better). A realisation printed rounded is taken with its rounding "
              "range.",
    },
    tolerance={"id": "sama setelah dibulatkan atau dipotong ke jumlah desimal yang dicetak, dari realisasi mana "
                     "pun di dalam rentang pembulatannya",
               "en": "equal after rounding or truncating to the printed decimals, for any realisation within "
                     "its rounding range"},
)

ROW_SISA = Rule(
    code="row-sisa",
    severity="error",
    name={"id": "Sisa anggaran", "en": "Unspent budget"},
    template={
        "id": "{column} pada {item} tercetak {reported}, sedangkan {detail} = {expected} (selisih {difference}).",
        "en": "{column} of {item} is printed as {reported} but {detail} = {expected} (difference {difference}).",
    },
    description={
        "id": "Sisa anggaran (Sisa, SiLPA, Efisiensi) dalam satu baris sama dengan Pagu − Realisasi.",
        "en": "A row's unspent budget (Sisa, SiLPA, Efisiensi) equals Pagu − Realisasi.",
    },
    tolerance=_EXACT,
)

ROW_EFFICIENCY = Rule(
    code="row-efficiency",
    severity="error",
    name={"id": "Efisiensi anggaran", "en": "Budget efficiency"},
    template={
        "id": "{column} pada {item} tercetak {reported}%, sedangkan {detail}.",
        "en": "{column} of {item} is printed as {reported}% but {detail}.",
    },
    description={
        "id": "Efisiensi anggaran yang dicetak dalam persen sama dengan bagian pagu yang tidak terserap: "
              "(Pagu − Realisasi) / Pagu × 100. Bila baris juga mencetak capaian kinerja, capaian − serapan "
              "(definisi sebagian laporan) juga diterima.",
        "en": "A budget efficiency printed in percent equals the share of the pagu not spent: "
              "(Pagu − Realisasi) / Pagu × 100. Where the row also prints a capaian kinerja, capaian − serapan "
              "(some reports' definition) is accepted too.",
    },
    tolerance=_RATIO,
)

AVERAGE_ROW = Rule(
    code="average-row",
    severity="warning",
    name={"id": "Baris rata-rata", "en": "Average row"},
    template={
        "id": "{column} pada baris rata-rata tercetak {reported}%, sedangkan {detail}.",
        "en": "{column} in the average row is printed as {reported}%, but {detail}.",
    },
    description={
        "id": "Baris penutup tanpa nama (atau bernama rata-rata) yang hanya memuat persentase sama dengan "
              "rata-rata baris di atasnya pada tingkat tertingginya (misalnya Program); untuk persentase "
              "realisasi anggaran, Σ realisasi / Σ pagu baris-baris itu juga diterima.",
        "en": "A closing row without a name (or named rata-rata) that holds only percentages equals the mean "
              "of the rows above at their top level (Programs, say); for the budget percentage, Σ realisasi / "
              "Σ pagu of those rows is accepted too.",
    },
    tolerance=_RATIO,
)

ROW_SOURCES = Rule(
    code="row-sources",
    severity="error",
    name={"id": "Jumlah sumber dana", "en": "Sum of funding sources"},
    template={
        "id": "{column} pada {item} tercetak {reported}, sedangkan jumlah sumber dananya ({detail}) "
              "= {expected} (selisih {difference}).",
        "en": "{column} of {item} is printed as {reported} but its funding sources ({detail}) add up to "
              "{expected} (difference {difference}).",
    },
    description={
        "id": "Dalam satu baris, realisasi per sumber dana (DAU, DAK, DBHCHT, Pajak Rokok, ...) "
              "dijumlahkan sama dengan kolom Total.",
        "en": "Within a row, the realisation per funding source (DAU, DAK, DBHCHT, Pajak Rokok, ...) adds up "
              "to the Total column.",
    },
    tolerance=_EXACT,
)

ROW_QUARTERS = Rule(
    code="row-quarters",
    severity="error",
    name={"id": "Jumlah triwulan", "en": "Sum of quarters"},
    template={
        "id": "{column} pada {item} tercetak {reported}, sedangkan jumlah realisasi per triwulan ({detail}) "
              "= {expected} (selisih {difference}).",
        "en": "{column} of {item} is printed as {reported} but its quarters ({detail}) add up to {expected} "
              "(difference {difference}).",
    },
    description={
        "id": "Dalam satu baris, realisasi anggaran Triwulan I + II + III + IV sama dengan realisasi setahun "
              "(kolom `9 = 5+6+7+8` format evaluasi RKPD).",
        "en": "Within a row, the budget realisation of quarters I + II + III + IV adds up to the year's "
              "realisation (column `9 = 5+6+7+8` of the RKPD evaluation format).",
    },
    tolerance=_EXACT,
)

PRINTED_ERROR = Rule(
    code="printed-error",
    severity="warning",
    name={"id": "Galat lembar kerja tercetak", "en": "Printed spreadsheet error"},
    template={
        "id": "{column} pada {item} tercetak {detail}: nilai ini berasal dari rumus lembar kerja yang gagal.",
        "en": "{column} of {item} is printed as {detail}: the value comes from a failed spreadsheet formula.",
    },
    description={
        "id": "Laporan mencetak galat lembar kerja (#DIV/0!, #REF!, ...) di tempat sebuah angka.",
        "en": "The report prints a spreadsheet error (#DIV/0!, #REF!, ...) where a number belongs.",
    },
    tolerance={"id": "-", "en": "-"},
)

PROSE_TABLE = Rule(
    code="prose-table",
    severity="warning",
    name={"id": "Teks dan tabel", "en": "Text against table"},
    template={
        "id": "{column} pada {item} tercetak {reported} di tabel, sedangkan {detail} (selisih {difference}).",
        "en": "{column} of {item} is printed as {reported} in the table, but {detail} (difference {difference}).",
    },
    description={
        "id": "Pagu dan realisasi yang disebut dalam teks laporan (\"pagu anggaran sebesar Rp X ... realisasi Rp Y\") "
              "sama dengan baris tabel yang diuraikannya. Baris dikenali bila kedua angkanya sama atau hanya "
              "berbeda satu digit. Capaian yang didaftar dalam satu kalimat (\"2 indikator kinerja capaiannya "
              "sebesar 310% dan 106,26%\") sama, berurutan, dengan kolom capaian tabel yang langsung menyusulnya "
              "(paling banyak satu kalimat pengantar \"sebagai berikut:\" di antaranya). Target dan realisasi "
              "yang disebut untuk Program/Kegiatan/Sub Kegiatan bernama (\"Sub Kegiatan ... dengan target kinerja "
              "110 unit usaha dengan realisasi 110 unit usaha\") sama dengan baris bernama sama (fuzzy) di tabel "
              "kinerja di dekatnya (15 baris teks sebelum atau sesudahnya); satu dari dua angka harus sama dengan "
              "baris itu, yang lain, bila berbeda, adalah temuan.",
        "en": "Pagu and realisasi stated in the report's text (\"pagu anggaran sebesar Rp X ... realisasi Rp Y\") "
              "equal the table row they describe. A row is recognised when both figures are equal or differ by one "
              "digit. Capaian listed in one sentence (\"2 indikator kinerja capaiannya sebesar 310% dan "
              "106,26%\") equal, in order, the capaian column of the table that follows it (at most one "
              "sentence announcing it, \"sebagai berikut:\", between). The target and realisasi stated for a "
              "named Program/Kegiatan/Sub Kegiatan (\"Sub Kegiatan ... dengan target kinerja 110 unit usaha dengan "
              "realisasi 110 unit usaha\") equal the row of that name (fuzzy) in the performance table beside it "
              "(within 15 text lines before or after); one of the two figures must equal the row's, the other, when "
              "it differs, is the finding.",
    },
    tolerance={"id": "tepat sama (rupiah), tanpa toleransi: angka di teks disalin dari tabel",
               "en": "exact (rupiah), no tolerance: a figure in the text is copied from a table"},
)

PROSE_ARITHMETIC = Rule(
    code="prose-arithmetic",
    severity="error",
    name={"id": "Hitungan dalam teks", "en": "Arithmetic in the text"},
    template={
        "id": "Teks menyebut {column} {reported} (\"{item}\"), sedangkan {detail} = {expected}.",
        "en": "The text states {column} {reported} (\"{item}\") but {detail} = {expected}.",
    },
    description={
        "id": "Angka yang disebut bersama dalam teks saling cocok: capaian = realisasi / target × 100 (target, "
              "realisasi dan capaian dalam satu kalimat atau kalimat berikutnya), rasio yang ditulis lengkap "
              "(X / Y x 100 = Z), jumlah yang 'terdiri dari' bagian-bagiannya, dan bagian yang disebut dalam "
              "kurung (\"PNS : 34 Orang (67%)\"): jumlahnya dibagi jumlah semuanya.",
        "en": "Figures the text states together agree: capaian = realisasi / target × 100 (target, realisasi and "
              "capaian in one sentence or the next), a ratio written out (X / Y x 100 = Z), a total that "
              "'consists of' its parts, and shares given in brackets (\"PNS : 34 Orang (67%)\"): each count over "
              "their sum.",
    },
    tolerance={"id": "rasio: sama setelah dibulatkan atau dipotong ke desimal yang dicetak; jumlah: tepat sama",
               "en": "ratios: equal after rounding or truncating to the printed decimals; totals: exact"},
)

PROSE_RESTATED = Rule(
    code="prose-restated",
    severity="warning",
    name={"id": "Angka yang sama di bagian lain teks", "en": "The same figure elsewhere in the text"},
    template={
        "id": "Rasio di baris ini memakai {column} {reported} (\"{item}\"), sedangkan {detail} memakai {expected}.",
        "en": "This ratio uses {column} {reported} (\"{item}\") but {detail} uses {expected}.",
    },
    description={
        "id": "Angka yang dinyatakan lebih dari sekali dalam teks (di Ikhtisar, Bab III, Bab IV) sama: rasio "
              "dengan hasil yang sama untuk indikator yang sama (kalimatnya mirip) memakai pembilang dan penyebut "
              "yang sama. Yang hitungannya tidak cocok dibandingkan dengan yang cocok.",
        "en": "A figure the text states more than once (in the Ikhtisar, Bab III, Bab IV) is the same: a ratio "
              "with the same result for the same indicator (sentences worded alike) uses the same numerator and "
              "denominator. The one whose arithmetic fails is set against the one whose arithmetic holds.",
    },
    tolerance={"id": "tepat sama", "en": "exact"},
)

PROSE_TOTALS = Rule(
    code="prose-totals",
    severity="warning",
    name={"id": "Total anggaran yang disebut lebih dari sekali", "en": "The budget total stated more than once"},
    template={
        "id": "Teks menyebut {column} seluruhnya Rp {reported}, sedangkan {detail} menyebut Rp {expected} "
              "(selisih {difference}).",
        "en": "The text gives the whole {column} as Rp {reported} but {detail} gives Rp {expected} "
              "(difference {difference}).",
    },
    description={
        "id": "Total anggaran (dan realisasinya) yang disebut lebih dari sekali di teks (Ikhtisar, Bab III, Bab IV: "
              "\"Total Anggaran Belanja ... sebesar Rp X sedangkan Realisasi Belanja sebesar Rp Y\") sama setiap kali. "
              "Pernyataan tahun lain, atau anggaran sebelum dan sesudah perubahan, tidak dibandingkan. Angka yang "
              "disebut paling banyak dianggap angka laporan.",
        "en": "The whole budget (and its realisation) stated more than once in the text (Ikhtisar, Bab III, Bab IV: "
              "\"Total Anggaran Belanja ... sebesar Rp X sedangkan Realisasi Belanja sebesar Rp Y\") is the same "
              "each time. Statements of other years, or of the budget before and after its revision, are not "
              "compared. The figure most statements give is taken as the report's.",
    },
    tolerance={"id": "tepat sama (rupiah)", "en": "exact (rupiah)"},
)

PROSE_COUNTS = Rule(
    code="prose-counts",
    severity="warning",
    name={"id": "Jumlah yang disebut di teks", "en": "Counts stated in the text"},
    template={
        "id": "Teks menyebut {reported} {column}, sedangkan {detail} {expected} (selisih {difference}).",
        "en": "The text says {reported} {column} but {detail} {expected} (difference {difference}).",
    },
    description={
        "id": "Jumlah Program, Kegiatan dan Sub Kegiatan yang disebut di teks (\"melaksanakan 7 (tujuh) program "
              "dan 15 kegiatan\") sama dengan jumlah baris tingkat itu di tabel anggaran utama (yang memuat baris "
              "Jumlah, Program terbanyak, lalu baris Program/Kegiatan/Sub Kegiatan terbanyak), kecuali tabel lain "
              "memuat tepat jumlah itu (daftar Program di Perjanjian Kinerja; bila jumlah Program-nya sama dengan "
              "daftar lain, tabel anggaran tidak memuat semua Program kalimat itu dan tidak dibandingkan). Dua "
              "kalimat tahun yang sama yang sama jumlah Program-nya (atau Kegiatan-nya) tetapi berbeda pada tingkat "
              "lain saling bertentangan. Hanya kalimat yang menyebut jumlah Program yang diperiksa. Kalimat yang mengantar tabel (\"telah ditetapkan tiga (3) "
              "sasaran strategis ... sebagai berikut :\") menyebut sebanyak sasaran atau indikator yang didaftar "
              "tabel di bawahnya (isi berbeda di kolom Sasaran atau Indikator/IKU).",
        "en": "The number of Programmes, Kegiatan and Sub Kegiatan a sentence states (\"melaksanakan 7 (tujuh) "
              "program dan 15 kegiatan\") equals the rows of that level in the main budget table (one with a "
              "Jumlah row, the most Programmes, then the most Programme/Kegiatan/Sub Kegiatan rows), unless "
              "another table lists exactly that many (the Perjanjian Kinerja's list of Programmes; when the "
              "Programme count is another list's, the budget table does not list every Programme the sentence "
              "counts and is not compared). Two sentences of the same year that give the same number of "
              "Programmes (or Kegiatan) and differ on another level contradict each other. Only sentences that "
              "count Programmes are read. A sentence announcing a table (\"telah ditetapkan tiga (3) "
              "sasaran strategis ... sebagai berikut :\") states as many sasaran or indicators as the table below "
              "it lists (distinct entries of its Sasaran or Indikator/IKU column).",
    },
    tolerance={"id": "tepat sama", "en": "exact"},
)

CATEGORY_LABEL = Rule(
    code="category-label",
    severity="warning",
    name={"id": "Kategori capaian", "en": "Achievement category"},
    template={
        "id": "{item}: {detail}.",
        "en": "{item}: {detail}.",
    },
    description={
        "id": "Kategori yang diberikan pada suatu capaian (\"99,15% (Tinggi)\", kolom Ket. \"Melebihi Target\") "
              "sesuai dengan skala kategori yang dicetak laporan itu sendiri. Bila laporan tidak mencetak skala "
              "yang memuat kategori itu, dipakai skala bawaan (Permendagri 86/2017: Sangat Tinggi ≥ 91, Tinggi "
              "76–90, Sedang 66–75, Rendah 51–65, Sangat Rendah ≤ 50; capaian terhadap target: Tidak Tercapai "
              "< 100, Tercapai ≥ 100, Melebihi Target > 100) atau skala dari berkas --scale. Setiap temuan "
              "menyebut skala yang dipakai.",
        "en": "A category given to an achievement (\"99,15% (Tinggi)\", a Ket. column's \"Melebihi Target\") "
              "agrees with the category scale the report itself prints. Where the report prints no scale with "
              "that category, a default scale is used (Permendagri 86/2017: Sangat Tinggi ≥ 91, Tinggi 76–90, "
              "Sedang 66–75, Rendah 51–65, Sangat Rendah ≤ 50; against the target: Tidak Tercapai < 100, "
              "Tercapai ≥ 100, Melebihi Target > 100) or one from a --scale file. Each finding names the scale.",
    },
    tolerance={"id": "nilai di celah antara dua rentang boleh diberi kategori salah satunya; nilai di atas "
                     "rentang tertinggi (capaian > 100 %) termasuk rentang tertinggi",
               "en": "a value in a gap between two bands may take either band's category; a value above the top "
                     "band (achievement > 100 %) belongs to the top band"},
)

LHE_SCORE = Rule(
    code="lhe-score",
    severity="error",
    name={"id": "Nilai evaluasi SAKIP", "en": "SAKIP evaluation score"},
    template={
        "id": "{column} pada {item} tercetak {reported}, sedangkan {detail} = {expected}.",
        "en": "{column} of {item} is printed as {reported} but {detail} = {expected}.",
    },
    description={
        "id": "Tabel hasil evaluasi SAKIP (Komponen / Bobot / Nilai): jumlah nilai komponen sama dengan nilai "
              "hasil evaluasi, jumlah bobot sama dengan bobot total, dan tidak ada komponen yang nilainya "
              "melebihi bobotnya. Predikat di bawahnya diperiksa dengan aturan Kategori capaian (PermenPAN-RB "
              "88/2021).",
        "en": "A SAKIP evaluation table (Komponen / Bobot / Nilai): the components' scores add up to the "
              "evaluation's total, the weights to the total weight, and no component scores above its weight. "
              "The predicate below it is checked by the Achievement category rule (PermenPAN-RB 88/2021).",
    },
    tolerance=_RATIO,
)

CROSS_TABLE = Rule(
    code="cross-table",
    severity="warning",
    name={"id": "Angka yang sama di tabel lain", "en": "Same figure in another table"},
    template={
        "id": "{column} pada {item} tercetak {reported}, sedangkan {detail}.",
        "en": "{column} of {item} is printed as {reported}, but {detail}.",
    },
    description={
        "id": "Indikator yang dicetak di beberapa tabel dengan target yang sama memiliki realisasi, pagu dan "
              "realisasi anggaran yang sama di setiap tabel; Program, Kegiatan dan Sub Kegiatan yang dicetak di "
              "beberapa tabel berkolom pagu memiliki pagu dan realisasi yang sama, dan yang diukur dengan satu "
              "indikator di beberapa tabel capaian tahun ini memiliki target dan realisasi yang sama (satuan yang "
              "sama, rumusan indikator mirip). Tabel yang tidak sama satu angka pun dengan tabel lain (rencana tahun "
              "lain) tidak dibandingkan. Nama dicocokkan secara fuzzy (rapidfuzz), singkatan (UMKM) ditulis lengkap. "
              "Nilai yang dicetak paling banyak tabel dianggap nilai laporan; bila hanya dua tabel berbeda, tabel "
              "yang kemudian menjadi temuan dan menyebut tabel yang lebih dulu.",
        "en": "An indicator printed in several tables with the same target has the same realisation, pagu and "
              "budget realisation in each; a Programme, Kegiatan or Sub Kegiatan printed in several tables with a "
              "pagu column has the same pagu and realisation in each, and one measured by one indicator in several of "
              "this year's results tables has the same target and realisation (same unit, indicator worded alike). "
              "A table that agrees with the others on no figure (another year's plan) is not compared. Names are "
              "matched fuzzily (rapidfuzz), abbreviations (UMKM) written out. The value most tables "
              "print is taken as the report's; where only two tables disagree, the later one is the finding and "
              "names the earlier.",
    },
    tolerance={"id": "sama setelah dibulatkan ke jumlah desimal yang lebih sedikit; rupiah tepat sama",
               "en": "equal after rounding to the fewer printed decimals; rupiah exactly"},
)

RULES = {rule.code: rule for rule in (FOOTING_CHILDREN, FOOTING_TOTAL, COLUMN_TOTAL, ROW_PERCENT, PERCENT_UNCONFIRMED,
                                      ROW_CAPAIAN, ROW_SISA,
                                      ROW_EFFICIENCY, AVERAGE_ROW, ROW_SOURCES, ROW_QUARTERS,
                                      PRINTED_ERROR, PROSE_TABLE, PROSE_ARITHMETIC, PROSE_RESTATED, PROSE_TOTALS,
                                      PROSE_COUNTS, CATEGORY_LABEL,
                                      CROSS_TABLE, LHE_SCORE)}
