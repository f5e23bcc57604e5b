"""Turn raw tables into understood ones: numbers, column roles, row levels, table kinds."""

from __future__ import annotations

from collections import Counter

from ..ingest.document import Document, RawTable
from ..said import Said, shown, where
from .column_numbers import is_column_number_row, printed_formulas
from .columns import assign_roles, mend_broken_words, money_scale, pair_part
from .confirm import arithmetic_evidence, capaian_judge, columns_confirmed, confirm_roles, ratio_judge
from .contents import Contents, find_contents, is_contents_table
from .hierarchy import assign_levels, keyword_level, leading_marker, numbering_read_without_dots
from .kinds import classify
from .layout import (align_rows, blank, column_profile, figure_kind, gap_placements, merge_header, misaligned_rows, misfits,
                     split_header, used_width)
from .split_cells import (drop_inserted_empty_cells, join_split_kode, split_amount_text_cells, split_double_header,
                          split_label_figure_cells, split_pair_header, split_two_figure_cells)
from .model import MONEY_ROLES, Column, Level, Role, Row, Table
from .ratios import percent_read_as_digit
from .relations import quarters_in_order, table_relations, year_of
from .split_tables import realign_repeated_headers, split_at_inner_headers
from .numbers import (Number, column_decimal_mark, drop_invisible, format_id, parse_number, restore_lost_decimals,
                      restore_ocr_percent_signs)

__all__ = ["understand", "understand_table", "Table", "Row", "Column", "Role", "Level", "Number",
           "parse_number", "MONEY_ROLES"]


def understand(document: Document, contents: Contents | None = None) -> list[Table]:
    """Every table of a document, understood; tables are numbered T1, T2, ... in reading order.

    Contents lists (the table of contents, lists of tables or figures) are not tables of the report: those
    standing in `contents`, or whose rows read as a contents list, are left out."""
    contents = contents if contents is not None else find_contents(document.lines)
    raws = [part for raw in document.tables if not _is_contents(raw, contents)
            for part in split_at_inner_headers(realign_repeated_headers(raw))]
    return [understand_table(raw, f"T{i}") for i, raw in enumerate(raws, start=1)]


def _is_contents(raw: RawTable, contents: Contents) -> bool:
    lines = raw.lines
    if lines and contents.covers(lines[0]) and contents.covers(lines[1]):
        return True
    return is_contents_table(raw.caption, [r.cells for r in raw.rows])


#: More columns than any LKjIP form has (the RKPD evaluation form has about 30): such a "table" is a line of
#: cells gone wrong; inferring its columns costs time that grows with the square of their number.
MAX_COLUMNS = 100


