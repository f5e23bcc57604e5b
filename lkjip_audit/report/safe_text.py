"""Text from a report made inert for the programs that open our outputs."""

from __future__ import annotations

#: What a spreadsheet program reads as the start of a formula (or of a DDE command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """A text cell that would start a formula in Excel or LibreOffice, made text (a leading `'`), as OWASP
    advises for CSV; numbers and other values are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
