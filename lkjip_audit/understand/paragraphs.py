"""Prose as sentences: lines joined within a paragraph, since a text layer wraps a sentence anywhere."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# A sentence ends at a full stop followed by a capital or digit; `90,50%.` ends one, `2.340.200` does not,
# nor `Rp. 10.894.818.544` or `No. 88`.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!Rp\.)(?<!No\.)\s+(?=[A-Z0-9“\"(])")


def paragraphs(lines: list[str], tables_too: bool = False) -> Iterator[tuple[int, str, list[int]]]:
    """(first line number, text, line start offsets) of each run of non-blank prose lines (or of any lines
    with `tables_too`); tab-separated table rows end a paragraph."""
    start, chunk = None, []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip() and (tables_too or "\t" not in line):
            if start is None:
                start = number
            chunk.append(line.strip())
            continue
        if chunk:
            offsets, position = [], 0
            for part in chunk:
                offsets.append(position)
                position += len(part) + 1
            yield start, " ".join(chunk), offsets
        start, chunk = None, []


def line_at(offsets: list[int], position: int) -> int:
    """The index of the paragraph line a character offset falls on."""
    return max(i for i, offset in enumerate(offsets) if offset <= position)


def sentences(lines: list[str]) -> Iterator[tuple[str, Callable[[int], int]]]:
    """Each prose sentence, with a function from a character position in it to its line number."""
    for start, text, offsets in paragraphs(lines):
        position = 0
        for part in _SENTENCE_END.split(text):
            yield part, (lambda at, base=position: start + line_at(offsets, base + at))
            position += len(part) + 1
