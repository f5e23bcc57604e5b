"""Budget data written as blocks of `Key : Rp. value` lines under Program/Kegiatan headings.

    I. Program Penunjang Urusan Pemerintah Daerah dengan :
    1. Kegiatan  : Perencanaan, Penganggaran dan Evaluasi Kinerja
    • Sub Kegiatan : Penyusunan Dokumen Perencanaan Perangkat Daerah
    Pagu Anggaran :  Rp. 36.280.240
    Realisasi  :  Rp. 35.259.800
    Sisa Anggaran  :  Rp.  1.020.440
    Prosentase :    97,19 %.

Each block becomes a row of a budget table like any other, every value
keeping the line it was printed on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .document import RawRow, RawTable

#: Block field names as printed (typos are matched fuzzily) and the column each fills.
FIELD_NAMES = {
    "pagu anggaran": "pagu", "pagu": "pagu", "anggaran": "pagu", "alokasi anggaran": "pagu",
    "realisasi": "realisasi", "realisasi anggaran": "realisasi",
    "sisa anggaran": "sisa", "sisa": "sisa", "silpa": "sisa",
    "prosentase": "persen", "persentase": "persen", "presentase": "persen",
}
COLUMNS = ("pagu", "realisasi", "sisa", "persen")
HEADER = ("No", "Program/Kegiatan/Sub Kegiatan", "Pagu Anggaran", "Realisasi", "Sisa Anggaran", "Prosentase (%)")
#: Non-block lines after which a run of blocks is over (prose has begun).
MAX_QUIET_LINES = 12
#: Lines apart beyond which two runs of blocks are separate tables.
MAX_TABLE_GAP = 80

#: Bullets as printed and as OCR reads them (`•` read `¢`, `«`, `°`, `»`, `“`).
OCR_BULLETS = "•●▪¢«°»“„"
# The colon is sometimes lost in a PDF's text layer (or read `|` by OCR) (`Pagu Anggaran Rp. 36.280.240`): `Rp` then separates.
# Without it, a value that is a bare number (`Prosentase 97,19 %.`) still counts.
_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z ]{2,30}?)\s*(?::|\|(?=\s*rp)|(?=rp\.?\s*[\d-])|(?=[\d.,]+\s*(?:%|Yo|%o)?\.?\s*$))\s*"
                    r"(.*\d.*|.*rp\.?\s*-\s*)$", re.IGNORECASE)
# A heading has a marker (`I.`, `1.`, `•`) or a colon after its keyword; a sentence has neither.
_PROGRAM = re.compile(r"^\s*(?:(?P<marker>[IVXL]+|\d{1,2}|[A-Z])[.)]\s*(?P<label>program\b.*)"
                      r"|(?P<label2>program\b.*:)\s*)$", re.IGNORECASE)
_KEGIATAN = re.compile(r"^\s*(?:(?P<marker>\d{1,2}|[a-z])[.)]\s*(?P<label>keg[ia]+tan\b.*)"
                       r"|(?P<label2>keg[ia]+tan\s*:.*))$", re.IGNORECASE)
_SUB = re.compile(rf"^\s*(?:(?P<marker>[{OCR_BULLETS}\-*]|\d{{1,2}}[.)])\s*(?P<label>sub\s*keg\w*\b.*)"
                  r"|(?P<label2>s?ub\s*keg\w*\s*:.*))$", re.IGNORECASE)  # OCR may take the S with the bullet
# A `*` bullet (OCR's reading of `•`, or a markdown list's) stands apart from its label: `*Sasaran*` is emphasis.
_BULLET = re.compile(rf"^\s*(?P<marker>[{OCR_BULLETS}]|\*(?=\s))\s*(?P<label>\S.*)$")


def field_name(key: str) -> str | None:
    """The column a block key fills (`Pagu anggara` → pagu), or None."""
    match = process.extractOne(" ".join(key.lower().split()), FIELD_NAMES.keys(), scorer=fuzz.ratio,
                               score_cutoff=85)
    return FIELD_NAMES[match[0]] if match else None


def _clean_label(text: str) -> str:
    text = re.sub(r"\s*(dengan)?\s*:\s*$", "", " ".join(text.split()), flags=re.IGNORECASE)
    return re.sub(r"\s*:\s*", ": ", text, count=1)


@dataclass
class _Row:
    marker: str
    label: str
    line: int
    values: dict[str, tuple[str, int]] = field(default_factory=dict)
    continuation: int = 0

    def raw(self) -> RawRow:
        cells = [self.marker, self.label] + [self.values.get(c, ("", None))[0] for c in COLUMNS]
        lines = [self.line, self.line] + [self.values.get(c, ("", None))[1] for c in COLUMNS]
        return RawRow(tuple(cells), line=self.line, cell_lines=tuple(lines))


def find_block_tables(lines: list[str]) -> list[RawTable]:
    """Budget tables made of `Pagu Anggaran : Rp. ...` blocks."""
    runs: list[list[_Row]] = []
    current: list[_Row] = []
    pending: _Row | None = None  # the heading whose label may continue on the next lines
    quiet = 0
    for index, line in enumerate(lines):
        number = index + 1
        text = line.strip()
        if not text:
            continue
        heading = _heading(text)
        field_match = _FIELD.match(text) if heading is None else None
        column = field_name(field_match.group(1)) if field_match else None
        if column and current:
            row = current[-1]
            if column not in row.values:
                row.values[column] = (_value_text(field_match.group(2)), number)
            pending, quiet = None, 0
        elif heading is not None:
            marker, label = heading
            pending = _Row(marker, label, number)
            current.append(pending)
            quiet = 0
        elif pending is not None and not pending.values and pending.continuation < 4 and ":" not in text:
            pending.label = f"{pending.label} {text}".strip()
            pending.continuation += 1
        else:
            quiet += 1
            pending = None if quiet > 1 else pending
            if quiet > MAX_QUIET_LINES and current:
                runs.append(current)
                current = []
    runs.append(current)
    return _as_tables(runs)


def _heading(text: str) -> tuple[str, str] | None:
    for pattern in (_SUB, _KEGIATAN, _PROGRAM, _BULLET):
        m = pattern.match(text)
        if m:
            if pattern is _PROGRAM and len(text) > 160:
                return None  # a sentence that starts with "Program", not a heading
            label = m.group("label") or m.groupdict().get("label2") or ""
            if label[:2].lower() == "ub":
                label = "S" + label  # `ub Kegiatan :`: OCR took the S with the bullet
            if not m.group("marker") and not label[:1].isupper():
                return None  # `program dan kegiatan :` inside a sentence
            return (m.group("marker") or "").strip(), _clean_label(label)
    return None


#: `%` as OCR reads it after a figure (`97,19 Yo.`).
_OCR_PERCENT = re.compile(r"(\d)\s*(?:Yo|%o|9o)\.?$")


def _value_text(value: str) -> str:
    return _OCR_PERCENT.sub(r"\1 %", " ".join(value.split()).rstrip(".").strip())


def _as_tables(runs: list[list[_Row]]) -> list[RawTable]:
    tables: list[RawTable] = []
    for run in runs:
        # Headings only count where blocks follow them; trailing headings are prose.
        while run and not run[-1].values:
            run.pop()
        if not any(len(r.values) >= 2 for r in run):
            continue  # a lone `anggaran Rp. ...` is a sentence; a block has pagu and realisasi at least
        rows = [RawRow(HEADER, line=run[0].line)] + [r.raw() for r in run]
        if tables and rows[1].line - tables[-1].rows[-1].line <= MAX_TABLE_GAP:
            tables[-1].rows.extend(rows[1:])
        else:
            tables.append(RawTable(rows=rows, caption="Realisasi anggaran per Sub Kegiatan (blok Pagu/Realisasi)",
                                   header_rows=1))
    return tables
