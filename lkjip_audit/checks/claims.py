"""A sentence's own arithmetic: figures the prose states together must agree with one another.

The claims are read in `understand.claims`; here each is judged:

- **capaian** = realisasi / target × 100 (or its inverse, lower is better), judged as a table's capaian is
  (`understand.ratios`);
- **rasio**: Z = X / Y × 100 at Z's printed decimals;
- **jumlah**: the parts add up to the total, exactly;
- **terbilang**: the words say the digits, exactly;
- **capaian-baris** (a performance row flattened onto a line): judged as capaian, but only when the report's
  rows of this shape hold on two rows or more and on more rows than fail (the numbers, not a header, say
  these are target, realisasi and capaian);
- **baris** (a table row flattened into prose): which count is divided by which is not printed, so the
  report's own rows of this shape decide it. A direction is taken when it holds on two rows or more and on
  more rows than fail; only then is a row that fails it a finding. One row alone proves nothing.

Each finding names the sentence's line and quotes the figures it combined.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from rapidfuzz import fuzz

from ..understand.claims import YEARS, Claim, StatedTotal
from ..understand.numbers import parse_number
from ..understand.ratios import HUNDRED, capaian_holds, comparable, ratio_holds
from .finding import Finding


#: How many failed capaian claims are looked up in the whole report for the figure that was misprinted (all in
#: one pass over the lines): enough for any real report, bounded for a huge one.
MISPRINT_LOOKUPS = 50


def check_claims(claims: list[Claim], lines: list[str] | None = None) -> list[Finding]:
    """A finding for each claim whose stated figure its own operands contradict. With the report's `lines`,
    a capaian whose realisasi the report prints otherwise elsewhere (with the same target) is a finding on
    that realisasi (`_misprinted_realisasi`)."""
    findings = []
    direction = _flat_row_direction([c for c in claims if c.kind == "baris"])
    failed_capaian: list[tuple[int, Claim]] = []  # (position in findings, claim)
    for claim in _judgeable(claims, direction):
        if claim.kind in ("capaian", "capaian-baris"):
            found = _capaian(claim)
            if found and len(failed_capaian) < MISPRINT_LOOKUPS:
                failed_capaian.append((len(findings), claim))
            findings += found
        elif claim.kind in ("rasio", "bagian"):
            findings += _ratio(claim, claim.operands)
        elif claim.kind == "jumlah":
            findings += _total(claim)
        elif claim.kind == "terbilang":
            findings += _words(claim)
        elif claim.kind == "baris":
            findings += _ratio(claim, claim.operands[::direction])
    if lines and failed_capaian:
        for position, finding in _misprinted_realisasi([c for _, c in failed_capaian], lines).items():
            findings[failed_capaian[position][0]] = finding
    return findings + _restated_ratios([c for c in claims if c.kind == "rasio"])


#: How alike two ratio sentences must read (rapidfuzz token_set_ratio of their division parts) to be the same
#: indicator's ratio stated twice.
RESTATED_ALIKE = 60


_FILLER = {"dibagi", "dengan", "jumlah", "total", "sebanyak", "sejumlah", "yang", "dari", "dan", "tahun", "di",
           "sebesar", "atau", "menghasilkan"}


def _wording(claim: Claim) -> str:
    """The words of a ratio's division, figures and filler left out: what it divides by what."""
    words = re.findall(r"[a-z]+", claim.quotes[-1].lower())
    return " ".join(w for w in words if w not in _FILLER and len(w) > 2)


def _restated_ratios(ratios: list[Claim]) -> list[Finding]:
    """prose-restated: the same ratio stated twice with other operands. A ratio whose arithmetic fails is set
    against one with the same printed result, worded alike, whose arithmetic holds (Depok line 55: "0,74% ...
    32.915 ... dibagi dengan ... 1,535,783"; line 624: "0,74% ... 10.167 ... dibagi dengan ... 1.371.808"):
    each operand printed otherwise is a finding naming the other line. The numbers decide which statement is
    the report's own; a failing ratio with no holding twin stays a prose-arithmetic finding alone."""
    holding: dict[tuple, list[Claim]] = {}
    for claim in ratios:
        if _ratio_holds(claim.stated, *claim.operands):
            holding.setdefault((claim.stated.value, claim.stated.decimals), []).append(claim)
    findings = []
    for claim in ratios:
        twins = holding.get((claim.stated.value, claim.stated.decimals), [])
        if not twins or not claim.operands[1].value or _ratio_holds(claim.stated, *claim.operands):
            continue
        twin = max(twins, key=lambda t: fuzz.token_set_ratio(_wording(t), _wording(claim)))
        if fuzz.token_set_ratio(_wording(twin), _wording(claim)) < RESTATED_ALIKE:
            continue
        for name, mine, theirs in zip(("pembilang", "penyebut"), claim.operands, twin.operands):
            if mine.value == theirs.value:
                continue
            where = {"id": f"baris {twin.line} (rasio {twin.stated.text} yang sama)",
                     "en": f"line {twin.line} (the same {twin.stated.text} ratio)"}
            findings.append(Finding(rule="prose-restated", table=None, item=claim.quotes[-1], column=name,
                                    reported=mine.value, expected=theirs.value, line=claim.line, decimals=0,
                                    detail=where, combined=[*claim.quotes, *twin.quotes]))
    return findings


