"""Category scales: the report's own (`91% < 100% Sangat Tinggi`), or a documented default.

A scale maps a capaian percentage to a label. Reports print theirs as a small table of bands, a label and
a range per line, in either order; scales differ by region and regulation, so a label is judged by the
report's own scale when it prints one that has the label, and by a default scale only otherwise.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..exceptions import InputError
from ..said import Said

#: Labels reports use for capaian categories, longest first so "Sangat Tinggi" is not read as "Tinggi".
LABELS = ("Sangat Tinggi", "Sangat Rendah", "Sangat Baik", "Sangat Kurang", "Tidak Tercapai", "Melebihi Target",
          "Sesuai Target", "Tercapai", "Tinggi", "Sedang", "Rendah", "Baik", "Cukup", "Kurang")
LABEL_PATTERN = "|".join(label.replace(" ", r"\s+") for label in LABELS)
#: SAKIP predicates (PermenPAN-RB 88/2021).
PREDICATES = ("AA", "A", "BB", "B", "CC", "C", "D")


def normal(label: str) -> str:
    return " ".join(label.lower().split())


@dataclass(frozen=True)
class Band:
    label: str
    low: Decimal | None  # None: open below
    high: Decimal | None  # None: open above
    low_inclusive: bool = True
    high_inclusive: bool = True

    def holds(self, value: Decimal) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_inclusive)):
            return False
        return not (self.high is not None and (value > self.high or (value == self.high and not self.high_inclusive)))

    @property
    def range_text(self) -> str:
        def show(v):
            return f"{v.normalize():f}".replace(".", ",")
        if self.low is not None and self.high is not None:
            if self.low == self.high:
                return show(self.low)
            return f"{'' if self.low_inclusive else '> '}{show(self.low)}–{show(self.high)}"
        if self.low is not None:
            return f"{'≥' if self.low_inclusive else '>'} {show(self.low)}"
        return f"{'≤' if self.high_inclusive else '<'} {show(self.high)}" if self.high is not None else "semua"


@dataclass(frozen=True)
class Scale:
    name: dict[str, str]  # per language, where it comes from: the report's line, or a default's regulation
    bands: tuple[Band, ...]
    line: int | None = None  # 1-based first line of a printed scale

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(normal(b.label) for b in self.bands)

    def bands_of(self, label: str) -> list[Band]:
        return [b for b in self.bands if normal(b.label) == normal(label)]

    def allows(self, label: str, value: Decimal) -> bool:
        """Whether `value` may carry `label`: inside the label's band, in a gap the scale leaves next to it,
        or beyond the scale's end on its side (a capaian of 105 % is in the top band of a 0–100 scale)."""
        own = self.bands_of(label)
        if any(b.holds(value) for b in own):
            return True
        if any(b.holds(value) for b in self.bands):
            return False
        lows = [b for b in self.bands if b.low is not None and b.low > value]
        highs = [b for b in self.bands if b.high is not None and b.high < value]
        above = min(lows, key=lambda b: b.low) if lows else None  # the nearest band above the value
        below = max(highs, key=lambda b: b.high) if highs else None
        return any(b in own for b in (above, below) if b is not None)

    def band_for(self, value: Decimal) -> Band | None:
        """The band a value falls in (the nearest end band beyond the scale), None in a gap."""
        for band in self.bands:
            if band.holds(value):
                return band
        if all(b.high is not None and b.high < value for b in self.bands):
            return max(self.bands, key=lambda b: b.high)
        if all(b.low is not None and b.low > value for b in self.bands):
            return min(self.bands, key=lambda b: b.low)
        return None


