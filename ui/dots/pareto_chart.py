"""The Pareto chart of the dot vote: a bar per cause (most dots first), the running share as a
line, and the 80% mark. Drawn off screen with matplotlib's Agg into a QImage.

matplotlib is imported the first time a chart is drawn, never when this module is imported,
so the window starts quickly. The bars are labelled by rank; the table beside the chart
names the causes (long cause texts under the bars would be unreadable from the room).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QImage

from sixstep.dots import VITAL_SHARE, ParetoRow

VERIFY = "#0072B2"  # Okabe-Ito blue: the causes to verify first
LATER = "#9DB7CF"  # the rest, paler, with a hatch as a second cue
LINE = "#D55E00"  # Okabe-Ito vermilion: the running share


@dataclass(frozen=True)
class ChartLook:
    """Size and colours of one drawing: pixels, the text size in points, and the page."""

    width: int
    height: int
    dpi: float
    font_pt: float
    ink: str = "#000000"
    paper: str = "#ffffff"


def pareto_image(rows: list[ParetoRow], look: ChartLook) -> QImage:
    """The chart of ``rows`` (from ``sixstep.dots.pareto``) as an image of ``look``'s size."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    dpi = max(look.dpi, 1.0)
    figure = Figure(figsize=(max(look.width, 50) / dpi, max(look.height, 50) / dpi), dpi=dpi,
                    layout="constrained", facecolor=look.paper)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_facecolor(look.paper)
    size = look.font_pt
    ranks = list(range(1, len(rows) + 1))
    axes.bar(ranks, [r.votes for r in rows],
             color=[VERIFY if r.verify_first else LATER for r in rows],
             hatch=["" if r.verify_first else "//" for r in rows], edgecolor=look.paper)
    # every rank while the numbers fit side by side, else every second, third... (projector)
    label_px = size * dpi / 72 * 0.65 * len(str(len(ranks))) + size * dpi / 72 * 0.5
    step = max(1, math.ceil(len(ranks) * label_px / max(look.width * 0.7, 1.0)))
    axes.set_xticks(ranks, [str(n) if (n - 1) % step == 0 else "" for n in ranks],
                    fontsize=size)
    axes.set_xlabel("Rank", fontsize=size, color=look.ink)
    axes.set_ylabel("Dots", fontsize=size, color=look.ink)
    axes.set_ylim(0, max((r.votes for r in rows), default=1) * 1.15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # whole dots only
    axes.tick_params(colors=look.ink, labelsize=size)
    share = axes.twinx()
    share.plot(ranks, [r.cumulative_percent for r in rows], color=LINE, marker="o",
               linewidth=max(2.0, size / 6), markersize=size / 2)
    share.axhline(float(VITAL_SHARE) * 100, color=LINE, linestyle="--", linewidth=1.5)
    share.set_ylim(0, 105)
    share.set_yticks([0, 20, 40, 60, 80, 100], ["0%", "20%", "40%", "60%", "80%", "100%"],
                     fontsize=size)
    share.tick_params(colors=look.ink, labelsize=size)
    for spine in (*axes.spines.values(), *share.spines.values()):
        spine.set_color(look.ink)
    for side in ("top",):
        axes.spines[side].set_visible(False)
        share.spines[side].set_visible(False)
    canvas.draw()
    width, height = canvas.get_width_height()
    image = QImage(bytes(canvas.buffer_rgba()), width, height, QImage.Format.Format_RGBA8888)
    return image.copy()  # the buffer belongs to matplotlib
