"""The first thing the app shows: work to recover, New, Open, recent files and the samples."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from sample_cases import list_samples
from ui.common.theme import plain_label, plain_tip
from ui.files.recovery_panel import RecoveryPanel

_PATH_ROLE = Qt.ItemDataRole.UserRole
_DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
_PAD = 8
_WRAP = Qt.TextFlag.TextWordWrap
Index = QModelIndex | QPersistentModelIndex


class TitleAndDetailDelegate(QStyledItemDelegate):
    """Draws an item as a bold title over a wrapped line of detail (all plain text)."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        return bold, QFont(option.font)

    def _boxes(self, option: QStyleOptionViewItem, index: Index) -> tuple[QRect, QRect]:
        bold, plain = self._fonts(option)
        width = max(50, option.rect.width() - 2 * _PAD)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        detail = str(index.data(_DETAIL_ROLE) or "")
        top = QFontMetrics(bold).boundingRect(QRect(0, 0, width, 10000), _WRAP, title)
        low = QFontMetrics(plain).boundingRect(QRect(0, 0, width, 10000), _WRAP, detail) \
            if detail else QRect()
        x, y = option.rect.x() + _PAD, option.rect.y() + _PAD
        return (QRect(x, y, width, top.height()),
                QRect(x, y + top.height() + 2, width, low.height()))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        if isinstance(view, QAbstractScrollArea):
            opt.rect = QRect(0, 0, view.viewport().width(), 0)
        title, detail = self._boxes(opt, index)
        return QSize(opt.rect.width(), detail.bottom() - opt.rect.y() + _PAD + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text_title, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        title_box, detail_box = self._boxes(opt, index)
        bold, plain = self._fonts(opt)
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(bold)
        painter.drawText(title_box, _WRAP, text_title)
        painter.setFont(plain)
        painter.drawText(detail_box, _WRAP, str(index.data(_DETAIL_ROLE) or ""))
        painter.restore()


class StartScreen(QWidget):
    """Ways into a case. Emits what the user picked; the window does the opening."""

    new_requested = Signal()
    open_requested = Signal()
    sample_chosen = Signal(str)
    recent_chosen = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = plain_label("Problem Workshop", role="title", wrap=False)
        subtitle = plain_label(
            "Work through a problem in six steps with the whole room: define it, research "
            "its causes, agree criteria, gather alternatives, weigh them and plan the action.")
        self.new_button = QPushButton("&New blank case", self)
        self.new_button.setAccessibleName("New blank case")
        self.new_button.setToolTip("Start an empty case (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton("&Open a case file\u2026", self)
        self.open_button.setAccessibleName("Open a case file")
        self.open_button.setToolTip("Open a .case.json file (Ctrl+O)")
        self.open_button.clicked.connect(self.open_requested)
        for button in (self.new_button, self.open_button):
            button.setMinimumHeight(44)

        self.recent_list = QListWidget(self)
        self.recent_list.setAccessibleName("Recent files")
        self.recent_list.setItemDelegate(TitleAndDetailDelegate(self.recent_list))
        self.recent_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.recent_list.itemActivated.connect(self._on_recent_list_item_activated)
        self.recent_empty = plain_label("No recent files yet.", role="hint")

        self.sample_list = QListWidget(self)
        self.sample_list.setAccessibleName("Sample cases")
        self.sample_list.setWordWrap(True)
        self.sample_list.setItemDelegate(TitleAndDetailDelegate(self.sample_list))
        self.sample_list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.sample_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.sample_list.setAlternatingRowColors(True)
        self.sample_list.itemActivated.connect(self._on_sample_list_item_activated)
        for info in list_samples():
            item = QListWidgetItem(info.title)
            item.setData(_DETAIL_ROLE, info.summary)
            item.setData(_PATH_ROLE, info.name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{info.title}. {info.summary}")
            self.sample_list.addItem(item)
        self.open_sample_button = QPushButton("Open &sample", self)
        self.open_sample_button.setAccessibleName("Open the selected sample case")
        self.open_sample_button.clicked.connect(self._on_open_sample_button_clicked)

        left = QVBoxLayout()
        left.addWidget(plain_label("Start", role="subheading"))
        left.addWidget(self.new_button)
        left.addWidget(self.open_button)
        left.addSpacing(16)
        recent_label = plain_label("&Recent files", role="subheading")
        recent_label.setBuddy(self.recent_list)
        left.addWidget(recent_label)
        left.addWidget(self.recent_empty)
        left.addWidget(self.recent_list, 3)
        left.addStretch(1)

        right = QVBoxLayout()
        samples_label = plain_label(
            "Sample cases: practice situations worked through the six steps",
            role="subheading")
        right.addWidget(samples_label)
        right.addWidget(self.sample_list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_sample_button)
        right.addLayout(row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        self.recovery_panel = RecoveryPanel(self)  # hidden unless a crash left work behind
        layout.addWidget(self.recovery_panel)
        layout.addLayout(grid, 1)
        self.set_recent([])

    def set_recent(self, paths: list[Path]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(path.name)
            item.setData(_DETAIL_ROLE, str(path.parent))
            item.setData(_PATH_ROLE, str(path))
            item.setToolTip(plain_tip(str(path)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{path.name} in {path.parent}")
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(paths))
        self.recent_empty.setVisible(not paths)

    def _on_recent_list_item_activated(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(Path(item.data(_PATH_ROLE)))

    def _on_sample_list_item_activated(self, item: QListWidgetItem) -> None:
        self.sample_chosen.emit(item.data(_PATH_ROLE))

    def _on_open_sample_button_clicked(self) -> None:
        item = self.sample_list.currentItem() or self.sample_list.item(0)
        if item is not None:
            self.sample_chosen.emit(item.data(_PATH_ROLE))
