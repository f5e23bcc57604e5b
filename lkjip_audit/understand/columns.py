"""Column roles from the merged headers (fuzzy, to survive typos and OCR) and the columns' values."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .model import Column, Role
from .numbers import Number

#: Funding sources printed as realisation columns, by the name the workbook shows.
FUNDING_SOURCES = {
    "DAU": ("dau",), "DAK": ("dak",), "DBHCHT": ("dbhcht", "dbh cht"), "Pajak Rokok": ("pajak rokok",),
    "PAD": ("pad",), "DBH": ("dbh",), "DID": ("did",), "BANKEU": ("bankeu", "bantuan keuangan"),
    "APBN": ("apbn",), "APBD": ("apbd",), "BLUD": ("blud",), "DAU SG": ("dau sg",),
}
PAGU_WORDS = ("pagu", "anggaran", "alokasi", "dpa", "target keuangan", "rencana")
REALISASI_WORDS = ("realisasi",)
SISA_WORDS = ("sisa", "silpa", "efisiensi", "selisih")
PERSEN_WORDS = ("persen", "prosentase", "persentase", "serapan")
TARGET_WORDS = ("target",)
INDIKATOR_WORDS = ("indikator", "outcome", "output")
LABEL_WORDS = ("program", "kegiatan", "uraian", "sasaran", "nama")
KETERANGAN_WORDS = ("keterangan", "ket")
NO_WORDS = ("no", "no.", "nomor")
KODE_WORDS = ("kode", "kode rekening")

FUZZY_THRESHOLD = 88

#: The words column headers are read by: a narrow header cell of a word processor's table breaks them
#: anywhere (`Angg` / `aran`, `Tar` / `get Kin` / `erja`, `DA` / `K`), and the pieces are joined back.
HEADER_WORDS = frozenset(
    w for words in (PAGU_WORDS, REALISASI_WORDS, SISA_WORDS, PERSEN_WORDS, TARGET_WORDS, INDIKATOR_WORDS,
                    LABEL_WORDS, KETERANGAN_WORDS, KODE_WORDS, *FUNDING_SOURCES.values(),
                    ("kinerja", "capaian", "keuangan", "triwulan", "bulan", "desember", "pajak", "rokok",
                     "jumlah", "tahun", "satuan", "tingkat", "total", "bobot", "nilai", "skor", "efisiensi"))
    for w in words if " " not in w and len(w) >= 3)
_WORD_PIECE = re.compile(r"[A-Za-z]+")


def mend_broken_words(header: str) -> str:
    """`Tar get Kin erja` → `Target Kinerja`, `Angg aran` → `Anggaran`, `DA K` → `DAK`, `Re ali sa si` →
    `Realisasi`: two to five pieces that together are a header word (`HEADER_WORDS`), none of which is one
    alone (a 20-column table's cells hold two or three letters a line)."""
    tokens = header.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in (5, 4, 3, 2):
            pieces = tokens[i:i + size]
            if len(pieces) < size or not all(_WORD_PIECE.fullmatch(p) for p in pieces):
                continue
            if "".join(pieces).lower() in HEADER_WORDS and not any(p.lower() in HEADER_WORDS for p in pieces):
                out.append("".join(pieces))
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


def normalize(text: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", text.lower()).split())


def pair_part(header: str) -> str:
    """"k" or "rp" for a column of a K / Rp pair (`... / Triwulan I / Rp`), else the header's last part,
    normalized ("" when the header has a single part)."""
    return normalize(header.rsplit(" / ", 1)[-1]) if " / " in header else ""


def mentions(text: str, words: tuple[str, ...]) -> bool:
    """Whether a header mentions any of the words; short words must match a whole token."""
    norm = normalize(text)
    tokens = set(norm.split())
    for word in words:
        if len(word) <= 4:
            if word in tokens:
                return True
        elif fuzz.partial_ratio(word, norm) >= FUZZY_THRESHOLD:
            return True
    return False


def funding_source(text: str) -> str:
    last = text.split(" / ")[-1]
    for name, words in FUNDING_SOURCES.items():
        if normalize(last) in words or (len(normalize(last)) > 4 and mentions(last, words)):
            return name
    return ""


# `Pagu (Rp juta)`, `Realisasi (Juta Rp)`, `Anggaran (dalam ribuan rupiah)`, `(Rp. 000)`, `Rp miliar`: the
# header says in what unit its amounts are printed (with decimals: `1.100,25` juta).
_SCALE_WORDS = {"ribu": 10**3, "ribuan": 10**3, "juta": 10**6, "jutaan": 10**6, "miliar": 10**9, "milyar": 10**9,
                "triliun": 10**12}
_SCALED = re.compile(r"\b(?:rp|rupiah)\.?\s*\(?(000(?:\.000)?)\)?|\b(ribuan|ribu|jutaan|juta|miliar|milyar|triliun)\b",
                     re.IGNORECASE)
_RUPIAH_WORD = re.compile(r"\b(?:rp|rupiah)\b|\brp\.", re.IGNORECASE)


def money_scale(header: str) -> int:
    """Rupiah per printed unit the header names (`Rp juta`: 1 000 000), 1 when it names none. A scale word
    alone (`Pagu (juta)`) counts; `000` only beside `Rp` or `rupiah`."""
    for match in _SCALED.finditer(header):
        if match.group(1):
            return 10 ** (3 * match.group(1).count("000"))
        word = match.group(2).lower()
        if word in _SCALE_WORDS and (_RUPIAH_WORD.search(header) or mentions(header, PAGU_WORDS + REALISASI_WORDS
                                                                               + SISA_WORDS)):
            return _SCALE_WORDS[word]
    return 1


def _scaled_amounts(scale: int, numbers: list[Number], filled: int) -> bool:
    """A column whose header names a rupiah unit and whose figures are mostly plain numbers (no %, no unit)."""
    plain = sum(1 for v in numbers if v.value is not None and not v.percent and not v.unit or v.dash)
    return scale > 1 and plain / filled >= 0.5


def _all_zero_amounts(header: str, numbers: list[Number], filled: int) -> bool:
    """`Realisasi` printing 0 (or `-`) on every row, nothing spent yet: an amount column by its header, which
    no figure of its own can confirm (the table's % column, 0,00, then does)."""
    return (bool(numbers) and len(numbers) / filled >= 0.5
            and all(v.dash or (v.value == 0 and not v.percent and not v.unit) for v in numbers)
            and mentions(header.split(" / ")[-1], PAGU_WORDS + REALISASI_WORDS + SISA_WORDS))


def assign_roles(headers: list[str], values: list[list[Number | None]], cells: list[list[str]],
                 unit: int = 1) -> list[Column]:
    """Give each column a role from its header and the shape of its values. `unit`: rupiah per printed unit
    the caption names (`Tabel 3.5 Realisasi Anggaran (dalam juta rupiah)`), for the columns whose header
    names an amount (pagu, realisasi, sisa) but no unit of its own."""
    columns = []
    for index, header in enumerate(headers):
        col_values = [row[index] for row in values if index < len(row)]
        col_cells = [row[index] for row in cells if index < len(row) and row[index].strip()]
        numbers = [v for v in col_values if v is not None]
        money = sum(1 for v in numbers if v.is_money_like)
        pct = sum(1 for v in numbers if v.percent and v.value is not None)
        filled = len(col_cells) or 1
        column = Column(index=index, header=header)
        pair = pair_part(header)
        scale = money_scale(header)
        if scale == 1 and unit > 1 and mentions(header.split(" / ")[-1], PAGU_WORDS + REALISASI_WORDS + SISA_WORDS):
            scale = unit
        if money and pair != "k" and (money + sum(1 for v in numbers if v.dash or v.value == 0)) / filled >= 0.5 \
                or pair != "k" and _scaled_amounts(scale, numbers, filled):
            column.money = True
            column.scale = scale
            column.role, column.source_name = _money_role(header)
        elif pair == "k" and pct and pct / filled >= 0.5:
            column.role = Role.CAPAIAN  # `10 = 9/4 x 100% / K`: kinerja achieved
        elif pair == "rp" and pct and pct / filled >= 0.5:
            column.role = Role.PERSEN  # `10 = 9/4 x 100% / Rp`: budget absorbed
        elif (pct and pct / filled >= 0.5) or normalize(header.split(" / ")[-1]) in ("%", "persen"):
            last = header.split(" / ")[-1]
            if mentions(header, SISA_WORDS):
                column.role = Role.EFISIENSI  # `Efisiensi (%)` is not realisasi/pagu
            elif mentions(last, TARGET_WORDS):
                column.role = Role.TARGET
            elif mentions(last, REALISASI_WORDS):
                column.role = Role.REALISASI_KINERJA
            else:
                column.role = Role.PERSEN  # budget % or capaian: settled by its neighbours below
        else:
            column.role = _text_role(header, col_cells)
        columns.append(column)
    if any(c.money for c in columns):
        for column, header in zip(columns, headers):
            index = column.index
            numbers = [row[index] for row in values if index < len(row) and row[index] is not None]
            filled = sum(1 for row in cells if index < len(row) and row[index].strip()) or 1
            if not column.money and _all_zero_amounts(header, numbers, filled):
                column.money = True
                column.role, column.source_name = _money_role(header)
    _settle_percent_columns(columns)
    _settle_label_column(columns, cells)
    if not any(c.header for c in columns) or _budget_pair_unnamed(columns):
        _roles_from_arithmetic(columns, values)
    return columns


def _budget_pair_unnamed(columns: list[Column]) -> bool:
    """A header that lost a cell (OCR, a merged cell) left an amount column without a name, and the table
    has no realisasi anggaran: the rows' own arithmetic may still name it."""
    return (any(c.money and not c.header.strip() for c in columns)
            and not any(c.role is Role.REALISASI for c in columns))


#: Share of rows on which the identities must hold before a headerless table's columns are named by them.
MIN_IDENTITY_SHARE = 0.8


def _roles_from_arithmetic(columns: list[Column], values: list[list[Number | None]]) -> None:
    """A table printed without its header (a continuation page, an OCR'd annex): find pagu and
    realisasi as the pair of amount columns that the rows' own sisa (pagu − realisasi) or
    % (realisasi / pagu × 100) confirm."""
    def amounts(index: int) -> list:
        return [row[index].amount if index < len(row) and row[index] is not None else None for row in values]

    money = [c.index for c in columns if c.money]
    numeric = [c.index for c in columns if not c.money and any(
        index_row[c.index] is not None and index_row[c.index].value is not None
        for index_row in values if c.index < len(index_row))]
    # A role the header gave stays: only unnamed columns (no header, or `other`) take one from the numbers.
    free = {c.index for c in columns if not c.header.strip() or c.role is Role.OTHER}

    def may_be(index: int, role: Role) -> bool:
        if role is Role.PERSEN and columns[index].role in (Role.CAPAIAN, Role.REALISASI_KINERJA):
            return True  # `% Capaian`, `% Realisasi` over amounts: the numbers decide, as in understand.confirm
        return index in free or columns[index].role is role

    for a_pos, a in enumerate(money):
        for b in money[a_pos + 1:]:
            if not (may_be(a, Role.PAGU) and may_be(b, Role.REALISASI)):
                continue
            pagu, realisasi = amounts(a), amounts(b)
            pairs = [(p, r) for p, r in zip(pagu, realisasi) if p and r is not None]
            if len(pairs) < 3:
                continue
            named = {}
            sisa = _best([i for i in money if may_be(i, Role.SISA)], b, amounts, pagu, realisasi,
                         lambda p, r, s: p - r == s)
            if sisa is not None:
                named[sisa] = Role.SISA
            pct = _best([i for i in numeric if may_be(i, Role.PERSEN)], b, amounts, pagu, realisasi,
                        lambda p, r, x: abs(r / p * 100 - x) < 1)
            if pct is not None:
                named[pct] = Role.PERSEN
            if named:
                named.update({a: Role.PAGU, b: Role.REALISASI})
                for index, role in named.items():
                    columns[index].role = role
                    if not columns[index].header.strip():
                        # the report prints no name: the messages show the role, bracketed as not printed
                        columns[index].header = f"[{_UNNAMED[role]}]"
                return


_UNNAMED = {Role.PAGU: "Pagu", Role.REALISASI: "Realisasi", Role.SISA: "Sisa", Role.PERSEN: "%"}


def _best(candidates, after, amounts, pagu, realisasi, holds) -> int | None:
    """The column right of `after` on which the identity holds for the most rows (and most of its rows)."""
    best, best_count = None, 0
    for index in (c for c in candidates if c > after):
        usable = [t for t in zip(pagu, realisasi, amounts(index)) if t[0] and t[1] is not None and t[2] is not None]
        count = sum(1 for t in usable if holds(*t))
        if len(usable) >= 3 and count / len(usable) >= MIN_IDENTITY_SHARE and count > best_count:
            best, best_count = index, count
    return best


#: A quarter's number after its name: I-IV, 1-4, or a roman numeral as OCR reads its strokes (`Il`, `Til`,
#: `lll` for III, `lV` for IV).
_QUARTER = re.compile(r"\b(?:triwulan|tw|trw)\b\s*/?\s*([ilt1|]{1,3}v?|[2-4])\b", re.IGNORECASE)
_ROMAN = {1: "I", 2: "II", 3: "III"}
_ARABIC = {"2": "II", "3": "III", "4": "IV"}


def quarter_of(header: str) -> str:
    """`Realisasi Kinerja Pada Triwulan / II / Rp` -> "II"; "" when the header names no quarter."""
    match = _QUARTER.search(normalize(header.replace(" / ", " ")))
    if not match:
        return ""
    number = match.group(1).lower()
    if number in _ARABIC:
        return _ARABIC[number]
    strokes = len(number.rstrip("v"))
    if number.endswith("v"):
        return "IV" if strokes == 1 else ""
    return _ROMAN[strokes]


def _money_role(header: str) -> tuple[Role, str]:
    quarter = quarter_of(header)
    if quarter:
        return Role.TRIWULAN, f"Triwulan {quarter}"
    source = funding_source(header)
    if source:
        return Role.SUMBER, source
    if mentions(header, SISA_WORDS):
        return Role.SISA, ""
    if mentions(header, REALISASI_WORDS):
        return Role.REALISASI, ""
    if mentions(header, PAGU_WORDS) or mentions(header, TARGET_WORDS):
        return Role.PAGU, ""
    return Role.OTHER, ""


#: A header row's piece that only says up to when (`s/d 2026`, `Tahun 2023`): the piece above names the column.
_ONLY_WHEN = re.compile(r"^\s*(?:s\s*/\s*d\.?|sampai\s+dengan|tahun|th\.?)?\s*(?:19|20)\d\d\s*$", re.IGNORECASE)


def _naming_piece(header: str) -> str:
    """The piece of a multi-row header that names the column: the lowest, unless it only gives a year."""
    pieces = header.split(" / ")
    while len(pieces) > 1 and _ONLY_WHEN.match(pieces[-1]):
        pieces.pop()
    return pieces[-1]


def _text_role(header: str, cells: list[str]) -> Role:
    last = _naming_piece(header)
    if normalize(header) in NO_WORDS:
        return Role.NO
    if mentions(header, KODE_WORDS):
        return Role.KODE
    words = normalize(last).split()  # whole words: "penilaian" is not a score, "(i)" not "nilai"
    if "bobot" in words:
        return Role.BOBOT
    if {"nilai", "skor"} & set(words) and not mentions(header, INDIKATOR_WORDS):
        return Role.NILAI
    if mentions(header, INDIKATOR_WORDS):
        return Role.INDIKATOR
    if mentions(last, TARGET_WORDS):
        return Role.TARGET
    if mentions(last, ("capaian",)) and re.search(r"%|\bpersen", header.lower()):
        return Role.CAPAIAN  # "% Capaian" printed without % signs: the ratio, not the realisation
    if mentions(last, REALISASI_WORDS) or mentions(last, ("capaian",)):
        return Role.REALISASI_KINERJA
    if mentions(header, KETERANGAN_WORDS):
        return Role.KETERANGAN
    if mentions(header, LABEL_WORDS):
        return Role.LABEL
    return Role.OTHER


def _settle_percent_columns(columns: list[Column]) -> None:
    """A % column right of money columns is realisasi/pagu; otherwise it is capaian kinerja."""
    for column in columns:
        if column.role is not Role.PERSEN or pair_part(column.header) == "rp":
            continue
        left = [c for c in columns[:column.index] if c.role is not Role.OTHER or c.money]
        if not (left and left[-1].money):
            column.role = Role.CAPAIAN


def _settle_label_column(columns: list[Column], cells: list[list[str]]) -> None:
    """The row label is the labelled column, else the text column with the longest texts."""
    if any(c.role is Role.LABEL for c in columns):
        return
    def mean_length(c: Column) -> float:
        texts = [row[c.index] for row in cells if c.index < len(row) and row[c.index].strip()]
        return sum(map(len, texts)) / len(texts) if texts else 0.0
    candidates = [c for c in columns if c.role in (Role.OTHER, Role.NO) and not c.money]
    if candidates:
        best = max(candidates[:3], key=mean_length)
        if mean_length(best) > 8:
            best.role = Role.LABEL
