"""Shared fixtures: the real reports bundled in data/raw/ and tests/fixtures/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lkjip_audit.audit import audit

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
FIXTURES = ROOT / "tests" / "fixtures"
KEDIRI = RAW / "001_64a952374f22daba.txt"  # Dinas Koperasi dan Usaha Mikro Kab. Kediri, LKjIP 2021
FLOTIM = RAW / "002_d488c239828ced52.txt"  # Dinas Koperasi, UKM Kab. Flores Timur, LKjIP 2023
DEPOK = RAW / "004_b4b9a9e5ae63aa12.txt"  # Dinas Koperasi dan Usaha Mikro Kota Depok, LKjIP 2023
KUKAR_OCR = FIXTURES / "000_3ad56d6f2973d4fa.txt"  # Kab. Kutai Kartanegara 2023, OCR text

# The commands these tests start speak English (the CLI's --lang, through its environment variable), so that
# their lines read the same as the library's messages; tests/test_cli.py checks the default, Bahasa
# Indonesia, with the variable removed.
os.environ["LKJIP_AUDIT_LANG"] = "en"


@pytest.fixture(scope="session")
def kediri():
    return audit(KEDIRI)


@pytest.fixture(scope="session")
def depok():
    return audit(DEPOK)


@pytest.fixture(scope="session")
def flotim():
    return audit(FLOTIM)


@pytest.fixture(scope="session")
def kukar():
    return audit(KUKAR_OCR)


def by_line(result, rule=None):
    """Findings keyed by (line, column header), the first where several share a cell; optionally of one rule."""
    found = {}
    for f in result.findings:
        if rule is None or f.rule == rule:
            found.setdefault((f.line, f.column), f)
    return found
