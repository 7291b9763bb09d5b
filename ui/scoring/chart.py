"""A stacked bar per ranked alternative, one segment per want criterion (weight x score).

Drawn off screen with matplotlib's Agg into an image shown by a label: no matplotlib widget
lives in the window, so no late matplotlib draw can reach a widget Qt has deleted. matplotlib
is imported the first time a chart is drawn, never when this module is imported.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QImage, QPalette, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from sixstep import result_text
from sixstep.case import Case
from sixstep.report_chart import CRITERION_COLOURS, CRITERION_HATCHES
from sixstep.scoring import ScoringResult
from ui.common.theme import PlainLabel

COLOURS, HATCHES = CRITERION_COLOURS, CRITERION_HATCHES  # the report's, so both agree


def literal(text: str) -> str:
    """User text for matplotlib: a "$" is a dollar sign, never the start of mathematics."""
    return text.replace("$", r"\$")


def short_label(text: str, width: int) -> str:
    """At most two lines of ``width`` characters (the chart makes room for two), cut short
    with an ellipsis; each line made literal after wrapping, so no "\\$" is split."""
    return "\n".join(literal(line) for line in result_text.short_label(text, width))


class ScoreChart(QWidget):
    """Shows ``show_result``'s ranking; draws only while visible, and only when it changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Chart of weighted scores")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.note_label = PlainLabel("", self)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)
        self._layout.addWidget(self.note_label)
        self.canvas: QLabel | None = None  # shows the drawn image once there is a chart
        self.figure: Any = None  # a matplotlib Figure on an Agg canvas, made on first draw
        self._case: Case | None = None
        self._result: ScoringResult | None = None
        self._hidden = False  # blind scoring: no bars until the scores are revealed
        self._dirty = False
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(80)
        self._resize_timer.timeout.connect(self.draw)
        self._draw_timer = QTimer(self)  # a change draws once the event loop is free again,
        self._draw_timer.setSingleShot(True)  # after the matrix is painted; changes made
        self._draw_timer.setInterval(0)  # before then are drawn once, together
        self._draw_timer.timeout.connect(self._on_draw_timer_timeout)

    def show_result(self, case: Case, result: ScoringResult | None,
                    hidden: bool = False) -> None:
        """Chart ``result`` (``hidden``: say it is hidden while the room scores blind): drawn
        on the next turn of the event loop while the chart is seen, else when it is shown."""
        self._case, self._result, self._dirty = case, result, True
        self._hidden = hidden
        if self.isVisible():
            self._draw_timer.start()

    def _on_draw_timer_timeout(self) -> None:
        if self._dirty and self.isVisible():
            self.draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:  # the tab was chosen: the chart comes with it
            self.draw()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.canvas is not None:
            self._dirty = True
            if self.isVisible():
                self.draw()

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(layout="constrained")
        FigureCanvasAgg(self.figure)
        self.canvas = QLabel(self)
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.canvas.setMinimumSize(160, 120)
        self.canvas.setAccessibleName("Stacked bars of each alternative's weighted scores")
        self._layout.insertWidget(0, self.canvas, 1)

    def draw(self) -> None:
        """Redraw the bars from the stored result (imports matplotlib the first time)."""
        self._dirty = False
        self._draw_timer.stop()
        case, result = self._case, self._result
        if self._hidden:
            self.note_label.setText(result_text.blind_hidden_view("The chart"))
            if self.canvas is not None:
                self.canvas.hide()
            return
        left_out = self._left_out_note(case, result)
        if case is None or result is None or not result.ranking:
            self.note_label.setText("The chart shows every open alternative once all its "
                                    "cells are scored and it passes every must. " + left_out)
            if self.canvas is not None:
                self.canvas.hide()
            return
        self._ensure_canvas()
        assert self.canvas is not None
        self.canvas.show()
        self.note_label.setText(left_out)
        self._plot(case, result)
        self._paint_image()

    def _paint_image(self) -> None:
        """Render the figure at the label's size in device pixels and show it."""
        assert self.canvas is not None
        ratio = self.canvas.devicePixelRatioF()
        dpi = self.logicalDpiY() * ratio
        width = max(self.canvas.width(), 160) * ratio
        height = max(self.canvas.height(), 120) * ratio
        self.figure.set_dpi(dpi)
        self.figure.set_size_inches(width / dpi, height / dpi)
        agg = self.figure.canvas
        agg.draw()
        pixels, height_width = bytes(agg.buffer_rgba()), agg.get_width_height()
        image = QImage(pixels, height_width[0], height_width[1], QImage.Format.Format_RGBA8888)
        pixmap = QPixmap.fromImage(image.copy())  # the buffer belongs to matplotlib
        pixmap.setDevicePixelRatio(ratio)
        self.canvas.setPixmap(pixmap)

    def text_size(self, bars: int, names: list[str]) -> tuple[float, int]:
        """The text size in points and the legend's columns: the widget's font size, made
        smaller until the bars' two-line labels, the axis and the legend fit the height."""
        size = max(self.font().pointSizeF(), 8.0)
        longest = max((len(n) for n in names), default=10) + 4
        while True:
            pixels = size * self.logicalDpiY() / 72
            columns = max(1, min(3, len(names), int(self.width() / (longest * pixels * 0.6))))
            rows = -(-len(names) // columns)
            lines = 2.2 * bars + 3 + 1.3 * rows
            if size <= 7 or lines * pixels * 1.3 <= self.height():
                return size, columns
            size -= 0.5

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.canvas is not None and self._result is not None:
            self._resize_timer.start()

    def _plot(self, case: Case, result: ScoringResult) -> None:
        wants = [c for c in case.criteria if c.kind == "want"]
        size, columns = self.text_size(len(result.ranking), [c.name for c in wants])
        wrap = max(14, int(self.width() * 0.3 / (size * self.logicalDpiX() / 72 * 0.55)))
        figure = self.figure
        figure.clear()
        palette = self.palette()  # the chart follows the light, dark or projector palette
        ink = palette.color(QPalette.ColorRole.WindowText).name()
        figure.set_facecolor(palette.color(QPalette.ColorRole.Window).name())
        axes = figure.add_subplot()
        axes.set_facecolor(palette.color(QPalette.ColorRole.Base).name())
        ranking = list(reversed(result.ranking))  # matplotlib draws bottom up: leader on top
        labels = [result_text.ranked_label(result_text.result_rank_text(result, r.alternative),
                                           short_label(r.name, wrap)) for r in ranking]
        positions = list(range(len(ranking)))
        starts = [0.0] * len(ranking)
        for number, criterion in enumerate(wants):
            widths = [r.contributions.get(criterion.id, 0.0) for r in ranking]
            axes.barh(positions, widths, left=starts, label=short_label(criterion.name, 2 * wrap),
                      color=COLOURS[number % len(COLOURS)],
                      hatch=HATCHES[number % len(HATCHES)],
                      edgecolor="white", linewidth=1)
            starts = [s + w for s, w in zip(starts, widths, strict=True)]
        for position, ranked in zip(positions, ranking, strict=True):
            axes.text(ranked.total, position,
                      "  " + result_text.total_and_percent(ranked.total, ranked.percent),
                      va="center", fontsize=size, color=ink)
        axes.set_yticks(positions, labels, fontsize=size)
        axes.tick_params(axis="x", labelsize=size * 0.9)
        axes.tick_params(colors=ink)
        axes.set_xlabel("Weighted score (weight \u00d7 score, summed)", fontsize=size, color=ink)
        axes.set_xlim(0, max(r.total for r in ranking) * 1.25 or 1)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            axes.spines[side].set_color(ink)
        figure.legend(loc="outside lower center", ncols=columns, fontsize=size * 0.9,
                      frameon=False, labelcolor=ink)

    @staticmethod
    def _left_out_note(case: Case | None, result: ScoringResult | None) -> str:
        if case is None or result is None:
            return ""
        return result_text.left_out_note(result)

