"""The report's chapters and headings, as PermenPAN-RB 53/2014 lays them out.

A chapter heading is `BAB III AKUNTABILITAS KINERJA` on one line or spread over a
few (`BAB III` / `AKUNTABILITAS` / `KINERJA`), or a bare title line (`IKHTISAR
EKSEKUTIF`, `PENUTUP`, `LAMPIRAN`). The same words also stand in the table of
contents, in the "sistematika penyajian" that describes each chapter in two lines,
and in running page headers: a chapter starts at the first of its headings that is
followed by at least a page of text before another chapter begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

#: Chapter keys in report order, with their standard titles.
CHAPTERS = {
    "ikhtisar": ("IKHTISAR EKSEKUTIF", "RINGKASAN EKSEKUTIF", "EXECUTIVE SUMMARY"),
    "bab1": ("PENDAHULUAN",),
    "bab2": ("PERENCANAAN KINERJA",),
    "bab3": ("AKUNTABILITAS KINERJA",),
    "bab4": ("PENUTUP",),
    "lampiran": ("LAMPIRAN", "LAMPIRAN LAMPIRAN"),
}
_NUMERAL_CHAPTER = {"I": "bab1", "II": "bab2", "III": "bab3", "IV": "bab4", "1": "bab1", "2": "bab2", "3": "bab3",
                    "4": "bab4"}
MIN_CHAPTER_LINES = 15  # a chapter holds at least this much before the next begins; a description does not
_BAB = re.compile(r"^BAB\s+([IVXl|1-5]+)(?=[\s.:]|$)\.?\s*:?\s*(.*)$", re.IGNORECASE)
_TOC_ENTRY = re.compile(r"(\.{4,}|…{2,})\s*\d*\s*$|\t\s*[ivxlc\d]+\s*$|\s\d{1,3}\s*$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,2}(\.\d+)*\.?|[A-Za-z]\.|[IVX]+\.\d+(\.\d+)*\.?|[IVX]+\.)\s+\S")
#: `LAMPIRAN`, `LAMPIRAN I`, `Lampiran 1 Perjanjian Kinerja`, `LAMPIRAN - LAMPIRAN`.
_ANNEX = re.compile(r"^lampiran(?:\s*[-–]\s*lampiran)?(?:\s+([ivx]+|\d{1,2}|[a-z])\b)?\s*[.:]?\s*(.*)$", re.IGNORECASE)
#: `LAMPIRAN PERATURAN WALI KOTA ...`, `Lampiran Keputusan ...`: another document's annex quoted in the report.
_OTHER_DOCUMENT = re.compile(r"(peraturan|keputusan|surat|undang|instruksi|nomor)\b", re.IGNORECASE)
#: A table's or figure's caption names what it shows as a heading does: `Tabel 1.1 Komposisi SDM ...`.
_CAPTION = re.compile(r"^(tabel|gambar|grafik)\s*:?\s*([IVX]+|\d+)(\.\d+)*\.?(\s|$)", re.IGNORECASE)
_MARKUP = re.compile(r"[*#_`>]+")
_REGULATION = re.compile(r"\b(nomor|no\.)\s*\d|\btentang\b", re.IGNORECASE)


@dataclass(frozen=True)
class Chapter:
    key: str  # ikhtisar | bab1 | bab2 | bab3 | bab4 | lampiran
    title: str  # as printed
    line: int  # 1-based line of its heading
    end: int  # 1-based line of its last line


def clean(line: str) -> str:
    """A line without markdown marks and extra spaces; `P E N U T U P` joined back into `PENUTUP`."""
    text = " ".join(_MARKUP.sub(" ", line).split())
    if re.fullmatch(r"(\w ){3,}\w", text):
        text = text.replace(" ", "")
    return text


#: A heading or contents entry is short; longer lines are looked at by their end only (a 2 MB line of cells
#: searched whole, once per part of the checklist, took minutes).
TOC_TAIL = 200


def is_toc_entry(line: str) -> bool:
    """A table-of-contents line: dotted leaders or a page number at its end."""
    return bool(_TOC_ENTRY.search(line.rstrip("\n")[-TOC_TAIL:]))


def is_heading_like(line: str) -> bool:
    """Short, not a table row, not a table-of-contents entry: a numbered line or one mostly in capitals."""
    raw = line.strip()
    if len(raw) > 4 * 200:  # far longer than a heading, whatever its markup
        return False
    text = clean(line)
    if not 4 <= len(text) <= 200 or "\t" in raw or is_toc_entry(raw) or len(text.split()) > 28:
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) / max(1, len(letters))
    # A numbered line is a heading unless it is an item of a list of regulations (`9. Peraturan Bupati Kediri
    # Nomor 38 Tahun 2016 tentang ...`).
    numbered = bool(_NUMBERED.match(text)) and not _REGULATION.search(text)
    return numbered or capitals > 0.6 or raw.startswith(("**", "#")) or bool(_CAPTION.match(text))


def is_section_number(text: str) -> bool:
    """A heading numbered as a section (`3.6`, `III.6.`, `B.`, `2.`): the report's own structure."""
    return bool(_NUMBERED.match(clean(text))) and not _REGULATION.search(text)