def judged(claims: list[Claim]) -> int:
    """How many claims the checks could judge (a flattened row only once its report's rows say how)."""
    return len(_judgeable(claims, _flat_row_direction([c for c in claims if c.kind == "baris"])))


def _judgeable(claims: list[Claim], direction: int | None) -> list[Claim]:
    """The claims that can be judged: flattened rows only when the report's rows of their shape agree."""
    capaian_rows = _capaian_rows_hold([c for c in claims if c.kind == "capaian-baris"])
    return [c for c in claims if (c.kind != "baris" or direction is not None)
            and (c.kind != "capaian-baris" or capaian_rows)]


def _capaian_rows_hold(rows: list[Claim]) -> bool:
    """The report's flattened performance rows are target, realisasi, capaian: so say most of them."""
    judged = [row for row in rows if comparable(row.operands[1], row.operands[0])]
    holds = sum(1 for row in judged if capaian_holds(row.stated, row.operands[1], row.operands[0]))
    return holds >= 2 and holds > len(judged) - holds


def _flat_row_direction(rows: list[Claim]) -> int | None:
    """1 when the rows print first / second × 100, -1 when second / first, None when the rows do not say."""
    for direction in (1, -1):
        holds = sum(1 for row in rows if _ratio_holds(row.stated, *row.operands[::direction]))
        if holds >= 2 and holds > len(rows) - holds:
            return direction
    return None


def _ratio_holds(result, top, bottom) -> bool:
    return bool(bottom.value) and ratio_holds(result.value, top.value / bottom.value * HUNDRED, result.decimals)


def _capaian(claim: Claim) -> list[Finding]:
    real, target = claim.operands
    if not comparable(target, real) or capaian_holds(claim.stated, target, real):
        return []
    computed = (real.value / target.value * HUNDRED).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return [_finding(claim, "capaian", computed, f"{real.text} / {target.text} × 100")]


_PRINTED = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?(?![\d]|[.,]\d)")


def _misprinted_realisasi(claims: list[Claim], lines: list[str]) -> dict[int, Finding]:
    """Which of a failed capaian's three figures is the misprint: when capaian × target / 100, at the
    realisasi's printed decimals, gives back the printed capaian, and the report prints that figure elsewhere
    on a line with the same target ("... 0,44 0,68 154,55" in a table row, "realisasi 0,68% dari target
    0,44%"), the realisasi is the one misprinted ("realisasi sebesar 0,65% dari target 0,44% atau tingkat
    capaian sebesar 154,55%": 154,55 × 0,44 / 100 = 0,68). Returned per claim position, for the claims
    whose misprint the report shows (for the others the capaian stays the finding). One pass over the lines
    looks for every claim's figure at once."""
    solutions = {}
    for position, claim in enumerate(claims):
        real, target = claim.operands
        if real.decimals == 0 or not target.value:
            continue
        solved = (claim.stated.value * target.value / HUNDRED).quantize(Decimal(1).scaleb(-real.decimals),
                                                                         ROUND_HALF_UP)
        if solved != real.value and solved and \
                ratio_holds(claim.stated.value, solved / target.value * HUNDRED, claim.stated.decimals):
            solutions[position] = solved
    if not solutions:
        return {}
    shown = {form for solved in solutions.values()
             for form in (format(solved, "f"), format(solved, "f").replace(".", ","))}
    anywhere = re.compile("|".join(re.escape(form) for form in sorted(shown, key=len, reverse=True)))
    found: dict[int, Finding] = {}
    for number, line in enumerate(lines, start=1):
        if not anywhere.search(line):
            continue  # most lines: one regular expression before any number is read
        for position, solved in list(solutions.items()):
            claim = claims[position]
            real, target = claim.operands
            if number == claim.line or not _prints(line, solved) or not _prints(line, target.value):
                continue
            del solutions[position]
            said = f"{claim.stated.text} × {target.text} / 100"
            found[position] = Finding(
                rule="prose-arithmetic", table=None, item=claim.quotes[1], column="realisasi",
                reported=real.value, expected=solved, line=claim.line, decimals=real.decimals,
                detail={"id": f"capaian {said} (tercetak juga di baris {number}, dengan target yang sama)",
                        "en": f"capaian {said} (printed so on line {number} too, with the same target)"},
                combined=list(claim.quotes))
        if not solutions:
            break
    return found


