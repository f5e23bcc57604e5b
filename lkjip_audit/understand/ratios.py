"""When a printed ratio agrees with the figures it is made from: used by understanding, to name columns by
their numbers, and by the checks, to judge them, so both read a ratio the same way.

A printed ratio holds when some value in the computed range rounds or truncates to it at its printed
decimals (81,02 for 81,0196; 100 for 99,996). A capaian is made from a realisation that may itself be
rounded: printed with decimals or as a %, it may be anything that rounds to it, from half a unit below up
to (not including) half a unit above; a whole count (5 dokumen, 34 pegawai) is exact; targets are set figures.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from .numbers import Number, parse_number

HUNDRED = Decimal(100)
_BELOW = Decimal(1).scaleb(-40)  # just below a bound that is itself excluded


def half_unit(decimals: int) -> Decimal:
    """Half a unit of the last printed decimal: how far a figure printed rounded may be from what it rounds."""
    return Decimal(5).scaleb(-decimals - 1)


def range_holds(printed: Decimal, low: Decimal, high: Decimal, decimals: int) -> bool:
    """A printed ratio holds when some value in [low, high] rounds or truncates to it."""
    quantum = Decimal(1).scaleb(-decimals)
    return low.quantize(quantum, ROUND_DOWN) <= printed <= high.quantize(quantum, ROUND_HALF_UP)


def ratio_holds(printed: Decimal, computed: Decimal, decimals: int) -> bool:
    """A printed ratio holds when it is the computed one rounded or truncated to the printed decimals."""
    return range_holds(printed, computed, computed, decimals)


def comparable(target: Number | None, realisasi: Number | None) -> bool:
    """Both printed, non-zero, and of one measure (`2 dokumen` against `100%` is not)."""
    return (target is not None and realisasi is not None and target.value is not None
            and realisasi.value is not None and bool(target.value) and bool(realisasi.value)
            and target.percent == realisasi.percent)


def capaian_holds(printed: Number, target: Number, realisasi: Number) -> bool:
    """realisasi / target × 100 within the realisation's rounding, or the inverse (lower is better)."""
    if realisasi.decimals == 0 and not realisasi.percent:
        # A whole count is exact: 5 / 5 is 100, never 99,99... truncated to 99.
        ends = (realisasi.value / target.value * HUNDRED,) * 2
    else:
        half = half_unit(realisasi.decimals)
        ends = ((realisasi.value - half) / target.value * HUNDRED,
                (realisasi.value + half - _BELOW) / target.value * HUNDRED)
    inverse = target.value / realisasi.value * HUNDRED
    return range_holds(printed.value, min(ends), max(ends), printed.decimals) or \
        range_holds(printed.value, inverse, inverse, printed.decimals)


#: A `%` tesseract read as a last digit (`108,334` for 108,33%, `59,429` for 59,42%, `99,926` for 99,92%). A
#: digit may be a digit: the reading is taken only where the row's own arithmetic confirms it.
_PERCENT_AS_DIGIT = re.compile(r"^(\d{1,3}[.,]\d{1,2})[469]$")


def percent_read_as_digit(text: str, printed: Number | None, holds) -> Number | None:
    """The percentage an OCR'd cell means when its last digit is a misread `%`: only when that reading holds
    (`holds(number)`, the row's own ratio) and the figure as read does not. None otherwise."""
    match = _PERCENT_AS_DIGIT.match(text.strip())
    if match is None or printed is None or printed.value is None:
        return None
    number = parse_number(match.group(1) + "%")
    if number is None or number.value is None or not holds(number) or holds(printed):
        return None
    return Number(text=text, value=number.value, decimals=number.decimals, percent=True, low_confidence=True)
