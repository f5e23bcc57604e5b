"""The prose's claims: figures a sentence states together, read into plain data for the checks to judge.

Each paragraph (a sentence the text layer wraps is read whole) is read for:

- **capaian**: target, realisasi and capaian — "ditargetkan 320 Unit Usaha dengan realisasi capaian 340 unit
  usaha. Capaian kinerja 100,66%", "tercapai 72% dari target 92,9%, dengan capaian kinerja 88%"; the three
  may stand in one sentence or the capaian in the next, target and realisasi in either order;
- **rasio**, a ratio written out: "(50 : 3) x 100% = 1667%", "307/1386 x 100 = 22,16%", and the fraction of a
  formula block flattened onto one line, numerator (with its words), `x 100 = Z`, then the denominator:
  "36.743 Penduduk usia 7 s.d 12 tahun yang sekolah x 100 = 92.22 39.834 Penduduk usia 7 s.d 12 tahun";
- **jumlah**, a total and its parts: "225 orang peserta yang terdiri dari 204 orang peserta perempuan dan 24
  peserta laki-laki" (counted things, not percentages);
- **baris**, a table row flattened into prose with two counts of one unit and a percentage after them:
  "Upaya hukum banding tahun 2016 dan 2015 40 Berkas Upaya hukum banding tahun 2015 20 Berkas 50,00". Which
  count is divided by which is not printed: the checks take it from the report's other rows of this shape.

A claim keeps the printed fragments it was read from and the line of its stated figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .paragraphs import paragraphs
from .numbers import Number, parse_number

_NUMBER = r"(\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?(?![\d])|\d+(?:[.,]\d+)?)"
_PCT = r"\s*(%|persen)?"
# `target tahun 2023 sebanyak 225`, `ditargetkan 320`, `target 92,9%`: a year after `target` is not the target.
_TARGET = re.compile(rf"\b(?:target(?:nya)?|ditargetkan)\b(?:\s+(?:tahun\s+)?(?:19|20)\d\d\b)?[^\d%.]{{0,40}}?"
                     rf"{_NUMBER}{_PCT}", re.IGNORECASE)
_REALISASI = re.compile(rf"\b(?:realisasi(?:nya)?(?:\s+capaian)?|terealisasi|tercapai)\b"
                        rf"(?:\s+(?:tahun\s+)?(?:19|20)\d\d\b)?[^\d%.]{{0,40}}?{_NUMBER}{_PCT}", re.IGNORECASE)
_CAPAIAN = re.compile(rf"\b(?:tingkat\s+)?capaian(?:\s+kinerja(?:nya)?)?\b(?!\s+\d{{1,3}}\s+(?:unit|orang))"
                      rf"[^\d%.]{{0,25}}?{_NUMBER}\s*(%|persen)", re.IGNORECASE)
# `(50 : 3) x 100% = 1667%`, `307/1386 x 100 = 22,16%`
_RATIO = re.compile(rf"\(?\s*{_NUMBER}\s*[:/]\s*{_NUMBER}\s*\)?\s*[x×*]\s*100\s*%?\s*=\s*{_NUMBER}\s*%?",
                    re.IGNORECASE)
# The words of a formula block's numerator or a flattened row's label: no figure of three digits or more
# (`7 s.d 12 tahun` is words), no sentence end, no `=`.
_WORDS = r"(?:[^\d=.]|\b\d{1,2}\b|\.(?=\S))"
_FORMULA_BLOCK = re.compile(rf"(?<![\d.,]){_NUMBER}\s+(?=[A-Za-z])(?P<top_words>{_WORDS}{{3,120}}?)\s*[x×*]\s*100"
                            rf"\s*%?\s*=\s*{_NUMBER}\s*%?\s+{_NUMBER}\s+(?=[A-Za-z])", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d$")
# A flattened row: `40 Berkas <label> 20 Berkas 50,00`; the label may name years.
_FLAT_ROW = re.compile(rf"(?<![\d.,]){_NUMBER}\s+(?P<unit>[A-Za-z]{{3,}})\b(?P<label>(?:{_WORDS}|\b(?:19|20)\d\d\b)"
                       rf"{{3,150}}?)(?<![\d.,]){_NUMBER}\s+(?P=unit)\s+(?P<percent>\d{{1,3}}(?:,\d{{1,2}})?)"
                       rf"(?!\d|[.,]\d)\s*%?", re.IGNORECASE)
_COUNTED = ("orang", "peserta", "unit", "pegawai", "koperasi", "usaha", "pelaku", "kelompok", "perkara",
            "dokumen", "laporan", "kegiatan", "program", "desa", "kelurahan", "kecamatan", "umkm")
_TOTAL_PARTS = re.compile(rf"{_NUMBER}\s+(?P<noun>{'|'.join(_COUNTED)})\b[^.%]{{0,60}}?\bterdiri\s+(?:dari|atas)\b"
                          rf"(?P<rest>[^.:;]*)", re.IGNORECASE)
# A part starts the list or follows `,` / `dan`: `275 peserta dari 11 Kecamatan` has one part, not two.
_PART = re.compile(rf"(?:^|,|\bdan\b)\s*(?:[A-Za-z ]{{0,25}}?\bsebanyak\s+)?{_NUMBER}\s+(?P<noun>[A-Za-z]+)")
# `serta` opens another group (`15 sehat dan 45 cukup sehat, serta 50 dalam pengawasan`): the parts end there.
_OTHER_GROUP = re.compile(r",?\s+serta\b", re.IGNORECASE)
WINDOW = 400  # characters a claim's figures may stand apart (a sentence and the next)


@dataclass(frozen=True)
class Claim:
    """Figures the prose states together. `stated` is the figure the claim asserts, `operands` the ones it
    is computed from (capaian: realisasi, target; rasio: numerator, denominator; jumlah: the parts;
    baris: the two counts in printed order); `quotes` are the printed fragments, stated figure first."""

    kind: str
    line: int
    item: str
    stated: Number
    operands: tuple[Number, ...]
    quotes: tuple[str, ...]


def _number(text: str, percent: str | None = None) -> Number | None:
    value = parse_number(text + ("%" if percent else ""))
    return value if value is not None and value.value is not None else None


def read_claims(lines: list[str]) -> list[Claim]:
    """Every claim of the report's prose, in reading order."""
    claims: list[Claim] = []
    for start, text, offsets in paragraphs(lines):
        def line_of(position: int) -> int:
            return start + max(i for i, offset in enumerate(offsets) if offset <= position)
        found = (_capaian_claims(text, line_of) + _ratio_claims(text, line_of) + _total_claims(text, line_of)
                 + _flat_rows(text, line_of))
        claims += sorted(found, key=lambda c: c.line)
    return claims


