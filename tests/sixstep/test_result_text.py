"""Every result text, pinned: the matrix, chart, stability view, report and CLI all read these."""

from __future__ import annotations

import pytest

from sixstep import result_text as rt
from sixstep.case import Alternative, Case, Criterion, Score
from sixstep.scoring import score_case


def screening_case() -> Case:
    """a1 and a2 tie on 26, a3 has 20, a4 fails the must, a5 has k3 unscored."""
    case = Case(title="t")
    case.criteria = [Criterion("k1", "Legal", "must"), Criterion("k2", "Cheap", "want", 3),
                     Criterion("k3", "Fast", "want", 1)]
    case.alternatives = [Alternative(a, a.upper()) for a in ("a1", "a2", "a3", "a4", "a5")]
    cells = [("a1", "k1", True), ("a1", "k2", 8), ("a1", "k3", 2),
             ("a2", "k1", True), ("a2", "k2", 6), ("a2", "k3", 8),
             ("a3", "k1", True), ("a3", "k2", 5), ("a3", "k3", 5),
             ("a4", "k1", False), ("a4", "k2", 10), ("a4", "k3", 10),
             ("a5", "k1", True), ("a5", "k2", 9)]
    case.scores = [Score(a, c, v) for a, c, v in cells]
    return case


@pytest.fixture
def result():
    return score_case(screening_case())


# -- numbers and percents ---------------------------------------------------------------------
def test_percents_and_shares():
    assert rt.percent_text(78.125) == "78%" and rt.percent_text(78.125, 1) == "78.1%"
    assert rt.share_text(0.385) == "38%" and rt.share_text(0.385, 1) == "38.5%"
    assert rt.share_text(1.0) == "100%" and rt.share_text(0.0, 1) == "0.0%"


def test_share_text_rounds_exactly_as_python_percent_format():
    for share in (0.005, 0.125, 0.3849999, 0.4545454545, 2 / 3):
        assert rt.share_text(share) == f"{share:.0%}"
        assert rt.share_text(share, 1) == f"{share:.1%}"


def test_scale_span_and_bar_end():
    assert rt.scale_span(1, 10) == "1\u201310" and rt.scale_span(0.5, 7.25) == "0.5\u20137.25"
    assert rt.total_and_percent(194.6666, 72.1) == "194.67 (72%)"
    assert rt.total_and_percent(12345, 50) == "12345 (50%)"  # never "1.234e+04"


# -- ranks ------------------------------------------------------------------------------------
def test_rank_texts(result):
    assert rt.rank_text(1, shared=False) == "1" and rt.rank_text(1, shared=True) == "=1"
    assert [rt.result_rank_text(result, a) for a in ("a1", "a2", "a3", "a4", "a5")] == [
        "=1", "=1", "3", "", ""]
    assert rt.rank_phrase(result, "a1") == "rank 1, tied"
    assert rt.rank_phrase(result, "a3") == "rank 3" and rt.rank_phrase(result, "a4") == ""
    assert rt.ranked_label("=1", "Read it back") == "=1. Read it back"


def test_standings_for_step_six(result):
    assert rt.standings(result) == {
        "a1": "rank 1, tied \u00b7 65%", "a2": "rank 1, tied \u00b7 65%",
        "a3": "rank 3 \u00b7 50%", "a4": "screened out: fails a must",
        "a5": "not fully scored (1 missing)"}


def test_rank_cell_marks():
    assert rt.SCREENED_OUT_MARK == "out" and rt.NOT_RANKED_MARK == "\u2013"
    assert rt.to_score_mark(3) == "3 to score"
    assert rt.partial_total_text(27) == "27 so far"
    assert rt.partial_total_text(6.666) == "6.67 so far"


# -- cells ------------------------------------------------------------------------------------
def test_pass_and_fail():
    assert rt.pass_fail_text(True) == "\u2713 pass" and rt.pass_fail_text(False) == "\u2717 fail"
    assert rt.pass_fail_text(True, compact=True) == "\u2713"
    assert rt.pass_fail_text(False, compact=True) == "\u2717"
    assert (rt.pass_fail_word(True), rt.pass_fail_word(False)) == ("pass", "fail")


def test_matrix_cells():
    assert rt.cell_text(None, must=False) == "?" == rt.MISSING
    assert rt.cell_text(7.5, must=False) == "7.5" and rt.cell_text(8.0, must=False) == "8"
    assert rt.cell_text(True, must=True) == "\u2713 pass"
    assert rt.cell_text(1, must=True, compact=True) == "\u2713"  # a must read as a mark
    assert rt.own_cell_text(8, 6.5, must=False) == "8 (6.5)"
    assert rt.own_cell_text(None, 6.5, must=False) == "\u2013 (6.5)"
    assert rt.own_cell_text(7, None, must=False) == "7 (?)"
    assert rt.own_cell_text(False, True, must=True, compact=True) == "\u2717 (\u2713)"
    assert rt.NOT_SCORED == "not scored"
    assert rt.MISSING_TIP == "Not scored yet: a missing cell never counts as 0."


def test_report_cells():
    assert rt.report_cell_text(None) == "\u2014"
    assert rt.report_cell_text(True) == "pass" and rt.report_cell_text(False) == "fail"
    assert rt.report_cell_text(6.666) == "6.67" and rt.report_cell_text(-0.001) == "0"


