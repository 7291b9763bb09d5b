"""The room in the report: the workshop, the dot vote's Pareto table, the relations diagram,
contested cells and the median's verdict, the parking lot, notes per step, steps that flow."""

from __future__ import annotations

import re
import sys

import pytest

from sample_cases import read_sample
from sixstep.case import Case
from sixstep.caseio import loads_case
from sixstep.report import NOTHING, ParetoChart, md_escape, report_blocks, report_markdown
from sixstep.report_chart import pareto_svg
from sixstep.report_room import day_text, recorded_nothing
from tests.sixstep.room_cases import doc, every_field_doc, scores, text


def unescape(md: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", md)


def section(md: str, heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = md.index("\n" + heading + "\n") + 1
    rest = md[start + len(heading):]
    ends = [m.start() for m in re.finditer(r"\n#{1," + str(len(level)) + "} ", rest)]
    return rest[: ends[0]] if ends else rest


@pytest.fixture(scope="module")
def happy_md() -> str:
    return unescape(report_markdown(loads_case(read_sample("happy_burgers"))))


def test_the_workshop_names_date_facilitator_place_and_attendees(happy_md):
    part = section(happy_md, "## The workshop")
    assert "**Date:** 24 November 2026" in part
    assert "**Facilitator:** Grace Naidoo (area manager)" in part
    assert "**Place:** Happy Burgers, Main Road: the staff room" in part
    assert "**Attendees (4):** Lindiwe (store manager), Jonas (night crew)" in part


def test_no_workshop_section_without_workshop_details():
    assert "## The workshop" not in report_markdown(Case())
    assert day_text("2026-02-30") == "2026-02-30" and day_text("2026-03-01") == "1 March 2026"


def test_dot_vote_ranks_causes_with_a_pareto_table(happy_md):
    part = section(happy_md, "### Dot vote: which causes to verify first")
    assert "4 participants placed 36 dots in all (9 each, at most 3 on one cause)." in part
    rows = [line for line in part.splitlines() if re.match(r"\| \d+ \|", line)]
    assert rows[0] == "| 1 | Till cannot amend a sent order | 6 | 17% | 17% | yes |"
    assert rows[1] == "| 2 | Order not read back before sending | 5 | 14% | 31% | yes |"
    assert rows[-1].endswith("| 1 | 3% | 100% |   |")
    assert len(rows) == 15 and "9 causes of 15 hold the first 80%" in part


def test_the_chart_block_sits_beside_the_table_and_markdown_leaves_it_out():
    case = loads_case(read_sample("happy_burgers"))
    charts = [b for b in report_blocks(case) if isinstance(b, ParetoChart)]
    assert len(charts) == 1 and charts[0].votes[:3] == (6, 5, 4)
    assert charts[0].verify_first.count(True) == 9
    svg = pareto_svg(charts[0])
    assert svg is not None and b"<svg" in svg and b"<image" not in svg  # vectors only


def test_the_chart_is_optional_when_matplotlib_cannot_load(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails
    assert pareto_svg(ParetoChart(("a",), (1,), (100.0,), (True,))) is None


def test_anonymous_votes_are_counted_for_the_room():
    case = loads_case(text(every_field_doc()))
    case.dot_settings.anonymous = True
    md = unescape(report_markdown(case))
    assert "8 votes in all, counted for the room as a whole." in md


def test_relations_name_the_driver_the_outcome_and_the_loops(happy_md):
    part = section(happy_md, "### Relations diagram: what drives what")
    assert "**Driver:** Till cannot amend a sent order (marked root cause)" in part
    assert "**Outcome:** No rule for changes after cooking" in part
    assert "**Loops:** none" in part
    assert "| Till cannot amend a sent order | 3 | 0 | driver |" in part
    assert "| No rule for changes after cooking | 0 | 4 | outcome |" in part
    case = loads_case(text(every_field_doc()))  # c1 <-> c2 and c4 -> c2
    md = unescape(report_markdown(case))
    part = section(md, "### Relations diagram: what drives what")
    assert "**Drivers:** cause 1; cause 2; cause 4" in part
    assert "**Outcome:** cause 2" in part
    assert "**Loop:** cause 1 \u2192 cause 2 \u2192 cause 1" in part
    assert "Relations diagram" not in report_markdown(Case())


def test_step_5_shows_contested_cells_and_the_median_changing_the_leader(happy_md):
    part = section(happy_md, "### Where the room disagreed")
    assert "4 participants scored the alternatives on their own. Each scored blind" in part
    assert ("| Read the order back before sending it | Customer gets the food they last "
            "asked for | Lindiwe 5, Jonas 9, Sipho 9, Anele 9 | 0.38 |") in part
    assert "| Hold kitchen tickets 30 seconds before cooking | Short wait after a change |" in part
    assert part.count("| 0.") == 3 and "3 cells contested" in part
    assert ("The median changes the leader: by mean \u201cLet the cashier edit a sent order "
            "without a code\u201d leads, by median \u201cRead the order back before sending "
            "it\u201d leads.") in part


def test_calm_scores_contest_nothing_and_blind_scores_stay_hidden():
    document = doc(scores=scores({("a1", "k1"): [6, 7, 6, 7], ("a1", "k2"): [5, 5, 5, 5],
                                  ("a2", "k1"): [4, 4, 5, 4], ("a2", "k2"): [5, 6, 5, 6]}))
    document["criteria"] = document["criteria"][:2]
    md = unescape(report_markdown(loads_case(text(document))))
    part = section(md, "### Where the room disagreed")
    assert "No cell is contested" in part and "the leader stays the same" in part
    document["blind_scoring"] = {"on": True, "revealed": False}
    part = section(unescape(report_markdown(loads_case(text(document)))),
                   "### Where the room disagreed")
    assert "not revealed yet" in part and "Thandi" not in part and "leader" not in part
    one_scorer = loads_case(read_sample("leaky_pipes"))
    assert "Where the room disagreed" not in report_markdown(one_scorer)


def test_the_parking_lot_lists_ideas_with_their_step_and_status(happy_md):
    part = section(happy_md, "## Parking lot")
    assert ("| 2 | Night security at the store: raise it with the area manager on its own. | "
            "3: Agree the criteria | open |") in part
    assert "2 of 4 dealt with." in part
    assert "Parking lot" not in report_markdown(Case())


def test_facilitator_notes_sit_in_their_own_step(happy_md):
    case = loads_case(read_sample("happy_burgers"))
    starts = [happy_md.index(f"## Step {n}:") for n in range(1, 7)] + [len(happy_md)]
    for n in range(1, 7):
        note = " ".join(case.step_notes[str(n)].split())
        where = happy_md.index(f"**Facilitator's note:** {note}")
        assert starts[n - 1] < where < starts[n]


def test_steps_flow_on_an_empty_step_is_one_line():
    case = loads_case(read_sample("happy_burgers"))
    case.criteria, case.not_addressed, case.scores = [], [], []
    for a in case.alternatives:
        a.strengths = a.weaknesses = a.cost = a.benefit = ""
    del case.step_notes["3"], case.step_notes["5"]
    assert recorded_nothing(case, 3) and recorded_nothing(case, 5)
    assert not recorded_nothing(case, 4)
    md = report_markdown(case)
    empty = f"*{md_escape(NOTHING)}*"
    assert f"## Step 3: Agree the criteria\n\n{empty}\n\n## Step 4" in md
    assert f"## Step 5: Evaluate the alternatives\n\n{empty}\n\n## Step 6" in md
    case.step_notes["5"] = "Scoring moved to next week."
    assert not recorded_nothing(case, 5)
    assert "Scoring moved to next week." in report_markdown(case)