def _capaian_claims(text: str, line_of) -> list[Claim]:
    claims = []
    previous_end = 0
    for capaian in _CAPAIAN.finditer(text):
        window_start = max(previous_end, capaian.start() - WINDOW)
        previous_end = capaian.end()
        before = text[window_start:capaian.start()]
        targets = list(_TARGET.finditer(before))
        realisasi = list(_REALISASI.finditer(before))
        if not targets or not realisasi:
            continue
        target_m, real_m = targets[-1], realisasi[-1]
        target, real = _number(target_m.group(1), target_m.group(2)), _number(real_m.group(1), real_m.group(2))
        printed = _number(capaian.group(1), "%")
        if printed is None or target is None or real is None:
            continue
        claims.append(Claim("capaian", line_of(capaian.start()), capaian.group(0).strip(), printed, (real, target),
                            (capaian.group(0).strip(), real_m.group(0).strip(), target_m.group(0).strip())))
    return claims


def _ratio_claims(text: str, line_of) -> list[Claim]:
    claims = []
    for match in _RATIO.finditer(text):
        top, bottom, result = (_number(g) for g in match.groups())
        if top is not None and bottom is not None and result is not None:
            claims.append(Claim("rasio", line_of(match.start()), match.group(0).strip(), result, (top, bottom),
                                (match.group(0).strip(),)))
    for match in _FORMULA_BLOCK.finditer(text):
        top, result, bottom = (_number(match.group(i)) for i in (1, 3, 4))
        if top is None or bottom is None or result is None or top.value == result.value:
            continue
        quote = match.group(0).strip()
        claims.append(Claim("rasio", line_of(match.start()), quote[:80], result, (top, bottom), (quote,)))
    return claims


def _total_claims(text: str, line_of) -> list[Claim]:
    claims = []
    for match in _TOTAL_PARTS.finditer(text):
        total = _number(match.group(1))
        noun = match.group("noun").lower()
        if total is None or total.decimals or noun not in _COUNTED:
            continue
        rest = _OTHER_GROUP.split(match.group("rest"))[0]
        parts = [m for m in _PART.finditer(rest.strip())
                 if m.group("noun").lower() in _COUNTED and not _YEAR.match(m.group(1))]
        values = [_number(m.group(1)) for m in parts]
        if len(parts) < 2 or any(v is None or v.decimals for v in values):
            continue
        claims.append(Claim("jumlah", line_of(match.start()), match.group(0).strip()[:80], total, tuple(values),
                            (match.group(1), *(m.group(0) for m in parts))))
    return claims


def _flat_rows(text: str, line_of) -> list[Claim]:
    claims = []
    for match in _FLAT_ROW.finditer(text):
        first, second, percent = (_number(match.group(i)) for i in (1, 4, 5))
        if first is None or second is None or percent is None or first.decimals or second.decimals:
            continue
        if _YEAR.match(match.group(1)) or _YEAR.match(match.group(4)):
            continue
        label = " ".join(match.group("label").split())
        claims.append(Claim("baris", line_of(match.start(5)), label[:80], percent, (first, second),
                            (match.group(5), f"{match.group(1)} {match.group('unit')}",
                             f"{match.group(4)} {match.group('unit')}")))
    return claims