def understand_table(raw: RawTable, table_id: str) -> Table:
    header, body = split_header(raw.rows, raw.header_rows)
    width = max(len(r.cells) for r in raw.rows)
    if width > MAX_COLUMNS:
        return _too_wide(raw, table_id, header, body, width)
    # A column-number row repeated inside the body (after a page break) is header, never data.
    numbering = [r for r in body if is_column_number_row(r.cells)]
    body = [r for r in body if r not in numbering] or body
    formulas = [f for r in header if is_column_number_row(r.cells) for f in printed_formulas(list(r.cells))]
    first_label = mend_broken_words(merge_header(header, width)[0]) if header else ""
    cells, invisible_repairs = drop_invisible([list(r.cells) for r in body])
    cells, kode_repairs = join_split_kode(first_label, cells)
    cells, split_repairs = split_two_figure_cells(cells)
    cells, label_repairs = split_label_figure_cells(cells)
    cells, amount_repairs = split_amount_text_cells(cells)
    split_repairs += label_repairs + amount_repairs
    reference = None
    if kode_repairs:
        width = max(max(used_width(list(r.cells)) for r in header), max(len(c) for c in cells))
        # The joined rows show the columns, not the widest row (a page's extra cells, a total across the
        # kode cells): their most common width.
        reference = Counter(len(cells[i]) for i, _ in kode_repairs).most_common(1)[0][0]
    aligned, shifts = align_rows(cells, width, reference)
    repairs = [r.what.after(where(r.line, r.page)) for r in raw.repairs]
    repairs += [what.after(where(body[i].line, body[i].page)) for i, what in invisible_repairs]
    repairs += [what.after(where(body[i].line, body[i].page)) for i, what in kode_repairs + split_repairs]
    moved = {i: Said(f"baris digeser {shift} kolom ke kanan agar sejajar dengan judul kolom",
                     f"row moved {shift} column(s) right to align with the header").after(where(row.line, row.page))
             for i, (row, shift) in enumerate(zip(body, shifts)) if shift}
    repairs += moved.values()
    marks = [column_decimal_mark([cells[c] for cells in aligned]) for c in range(width)]
    values = [[parse_number(cells[c], marks[c]) for c in range(width)] for cells in aligned]
    labels = [" / ".join(mend_broken_words(part) for part in label.split(" / ")) for label in merge_header(header, width)]
    labels, pair_repair = split_pair_header(labels, _money_shares(values, aligned))
    if pair_repair:
        labels = labels[:width] if not any(labels[width:]) else labels
        repairs.append(pair_repair.after(where(header[0].line, header[0].page)))
    labels, double_repair = split_double_header(labels, [any(c < len(r) and r[c].strip() for r in aligned)
                                                         for c in range(len(labels))])
    if double_repair:
        repairs.append(double_repair.after(where(header[0].line, header[0].page)))
    if kode_repairs:
        named = max((i + 1 for i, label in enumerate(labels) if label), default=0)
        for i, what in drop_inserted_empty_cells(aligned, named):
            values[i] = [parse_number(aligned[i][c], marks[c]) for c in range(width)]
            repairs.append(what.after(where(body[i].line, body[i].page)))
    voters = _whole_rows(aligned)
    columns = assign_roles(labels, [values[i] for i in voters], [aligned[i] for i in voters],
                           unit=money_scale(raw.caption or ""))
    repairs += confirm_roles(columns, values, formulas)
    repairs += [Said("baris nomor kolom yang berulang di badan tabel: dibaca sebagai judul",
                     "column-number row repeated in the body: read as header").after(where(r.line, r.page))
                for r in numbering]
    kinerja = [c.index for c in columns if pair_part(c.header) == "k"]
    named = max((c.index + 1 for c in columns if c.header), default=0)
    misaligned = misaligned_rows([c.index for c in columns if c.money], kinerja, values, aligned,
                                 header_width=named if kode_repairs else None,
                                 scaled=frozenset(c.index for c in columns if c.scale > 1))
    sources: list[tuple[int | None, ...] | None] = [None] * len(aligned)
    filled_rows, unplaced = _filled_rows(misaligned, aligned, columns, marks, kinerja, shifts)
    for i, (filled, sources[i]) in filled_rows.items():
        if shifts[i]:  # placed from its own cells, not from where moving it right put them
            repairs.remove(moved[i])
            shifts[i] = 0
        aligned[i] = filled
        values[i] = [parse_number(filled[c], marks[c]) for c in range(width)]
        last = max(c for c, source in enumerate(sources[i]) if source is not None)
        empty = ", ".join(str(c + 1) for c, source in enumerate(sources[i][:last]) if source is None)
        repairs.append(Said(f"baris kurang sel dari kolom tabel: selnya diletakkan berurutan di kolom yang jenis "
                            f"isinya sama (kolom {empty} dibiarkan kosong)",
                            f"row short of the table's columns: its cells placed in order in the columns holding "
                            f"the same kind of figure (column(s) {empty} left empty)"
                            ).after(where(body[i].line, body[i].page)))
    for i in unplaced:
        values[i] = [None] * len(values[i])
        repairs.append(Said("baris kurang sel dari kolom tabel; sel mana yang hilang menentukan angka mana pagu, "
                            "realisasi atau %, dan baik jenis angkanya maupun hitungan barisnya sendiri tidak "
                            "menunjukkannya: ditampilkan, tidak diperiksa",
                            "row short of the table's columns; which cell it lost decides which figure is the pagu, "
                            "the realisasi or the %, and neither the kinds of figure nor the row's own arithmetic "
                            "tell: shown, not checked").after(where(body[i].line, body[i].page)))
    for i in misaligned:
        if sources[i]:
            continue
        values[i] = [None] * len(values[i])
        repairs.append(Said("sel tidak sejajar dengan kolomnya (angka di tempat judul tidak punya angka, atau teks di "
                            "tempat angka): ditampilkan, tidak diperiksa",
                            "cells do not line up with the columns (amounts where the header has none, or text "
                            "where it has amounts): shown, not checked").after(where(body[i].line, body[i].page)))
    for column, mark in zip(columns, marks):
        column.decimal_mark = mark
        if raw.ocr and column.role in (Role.PERSEN, Role.CAPAIAN, Role.TARGET, Role.REALISASI_KINERJA):
            for i, number in restore_ocr_percent_signs([row[column.index] for row in aligned],
                                                       [row[column.index] for row in values]).items():
                values[i][column.index] = number
                repairs.append(Said(f"`{number.text.strip()}` dibaca {format_id(number.value, number.decimals)}%: "
                                    "tanda % yang dibaca OCR sebagai angka atau huruf",
                                    f"`{number.text.strip()}` read as {number.value:.{number.decimals}f}%: a % "
                                    "sign OCR read as digits or letters").after(where(body[i].line, body[i].page)))
        if raw.ocr and column.role in (Role.PERSEN, Role.CAPAIAN):
            for i, number in _percents_read_as_digits(column, columns, aligned, values).items():
                values[i][column.index] = number
                repairs.append(Said(f"`{number.text.strip()}` dibaca {format_id(number.value, number.decimals)}%: "
                                    "angka terakhirnya tanda % yang dibaca OCR sebagai angka; hitungan barisnya "
                                    "sendiri cocok dengan bacaan ini",
                                    f"`{number.text.strip()}` read as {number.value:.{number.decimals}f}%: its last "
                                    "digit a % sign OCR read as a digit; the row's own arithmetic holds so"
                                    ).after(where(body[i].line, body[i].page)))
        if column.role in (Role.PERSEN, Role.CAPAIAN):
            for i, number in restore_lost_decimals([row[column.index] for row in values]).items():
                values[i][column.index] = number
                repairs.append(Said(f"`{number.text.strip()}` dibaca {number.value:.2f}: persen bertanda dua "
                                    "desimal kehilangan tanda desimalnya (kemungkinan OCR)",
                                    f"`{number.text.strip()}` read as {number.value:.2f}: a % printed with two "
                                    "decimals lost its decimal mark (likely OCR)"
                                    ).after(where(body[i].line, body[i].page)))

    label_col = next((c.index for c in columns if c.role is Role.LABEL),
                     next((c.index for c in columns if c.role is Role.INDIKATOR), None))
    marker_col = next((c.index for c in columns if c.role in (Role.NO, Role.KODE)), None)
    if marker_col is None and label_col not in (None, 0) and not any(
            c.role is not Role.OTHER for c in columns[:label_col]):
        marker_col = 0  # an unlabelled first column left of the label holds the numbering
    markers, labels = [], []
    for cells in aligned:
        label = cells[label_col] if label_col is not None else ""
        marker = cells[marker_col] if marker_col is not None else ""
        if not marker and label:
            marker, label = leading_marker(label)
        markers.append(marker)
        labels.append(label)
    money_cols = [c.index for c in columns if c.money]
    has_money = [any(row[i] is not None and row[i].value is not None for i in money_cols) for row in values]
    if raw.ocr:
        for i, number in numbering_read_without_dots(markers).items():
            repairs.append(Said(f"`{markers[i]}` dibaca {number}: OCR kehilangan titiknya (urutan penomorannya "
                                "hanya memberi tempat bagi nomor itu)",
                                f"`{markers[i]}` read as {number}: OCR lost its dot (the numbering's order leaves "
                                "room for that number only)").after(where(body[i].line, body[i].page)))
            markers[i] = number
    levels = assign_levels(markers, labels, has_money, ocr=raw.ocr)
    if kode_repairs:
        # Digits of a split kode do not tell a Kegiatan from a Sub Kegiatan: only named rows get a level.
        levels = [level if level is Level.TOTAL or keyword_level(label) is level else Level.OTHER
                  for level, label in zip(levels, labels)]
        repairs.append(Said("tingkat baris: kode yang terpecah tidak membedakan Kegiatan dari Sub Kegiatan, jadi hanya "
                            "baris bernama PROGRAM, KEGIATAN atau JUMLAH yang punya tingkat (tidak ada pemeriksaan "
                            "Program = Σ Kegiatan)",
                            "row levels: the split kode does not tell Kegiatan from Sub Kegiatan, so only rows named "
                            "PROGRAM, KEGIATAN or JUMLAH have a level (no Program = Σ Kegiatan check)"))

    rows = [Row(index=i, cells=cells, values=vals, line=src.line, page=src.page, level=level,
                marker=marker, label=label or marker,
                cell_lines=_cell_lines(src.cell_lines, shift, source) if src.cell_lines else None)
            for i, (cells, vals, src, level, marker, label, shift, source)
            in enumerate(zip(aligned, values, body, levels, markers, labels, shifts, sources))]
    uncertain = raw.uncertain
    if uncertain and not raw.ocr and (evidence := columns_confirmed(columns, values)):
        # The reader doubted where the columns part (a borderless page); the rows' own arithmetic says where.
        repairs.append(Said(f"kolom dikonfirmasi oleh hitungan barisnya sendiri ({evidence.holds} dari {evidence.rows} "
                            f"hitungan %/sisa/capaian cocok), walau pembacanya ragu: {shown(uncertain, 'id')}",
                            f"columns confirmed by the rows' own arithmetic ({evidence.holds} of {evidence.rows} "
                            f"%/sisa/capaian figures hold), though the reader doubted them: {shown(uncertain, 'en')}"))
        uncertain = ""
    quarters = [c for c in columns if c.role is Role.TRIWULAN]
    if len(quarters) >= 2 and not quarters_in_order(quarters):
        named = ", ".join(c.source_name for c in quarters)
        repairs.append(Said(f"kolom triwulan ({named}) tidak berurutan I, II, …: tidak dijumlahkan ke realisasi "
                            "setahun, angkanya tidak diperiksa",
                            f"the quarter columns ({named}) do not run I, II, … in order: not added up to the "
                            "year's realisasi, their figures not checked"))
    table = Table(id=table_id, caption=raw.caption, kind=classify(columns, raw.caption, aligned), columns=columns,
                  header_rows=[list(r.cells) for r in header], rows=rows, repairs=repairs,
                  page=raw.page, lines=raw.lines, uncertain=uncertain, ocr=raw.ocr)
    table.relations = table_relations(table, budget=table.has_budget, certain=not table.uncertain)
    return table


