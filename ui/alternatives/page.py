"""Step 4: collect every alternative (a brainstorm mode with a countdown) and link causes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.case import Alternative
from ui.alternatives.causes import CauseChecklist
from ui.alternatives.countdown import CountdownWidget
from ui.common import theme
from ui.document.document import CaseDocument
from ui.document.scoring_commands import (
    RemoveAlternativeCommand,
    add_alternative_command,
    move_alternative_command,
    set_alternative_field_command,
)
from ui.widgets.buttons import add_key, add_move_keys, reorder_buttons
from ui.widgets.fields import PlainLineEdit
from ui.widgets.find_bar import FindBar, install_find, table_search
from ui.widgets.step_page import StepPage

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # the name alone, without "(eliminated)"
FISHBONE_KINDS = frozenset({"effect", "categories", "cause_added", "cause_removed",
                            "cause_moved", "cause_changed"})
ALTERNATIVE_KINDS = frozenset({"alternative_added", "alternative_removed",
                               "alternative_moved", "alternative_changed",
                               "alternative_status"})
BRAINSTORM_HINT = "Every idea is welcome. Nothing is judged until step 5."


def _plain_label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = theme.PlainLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setAccessibleName(name)
    return label


class _NameDelegate(QStyledItemDelegate):
    """F2 edits the alternative's name alone, never the status note shown after it."""

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex
                      ) -> None:  # noqa: N802 - Qt name
        name = index.data(NAME_ROLE)
        if isinstance(editor, QLineEdit) and name is not None:
            editor.setText(str(name))
        else:
            super().setEditorData(editor, index)


