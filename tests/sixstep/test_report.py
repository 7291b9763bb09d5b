"""The Markdown workshop report: every step in order, typed text shown literally, blank cases."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from fishbone.model import Cause
from sixstep.case import Alternative, Case, Criterion, Score, Term
from sixstep.caseio import load_case
from sixstep.report import NOTHING, md_escape, report_blocks, report_markdown
from sixstep.scoring import score_case

HAPPY = Path(__file__).resolve().parents[2] / "sample_cases" / "happy_burgers.case.json"
HOSTILE = ("<img src=x>", "a | b", "# not a heading", "*x*", "_y_ [link](http://e.com)",
           "- item", "1. first", "`code`", "&amp;", "> quote", "back\\slash")


@pytest.fixture(scope="module")
def happy() -> Case:
    return load_case(HAPPY)


@pytest.fixture(scope="module")
def happy_md(happy) -> str:
    return report_markdown(happy)


def unescape(text: str) -> str:
    """What a CommonMark viewer shows for escaped text (backslashes and "&lt;"-style
    references)."""
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text))


def test_every_section_in_step_order(happy_md):
    headings = [line for line in happy_md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## The workshop", "## At a glance", "## Step 1: Define the problem",
        "## Step 2: Research and analyse", "## Step 3: Agree the criteria",
        "## Step 4: List the alternatives", "## Step 5: Evaluate the alternatives",
        "## Step 6: Select and plan", "## Parking lot"]
    order = ["### The problem as a question", "### Terms", "### Symptoms",
             "### How serious it is", "### Effects", "### Still to research",
             "### Earlier efforts", "### Techniques used", "### Findings",
             "### Fishbone diagram", "#### Equipment", "#### Environment",
             "### Root causes and confirmed causes",
             "### Dot vote: which causes to verify first",
             "### Relations diagram: what drives what", "### Criteria, most important first",
             "### What we will not address", "### Ranking", "### How stable the lead is",
             "### Where the room disagreed",
             "### Strengths, weaknesses, cost and benefit", "### Chosen", "### Why",
             "### Action plan", "### Review"]
    positions = [happy_md.index("\n" + h + "\n") for h in order]
    assert positions == sorted(positions)


def test_happy_burgers_content(happy, happy_md):
    shown = unescape(happy_md)
    assert happy_md.startswith("# Happy Burgers")
    assert happy.problem.question in shown
    for c in happy.criteria:
        assert c.name in shown
    for a in happy.alternatives:
        assert a.name in shown
    for term in happy.problem.terms:
        assert f"| {term.term} |" in shown
    assert "**Done:** How often orders change" in happy_md
    assert "**Done:** Whether the night menu board" in happy_md  # a finished worked case
    assert "Fails the budget must" in shown and "merged into Night training" in shown
    assert "*(root cause, confirmed, 6 votes)*" in happy_md
    assert "*(ruled out)*" in happy_md
    assert "  - Voids need a manager's code" in happy_md  # a sub-cause is indented
    # criteria: order, kind, weight, share
    assert "| 3 | Customer gets the food they last asked for | want | 10 | 38.5% |" in happy_md
    assert "| 1 | Works with one person on shift | must | — | — |" in happy_md
    assert "| Read the order back before sending it | pass | pass | 8 | 7 | 7 | 9 |" in shown
    strengths = happy_md[happy_md.index("### Strengths"):]
    assert strengths.index("(rank 1)") < strengths.index("(rank 2)") < strengths.index(
        "(eliminated)")
    assert happy.selection.actions[0].owner in shown
    assert happy.selection.review.what_next in shown


def test_ranking_table_follows_the_scoring_engine(happy, happy_md):
    result = score_case(happy)
    for r in result.ranking:
        assert f"| {r.rank} | {r.name} |" in happy_md
        assert f"{r.percent:.1f}%" in happy_md
    for reason in result.fragile:
        assert reason in unescape(happy_md)


def test_ties_screening_and_unscored_cells():
    case = Case(title="Ties")
    case.criteria = [Criterion("m", "Legal", "must"), Criterion("w", "Cheap", "want", 2)]
    case.alternatives = [Alternative(x, n) for x, n in
                         (("a", "Alpha"), ("b", "Beta"), ("c", "Gamma"), ("d", "Delta"))]
    case.scores = [Score("a", "m", True), Score("a", "w", 5), Score("b", "m", True),
                   Score("b", "w", 5), Score("c", "m", False), Score("c", "w", 9),
                   Score("d", "m", True)]
    md = report_markdown(case)
    assert "| =1 | Alpha |" in unescape(md) and "| =1 | Beta |" in unescape(md)
    assert "### Screened out by a must" in md and "**Gamma:** fails Legal" in md
    assert "### Not ranked yet: unscored cells" in md and "**Delta (1 cell):** Cheap" in md
    assert "tied for first place" in md


def test_hostile_text_stays_literal():
    case = Case(title="<img src=x> | # not a heading")
    case.problem.question = "\n".join(HOSTILE)
    case.problem.terms = [Term(t, t) for t in HOSTILE]
    case.problem.symptoms = list(HOSTILE)
    case.fishbone.add_cause(Cause("c1", "people", None, "*x* <b>bold</b>", status="confirmed"))
    case.criteria = [Criterion("k", "a | b", "want", 1, "<script>")]
    case.alternatives = [Alternative("a", "# not a heading")]
    md = report_markdown(case)
    assert not re.search(r"<[A-Za-z/!?]", md)  # no angle bracket can open a tag
    assert "&lt;img src=x>" in md
    assert "a \\| b" in md
    for line in md.splitlines():
        if line.startswith("#"):
            assert not re.match(r"#+ +#", line), line  # no heading made of typed "#"
    assert "\\*x\\*" in md and "\\_y\\_ \\[link\\](http://e.com)" in md
    # a table row keeps its column count despite typed pipes
    rows = [line for line in md.splitlines() if line.startswith("| 1 | a \\| b | want")]
    assert len(rows) == 1 and rows[0].replace("\\|", "").count("|") == 7
    # every typed string reads back exactly once the escapes are removed
    shown = unescape(md)
    for text in HOSTILE:
        assert text in shown


@pytest.mark.parametrize("text", HOSTILE + ("+ plus", "10) ten", "***", "---", "===", "  #x"))
def test_escaped_text_opens_no_markup(text):
    line = md_escape(text)
    assert not re.match(r"\s*([-+*]\s|\d+[.)](\s|$)|#|>|=+$|-+$)", line), line
    assert unescape(line) == text.strip()


def test_newlines_in_table_cells_become_spaces():
    case = Case()
    case.problem.terms = [Term("two\nlines", "first\r\nsecond\n\nthird")]
    md = report_markdown(case)
    assert "| two lines | first second third |" in md


def test_blank_case_gives_a_short_valid_report():
    md = report_markdown(Case())
    assert md.startswith("# Untitled workshop\n")
    # the steps flow on: a step that recorded nothing is its heading and one line
    for n, title in enumerate(("Define the problem", "Research and analyse",
                               "Agree the criteria", "List the alternatives",
                               "Evaluate the alternatives", "Select and plan"), 1):
        assert f"## Step {n}: {title}\n\n*{md_escape(NOTHING)}*\n" in md
    assert md.count(NOTHING) == 6 and "###" not in md
    assert len(md.splitlines()) < 120
    assert "At a glance" not in md  # nothing to summarise
    assert report_blocks(Case())  # and the blocks exist for the PDF


def test_markdown_renders_without_html_if_a_renderer_is_installed(happy):
    markdown_it = pytest.importorskip("markdown_it")
    case = load_case(HAPPY)
    case.title = "<img src=x> *x*"
    case.problem.symptoms.append("a | b <script>alert(1)</script>")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(report_markdown(case))
    assert "<img" not in html and "<script>" not in html
    assert "&lt;img src=x&gt; *x*" in html


def test_the_score_table_names_each_criterion_and_the_chart_adds_up():
    from sixstep.report import ContributionsChart, Table, criterion_heading, report_blocks
    from sixstep.scoring import score_case

    case = load_case(HAPPY)
    blocks = report_blocks(case)
    table = next(b for b in blocks if isinstance(b, Table) and b.headers[0] == "Alternative"
                 and len(b.headers) == len(case.criteria) + 1)
    assert table.headers[1:] == tuple(criterion_heading(i, c.name) for i, c in
                                      enumerate(case.criteria, 1))
    assert table.headers[1] == "1. Works with one person on shift"
    chart = next(b for b in blocks if isinstance(b, ContributionsChart))
    result = score_case(case)
    assert chart.alternatives[0].startswith("1. Let the cashier")
    assert chart.criteria == tuple(c.name for c in case.criteria if c.kind == "want")
    totals = [sum(row) for row in chart.contributions]
    assert totals == pytest.approx([r.total for r in result.ranking])


def test_a_long_criterion_name_is_cut_short_in_the_score_table():
    from sixstep.report import criterion_heading

    assert criterion_heading(3, "x" * 80) == "3. " + "x" * 39 + "\u2026"
    assert criterion_heading(1, "Fast\nenough") == "1. Fast enough"
