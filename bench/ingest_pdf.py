"""Benchmark: PDF ingestion against camelot run naively on every page.

For each sample PDF: pages, wall seconds and peak memory (RSS) of
`lkjip_audit.ingest.read`, next to `camelot.read_pdf(pages="all")` with its
default flavor (lattice). Each measurement runs in a fresh process so that
imports and caches do not favour either side.

    .venv/bin/python bench/ingest_pdf.py [PDF ...]     # default: tests/fixtures/pdf/*.pdf

Then OCR: the same reading of 002's ruled rendering with its budget pages (13-15) replaced by 200 dpi grey
scans, against the text-layer file: seconds per scanned page, and peak memory of the reader and of the
tesseract processes it starts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 0.5

_MEASURE = r"""
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
mode, path = sys.argv[1], sys.argv[2]
import camelot, pypdfium2
from lkjip_audit.ingest import read
start = time.perf_counter()
if mode == "ours":
    document = read(path)
    tables = len(document.tables)
else:
    tables = len(camelot.read_pdf(path, pages="all"))
seconds = time.perf_counter() - start
pages = len(pypdfium2.PdfDocument(path))
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "tables": tables, "pages": pages, "peak_mb": peak_mb,
                  "children_mb": children_mb}))
"""


def measure(mode: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _MEASURE, mode, str(path)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(paths: list[Path]) -> int:
    print(f"{'pdf':38} {'pages':>5} {'ours s':>7} {'naive s':>8} {'ratio':>6} {'ours MB':>8} {'naive MB':>9} "
          f"{'tables ours/naive':>18}")
    worst = 0.0
    for path in paths:
        ours, naive = measure("ours", path), measure("naive", path)
        ratio = ours["seconds"] / naive["seconds"]
        worst = max(worst, ratio)
        print(f"{path.name:38} {ours['pages']:>5} {ours['seconds']:>7.2f} {naive['seconds']:>8.2f} {ratio:>6.2f} "
              f"{ours['peak_mb']:>8.0f} {naive['peak_mb']:>9.0f} {ours['tables']:>9}/{naive['tables']}")
    print(f"worst ratio {worst:.2f} (target <= {TARGET_RATIO})")
    ocr()
    return 0 if worst <= TARGET_RATIO else 1


SCANNED_PAGES = (13, 14, 15)


def ocr() -> None:
    import tempfile

    import pypdfium2

    source = ROOT / "tests" / "fixtures" / "pdf" / "002_d488c239828ced52_ruled.pdf"
    with tempfile.TemporaryDirectory() as folder:
        document = pypdfium2.PdfDocument(str(source))
        for number in SCANNED_PAGES:
            image = document[number - 1].render(scale=200 / 72).to_pil().convert("L")
            page = Path(folder) / f"page{number}.pdf"
            image.save(page, resolution=200)
            scan = pypdfium2.PdfDocument(str(page))
            document.del_page(number - 1)
            document.import_pages(scan, [0], index=number - 1)
        target = Path(folder) / "scanned.pdf"
        document.save(str(target))
        text_layer, scanned = measure("ours", source), measure("ours", target)
    per_page = (scanned["seconds"] - text_layer["seconds"]) / len(SCANNED_PAGES)
    print(f"OCR: {source.name} with pages {SCANNED_PAGES} scanned: {scanned['seconds']:.2f} s against "
          f"{text_layer['seconds']:.2f} s with its text layer, {per_page:.2f} s per scanned page "
          f"({1 / per_page:.2f} pages/s); peak {scanned['peak_mb']:.0f} MB, tesseract {scanned['children_mb']:.0f} MB")


if __name__ == "__main__":
    given = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf"))
    sys.exit(main(given))
