"""Cells the extraction split or merged: a kode printed digit by digit over several cells, and a header
cell over a K / Rp pair whose sub-labels were lost (the RKPD evaluation format of Permendagri 86/2017)."""

from __future__ import annotations

import re
from collections import Counter

from ..said import Said
from .columns import normalize, pair_part
from .scales import LABEL_PATTERN

_DIGIT = re.compile(r"^\d{1,2}$")
_GLUED = re.compile(r"^(\d{1,2})\s+(\S.*)$")  # "0 Pelaksanaan Penilaian ...": the last digit kept its label
#: Rows whose kode is split must be at least this share of the body before cells are joined.
MIN_SPLIT_SHARE = 0.5


def _digits_in_front(cells: list[str]) -> int:
    n = 0
    while n < len(cells) and _DIGIT.match(cells[n].strip()):
        n += 1
    return n


def _empty_in_front(cells: list[str]) -> int:
    n = 0
    while n < len(cells) and not cells[n].strip():
        n += 1
    return n


def join_split_kode(first_header: str, rows: list[list[str]]) -> tuple[list[list[str]], list[tuple[int, str]]]:
    """Under a `Kode` header, rows that start with 3+ one- or two-digit cells (`2 1 0 2 0`) get them joined
    into one kode cell, as printed (`2 1 0 2 0`); returns the rows and (row index, repair) pairs.

    The digits are kept apart by spaces, not dots: they are not a kode's segments (`2.17.02`), so they
    say nothing of a row's level."""
    if not normalize(first_header).startswith("kode"):
        return rows, []
    # An extraction may put an empty cell before a row's kode (a cell its grid drew for nothing): dropped
    # with the join, where the kode digits follow.
    empties = [_empty_in_front(cells) for cells in rows]
    empties = [e if _digits_in_front(cells[e:]) >= 3 else 0 for e, cells in zip(empties, rows)]
    trimmed = [cells[e:] for e, cells in zip(empties, rows)]
    fronts = [_digits_in_front(cells) for cells in trimmed]
    split = [n for n in fronts if n >= 3]
    if len(split) < max(3, MIN_SPLIT_SHARE * len(rows)):
        return rows, []
    rows = trimmed
    typical = Counter(split).most_common(1)[0][0]
    joined, repairs = [], []
    for index, (cells, n) in enumerate(zip(rows, fronts)):
        if n < 2:
            lead = 1 if len(cells) > 1 and not cells[0].strip() else 0
            if n == 0 and len(cells) > lead + typical and not any(c.strip() for c in cells[lead + 1:lead + typical]):
                # "JUMLAH" printed across the kode and label cells (after an empty cell the extraction drew
                # before it): its amounts line up with the joined rows' once the empty cells it spans are dropped.
                cells = [cells[lead]] + list(cells[lead + typical + 1:])
            joined.append(cells)
            continue
        digits, rest = [c.strip() for c in cells[:n]], list(cells[n:])
        glued = _GLUED.match(rest[0].strip()) if rest and n < typical else None
        if glued:
            digits.append(glued.group(1))
            rest[0] = glued.group(2)
        joined.append([" ".join(digits)] + rest)
        repairs.append((index, Said(f"kode yang tercetak di {len(digits)} sel digabung menjadi satu: "
                                    f"{' '.join(digits)}",
                                     f"kode printed over {len(digits)} cells joined into one: {' '.join(digits)}")))
    return joined, repairs


