"""Two tables read as one: a row inside a table that names columns (`Program | Anggaran | Keterangan`) under
rows of figures starts another table. A PDF's page may hold two tables one under the other (a Perjanjian
Kinerja's Sasaran table, then its Programs' budget), which the page's reader, or the stitching of a table
continued from the page before, takes as one; their columns then mean nothing for the second."""

from __future__ import annotations

from dataclasses import replace

from ..ingest.document import RawTable, Repair
from ..said import Said
from .columns import (INDIKATOR_WORDS, KETERANGAN_WORDS, LABEL_WORDS, NO_WORDS, PAGU_WORDS, PERSEN_WORDS,
                      REALISASI_WORDS, SISA_WORDS, TARGET_WORDS, mend_broken_words, mentions, normalize)
from .layout import split_header
from .numbers import parse_number

_HEADER_WORDS = (INDIKATOR_WORDS + KETERANGAN_WORDS + LABEL_WORDS + NO_WORDS + PAGU_WORDS + PERSEN_WORDS
                 + REALISASI_WORDS + SISA_WORDS + TARGET_WORDS + ("capaian", "satuan", "sumber", "uraian"))
#: A header cell is a few words (`Realisasi Anggaran`, `Indikator Kinerja`), not a label that happens to
#: start with "Program".
HEADER_CELL_WORDS = 3


def split_at_inner_headers(raw: RawTable, first: frozenset[str] | None = None) -> list[RawTable]:
    """The table, or its parts when a row of column names stands inside its body (with rows of figures above
    and below it, and other names than the table's own header: a repeated header is dropped elsewhere).
    In a part split off (`first`: the words of the whole table's header), a row repeating that header is the
    page's repeated header of the table they were one of (a Word table's header rows repeat on each page):
    it is dropped and the part goes on."""
    header, body = split_header(raw.rows, raw.header_rows)
    own = {normalize(c) for row in header for c in row.cells if c.strip()}
    for i in range(1 if first else 2, len(body) - 1):
        cells = [c for c in body[i].cells if c.strip()]
        if not _names_columns(cells) or {normalize(c) for c in cells} <= own:
            continue
        if first and {w for c in cells for w in normalize(c).split()} <= first:
            at = body[i]
            note = Repair(at.line, at.page, Said(
                "judul kolom tabel gabungannya terulang di halaman baru: dibuang, tabel berlanjut",
                "the header of the table it was read in repeated on a new page: dropped, the table goes on"))
            rest = RawTable(rows=[*header, *body[:i], *body[i + 1:]], caption=raw.caption,
                            repairs=[*raw.repairs, note], header_rows=raw.header_rows, uncertain=raw.uncertain,
                            ocr=raw.ocr)
            return split_at_inner_headers(rest, first)
        if not (_has_figures(body[:i]) and _has_figures(body[i + 1:])):
            continue
        at = body[i]
        head = RawTable(rows=[*header, *body[:i]], caption=raw.caption, repairs=list(raw.repairs),
                        header_rows=raw.header_rows, uncertain=raw.uncertain, ocr=raw.ocr)
        note = Repair(at.line, at.page, Said("baris judul kolom di tengah tabel: mulai dari baris ini dibaca sebagai "
                                             "tabel tersendiri", "a row of column names inside the table: read "
                                             "as a table of its own from this row"))
        rest = RawTable(rows=[_names_spread(at, body[i + 1:]), *body[i + 1:]], repairs=[note],
                        uncertain=raw.uncertain, ocr=raw.ocr)
        # The whole table's header words: a page of the part may repeat them, cells joined otherwise.
        words = frozenset(w for name in own for w in name.split())
        return [head, *split_at_inner_headers(rest, first or words)]
    return [raw]


def realign_repeated_headers(raw: RawTable) -> RawTable:
    """Two tables of the same columns one under the other (a Word document's table per indicator), read as
    one over the union of their rules: the second's header names the same columns in other places
    (`No | Indikator Kinerja | | Tar get | | Realis asi`). Its rows are moved to where the first header names
    their columns and the repeated header is dropped, as a text extraction prints them. A row with a figure
    where the repeated header names nothing is not moved: which column it is in is not known."""
    header, body = split_header(raw.rows, raw.header_rows)
    if not header or len(body) < 2:
        return raw
    names = _named_at(header[-1].cells)
    if len(names) < 2:
        return raw
    position = {name: at for at, name in names.items()}
    rows, repairs, moves = list(header), list(raw.repairs), None
    for row in body:
        inner = _named_at(row.cells)
        if len(inner) == len(names) and set(inner.values()) == set(names.values()) and inner != names:
            moves = {at: position[name] for at, name in inner.items()}
            repairs.append(Repair(row.line, row.page, Said(
                "judul kolom tabel berulang dengan kolom di tempat lain (tabel kedua dengan kolom yang sama): "
                "baris di bawahnya dipindah ke kolom yang dinamai judul pertama",
                "the table's header repeated with its columns placed otherwise (a second table of the same "
                "columns): the rows under it moved to the columns the first header names")))
            continue
        if inner == names:
            moves = None  # the same header in the same places: a page's repeated header, as before
        if moves is not None and all(at in moves for at, c in enumerate(row.cells) if c.strip()):
            cells = [""] * len(row.cells)
            for at, text in enumerate(row.cells):
                if text.strip():
                    cells[moves[at]] = text
            row = replace(row, cells=tuple(cells), cell_lines=None, cell_boxes=None)
        rows.append(row)
    if len(rows) == len(raw.rows):
        return raw
    return RawTable(rows=rows, caption=raw.caption, repairs=repairs, header_rows=raw.header_rows,
                    uncertain=raw.uncertain, ocr=raw.ocr)


def _named_at(cells) -> dict[int, str]:
    """Where a header row names a column: {position: the name, its words a narrow cell broke mended}."""
    return {at: normalize(mend_broken_words(c)) for at, c in enumerate(cells) if c.strip()}


def _names_spread(header, body):
    """The inner header laid on the first table's columns may hold two names in one cell and leave the last
    empty (`No. | Program Anggaran | Keterangan |` over rows that fill four columns): when splitting that cell
    between its two names gives one name per column its rows fill, the names are spread so."""
    cells = list(header.cells)
    filled = max((max((c for c, text in enumerate(row.cells) if text.strip()), default=-1) for row in body),
                 default=-1) + 1
    named = [c for c, text in enumerate(cells) if text.strip()]
    if not named or named[-1] + 1 >= filled or len(named) + 1 != filled:
        return header
    for c in named:
        words = cells[c].split()
        splits = [k for k in range(1, len(words))
                  if mentions(" ".join(words[:k]), _HEADER_WORDS) and mentions(" ".join(words[k:]), _HEADER_WORDS)]
        if len(splits) == 1:
            k = splits[0]
            spread = cells[:c] + [" ".join(words[:k]), " ".join(words[k:])] + cells[c + 1:named[-1] + 1]
            return replace(header, cells=tuple(spread + [""] * (len(cells) - len(spread))))
    return header


def _names_columns(cells: list[str]) -> bool:
    named = [c for c in cells if len(c.split()) <= HEADER_CELL_WORDS and mentions(c, _HEADER_WORDS)]
    return len(cells) >= 2 and len(named) >= 2 and all(parse_number(c) is None for c in cells)


def _has_figures(rows) -> bool:
    return any(n is not None and n.value is not None for row in rows for c in row.cells if (n := parse_number(c)))
