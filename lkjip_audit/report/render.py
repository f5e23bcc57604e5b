"""Pictures of the outputs as a reader sees them: the workbook printed by LibreOffice (each printed page a
PNG) and the notebook's HTML shown by a headless Chromium. Used to look at what an evaluator gets (issue:
"look at every sheet and chart rendered") and by the tests to show the renders are produced without error.

Both programs are outside Python: LibreOffice comes with `make system-deps` (the workbook test needs it),
Chromium only when installed; a missing program is a clear error, not a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..exceptions import LkjipAuditError
from ..said import Said

#: Seconds LibreOffice or Chromium may take for one file before it is stopped.
RENDER_TIMEOUT = 240
#: Pixels per PDF point of the page pictures (1.5: an A4 page is about 1260 × 890 pixels).
PAGE_SCALE = 1.5
_CHROMIUM = ("chromium", "chromium-browser", "google-chrome")


def _program(names: tuple[str, ...], what: Said) -> str:
    found = next((shutil.which(n) for n in names if shutil.which(n)), None)
    if found is None:
        raise LkjipAuditError(what)
    return found


def workbook_pdf(workbook: Path, out_dir: Path) -> Path:
    """The workbook as LibreOffice prints it (every sheet, with its print setup), as `out_dir/<stem>.pdf`."""
    soffice = _program(("soffice", "libreoffice"), Said(
        "LibreOffice (soffice) tidak terpasang: jalankan `make system-deps`",
        "LibreOffice (soffice) is not installed: run `make system-deps`"))
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:  # its own profile: a running LibreOffice is not disturbed
        done = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                               "pdf", "--outdir", str(out_dir), str(workbook)],
                              capture_output=True, text=True, timeout=RENDER_TIMEOUT)
    pdf = out_dir / f"{workbook.stem}.pdf"
    if done.returncode != 0 or not pdf.exists():
        raise LkjipAuditError(Said(f"{workbook}: LibreOffice tidak dapat mencetaknya ({done.stderr.strip()[:200]})",
                                   f"{workbook}: LibreOffice could not print it ({done.stderr.strip()[:200]})"))
    return pdf


def pdf_pages(pdf: Path, out_dir: Path, first: int = 0, count: int | None = None) -> list[Path]:
    """PNG pictures of the PDF's pages `first` .. `first + count - 1` (all by default)."""
    import pypdfium2 as pdfium

    out_dir.mkdir(parents=True, exist_ok=True)
    document = pdfium.PdfDocument(str(pdf))
    last = len(document) if count is None else min(len(document), first + count)
    pictures = []
    for index in range(first, last):
        target = out_dir / f"{pdf.stem}-{index + 1:03d}.png"
        document[index].render(scale=PAGE_SCALE).to_pil().save(target)
        pictures.append(target)
    document.close()
    return pictures


def page_texts(pdf: Path) -> list[str]:
    """The text of each printed page, to find a sheet's pages among them."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    document.close()
    return texts


def html_picture(html: Path, target: Path, width: int = 1280, height: int = 2400) -> Path:
    """The HTML page as headless Chromium shows it."""
    chromium = _program(_CHROMIUM, Said("Chromium tidak terpasang (paket Debian `chromium`)",
                                        "Chromium is not installed (Debian package `chromium`)"))
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                               "--no-first-run", "--disable-background-networking", "--disable-component-update",
                               "--disable-sync", f"--user-data-dir={profile}",
                               f"--window-size={width},{height}", f"--screenshot={target}", html.resolve().as_uri()],
                              capture_output=True, text=True, timeout=RENDER_TIMEOUT)
    if done.returncode != 0 or not target.exists():
        raise LkjipAuditError(Said(f"{html}: Chromium tidak dapat menampilkannya ({done.stderr.strip()[:200]})",
                                   f"{html}: Chromium could not show it ({done.stderr.strip()[:200]})"))
    return target
