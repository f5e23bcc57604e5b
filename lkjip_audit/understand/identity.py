"""Whose report it is and for which year, read from its own text (for the Ringkasan sheet)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Capitalised words that end a name rather than continue it.
_ENDS_NAME = r"(?!(?i:kabupaten|kota|provinsi|kab|tahun|pemerintah|nomor|no|tabel|yang)\b)"
# An agency name: the unit word, then capitalised words (joined by `dan`, `&`).
_AGENCY = re.compile(
    r"\b((?i:Dinas|Badan|Kantor|Inspektorat|Sekretariat|Satuan|Rumah Sakit|Kecamatan|Bagian))"
    rf"((?:\s+(?:dan|DAN|&|{_ENDS_NAME}[A-Z][A-Za-z]*))*)")
_REGION = re.compile(rf"\b(Kabupaten|Kota|Provinsi)\s+({_ENDS_NAME}[A-Z][a-z]+(?:\s+{_ENDS_NAME}[A-Z][a-z]+)?)")
# `Tahun 2023`, `Tahun Anggaran 2023`, but not a regulation's `Nomor 53 Tahun 2014` nor a range `2021-2026`.
_YEAR = re.compile(r"(?<!\d\s)(?<!nomor\s)\btahun\s+(?:anggaran\s+)?(20\d\d)\b(?!\s*[-–—]\s*20\d\d)",
                   re.IGNORECASE)
_LEADING_LINES = 400  # the cover, foreword and chapter I name the agency; later pages quote others


@dataclass(frozen=True)
class ReportIdentity:
    agency: str | None
    region: str | None
    year: int | None

    @property
    def title(self) -> str:
        return ", ".join(p for p in (self.agency, self.region) if p) or "?"


def report_identity(lines: list[str]) -> ReportIdentity:
    """The agency, region and report year most often named; None where the text does not tell."""
    head = " ".join(line.strip() for line in lines[:_LEADING_LINES])
    agencies = Counter()
    for match in _AGENCY.finditer(head):
        words = match.group(2).split()
        while words and words[-1].lower() in ("dan", "&"):
            words.pop()
        if len(words) >= 1 and words[0].lower() not in ("dan", "&"):
            agencies[" ".join([match.group(1).title(), *words]).replace(" DAN ", " dan ")] += 1
    regions = Counter(f"{kind.title()} {name}" for kind, name in _REGION.findall(head))
    years = Counter(int(y) for y in _YEAR.findall(" ".join(line.strip() for line in lines)))
    return ReportIdentity(agency=_most_named(agencies), region=_most_named(regions),
                          year=years.most_common(1)[0][0] if years else None)


def _most_named(counts: Counter) -> str | None:
    """The most frequent name, or the most frequent longer name it is the start of (a report often
    shortens its own name: `Dinas Koperasi` for `Dinas Koperasi dan Usaha Kecil dan Menengah`)."""
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    longer = [n for n in counts if n.startswith(top + " ")]
    return max(longer, key=lambda n: (counts[n], len(n))) if longer else top