def _d(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _bands(label: str, low, high, low_inclusive=True, high_inclusive=True) -> list[Band]:
    # "Tercapai/ Sesuai Target": one band, two names.
    return [Band(part.strip(), low, high, low_inclusive, high_inclusive)
            for part in re.split(r"\s*/\s*", label) if part.strip()]


#: Permendagri 86/2017, as reports citing it print it (e.g. Kutai Kartanegara 2023, Tabel 3.1).
PERMENDAGRI_86_2017 = Scale({"id": "skala bawaan Permendagri 86/2017", "en": "default scale of Permendagri 86/2017"}, (
    Band("Sangat Tinggi", Decimal(91), None), Band("Tinggi", Decimal(76), Decimal(90)),
    Band("Sedang", Decimal(66), Decimal(75)), Band("Rendah", Decimal(51), Decimal(65)),
    Band("Sangat Rendah", None, Decimal(50))))
#: Whether a target was met: below, at, or above 100 % of it.
TARGET_MET = Scale({"id": "skala bawaan capaian terhadap target (100 %)",
                    "en": "default scale of achievement against the target (100 %)"}, (
    Band("Tidak Tercapai", None, Decimal(100), high_inclusive=False), Band("Tercapai", Decimal(100), None),
    Band("Sesuai Target", Decimal(100), Decimal(100)), Band("Melebihi Target", Decimal(100), None,
                                                           low_inclusive=False)))


def sakip_predicates(lower_inclusive: bool = False) -> Scale:
    """SAKIP predicates of PermenPAN-RB 88/2021: AA >90–100, A >80–90, BB >70–80, B >60–70, CC >50–60,
    C >30–50, D 0–30. `lower_inclusive` makes each band's lower bound inclusive (e.g. BB 70–80)."""
    bounds = [("AA", 90, 100), ("A", 80, 90), ("BB", 70, 80), ("B", 60, 70), ("CC", 50, 60), ("C", 30, 50)]
    bands = [Band(p, Decimal(lo), Decimal(hi), lower_inclusive, not lower_inclusive or p == "AA")
             for p, lo, hi in bounds]
    bands.append(Band("D", Decimal(0), Decimal(30), True, not lower_inclusive))
    return Scale({"id": "predikat SAKIP PermenPAN-RB 88/2021", "en": "SAKIP predicates of PermenPAN-RB 88/2021"},
                 tuple(bands))


DEFAULT_SCALES = (PERMENDAGRI_86_2017, TARGET_MET)

_NUM = r"\d{1,3}(?:[.,]\d{1,2})?"
# A band's range as printed: "91% < 100%", "75.00 – 89.99", "51%<65%", "> 90", "<50%", "= 100%", "0 – 49.99".
_RANGE = re.compile(rf"(?P<op>[<>≤≥=]|&lt;|&gt;)?\s*(?P<a>{_NUM})\s*%?\s*"
                    rf"(?:(?P<sep>[-–—<≤]|s\.?\s?d\.?|sampai)\s*(?P<b>{_NUM})\s*%?)?")
_LABEL = re.compile(rf"(?<![A-Za-z])(?P<label>(?:{LABEL_PATTERN})(?:\s*/\s*(?:{LABEL_PATTERN}))*)(?![A-Za-z])",
                    re.IGNORECASE)


def band_line(line: str) -> list[Band] | None:
    """The band(s) one printed line of a scale defines: exactly one label and one range, nothing else."""
    labels = list(_LABEL.finditer(line))
    if len(labels) != 1:
        return None
    label = labels[0]
    rest = (line[:label.start()] + " " + line[label.end():]).replace("|", " ")
    rest = re.sub(r"^\s*\d{1,2}[.)]?\s+(?=\S)", " ", rest)  # the band's row number ("1\tSangat Baik\t> 90")
    match = None
    for candidate in _RANGE.finditer(rest):
        if candidate.group(0).strip():
            if match is not None:
                return None
            match = candidate
    if match is None or re.sub(r"[\s\-–—:]", "", rest[:match.start()] + rest[match.end():]):
        return None
    op, a, b = match.group("op"), _d(match.group("a")), match.group("b")
    name = " ".join(label.group("label").split())
    if b is not None:
        return _bands(name, min(a, _d(b)), max(a, _d(b)))
    if op in ("<", "&lt;"):
        return _bands(name, None, a, high_inclusive=False)
    if op == "≤":
        return _bands(name, None, a)
    if op in (">", "&gt;"):
        return _bands(name, a, None, low_inclusive=False)
    if op == "≥":
        return _bands(name, a, None)
    if op == "=":
        return _bands(name, a, a)
    return None


def printed_scales(lines: list[str]) -> list[Scale]:
    """Scales the report prints: 3 or more band lines, each at most 3 lines after the one before."""
    scales, run, last = [], [], -10
    for number, line in enumerate(lines):
        bands = band_line(line) if len(line) < 80 else None
        if bands is None:
            continue
        if number - last > 3:
            _close(run, scales)
            run = []
        run.append((number, bands))
        last = number
    _close(run, scales)
    return scales


def _close(run: list, scales: list[Scale]) -> None:
    bands = [band for _, line_bands in run for band in line_bands]
    if len(run) >= 3 and len({normal(b.label) for b in bands}) == len(bands):
        first = run[0][0] + 1
        scales.append(Scale({"id": f"skala laporan (baris {first})", "en": f"report's own scale (line {first})"},
                            tuple(bands), line=first))


_SCALE_HINT = Said('Tulis {"name": ..., "bands": [{"label": "Tinggi", "min": 76, "max": 90}, ...]}',
                   'Write {"name": ..., "bands": [{"label": "Tinggi", "min": 76, "max": 90}, ...]}')


def load_scale(path: str | Path) -> Scale:
    """A default scale from a JSON file: {"name": ..., "bands": [{"label", "min", "max", "min_inclusive",
    "max_inclusive"}]}; min or max null for an open end."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        bands = tuple(Band(b["label"], None if b.get("min") is None else Decimal(str(b["min"])),
                           None if b.get("max") is None else Decimal(str(b["max"])),
                           bool(b.get("min_inclusive", True)), bool(b.get("max_inclusive", True)))
                      for b in data["bands"])
        if not bands:
            raise ValueError("no bands")
        name = str(data.get("name") or path.name)
        return Scale({"id": f"skala {name} (berkas --scale)", "en": f"scale {name} (--scale file)"}, bands)
    except OSError as exc:
        raise InputError(path, Said(f"tidak dapat dibaca ({exc.strerror})", f"cannot be read ({exc.strerror})"),
                         Said("Periksa jalur --scale", "Check the --scale path")) from None
    except RecursionError:  # JSON nested thousands deep
        raise InputError(path, Said("bukan berkas skala (bersarang terlalu dalam)",
                                    "is not a scale file (nested too deep)"), _SCALE_HINT) from None
    except (ValueError, KeyError, TypeError, InvalidOperation, AttributeError) as exc:
        raise InputError(path, Said(f"bukan berkas skala ({type(exc).__name__}: {exc})",
                                    f"is not a scale file ({type(exc).__name__}: {exc})"), _SCALE_HINT) from None
