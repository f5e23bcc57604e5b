"""PDFs that cannot be audited are refused with what is wrong and what to do."""

import shutil

import pypdf
import pytest
from PIL import Image

from lkjip_audit import ingest
from lkjip_audit.exceptions import InputError


def test_a_truncated_pdf_is_called_damaged(tmp_path):
    path = tmp_path / "terpotong.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    with pytest.raises(InputError) as raised:
        ingest.read(path)
    # pdfium's own words once, the sentence closed once (it read "(...Data format error).)." before).
    assert str(raised.value).endswith("terpotong.pdf: the PDF is damaged or incomplete (PDFium: Data format error). "
                                      "Download or export the report again")


def test_a_file_named_pdf_that_is_not_one_is_refused(tmp_path):
    path = tmp_path / "laporan.pdf"
    path.write_text("<html>404 Not Found</html>")
    with pytest.raises(InputError, match="laporan.pdf: named .pdf but it is not a PDF"):
        ingest.read(path)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is installed by `make test`")
def test_a_blank_scan_is_refused_after_ocr_reads_nothing(tmp_path):
    path = tmp_path / "pindaian.pdf"
    Image.new("RGB", (600, 800), "white").save(path, "PDF")
    with pytest.raises(InputError, match="pindaian.pdf: scanned PDF, and OCR read no text on any page"):
        ingest.read(path)


def test_an_encrypted_pdf_asks_for_an_unprotected_copy(tmp_path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="rahasia", owner_password="rahasia")
    path = tmp_path / "terkunci.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError, match="terkunci.pdf: the PDF is encrypted"):
        ingest.read(path)
