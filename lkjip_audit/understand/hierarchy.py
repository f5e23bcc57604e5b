"""Row levels: Program → Kegiatan → Sub Kegiatan, and Jumlah rows, from whatever the report uses.

Reports mark levels by keyword (`PROGRAM ...`, `Kegiatan ...`), by numbering
(`A` / `1` / `a.`, roman numerals, `1.1.1`), by kode (`2.17.01.2.01`), or by
nothing at all under a keyword parent. Numbering styles get levels in the
order they first appear, as nested lists do.
"""

from __future__ import annotations

import re

from .columns import mend_broken_words
from .model import Level

_LEVELS = [Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN]
KODE_SEGMENTS = {3: Level.PROGRAM, 5: Level.KEGIATAN, 6: Level.SUB_KEGIATAN}
_KEYWORDS = [
    (re.compile(r"^sub[\s-]*kegiatan\b", re.IGNORECASE), Level.SUB_KEGIATAN),
    (re.compile(r"^kegiatan\b", re.IGNORECASE), Level.KEGIATAN),
    (re.compile(r"^program\b", re.IGNORECASE), Level.PROGRAM),
]
_TOTAL = re.compile(r"^(jumlah|total|grand total|sub ?total)\b", re.IGNORECASE)
# An organisation's own row above its programs carries the agency total.
_AGENCY = re.compile(r"^(dinas|badan|kantor|satuan|sekretariat|inspektorat|perangkat daerah)\b", re.IGNORECASE)
_ROMAN = re.compile(r"^(?=[IVXL]+\.?$)M*(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\.?$")
_MARKERS = [
    ("dotted", re.compile(r"^\d{1,3}(\.\d{1,4})+\.?$")),
    ("digit", re.compile(r"^\d{1,3}[.)]?$")),
    ("upper", re.compile(r"^[A-Z][.)]?$")),
    ("lower", re.compile(r"^[a-z][.)]?$")),
    ("bullet", re.compile(r"^[•●▪\-–*]$")),
]


def marker_style(marker: str, roman_numbering: bool) -> str | None:
    """The numbering style of a marker: `A` → upper, `1.` → digit, `1.1` → dotted:2, ..."""
    marker = marker.strip()
    if not marker:
        return None
    if roman_numbering and _ROMAN.match(marker):
        return "roman"
    for name, pattern in _MARKERS:
        if pattern.match(marker):
            if name == "dotted":
                return f"dotted:{len(marker.rstrip('.').split('.'))}"
            return name
    return None


def leading_marker(label: str) -> tuple[str, str]:
    """Split `1. Sub Kegiatan : X` into (`1.`, `Sub Kegiatan : X`)."""
    m = re.match(r"^\s*(\d{1,3}(?:\.\d{1,4})*\.?|[A-Za-z][.)]|[IVXL]+\.)\s+(.*)$", label)
    return (m.group(1), m.group(2)) if m else ("", label.strip())


def assign_levels(markers: list[str], labels: list[str], has_money: list[bool],
                  ocr: bool = False) -> list[Level]:
    """Level per row, from its marker (numbering/kode cell) and its label.

    In a table read by OCR, a letter marker that does not go on from the last of its style (`E` after `A`,
    where `B` comes next: tesseract read a Sub Kegiatan's `f.` so), or that reads as no numbering at all
    (`Cc.` for `c.`), is taken for a misread one: its row, with figures, continues the list of the row above
    and takes its level (a Program's letter would otherwise open a Program there)."""
    roman = any(len(m.strip().rstrip(".")) >= 2 and _ROMAN.match(m.strip()) for m in markers)
    styles = [marker_style(m, roman) for m in markers]
    misread = _misread_markers(markers, styles, labels) if ocr else [False] * len(markers)
    keyword_levels = [keyword_level(label) for label in labels]
    # Numbering styles seen on keyword rows take that keyword's level.
    style_level: dict[str, Level] = {}
    for style, level in zip(styles, keyword_levels):
        if style and level and style not in style_level:
            style_level[style] = level
    _kode_levels(styles, style_level)
    order = [s for i, s in enumerate(styles) if s and s not in styles[:i]]
    free_levels = [lv for lv in _LEVELS if lv not in style_level.values()]
    for style in order:
        if style not in style_level and free_levels:
            style_level[style] = free_levels.pop(0)

    levels: list[Level] = []
    seen_structure = False
    last = None
    for marker, label, style, keyword, money, wrong in zip(markers, labels, styles, keyword_levels, has_money,
                                                           misread):
        # A narrow cell breaks its words (`Juml ah Ang gara n`): the total's word is read mended.
        text = mend_broken_words(label or marker)
        if _TOTAL.match(mend_broken_words(marker.strip())) or (_TOTAL.match(text) and len(text) <= 40):
            level = Level.TOTAL
        elif keyword:
            level = keyword
        elif wrong and money and levels and levels[-1] in _LEVELS:
            level = levels[-1]
        elif style in style_level:
            level = style_level[style]
        elif not seen_structure and money and _AGENCY.match(text):
            level = Level.TOTAL
        elif last is not None and money and not style and not any(styles):
            # Unmarked rows in a keyword-marked table sit one level under the row above.
            level = Level.KEGIATAN if last is Level.PROGRAM else Level.SUB_KEGIATAN
        else:
            level = Level.OTHER
        if level in _LEVELS:
            seen_structure = True
            last = level
        levels.append(level)
    return levels


