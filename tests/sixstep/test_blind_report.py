"""While the room scores blind, the report gives no score away: no ranking, no matrix, no
leader, no ranks in step 6; once revealed, all of it comes back."""

from __future__ import annotations

from sample_cases import read_sample
from sixstep.caseio import loads_case
from sixstep.report import BLIND_REPORT, report_markdown

GIVEAWAYS = ("| Rank |", "### Scores", "How stable the lead is", "(rank 1)", "Lindiwe 5")


def _happy(revealed: bool):
    case = loads_case(read_sample("happy_burgers"))
    case.blind.on, case.blind.revealed = True, revealed
    return case


def test_the_unrevealed_report_shows_no_standing_at_all():
    md = report_markdown(_happy(revealed=False))
    assert BLIND_REPORT.split(",")[0] in md.replace("\\", "")
    for giveaway in GIVEAWAYS:
        assert giveaway not in md
    assert "not revealed yet" in md  # the disagreement section says why it is quiet
    nothing_chosen = _happy(revealed=False)
    nothing_chosen.selection.chosen = []
    assert "Leading alternative" not in report_markdown(nothing_chosen)


def test_the_revealed_report_shows_the_ranking_and_the_scores():
    md = report_markdown(_happy(revealed=True))
    assert BLIND_REPORT.split(",")[0] not in md.replace("\\", "")
    assert all(giveaway in md for giveaway in GIVEAWAYS)
    nothing_chosen = _happy(revealed=True)
    nothing_chosen.selection.chosen = []
    assert "Leading alternative" in report_markdown(nothing_chosen)