def _prints(line: str, value: Decimal) -> bool:
    shown = format(value, "f")
    if shown not in line and shown.replace(".", ",") not in line:
        return False  # most lines: a substring test before the numbers are read
    return any((n := parse_number(m.group(0))) is not None and n.value == value for m in _PRINTED.finditer(line))


def _ratio(claim: Claim, operands) -> list[Finding]:
    top, bottom = operands
    if not bottom.value or _ratio_holds(claim.stated, top, bottom):
        return []
    computed = top.value / bottom.value * HUNDRED
    shown = max(claim.stated.decimals, 2)
    return [_finding(claim, "bagian" if claim.kind == "bagian" else "rasio",
                     computed.quantize(Decimal(1).scaleb(-shown), ROUND_HALF_UP), f"{top.text} / {bottom.text} × 100")]


def _total(claim: Claim) -> list[Finding]:
    expected = sum(v.value for v in claim.operands)
    if expected == claim.stated.value:
        return []
    return [_finding(claim, "jumlah", expected, " + ".join(v.text for v in claim.operands))]


def _words(claim: Claim) -> list[Finding]:
    words, = claim.operands
    if words.value == claim.stated.value:
        return []
    return [_finding(claim, "terbilang", words.value, f'"{words.text}"')]


def _finding(claim: Claim, kind: str, expected: Decimal, detail: str) -> Finding:
    reported = claim.stated.value
    # A total is a count; a ratio is shown with its printed decimals, two at least.
    decimals = 0 if kind in ("jumlah", "terbilang") else max(2, -min(reported.as_tuple().exponent, 0))
    return Finding(rule="prose-arithmetic", table=None, item=claim.item, column=kind, reported=reported,
                   expected=expected, line=claim.line, decimals=decimals, detail={"id": detail, "en": detail},
                   combined=list(claim.quotes))


#: Words that say which budget a total is (the APBD before or after its revision): totals of different
#: budgets are not one figure.
_BUDGET_STAGE = re.compile(r"\b(perubahan|murni|awal|induk|apbd-?p)\b", re.IGNORECASE)


def check_restated_totals(stated: list[StatedTotal]) -> list[Finding]:
    """prose-totals: the whole budget (and what was spent of it) stated more than once in the prose (Ikhtisar,
    Bab III, Bab IV) is the same figure each time. Statements of other years, or of the budget before and after
    its revision, are not compared. The figure most statements give is taken as the report's (the first one's on
    a tie); each statement that differs is a finding naming a line that gives the other."""
    findings = []
    for column, figure in (("pagu", lambda s: s.pagu), ("realisasi", lambda s: s.realisasi)):
        alike = [s for s in stated if figure(s) is not None]
        # A statement that names no year (or no stage) is of the one most statements name; one that names
        # another is of something else and is left out.
        for scope in (_years, _stage):
            named = Counter(w for s in alike if (w := scope(s)))
            if named:
                common = named.most_common(1)[0][0]
                alike = [s for s in alike if scope(s) in (common, frozenset())]
        if alike:
            by_value: dict = {}
            for statement in alike:
                by_value.setdefault(figure(statement), []).append(statement)
            if len(by_value) < 2:
                continue
            agreed, agreeing = max(by_value.items(), key=lambda item: (len(item[1]), -item[1][0].line))
            for value, differing in by_value.items():
                if value == agreed:
                    continue
                for statement in differing:
                    other = agreeing[0]
                    findings.append(Finding(
                        rule="prose-totals", table=None, item=statement.quote[:120], column=column,
                        reported=value, expected=agreed, line=statement.line,
                        detail={"id": f"baris {other.line}", "en": f"line {other.line}"},
                        combined=[statement.quote[:200], other.quote[:200]]))
    return sorted(findings, key=lambda f: f.line)


def _years(statement: StatedTotal) -> frozenset:
    return frozenset(YEARS.findall(statement.quote))


def _stage(statement: StatedTotal) -> frozenset:
    return frozenset(w.lower().replace("-", "") for w in _BUDGET_STAGE.findall(statement.quote))