# -- criteria and weights ---------------------------------------------------------------------
def test_weights_and_criterion_labels():
    assert rt.weight_text(None) == "not set" and rt.weight_text(2.5) == "2.5"
    assert rt.weight_label(None) == "no weight" and rt.weight_label(None, 0.3) == "no weight"
    assert rt.weight_label(8) == "w 8" and rt.weight_label(8, 0.3) == "w 8 \u00b7 30%"
    assert rt.criterion_code(3) == "C3" and rt.MUST_MARK == "must"
    assert rt.criterion_key_line(1, "Legal", must=True) == "C1  Legal  (must)"
    assert rt.criterion_key_line(2, "Cheap", must=False) == "C2  Cheap"


def test_weightless_warning():
    assert rt.weightless_warning([]) == ""
    assert rt.weightless_warning(["Fast"]) == (
        "\u201cFast\u201d has no weight yet and counts for nothing: set the weights in step 3.")
    assert rt.weightless_warning(["Fast", "Cheap"]).startswith(
        "\u201cFast\u201d, \u201cCheap\u201d have no weight yet and count for nothing")


# -- stability --------------------------------------------------------------------------------
def test_stability_ranges():
    assert rt.stability_span(0.2, 0.6) == "20\u201360%"
    assert rt.stability_span(0.0, 1.0) == "0\u2013100%"
    assert rt.lead_span_text(0.2, 0.6) == "lead 20\u201360%"
    assert rt.stability_range(0.2, 0.6) == "20% to 60%"
    assert rt.stability_range(5 / 11, 1.0, 1) == "45.5% to 100.0%"
    assert rt.stability_sentence(0.23, 1.0) == "between 23% and 100%"
    assert rt.stability_sentence(0.0, 1.0) == "anything from 0% to 100%"
    assert rt.stability_line("Cheap", 0.385, 0.23, 1.0) == (
        "Cheap: now 38%, holds from 23% to 100%")


def test_fragile_lead_sentences():
    assert rt.tie_reason("Alpha", "Beta") == "Alpha and Beta are tied for first place."
    assert rt.score_point_reason("Cheap", "Alpha", "Beta") == (
        "One score point on Cheap would tie or overturn the lead of Alpha over Beta.")
    assert rt.weight_reason("Cheap", 0.5, 5 / 11, 1.0) == (
        "A small change to the weight of Cheap (now 50% of the total; the lead holds from "
        "45% to 100%) would change the leader.")
    assert rt.fragile_warning(()) == ""
    assert rt.fragile_warning(["One.", "Two."]) == "\u26a0 The lead is fragile. One. Two."
    assert rt.FRAGILE_HEADING == "The lead is fragile:"
    assert rt.SHORT_FRAGILE == "\u26a0 The lead is fragile: see \u201cHow sure?\u201d below."
    assert rt.NOT_FRAGILE.startswith("No single score point or small weight change")


def test_lead_summary():
    assert rt.lead_summary(None, ()).startswith("No alternative leads yet:")
    assert rt.lead_summary("Alpha", ["One."]) == (
        "Alpha leads. \u26a0 The lead is fragile. One.")
    assert rt.lead_summary("Alpha", ()).startswith("Alpha leads. The lead holds while")


def test_the_engine_words_its_reasons_here(result):
    assert result.fragile == (rt.tie_reason("A1", "A2"),)


# -- labels, screened out, left out -----------------------------------------------------------
def test_one_line_labels():
    assert rt.one_line("  Read\tthe\n order  ") == "Read the order"
    case = screening_case()
    case.alternatives[0].name = "Two\nlines"
    case.alternatives[1].name = "   "
    assert rt.alternative_label(case, "a1") == "Two lines"
    assert rt.alternative_label(case, "a2") == "a2"  # no name: its id
    assert rt.alternative_label(case, "gone") == "gone"


def test_short_label_keeps_two_lines_at_most():
    assert rt.short_label("Short", 20) == ["Short"]
    lines = rt.short_label("word " * 20, 12)
    assert len(lines) == 2 and lines[-1].endswith("\u2026")
    assert all(len(line) <= 12 for line in lines)


def test_screened_and_left_out(result):
    assert rt.fails_text(["Legal", "Cheap"]) == "fails Legal, Cheap"
    assert rt.screened_out_tip(["Legal"]) == "Screened out: fails Legal. Not ranked."
    assert rt.left_out_note(result) == "Not in the chart: A4 (screened out); A5 (1 cell to score)."


def test_nothing_left_out():
    case = screening_case()
    case.alternatives = case.alternatives[:3]
    assert rt.left_out_note(score_case(case)) == ""


# -- the command line's table -----------------------------------------------------------------
def test_format_table(result):
    case = screening_case()
    assert rt.format_table(result, case).splitlines() == [
        "Scores combined by mean of participants.",
        "",
        "Rank  Alternative      Total  Percent",
        "  =1  A1                  26    65.0%",
        "  =1  A2                  26    65.0%",
        "   3  A3                  20    50.0%",
        "Screened out: A4 (fails Legal)",
        "Not ranked, 1 cell unscored: A5",
        "",
        "Weight share over which the leader stays first:",
        "  Cheap: now 75%, holds from 75% to 100%",
        "  Fast: now 25%, holds from 0% to 25%",
        "",
        "The lead is fragile:",
        "  A1 and A2 are tied for first place.",
    ]


def test_format_table_with_nothing_ranked():
    case = screening_case()
    case.scores = []
    lines = rt.format_table(score_case(case), case).splitlines()
    assert "  No alternative is fully scored yet." in lines
