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


def _bare(text: str) -> str:
    return _AROUND.sub("", text.strip())


def mark_ocr_doubts(findings: list[Finding], words: list[OcrWord], line_pages: list[int] | None = None) -> None:
    """Set `Finding.ocr_doubts` on each finding that combined a figure read with low confidence."""
    if not words:
        return
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
        finding.ocr_doubts = [(figure, doubtful[(page, _bare(figure))]) for figure in finding.combined
                              if (page, _bare(figure)) in doubtful]
