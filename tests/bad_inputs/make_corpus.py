"""Make the bad-input corpus: every kind of broken, odd or hostile report the toolkit must survive.

    python tests/bad_inputs/make_corpus.py [TARGET_DIR]     (default: tests/bad_inputs/corpus/)

Everything is generated (no binaries are kept in the repository), from real report text where a real
table is needed: Kediri's Tabel 3.3 (data/raw/001_…txt). The tests build it into a temporary folder.
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEDIRI = ROOT / "data" / "raw" / "001_64a952374f22daba.txt"
RULED_PDF = ROOT / "tests" / "fixtures" / "pdf" / "004_b4b9a9e5ae63aa12_ruled.pdf"
BIG_PDF_PAGES = 520
# If a parameter were ever pasted into the notebook as code, this name would create the file DIRETAS.
HOSTILE_NAME = 'kutip"; open("DIRETAS", "w"); ".txt'
BLOCK_PAGE = 260  # the page of the long PDF that carries budget blocks

# Budget blocks as Flores Timur prints them; the second has a sisa that is not pagu - realisasi
# (100.000.000 - 98.500.000 = 1.500.000, printed 1.600.000).
BUDGET_BLOCKS = [
    "1. Kegiatan : Perencanaan, Penganggaran dan Evaluasi Kinerja",
    "Sub Kegiatan : Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "Pagu Anggaran : Rp. 36.280.240",
    "Realisasi : Rp. 35.259.800",
    "Sisa Anggaran : Rp. 1.020.440",
    "Prosentase : 97,19 %",
    "Sub Kegiatan : Evaluasi Kinerja Perangkat Daerah",
    "Pagu Anggaran : Rp. 100.000.000",
    "Realisasi : Rp. 98.500.000",
    "Sisa Anggaran : Rp. 1.600.000",
    "Prosentase : 98,50 %",
]


def kediri_tabel_3_3() -> str:
    """Caption and rows of Kediri's Tabel 3.3 as the text extraction prints them (2 real % slips)."""
    lines = KEDIRI.read_text(encoding="utf-8").splitlines()
    start = next(i for i, s in enumerate(lines) if s.startswith("Tabel 3.3"))
    end = start
    while end + 1 < len(lines) and ("\t" in lines[end + 1] or not lines[end + 1].strip() or end < start + 3):
        end += 1
    return "\n".join(lines[start:end + 1]) + "\n"


def text_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF with a text layer (Helvetica, one line per string), one page per list of lines."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    tree = add(b"")
    kids = []
    for lines in pages:
        text = "BT /F1 10 Tf 14 TL 50 800 Td " + " ".join(f"({_pdf_text(line)}) '" for line in lines) + " ET"
        stream = zlib.compress(text.encode("cp1252"))
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (tree, content, font)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Count %d /Kids [" % len(kids)
                         + b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")
    return assemble_pdf(objects, catalog)


def assemble_pdf(objects: list[bytes], catalog: int = 1) -> bytes:
    """PDF objects (numbered from 1) written out with their cross-reference table and trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def _pdf_text(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def long_report_pages() -> list[list[str]]:
    """520 pages of prose, the budget blocks on page 260."""
    prose = ("Dinas Koperasi dan Usaha Mikro melaksanakan program pembinaan koperasi sesuai Renstra "
             "tahun 2021-2026.")
    pages = []
    for number in range(1, BIG_PDF_PAGES + 1):
        lines = [f"LAPORAN KINERJA INSTANSI PEMERINTAH - halaman {number}"] + [prose[:90]] * 40
        if number == BLOCK_PAGE:
            lines = ["Realisasi anggaran per Sub Kegiatan", *BUDGET_BLOCKS]
        pages.append(lines)
    return pages


def extreme_numbers_report() -> str:
    """A budget table with 10^15-sized amounts, negative numbers both ways, and a 10,000-character cell."""
    long_label = "Kegiatan dengan uraian yang sangat panjang " * 233  # 10,019 characters
    rows = [
        "Tabel 1. Realisasi anggaran (angka ekstrem)",
        "",
        "No\tProgram/Kegiatan\tPagu\tRealisasi\tSisa\t%",
        "A\tPROGRAM RAKSASA\t2.000.000.000.000.000\t1.500.000.000.000.000\t500.000.000.000.000\t75,00%",
        f"1\t{long_label.strip()}\t1.000.000.000.000.000\t750.000.000.000.000\t250.000.000.000.000\t75,00%",
        "2\tKegiatan koreksi\t1.000.000.000.000.000\t750.000.000.000.000\t(250.000.000.000.000)\t75,00%",
        "B\tPROGRAM KOREKSI\t-5.000.000\t-5.000.000\t-\t100,00%",
        "JUMLAH\t\t1.999.999.995.000.000\t1.499.999.995.000.000\t500.000.000.000.000\t75,00%",
    ]
    return "\n".join(rows) + "\n"


def write_corpus(target: Path) -> dict[str, Path]:
    """Write every case into `target`; return them by name."""
    import pypdf
    from PIL import Image

    sys.path.insert(0, str(ROOT / "tests"))
    from spreadsheet_fixtures import tab_table, write_xlsx_table

    target.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        files[name] = target / name
        files[name].write_bytes(data)

    put("kosong.txt", b"")
    put("terpotong.pdf", RULED_PDF.read_bytes()[: RULED_PDF.stat().st_size * 2 // 5])
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="rahasia", owner_password="rahasia")
    files["terkunci.pdf"] = target / "terkunci.pdf"
    with files["terkunci.pdf"].open("wb") as handle:
        writer.write(handle)
    put("bukan_pdf.pdf", b"<html><body>404 Not Found</body></html>\n")
    files["pindaian.pdf"] = target / "pindaian.pdf"
    Image.new("L", (1240, 1754), 255).save(files["pindaian.pdf"], "PDF", resolution=150)
    put("panjang_520_halaman.pdf", text_pdf(long_report_pages()))
    table = kediri_tabel_3_3()
    put("latin1.txt", ("Laporan Kinerja – Dinas Koperasi (é, ü)\n\n" + table).encode("latin-1", "replace"))
    put("utf16.txt", ("Laporan Kinerja – Dinas Koperasi (é, ü)\n\n" + table).encode("utf-16"))
    put("sampah.txt", bytes((i * 7919 + 13) % 256 for i in range(50_000)))
    staff = "Tabel 1.1 Data Pegawai\n\nNo\tGolongan\tJumlah\n1\tIV\t5 orang\n2\tIII\t12 orang\n3\tII\t4 orang\n"
    put("tanpa_anggaran.txt", staff.encode("utf-8"))
    put("angka_ekstrem.txt", extreme_numbers_report().encode("utf-8"))
    caption, rows = tab_table(KEDIRI, "Tabel : 3.2.", last_row="JUMLAH")
    files["rumus_gabung.xlsx"] = write_xlsx_table(
        target / "rumus_gabung.xlsx", caption, rows, header_rows=2,
        merges=["G2:K2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "L2:L3", "M2:M3"],
        formulas={"F57": "=SUM(F4:F56)", "K57": "=SUM(K4:K56)"})
    # Hostile names: a stem of `..` (its output folder must not be the parent of --out), and quotes and
    # code in a name that papermill passes into the notebook as a parameter.
    put("...txt", table.encode("utf-8"))
    put(HOSTILE_NAME, table.encode("utf-8"))
    return files


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "corpus"
    for name, path in write_corpus(folder).items():
        print(f"{path.stat().st_size:>10}  {name}")