_LETTER = re.compile(r"^([A-Za-z])[.)]?$")
_UNREAD_MARKER = re.compile(r"^[A-Za-z]{1,3}[.)]$")


def _misread_markers(markers: list[str], styles: list[str | None], labels: list[str]) -> list[bool]:
    """Per row, whether its marker looks misread by OCR: a letter that neither goes on from the last letter
    of its style nor starts a list (`a`, `A`), or a short marker of letters that is no numbering (`Cc.`)."""
    last: dict[str, str] = {}
    misread = []
    for marker, style, label in zip(markers, styles, labels):
        letter = _LETTER.match(marker.strip())
        wrong = False
        if letter and style in ("upper", "lower"):
            value = letter.group(1)
            previous = last.get(style)
            # a row named by its keyword (`PROGRAM ...`) keeps its level whatever its letter
            wrong = previous is not None and value.lower() != "a" and ord(value) != ord(previous) + 1 \
                and not keyword_level(label)
            if not wrong:
                last[style] = value
        elif style is None and _UNREAD_MARKER.match(marker.strip()):
            wrong = True
        misread.append(wrong)
    return misread


def numbering_read_without_dots(markers: list[str]) -> dict[int, str]:
    """Numbers OCR read with a dot lost or taken for a digit, mended: {row: number}. A number (`1`, `1.1`,
    `1.1.1`) that does not go on from the one before, but whose digits are those of exactly one number that
    would (`11.2` after `1.1.1` is `1.1.2`; `2.21` after `2.2` is `2.2.1`), is that number. Kode of several-digit
    segments (`2.17.01`) are left as read: their digits alone do not say where a dot was."""
    mended: dict[int, str] = {}
    path: list[int] = []
    for i, marker in enumerate(markers):
        style = marker_style(marker, roman_numbering=False) or ""
        if style != "digit" and not style.startswith("dotted:"):
            continue
        text = marker.strip().rstrip(".)")
        read = [int(p) for p in text.split(".")]
        following = [path[:d] + [path[d] + 1] for d in range(len(path))] + ([path + [1]] if path else [])
        if not path or read in following:
            path = read
            continue
        fits = [f for f in following if all(n < 10 for n in f) and "".join(map(str, f)) == text.replace(".", "")]
        if len(fits) == 1:
            path = fits[0]
            mended[i] = ".".join(map(str, path))
        else:
            path = read
    return mended


def _kode_levels(styles: list[str | None], style_level: dict[str, Level]) -> None:
    """Budget kode (`2.17.01.2.01.06`) nest by their number of segments, not by which comes first: a table
    may start at a Sub Kegiatan and meet a Kegiatan of the next Program later (Kukar Tabel 3.8). The
    Permendagri 90/2019 kode have 3 (Program), 5 (Kegiatan) and 6 (Sub Kegiatan) segments."""
    dotted = sorted({s for s in styles if s and s.startswith("dotted:") and s not in style_level},
                    key=lambda s: int(s.split(":")[1]))
    segments = [int(s.split(":")[1]) for s in dotted]
    if not dotted or min(segments) < 3:  # `1.1` / `1.1.1` numbering: nested in order of appearance
        return
    free = [lv for lv in _LEVELS if lv not in style_level.values()]
    if set(segments) <= set(KODE_SEGMENTS) and all(KODE_SEGMENTS[n] in free for n in segments):
        style_level.update({s: KODE_SEGMENTS[n] for s, n in zip(dotted, segments)})
        return
    style_level.update(dict(zip(dotted, free)))


def keyword_level(label: str) -> Level | None:
    for pattern, level in _KEYWORDS:
        if pattern.match(label.strip()):
            return level
    return None
