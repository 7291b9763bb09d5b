"""The room window, for the projector: the QR code, the short address and the room code as
large as the window allows, how many phones have joined, and the facilitator's controls (the
phase open on the phones, the ideas that came in, the phones with Remove)."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sixstep.room.qr import qr_matrix
from ui.common import theme
from ui.common.theme import plain_label
from ui.room.bridge import RoomBridge
from ui.room.inbox import RoomInbox
from ui.room.phase_controls import PhaseControls
from ui.room.qr_widget import QrCode
from ui.widgets.buttons import push_button

ID_ROLE = Qt.ItemDataRole.UserRole
SIDE_SHARE = 0.44  # of the window's width at most, so the QR code keeps the rest
MARGIN, GAP = 12, 16  # pixels around the window's contents and between the QR code and the rest
# the big texts' largest sizes, in points per pixel of the window's height
BIG = {"address": 0.042, "code": 0.09, "joined": 0.036}


def short_address(url: str) -> str:
    """What a person types: the address without "http://" and the last slash."""
    parts = urlsplit(url)
    return parts.netloc or url


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
        self.scan = plain_label("Scan the code, or open on your phone:", role="subheading")
        self.address = FitLabel(40, parent=self)
        self.address.setAccessibleName("Address to open")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_title = plain_label("Room code", role="subheading", wrap=False)
        self.code = FitLabel(96, bold=True, parent=self)
        self.code.setAccessibleName("Room code")
        self.joined = FitLabel(32, parent=self)
        self.joined.setAccessibleName("Phones joined")
        self.phases = PhaseControls(bridge, self)
        self.phases.told.connect(self._tell)
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

        self.side = QWidget(self)  # everything but the QR code
        right = QVBoxLayout(self.side)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(4)
        right.addWidget(self.scan)
        right.addWidget(self.address)
        right.addSpacing(6)
        right.addWidget(self.code_title)
        right.addWidget(self.code)
        right.addWidget(self.joined)
        right.addSpacing(6)
        right.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        right.addLayout(bottom)
        left = QVBoxLayout()  # the QR code, and under it the facilitator's phase buttons
        left.addWidget(self.qr, 1)
        left.addWidget(self.phases)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(GAP)
        layout.addLayout(left, 5)
        layout.addWidget(self.side, 4)

        bridge.devices_changed.connect(self.show_devices)
        bridge.opened.connect(self.show_room)
        self.inbox.counted.connect(self._on_inbox_counted)
        self.inbox.title.hide()  # the tab says it, with the count
        self.inbox.hint.hide()  # the buttons' tips say it: the room needs the room
        self._on_inbox_counted(self.inbox.count())
        theme.set_base_font(self, False)  # a window of its own: it inherits no font
        for readable in (self.inbox.view, self.device_list):  # the room reads these lists
            theme.set_base_font(readable, False)
        theme.scale_fonts(self, False)
        theme.remember_normal_fonts(self)
        self.show_room()
        self.fit_screen()

    # -- building ----------------------------------------------------------------------------
    def fit_screen(self) -> None:
        """As large as its screen allows, up to 1400 x 900."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(1400, screen.width() - 20), min(900, screen.height() - 40))

    def side_width(self) -> int:
        return int(self.width() * SIDE_SHARE)

    def place_phases(self) -> None:
        """As many phase buttons to a row as the width under the QR code holds."""
        self.phases.fit_width(self.width() - 2 * MARGIN - GAP - self.side_width())

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

    def _on_inbox_counted(self, n: int) -> None:
        self.tabs.setTabText(0, f"Ideas ({n})" if n else "Ideas")

    def _tell(self, message: str) -> None:
        self.message.setText(message)

    # -- the facilitator's controls -------------------------------------------------------------
    def remove_current_device(self) -> None:
        item = self.device_list.currentItem()
        if item is None and self.device_list.count():
            return
        if item is not None:
            self.bridge.remove_device(str(item.data(ID_ROLE)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """The big texts grow with the window's height (and never beyond its width)."""
        super().resizeEvent(event)
        self.side.setMaximumWidth(self.side_width())
        self.place_phases()
        for name, share in BIG.items():
            label = getattr(self, name)
            label.most = max(16.0, self.height() * share)
            label.fit()

    # -- modes and closing ------------------------------------------------------------------------
    def set_projector_mode(self, on: bool) -> None:
        if on and not self.projector_mode:
            theme.remember_normal_fonts(self)
        self.projector_mode = on
        self.setPalette(theme.window_palette(theme.current_is_dark(), on))
        # what the room reads grows (headings, ideas, phones); the facilitator's buttons keep
        # the laptop's size so the QR code keeps its room
        theme.scale_fonts(self, on)
        self.place_phases()
        for label in (self.address, self.code, self.joined):
            label.fit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.bridge.is_open():
            self.close_requested.emit()
        super().closeEvent(event)
