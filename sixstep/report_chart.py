"""The report's charts (the Pareto of votes, the contributions to each total) drawn with
matplotlib as SVG (vectors, text kept as text), for a paged writer to place. matplotlib is
imported inside the functions: it costs start-up time, and the report is whole without a
chart if matplotlib is missing or fails."""

from __future__ import annotations

import io
import textwrap
from typing import Any

from sixstep.report_blocks import ContributionsChart, ParetoChart

BAR, BAR_LATER, LINE, INK, GRID = "#1f3a5f", "#a9b8cc", "#b5542b", "#1d1d1f", "#d5dbe3"
# One colour and hatch per want criterion, on screen and on paper: Okabe-Ito colours (told
# apart by most colour-blind readers), with hatches as a second cue for grey print.
CRITERION_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                     "#F0E442", "#000000")
CRITERION_HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
MAX_BARS = 20  # the rest are counted together as "others"
WIDTH_IN, HEIGHT_IN = 6.6, 3.8
# text stays text (Qt's SVG renderer cannot draw matplotlib's glyph outlines, and real text
# is selectable in the PDF); plain shapes only
SVG_STYLE: dict[str, Any] = {"svg.fonttype": "none", "font.family": "sans-serif",
                             "svg.hashsalt": "pareto"}
# The last charts drawn, by their numbers: exporting the same case again (another page size,
# a second copy) skips matplotlib, the report's slowest part.
KEEP_DRAWN = 4
_DRAWN: dict[tuple[Any, Any], bytes] = {}


def forget_drawn() -> None:
    """Draw every chart afresh from now on (the benchmark times a report's first export)."""
    _DRAWN.clear()


def _labels(chart: ParetoChart) -> list[str]:
    out = []
    for text in chart.labels[:MAX_BARS]:
        short = text if len(text) <= 44 else text[:43] + "\u2026"
        out.append("\n".join(textwrap.wrap(short, 22)) or " ")
    if len(chart.labels) > MAX_BARS:
        out.append(f"{len(chart.labels) - MAX_BARS} others")
    return out


def _svg(draw: Any, chart: Any) -> bytes | None:
    """``draw(chart)`` under the report's SVG style; None when matplotlib is missing or fails
    (the report is whole without its charts)."""
    try:
        from matplotlib import rc_context
    except ImportError:
        return None
    key = (draw, chart)
    if key in _DRAWN:
        return _DRAWN[key]
    try:
        with rc_context(SVG_STYLE):  # type: ignore[arg-type]
            result: bytes = draw(chart)
    except Exception:  # a broken font cache or backend must not cost the whole report
        return None
    _DRAWN[key] = result
    while len(_DRAWN) > KEEP_DRAWN:
        del _DRAWN[next(iter(_DRAWN))]  # the oldest first
    return result


def contributions_svg(chart: ContributionsChart) -> bytes | None:
    """A stacked bar per ranked alternative (the leader on top), one segment per want
    criterion, the total at the end of each bar; None when there is nothing to draw."""
    if not chart.alternatives or not chart.criteria:
        return None
    return _svg(_draw_contributions, chart)


def _draw_contributions(chart: ContributionsChart) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    names = [_wrapped(n, 34, 2) for n in chart.alternatives[:MAX_BARS]]
    rows = list(chart.contributions[:MAX_BARS])
    height = min(8.5, 0.9 + 0.36 * len(rows) + 0.16 * -(-len(chart.criteria) // 3))
    figure = Figure(figsize=(WIDTH_IN, height), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    places = list(range(len(rows)))[::-1]  # the leader at the top
    starts = [0.0] * len(rows)
    for number, criterion in enumerate(chart.criteria):
        widths = [row[number] for row in rows]
        axes.barh(places, widths, left=starts, height=0.62,
                  color=CRITERION_COLOURS[number % len(CRITERION_COLOURS)],
                  hatch=CRITERION_HATCHES[number % len(CRITERION_HATCHES)],
                  edgecolor="white", linewidth=0.6, label=_wrapped(criterion, 40, 1))
        starts = [s + w for s, w in zip(starts, widths, strict=True)]
    for place, total in zip(places, starts, strict=True):
        axes.text(total, place, f"  {total:g}", va="center", fontsize=7, color=INK)
    axes.set_yticks(places, names, fontsize=7)
    axes.set_xlim(0, max(starts, default=1.0) * 1.15 or 1.0)
    axes.set_xlabel("Weighted score (weight \u00d7 score, summed)", fontsize=8, color=INK)
    axes.tick_params(axis="x", labelsize=7)
    axes.grid(axis="x", color=GRID, linewidth=0.5)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.legend(loc="outside lower center", ncols=min(3, len(chart.criteria)), fontsize=7,
                  frameon=False)
    out = io.BytesIO()
    figure.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight",
                   pad_inches=0.05)
    return out.getvalue()


def _wrapped(text: str, width: int, lines: int) -> str:
    """At most ``lines`` lines of ``width`` characters, cut short with an ellipsis; a "$" is
    a dollar sign, never the start of mathematics."""
    parts = textwrap.wrap(text, width) or [" "]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "\u2026"
    return "\n".join(p.replace("$", r"\$") for p in parts)


def pareto_svg(chart: ParetoChart) -> bytes | None:
    """The chart as SVG bytes: bars of votes (dark for the causes to verify first) and the
    running share as a line on a 0 to 100% axis; None when it cannot be drawn."""
    if not chart.votes:
        return None
    return _svg(_draw, chart)


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