def split_pair_header(labels: list[str], money_share: list[float]) -> tuple[list[str], str | None]:
    """Columns come in K / Rp pairs but the header cell before the first pair covers two columns (`Target
    Kinerja dan Anggaran`, its own K and Rp lost): split it when the body shows it (money one column to the
    right of where the header puts it). `money_share[c]`: the share of column c's filled cells that are
    amounts. Returns the labels and the repair, or the labels unchanged and None."""
    ends = [pair_part(label) for label in labels]
    first = next((i for i, end in enumerate(ends) if end == "k"), None)
    if first is None or first == 0 or first + 1 >= len(labels) or ends[first + 1] != "rp":
        return labels, None
    # The header says K at `first`, Rp at `first + 1`; the body has its amounts at `first` instead.
    if not (money_share[first] >= 0.5 > money_share[first + 1 if first + 1 < len(money_share) else first]):
        return labels, None
    spanning = labels[first - 1]
    widened = labels[:first - 1] + [f"{spanning} / K", f"{spanning} / Rp"] + labels[first:]
    return widened, Said(f"judul `{spanning[:60]}` menaungi kolom K dan Rp (sub-judulnya hilang): dibagi dua",
                         f"header `{spanning[:60]}` covers a K and an Rp column (their sub-labels are missing): "
                         "split in two")


_PCT_OR_ERROR = r"(?:\d{1,3}(?:[.,]\d{1,2})?\s*%|#[A-Z0-9/]+[!?]?)"
_FIGURE = r"\d{1,3}(?:[.,]\d{1,2})?\s*%?"
_AMOUNT = r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"
_TWO_FIGURES = re.compile(rf"^({_PCT_OR_ERROR})\s+({_PCT_OR_ERROR}|{_AMOUNT})$|^({_FIGURE})\s+({LABEL_PATTERN})$",
                          re.IGNORECASE)


def split_two_figure_cells(rows: list[list[str]]) -> tuple[list[list[str]], list[tuple[int, str]]]:
    """`100% 90,67%`, `0% #DIV/0!`, `100% 5.087.297.982` (a K target and its Rp pagu) or `100,92 Melebihi
    Target` in one cell beside an empty one: two cells a PDF extraction merged. They are split into the cell
    and its empty neighbour."""
    result, repairs = [], []
    for index, cells in enumerate(rows):
        cells = list(cells)
        for c, text in enumerate(cells):
            match = _TWO_FIGURES.match(text.strip())
            if not match:
                continue
            first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            if c + 1 < len(cells) and not cells[c + 1].strip():
                cells[c], cells[c + 1] = first, second
            elif c > 0 and not cells[c - 1].strip():
                cells[c - 1], cells[c] = first, second
            else:
                continue
            repairs.append((index, Said(f"`{text.strip()}` memuat nilai dua sel: dibagi dua",
                                         f"`{text.strip()}` holds two cells' values: split in two")))
        result.append(cells)
    return result, repairs


_LABEL_THEN_COUNT = re.compile(r"^(?P<label>.*[^\d\s.,])\s+(?P<figure>\d[\d.,]*\s*(?P<unit>[A-Za-z]{2,12}))$")
_COUNT = re.compile(r"^\d[\d.,]*\s*(?P<unit>[A-Za-z]{2,12})$")


def split_label_figure_cells(rows: list[list[str]]) -> tuple[list[list[str]], list[tuple[int, str]]]:
    """`Bidang Kelembagaan dan SDM 8 Orang` in a label cell whose right neighbour is empty, where that column's
    other rows print `10 Orang`, `9 Orang`: a label and its figure a PDF extraction merged. The column's own
    figures (two or more, same unit) are the evidence; the figure goes back to its cell."""
    result = [list(cells) for cells in rows]
    repairs = []
    for index, cells in enumerate(result):
        for c, text in enumerate(cells[:-1]):
            match = _LABEL_THEN_COUNT.match(text.strip())
            if not match or cells[c + 1].strip():
                continue
            unit = match.group("unit").lower()
            same = sum(1 for other in result if other is not cells and c + 1 < len(other)
                       and (m := _COUNT.match(other[c + 1].strip())) and m.group("unit").lower() == unit)
            if same < 2:
                continue
            cells[c], cells[c + 1] = match.group("label"), match.group("figure")
            repairs.append((index, Said(f"`{text.strip()}` memuat uraian dan angkanya: dibagi dua",
                                         f"`{text.strip()}` holds a label and its figure: split in two")))
    return result, repairs


