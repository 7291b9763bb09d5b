"""The start screen's "Recover unsaved work" box: one row per snapshot a crash left behind."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.recovery import Snapshot
from ui.theme import plain_label


def snapshot_title(snap: Snapshot) -> str:
    if not snap.readable:
        return "Unreadable recovery file"
    return snap.title.strip() or "Untitled case"


def snapshot_detail(snap: Snapshot) -> str:
    when = time.strftime("%d %b %Y, %H:%M", time.localtime(snap.saved_at)).lstrip("0")
    if not snap.readable:
        return f"{snap.file.name}, {when}. It cannot be opened: {snap.error}"
    where = snap.original_path.name if snap.original_path else "never saved"
    return f"{where} \u2022 changes up to {when}"


class SnapshotRow(QFrame):
    """Title, file and time of one snapshot, with Recover and Discard."""

    def __init__(self, snap: Snapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot = snap
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        title = plain_label(snapshot_title(snap), parent=self)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        detail = plain_label(snapshot_detail(snap), parent=self)
        if snap.original_path is not None:
            detail.setToolTip(str(snap.original_path))
        self.recover_button = QPushButton("Recover", self)
        self.recover_button.setAccessibleName(f"Recover {snapshot_title(snap)}")
        self.recover_button.setToolTip("Open this work as an unsaved case; nothing is "
                                       "written to the original file until you save")
        self.recover_button.setEnabled(snap.readable)
        self.recover_button.setVisible(snap.readable)
        self.discard_button = QPushButton("Discard", self)
        self.discard_button.setAccessibleName(f"Discard {snapshot_title(snap)}")
        self.discard_button.setToolTip("Delete this recovery copy for good")
        for button in (self.recover_button, self.discard_button):
            button.setMinimumHeight(36)
        self.setAccessibleName(f"{snapshot_title(snap)}. {snapshot_detail(snap)}")

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(title)
        text.addWidget(detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addLayout(text, 1)
        row.addWidget(self.recover_button)
        row.addWidget(self.discard_button)


class RecoveryPanel(QWidget):
    """Hidden while there is nothing to recover; emits the snapshot the user acted on."""

    recover_chosen = Signal(object)  # Snapshot
    discard_chosen = Signal(object)  # Snapshot

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Recover unsaved work")
        self.rows: list[SnapshotRow] = []
        heading = plain_label("Recover unsaved work", role="subheading", parent=self)
        hint = plain_label(
            "The app stopped before these changes were saved. Recover opens them as an "
            "unsaved case; save it to keep it.", role="hint", parent=self)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(self._rows_layout)
        self.set_snapshots([])

    def set_snapshots(self, snapshots: list[Snapshot]) -> None:
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for snap in snapshots:
            row = SnapshotRow(snap, self)
            row.recover_button.clicked.connect(lambda _=False, s=snap: self.recover_chosen.emit(s))
            row.discard_button.clicked.connect(lambda _=False, s=snap: self.discard_chosen.emit(s))
            self._rows_layout.addWidget(row)
            self.rows.append(row)
        self.setVisible(bool(snapshots))

    def snapshots(self) -> list[Snapshot]:
        return [row.snapshot for row in self.rows]
