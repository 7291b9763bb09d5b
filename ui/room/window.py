"""The room window, for the projector: the QR code, the short address and the room code as
large as the window allows, how many phones have joined, and the facilitator's controls (the
phase open on the phones, the ideas that came in, the phones with Remove)."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from sixstep.edits.group import reveal_scores, start_blind
from sixstep.room.phase import Phase
from sixstep.room.qr import qr_matrix
from sixstep.rules import RuleError
from ui.common import theme
from ui.common.theme import plain_label
from ui.room.bridge import RoomBridge
from ui.room.inbox import RoomInbox
from ui.room.qr_widget import QrCode
from ui.widgets.buttons import push_button

ID_ROLE = Qt.ItemDataRole.UserRole
PHASE_TEXT = {
    ("closed", "cause"): "Nothing open on the phones",
    ("ideas", "cause"): "Open on the phones: ideas for causes",
    ("ideas", "alternative"): "Open on the phones: ideas for alternatives",
    ("dots", "cause"): "Open on the phones: dots on the causes",
    ("scores", "cause"): "Open on the phones: blind scores",
}


def short_address(url: str) -> str:
    """What a person types: the address without "http://" and the last slash."""
    parts = urlsplit(url)
    return parts.netloc or url


def phase_text(phase: Phase) -> str:
    target = phase.ideas_target if phase.kind == "ideas" else "cause"
    text = PHASE_TEXT.get((phase.kind, target), phase.kind)
    if phase.kind == "dots" and phase.dots_revealed:
        text += " (totals shown)"
    return text


class FitLabel(QLabel):
    """Plain text in the largest font (up to ``most`` points) that fits the label's width."""

    def __init__(self, most: float, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.most, self.bold = most, bold
        self.setMinimumWidth(10)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        super().setText(text)
        self.fit()

    def fit(self) -> None:
        font = QFont(self.font())
        font.setBold(self.bold)
        size = self.most
        while size > 10:
            font.setPointSizeF(size)
            if QFontMetrics(font).horizontalAdvance(self.text() or "M") <= self.width() - 4:
                break
            size *= 0.92
        font.setPointSizeF(max(size, 10))
        if font != self.font():
            self.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()


class RoomWindow(QWidget):
    """Shows the open room of ``bridge``; closing it closes the room (``close_requested``)."""

    close_requested = Signal()

    def __init__(self, bridge: RoomBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.bridge, self.doc = bridge, bridge.doc
        self.projector_mode = False
        self.setWindowTitle("Room \u2014 Problem Workshop")
        self.setAccessibleName("Room")
        self.qr = QrCode(self)
        self.scan = plain_label("Scan the code, or open this address on your phone:",
                                role="subheading")
        self.address = FitLabel(40, parent=self)
        self.address.setAccessibleName("Address to open")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_title = plain_label("Room code", role="subheading", wrap=False)
        self.code = FitLabel(96, bold=True, parent=self)
        self.code.setAccessibleName("Room code")
        self.joined = FitLabel(32, parent=self)
        self.joined.setAccessibleName("Phones joined")
        self.phase_label = plain_label("", role="subheading")
        self.phase_label.setAccessibleName("What the phones show")

        self.controls = QWidget(self)
        self._build_phase_buttons()
        self.inbox = RoomInbox(self.doc, None, self)
        self.inbox.refused.connect(self._tell)
        self.phones = self._build_phones()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.inbox, "Ideas")
        self.tabs.addTab(self.phones, "Phones")
        self.message = plain_label("")
        self.message.setAccessibleName("Room message")
        self.close_button = push_button(self, "Close the room",
                                        "Close the room: stop the server, phones are cut off",
                                        self.close_requested.emit)

        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self.scan)
        right.addWidget(self.address)
        right.addSpacing(6)
        right.addWidget(self.code_title)
        right.addWidget(self.code)
        right.addWidget(self.joined)
        right.addSpacing(6)
        right.addWidget(self.phase_label)
        right.addWidget(self.controls)
        right.addWidget(self.tabs, 1)
        right.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        right.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(16)
        layout.addWidget(self.qr, 5)
        layout.addLayout(right, 4)

        bridge.devices_changed.connect(self.show_devices)
        bridge.phase_changed.connect(self._on_bridge_phase_changed)
        bridge.opened.connect(self.show_room)
        self.doc.changed.connect(self._on_doc_changed)
        self.inbox.view.model().rowsInserted.connect(self._on_inbox_rows)
        self.inbox.view.model().modelReset.connect(self._on_inbox_rows)
        theme.scale_fonts(self, False)
        theme.remember_normal_fonts(self)
        self.show_room()
        self.resize(1200, 720)

    # -- building ----------------------------------------------------------------------------
    def _build_phase_buttons(self) -> None:
        self.phase_buttons: dict[str, QPushButton] = {}
        self.phase_group = QButtonGroup(self)
        self.phase_group.setExclusive(True)
        grid = QGridLayout(self.controls)
        grid.setContentsMargins(0, 0, 0, 0)
        places = (("ideas_cause", "Ideas: causes", "Open ideas for causes on the phones"),
                  ("ideas_alternative", "Ideas: alternatives",
                   "Open ideas for alternatives on the phones"),
                  ("dots", "Dots", "Open dot voting on the phones"),
                  ("scores", "Scores", "Open blind scoring on the phones"),
                  ("closed", "Close phase", "Show nothing to do on the phones"))
        for index, (key, text, name) in enumerate(places):
            button = push_button(self.controls, text, name,
                                 lambda _=False, k=key: self.open_phase(k))
            button.setCheckable(True)
            self.phase_group.addButton(button)
            self.phase_buttons[key] = button
            grid.addWidget(button, index // 3, index % 3)
        self.reveal_dots = push_button(self.controls, "Reveal dots",
                                       "Show the dot totals on the phones",
                                       self._on_reveal_dots_clicked)
        self.reveal_dots.setCheckable(True)
        self.reveal_scores = push_button(self.controls, "Reveal scores",
                                         "Reveal every score at once", self._on_reveal_scores)
        grid.addWidget(self.reveal_dots, 2, 0)
        grid.addWidget(self.reveal_scores, 2, 1)

    def _build_phones(self) -> QWidget:
        box = QWidget(self)
        self.device_list = QListWidget(box)
        self.device_list.setAccessibleName("Phones in the room")
        self.device_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.remove_button = push_button(box, "Remove", "Remove the selected phone from the room",
                                         self.remove_current_device)
        self.anonymous = QCheckBox("Allow joining without a name", box)
        self.anonymous.setAccessibleName("Allow joining without a name")
        self.anonymous.setChecked(self.bridge.allow_anonymous)
        self.anonymous.toggled.connect(self.bridge.set_allow_anonymous)
        row = QHBoxLayout()
        row.addWidget(self.anonymous, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.device_list, 1)
        layout.addLayout(row)
        return box

    # -- what is shown -------------------------------------------------------------------------
    def show_room(self) -> None:
        url = self.bridge.join_url
        self.qr.set_matrix(qr_matrix(url) if url else [])
        self.address.setText(short_address(self.bridge.url))
        self.code.setText(self.bridge.code)
        self.show_devices()
        self._on_bridge_phase_changed(self.bridge.phase)

    def show_devices(self) -> None:
        devices = self.bridge.devices()
        current = self.device_list.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        self.device_list.clear()
        for device in devices:
            item = QListWidgetItem(device.name)
            item.setData(ID_ROLE, device.id)
            self.device_list.addItem(item)
            if device.id == keep:
                self.device_list.setCurrentItem(item)
        n = len(devices)
        self.joined.setText("No phones yet" if n == 0 else
                            "1 phone joined" if n == 1 else f"{n} phones joined")
        self.tabs.setTabText(1, f"Phones ({n})")
        self.remove_button.setEnabled(n > 0)

    def _on_inbox_rows(self, *args: object) -> None:
        n = self.inbox.count()
        self.tabs.setTabText(0, f"Ideas ({n})" if n else "Ideas")

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind == "blind":
            self._show_reveal_buttons()

    def _on_bridge_phase_changed(self, phase: Phase) -> None:
        key = (f"ideas_{phase.ideas_target}" if phase.kind == "ideas" else phase.kind)
        button = self.phase_buttons.get(key)
        if button is not None:
            button.setChecked(True)
        self.phase_label.setText(phase_text(phase))
        self.reveal_dots.setChecked(phase.dots_revealed)
        self._show_reveal_buttons()

    def _show_reveal_buttons(self) -> None:
        phase, blind = self.bridge.phase, self.doc.case.blind
        self.reveal_dots.setEnabled(phase.kind == "dots")
        self.reveal_scores.setEnabled(phase.kind == "scores" and blind.on and not blind.revealed)

    def _tell(self, message: str) -> None:
        self.message.setText(message)

    # -- the facilitator's controls -------------------------------------------------------------
    def open_phase(self, key: str) -> None:
        """Open a phase on the phones; scores turn blind scoring on (one undoable edit)."""
        self.message.setText("")
        if key == "scores" and not self.doc.case.blind.on:
            try:
                self.doc.apply(start_blind())
            except RuleError as error:
                self._tell(str(error))
                return
        if key.startswith("ideas_"):
            phase = Phase("ideas", ideas_target=key.removeprefix("ideas_"))  # type: ignore[arg-type]
        else:
            phase = Phase(key)  # type: ignore[arg-type]
        self.bridge.set_phase(phase)

    def _on_reveal_dots_clicked(self) -> None:
        phase = self.bridge.phase
        if phase.kind == "dots":
            self.bridge.set_phase(dataclasses.replace(
                phase, dots_revealed=self.reveal_dots.isChecked()))

    def _on_reveal_scores(self) -> None:
        try:
            self.doc.apply(reveal_scores())
        except RuleError as error:
            self._tell(str(error))

    def remove_current_device(self) -> None:
        item = self.device_list.currentItem()
        if item is None and self.device_list.count():
            return
        if item is not None:
            self.bridge.remove_device(str(item.data(ID_ROLE)))

    # -- modes and closing ------------------------------------------------------------------------
    def set_projector_mode(self, on: bool) -> None:
        if on and not self.projector_mode:
            theme.remember_normal_fonts(self)
        self.projector_mode = on
        self.setPalette(theme.window_palette(theme.current_is_dark(), on))
        theme.set_base_font(self, on)
        theme.scale_fonts(self, on)
        for label in (self.address, self.code, self.joined):
            label.fit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.bridge.is_open():
            self.close_requested.emit()
        super().closeEvent(event)
