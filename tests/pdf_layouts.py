"""Budget tables drawn into PDFs the way word processors export them, in every rule style agencies use.

    render_budget_pdf(rows, path, style="horizontal", page_rows=12, repeat_header=False)

Styles (LKJIP_CONVENTIONS.md and issue 17): `grid` (every cell border), `horizontal` (a rule under every
row, no vertical lines: a common Word table style), `booktabs` (a rule above and below the header and under
the last row only), `zebra` (shaded rows, no rules), `none` (borderless, whitespace only). `page_rows`
sets the page height so that long tables continue over pages; `repeat_header` repeats the header row there
or not. The PDFs carry a text layer (reportlab draws text as text), as an office suite's export does.
"""

from __future__ import annotations

from pathlib import Path

from tables import BudgetRow, grouped, percent

STYLES = ("grid", "horizontal", "booktabs", "zebra", "none")


def render_budget_pdf(rows: list[BudgetRow], path: Path, style: str = "grid", page_rows: int = 60,
                      repeat_header: bool = True, overrides: dict[tuple[int, int], str] | None = None,
                      prose_after: str = "", long_labels: bool = False) -> Path:
    """`long_labels`: each label runs over three lines of its cell, and a page break may fall inside a row
    (reportlab's splitInRow), leaving the row's last lines on the next page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    header = ["No", "Program/Kegiatan/Sub Kegiatan", "Pagu", "Realisasi", "%", "Sisa"]
    body = []
    label_style = getSampleStyleSheet()["Normal"].clone("label", fontName="Helvetica", fontSize=8, leading=10)
    for r, row in enumerate(rows):
        label = row.label
        if long_labels and row.level:
            label = Paragraph(f"{row.label} untuk peningkatan kapasitas dan pelayanan kepada masyarakat "
                              "serta penguatan kelembagaan daerah", label_style)
        cells = [row.marker, label, grouped(row.pagu), grouped(row.realisasi), percent(row.realisasi, row.pagu),
                 grouped(row.pagu - row.realisasi)]
        for (rr, c), text in (overrides or {}).items():
            if rr == r:
                cells[c] = text
        body.append(cells)
    table = Table([header, *body], repeatRows=1 if repeat_header else 0,
                  colWidths=[40, 200, 85, 85, 45, 75], splitInRow=1 if long_labels else 0)
    commands = [("FONT", (0, 0), (-1, -1), "Helvetica", 8), ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if style == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif style == "horizontal":
        commands += [("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black),
                     ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)]
    elif style == "booktabs":
        commands += [("LINEABOVE", (0, 0), (-1, 0), 1, colors.black), ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                     ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black)]
    elif style == "zebra":
        commands += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.whitesmoke, colors.lightgrey]),
                     ("BACKGROUND", (0, 0), (-1, 0), colors.grey)]
    elif style != "none":
        raise ValueError(style)
    table.setStyle(TableStyle(commands))
    styles = getSampleStyleSheet()
    story = [Paragraph("LAPORAN KINERJA DINAS CONTOH TAHUN 2024", styles["Title"]),
             Paragraph("Tabel 3.2 Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan", styles["Normal"]),
             Spacer(1, 6), table]
    if prose_after:
        story += [Spacer(1, 12), Paragraph(prose_after, styles["Normal"])]
    # A page holds about `page_rows` table rows (a row is 14 points high with 8-point text and padding; a
    # long label's row 36).
    height = 200 + (36 if long_labels else 14) * page_rows
    SimpleDocTemplate(str(path), pagesize=(A4[0], height), topMargin=40, bottomMargin=40).build(story)
    return path


def scanned(source: Path, target: Path, pages: set[int] | None = None, dpi: int = 200) -> Path:
    """`source` with the given pages (1-based; all by default) replaced by grey images of themselves and no
    text layer, as a scanner gives them."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(source))
    for index in range(len(document)):
        if pages is not None and index + 1 not in pages:
            continue
        image = document[index].render(scale=dpi / 72).to_pil().convert("L")
        page_pdf = target.with_suffix(f".page{index + 1}.pdf")
        image.save(page_pdf, resolution=dpi)
        scan = pdfium.PdfDocument(str(page_pdf))
        document.del_page(index)
        document.import_pages(scan, [0], index=index)
        scan.close()
    document.save(str(target))
    document.close()
    return target


def render_table_pdf(caption: str, rows: list[list[str]], path: Path, style: str = "grid", header_rows: int = 1,
                     spans: list[tuple[tuple[int, int], tuple[int, int]]] = (), col_widths: list[float] | None = None,
                     wrap_columns: tuple[int, ...] = ()) -> Path:
    """Any table (a report's own rows, its header rows first) drawn in a rule style, landscape A4; cells of
    `wrap_columns` wrap as a word processor wraps them, `spans` merge header cells ((col, row), (col, row))."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    cell_style = styles["Normal"].clone("cell", fontName="Helvetica", fontSize=7, leading=9)
    # header cells wrap as a word processor wraps them (a long header never runs into its neighbour)
    data = [[Paragraph(c, cell_style) if i < header_rows or j in wrap_columns else c for j, c in enumerate(row)]
            for i, row in enumerate(rows)]
    table = Table(data, repeatRows=header_rows, colWidths=col_widths)
    last_header = header_rows - 1
    commands = [("FONT", (0, 0), (-1, -1), "Helvetica", 7), ("VALIGN", (0, 0), (-1, -1), "TOP"), *(
        ("SPAN", a, b) for a, b in spans)]
    if style == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif style == "horizontal":
        commands += [("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black),
                     ("LINEBELOW", (0, last_header), (-1, -1), 0.5, colors.black)]
    elif style == "booktabs":
        commands += [("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
                     ("LINEBELOW", (0, last_header), (-1, last_header), 0.5, colors.black),
                     ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black)]
    elif style != "none":
        raise ValueError(style)
    table.setStyle(TableStyle(commands))
    SimpleDocTemplate(str(path), pagesize=landscape(A4), topMargin=36, bottomMargin=36).build(
        [Paragraph(caption, styles["Normal"]), Spacer(1, 6), table])
    return path