_RUPIAH = r"(?:Rp\.?\s*)?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{2})?"
_AMOUNT_THEN_TEXT = re.compile(rf"^(?P<figure>{_RUPIAH})\s+(?P<text>[A-Za-z].*)$")
_AMOUNT_CELL = re.compile(rf"^(?:{_RUPIAH}|(?:Rp\.?\s*)?-)$")


def split_amount_text_cells(rows: list[list[str]]) -> tuple[list[list[str]], list[tuple[int, str]]]:
    """`Rp 9,384,257,538 Mendukung/Berkaitan Sasaran Strategis` in a cell whose left neighbour is empty, where
    that column's other rows print amounts (`Rp -`, `Rp 32,300,612,788`): an amount and the next cell's words a
    PDF extraction merged (Depok's ruled Perjanjian Kinerja). The column's own figures (two or more) are the
    evidence; the amount goes back to its cell."""
    result = [list(cells) for cells in rows]
    repairs = []
    for index, cells in enumerate(result):
        for c, text in enumerate(cells):
            match = _AMOUNT_THEN_TEXT.match(text.strip())
            if c == 0 or not match or cells[c - 1].strip():
                continue
            same = sum(1 for other in result if other is not cells and c - 1 < len(other)
                       and _AMOUNT_CELL.match(other[c - 1].strip()))
            if same < 2:
                continue
            cells[c - 1], cells[c] = match.group("figure"), match.group("text")
            repairs.append((index, Said(f"`{text.strip()}` memuat angka dan uraian sel sebelahnya: dibagi dua",
                                         f"`{text.strip()}` holds an amount and the next cell's words: split in two")))
    return result, repairs


def drop_inserted_empty_cells(rows: list[list[str]], named: int) -> list[tuple[int, str]]:
    """A row with a figure right of the `named` columns had an empty cell inserted before it (a PDF page
    whose column lines differ): drop the nearest empty cell left of the overflow, in place; returns the
    (row index, repair) pairs."""
    repairs = []
    for index, cells in enumerate(rows):
        overflow = next((c for c in range(named, len(cells)) if cells[c].strip()), None)
        if overflow is None:
            continue
        gap = next((c for c in range(overflow - 1, 0, -1) if not cells[c].strip()), None)
        if gap is None:
            continue
        del cells[gap]
        cells.append("")
        if not any(c.strip() for c in cells[named:]):
            repairs.append((index, Said(f"sel kosong (kolom {gap + 1}) sisipan ekstraksi dibuang",
                                         f"an empty cell (column {gap + 1}) the extraction inserted was dropped")))
        else:  # still too wide: leave it as it was, to be shown and not checked
            cells.insert(gap, "")
            cells.pop()
    return repairs


_DOUBLE_HEADER = re.compile(r"^(target|realisasi)\s+(realisasi|%\s*capaian|capaian)$", re.IGNORECASE)


def split_double_header(labels: list[str], filled: list[bool]) -> tuple[list[str], str | None]:
    """`Realisasi % Capaian` over one column beside an empty header whose column holds data: two labels a
    PDF extraction put in one cell. `filled[c]`: column c has data in the body."""
    labels = list(labels)
    for c, label in enumerate(labels):
        match = _DOUBLE_HEADER.match(" ".join(label.split()))
        if not match:
            continue
        if c > 0 and not labels[c - 1] and filled[c - 1]:
            labels[c - 1], labels[c] = match.group(1), match.group(2)
        elif c + 1 < len(labels) and not labels[c + 1] and filled[c + 1]:
            labels[c], labels[c + 1] = match.group(1), match.group(2)
        else:
            continue
        return labels, Said(f"judul `{label}` menamai dua kolom: dibagi ke kolom itu dan tetangganya yang kosong",
                            f"header `{label}` names two columns: split over it and its empty neighbour")
    return labels, None
