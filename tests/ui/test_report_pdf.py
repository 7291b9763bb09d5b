"""The PDF workshop report: several pages, selectable text, the fishbone as vectors, no HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from fishbone.model import Cause
from sixstep.case import Alternative, Case, Criterion, Term
from sixstep.caseio import load_case
from ui.export.report_pdf import export_report_pdf

HAPPY = Path(__file__).resolve().parents[2] / "sample_cases" / "happy_burgers.case.json"
HOSTILE = ("<img src=x>", "a | b", "# not a heading", "*x*", "<b>bold</b>")


def squash(text: str) -> str:
    """Without spaces and ligatures: lines wrap and fonts join "ff" into one glyph."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path: Path) -> list[str]:
    """The text of every page (pdftotext), or skip when poppler is not installed."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")[:-1]


@pytest.fixture(scope="module")
def happy_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "happy.pdf"
    export_report_pdf(load_case(HAPPY), path)
    return path


def test_pdf_is_valid_and_has_pages(happy_pdf):
    data = happy_pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) > 3


def test_pdf_holds_the_whole_workshop(happy_pdf):
    case = load_case(HAPPY)
    pages = pdf_text(happy_pdf)
    text = squash("".join(pages))
    assert squash(case.problem.question) in text
    for c in case.criteria:
        assert squash(c.name) in text
    for a in case.alternatives:
        assert squash(a.name) in text
    for words in ("Step 1: Define the problem", "Step 6: Select and plan", "Action plan",
                  "Ask the till supplier", "Fails the budget", "78.1%"):
        assert squash(words) in text
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page
        body = page.replace(f"Page {number} of {len(pages)}", "").replace(case.title, "")
        assert len(body.split()) > 20, f"page {number} is (nearly) empty"


def test_fishbone_has_its_own_landscape_page_drawn_as_vectors(happy_pdf):
    if shutil.which("pdfinfo") is None or shutil.which("pdfimages") is None:
        pytest.skip("poppler tools are not installed")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(happy_pdf)],
                          capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    wide = [int(n) for n, w, h in sizes if float(w) > float(h)]
    assert len(wide) == 1  # the diagram page
    page = pdf_text(happy_pdf)[wide[0] - 1]
    assert "Customer leaves frustrated" in page and "Till cannot amend" in page
    images = subprocess.run(["pdfimages", "-list", str(happy_pdf)], capture_output=True,
                            text=True, check=True).stdout.splitlines()
    assert len(images) == 2  # the two header lines: no raster image anywhere


def test_hostile_text_is_printed_literally(tmp_path):
    case = Case(title="<b>bold</b> report")
    case.problem.question = "How do we stop <img src=x> from | breaking # things?"
    case.problem.terms = [Term(t, t) for t in HOSTILE]
    case.fishbone.add_cause(Cause("c1", "people", None, "<i>not italic</i>"))
    case.criteria = [Criterion("k1", "a | b", "want", 2, "<script>x</script>")]
    case.alternatives = [Alternative("a1", "*x* & <u>y</u>")]
    path = tmp_path / "hostile.pdf"
    export_report_pdf(case, path, page="Letter")
    text = squash("".join(pdf_text(path)))
    for t in (*HOSTILE, "<i>not italic</i>", "<script>x</script>", "*x* & <u>y</u>",
              "<b>bold</b> report"):
        assert squash(t) in text


def test_blank_case_makes_a_short_report(tmp_path):
    path = tmp_path / "blank.pdf"
    export_report_pdf(Case(), path, page="A3")
    text = "".join(pdf_text(path))
    assert "Untitled workshop" in text and "nothing recorded yet" in text


def test_unknown_page_size_is_refused(tmp_path):
    with pytest.raises(ValueError, match="page size"):
        export_report_pdf(Case(), tmp_path / "x.pdf", page="B5")


def test_pdf_holds_the_room(happy_pdf):
    text = squash("".join(pdf_text(happy_pdf)))
    for words in ("The workshop", "Grace Naidoo (area manager)", "24 November 2026",
                  "Dot vote: which causes to verify first", "Running total of votes (%)",
                  "Relations diagram: what drives what", "Driver:",
                  "Where the room disagreed", "The median changes the leader",
                  "Lindiwe 5, Jonas 9, Sipho 9, Anele 9", "Parking lot",
                  "Night security at the store", "Facilitator's note:"):
        assert squash(words) in text, words


def test_steps_flow_on_without_a_page_each(happy_pdf):
    pages = pdf_text(happy_pdf)
    starts = [next(i for i, page in enumerate(pages) if f"Step{n}:" in squash(page))
              for n in range(1, 7)]
    assert len(set(starts)) < 6  # some steps share a page
    assert squash("Step 1: Define the problem") in squash(pages[0])  # after the front matter


def test_a_blank_case_is_one_page(tmp_path):
    path = tmp_path / "blank.pdf"
    export_report_pdf(Case(), path)
    pages = pdf_text(path)
    assert len(pages) == 1 and "Step 6: Select and plan" in pages[0]


def test_the_report_is_whole_when_the_chart_cannot_be_drawn(tmp_path, monkeypatch):
    import ui.export.report_pdf as report_pdf

    monkeypatch.setattr(report_pdf, "pareto_svg", lambda chart: None)
    path = tmp_path / "no_chart.pdf"
    export_report_pdf(load_case(HAPPY), path)
    text = squash("".join(pdf_text(path)))
    assert squash("Dot vote: which causes to verify first") in text
    assert squash("Running total of votes (%)") not in text


def test_the_page_before_the_diagram_is_filled_first(happy_pdf):
    """The text flows on to the foot of its page before the diagram's own page (a step
    that asked for the diagram used to end its page a third of the way down)."""
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("poppler tools are not installed")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(happy_pdf)],
                          capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    wide = next(int(n) for n, w, h in sizes if float(w) > float(h))
    before = wide - 1
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", str(before), "-l", str(before),
                            str(happy_pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', boxes).group(1))
    bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', boxes)]
    footer = max(bottoms)
    body = [y for y in bottoms if y < footer - 12]
    assert max(body) > 0.75 * height, "the page before the diagram ends early"


def test_the_pdf_charts_each_total_and_names_the_criteria(happy_pdf):
    text = squash("".join(pdf_text(happy_pdf)))
    assert squash("Weighted score (weight × score, summed)") in text  # the stacked bars
    # the score table's columns, read across the wrapped header row
    assert squash("1. Works") in text and squash("2. Within") in text
