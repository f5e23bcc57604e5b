"""The prose's claims: figures a sentence states together, read into plain data for the checks to judge.

Each paragraph (a sentence the text layer wraps is read whole) is read for:

- **capaian**: target, realisasi and capaian — "ditargetkan 320 Unit Usaha dengan realisasi capaian 340 unit
  usaha. Capaian kinerja 100,66%", "tercapai 72% dari target 92,9%, dengan capaian kinerja 88%"; the three
  may stand in one sentence or the capaian in the next, target and realisasi in either order;
- **rasio**, a ratio written out: "(50 : 3) x 100% = 1667%", "307/1386 x 100 = 22,16%", and the fraction of a
  formula block flattened onto one line, numerator (with its words), `x 100 = Z`, then the denominator:
  "36.743 Penduduk usia 7 s.d 12 tahun yang sekolah x 100 = 92.22 39.834 Penduduk usia 7 s.d 12 tahun";
- **jumlah**, a total and its parts: "225 orang peserta yang terdiri dari 204 orang peserta perempuan dan 24
  peserta laki-laki" (counted things, not percentages); and a total pagu announced for a number of Programs,
  "terdiri dari 7 (tujuh) program ... dengan pagu anggaran sebesar Rp. 12.468.907.592", with the list of that
  many Programs' pagu that follows it;
- **baris**, a table row flattened into prose with two counts of one unit and a percentage after them:
  "Upaya hukum banding tahun 2016 dan 2015 40 Berkas Upaya hukum banding tahun 2015 20 Berkas 50,00". Which
  count is divided by which is not printed: the checks take it from the report's other rows of this shape;
- **rasio** from a stated basis: a realisasi percentage, then within two paragraphs "Dengan dasar perhitungan
  ... 307 di bandingkan jumlah usaha mikro yang dibina pada tahun 2021 yaitu 1386" — the percentage must be
  307 / 1386 × 100;
- **capaian-baris**, a performance table row flattened onto a line of its own, label words then target,
  realisasi and capaian (twice for two years): "Pertumbuhan pertumbuhan % 0,44 0,68 154,55 Sangat". Nothing
  says these three are target, realisasi and capaian but the numbers: the checks judge such rows only when
  the report's own rows of this shape hold capaian = realisasi / target × 100 (lines a reader already took
  as a table are not read again);
- **rasio** written as a division in words: "60 unit koperasi berkualitas dibagi dengan 165 jumlah total
  seluruh koperasi ... Artinya realisasinya 36,36%", "realisasi sebesar 0,74% dari ... sebanyak 32.915 jiwa
  orang dibagi dengan total ... sebanyak 1,535,783 jiwa" — the realisasi nearest the division, in its sentence
  or the next, must be A / B × 100;
- **terbilang**, a number and its words: "12 (dua belas)", "Rp 2.142.439.000,- (dua miliar ... sembilan ribu
  rupiah)", "tiga (3) sasaran" — the words must say the digits.

A claim keeps the printed fragments it was read from and the line of its stated figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .paragraphs import line_at, paragraphs, sentences
from .numbers import Number, parse_number
from .ratios import ratio_holds

_NUMBER = r"(\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?(?![\d])|\d+(?:[.,]\d+)?)"
_PCT = r"\s*(%|persen)?"
# A year after the word (`target tahun 2023`, `capaian kinerja tahun 2021`): not the figure; a figure that starts
# like a year (`1900,00%`) is.
_YEAR_AFTER = r"(?:\s+(?:tahun\s+)?(?:19|20)\d\d\b(?![.,]\d|\s*(?:%|persen)))?"
# `target tahun 2023 sebanyak 225`, `ditargetkan 320`, `target 92,9%`: a year after `target` is not the target.
_TARGET = re.compile(rf"\b(?:target(?:nya)?|ditargetkan)\b{_YEAR_AFTER}[^\d%.]{{0,40}}?"
                     rf"{_NUMBER}{_PCT}", re.IGNORECASE)
_REALISASI = re.compile(rf"\b(?:realisasi(?:nya)?(?:\s+capaian)?|terealisasi|tercapai)\b"
                        rf"{_YEAR_AFTER}[^\d%.]{{0,40}}?{_NUMBER}{_PCT}", re.IGNORECASE)
# `capaian kinerja tahun 2021 adalah sebesar 189,77%`: a year after `capaian kinerja` is not the capaian
# (`capaian 1900,00%` is).
_CAPAIAN = re.compile(rf"\b(?:tingkat\s+)?capaian(?:\s+kinerja(?:nya)?)?\b(?!\s+\d{{1,3}}\s+(?:unit|orang))"
                      rf"{_YEAR_AFTER}[^\d%.]{{0,25}}?{_NUMBER}\s*(%|persen)", re.IGNORECASE)
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
# "Dengan dasar perhitungan bahwa ... 307 di bandingkan jumlah usaha mikro ... tahun 2021 yaitu 1386"
_BASIS = re.compile(r"\b(?:dasar\s+perhitungan|dihitung\s+(?:dari|berdasarkan|dengan))\b", re.IGNORECASE)
_COMPARED = re.compile(rf"(?<![\d.,]){_NUMBER}[^\d.]{{0,60}}?\b(?:di\s?bandingkan|dibanding)\b(?:\s+dengan)?"
                       rf"(?P<after>[^.]{{0,160}})", re.IGNORECASE)
# The figure a basis computes is named `realisasi` itself (`tercapai 72%` of another sentence is not it).
_STATED_REALISASI = re.compile(rf"\brealisasi(?:nya)?\b[^\d%.]{{0,40}}?{_NUMBER}\s*(%|persen)", re.IGNORECASE)
# `32.915** jiwa orang dibagi dengan total jumlah ... tahun 2023 sebanyak **1,535,783**`
_DIVIDED = re.compile(rf"(?<![\d.,]){_NUMBER}[^\d.%]{{0,60}}?\bdibagi(?:\s+dengan)?\b"
                      rf"(?P<after>(?:[^.%]|(?<=\d)\.(?=\d)){{0,120}})", re.IGNORECASE)
#: The years a sentence names (`Tahun Anggaran 2023`): statements of other years are about other figures.
YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_NAMED = re.compile(r"\btahun\s+(?:19|20)\d\d\b", re.IGNORECASE)
_FIRST_NUMBER = re.compile(rf"(?<![\d.,]){_NUMBER}")
# `Pertumbuhan pertumbuhan % 0,44 0,68 154,55 Sangat`: words, three or six figures, perhaps a category word.
_FIGURE = r"\d{1,3}(?:\.\d{3})*(?:,\d+)?%?|\d+(?:[.,]\d+)?%?"
# (The label is every character before the first figure: no letter is asked for inside the pattern, where
# it made a long line of prose without figures cost the square of its length; `_flat_capaian_rows` asks.)
_FLAT_CAPAIAN = re.compile(rf"^\s*(?P<label>[^\d\t|]+?)\s+"
                           rf"(?P<figures>(?:(?:{_FIGURE})\s+){{2,5}}(?:{_FIGURE}))"
                           rf"(?:\s+[A-Za-z][A-Za-z ]*)?\s*$")
_YEARS_LINE = re.compile(r"^\s*(?:(?:19|20)\d\d\s+){2,5}(?:19|20)\d\d\s*$")
_NUMBER_WORD = (r"(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|seratus|"
                r"ratus|seribu|ribu|sejuta|juta|miliar|milyar|triliun)")
_NUMBER_WORDS = rf"{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*"
_WHOLE = r"(\d{1,3}(?:\.\d{3})+|\d+)"
# `12 (dua belas)`, `Rp 2.142.439.000,- (dua miliar ... rupiah)`; `tiga (3) sasaran`
_DIGITS_THEN_WORDS = re.compile(rf"(?<![\d.,]){_WHOLE}(?:,-)?\s*\(\s*({_NUMBER_WORDS})(?:\s+rupiah)?\s*\)",
                                re.IGNORECASE)
_WORDS_THEN_DIGITS = re.compile(rf"\b({_NUMBER_WORDS})\s*\(\s*{_WHOLE}\s*\)", re.IGNORECASE)


_UNIT_WORDS = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
               "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100}
_BIG_WORDS = {"seribu": 10**3, "sejuta": 10**6}
_SCALE_WORDS = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12}


def words_value(text: str) -> int | None:
    """The number Indonesian words say (`dua miliar seratus empat puluh dua juta` = 2,142,000,000), or None
    when they are not a well-formed number."""
    total, group = 0, 0  # `group`: the part below the next scale word (ribu, juta, ...)
    for word in re.findall(r"[a-z]+", text.lower()):
        unit = group % 10
        if word == "belas" and 0 < unit and group % 100 < 10:
            group += 10
        elif word == "puluh" and 0 < unit and group % 100 < 10:
            group += unit * 9
        elif word == "ratus" and 0 < group < 10:
            group *= 100
        elif word in _SCALE_WORDS and group:
            total, group = total + group * _SCALE_WORDS[word], 0
        elif word in _BIG_WORDS and not group:
            total += _BIG_WORDS[word]
        elif word in _UNIT_WORDS:
            group += _UNIT_WORDS[word]
        else:
            return None
    return total + group


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


def read_claims(lines: list[str], table_lines: set[int] | frozenset[int] | None = frozenset()) -> list[Claim]:
    """Every claim of the report's prose, in reading order; `table_lines` are the lines a reader took as
    table rows (their figures are checked there). With `None` (a PDF, whose table rows have no line in its
    text layer) no line is read as a flattened performance row: it may be a table row read already."""
    claims: list[Claim] = [] if table_lines is None else _flat_capaian_rows(lines, table_lines)
    for start, text, offsets in paragraphs(lines):
        def line_of(position: int, start=start, offsets=offsets) -> int:
            return start + line_at(offsets, position)
        claims += (_capaian_claims(text, line_of) + _ratio_claims(text, line_of) + _total_claims(text, line_of)
                   + _flat_rows(text, line_of) + _terbilang(text, line_of) + _divisions(text, line_of)
                   + _shares(text, line_of))
    claims += _stated_bases(lines)
    claims += _listed_amounts(lines)
    return sorted(claims, key=lambda c: c.line)


# `terdiri dari 7 (tujuh) program 15 (lima belas) kegiatan dengan pagu anggaran sebesar Rp. 12.468.907.592`
_LIST_COUNT = re.compile(r"\bterdiri\s+(?:dari|atas)\s+(\d{1,2})\s*(?:\([a-z ]+\))?\s*(program|kegiatan|sub\s+kegiatan)\b",
                         re.IGNORECASE)
_PAGU_AMOUNT = re.compile(r"\b(?:pagu|anggaran|dialokasikan)\b[^.\d]{0,50}?Rp\.?\s*(\d{1,3}(?:\.\d{3})+)(?:,-|,00)?",
                          re.IGNORECASE)
# How far the total may stand after the count it is the total of, in characters ("terdiri dari 7 (tujuh)
# program 15 (lima belas) kegiatan dengan pagu anggaran sebesar Rp. ...").
LIST_TOTAL_AFTER = 200
# How many lines after the announcing paragraph its items may stand (a list of Programs with a line or two
# each).
LIST_WINDOW = 40


def _listed_amounts(lines: list[str]) -> list[Claim]:
    """**jumlah** of a list: a sentence that gives a total pagu for a number of Programs (or Kegiatan)
    "terdiri dari 7 (tujuh) program ... dengan pagu anggaran sebesar Rp. 12.468.907.592", then that many
    items each with its own pagu ("1. Program ...; Pagu anggaran sebesar Rp. 5.087.297.982 realisasi ...").
    The items' pagu must add up to the total. Read only when the list visibly ends after as many pagu as
    announced: the next pagu stated, if any, restates the total ("Secara keseluruhan anggaran ... sebesar
    Rp.12.468.907.592") or stands in a later paragraph."""
    claims = []
    # a PDF's text layer may hold the whole report as one paragraph: every count in it is looked at
    counts = ((s, t, o, c) for s, t, o in paragraphs(lines) for c in _LIST_COUNT.finditer(t))
    for start, text, offsets, count in counts:
        total = _PAGU_AMOUNT.search(text, count.end(), count.end() + LIST_TOTAL_AFTER)
        stated = _number(total.group(1)) if total else None
        if stated is None:
            continue
        wanted = int(count.group(1))
        after = start + len(offsets)  # the first line after this paragraph
        # (paragraph, amount) after the total: the rest of its paragraph, then the next paragraphs
        amounts = [(0, m) for m in _PAGU_AMOUNT.finditer(text, total.end())]
        for number, (_, following, _) in enumerate(paragraphs(lines[after - 1:after - 1 + LIST_WINDOW]), start=1):
            amounts += [(number, m) for m in _PAGU_AMOUNT.finditer(following)]
            if len(amounts) > wanted:
                break
        items = [(_number(m.group(1)), m.group(0).strip()) for _, m in amounts[:wanted]]
        if len(items) != wanted or any(n is None for n, _ in items):
            continue
        if len(amounts) > wanted:
            (last, _), (extra, match) = amounts[wanted - 1], amounts[wanted]
            if extra == last and _number(match.group(1)) != stated:
                continue  # the list goes on: not the one announced
        claims.append(Claim("jumlah", start + line_at(offsets, total.start(1)), total.group(0).strip()[:80], stated,
                            tuple(n for n, _ in items), (total.group(1), *(q for _, q in items))))
    return claims


def _stated_bases(lines: list[str]) -> list[Claim]:
    """A realisasi percentage and, within the next two paragraphs, the basis it was computed on."""
    claims = []
    recent: list[tuple[int, str, list[int]]] = []
    for start, text, offsets in paragraphs(lines):
        recent = [*recent[-2:], (start, text, offsets)]
        if not any(_BASIS.search(t) for _, t, _ in recent[-2:]):
            continue
        for match in _COMPARED.finditer(text):
            before = " ".join(t for _, t, _ in recent[:-1]) + " " + text[:match.start()]
            stated = list(_STATED_REALISASI.finditer(before))
            bottom = _FIRST_NUMBER.search(_YEAR_NAMED.sub(" ", match.group("after")))
            if not stated or bottom is None:
                continue
            real = _number(stated[-1].group(1), stated[-1].group(2))
            top, under = _number(match.group(1)), _number(bottom.group(1))
            if real is None or top is None or under is None:
                continue
            line = start + line_at(offsets, match.start())
            quote = " ".join(stated[-1].group(0).replace("*", " ").split())  # markdown bold is not the text
            claims.append(Claim("rasio", line, quote, real, (top, under), (quote, match.group(0).strip()[:120])))
    return claims


def _flat_capaian_rows(lines: list[str], table_lines) -> list[Claim]:
    claims = []
    for number, line in enumerate(lines, start=1):
        if number in table_lines or "\t" in line:
            continue
        match = _FLAT_CAPAIAN.match(line)
        if match is None or not re.search("[A-Za-z]", match.group("label")):
            continue
        figures = match.group("figures").split()
        under_years = any(_YEARS_LINE.match(lines[i]) for i in range(max(0, number - 4), number - 1))
        if len(figures) not in (3, 6) or under_years:
            continue  # a series under its years (`2021 2022 2023`, a chart's data) is not target, realisasi, capaian
        values = [_number(f.rstrip("%"), "%" if f.endswith("%") else None) for f in figures]
        label = " ".join(match.group("label").split())
        for start in range(0, len(values), 3):
            target, real, capaian = values[start:start + 3]
            if target is None or real is None or capaian is None or not (capaian.decimals or capaian.percent):
                continue  # a capaian is printed as a percentage, with decimals or a % sign
            claims.append(Claim("capaian-baris", number, label[:80], capaian, (real, target),
                                (figures[start + 2], figures[start + 1], figures[start])))
    return claims


def _divisions(text: str, line_of) -> list[Claim]:
    claims = []
    for match in _DIVIDED.finditer(text):
        bottom = _FIRST_NUMBER.search(_YEAR_NAMED.sub(" ", match.group("after")))
        # The realisasi it gives: the nearest named one, before it in a window or after it in the next sentence.
        around = [r for r in _STATED_REALISASI.finditer(text, max(0, match.start() - WINDOW), match.end() + WINDOW)]
        if bottom is None or not around:
            continue
        stated = min(around, key=lambda r: min(abs(r.start() - match.start()), abs(r.start() - match.end())))
        real, top, under = _number(stated.group(1), stated.group(2)), _number(match.group(1)), _number(bottom.group(1))
        if real is None or top is None or under is None:
            continue
        quote = " ".join(stated.group(0).replace("*", " ").split())
        claims.append(Claim("rasio", line_of(match.start()), quote, real, (top, under),
                            (quote, " ".join(match.group(0).replace("*", " ").split())[:120])))
    return claims


def _terbilang(text: str, line_of) -> list[Claim]:
    claims = []
    for pattern, digits_group, words_group in ((_DIGITS_THEN_WORDS, 1, 2), (_WORDS_THEN_DIGITS, 2, 1)):
        for match in pattern.finditer(text):
            stated = _number(match.group(digits_group))
            said = words_value(match.group(words_group))
            if stated is None or said is None:
                continue
            claims.append(Claim("terbilang", line_of(match.start()), match.group(0).strip(), stated,
                                (Number(match.group(words_group), Decimal(said)),), (match.group(0).strip(),)))
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
        quote = " ".join(capaian.group(0).replace("*", " ").split())  # markdown bold is not the report's text
        claims.append(Claim("capaian", line_of(capaian.start()), quote, printed, (real, target),
                            (quote, real_m.group(0).strip(), target_m.group(0).strip())))
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


# `Jumlah Pegawai Negeri Sipil (PNS) : 34 Orang (67%)`: a count with its unit and, in brackets, its share.
_SHARE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*)\s+([A-Za-z]+)\s*\(\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%\s*\)")


