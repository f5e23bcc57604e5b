"""Two tables read as one: a row inside a table that names columns (`Program | Anggaran | Keterangan`) under
rows of figures starts another table. A PDF's page may hold two tables one under the other (a Perjanjian
Kinerja's Sasaran table, then its Programs' budget), which the page's reader, or the stitching of a table
continued from the page before, takes as one; their columns then mean nothing for the second."""

from __future__ import annotations

from ..ingest.document import RawTable, Repair
from ..said import Said
from .columns import (INDIKATOR_WORDS, KETERANGAN_WORDS, LABEL_WORDS, NO_WORDS, PAGU_WORDS, PERSEN_WORDS,
                      REALISASI_WORDS, SISA_WORDS, TARGET_WORDS, mentions, normalize)
from .layout import split_header
from .numbers import parse_number

_HEADER_WORDS = (INDIKATOR_WORDS + KETERANGAN_WORDS + LABEL_WORDS + NO_WORDS + PAGU_WORDS + PERSEN_WORDS
                 + REALISASI_WORDS + SISA_WORDS + TARGET_WORDS + ("capaian", "satuan", "sumber", "uraian"))
#: A header cell is a few words (`Realisasi Anggaran`, `Indikator Kinerja`), not a label that happens to
#: start with "Program".
HEADER_CELL_WORDS = 3


def split_at_inner_headers(raw: RawTable) -> list[RawTable]:
    """The table, or its parts when a row of column names stands inside its body (with rows of figures above
    and below it, and other names than the table's own header: a repeated header is dropped elsewhere)."""
    header, body = split_header(raw.rows, raw.header_rows)
    own = {normalize(c) for row in header for c in row.cells if c.strip()}
    for i in range(2, len(body) - 1):
        cells = [c for c in body[i].cells if c.strip()]
        if not _names_columns(cells) or {normalize(c) for c in cells} <= own:
            continue
        if not (_has_figures(body[:i]) and _has_figures(body[i + 1:])):
            continue
        at = body[i]
        first = RawTable(rows=[*header, *body[:i]], caption=raw.caption, repairs=list(raw.repairs),
                         header_rows=raw.header_rows, uncertain=raw.uncertain, ocr=raw.ocr)
        note = Repair(at.line, at.page, Said("baris judul kolom di tengah tabel: mulai dari baris ini dibaca sebagai "
                                             "tabel tersendiri", "a row of column names inside the table: read "
                                             "as a table of its own from this row"))
        rest = RawTable(rows=body[i:], repairs=[note], uncertain=raw.uncertain, ocr=raw.ocr)
        return [first, *split_at_inner_headers(rest)]
    return [raw]


def _names_columns(cells: list[str]) -> bool:
    named = [c for c in cells if len(c.split()) <= HEADER_CELL_WORDS and mentions(c, _HEADER_WORDS)]
    return len(cells) >= 2 and len(named) >= 2 and all(parse_number(c) is None for c in cells)


def _has_figures(rows) -> bool:
    return any(n is not None and n.value is not None for row in rows for c in row.cells if (n := parse_number(c)))
