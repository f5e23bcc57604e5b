"""Stitching tables continued over pages: camelot's `TableList.stack_contiguous` against ours.

For a ruled PDF, camelot `lattice` reads every page; `stack_contiguous` then joins neighbouring tables with
the same column count (`column_count`) or the same first row (`first_row`). Ours (`lkjip_audit.ingest`)
joins a part only when nothing but a heading stands between, on the next page with text, with the same
columns (a part that lost its empty first columns included), and drops repeated headers. Printed: the page
span and row count of every stitched table of three or more columns.

    .venv/bin/python bench/stitching.py [PDF]     # default: tests/fixtures/pdf/004_b4b9a9e5ae63aa12_ruled.pdf
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def camelot_stacks(path: Path) -> dict[str, list[tuple[list[int], int]]]:
    import camelot
    from camelot.core import TableList

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = TableList([t for t in camelot.read_pdf(str(path), pages="all", flavor="lattice")
                            if t.shape[1] >= 3])
    result = {}
    for match in ("column_count", "first_row"):
        # stack_contiguous keeps only a stack's first page: redo its grouping to see every page it took in.
        groups: list[list] = []
        for table in tables:
            head = groups[-1][-1] if groups else None
            same = head is not None and len(head.cols) == len(table.cols) and (
                match == "column_count" or list(head.df.iloc[0]) == list(table.df.iloc[0]))
            if same:
                groups[-1].append(table)
            else:
                groups.append([table])
        assert len(groups) == len(tables.stack_contiguous(match=match))
        result[match] = [([t.page for t in group], sum(t.shape[0] for t in group)) for group in groups]
    return result


def ours(path: Path) -> list[tuple[list[int], int]]:
    from lkjip_audit.ingest import read

    return [(sorted({r.page for r in t.rows}), len(t.rows)) for t in read(path).tables
            if max(len(r.cells) for r in t.rows) >= 3 and t.rows[0].page is not None]


def main(path: Path) -> None:
    for name, spans in [*camelot_stacks(path).items(), ("ours", ours(path))]:
        joined = [pages for pages, _ in spans if len(pages) > 1]
        print(f"{name:13} {len(spans):3} tables; joined over pages: {joined}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests/fixtures/pdf/004_b4b9a9e5ae63aa12_ruled.pdf")