def _shares(text: str, line_of) -> list[Claim]:
    """**bagian**: counts of one unit, each with its share in brackets, in one paragraph or list (`PNS : 34 Orang
    (67%)`, `Non PNS : 26 Orang (33%)`): each share is its count over their sum. Read only when the numbers say
    they are shares of that sum, not percentages of their own: the shares add up to 100 (within their
    rounding), or all but one of them are their count over the sum."""
    groups: dict[str, list[re.Match]] = {}
    for match in _SHARE.finditer(text):
        groups.setdefault(match.group(2).lower(), []).append(match)
    claims = []
    for matches in groups.values():
        counts = [_number(m.group(1)) for m in matches]
        shares = [_number(m.group(3), "%") for m in matches]
        if len(matches) < 2 or None in counts or None in shares or any(c.decimals for c in counts):
            continue
        whole = sum(c.value for c in counts)
        if not whole:
            continue
        slack = sum(Decimal(5).scaleb(-s.decimals - 1) for s in shares)  # each share rounded by half its unit
        holding = sum(ratio_holds(s.value, c.value / whole * 100, s.decimals) for c, s in zip(counts, shares))
        if abs(sum(s.value for s in shares) - 100) > slack and holding < len(shares) - 1:
            continue
        total = Number(text="(" + " + ".join(m.group(1) for m in matches) + ")", value=whole)
        for match, count, share in zip(matches, counts, shares):
            claims.append(Claim("bagian", line_of(match.start(3)), match.group(0).strip(), share, (count, total),
                                (f"{match.group(3)}%", match.group(1))))
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


