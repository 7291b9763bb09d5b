"""The report's Pareto chart drawn with matplotlib as SVG (vectors, text as outlines), for a
paged writer to place. matplotlib is imported inside the function: it costs start-up time,
and the report is whole without the chart if matplotlib is missing or fails."""

from __future__ import annotations

import io
import textwrap
from typing import Any

from sixstep.report_blocks import ParetoChart

BAR, BAR_LATER, LINE, INK, GRID = "#1f3a5f", "#a9b8cc", "#b5542b", "#1d1d1f", "#d5dbe3"
MAX_BARS = 20  # the rest are counted together as "others"
WIDTH_IN, HEIGHT_IN = 6.6, 3.8
# text stays text (Qt's SVG renderer cannot draw matplotlib's glyph outlines, and real text
# is selectable in the PDF); plain shapes only
SVG_STYLE: dict[str, Any] = {"svg.fonttype": "none", "font.family": "sans-serif",
                             "svg.hashsalt": "pareto"}


def _labels(chart: ParetoChart) -> list[str]:
    out = []
    for text in chart.labels[:MAX_BARS]:
        short = text if len(text) <= 44 else text[:43] + "\u2026"
        out.append("\n".join(textwrap.wrap(short, 22)) or " ")
    if len(chart.labels) > MAX_BARS:
        out.append(f"{len(chart.labels) - MAX_BARS} others")
    return out


def pareto_svg(chart: ParetoChart) -> bytes | None:
    """The chart as SVG bytes: bars of votes (dark for the causes to verify first) and the
    running share as a line on a 0 to 100% axis; None when it cannot be drawn."""
    if not chart.votes:
        return None
    try:
        from matplotlib import rc_context
    except ImportError:
        return None
    try:
        with rc_context(SVG_STYLE):  # type: ignore[arg-type]
            return _draw(chart)
    except Exception:  # a broken font cache or backend must not cost the whole report
        return None


def _draw(chart: ParetoChart) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    votes = list(chart.votes[:MAX_BARS]) + ([sum(chart.votes[MAX_BARS:])]
                                            if len(chart.votes) > MAX_BARS else [])
    cumulative = list(chart.cumulative_percent[:MAX_BARS]) + (
        [100.0] if len(chart.votes) > MAX_BARS else [])
    first = list(chart.verify_first[:MAX_BARS]) + (
        [False] if len(chart.votes) > MAX_BARS else [])
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    places = list(range(len(votes)))
    axes.bar(places, votes, color=[BAR if f else BAR_LATER for f in first], width=0.7)
    axes.set_ylabel("Votes", color=INK, fontsize=8)
    axes.set_xticks(places, _labels(chart), fontsize=6.5, rotation=90)
    axes.tick_params(axis="y", labelsize=7)
    axes.set_ylim(0, max(votes) * 1.15)
    axes.grid(axis="y", color=GRID, linewidth=0.5)
    axes.set_axisbelow(True)
    share = axes.twinx()
    share.plot(places, cumulative, color=LINE, marker="o", markersize=3, linewidth=1.2)
    share.axhline(80, color=LINE, linewidth=0.6, linestyle="--")
    share.set_ylim(0, 105)
    share.set_ylabel("Running total of votes (%)", color=LINE, fontsize=8)
    share.tick_params(axis="y", labelsize=7, colors=LINE)
    axes.spines["top"].set_visible(False)
    share.spines["top"].set_visible(False)
    figure.tight_layout(pad=0.4)
    out = io.BytesIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()
