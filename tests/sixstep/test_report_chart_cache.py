"""The report's charts are drawn once for the same numbers: a second export skips matplotlib."""

from __future__ import annotations

import sixstep.report_chart as report_chart
from sixstep.report_blocks import ParetoChart


def test_the_same_chart_is_drawn_once_and_a_changed_one_anew(monkeypatch):
    drawn: list[ParetoChart] = []
    draw = report_chart._draw

    def counted(chart: ParetoChart) -> bytes:
        drawn.append(chart)
        return draw(chart)

    monkeypatch.setattr(report_chart, "_draw", counted)
    chart = ParetoChart(("Late deliveries", "Cold fries"), (3, 1), (75.0, 100.0), (True, False))
    first = report_chart.pareto_svg(chart)
    assert first is not None and report_chart.pareto_svg(chart) == first
    assert len(drawn) == 1
    more = ParetoChart(("Late deliveries", "Cold fries"), (3, 2), (60.0, 100.0), (True, True))
    assert report_chart.pareto_svg(more) not in (None, first)
    assert len(drawn) == 2
    for n in range(report_chart.KEEP_DRAWN + 2):  # only the last few are kept
        report_chart.pareto_svg(ParetoChart((f"Cause {n}",), (1,), (100.0,), (True,)))
    assert len(report_chart._DRAWN) <= report_chart.KEEP_DRAWN
