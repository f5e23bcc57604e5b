"""The report's own map of itself: the table of contents and the lists of tables, figures and annexes.

These lists look like tables (a title, then a page number per line) and name every chapter heading, so read
as tables or searched for headings they mislead: a contents list is never a table of the report and never
evidence that a part is there. Read as what they are, they are a map of what the report says it contains,
to be checked against what it does contain.

A list is recognised by its title (`DAFTAR ISI`, `DAFTAR TABEL`, `DAFTAR GAMBAR`, ...) followed by entries, or,
without a title, by its entries alone: lines with dotted leaders before a page number. A table is a contents
list when its title says so or when its rows read like entries and their page numbers mostly go up, which
the rows of a real table almost never do together.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from rapidfuzz import fuzz

_TITLE = re.compile(r"^\W*daftar\s+(isi|tabel|gambar|grafik|bagan|lampiran|diagram)\b\W*$", re.IGNORECASE)
_LISTED = {"isi": "contents", "tabel": "tables", "gambar": "figures", "grafik": "figures", "bagan": "figures",
           "diagram": "figures", "lampiran": "annexes"}
_PAGE = r"(?P<page>[ivxlc]{1,7}|\d{1,3})"
#: An entry: its title, then dotted leaders, a tab or spaces, then the page it stands on.
_ENTRY = re.compile(r"^(?P<title>.*?[^\s.…_])(?:\s*(?:\.{2,}|…+|_{3,})\s*|\.?\s*\t\s*|\.?\s+)" + _PAGE + r"\s*$",
                    re.IGNORECASE)
#: A heading's own first word is not an entry's title (`BAB I` is the body's chapter heading, not `BAB`, page i).
_BARE_WORD = re.compile(r"^\W*(bab|lampiran|tabel|gambar|grafik|bagian)\W*$", re.IGNORECASE)
_LEADERS = re.compile(r"\.{3,}|…{2,}|\._\.|_{4,}")
_ENTRY_KIND = (("table", re.compile(r"^\W*tabel\b", re.IGNORECASE)),
               ("figure", re.compile(r"^\W*(gambar|grafik|bagan|diagram)\b", re.IGNORECASE)),
               ("chapter", re.compile(r"^\W*bab\s+[ivx\d]+\b", re.IGNORECASE)),
               ("annex", re.compile(r"^\W*lampiran\b", re.IGNORECASE)))
#: Lines inside a list that are not entries (a title wrapped onto a second line, a page's running header):
#: more than this many in a row end the list.
MAX_GAP_LINES = 2
#: Lines longer than this are prose, whatever they end with.
MAX_ENTRY_CHARS = 220
#: Without a title, this many entries with dotted leaders in a row make a list.
MIN_UNTITLED_ENTRIES = 4
#: A table is a contents list when at least this share of its rows are entries ...
ENTRY_SHARE = 0.8
#: ... and (without a contents title) at least this share of its page numbers do not go down.
RISING_SHARE = 0.8


@dataclass(frozen=True)
class ContentsEntry:
    """One line of a contents list: what the report says it contains, and on which page."""

    title: str  # as printed, without leaders and page number
    page: str  # as printed: `24`, `iii`; empty when the line has none
    kind: str  # chapter | section | table | figure | annex
    line: int  # 1-based line of the entry
    listed_in: str  # contents | tables | figures | annexes: which list it stands in


@dataclass
class Contents:
    """The report's contents lists: where they stand and what they list."""

    spans: list[tuple[int, int]] = field(default_factory=list)  # 1-based inclusive line spans
    entries: list[ContentsEntry] = field(default_factory=list)

    def covers(self, line: int | None) -> bool:
        """Whether `line` stands in a contents list (asked of every line: a binary search over the spans)."""
        if line is None or not self.spans:
            return False
        position = bisect_right(self.spans, (line, float("inf"))) - 1
        return position >= 0 and self.spans[position][0] <= line <= self.spans[position][1]