def find_chapters(lines: list[str], skip=lambda line: False) -> dict[str, Chapter]:
    """The start and end of each standard chapter the report has, by key.

    `skip(line)`: lines that are not the report's own (its contents lists). The Ikhtisar stands before Bab I
    (a "Ringkasan Eksekutif" further on belongs to an appended document), the Lampiran after Bab III."""
    candidates = [c for c in (_chapter_at(lines, i) for i in range(len(lines)) if not skip(i + 1)) if c is not None]
    chapters: dict[str, Chapter] = {}
    for n, (key, title, line) in enumerate(candidates):
        if key in chapters or key == "lampiran":
            continue
        following = next((c[2] for c in candidates[n + 1:] if c[0] != key), len(lines) + 1)
        if following - line >= MIN_CHAPTER_LINES or following > len(lines):
            chapters[key] = Chapter(key, title, line, following - 1)
    if "ikhtisar" in chapters and "bab1" in chapters and chapters["ikhtisar"].line > chapters["bab1"].line:
        del chapters["ikhtisar"]
    body_end = max((chapters[k].line for k in ("bab3", "bab4") if k in chapters), default=0)
    annex = next((c for c in candidates if c[0] == "lampiran" and c[2] > body_end), None)
    if annex:
        chapters["lampiran"] = Chapter("lampiran", annex[1], annex[2], len(lines))
    # A chapter ends where the next one found begins.
    ordered = sorted(chapters.values(), key=lambda c: c.line)
    return {c.key: Chapter(c.key, c.title, c.line, (ordered[k + 1].line - 1) if k + 1 < len(ordered) else len(lines))
            for k, c in enumerate(ordered)}


def _chapter_at(lines: list[str], index: int) -> tuple[str, str, int] | None:
    raw = lines[index].strip()
    if not raw or is_toc_entry(raw):
        return None
    text = clean(raw)
    bab = _BAB.match(text)
    if bab:
        numeral = bab.group(1).upper().replace("L", "I").replace("|", "I")  # OCR: `BAB Il`, `BAB |`
        title = bab.group(2).strip(" '\"")
        if not title:  # the title stands on the next lines: `BAB III` / `AKUNTABILITAS` / `KINERJA`
            following = [clean(s) for s in lines[index + 1:index + 6] if s.strip()][:2]
            title = " ".join(following[:1])
            if following and _title_key(title) is None and len(following) > 1:
                title = " ".join(following)
        key = _title_key(title) or _NUMERAL_CHAPTER.get(numeral)
        return (key, f"BAB {bab.group(1)} {title}".strip(), index + 1) if key else None
    annex = _ANNEX.match(text)
    # A heading, not a sentence that starts with the word: numbered, in capitals, or the word alone.
    if (annex and len(text) <= 60 and not _OTHER_DOCUMENT.match(annex.group(2))
            and (annex.group(1) or not annex.group(2) or text.upper() == text)):
        return "lampiran", text, index + 1
    if len(text) <= 40 and text.upper() == text:
        key = _title_key(text)
        if key in ("ikhtisar", "bab4", "lampiran", "bab1"):
            return key, text, index + 1
    return None


def _title_key(title: str) -> str | None:
    upper = clean(title).upper().strip(" .:'\"")
    upper = re.sub(r"[^A-Z ]", " ", upper)
    upper = " ".join(upper.split())
    if not upper:
        return None
    for key, names in CHAPTERS.items():
        for name in names:
            # The title alone or followed by the agency's name (`AKUNTABILITAS KINERJA DINAS ...`).
            if upper == name or upper.startswith(name + " ") and key != "lampiran":
                return key
            if key != "lampiran" and len(upper) <= len(name) + 3 and fuzz.ratio(upper, name) >= 88:
                return key  # OCR slips
    return None


def chapter_of(chapters: dict[str, Chapter], line: int | None) -> str | None:
    """The key of the chapter a line stands in."""
    if line is None:
        return None
    for chapter in chapters.values():
        if chapter.line <= line <= chapter.end:
            return chapter.key
    return None