def _too_wide(raw: RawTable, table_id: str, header, body, width: int) -> Table:
    """A table of more than `MAX_COLUMNS` columns: its first ones shown as text, nothing checked, and why."""
    keep = MAX_COLUMNS
    why = Said(f"{width} kolom, lebih dari {MAX_COLUMNS} yang dimiliki tabel LKjIP: {keep} kolom pertama "
               "ditampilkan, tidak ada yang diperiksa",
               f"{width} columns, more than the {MAX_COLUMNS} an LKjIP table has: the first {keep} are shown, "
               "nothing is checked")
    columns = [Column(index=i, header=label) for i, label in enumerate(merge_header(header, keep)[:keep])]
    rows = [Row(index=i, cells=list(src.cells[:keep]) + [""] * (keep - len(src.cells[:keep])),
                values=[None] * keep, line=src.line, page=src.page) for i, src in enumerate(body)]
    return Table(id=table_id, caption=raw.caption, kind="other", columns=columns,
                 header_rows=[list(r.cells[:keep]) for r in header], rows=rows, repairs=[why],
                 page=raw.page, lines=raw.lines, uncertain=why)


def _filled_rows(misaligned: list[int], aligned: list[list[str]], columns: list[Column], marks: list[str],
                 kinerja: list[int], shifts: list[int]
                 ) -> tuple[dict[int, tuple[list[str], tuple[int | None, ...]]], list[int]]:
    """Rows printed with cells left out, put right where they can be (`layout.gap_placements`): the misaligned
    rows, and rows with a figure of a kind its column never holds (`60,00` where amounts stand) that are
    short or have an empty cell to move.
    Returns {row index: (cells, which of the row's cells stands in each column)} and the short rows with such a figure that could not
    be put right (to be shown, not checked: which cell was lost is not known).

    The rows printed whole give each column's kind of figure; the row's own arithmetic, then the columns a
    check reads, choose among the placements (`_placement`), and the row must then line up by the same
    test that flagged it."""
    flagged = set(misaligned)
    rows = [row for i, row in enumerate(aligned) if i not in flagged]
    # the widest rows two or more print: one row reaching further (a page's stray rest of a row) is not the
    # table's whole width
    widths = Counter(used_width(row) for row in rows)
    width = max((w for w, n in widths.items() if n >= 2), default=max(widths, default=0))
    full = [row for i, row in enumerate(aligned) if i not in flagged and not shifts[i] and used_width(row) == width]
    # Short rows are the ones in question: the kinds of figure come from the rows printed whole (a row moved
    # right to fit is not one of them).
    profile = column_profile(full if len(full) >= 2 else rows)[:width]
    for column in columns:
        kind = _HEADER_KIND.get(column.role)
        if column.index < len(profile) and kind and not _has_figures(profile[column.index]):
            # A column of dashes only: its header says what figure it would hold.
            profile[column.index][kind] += 1
    decisive = frozenset(c.index for c in columns if c.role not in (Role.OTHER, Role.TRIWULAN, Role.LABEL,
                                                                     Role.INDIKATOR, Role.KETERANGAN))
    money = [c.index for c in columns if c.money]
    scaled = frozenset(c.index for c in columns if c.scale > 1)
    # A short row is in question when an amount or budget % column holds another kind of figure: a target in
    # % where others print counts is how kinerja columns are, not a lost cell.
    amounts = frozenset(money + [c.index for c in columns if c.role is Role.PERSEN])
    # ... or when it leaves empty the budget % column every row printed whole fills: it ended early.
    always = frozenset(c.index for c in columns if c.role is Role.PERSEN and c.index < len(profile)
                       and not profile[c.index]["empty"] and len(full) >= 2)
    filled, unplaced = {}, []
    for i, row in enumerate(aligned):
        if shifts[i] and misfits(row, profile, amounts, words=True):
            # Moved right as if it had lost its first cell, it puts words where amounts stand: it lost a cell
            # elsewhere. Its own cells are placed instead (a source index then counts from its first cell).
            row = row[shifts[i]:] + [""] * shifts[i]
        used = used_width(row)
        figures = any(kind not in ("empty", "text", "dash") for kind in map(figure_kind, row))
        misfit = figures and misfits(row, profile, amounts)
        short_misfit = i not in flagged and used < len(profile) and (misfit or figures and any(
            c >= used for c in always))
        # A row as wide as the others with a misfit may have an empty cell where a figure belongs (a PDF
        # row whose figures were set right-aligned): it is put right if it can be, else left as it is.
        if i not in flagged and not short_misfit and not (misfit and "" in (c.strip() for c in row[1:used])):
            continue
        placed = _placement(gap_placements(row, profile), columns, marks, decisive)
        if placed is not None and placed[1] == tuple(range(used)) + (None,) * (len(profile) - used) \
                and row is aligned[i]:
            continue  # its cells are best where they stand
        if placed is not None:
            cells, source = placed
            cells += [""] * (len(row) - len(cells))
            source += (None,) * (len(row) - len(source))
            values = [parse_number(cells[c], marks[c]) for c in range(len(cells))]
            if not misaligned_rows(money, kinerja, [values], [cells], scaled=scaled):
                filled[i] = (cells, source)
                continue
        if short_misfit:
            unplaced.append(i)
    return filled, unplaced