def page_value(page: str) -> tuple[int, int]:
    """A printed page number in reading order: roman front-matter pages come before the arabic ones."""
    if page.isdigit():
        return 1, int(page)
    value, last = 0, 0
    for char in reversed(page.lower()):
        digit = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}[char]
        value, last = (value - digit, last) if digit < last else (value + digit, digit)
    return 0, value


def read_entry(text: str) -> tuple[str, str] | None:
    """(title, page) of a contents entry, or None when the line is not one."""
    text = text.strip().replace("*", "")
    if not text or len(text) > MAX_ENTRY_CHARS:
        return None
    match = _ENTRY.match(text)
    if match and re.search(r"[A-Za-z]{2}", match.group("title")) and not _BARE_WORD.match(match.group("title")):
        return " ".join(_LEADERS.sub(" ", match.group("title")).split()).strip(" ."), match.group("page")
    if _LEADERS.search(text) and re.search(r"[A-Za-z]{2}", text):  # leaders, page number lost or wrapped
        return " ".join(_LEADERS.sub(" ", text).split()).strip(" ."), ""
    return None


def entry_kind(title: str) -> str:
    return next((kind for kind, pattern in _ENTRY_KIND if pattern.match(title)), "section")


def find_contents(lines: list[str]) -> Contents:
    """Every contents list of the report, with its entries."""
    contents = Contents()
    index = 0
    while index < len(lines):
        title = _TITLE.match(" ".join(lines[index].replace("*", " ").replace("#", " ").split()))
        untitled = title is None and _leader_run(lines, index) >= MIN_UNTITLED_ENTRIES
        if title is None and not untitled:
            index += 1
            continue
        listed_in = _LISTED[title.group(1).lower()] if title else "contents"
        start = index + 1
        entries, end, gap = [], index, 0
        cursor = index + 1 if title else index
        while cursor < len(lines):
            text = lines[cursor]
            entry = read_entry(text)
            if entry:
                name, page = entry
                if _TITLE.match(name) and _LISTED[_TITLE.match(name).group(1).lower()] != listed_in and entries:
                    break  # the next list begins (`DAFTAR TABEL ... 5` as its own title line is handled above)
                entries.append(ContentsEntry(name, page, entry_kind(name), cursor + 1, listed_in))
                end, gap = cursor, 0
            elif text.strip():
                gap += 1
                if gap > MAX_GAP_LINES or len(text.strip()) > MAX_ENTRY_CHARS or _TITLE.match(text.strip()):
                    break
            cursor += 1
        if entries:
            contents.spans.append((start, end + 1))
            contents.entries.extend(entries)
            index = end + 1
        else:
            index += 1
    return contents


def _leader_run(lines: list[str], index: int) -> int:
    """How many contents entries with dotted leaders follow one another from `index` (blank lines skipped)."""
    count = 0
    for text in lines[index:index + 3 * MIN_UNTITLED_ENTRIES]:
        if not text.strip():
            continue
        if not (_LEADERS.search(text) and read_entry(text)):
            break
        count += 1
        if count >= MIN_UNTITLED_ENTRIES:
            break
    return count


