"""Likely causes a finding's numbers show: a digit slip, a swap, a sign, a part counted wrongly."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # finding.py reads CAUSES from here
    from .finding import Finding

CAUSES = {
    "one-digit": {"id": "satu digit salah ketik ({reported} ↔ {expected})",
                  "en": "one digit mistyped ({reported} ↔ {expected})"},
    "swapped-digits": {"id": "dua digit bersebelahan tertukar ({reported} ↔ {expected})",
                       "en": "two adjacent digits swapped ({reported} ↔ {expected})"},
    "sign": {"id": "tanda negatif hilang atau terbalik", "en": "sign missing or reversed"},
    "equals-part": {"id": "sama dengan salah satu rinciannya ({part}): rincian lain mungkin belum dijumlahkan",
                    "en": "equals one of its parts ({part}): the other parts may not have been added"},
    "difference-is-part": {"id": "selisih sama dengan rincian {part}: mungkin terlewat atau terhitung dua kali",
                           "en": "the difference equals the part {part}: left out or counted twice"},
}


def digit_slip(reported: Decimal, expected: Decimal) -> str | None:
    a, b = str(abs(int(reported))), str(abs(int(expected)))
    if len(a) != len(b) or reported != reported.to_integral_value():
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) == 1:
        return "one-digit"
    if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
        return "swapped-digits"
    return None


def digit_slips(value: Decimal) -> set[Decimal]:
    """Every whole number `digit_slip` relates to `value`: one digit changed, or two neighbours swapped."""
    if value != value.to_integral_value():
        return set()
    digits = str(abs(int(value)))
    sign = -1 if value < 0 else 1
    found = set()
    for i, digit in enumerate(digits):
        for other in "0123456789":
            if other != digit and not (i == 0 and other == "0" and len(digits) > 1):
                found.add(Decimal(digits[:i] + other + digits[i + 1:]) * sign)
        if i + 1 < len(digits) and digits[i + 1] != digit and not (i == 0 and digits[1] == "0"):
            found.add(Decimal(digits[:i] + digits[i + 1] + digit + digits[i + 2:]) * sign)
    return found


def likely_cause(finding: Finding, parts: list[tuple[str, Decimal]] | None = None) -> str | None:
    """Code of the likeliest cause (see CAUSES), filling the finding's `cause_detail`; None when none shows."""
    reported, expected = finding.reported, finding.expected
    if reported is None or expected is None or reported == expected:
        return None
    if reported == -expected:
        return "sign"
    if parts and len(parts) > 1:
        for label, value in parts:
            if value == reported and value != 0:
                finding.cause_detail = label
                return "equals-part"
        for label, value in parts:
            if value and abs(reported - expected) == abs(value):
                finding.cause_detail = label
                return "difference-is-part"
    return digit_slip(reported, expected)