def _whole_rows(rows: list[list[str]]) -> list[int]:
    """The rows that say what each column holds: those printed whole (as wide as the widest) when they are
    at least half the rows, else every row. A row printed a cell short has its figures a column off; let
    it vote and a quarter column of dashes becomes a column of %."""
    widths = [used_width(row) for row in rows]
    whole = [i for i, width in enumerate(widths) if width == max(widths, default=0)]
    return whole if len(whole) >= max(2, len(rows) / 2) else list(range(len(rows)))


def _placement(placements: list[tuple[list[str], tuple[int | None, ...]]], columns: list[Column], marks: list[str],
               decisive: frozenset[int]) -> tuple[list[str], tuple[int | None, ...]] | None:
    """The one way to put a short row's cells back: of the `placements`, those under which the most of the
    row's own %, sisa and capaian hold (then the most are judged), then those that end the row in the last
    column; they must put the same figures in the `decisive` columns (the ones a check reads), else which
    cell was lost is a guess and None is returned."""
    if not placements:
        return None
    parsed: dict[tuple[str, str], Number | None] = {}

    def number(text: str, mark: str) -> Number | None:
        if (text, mark) not in parsed:
            parsed[text, mark] = parse_number(text, mark)
        return parsed[text, mark]

    # Most of the row's own relations holding first; then the most of them judged at all: a printed % whose
    # realisasi a placement leaves empty is how a lost cell looks, not how a row is printed.
    evidence = [arithmetic_evidence(columns, [[number(cells[c], marks[c]) if c < len(marks) else None
                                               for c in range(len(cells))]]) for cells, _ in placements]
    strongest = max((e.holds, e.rows) for e in evidence)
    best = [p for p, e in zip(placements, evidence) if (e.holds, e.rows) == strongest]

    def nil(text: str, mark: str) -> bool:  # `-`, empty or `0`: no figure, wherever it stands
        value = number(text, mark)
        return blank(text) or value is not None and value.value == 0

    def read(chosen) -> set:
        return {tuple("" if nil(cells[c], marks[c]) else cells[c].strip() for c in sorted(decisive) if c < len(cells))
                for cells, _ in chosen}

    if len(read(best)) > 1:
        # An extraction loses a row's empty cells, not its last one: of the rest, the placements that end the
        # row in the table's last column (`81,02%` under the Rp %, not the K capaian beside it).
        width = len(placements[0][1])
        last = max(i for i in placements[0][1] if i is not None)
        ending = [p for p in best if p[1][width - 1] == last]
        best = ending or best
    return best[0] if len(read(best)) == 1 else None