@dataclass(frozen=True)
class StatedTotal:
    """The agency's whole budget as its prose states it: `Total Anggaran Belanja ... sebesar Rp X sedangkan
    Realisasi Belanja sebesar Rp Y`, `Secara keseluruhan anggaran ... Rp X dengan terserap ... Rp Y`."""

    line: int
    pagu: Decimal
    realisasi: Decimal | None
    quote: str


# The whole budget, not one Program's: `total anggaran`, `jumlah anggaran`, `anggaran ... secara keseluruhan`,
# `secara keseluruhan anggaran`, `total pagu`, `total belanja`.
_WHOLE_BUDGET = re.compile(r"\b(?:total|jumlah|seluruh|keseluruhan)\s+(?:anggaran|pagu|belanja)\b|"
                           r"\bsecara\s+keseluruhan\s+(?:anggaran|pagu|belanja)\b|"
                           r"\b(?:anggaran|pagu|belanja)\b[^.]{0,40}\bsecara\s+keseluruhan\b", re.IGNORECASE)
_RUPIAH = re.compile(r"Rp\.?\s*(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})+)(?:,-|,00|\.00)?", re.IGNORECASE)
_SPENT = re.compile(r"\b(?:realisasi|terserap|terealisasi|diserap)\b", re.IGNORECASE)
#: How far after the words naming the whole budget its amount may stand, in characters.
TOTAL_AMOUNT_AFTER = 120


def stated_budget_totals(lines: list[str]) -> list[StatedTotal]:
    """Every sentence stating the whole budget (and what was spent of it), in reading order."""
    found = []
    for sentence, line_of in sentences(lines):
        whole = _WHOLE_BUDGET.search(sentence)
        if whole is None:
            continue
        pagu = _RUPIAH.search(sentence, whole.end(), whole.end() + TOTAL_AMOUNT_AFTER)
        if pagu is None:
            continue
        spent = _SPENT.search(sentence, pagu.end())
        realisasi = _RUPIAH.search(sentence, spent.end(), spent.end() + TOTAL_AMOUNT_AFTER) if spent else None
        amounts = [_rupiah(m) for m in (pagu, realisasi)]
        found.append(StatedTotal(line_of(pagu.start()), amounts[0], amounts[1], sentence.strip()[:300]))
    return found


def _rupiah(match) -> Decimal | None:
    """A rupiah amount written with `.` or `,` between thousands (`32.300.612.788`, `32,300,612,788`)."""
    number = parse_number(match.group(1)) if match is not None else None
    return number.value if number is not None else None
