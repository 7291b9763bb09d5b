"""The fishbone causes an alternative addresses: a checkable tree grouped by heading."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from fishbone.model import Cause, Diagram

CAUSE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_STATUS_NOTES = {"confirmed": "confirmed", "ruled_out": "ruled out"}


def cause_label(cause: Cause) -> str:
    """The cause's text with its standing in words (never colour alone)."""
    notes = []
    if cause.root_cause:
        notes.append("root cause")
    elif cause.status in _STATUS_NOTES:
        notes.append(_STATUS_NOTES[cause.status])
    return cause.text + (f"  ({', '.join(notes)})" if notes else "")


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights for wrapped text that allow for the indent and the checkbox (the stock
    size hint measures against the full column width, so deep rows lose their last line)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        tree = self.parent()
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font.resolve(option.font) if font else option.font)
        box = metrics.height() * 2  # the checkbox and the gaps either side of it
        width = max(60, tree.columnWidth(0) - (depth + 1) * tree.indentation() - box)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = metrics.boundingRect(QRect(0, 0, width, 100000),
                                      int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, bounds.height() + metrics.height() // 3)


class CauseChecklist(QTreeWidget):
    """Headings as top-level rows, causes (and their sub-causes) beneath with checkboxes.

    ``toggled(cause_id, checked)`` is emitted when the user ticks or unticks a cause.
    """

    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.header().setAccessibleName("Causes: heading")
        self.setAccessibleName("Causes this alternative addresses")
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))
        self._shape: tuple = ()  # the categories and causes last built, to skip rebuilds
        self._pending: tuple[Diagram, set[str], bool] | None = None  # a fill not shown yet
        self._rows: dict[str, QTreeWidgetItem] = {}  # each cause's row, as built
        self._ticked: set[str] = set()  # the rows shown ticked
        self._enabled = True  # whether the cause rows are shown enabled
        self.itemChanged.connect(self._on_item_changed)

    def fill(self, diagram: Diagram, checked: set[str], enabled: bool) -> None:
        """Show the diagram's causes, ticking the ``checked`` ids.

        While the list is out of sight (another step is on screen) the fill waits until it
        is shown or asked about, so editing the fishbone does not rebuild it on every key.
        When no heading or cause came, went or moved, the rows are updated in place (a
        status or a text may have changed): a tick's own change signal may still be running,
        so its row must not be deleted, and a big diagram is not rebuilt on every keystroke.
        """
        self._pending = (diagram, checked, enabled)
        if self.isVisible():
            self._fill_pending()

    def tick(self, checked: set[str], enabled: bool) -> None:
        """Tick the ``checked`` ids, the labels as they are (another alternative is shown, or
        its links changed): only the rows whose tick or enabled state changes are touched."""
        if self._pending is not None or not self._shape:
            diagram = self._pending[0] if self._pending is not None else None
            if diagram is not None:
                self.fill(diagram, checked, enabled)
                return
        with QSignalBlocker(self):
            if enabled != self._enabled:
                for item in self._rows.values():
                    item.setDisabled(not enabled)
                self._enabled = enabled
            for cause_id in self._ticked ^ checked:
                row = self._rows.get(cause_id)
                if row is not None:
                    row.setCheckState(0, Qt.CheckState.Checked if cause_id in checked
                                      else Qt.CheckState.Unchecked)
            self._ticked = set(checked) & self._rows.keys()

    def _fill_pending(self) -> None:
        if self._pending is None:
            return
        (diagram, checked, enabled), self._pending = self._pending, None
        shape = (tuple((c.id, c.name) for c in diagram.categories),
                 tuple((c.id, c.category, c.parent) for c in diagram.causes))
        with QSignalBlocker(self):
            if shape == self._shape:
                self._update_rows(diagram, checked, enabled)
                return
            self._shape = shape
            scroll = self.verticalScrollBar().value()
            self.clear()
            self._rows.clear()
            self._ticked = set(checked)
            self._enabled = enabled
            tree = diagram.children_map()
            bold = QFont()
            bold.setBold(True)
            for category in diagram.categories:
                heading = QTreeWidgetItem(self, [category.name])
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setFont(0, bold)
                self._add_causes(heading, tree.get(None, {}).get(category.id, []), tree,
                                 checked, enabled)
                if heading.childCount() == 0:
                    empty = QTreeWidgetItem(heading, ["(no causes yet)"])
                    empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.expandAll()
            self.verticalScrollBar().setValue(scroll)

    def _update_rows(self, diagram: Diagram, checked: set[str], enabled: bool) -> None:
        """Labels, ticks and the enabled state of rows already there; only changes are set."""
        self._ticked = set(checked) & self._rows.keys()
        self._enabled = enabled
        for cause_id, item in self._rows.items():
            label = cause_label(diagram.cause(cause_id))
            if item.text(0) != label:
                item.setText(0, label)
            state = Qt.CheckState.Checked if cause_id in checked else Qt.CheckState.Unchecked
            if item.checkState(0) != state:
                item.setCheckState(0, state)
            if item.isDisabled() == enabled:
                item.setDisabled(not enabled)

    def _add_causes(self, parent: QTreeWidgetItem, causes: list[Cause],
                    tree: dict[str | None, dict[str, list[Cause]]], checked: set[str],
                    enabled: bool) -> None:
        """Rows for ``causes`` and everything under them, in order; a loop with its own
        stack, so no chain of causes in a file can reach Python's recursion limit."""
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        if enabled:
            flags |= Qt.ItemFlag.ItemIsEnabled
        stack = [(parent, cause) for cause in reversed(causes)]
        while stack:
            above, cause = stack.pop()
            item = QTreeWidgetItem(above, [cause_label(cause)])
            item.setData(0, CAUSE_ID_ROLE, cause.id)
            self._rows[cause.id] = item
            item.setFlags(flags)
            state = Qt.CheckState.Checked if cause.id in checked else Qt.CheckState.Unchecked
            item.setCheckState(0, state)
            children = tree.get(cause.id, {}).get(cause.category, [])
            stack.extend((item, child) for child in reversed(children))

    def showEvent(self, event: QShowEvent) -> None:
        self._fill_pending()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped rows change height with the width

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.scheduleDelayedItemsLayout()

    def item_for(self, cause_id: str) -> QTreeWidgetItem | None:
        self._fill_pending()
        for item in self._all_items():
            if item.data(0, CAUSE_ID_ROLE) == cause_id:
                return item
        return None

    def _all_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        cause_id = item.data(0, CAUSE_ID_ROLE)
        if cause_id:
            on = item.checkState(0) == Qt.CheckState.Checked
            if on:  # what is shown, ticked by hand
                self._ticked.add(str(cause_id))
            else:
                self._ticked.discard(str(cause_id))
            self.toggled.emit(str(cause_id), on)
