"""A cheap first look at every PDF page (pypdfium2), one page at a time.

It answers, before camelot runs: does the page have text at all, does it look
like it holds a table, and does it draw ruled lines (lattice) or not (stream),
and where its borderless tables stand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..exceptions import InputError
from ..said import Said
from .pdf_areas import TableArea, TextRun, table_areas

#: Drawn path objects from which a page counts as ruled (cell borders).
MIN_RULING_PATHS = 12
#: Fewer paths than MIN_RULING_PATHS still make a ruled page when the text has a table's cells side by side:
#: one row of a grid table carried over to the next page is drawn with a handful of lines.
MIN_RULING_PATHS_UNDER_CELLS = 3
#: Largest page (in PDF points, both sides) whose ruled lines are looked for. camelot's lattice renders the
#: page to an image; a 14,400-point page took 10 GB. A0 is 2,384 × 3,370 points; beyond this a page is read
#: from its text layer only, and its tables say so.
MAX_RULED_PAGE_POINTS = 5_000
#: Runs whose middles are closer than this many times their height stand on one line.
WORD_LINE = 0.3
#: Runs on one line closer than this many times their height are words of one phrase (a word space), not
#: cells side by side.
WORD_GAP = 0.5


@dataclass
class PageSurvey:
    number: int  # 1-based
    height: float
    lines: list[str]
    runs: list[TextRun] = field(default_factory=list)
    ruling_paths: int = 0
    width: float = 0.0
    images: int = 0  # image objects drawn on the page
    ocr: bool = False  # its text layer is tesseract's (ingest.ocr)

    @property
    def scanned(self) -> bool:
        """An image and no text: a scanned page, to be OCR'd."""
        return self.images > 0 and not self.has_text

    @property
    def oversized(self) -> bool:
        return max(self.width, self.height) > MAX_RULED_PAGE_POINTS

    @property
    def has_text(self) -> bool:
        return any(s.strip() for s in self.lines)

    @property
    def flavor(self) -> str:
        if self.oversized:
            return "stream"
        if self.ruling_paths >= MIN_RULING_PATHS:
            return "lattice"
        if (self.ruling_paths >= MIN_RULING_PATHS_UNDER_CELLS or self.images) and self.table_areas:
            # lattice is tried (a scan draws its rules in the image); what it does not cover is read as
            # borderless (pdf._extract)
            return "lattice"
        return "stream"

    @property
    def looks_tabular(self) -> bool:
        if self.flavor == "lattice":
            return True  # ruled cells are a table by construction; camelot confirms it
        return bool(self.table_areas)

    def text_between(self, bottom: float, top: float) -> str:
        """Text whose runs stand between two heights (PDF points, origin bottom left), a run a line; the words
        of one phrase are one run (an OCR text layer places every word on its own, a PDF's own text one run
        per stretch of text)."""
        def middle(run: TextRun) -> float:
            return (run.top + run.bottom) / 2

        lines: list[list[TextRun]] = []
        for run in sorted((r for r in self.runs if bottom <= middle(r) <= top), key=lambda r: -middle(r)):
            if lines and abs(middle(lines[-1][0]) - middle(run)) < WORD_LINE * (run.top - run.bottom):
                lines[-1].append(run)
            else:
                lines.append([run])
        phrases: list[str] = []
        for line in lines:
            last: TextRun | None = None
            for run in sorted(line, key=lambda r: r.left):
                if last is not None and 0 <= run.left - last.right < WORD_GAP * (run.top - run.bottom):
                    phrases[-1] = f"{phrases[-1].rstrip()} {run.text.strip()}"
                else:
                    phrases.append(run.text)
                last = run
        return "\n".join(phrases)

    @cached_property
    def table_areas(self) -> list[TableArea]:
        """Where its borderless tables stand, from the text layer (found once: the survey asks, then camelot)."""
        return table_areas(self.runs)


def open_pdf(path: Path):
    """Open a PDF, turning pdfium's errors into messages an evaluator can act on."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise InputError(path, Said("PDF-nya terenkripsi (dilindungi kata sandi)",
                                        "the PDF is encrypted (password protected)"),
                             Said("Minta salinan tanpa kata sandi dari instansinya, atau hapus kata sandinya lalu "
                                  "coba lagi",
                                  "Ask the agency for an unprotected copy, or remove the password and try "
                                  "again")) from exc
        # pdfium says `Failed to load document (PDFium: Data format error).`: its own words, once, unpunctuated.
        detail = str(exc).rsplit("PDFium:", 1)[-1].strip(" .()") if "PDFium:" in str(exc) else str(exc).strip(" .")
        raise InputError(path, Said(f"PDF-nya rusak atau tidak lengkap (PDFium: {detail})",
                                    f"the PDF is damaged or incomplete (PDFium: {detail})"),
                         Said("Unduh atau ekspor ulang laporannya", "Download or export the report again")) from exc


def survey_pages(path: Path, pdf) -> list[PageSurvey]:
    """Survey every page; each page's objects are released before the next is opened."""
    import pypdfium2.raw as pdfium_c

    surveys = []
    for index in range(len(pdf)):
        try:
            page = pdf[index]
        except Exception as exc:  # a broken page object
            raise InputError(path, Said(f"halaman {index + 1} tidak dapat dibaca ({exc})",
                                        f"page {index + 1} cannot be read ({exc})"),
                             Said("Ekspor ulang laporannya", "Export the report again")) from exc
        try:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            runs = []
            for i in range(textpage.count_rects()):
                left, bottom, right, top = textpage.get_rect(i)
                runs.append(TextRun(left, bottom, right, top, textpage.get_text_bounded(left, bottom, right, top)))
            paths = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2))
            images = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
            height, width = page.get_height(), page.get_width()
            textpage.close()
        finally:
            page.close()
        # an OCR text layer ends every line with a space
        lines = [s.rstrip() for s in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        surveys.append(PageSurvey(number=index + 1, height=height, lines=lines, runs=runs,
                                  ruling_paths=paths, width=width, images=images))
    return surveys
