"""How far a printed money figure may be from the computed one and still hold."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Tolerance:
    """Money identities hold within `money` rupiah; 0 (the default) means exactly.

    A report whose tables are rounded to thousands needs e.g. 1000 here. Printed
    ratios are judged by their own decimals instead (see `ratio_holds`).
    """

    money: Decimal = Decimal(0)

    def money_holds(self, printed: Decimal, expected: Decimal, rounding: Decimal = Decimal(0), scale: int = 1) -> bool:
        """Within the tolerance (rupiah, so divided by `scale` for figures printed in `Rp juta`) plus how far
        the printed figures' own rounding may take them (`rounding`, in the printed unit)."""
        return abs(printed - expected) <= self.money / scale + rounding

    @classmethod
    def of(cls, money: object) -> "Tolerance":
        """A tolerance from a parameter (number or text); a clear error for anything else."""
        try:
            value = Decimal(str(money).strip() or "0")
        except InvalidOperation:
            raise ValueError(f"tolerance {money!r} is not a number of rupiah") from None
        if not value.is_finite() or value < 0:
            raise ValueError(f"tolerance {money!r} must be zero or a positive number of rupiah")
        return cls(value)


EXACT = Tolerance()
