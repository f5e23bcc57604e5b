"""A sentence's own arithmetic: figures the prose states together must agree with one another.

Three kinds of claim are read from each paragraph (a sentence the text layer wraps is read whole):

- **target, realisasi, capaian**: "ditargetkan 320 Unit Usaha dengan realisasi capaian 340 unit usaha.
  Capaian kinerja 100,66%" — the capaian must be realisasi / target × 100 (or its inverse, lower is better),
  judged as a table's capaian is (`understand.ratios`); the three may stand in one sentence or the capaian
  in the next, in either order of target and realisasi ("tercapai 72% dari target 92,9%, dengan capaian
  kinerja 88%");
- **a ratio written out**: "(50 : 3) x 100% = 1667%", "307/1386 x 100 = 22,16%" — Z = X / Y × 100 at Z's decimals;
- **a total and its parts**: "225 orang peserta yang terdiri dari 204 orang peserta perempuan dan 24 peserta
  laki-laki" — the parts (counted things, not percentages) add up to the total.

Each finding names the sentence's line and quotes the figures it combined.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ..understand.numbers import Number, parse_number
from ..understand.ratios import HUNDRED, capaian_holds, comparable, ratio_holds
from .finding import Finding
from .paragraphs import paragraphs

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
_COUNTED = ("orang", "peserta", "unit", "pegawai", "koperasi", "usaha", "pelaku", "kelompok", "perkara",
            "dokumen", "laporan", "kegiatan", "program", "desa", "kelurahan", "kecamatan", "umkm")
_TOTAL_PARTS = re.compile(rf"{_NUMBER}\s+(?P<noun>{'|'.join(_COUNTED)})\b[^.%]{{0,60}}?\bterdiri\s+(?:dari|atas)\b"
                          rf"(?P<rest>[^.:;]*)", re.IGNORECASE)
# A part starts the list or follows `,` / `dan`: `275 peserta dari 11 Kecamatan` has one part, not two.
_PART = re.compile(rf"(?:^|,|\bdan\b)\s*(?:[A-Za-z ]{{0,25}}?\bsebanyak\s+)?{_NUMBER}\s+(?P<noun>[A-Za-z]+)")
# `serta` opens another group (`15 sehat dan 45 cukup sehat, serta 50 dalam pengawasan`): the parts end there.
_OTHER_GROUP = re.compile(r",?\s+serta\b", re.IGNORECASE)
WINDOW = 400  # characters a claim's figures may stand apart (a sentence and the next)


def _number(text: str, percent: str | None = None) -> Number | None:
    value = parse_number(text + ("%" if percent else ""))
    return value if value is not None and value.value is not None else None


def check_claims(lines: list[str]) -> list[Finding]:
    findings = []
    for start, text, offsets in paragraphs(lines):
        def line_of(position: int) -> int:
            return start + max(i for i, offset in enumerate(offsets) if offset <= position)
        findings += _capaian_claims(text, line_of)
        findings += _ratio_claims(text, line_of)
        findings += _total_claims(text, line_of)
    return findings


def _capaian_claims(text: str, line_of) -> list[Finding]:
    findings = []
    previous_end = 0
    for capaian in _CAPAIAN.finditer(text):
        window_start = max(previous_end, capaian.start() - WINDOW)
        previous_end = capaian.end()
        before = text[window_start:capaian.start()]
        targets = [m for m in _TARGET.finditer(before)]
        realisasi = [m for m in _REALISASI.finditer(before)]
        if not targets or not realisasi:
            continue
        target_m, real_m = targets[-1], realisasi[-1]
        target, real = _number(target_m.group(1), target_m.group(2)), _number(real_m.group(1), real_m.group(2))
        printed = _number(capaian.group(1), "%")
        if printed is None or not comparable(target, real) or capaian_holds(printed, target, real):
            continue
        computed = (real.value / target.value * HUNDRED).quantize(Decimal("0.01"), ROUND_HALF_UP)
        findings.append(_finding(
            "capaian", capaian.group(0).strip(), printed.value, computed, line_of(capaian.start()),
            {"id": f"{real.text} / {target.text} × 100", "en": f"{real.text} / {target.text} × 100"},
            [capaian.group(0).strip(), real_m.group(0).strip(), target_m.group(0).strip()]))
    return findings


def _ratio_claims(text: str, line_of) -> list[Finding]:
    findings = []
    for match in _RATIO.finditer(text):
        top, bottom, result = (_number(g) for g in match.groups())
        if top is None or bottom is None or result is None or not bottom.value:
            continue
        computed = top.value / bottom.value * HUNDRED
        if ratio_holds(result.value, computed, result.decimals):
            continue
        shown = max(result.decimals, 2)
        findings.append(_finding(
            "rasio", match.group(0).strip(), result.value, computed.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP),
            line_of(match.start()), {"id": f"{top.text} / {bottom.text} × 100", "en": f"{top.text} / {bottom.text} × 100"},
            [match.group(0).strip()]))
    return findings


def _total_claims(text: str, line_of) -> list[Finding]:
    findings = []
    for match in _TOTAL_PARTS.finditer(text):
        total = _number(match.group(1))
        noun = match.group("noun").lower()
        if total is None or total.decimals or noun not in _COUNTED:
            continue
        rest = _OTHER_GROUP.split(match.group("rest"))[0]
        parts = [m for m in _PART.finditer(rest.strip())
                 if m.group("noun").lower() in _COUNTED and not re.match(r"(19|20)\d\d$", m.group(1))]
        values = [_number(m.group(1)) for m in parts]
        if len(parts) < 2 or any(v is None or v.decimals for v in values):
            continue
        expected = sum(v.value for v in values)
        if expected == total.value:
            continue
        sentence = match.group(0).strip()
        findings.append(_finding(
            "jumlah", sentence[:80], total.value, expected, line_of(match.start()),
            {"id": " + ".join(v.text for v in values), "en": " + ".join(v.text for v in values)},
            [match.group(1), *(m.group(0) for m in parts)]))
    return findings


def _finding(kind: str, item: str, reported: Decimal, expected: Decimal, line: int, detail: dict[str, str],
             combined: list[str]) -> Finding:
    # A total is a count; a ratio is shown with its printed decimals, two at least.
    decimals = 0 if kind == "jumlah" else max(2, -min(reported.as_tuple().exponent, 0))
    return Finding(rule="prose-arithmetic", table=None, item=item, column=kind, reported=reported,
                   expected=expected, line=line, decimals=decimals, detail=detail, combined=combined)
