"""One alternative under review in step 5: its notes, and eliminate, restore or merge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sixstep.case import Alternative
from ui.common import theme
from ui.document.document import CaseDocument
from ui.document.scoring_commands import (
    EliminateAlternativeCommand,
    MergeAlternativesCommand,
    RestoreAlternativeCommand,
    set_alternative_field_command,
)
from ui.widgets.fields import PlainLineEdit, PlainTextEdit
from ui.widgets.table_fit import size_for_font

NOTES = (("strengths", "Strengths"), ("weaknesses", "Weaknesses"), ("cost", "Cost"),
         ("benefit", "Benefit"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _label(text: str, parent: QWidget) -> QLabel:
    label = theme.PlainLabel(text, parent)
    label.setWordWrap(True)
    return label


def status_text(doc: CaseDocument, alternative: Alternative) -> str:
    if alternative.status == "eliminated":
        reason = alternative.eliminated_reason.strip() or "no reason recorded"
        return f"Eliminated: {reason}"
    if alternative.status == "merged":
        try:
            into = doc.case.alternative(alternative.merged_into or "").name
        except KeyError:
            into = "an alternative that no longer exists"
        return f"Merged into {into}"
    return "Open"


class MergeDialog(QDialog):
    """Tick the alternatives to fold into the one under review."""

    def __init__(self, doc: CaseDocument, target: Alternative,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge similar alternatives")
        layout = QVBoxLayout(self)
        layout.addWidget(_label(f"Merge into \u201c{target.name}\u201d. The merged ones stay in "
                                "the case with their links; scores only they had are "
                                "carried over (averaged).", self))
        self.list_widget = QListWidget(self)
        self.list_widget.setAccessibleName("Alternatives to merge")
        for other in doc.case.open_alternatives():
            if other.id != target.id:
                item = QListWidgetItem(other.name)
                item.setData(ID_ROLE, other.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.list_widget.addItem(item)
        layout.addWidget(self.list_widget, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Merge")
        self.ok_button.setAccessibleName("Merge the ticked alternatives")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the page's font size
        self.resize(600, 400)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        size_for_font(self, 56, self.list_widget.count() * 2 + 10)

    def chosen(self) -> list[str]:
        return [self.list_widget.item(i).data(ID_ROLE) for i in range(self.list_widget.count())
                if self.list_widget.item(i).checkState() == Qt.CheckState.Checked]


class AlternativeDetails(QWidget):
    """The alternative chosen in the matrix or the set-aside list, with its four notes."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.alternative_id: str | None = None
        self.merge_dialog: MergeDialog | None = None
        layout = QVBoxLayout(self)
        self.title_label = theme.plain_label("", "subheading", parent=self)
        self.title_label.setAccessibleName("Alternative under review")
        layout.addWidget(self.title_label)
        self.status_label = _label("", self)
        self.status_label.setAccessibleName("Status of the alternative")
        layout.addWidget(self.status_label)
        self.chrome = QWidget(self)
        row = QHBoxLayout(self.chrome)
        row.setContentsMargins(0, 0, 0, 0)
        self.reason_edit = PlainLineEdit(self.chrome)
        self.reason_edit.setAccessibleName("Reason for eliminating")
        self.reason_edit.setPlaceholderText("Why is it eliminated? (which criterion it fails)")
        self.reason_edit.textChanged.connect(self._update_buttons)
        self.reason_edit.returnPressed.connect(self.eliminate)
        row.addWidget(self.reason_edit, 1)
        self.eliminate_button = self._button("Eliminate", "Eliminate with this reason",
                                             self.eliminate, row)
        self.merge_button = self._button("Merge into this\u2026",
                                         "Merge similar alternatives into this one",
                                         self.open_merge_dialog, row)
        self.restore_button = self._button("Restore", "Bring it back into the evaluation",
                                           self.restore, row)
        layout.addWidget(self.chrome)
        grid = QGridLayout()
        self.note_edits: dict[str, PlainTextEdit] = {}
        for number, (attribute, title) in enumerate(NOTES):
            edit = PlainTextEdit(self)
            edit.setAccessibleName(title)
            edit.setPlaceholderText(title)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(lambda a=attribute: self._on_note_edit_changed(a))
            self.note_edits[attribute] = edit
            grid.addWidget(_label(title, self), (number // 2) * 2, number % 2)
            grid.addWidget(edit, (number // 2) * 2 + 1, number % 2)
        layout.addLayout(grid, 1)
        self.refresh()

    def _button(self, text: str, tip: str, slot, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self.chrome)
        button.setAccessibleName(tip)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def alternative(self) -> Alternative | None:
        if self.alternative_id is None:
            return None
        try:
            return self.doc.case.alternative(self.alternative_id)
        except KeyError:
            return None

    def set_alternative(self, alternative_id: str | None) -> None:
        if alternative_id != self.alternative_id:
            self.alternative_id = alternative_id
            self.reason_edit.clear()
            self.refresh()

    def refresh(self) -> None:
        alternative = self.alternative()
        self.setEnabled(alternative is not None)
        if alternative is None:
            self.title_label.setText("Select an alternative in the matrix to review it.")
            self.status_label.setText("")
        else:
            self.title_label.setText(alternative.name)
            self.status_label.setText(status_text(self.doc, alternative))
        for attribute, edit in self.note_edits.items():
            text = getattr(alternative, attribute) if alternative else ""
            if edit.toPlainText() != text:  # leave the cursor alone while someone types
                edit.blockSignals(True)
                edit.setPlainText(text)
                edit.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        alternative = self.alternative()
        is_open = alternative is not None and alternative.status == "open"
        self.reason_edit.setVisible(is_open)
        self.eliminate_button.setVisible(is_open)
        self.merge_button.setVisible(is_open)
        self.restore_button.setVisible(alternative is not None and not is_open)
        self.eliminate_button.setEnabled(is_open and bool(self.reason_edit.text().strip()))
        self.merge_button.setEnabled(is_open and len(self.doc.case.open_alternatives()) > 1)

    def _on_note_edit_changed(self, attribute: str) -> None:
        alternative = self.alternative()
        if alternative is None:
            return
        text = self.note_edits[attribute].toPlainText()
        if text != getattr(alternative, attribute):
            self.doc.push(set_alternative_field_command(self.doc, alternative.id, attribute,
                                                        text))

    def eliminate(self) -> None:
        alternative = self.alternative()
        reason = self.reason_edit.text().strip()
        if alternative is None or alternative.status != "open" or not reason:
            return
        self.doc.push(EliminateAlternativeCommand(self.doc, alternative.id, reason))
        self.reason_edit.clear()

    def restore(self) -> None:
        alternative = self.alternative()
        if alternative is not None and alternative.status != "open":
            self.doc.push(RestoreAlternativeCommand(self.doc, alternative.id))

    def open_merge_dialog(self) -> None:
        alternative = self.alternative()
        if alternative is None or alternative.status != "open":
            return
        dialog = MergeDialog(self.doc, alternative, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_merge_dialog_accepted(dialog, alternative.id))
        dialog.finished.connect(self._on_merge_dialog_finished)
        self.merge_dialog = dialog
        dialog.open()

    def _on_merge_dialog_accepted(self, dialog: MergeDialog, target_id: str) -> None:
        chosen = dialog.chosen()
        if chosen:
            self.doc.push(MergeAlternativesCommand(self.doc, chosen, target_id))

    def _on_merge_dialog_finished(self) -> None:
        self.merge_dialog = None

    def set_editing_visible(self, on: bool) -> None:
        self.chrome.setVisible(on)
        for edit in self.note_edits.values():
            edit.setReadOnly(not on)
