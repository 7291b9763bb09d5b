"""The headings tab of the fishbone side panel: add, rename, remove, reorder, apply a preset."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from fishbone.model import PRESETS
from ui.document.document import CaseDocument
from ui.document.fishbone_commands import RenameCategoryCommand
from ui.fishbone_editor.canvas.actions import DiagramActions

ID_ROLE = Qt.ItemDataRole.UserRole


class HeadingList(QWidget):
    """The diagram's headings in order; every button is one undo step."""

    heading_chosen = Signal(str)  # a category id picked in the list

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heading_page")
        self.doc = doc
        self.diagram_actions = DiagramActions(doc)
        self.list = QListWidget(self)
        self.list.setObjectName("heading_list")
        self.list.setAccessibleName("Headings, in order along the spine")
        self.list.setEditTriggers(QListWidget.EditTrigger.DoubleClicked
                                  | QListWidget.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.add_button = self._button("Add", "Add a heading after the chosen one", self._add)
        self.rename_button = self._button("Rename", "Rename the chosen heading (F2)",
                                          self._rename)
        self.remove_button = self._button("Remove", "Remove the chosen heading and its causes",
                                          self._remove)
        self.up_button = self._button("Move up", "Move the chosen heading earlier", self._up)
        self.down_button = self._button("Move down", "Move the chosen heading later",
                                        self._down)
        self.presets = QComboBox(self)
        self.presets.setObjectName("preset_choice")
        self.presets.setAccessibleName("Heading preset")
        self.presets.addItems(list(PRESETS))
        self.presets.setToolTip("Heading sets for common kinds of problem")
        self.apply_button = self._button("Apply preset", "Switch to the preset's headings; "
                                         "headings that hold causes are kept", self._apply)
        grid = QGridLayout(self)  # two columns: it lives in a narrow side panel
        grid.setContentsMargins(6, 6, 6, 6)
        grid.addWidget(self.list, 0, 0, 1, 2)
        grid.addWidget(self.add_button, 1, 0)
        grid.addWidget(self.rename_button, 1, 1)
        grid.addWidget(self.up_button, 2, 0)
        grid.addWidget(self.down_button, 2, 1)
        grid.addWidget(self.remove_button, 3, 0, 1, 2)
        grid.addWidget(self.presets, 4, 0, 1, 2)
        grid.addWidget(self.apply_button, 5, 0, 1, 2)
        grid.setRowStretch(0, 1)
        self.refresh()

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the headings as they are now, keeping the chosen one."""
        chosen = self.chosen_id()
        d = self.doc.diagram
        with QSignalBlocker(self.list):
            self.list.clear()
            for cat in d.categories:
                item = QListWidgetItem(cat.name)
                item.setData(ID_ROLE, cat.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.list.addItem(item)
                if cat.id == chosen:
                    self.list.setCurrentItem(item)
        self._update_buttons()

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def choose(self, category_id: str | None) -> None:
        with QSignalBlocker(self.list):
            for row in range(self.list.count()):
                if self.list.item(row).data(ID_ROLE) == category_id:
                    self.list.setCurrentRow(row)
                    break
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        chosen = row >= 0
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < count - 1)

    # -- slots ---------------------------------------------------------------------------------
    def _on_list_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        self._update_buttons()
        if current is not None:
            self.heading_chosen.emit(current.data(ID_ROLE))

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        category_id = item.data(ID_ROLE)
        d = self.doc.diagram
        name = " ".join(item.text().split())
        if not d.has_category(category_id):
            return
        if not name or name == d.category(category_id).name:
            with QSignalBlocker(self.list):
                item.setText(d.category(category_id).name)
            return
        self.doc.push(RenameCategoryCommand(self.doc, category_id, name, merge=False))

    def _add(self) -> None:
        row = self.list.currentRow()
        index = row + 1 if row >= 0 else None
        category_id = self.diagram_actions.add_category("New heading", index)
        self.choose(category_id)
        self._rename()

    def _rename(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _remove(self) -> None:
        category_id = self.chosen_id()
        if category_id is not None:
            row = self.list.currentRow()
            self.diagram_actions.remove_category(category_id)
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _up(self) -> None:
        self._shift(-1)

    def _down(self) -> None:
        self._shift(1)

    def _shift(self, step: int) -> None:
        category_id = self.chosen_id()
        if category_id is not None:
            self.diagram_actions.move_category(category_id, self.list.currentRow() + step)
            self.choose(category_id)

    def _apply(self) -> None:
        self.diagram_actions.apply_preset(self.presets.currentText())
