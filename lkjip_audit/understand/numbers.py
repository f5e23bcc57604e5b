"""Parse the numbers printed in LKjIP reports.

One report mixes Indonesian (`1.234.567,89`) and English (`9,384,257,538`)
grouping, writes `Rp.` and `%` around values, `-` for zero, spreadsheet
errors such as `#DIV/0!`, units (`12 bulan`), and OCR confuses digits with
letters. Locale parsers (babel, locale.atof) need the locale up front; here
the separator is decided per value from its shape, and per column only
where the shape is ambiguous (`1.234`), so this module does it itself.
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from ..said import Said

# Sums of printed amounts must be exact however many digits a report prints (a 30-digit typo, 10^400):
# Decimal's default 28 significant digits would round them. Threads started later copy DefaultContext.
decimal.DefaultContext.prec = decimal.getcontext().prec = 2_000
decimal.DefaultContext.Emax = decimal.getcontext().Emax = decimal.MAX_EMAX

__all__ = ["Number", "parse_number", "column_decimal_mark", "format_id", "restore_lost_decimals",
           "drop_invisible"]

#: Characters a copy from a web page or a right-to-left editor leaves inside a figure (`600\u200f.000`):
#: zero-width spaces and joiners, bidi marks and embeddings, the word joiner, a stray BOM.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")


def drop_invisible(rows: list[list[str]]) -> tuple[list[list[str]], list[tuple[int, str]]]:
    """Cells without invisible characters, and a repair note per row that had any (they would leave a
    figure unread as text, its checks silently skipped)."""
    repairs = []
    cleaned = []
    for i, cells in enumerate(rows):
        fixed = [INVISIBLE.sub("", c) if c else c for c in cells]
        if fixed != cells:
            repairs.append((i, Said("karakter tak terlihat (spasi lebar nol, tanda arah) dihapus dari sel",
                                    "invisible characters (zero-width space, direction mark) removed from a cell")))
        cleaned.append(fixed)
    return cleaned, repairs

#: Spreadsheet error values a report may print where a number should be.
ERROR_VALUES = ("#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!")
#: Cells that mean "nothing" (zero or not applicable) in budget tables.
DASHES = {"-", "—", "–", "--", "---", "- -", "-,-", "–,–"}

_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
# A numeric core: digits with optional separators, optional sign.
_CORE = re.compile(r"^(?P<sign>[-+−])?\s*(?P<digits>\d[\d.,]*\d|\d)(?P<tail>,-|,—|\.-)?$")
# Value followed by a unit word: `12 bulan`, `34 Org/bln`, `415 orang`.
_WITH_UNIT = re.compile(r"^(?P<num>[-+−]?\d[\d.,]*)\s*(?P<unit>[A-Za-z][A-Za-z /.\-]{0,30})$")
# Trailing `%`, possibly spaced or doubled by sloppy typing.
_PERCENT = re.compile(r"\s*%+\s*\.?$")


@dataclass(frozen=True)
class Number:
    """A parsed cell: its value and how it was printed."""

    text: str
    value: Decimal | None = None
    decimals: int = 0
    percent: bool = False
    dash: bool = False
    error: str | None = None
    unit: str = ""
    low_confidence: bool = False
    ambiguous: bool = False  # `1.234`: grouping or decimal mark, decided by a guess

    @property
    def is_money_like(self) -> bool:
        """Whole, unit-less, not a percentage: the shape of a rupiah amount."""
        return (self.value is not None and not self.percent and not self.unit
                and self.value == self.value.to_integral_value() and abs(self.value) >= 1000)

    @property
    def amount(self) -> Decimal | None:
        """The value to add up: a dash counts as zero, an error as nothing."""
        if self.dash:
            return Decimal(0)
        return self.value


def _split_marks(digits: str, decimal_mark: str | None) -> tuple[str, int, bool] | None:
    """Return (plain digits with `.` decimal point, decimals, ambiguous) or None."""
    dots, commas = digits.count("."), digits.count(",")
    if not dots and not commas:
        return digits, 0, False
    if dots and commas:
        mark = "." if digits.rfind(".") > digits.rfind(",") else ","
        group = "," if mark == "." else "."
        whole, _, frac = digits.rpartition(mark)
        if mark in whole or not _groups_ok(whole, group):
            return None
        if len(frac) == 3:  # `47,492.500`: a grouping typed with both marks, not three decimals
            return whole.replace(group, "") + frac, 0, True
        return whole.replace(group, "") + "." + frac, len(frac), False
    sep = "." if dots else ","
    parts = digits.split(sep)
    if len(parts) > 2:  # `1.234.567`: only grouping repeats
        return (digits.replace(sep, ""), 0, False) if _groups_ok(digits, sep) else None
    whole, frac = parts
    if len(frac) != 3 or whole in ("0", "") or len(whole) > 3:
        return whole + "." + frac, len(frac), False  # `70,20`, `0,740`, `12345.5`
    # `1.234` / `2,100`: grouping unless the column shows this mark is decimal.
    if decimal_mark == sep:
        return whole + "." + frac, 3, False
    return whole + frac, 0, decimal_mark is None


def _groups_ok(number: str, group: str) -> bool:
    parts = number.split(group)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def parse_number(text: str | None, decimal_mark: str | None = None) -> Number | None:
    """Parse one cell; None when the cell is not a number at all.

    `decimal_mark` (`.` or `,`) settles values such as `1.234` whose shape
    allows both readings; see :func:`column_decimal_mark`.
    """
    if text is None:
        return None
    raw = str(text)
    s = " ".join(raw.split()).strip()
    if not s:
        return None
    if s.upper() in ERROR_VALUES:
        return Number(raw, error=s.upper())
    if s in DASHES:
        return Number(raw, dash=True)
    s = _CURRENCY.sub("", s)
    percent = bool(_PERCENT.search(s))
    if percent:
        s = _PERCENT.sub("", s)
    if s in DASHES:
        return Number(raw, dash=True, percent=percent)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    unit = ""
    m = _CORE.match(s)
    low_confidence = False
    if not m:
        mu = _WITH_UNIT.match(s)
        if mu and not percent:
            s, unit = mu.group("num"), mu.group("unit").strip()
            m = _CORE.match(s)
        elif re.fullmatch(r"[\d.,OolI\s-]+", s) and re.search(r"\d", s) and re.search(r"[OolI]", s):
            fixed = s.translate(_OCR_DIGITS).replace(" ", "")
            m = _CORE.match(fixed)
            low_confidence = m is not None
    if not m:
        return None
    split = _split_marks(m.group("digits"), decimal_mark)
    if split is None:
        return None
    plain, decimals, ambiguous = split
    try:
        value = Decimal(plain)
    except InvalidOperation:
        return None
    if m.group("sign") in ("-", "−") or negative:
        value = -value
    return Number(raw, value=value, decimals=decimals, percent=percent, unit=unit,
                  low_confidence=low_confidence, ambiguous=ambiguous)


#: How many times more of a column's values must show one decimal mark than the other.
MARK_MAJORITY = 3
_TWO_GROUPS = re.compile(r"\d{1,3}([.,])\d{3}\1\d{3}")


def column_decimal_mark(cells: list[str]) -> str | None:
    """The decimal mark a column's own unambiguous values use, if they agree.

    `81,02`, `1.234,5` or `1.234.567` show a decimal comma; `90.50`, `9,384.5` or `9,384,257` a point.
    """
    votes = {".": 0, ",": 0}
    for cell in cells:
        core = _PERCENT.sub("", _CURRENCY.sub("", " ".join(str(cell).split())))
        grouped = _TWO_GROUPS.search(core)
        if grouped:  # `60.921.906`: the point groups, so the column's decimal mark is the comma
            votes["," if grouped.group(1) == "." else "."] += 1
            continue
        n = parse_number(cell)
        if n is None or n.value is None or n.ambiguous or n.decimals == 0:
            continue
        votes["." if core.rfind(".") > core.rfind(",") else ","] += 1
    # One stray value (a figure shifted in from the next column) does not outvote a column.
    for mark, other in ((".", ","), (",", ".")):
        if votes[mark] and votes[mark] >= MARK_MAJORITY * votes[other]:
            return mark
    return None


def restore_lost_decimals(column: list[Number | None]) -> dict[int, Number]:
    """In a percentage column printed with two decimals, a bare 4- or 5-digit number (`4497`) is a value
    whose decimal mark was lost, mostly by OCR: read it as `44,97`, with low confidence. Returns the
    replacements by row position."""
    numbers = [n for n in column if n is not None and n.value is not None]
    two_decimals = [n for n in numbers if n.decimals == 2 and abs(n.value) <= 1000]
    if len(two_decimals) < max(3, 0.6 * len(numbers)):
        return {}
    return {i: replace(n, value=n.value / 100, decimals=2, low_confidence=True)
            for i, n in enumerate(column)
            if n is not None and n.value is not None and n.decimals == 0 and 1000 <= abs(n.value) < 100000
            and re.fullmatch(r"\d{4,5}%?", n.text.strip())}


#: `%` as tesseract reads it at a figure's end: `33,3396`, `310Yo`, `173,14Y6`, `97,19%o`; and a decimal figure's
#: `%` read as one `6` (`13,396` for 13,39 %; a whole figure's one `6` could be its last digit).
_OCR_PERCENT_ENDS = (re.compile(r"^(\d{1,3}(?:[.,]\d{1,2})?)\s?(?:96|Y6|%6|Yo|%o|9o)$"),
                     re.compile(r"^(\d{1,3}[.,]\d{1,2})6$"))


def restore_ocr_percent_signs(texts: list[str], column: list[Number | None]) -> dict[int, Number]:
    """In a column of an OCR'd table whose figures are printed with `%`, a figure that ends in what
    tesseract reads for `%` (`33,3396`, `31096`, `173,14Y6`) and without that ending has as many decimals
    as the column's percentages is that percentage: read so, with low confidence. Returns the replacements
    by row position."""
    percents = [n for n in column if n is not None and n.value is not None and n.percent]
    if not percents:
        return {}
    decimals = {n.decimals for n in percents}
    restored = {}
    for i, text in enumerate(texts):
        for ending in _OCR_PERCENT_ENDS:
            match = ending.match(text.strip())
            number = parse_number(match.group(1) + "%") if match else None
            if number is not None and number.value is not None and number.decimals in decimals:
                restored[i] = replace(number, text=text, low_confidence=True)
                break
    return restored


def format_id(value: Decimal | int | float | None, decimals: int = 0) -> str:
    """Format a number the Indonesian way: `1.234.567,89`."""
    if value is None:
        return ""
    text = f"{Decimal(value):,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
