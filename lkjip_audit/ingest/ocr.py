"""Text for scanned pages: tesseract reads each page that has an image but no text layer.

Many published LKjIPs are scanned in whole or in part (the signed Perjanjian Kinerja, annexes). Such a page
is rendered (pypdfium2), read by tesseract with the Indonesian language data, and replaced in a working copy
of the PDF by tesseract's own one-page PDF: the same image with the recognised words as an invisible text
layer. The rest of the PDF reader then treats it like any page with text (ruled cells from the image, text
from the layer), so OCR'd tables go through the same readers as any other.

tesseract's per-word confidence is kept: a finding that combines a figure read with low confidence says
the figure may be misread (`checks.ocr_doubts`). Nothing is downloaded at run time: tesseract and its
`ind` data come from the Debian packages the project's setup installs (README).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..exceptions import InputError, message_language
from ..said import Said

#: Resolution pages are rendered at for tesseract: its documentation asks for at least 300 dpi.
OCR_DPI = 300
#: Largest image (pixels) a page is rendered to; a bigger page is rendered at a lower resolution rather
#: than taking gigabytes (a 14,400-point page at 300 dpi is 3.6 billion pixels).
MAX_OCR_PIXELS = 60_000_000
#: tesseract's word confidence (0-100) below which a figure is reported as possibly misread.
LOW_CONFIDENCE = 80
#: Seconds tesseract may take on one page before the page is given up.
PAGE_TIMEOUT = 180
#: tesseract page segmentation modes tried on each page: automatic layout, then sparse text (tables).
PAGE_SEGMENTATIONS = (3, 11)
#: The sparse reading is kept when it reads this many times the automatic one's figures.
SPARSE_FIGURES = 1.1
LANGUAGES = ("ind", "eng")



@dataclass(frozen=True)
class OcrWord:
    """One word as tesseract read it on a page, with its confidence (0-100)."""

    page: int
    text: str
    confidence: float


def tesseract_languages() -> str:
    """`ind+eng` as far as installed; refuses with what to install when tesseract or its data is missing."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise FileNotFoundError("tesseract")
    listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30).stdout.split()
    chosen = [lang for lang in LANGUAGES if lang in listed]
    if not chosen:
        raise FileNotFoundError("tesseract-ocr-ind")
    return "+".join(chosen)


def ocr_pages(path: Path, pdf, page_numbers: list[int], workdir: Path) -> tuple[Path, list[OcrWord], str]:
    """A copy of the PDF in `workdir` with the given (1-based) pages replaced by their OCR'd versions, the
    words read on them, and the tesseract languages used (for reading their cells, `read_cells`)."""
    import pypdfium2 as pdfium

    try:
        languages = tesseract_languages()
    except (FileNotFoundError, subprocess.SubprocessError) as exc:
        raise InputError(path, Said(f"{len(page_numbers)} halaman hasil pindaian (tanpa lapisan teks) dan OCR tidak "
                                    f"tersedia ({exc} tidak ada)",
                                    f"{len(page_numbers)} page(s) are scanned (no text layer) and OCR is not "
                                    f"available ({exc} not found)"),
                         Said("Pasang dengan `make ocr-deps` (Debian: `apt install tesseract-ocr "
                              "tesseract-ocr-ind`), atau jalankan OCR sendiri (`ocrmypdf in.pdf out.pdf`) lalu audit "
                              "hasilnya",
                              "Install it with `make ocr-deps` (Debian: `apt install tesseract-ocr "
                              "tesseract-ocr-ind`), or run OCR yourself (`ocrmypdf in.pdf out.pdf`) and audit the "
                              "result")) from None
    words: list[OcrWord] = []
    for done, number in enumerate(page_numbers, start=1):
        # One line per page: a scanned report takes seconds a page, and the evaluator should see it moving.
        page_word = "halaman" if message_language() == "id" else "page"
        print(f"OCR: {path.name}, {page_word} {number} ({done}/{len(page_numbers)})", file=sys.stderr, flush=True)
        page = pdf[number - 1]
        try:
            width, height = page.get_width(), page.get_height()
            scale = min(OCR_DPI / 72, (MAX_OCR_PIXELS / max(width * height, 1.0)) ** 0.5)
            image = page.render(scale=scale).to_pil()
        finally:
            page.close()
        image_path = workdir / f"page-{number}.png"
        image.save(image_path, dpi=(72 * scale, 72 * scale))
        # tesseract's automatic layout (psm 3) keeps prose in reading order but may drop whole table columns
        # (a shaded row, a narrow column of kode); sparse text (psm 11) reads every cell. The page keeps the
        # reading with more figures, prose pages the automatic one.
        automatic, sparse = _tesseract(path, number, image_path, workdir / f"page-{number}", languages,
                                       round(72 * scale))
        base, page_words = sparse if _figures(sparse[1]) > SPARSE_FIGURES * _figures(automatic[1]) else automatic
        words.extend(page_words)
        scanned = pdfium.PdfDocument(str(base.with_suffix(".pdf")))
        pdf.del_page(number - 1)
        pdf.import_pages(scanned, [0], index=number - 1)
        scanned.close()
    copy = workdir / "ocr.pdf"
    pdf.save(str(copy))
    return copy, words, languages


