"""Fuzzing the text reader and everything after it: whatever bytes a report holds, the audit either
succeeds or raises one of the documented input errors (InputError and its kinds), never anything else."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_audit.audit import audit
from lkjip_audit.exceptions import InputError

NUMBERS = st.one_of(
    st.integers(-10**16, 10**16).map(lambda n: f"{n:,}".replace(",", ".")),  # 1.234.567
    st.integers(0, 10**12).map(lambda n: f"{n:,}"),  # 1,234,567
    st.decimals(-1000, 1000, places=2).map(lambda d: f"{d}".replace(".", ",") + "%"),
    st.sampled_from(["-", "—", "#DIV/0!", "#REF!", "(1.000)", "Rp. 5.000", "12 bulan", "≤ 50", "BB (73)",
                     "1O0", "l.234", "", " ", "0", "100%"]),
)
WORDS = st.sampled_from(["PROGRAM", "Program", "Kegiatan", "Sub Kegiatan", "JUMLAH", "Total", "A", "1", "a.",
                         "1.1", "IV", "2.17.01.2.01", "Pagu", "Realisasi", "Sisa", "%", "DAU", "DAK",
                         "Anggaran", "Capaian", "Target", "Tabel 3.2", "=SUM(A1)", "|", ":", "Rp."])
CELL = st.one_of(NUMBERS, WORDS, st.text(max_size=12))
TAB_ROW = st.lists(CELL, min_size=1, max_size=9).map("\t".join)
PIPE_ROW = st.lists(CELL, min_size=1, max_size=6).map(lambda cells: "| " + " | ".join(cells) + " |")
BLOCK_LINE = st.tuples(st.sampled_from(["Sub Kegiatan", "Pagu Anggaran", "Realisasi", "Sisa Anggaran",
                                        "Prosentase", "Kegiatan", "Program"]),
                       st.sampled_from([" : ", " ", ": Rp. ", " Rp. "]), st.one_of(NUMBERS, WORDS)).map("".join)
# A budget-shaped table (header the understanding step recognises, rows with level markers and numbers of
# every shape), so the arithmetic rules run on what the fuzzer makes.
BUDGET_ROW = st.tuples(st.sampled_from(["A", "B", "1", "2", "a.", "b.", "JUMLAH", "I", "2.17.01", ""]),
                       WORDS, NUMBERS, NUMBERS, NUMBERS, NUMBERS).map("\t".join)
BUDGET_TABLE = st.lists(BUDGET_ROW, min_size=1, max_size=12).map(
    lambda rows: "\n".join(["Tabel 3.2 Realisasi Anggaran", "", "No\tProgram/Kegiatan\tPagu Anggaran\t"
                             "Realisasi\t%\tSisa Anggaran", *rows]))
LINE = st.one_of(BUDGET_TABLE, TAB_ROW, TAB_ROW, PIPE_ROW, BLOCK_LINE, st.text(max_size=60), st.just(""),
                 st.just("|---|---|"), st.just("Tabel 3.2. Realisasi Anggaran"))
REPORT = st.lists(LINE, max_size=40).map("\n".join)
ENCODED = st.tuples(REPORT, st.sampled_from(["utf-8", "utf-16", "cp1252"])).map(
    lambda pair: pair[0].encode(pair[1], errors="replace"))


def _audit_bytes(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "laporan.txt"
        path.write_bytes(data)
        try:
            return audit(path)
        except InputError:
            return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ENCODED)
def test_any_text_report_is_audited_or_refused_with_an_input_error(data):
    result = _audit_bytes(data)
    if result is not None:
        result.summary_line()  # the report step takes whatever the checks produced
        for finding in result.findings:
            assert finding.message("id") and finding.message("en")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_are_audited_or_refused_with_an_input_error(data):
    _audit_bytes(data)