class AlternativesPage(StepPage):
    """Step 4 page: an entry line where Enter adds, the list of ideas, and their cause links."""

    number = 4
    kinds = FISHBONE_KINDS | ALTERNATIVE_KINDS

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.brainstorming = False
        self._current_id: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.brainstorm_button = QPushButton("Brainstorm mode", self)
        self.brainstorm_button.setCheckable(True)
        self.brainstorm_button.setAccessibleName("Brainstorm mode")
        self.brainstorm_button.setToolTip("Only the entry line and the ideas: nothing is "
                                          "judged or deleted while ideas flow")
        self.brainstorm_button.toggled.connect(self.set_brainstorm_mode)
        top.addWidget(self.brainstorm_button)
        self.hint_label = _plain_label(BRAINSTORM_HINT, self)
        top.addWidget(self.hint_label, 1)
        top.addStretch(0)
        layout.addLayout(top)
        self.countdown = CountdownWidget(self)
        layout.addWidget(self.countdown)
        self.entry = PlainLineEdit(self)
        self.entry.setAccessibleName("New alternative")
        self.entry.setPlaceholderText("Type an idea and press Enter")
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        layout.addWidget(self.entry)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.count_label = _plain_label("", left, "Number of ideas")
        left_layout.addWidget(self.count_label)
        self.list_widget = QListWidget(left)
        self.list_widget.setAccessibleName("Alternatives")
        self.list_widget.setWordWrap(True)
        self.list_widget.setAlternatingRowColors(True)
        self.list_widget.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list_widget.setItemDelegate(_NameDelegate(self.list_widget))
        self.list_widget.currentRowChanged.connect(self._on_list_current_changed)
        self.list_widget.itemChanged.connect(self._on_list_item_changed)
        self.find_bar = FindBar(table_search(self.list_widget), "alternative", left)  # Ctrl+F
        install_find(self, self.find_bar)
        left_layout.addWidget(self.find_bar)
        left_layout.addWidget(self.list_widget, 1)
        self.chrome = QWidget(left)
        buttons = QHBoxLayout(self.chrome)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.remove_button, self.up_button, self.down_button = reorder_buttons(
            self.chrome, "alternative", self.remove_current, self.move_current)
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left_layout.addWidget(self.chrome)
        add_move_keys(self.list_widget, self.move_current,
                      Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_key(self.list_widget, "Delete", self.remove_current)  # not in brainstorm mode
        self.links_panel = QWidget(splitter)
        right_layout = QVBoxLayout(self.links_panel)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.links_label = theme.plain_label("", "subheading", parent=self.links_panel)
        self.links_label.setAccessibleName("Causes heading")
        right_layout.addWidget(self.links_label)
        self.causes_tree = CauseChecklist(self.links_panel)
        self.causes_tree.toggled.connect(self._on_causes_tree_toggled)
        right_layout.addWidget(self.causes_tree, 1)
        splitter.addWidget(left)
        splitter.addWidget(self.links_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.set_brainstorm_mode(False)
        self.refresh()

    @property
    def alternatives(self) -> list[Alternative]:
        return self.doc.case.alternatives

    # -- showing ------------------------------------------------------------------------------

    def _item_text(self, alternative: Alternative) -> str:
        if self.brainstorming or alternative.status == "open":
            return alternative.name
        if alternative.status == "merged":
            try:
                into = self.doc.case.alternative(alternative.merged_into or "").name
            except KeyError:
                into = "another alternative"
            return f"{alternative.name}  (merged into {into})"
        return f"{alternative.name}  (eliminated)"

    def refresh(self) -> None:
        self._show_list()
        self._fill_causes()

    def _show_list(self, texts: bool = True) -> None:
        """The list as the case has it: rows come and go in place where only some were
        added or taken away (a new idea adds its row), else the list is built again;
        ``texts`` False: the rows kept say what they said (an idea was only added)."""
        keep = self._current_id
        ids = [a.id for a in self.alternatives]
        shown = [self.list_widget.item(i).data(ID_ROLE) for i in range(self.list_widget.count())]
        with QSignalBlocker(self.list_widget):
            if shown != ids and not self._add_or_take(shown, ids):
                self.list_widget.clear()
                for alternative in self.alternatives:
                    self.list_widget.addItem(self._new_item(alternative))
            for row, alternative in enumerate(self.alternatives if texts else ()):  # (in
                item = self.list_widget.item(row)  # place: an item's own change signal
                item.setText(self._item_text(alternative))  # may be running)
                item.setData(NAME_ROLE, alternative.name)
            if keep not in ids:  # nothing chosen yet: the first, so the links can be ticked
                keep = ids[0] if ids else None
                self._current_id = keep
            if keep is not None and self.list_widget.currentRow() != ids.index(keep):
                self.list_widget.setCurrentRow(ids.index(keep))
        count = len(self.alternatives)
        self.count_label.setText(f"{count} idea{'' if count == 1 else 's'}")

    def _new_item(self, alternative: Alternative) -> QListWidgetItem:
        item = QListWidgetItem(self._item_text(alternative))
        item.setData(ID_ROLE, alternative.id)
        item.setData(NAME_ROLE, alternative.name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def _add_or_take(self, shown: list[str], ids: list[str]) -> bool:
        """Make the list's rows ``ids`` by inserting or taking rows, if the rows kept stay in
        the same order; False (nothing done) when the order changed."""
        kept = set(shown) & set(ids)
        if [i for i in shown if i in kept] != [i for i in ids if i in kept]:
            return False
        for row in reversed(range(len(shown))):
            if shown[row] not in kept:
                self.list_widget.takeItem(row)  # (the item goes with its Python wrapper)
        by_id = {a.id: a for a in self.alternatives}
        for row, alternative_id in enumerate(ids):
            if alternative_id not in kept:
                self.list_widget.insertItem(row, self._new_item(by_id[alternative_id]))
        return True

    def _fill_causes(self, labels: bool = True) -> None:
        """The causes, ticked for the current alternative (``labels`` False: the diagram is
        as it was, only the ticks may change)."""
        alternative = self.current_alternative()
        if alternative is None:
            self.links_label.setText("Select an alternative to link it to the causes it "
                                     "addresses.")
            if labels:
                self.causes_tree.fill(self.doc.diagram, set(), enabled=False)
            else:
                self.causes_tree.tick(set(), enabled=False)
            return
        self.links_label.setText(f"Causes that \u201c{alternative.name}\u201d addresses")
        if labels:
            self.causes_tree.fill(self.doc.diagram, set(alternative.addresses), enabled=True)
        else:
            self.causes_tree.tick(set(alternative.addresses), enabled=True)

    def current_alternative(self) -> Alternative | None:
        if self._current_id is None:
            return None
        try:
            return self.doc.case.alternative(self._current_id)
        except KeyError:
            return None

    def select_row(self, row: int) -> None:
        self.list_widget.setCurrentRow(row)

    def _on_list_current_changed(self, row: int) -> None:
        self._current_id = self.alternatives[row].id if 0 <= row < len(self.alternatives) \
            else None
        self._fill_causes(labels=False)

    def on_change(self, change: Change) -> None:
        kind = change.kind
        if kind in FISHBONE_KINDS:
            if not self.brainstorming:
                self._fill_causes()
        elif kind == "alternative_changed" and change.attribute != "name":
            if change.attribute == "addresses" and self._current_id in change.ids:
                self._fill_causes(labels=False)  # (notes are not shown on this page)
        elif kind in ALTERNATIVE_KINDS:
            self._show_list(texts=kind != "alternative_added")
            self._fill_causes(labels=False)

    def set_brainstorm_mode(self, on: bool) -> None:
        """Only the entry line, the ideas and the countdown; no deleting, no links, no scores."""
        self.brainstorming = on
        with QSignalBlocker(self.brainstorm_button):
            self.brainstorm_button.setChecked(on)
        self.brainstorm_button.setText("End brainstorm" if on else "Brainstorm mode")
        self._size_list_font()
        self.countdown.setVisible(on)
        self.hint_label.setVisible(on)
        self.links_panel.setVisible(not on)
        self.chrome.setVisible(not on)
        self.refresh()
        if on:
            self.entry.setFocus()

    def _size_list_font(self) -> None:
        """Ideas (and the one being typed) are at least 18 points while brainstorming;
        otherwise they follow the page's font."""
        font = QFont()  # nothing set: inherit
        if self.brainstorming:
            font.setPointSizeF(max(18.0, self.font().pointSizeF()))
        self.list_widget.setFont(font)
        self.entry.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_list_font()

    # -- editing ------------------------------------------------------------------------------

    def _on_entry_return_pressed(self) -> None:
        name = self.entry.text().strip()
        if not name:
            return
        command = add_alternative_command(self.doc, name)
        before, self._current_id = self._current_id, command.alternative_id  # the new idea
        try:  # becomes the current one as its row is shown: the list is shown once
            self.doc.push(command)
        except Exception:
            self._current_id = before
            raise
        self.entry.clear()
        self.list_widget.scrollToBottom()
        self.entry.setFocus()

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        alternative_id = item.data(ID_ROLE)
        name = item.text().strip()
        try:
            alternative = self.doc.case.alternative(alternative_id)
        except KeyError:
            return
        if name and name != alternative.name and name != self._item_text(alternative):
            self.doc.push(set_alternative_field_command(self.doc, alternative_id, "name", name,
                                                        merge=False))
        else:
            self.refresh()

    def _on_causes_tree_toggled(self, cause_id: str, checked: bool) -> None:
        alternative = self.current_alternative()
        if alternative is None:
            return
        addresses = [c for c in alternative.addresses if c != cause_id]
        if checked:
            addresses.append(cause_id)
        if addresses != alternative.addresses:
            self.doc.push(set_alternative_field_command(self.doc, alternative.id, "addresses",
                                                        addresses, merge=False))

    def remove_current(self) -> None:
        alternative = self.current_alternative()
        if alternative is None or self.brainstorming:
            return
        row = self.alternatives.index(alternative)
        self.doc.push(RemoveAlternativeCommand(self.doc, alternative.id))
        if self.alternatives:
            self.select_row(min(row, len(self.alternatives) - 1))

    def move_current(self, step: int) -> None:
        alternative = self.current_alternative()
        if alternative is None:
            return
        row = self.alternatives.index(alternative)
        if 0 <= row + step < len(self.alternatives):
            self.doc.push(move_alternative_command(self.doc, row, row + step))