def _tesseract(path: Path, number: int, image: Path, base: Path, languages: str,
               dpi: int) -> list[tuple[Path, list[OcrWord]]]:
    """The page image read once per page segmentation mode (PAGE_SEGMENTATIONS), the readings side by side:
    per reading its one-page PDF (image and text layer) and its words.

    Each tesseract runs on one thread (OMP_THREAD_LIMIT=1): with OpenMP on two cores one reading of an A4
    page at 300 dpi took 10 s, on one thread 2.2 s, and the two readings side by side 2.7 s.
    """
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    bases = [base.with_name(f"{base.name}-psm{psm}") for psm in PAGE_SEGMENTATIONS]
    runs = [subprocess.Popen(["tesseract", str(image), str(b), "-l", languages, "--dpi", str(dpi), "--psm", str(psm),
                              "pdf", "tsv"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
            for b, psm in zip(bases, PAGE_SEGMENTATIONS)]
    try:
        errors = [run.communicate(timeout=PAGE_TIMEOUT)[1] for run in runs]
    except subprocess.TimeoutExpired:
        raise InputError(path, Said(f"OCR halaman {number} lebih lama dari {PAGE_TIMEOUT} detik",
                                    f"OCR of page {number} took longer than {PAGE_TIMEOUT} s"),
                         Said("Periksa pindaiannya (halaman penuh bintik?) atau jalankan OCR sendiri",
                              "Check the scan (a page of noise?) or run OCR on it yourself")) from None
    finally:
        for run in runs:
            if run.poll() is None:
                run.kill()
                run.wait()
    for run, error in zip(runs, errors):
        if run.returncode:
            message = error.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
            raise InputError(path, Said(f"OCR halaman {number} gagal ({message[0]})",
                                        f"OCR of page {number} failed ({message[0]})"),
                             Said("Jalankan OCR sendiri (`ocrmypdf in.pdf out.pdf`) lalu audit hasilnya",
                                  "Run OCR on it yourself (`ocrmypdf in.pdf out.pdf`) and audit the result"))
    return [(b, _tsv_words(number, b.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace")))
            for b in bases]


def _figures(words: list[OcrWord]) -> int:
    return sum(1 for w in words if any(ch.isdigit() for ch in w.text))


def _tsv_words(page: int, tsv: str) -> list[OcrWord]:
    """tesseract's TSV: level 5 rows are words, `conf` their confidence (-1 for non-words)."""
    return [OcrWord(page, text, confidence) for _, text, confidence in _tsv_rows(tsv)]


def _tsv_rows(tsv: str):
    """(row, text, confidence) of each word of tesseract's TSV (level 5 rows); rows it could not number are
    left out."""
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") == "5" and text:
            try:
                yield row, text, float(row.get("conf") or -1)
            except ValueError:
                continue


#: Pixels (at the page's OCR resolution) cut off each side of a ruled cell before it is read alone: its rules
#: would be read as `|`, `1` or `l`.
CELL_INSET = 5
#: tesseract's page segmentation for a cell read alone: one block of text (a label wraps over lines).
CELL_SEGMENTATION = 6
#: A crop whose darkest pixel is lighter than this (0-255) is an empty cell: not sent to tesseract.
BLANK_LEVEL = 128


def paper_level(image) -> int:
    """The grey level (0-255) from which a page image is paper, darker being ink: Otsu's threshold, the level
    that best splits the page's histogram in two; the middle of the levels that split it equally well (no
    grey between ink and paper)."""
    import numpy as np

    counts = np.bincount(np.asarray(image).ravel(), minlength=256).astype(float)
    share = counts / counts.sum()
    below = np.cumsum(share)
    mean_below = np.cumsum(share * np.arange(256))
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_below[-1] * below - mean_below) ** 2 / (below * (1 - below))
    if not np.isfinite(between).any():
        return BLANK_LEVEL  # one grey only: a blank page
    best = np.flatnonzero(between >= np.nanmax(between) * (1 - 1e-9))
    return int((best[0] + best[-1]) // 2)


def read_cells(number: int, image: Path, page_size: tuple[float, float],
               boxes: list[tuple[float, float, float, float]], workdir: Path,
               languages: str) -> list[tuple[str, list[OcrWord]] | None]:
    """Each ruled cell of a scanned page read on its own (its text and words), None for an empty one.

    tesseract's layout analysis of a whole page takes a table's cells for lines or columns of prose, and its
    reading of a figure then suffers from its neighbours (`2` beside a rule read `21`); a cell cut out at its
    rules and read alone is read as what it is. All of a page's cells go to one tesseract run (a list of
    images), which costs little more than one cell. `boxes` are in PDF points, origin bottom left; `languages`
    as `tesseract_languages()` gives them. When tesseract fails here, the page's own reading stands."""
    from PIL import Image

    page_image = Image.open(image).convert("L")
    # What is paper is judged on the whole page: a cell alone is nearly all paper, and tesseract's own threshold
    # on it takes a scan's faint grey (a rule's blurred edge) for ink (Kediri's kode digit `7` read `H4`, `F4`,
    # `th`). Lighter than the page's threshold is made white; darker keeps its grey for tesseract.
    paper = paper_level(page_image)
    whiten = [v if v < paper else 255 for v in range(256)]
    width, height = page_size
    scale = page_image.width / width
    crops: list[Path] = []
    kept: list[int] = []
    for index, (x1, y1, x2, y2) in enumerate(boxes):
        box = (round(x1 * scale) + CELL_INSET, round((height - y2) * scale) + CELL_INSET,
               round(x2 * scale) - CELL_INSET, round((height - y1) * scale) - CELL_INSET)
        if box[2] - box[0] < 4 or box[3] - box[1] < 4:
            continue
        crop = page_image.crop(box)
        if crop.getextrema()[0] >= BLANK_LEVEL:
            continue
        crop = crop.point(whiten)
        # a margin of white around the text, as tesseract expects of a page (read enlarged, a cell's digits
        # came out worse: `57,47` as `97,47`)
        framed = Image.new("L", (crop.width + 40, crop.height + 40), 255)
        framed.paste(crop, (20, 20))
        crop_path = workdir / f"page-{number}-cell-{index}.png"
        framed.save(crop_path, dpi=(round(72 * scale), round(72 * scale)))
        crops.append(crop_path)
        kept.append(index)
    result: list[tuple[str, list[OcrWord]] | None] = [None] * len(boxes)
    if not crops:
        return result
    listing = workdir / f"page-{number}-cells.txt"
    listing.write_text("\n".join(str(c) for c in crops) + "\n", encoding="utf-8")
    base = workdir / f"page-{number}-cells"
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(["tesseract", str(listing), str(base), "-l", languages, "--dpi",
                               str(round(72 * scale)), "--psm", str(CELL_SEGMENTATION), "tsv"],
                              capture_output=True, timeout=PAGE_TIMEOUT, env=environment)
    except subprocess.TimeoutExpired:
        return result  # the page's own reading stands
    if done.returncode:
        return result
    texts: dict[int, dict[tuple[int, int, int], list[str]]] = {}
    words: dict[int, list[OcrWord]] = {}
    tsv = base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace")
    for row, text, confidence in _tsv_rows(tsv):
        try:
            crop = int(row["page_num"]) - 1  # one tesseract "page" per cell image
            line = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        except (KeyError, ValueError):
            continue
        texts.setdefault(crop, {}).setdefault(line, []).append(text)
        words.setdefault(crop, []).append(OcrWord(number, text, confidence))
    for crop, lines in texts.items():
        if 0 <= crop < len(kept):
            result[kept[crop]] = ("\n".join(" ".join(w) for _, w in sorted(lines.items())), words[crop])
    return result
