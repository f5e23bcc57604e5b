"""A hostile report never acts in an output (issue 20): the corpus of tests/bad_inputs/make_hostile.py runs
as a batch through the notebooks; no HTML output carries a live tag from a label, caption or file name, and
no CSV cell starts a formula."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys

import pytest

from bad_inputs.make_hostile import FORMULA_PAYLOADS, HOSTILE_FILE_NAMES, write_hostile
from lkjip_audit.report.safe_text import inert

pytestmark = pytest.mark.slow  # end to end: notebooks, kernels, processes

CLI = [sys.executable, "-m", "lkjip_audit"]
# A tag that a payload would open, live (escaped, it reads `&lt;img ...`).
LIVE = re.compile(r"<(script|img|svg|a)\b[^>]*(alert|javascript:)", re.IGNORECASE)


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory):
    inputs = write_hostile(tmp_path_factory.mktemp("hostile"))
    out = tmp_path_factory.mktemp("out")
    done = subprocess.run([*CLI, "batch", *map(str, inputs.values()), "--out", str(out)], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out


def test_no_label_caption_or_file_name_is_live_in_any_html_or_notebook_view(batch_out):
    pages = sorted(batch_out.glob("*/*.html"))
    assert len(pages) == 2 + len(HOSTILE_FILE_NAMES)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(&#39;skrip&#39;)" in html or "&lt;script&gt;alert('skrip')" in html \
            or "rumus" in page.name, page  # the payload is there, shown as text
        assert not LIVE.search(html), (page, LIVE.search(html).group(0))
        assert "data:image/png" in html and "<table" in html  # the cleaning kept the chart and the tables
    # The notebooks themselves, as Jupyter shows them (the HTML export cleans once more; these must not need it).
    for notebook in [batch_out / "batch_summary.ipynb", *batch_out.glob("*/*.ipynb")]:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        shown = ["".join(o.get("data", {}).get("text/html", [])) for c in cells for o in c.get("outputs", [])]
        assert any(shown), notebook
        assert not any(LIVE.search(html) for html in shown), notebook


def test_no_csv_cell_starts_a_formula(batch_out):
    for name in ("batch_findings.csv", "batch_reports.csv", "index.csv"):
        with (batch_out / name).open(encoding="utf-8") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
        assert cells, name
        active = [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r")) or re.match(r"-[^\d]", c)]
        assert active == [], (name, active)
    with (batch_out / "batch_findings.csv").open(encoding="utf-8") as handle:
        items = {row["item"] for row in csv.DictReader(handle)}
    assert {"'" + FORMULA_PAYLOADS[5], "'" + FORMULA_PAYLOADS[6]} <= items  # kept, as text


@pytest.mark.parametrize("value, shown", [("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("+62 21", "'+62 21"),
                                          ("-x", "'-x"), ("\tcmd", "'\tcmd"), ("Program", "Program"),
                                          (-5.0, -5.0), (None, None)])
def test_inert_makes_formula_starts_text_and_leaves_the_rest(value, shown):
    assert inert(value) == shown
