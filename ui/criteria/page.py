"""Step 3: the criteria in order of importance, their weights, and what is not addressed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.weights import METHODS
from ui.common.theme import PlainLabel
from ui.criteria.not_addressed import NotAddressedEditor
from ui.criteria.table import (
    DESCRIPTION,
    KIND,
    NAME,
    WEIGHT,
    CriteriaDelegate,
    CriteriaTableModel,
)
from ui.criteria.weights import ProposeWeightsDialog
from ui.document.document import CaseDocument
from ui.document.scoring_commands import (
    ApplyWeightsCommand,
    RemoveCriterionCommand,
    add_criterion_command,
    move_criterion_command,
)
from ui.widgets.buttons import add_key, add_move_keys, push_button, reorder_buttons
from ui.widgets.fields import PlainLineEdit
from ui.widgets.find_bar import FindBar, install_find, table_search
from ui.widgets.sheet import SheetView
from ui.widgets.step_page import StepPage
from ui.widgets.table_fit import TableFitter

CRITERIA_KINDS = frozenset({"criterion_added", "criterion_removed", "criterion_moved",
                            "criterion_changed"})
HINT = ("Most important first: drag a row, or press Alt+Up / Alt+Down, to change its place. "
        "A must is pass or fail and has no weight; every want needs a weight.")


class CriteriaPage(StepPage):
    """Step 3: the ordered criteria table, proposed weights and the not-addressed list."""

    number = 3
    kinds = CRITERIA_KINDS  # (the not-addressed list follows its own changes)

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.weights_dialog: ProposeWeightsDialog | None = None
        layout = QVBoxLayout(self)
        self.hint_label = QLabel(HINT, self)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.model = CriteriaTableModel(doc, self)
        self.table = SheetView(top)  # Enter moves down the column; a refused value stays
        self.table.setAccessibleName("Criteria, most important first")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.model)
        self.table.listen_refusals(self.model.refused)
        self.table.setItemDelegate(CriteriaDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setAccessibleName("Criteria: column headings")
        self.table.verticalHeader().setAccessibleName("Criteria: places in the order")
        for column, mode in ((NAME, QHeaderView.ResizeMode.Stretch),
                             (KIND, QHeaderView.ResizeMode.ResizeToContents),
                             (WEIGHT, QHeaderView.ResizeMode.ResizeToContents),
                             (DESCRIPTION, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.fitter = TableFitter(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.find_bar = FindBar(table_search(self.table), "criterion", top)  # Ctrl+F
        install_find(self, self.find_bar)
        top_layout.addWidget(self.find_bar)
        top_layout.addWidget(self.table, 1)
        add_move_keys(self.table, self.move_current, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_key(self.table, "Delete", self.remove_current)  # not while a cell is being typed
        self.detail_label = PlainLabel("", top)  # projector mode: the current row's description
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName("Description of the selected criterion")
        self.detail_label.hide()
        top_layout.addWidget(self.detail_label)
        self.chrome = QWidget(top)
        row = QHBoxLayout(self.chrome)
        row.setContentsMargins(0, 0, 0, 0)
        self.entry = PlainLineEdit(self.chrome)
        self.entry.setAccessibleName("New criterion")
        self.entry.setPlaceholderText("New criterion; Enter adds it")
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        row.addWidget(self.entry, 1)
        self.remove_button, self.up_button, self.down_button = reorder_buttons(
            self.chrome, "criterion", self.remove_current, self.move_current)
        self.propose_button = push_button(self.chrome, "Propose weights from order\u2026",
                                           "Propose weights from the order of importance",
                                           self.open_weights_dialog)
        for button in (self.remove_button, self.up_button, self.down_button,
                       self.propose_button):
            row.addWidget(button)
        top_layout.addWidget(self.chrome)
        self.message_label = PlainLabel("", top)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName("Criteria message")
        top_layout.addWidget(self.message_label)
        self.not_addressed = NotAddressedEditor(doc, splitter)
        splitter.addWidget(top)
        splitter.addWidget(self.not_addressed)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.model.refused.connect(self.message_label.setText)
        self.model.told.connect(self.message_label.setText)
        self._current_id: str | None = None
        self.refresh()

    # -- showing ------------------------------------------------------------------------------

    def on_change(self, change: Change) -> None:
        self._show_criteria()

    def refresh(self) -> None:
        self._show_criteria()
        self.not_addressed.refresh()

    def _show_criteria(self) -> None:
        keep = self._current_id
        self.model.reload()
        ids = [c.id for c in self.doc.case.criteria]
        if keep in ids:
            self.select_row(ids.index(keep))
        self.fitter.fit()
        self._show_detail()
        self.propose_button.setEnabled(any(c.kind == "want" for c in self.doc.case.criteria))

    def select_row(self, row: int) -> None:
        """Make ``row`` current, in the column the cursor is in (so typing stays there)."""
        column = self.table.currentIndex().column()
        index = self.model.index(row, column if column >= 0 else NAME)
        self.table.setCurrentIndex(index)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        criteria = self.doc.case.criteria
        row = current.row()
        self._current_id = criteria[row].id if 0 <= row < len(criteria) else None
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.current_row()
        criteria = self.doc.case.criteria
        if 0 <= row < len(criteria) and criteria[row].description.strip():
            text = f"{row + 1}. {criteria[row].name}: {criteria[row].description.strip()}"
        else:
            text = ""
        self.detail_label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fitter.fit()

    def set_projector_mode(self, on: bool) -> None:
        super().set_projector_mode(on)
        self.hint_label.setVisible(not on)  # the entry line and its buttons stay: they enlarge
        # a shorter label at projector size, so the row still fits an 800-pixel screen
        self.propose_button.setText(
            "Propose weights\u2026" if on else "Propose weights from order\u2026")
        self.table.setColumnHidden(DESCRIPTION, on)  # shown below the table for the current row
        self.detail_label.setVisible(on)
        self._show_detail()
        self.fitter.fit()

    # -- editing ------------------------------------------------------------------------------

    def _on_entry_return_pressed(self) -> None:
        name = self.entry.text().strip()
        if not name:
            return
        command = add_criterion_command(self.doc, name)
        self.doc.push(command)
        self.entry.clear()
        self._current_id = command.criterion_id
        self.select_row(len(self.doc.case.criteria) - 1)
        self.message_label.setText(f"Added \u201c{name}\u201d at the bottom: move it up to "
                                   "its place and give it a weight, or make it a must.")

    def remove_current(self) -> None:
        row = self.current_row()
        criteria = self.doc.case.criteria
        if 0 <= row < len(criteria):
            name = criteria[row].name
            self.doc.push(RemoveCriterionCommand(self.doc, criteria[row].id))
            self.message_label.setText(f"Removed \u201c{name}\u201d and its scores "
                                       "(Undo brings them back).")
            if criteria:
                self.select_row(min(row, len(criteria) - 1))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if 0 <= row < len(self.doc.case.criteria) and 0 <= target < len(self.doc.case.criteria):
            self.doc.push(move_criterion_command(self.doc, row, target))
            self.select_row(target)

    def open_weights_dialog(self) -> None:
        """Show the preview; applying pushes every proposed weight as one undo step."""
        dialog = ProposeWeightsDialog(self.doc.case.criteria, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_weights_dialog_accepted(dialog))
        dialog.finished.connect(self._on_weights_dialog_finished)
        self.weights_dialog = dialog
        dialog.open()

    def _on_weights_dialog_accepted(self, dialog: ProposeWeightsDialog) -> None:
        weights = dialog.proposed()
        if weights:
            label = f"Apply {METHODS[dialog.method].lower()} weights"
            self.doc.push(ApplyWeightsCommand(self.doc, weights, label))

    def _on_weights_dialog_finished(self) -> None:
        self.weights_dialog = None