def is_contents_table(caption: str, rows: list[tuple[str, ...]]) -> bool:
    """A table that is a contents list: every row an entry (text, then one page number), the title saying so, or
    the entries' leaders or headings and their rising page numbers showing it."""
    cells = [[c.strip() for c in row if c and c.strip()] for row in rows]
    cells = [c for c in cells if c]
    if len(cells) < 3:
        return False
    entries = [read_entry("\t".join(c)) for c in cells]
    if sum(e is not None for e in entries) < ENTRY_SHARE * len(cells):
        return False
    # An entry has one figure, its page: a row with amounts beside its label is data.
    if any(sum(bool(re.search(r"\d", x)) for x in c[1:]) > 1 for c in cells):
        return False
    titled = any(_TITLE.match(" ".join(line.replace("*", " ").split())) for line in caption.splitlines() if line)
    if titled:
        return True
    named = [e for e in entries if e is not None]
    leaders = sum(bool(_LEADERS.search(" ".join(c))) for c in cells)
    headings = sum(entry_kind(e[0]) != "section" or bool(re.match(r"^\W*([IVX]+\.)?\d+(\.\d+)+\b", e[0]))
                   for e in named)
    pages = [page_value(e[1]) for e in named if e[1]]
    rising = sum(b >= a for a, b in zip(pages, pages[1:]))
    return ((leaders >= len(cells) / 2 or headings >= len(named) / 2)
            and len(pages) >= 3 and rising >= RISING_SHARE * (len(pages) - 1))


#: Entries of the front matter the body has no heading for (the cover, the preface, the lists themselves).
_FRONT_MATTER = re.compile(r"^\W*(halaman (judul|sampul)|cover|kata pengantar|daftar (isi|tabel|gambar|grafik|bagan|"
                           r"lampiran|diagram|singkatan))\b", re.IGNORECASE)


def unlisted(contents: Contents, headings: list[tuple[int, str]], captions: list[str],
             cutoff: float = 85) -> list[ContentsEntry]:
    """Entries of the contents whose heading or table the report does not have after its contents lists.

    `headings`: (line, text) of the heading-like lines; `captions`: the tables' captions. An entry is found
    when a heading or caption after the lists reads like it (numbering aside, as `III.1` and `3.1` differ
    between a contents list and the body more often than not; words added or left out, as `Evaluasi &
    Capaian` and `Evaluasi, dan Analisa Capaian`)."""
    after = max((end for _, end in contents.spans), default=0)
    candidates = [_words(text) for line, text in headings if line > after] + [_words(c) for c in captions]
    candidates = [c for c in candidates if c]
    missing = []
    for entry in checked_entries(contents):
        wanted = _words(entry.title)
        if not any(_reads_like(wanted, c, cutoff) for c in candidates):
            missing.append(entry)
    return missing


#: Share of an entry's words a heading must have when worded otherwise (`Evaluasi & Capaian` listed,
#: `Evaluasi, dan Analisa Capaian` printed); one word in ten may differ, `standar nasional` may not go missing.
WORD_SHARE = 0.85


def _reads_like(wanted: str, candidate: str, cutoff: float) -> bool:
    if fuzz.partial_ratio(wanted, candidate) >= cutoff + 5:
        return True
    words, have = wanted.split(), set(candidate.split())
    return sum(w in have for w in words) >= WORD_SHARE * len(words)


def checked_entries(contents: Contents) -> list[ContentsEntry]:
    """The entries worth looking for: not the front matter, not a bare `BAB II`, at least a few words."""
    return [e for e in contents.entries if not _FRONT_MATTER.match(e.title) and len(_words(e.title).split()) >= 2]


def _words(text: str) -> str:
    """Lower-case words of a title, its numbering (`III.1.`, `3.1`, `B.`) and markup left out."""
    text = re.sub(r"^\W*((bab\s+)?[ivx]+\.|\d+(\.\d+)*\.?|[a-z]\.)\s+", "", text.strip().lower())
    text = re.sub(r"^\W*([ivx]+|\d+)(\.\d+)+\.?\s+", "", text)
    return " ".join(_WRITTEN_OUT.get(w, w) for w in re.findall(r"[a-z0-9]+", text))


#: Abbreviations a contents list and the body write out one way or the other.
_WRITTEN_OUT = {"renstra": "rencana strategis", "iku": "indikator kinerja utama", "pk": "perjanjian kinerja",
                "rkt": "rencana kinerja tahunan", "sdm": "sumber daya manusia", "tw": "triwulan",
                "dkum": "dinas koperasi dan usaha mikro"}
