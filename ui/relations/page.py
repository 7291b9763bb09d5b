"""Step 2's "Relations" tab: which cause drives which. Draw an arrow by keyboard (pick the two
causes, searching by any word, then Enter) or by dragging from one box to another; remove
one with Delete. Each is one undo step. Drivers (most arrows out: root-cause candidates),
outcomes (most arrows in) and loops are marked on the diagram and said in words below it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.edits.base import Edit, Sequence
from sixstep.edits.group import AddRelation, RemoveRelation
from sixstep.relations import RelationSummary
from ui.common.theme import PlainLabel, no_mnemonic, plain_tip
from ui.document.document import CaseDocument
from ui.relations.items import RelationsLook
from ui.relations.scene import RelationsScene
from ui.relations.view import RelationsView
from ui.widgets.fields import PlainLineEdit

KINDS = frozenset({"relations", "cause_added", "cause_removed", "cause_changed", "dots",
                   "categories"})
ARROW_ROLE = Qt.ItemDataRole.UserRole
MESSAGE_MS = 5000


def describe(summary: RelationSummary, texts: dict[str, str], short: bool = False) -> str:
    """Drivers, outcomes and loops in words, for the line under the diagram (``short``: the
    loops only counted, as in projector mode, where the dashed arrows show them)."""
    def names(ids: tuple[str, ...]) -> str:
        return "; ".join(texts.get(i, i) or "(no text yet)" for i in ids)

    if not any(summary.outgoing.values()):
        return "No arrows yet: draw one from a cause to a cause it drives."
    top_out = max(summary.outgoing.values())
    top_in = max(summary.incoming.values())
    parts = [f"Driver{'s' if len(summary.drivers) > 1 else ''} (root-cause "
             f"candidate{'s' if len(summary.drivers) > 1 else ''}, {top_out} out): "
             f"{names(summary.drivers)}.",
             f"Outcome{'s' if len(summary.outcomes) > 1 else ''} ({top_in} in): "
             f"{names(summary.outcomes)}."]
    if summary.loops:
        first = summary.loops[0]
        chain = " \u2192 ".join([*(texts.get(i, i) for i in first), texts.get(first[0], "")])
        count = len(summary.loops)
        many = f"{count}{'+' if summary.loops_cut_short else ''} loops (dashed)"
        if short:
            parts.append(f"{many if count > 1 else 'A loop (dashed)'}.")
        else:
            parts.append(f"{many + ', one is' if count > 1 else 'A loop (dashed)'}: {chain}.")
    return "  ".join(parts)


class RelationsPanel(QWidget):
    """The arrow form on top, the diagram with its summary, and the list of arrows."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.projector_mode = False
        self._dirty = True

        self.from_combo = self._cause_combo("Cause that drives (from)")
        self.to_combo = self._cause_combo("Cause it drives (to)")
        self.from_label = QLabel("&This cause", self)
        self.from_label.setBuddy(self.from_combo)
        self.to_label = QLabel("drives th&at cause", self)
        self.to_label.setBuddy(self.to_combo)
        self.add_button = QPushButton("&Draw arrow", self)
        self.add_button.setAccessibleName("Draw the arrow")
        self.every_box = QCheckBox("Every ca&use", self)
        self.every_box.setAccessibleName("Show every cause, not only those with dots or arrows")
        self.every_box.setToolTip("Show every cause; otherwise only those with dots or arrows")
        form_box = QWidget(self)
        form = QHBoxLayout(form_box)
        form.setContentsMargins(0, 0, 0, 0)
        for widget in (self.from_label, self.from_combo, self.to_label, self.to_combo):
            form.addWidget(widget)
            form.setStretchFactor(widget, 1 if isinstance(widget, QComboBox) else 0)
        actions_box = QWidget(self)
        actions = QHBoxLayout(actions_box)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.add_button)
        actions.addWidget(self.every_box)
        actions.addStretch(1)
        # one row when wide; the buttons go to a second row on a narrow screen (see resizeEvent)
        self.top_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top_row.addWidget(form_box, 1)
        self.top_row.addWidget(actions_box)
        self.form_box, self.actions_box = form_box, actions_box

        self.scene = RelationsScene(self)
        self.view = RelationsView(self.scene, self)
        self.summary_label = PlainLabel("", self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Drivers, outcomes and loops")
        self.message = PlainLabel("", self)
        self.message.setObjectName("relations_message")
        self.message.hide()
        self.arrow_list = QListWidget(self)
        self.arrow_list.setAccessibleName("Arrows drawn (Delete removes the selected one)")
        self.arrow_list.setWordWrap(True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.list_label = QLabel("Arro&ws (Delete removes)", side)
        self.list_label.setBuddy(self.arrow_list)
        side_layout.addWidget(self.list_label)
        side_layout.addWidget(self.arrow_list, 1)
        self.side = side
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 260])

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # minimumSizeHint
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.top_row)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary_label)
        QWidget.setTabOrder(self.every_box, self.view)
        QWidget.setTabOrder(self.view, self.arrow_list)

        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(0)  # after the event that changed the case
        self._rebuild_timer.timeout.connect(self.rebuild)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message.hide)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.line(self.from_combo).returnPressed.connect(self._on_from_return_pressed)
        self.line(self.to_combo).returnPressed.connect(self._on_add_button_clicked)
        self.every_box.toggled.connect(self._on_every_box_toggled)
        self.scene.arrow_drawn.connect(self._on_scene_arrow_drawn)
        self.scene.node_clicked.connect(self._on_scene_node_clicked)
        self.view.delete_requested.connect(self.remove_arrows)
        self.view.reshaped.connect(self._schedule)
        self.arrow_list.installEventFilter(self)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._on_doc_replaced)

    def _cause_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        line = PlainLineEdit(combo)  # Ctrl+Z undoes the case, not the typing
        combo.setLineEdit(line)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setAccessibleName(name)
        line.setPlaceholderText("Type any word of the cause")
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line.setAccessibleName(f"{name}: type to search")
        for view, what in ((combo.view(), "every cause"), (completer.popup(), "causes that match")):
            if view is not None:
                view.setAccessibleName(f"{name}: {what}")
        combo.setMinimumContentsLength(10)
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    # -- showing -----------------------------------------------------------------------------
    def look(self) -> RelationsLook:
        palette = self.palette()
        return RelationsLook(
            font_pt=max(self.font().pointSizeF(), 8.0),
            ink=palette.color(QPalette.ColorRole.WindowText).name(),
            paper=palette.color(QPalette.ColorRole.Base).name(),
            box=palette.color(QPalette.ColorRole.Base).name())

    def rebuild(self) -> None:
        """Show the case again: the diagram, the summary, the arrow list and the pickers."""
        self._dirty = False
        case = self.doc.case
        port = self.view.viewport().size()
        aspect = port.width() / port.height() if port.height() > 0 else 2.0
        self.scene.show_case(case, self.every_box.isChecked(), self.look(), aspect)
        self.view.fit()
        texts = {c.id: c.text for c in case.fishbone.causes}
        assert self.scene.summary is not None
        self.summary_label.setText(describe(self.scene.summary, texts, self.projector_mode))
        self._fill_combos()
        current = self.arrow_list.currentItem()
        keep = current.data(ARROW_ROLE) if current is not None else None
        self.arrow_list.clear()
        for relation in case.relations:
            key = (relation.source, relation.target)
            text = f"{texts.get(key[0], '?')} \u2192 {texts.get(key[1], '?')}"
            item = QListWidgetItem(text)
            item.setData(ARROW_ROLE, key)
            item.setToolTip(plain_tip(text))
            self.arrow_list.addItem(item)
            if key == keep:
                self.arrow_list.setCurrentItem(item)

    def _fill_combos(self) -> None:
        d = self.doc.diagram
        for combo in (self.from_combo, self.to_combo):
            keep = self.cause_in(combo)
            text = combo.currentText() if keep is None else None
            combo.blockSignals(True)
            combo.clear()
            for cause in d.causes:
                heading = d.category(cause.category).name
                combo.addItem(no_mnemonic(f"{cause.text or '(no text yet)'}  ({heading})"),
                              cause.id)
            index = combo.findData(keep) if keep is not None else -1
            combo.setCurrentIndex(index)
            if index < 0:
                combo.setEditText(text or "")
            combo.blockSignals(False)

    @staticmethod
    def line(combo: QComboBox) -> QLineEdit:
        line = combo.lineEdit()
        assert line is not None  # the cause pickers are editable
        return line

    @staticmethod
    def cause_in(combo: QComboBox) -> str | None:
        """The cause picked in ``combo``: its text must be one of the list's entries."""
        index = combo.findText(combo.currentText(), Qt.MatchFlag.MatchFixedString)
        return combo.itemData(index) if index >= 0 else None

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self._message_timer.start()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, MESSAGE_MS)

    # -- edits -------------------------------------------------------------------------------
    def _apply(self, edit: Edit) -> bool:
        return self.doc.try_apply(edit, self.show_message)

    def draw_arrow(self, source: str, target: str) -> bool:
        """"``source`` drives ``target``" as one undo step (a refusal is said, not raised)."""
        return self._apply(AddRelation(source, target))

    def remove_arrows(self, keys: list[tuple[str, str]]) -> bool:
        """Remove the arrows ``keys`` as one undo step."""
        edits = tuple(RemoveRelation(s, t) for s, t in keys)
        if not edits:
            return False
        edit: Edit = edits[0] if len(edits) == 1 else Sequence(edits, "Remove arrows")
        return self._apply(edit)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the two-row arrangement allows, whichever is shown now."""
        hint = super().minimumSizeHint()
        narrow = max(self.form_box.minimumSizeHint().width(),
                     self.actions_box.minimumSizeHint().width(),
                     self.splitter.minimumSizeHint().width()) + 12
        return QSize(min(hint.width(), narrow), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        needed = (self.form_box.minimumSizeHint().width()
                  + self.actions_box.sizeHint().width() + 24)
        direction = (QBoxLayout.Direction.LeftToRight if event.size().width() >= needed
                     else QBoxLayout.Direction.TopToBottom)
        if self.top_row.direction() != direction:
            self.top_row.setDirection(direction)

    def set_projector_mode(self, on: bool) -> None:
        """The room reads the diagram at full size; the captions and the list of arrows step aside
        (each arrow stays on the diagram, where Delete removes it); every other control stays."""
        self.projector_mode = on
        self.side.setVisible(not on)
        self.view.min_scale = 1.0 if on else 0.0  # 20 pt text stays 20 pt: scroll instead
        for widget in (self.from_label, self.to_label):  # the combos say it (accessible names)
            widget.setVisible(not on)
        self._schedule()

    # -- events ------------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._rebuild_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self._dirty:
            self.rebuild()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._schedule()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if (watched is self.arrow_list and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            item = self.arrow_list.currentItem()
            if item is not None:
                row = self.arrow_list.row(item)
                if self.remove_arrows([item.data(ARROW_ROLE)]):
                    self.rebuild()
                    self.arrow_list.setCurrentRow(min(row, self.arrow_list.count() - 1))
            return True
        return super().eventFilter(watched, event)

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind in KINDS:
            self._schedule()

    def _on_doc_replaced(self) -> None:
        self._schedule()

    def _on_from_return_pressed(self) -> None:
        if self.cause_in(self.from_combo) is not None:
            self.to_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            self.line(self.to_combo).selectAll()

    def _on_add_button_clicked(self) -> None:
        source, target = self.cause_in(self.from_combo), self.cause_in(self.to_combo)
        if source is None or target is None:
            which = self.from_combo if source is None else self.to_combo
            self.show_message("Pick both causes from the lists (type a word to search).")
            which.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.draw_arrow(source, target):
            self.to_combo.setEditText("")
            self.to_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_every_box_toggled(self, on: bool) -> None:
        self._schedule()

    def _on_scene_arrow_drawn(self, source: str, target: str) -> None:
        self.draw_arrow(source, target)

    def _on_scene_node_clicked(self, cause_id: str) -> None:
        index = self.from_combo.findData(cause_id)
        if index >= 0:
            self.from_combo.setCurrentIndex(index)
