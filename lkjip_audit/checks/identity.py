"""What a finding is about, as a key that survives edits to the report.

An evaluator's Status and Catatan are carried to the next run by this key, so it must name the finding by
what it is about, never by where it happens to stand: the rule; the table by its caption and header (or,
without a caption, its header and first labels); the row by its label and kode; the column by its header;
the printed number; and for a finding on the prose, the sentence's own words. A table or row inserted
elsewhere, or the report re-run unchanged, gives every finding the key it had.

A finding's id, the name an evaluator cites in a memo ("F-7K3QA"), comes from its key too: the same finding
has the same id in every run, on every machine, whatever else appeared or went (a counter F1, F2, ... moved
every later finding when one went away). Where two keys of a run share the id's five characters, both get more.

Two findings with the same key would let one note stand on the other. Keys are unique within a run: where
two findings are about the same thing by every part above (a sentence printed twice word for word), the
second gets `#2`, counted in reading order, and `key_collisions` tells the tests when that happened.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from ..understand.model import Table
from .finding import Finding

_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"[*_`|]+")
_TABLE_ID = re.compile(r"\bt\d+\b")  # a table's ordinal (T37) that some rules put in the item


def normal_text(value: str | None) -> str:
    """Text compared the way a reader compares it: case, runs of spaces and markdown marks do not count."""
    return _SPACE.sub(" ", _MARKUP.sub(" ", value or "")).strip().casefold()


def table_anchor(table: Table) -> str:
    """The table by what it prints: caption and header, or header and first labels without a caption."""
    header = " / ".join(normal_text(c.header) for c in table.columns)
    if normal_text(table.caption):
        return f"{normal_text(table.caption)} :: {header}"
    first_labels = " / ".join(_row_anchor_text(r) for r in table.rows[:3])
    return f":: {header} :: {first_labels}"


def _row_anchor_text(row) -> str:
    label = row.label or next((c for c, v in zip(row.cells, row.values) if c.strip() and v is None), "")
    return normal_text(f"{row.marker} {label}")


def _anchors(tables: list[Table]) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """Each table's anchor and each row's, with `#n` where the same words recur (the nth in reading order)."""
    table_keys: dict[str, str] = {}
    row_keys: dict[tuple[str, int], str] = {}
    seen_tables: Counter = Counter()
    for table in tables:
        anchor = table_anchor(table)
        seen_tables[anchor] += 1
        table_keys[table.id] = anchor if seen_tables[anchor] == 1 else f"{anchor}#{seen_tables[anchor]}"
        seen_rows: Counter = Counter()
        for row in table.rows:
            text = _row_anchor_text(row)
            seen_rows[text] += 1
            row_keys[(table.id, row.index)] = text if seen_rows[text] == 1 else f"{text}#{seen_rows[text]}"
    return table_keys, row_keys


def _column_header(tables_by_id: dict[str, Table], finding: Finding) -> str:
    table = tables_by_id.get(finding.table or "")
    if table is None or finding.column_index is None or finding.column_index >= len(table.columns):
        return ""
    return normal_text(table.columns[finding.column_index].header)


def subject(finding: Finding, tables_by_id: dict[str, Table], table_keys: dict[str, str],
            row_keys: dict[tuple[str, int], str], lines: list[str]) -> str:
    """Everything that says what one finding is about, as one string."""
    parts = [finding.rule, table_keys.get(finding.table or "", ""),
             _TABLE_ID.sub("t#", normal_text(finding.item)), _TABLE_ID.sub("t#", normal_text(finding.column)),
             _column_header(tables_by_id, finding),
             "" if finding.reported is None else str(finding.reported.normalize())]
    if finding.row_index is not None:
        parts.append(row_keys.get((finding.table or "", finding.row_index), ""))
    elif finding.line is not None and lines and 0 < finding.line <= len(lines):
        # A finding on the prose: the sentence's words, not its line number.
        parts.append(normal_text(lines[finding.line - 1]))
    return "\n".join(parts)


def assign_keys(findings: list[Finding], tables: list[Table], lines: list[str] | None = None) -> int:
    """Give every finding its key; returns how many needed an occurrence number to stay unique."""
    tables_by_id = {t.id: t for t in tables}
    table_keys, row_keys = _anchors(tables)
    seen: Counter = Counter()
    collisions = 0
    for finding in findings:
        text = subject(finding, tables_by_id, table_keys, row_keys, lines or [])
        seen[text] += 1
        if seen[text] > 1:
            collisions += 1
            text = f"{text}\n#{seen[text]}"
        finding.key = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    return collisions


#: Crockford's base-32: digits and capitals without I, L, O, U, which read as 1, 1, 0, V in a memo.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ID_CHARACTERS = 5


def _readable(key: str, length: int) -> str:
    number = int(key, 16)
    return "".join(_ALPHABET[(number >> (5 * i)) & 31] for i in range(length))


def assign_ids(findings: list[Finding]) -> None:
    """Each finding's id from its key (`assign_keys` first): `F-` and five characters, more on a clash."""
    length = ID_CHARACTERS
    while True:
        ids = [_readable(f.key, length) for f in findings]
        if len(set(ids)) == len(ids) or length >= 12:
            break
        length += 1
    for finding, short in zip(findings, ids):
        finding.id = f"F-{short}"
