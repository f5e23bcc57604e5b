"""The outputs as a reader sees them: the workbook printed by LibreOffice and the notebook's HTML shown by
headless Chromium are produced without error, and what was fixed after looking at them stays fixed (the
list of tables and the checklist print one page wide; wide sheets print their header and the columns naming
each row on every page)."""

import shutil
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from PIL import Image

from conftest import FLOTIM
from lkjip_audit.audit import write_outputs
from lkjip_audit.report.render import html_picture, page_texts, pdf_pages, workbook_pdf

pytestmark = pytest.mark.slow


def test_the_workbook_prints_every_sheet_readably(tmp_path, depok):
    assert shutil.which("soffice"), "LibreOffice (soffice) is missing: `make test` installs it"
    workbook = write_outputs(depok, tmp_path / "audit")["workbook"]
    pdf = workbook_pdf(workbook, tmp_path / "print")
    texts = page_texts(pdf)
    wb = load_workbook(workbook)
    # Every visible sheet has at least one printed page (its first cell's text stands on one).
    for ws in wb.worksheets:
        if ws.sheet_state == "visible" and isinstance(ws["A1"].value, str):
            assert any(ws["A1"].value[:40] in " ".join(t.split()) for t in texts), ws.title
    # Daftar tabel prints one page wide: its first page carries all seven column headers.
    index_page = " ".join(next(t for t in texts if t.startswith("Daftar tabel yang dibaca")).split())
    assert all(h in index_page for h in ("Lembar tabel", "Judul", "Jenis tabel", "Angka diperiksa",
                                         "Tidak diperiksa"))
    # Temuan is too wide for one readable page: each page across repeats its header row and the id column.
    temuan = wb["Temuan"]
    assert temuan.print_title_rows == "$1:$1" and temuan.print_title_cols == "$A:$A"
    assert temuan.page_setup.pageOrder == "overThenDown" and not temuan.sheet_properties.pageSetUpPr.fitToPage
    pictures = pdf_pages(pdf, tmp_path / "png", count=2)
    assert [Image.open(p).size[0] > 1000 for p in pictures] == [True, True]


def test_the_notebook_html_shows_in_a_browser(tmp_path):
    assert shutil.which("chromium"), "Chromium is missing: `make test` installs it (Debian package chromium)"
    done = subprocess.run([sys.executable, "-m", "lkjip_audit", "audit", str(FLOTIM), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    html = tmp_path / FLOTIM.stem / f"{FLOTIM.stem}.html"
    # nbval's markers are for the tests, not for the reader of the export.
    assert "NBVAL" not in html.read_text(encoding="utf-8")
    picture = html_picture(html, tmp_path / "notebook.png")
    image = Image.open(picture).convert("L")
    # Something is drawn: the page is not blank (text and tables darken a share of its pixels).
    dark = sum(image.histogram()[:128])
    assert dark > 0.001 * image.size[0] * image.size[1]
