"""Findings on figures OCR read with low confidence say so: the report may be right and the scan misread.

Not a rule of its own: it adds to the findings the rules made. A figure is doubtful when a word on the
finding's page, as tesseract read it (`ingest.ocr.OcrWord`), is that figure and has a confidence below
`ingest.ocr.LOW_CONFIDENCE`.
"""

from __future__ import annotations

import re

from ..ingest.ocr import LOW_CONFIDENCE, OcrWord
from .finding import Finding

# What stands around a figure in a word: `Rp`, brackets, `%`, a trailing `,-` or punctuation.
_AROUND = re.compile(r"^(?:Rp\.?)?[(\[]*|[)\]%.,;:\-]*$", re.IGNORECASE)


#: Share of an OCR'd table's relations that may fail before its reading, not the report, is doubted: a scan
#: misread (a row lost, `92,2396%` for `92,23%`) breaks many relations at once, a report's own errors a few.
OCR_DOUBT_SHARE = 0.25
#: ... and at least this many failures (a small table with one real error stays checked).
OCR_DOUBT_MIN = 4


def doubtful_reading(failed: int, relations: int) -> bool:
    """Too many of an OCR'd table's relations fail for its reading to be trusted."""
    return failed >= OCR_DOUBT_MIN and failed > OCR_DOUBT_SHARE * relations


def _bare(text: str) -> str:
    return _AROUND.sub("", text.strip())


def mark_ocr_doubts(findings: list[Finding], words: list[OcrWord], line_pages: list[int] | None = None,
                    ocr_tables: set[str] = frozenset()) -> None:
    """Set `Finding.ocr_doubts` on each finding that combined a figure read with low confidence,
    `Finding.ocr_table` on each finding about a table read by OCR (`ocr_tables`: their ids), and
    `Finding.ocr_text` on any other finding that stands on a page read by OCR (a claim of its prose)."""
    for finding in findings:
        finding.ocr_table = finding.table in ocr_tables
    if not words:
        return
    scanned = {word.page for word in words}
    doubtful: dict[tuple[int, str], float] = {}
    for word in words:
        if word.confidence < LOW_CONFIDENCE and any(ch.isdigit() for ch in word.text):
            key = (word.page, _bare(word.text))
            doubtful[key] = min(doubtful.get(key, 100.0), word.confidence)
    for finding in findings:
        page = finding.page
        if page is None and finding.line and line_pages and finding.line <= len(line_pages):
            page = line_pages[finding.line - 1]
        if page is None:
            continue
        finding.ocr_text = not finding.ocr_table and page in scanned
        finding.ocr_doubts = [(figure, doubtful[(page, _bare(figure))]) for figure in finding.combined
                              if (page, _bare(figure)) in doubtful]
