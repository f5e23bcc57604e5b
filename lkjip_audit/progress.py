"""Progress lines for long inputs: an evaluator auditing a report of thousands of pages should see it move.

One line per step on stderr, `Audit: <report>, <step> (i/n)` in the run's language, only for an input long
enough to take a while (`LONG_LINES` text lines or `LONG_TABLES` tables); the command forwards these lines
from the notebook's kernel as it does OCR's (`runner.ProgressLines`).
"""

from __future__ import annotations

import sys

from .exceptions import message_language
from .said import Said

PREFIX = "Audit: "
#: An input this long takes long enough (tens of seconds and more) for its steps to be shown.
LONG_LINES = 100_000
LONG_TABLES = 500

STEPS = {"understand": Said("memahami tabel", "understanding the tables"),
         "claims": Said("membaca klaim di teks", "reading the prose's claims"),
         "checks": Said("memeriksa", "checking"),
         "checklist": Said("menilai kelengkapan", "assessing completeness"),
         "coverage": Said("menghitung cakupan", "counting what was checked")}


class Progress:
    """Says each step of one audit, when its input is long."""

    def __init__(self, name: str, lines: int, tables: int, stream=None):
        self.name = name
        self.shown = lines >= LONG_LINES or tables >= LONG_TABLES
        self.stream = stream
        self.done = 0

    def step(self, key: str) -> None:
        self.done += 1
        if self.shown:
            text = STEPS[key].text(message_language())
            print(f"{PREFIX}{self.name}, {text} ({self.done}/{len(STEPS)})", file=self.stream or sys.stderr,
                  flush=True)