#: The kind of figure a column holds by its header, for a column whose rows print only dashes.
_HEADER_KIND = {**{role: "money" for role in MONEY_ROLES}, Role.PERSEN: "pct", Role.CAPAIAN: "pct"}


def _has_figures(kinds) -> bool:
    return any(n for kind, n in kinds.items() if kind not in ("empty", "dash", "zero"))


def _cell_lines(lines: tuple[int | None, ...], shift: int, source: tuple[int | None, ...] | None
                ) -> tuple[int | None, ...]:
    """Each cell's text-layer line, moved with the cell to its column."""
    moved = (None,) * shift + lines
    if source is None:
        return moved
    return tuple(moved[i] if i is not None and i < len(moved) else None for i in source)


def _money_shares(values: list[list[Number | None]], cells: list[list[str]]) -> list[float]:
    """Per column, the share of its filled cells that are rupiah amounts."""
    shares = []
    for c in range(max((len(row) for row in cells), default=0)):
        filled = [row[c] for row, text in zip(values, cells) if c < len(text) and text[c].strip()]
        money = sum(1 for v in filled if v is not None and v.is_money_like)
        shares.append(money / len(filled) if filled else 0.0)
    return shares





def _percents_read_as_digits(column: Column, columns: list[Column], cells: list[list[str]],
                             values: list[list[Number | None]]) -> dict[int, Number]:
    """Per row, an OCR'd % (realisasi / pagu) or capaian (realisasi / target) whose last digit is a misread `%`
    (`59,429`), read back where the row's own ratio holds only so (`ratios.percent_read_as_digit`)."""
    if column.role is Role.PERSEN:
        judge, roles = ratio_judge, (Role.PAGU, Role.REALISASI)
    else:
        judge, roles = capaian_judge, (Role.TARGET, Role.REALISASI_KINERJA)
    # the columns the numbers paired it with; else, of a table over years (`Capaian / 2021`), its own year's
    year = year_of(column.header)
    base, part = column.of or tuple(
        next((c.index for c in columns if c.role is role and year_of(c.header) == year),
             next((c.index for c in columns if c.role is role), None)) for role in roles)
    if base is None or part is None:
        return {}
    restored = {}
    for i, (row, texts) in enumerate(zip(values, cells)):
        holds = judge(row, part, base)
        number = percent_read_as_digit(texts[column.index], row[column.index], holds) if holds else None
        if number is not None:
            restored[i] = number
    return restored
