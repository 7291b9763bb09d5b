"""How a matrix cell is drawn once the room scores: the group's value first and large, the
chosen person's own score under it, and a contested cell framed and marked with a sign that
reads without colour."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from sixstep import result_text
from ui.common.theme import PROJECTOR_PT
from ui.scoring.matrix import CONTESTED_ROLE, OWN_ROLE, ScoreMatrixModel

Index = QModelIndex | QPersistentModelIndex
_Fonts = tuple[QFont, QFont, QFontMetrics, QFontMetrics]  # main, own, and their metrics
MAIN_SCALE = 1.2  # the group's value, against the table's font
OWN_SCALE = 0.85  # the person's own line in normal mode (projector mode: never under 20 pt)
_PAD = 4


def mark_colour(palette: QPalette) -> QColor:
    """The contested frame and mark: a deep reddish purple on a light table, a light one on
    a dark table (the sign and the frame carry the meaning; the colour only helps)."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#f3a6d6") if dark else QColor("#a0106e")


class ScoreCellDelegate(QStyledItemDelegate):
    """Draws the criterion cells of a ``ScoreMatrixModel`` when the case has participants or
    hides its scores; every other cell is drawn as Qt draws it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._made: dict[tuple[str, bool], _Fonts] = {}

    def _model(self, index: Index) -> ScoreMatrixModel | None:
        model = index.model()
        return model if isinstance(model, ScoreMatrixModel) else None

    def _is_room_cell(self, index: Index) -> bool:
        model = self._model(index)
        if model is None or model.criterion_at(index.column()) is None:
            return False
        return bool(model.doc.case.participants) or model.hides

    def fonts(self, base: QFont, index: Index) -> tuple[QFont, QFont]:
        """The group value's font and the own line's font for a cell of ``base``."""
        return self._fonts(base, self._compact(index))[:2]

    def _fonts(self, base: QFont, compact: bool) -> _Fonts:
        """The two fonts and their metrics, made once per base font (every cell of a
        table shares one, and a paint draws dozens of cells)."""
        key = (base.key(), compact)
        fonts = self._made.get(key)
        if fonts is None:
            main, own = self._make_fonts(base, compact)
            fonts = self._made[key] = (main, own, QFontMetrics(main), QFontMetrics(own))
        return fonts

    def _make_fonts(self, base: QFont, compact: bool) -> tuple[QFont, QFont]:
        size = base.pointSizeF() if base.pointSizeF() > 0 else 12.0
        main = QFont(base)
        main.setPointSizeF(size * MAIN_SCALE)
        main.setBold(True)
        own = QFont(base)
        own_size = size * OWN_SCALE
        own.setPointSizeF(max(own_size, PROJECTOR_PT) if compact else own_size)
        own.setBold(False)
        return main, own

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not self._is_room_cell(index):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        main_text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        own_text = index.data(OWN_ROLE)
        spread = index.data(CONTESTED_ROLE)
        main_font, own_font, main_metrics, own_metrics = self._fonts(opt.font,
                                                                     self._compact(index))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.Text)
        mark = mark_colour(opt.palette)
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        main_height = main_metrics.height()
        own_height = own_metrics.height() if own_text else 0
        top = rect.top() + max(0, (rect.height() - main_height - own_height) // 2)
        painter.save()
        if spread is not None:
            width = 4 if self._compact(index) else 3
            painter.setPen(QPen(mark, width))
            half = width // 2
            painter.drawRect(opt.rect.adjusted(half + 1, half + 1, -half - 1, -half - 1))
        painter.setFont(main_font)
        painter.setPen(ink)
        line = QRect(rect.left(), top, rect.width(), main_height)
        painter.drawText(line, Qt.AlignmentFlag.AlignCenter, main_text)
        if spread is not None:
            painter.setPen(ink if selected else mark)
            x = line.center().x() + main_metrics.horizontalAdvance(main_text) // 2 + 3
            painter.drawText(QRect(x, top, rect.right() - x + _PAD, main_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             result_text.CONTESTED_MARK)
        if own_text:
            painter.setFont(own_font)
            painter.setPen(ink)
            painter.drawText(QRect(rect.left(), top + main_height, rect.width(), own_height),
                             Qt.AlignmentFlag.AlignCenter, own_text)
        painter.restore()

    def _compact(self, index: Index) -> bool:
        model = self._model(index)
        return model is not None and model.compact

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        if not self._is_room_cell(index):
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        *_, main_metrics, own_metrics = self._fonts(opt.font, self._compact(index))
        # room for the mark on both sides keeps the value centred whether or not it is there
        mark = 2 * (main_metrics.horizontalAdvance(result_text.CONTESTED_MARK) + 4)
        width = main_metrics.horizontalAdvance(opt.text) + mark
        height = main_metrics.height()
        own_text = index.data(OWN_ROLE)
        if own_text:
            width = max(width, own_metrics.horizontalAdvance(own_text))
            height += own_metrics.height()
        return QSize(width + 4 * _PAD, height + 2 * _PAD + 2)
