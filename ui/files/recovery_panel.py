"""The start screen's "Recover unsaved work" box: one row per snapshot a crash left behind."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.common.theme import plain_label, plain_tip

if TYPE_CHECKING:
    from ui.files.recovery import Snapshot

MAX_ROWS_SHOWN = 3


def snapshot_title(snap: Snapshot) -> str:
    if not snap.readable:
        return "Unreadable recovery file"
    return snap.title.strip() or "Untitled case"


def _when(stamp: float, now: float | None = None) -> str:
    moment, today = time.localtime(stamp), time.localtime(now)
    if moment[:3] == today[:3]:
        return time.strftime("today, %H:%M", moment)
    return time.strftime("%d %b %Y, %H:%M", moment).lstrip("0")


def snapshot_detail(snap: Snapshot) -> str:
    when = _when(snap.saved_at)
    if not snap.readable:
        return f"{snap.file.name}, {when}: damaged, or written by a newer version"
    where = snap.original_path.name if snap.original_path else "never saved"
    return f"{where} \u2022 changes up to {when}"


def _one_line(text: str, parent: QWidget, bold: bool = False) -> QLabel:
    """A label that keeps its line (never squashed to half a line) and is clipped if long."""
    label = plain_label(text, wrap=False, parent=parent)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setToolTip(plain_tip(text))
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    return label


class SnapshotRow(QFrame):
    """Title, file and time of one snapshot, with Recover and Discard."""

    def __init__(self, snap: Snapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot = snap
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        title = _one_line(snapshot_title(snap), self, bold=True)
        detail = _one_line(snapshot_detail(snap), self)
        if snap.original_path is not None:
            detail.setToolTip(plain_tip(str(snap.original_path)))
        elif not snap.readable:
            detail.setToolTip(plain_tip(f"{snap.file}\n{snap.error}"))
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
        rows = QWidget()
        self._rows_layout = QVBoxLayout(rows)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(6)
        self._rows_layout.addStretch(1)
        self.rows_scroll = QScrollArea(self)  # many crashes: three rows show, the rest scroll
        self.rows_scroll.setWidget(rows)
        self.rows_scroll.setWidgetResizable(True)
        self.rows_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.rows_scroll)
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
            self._rows_layout.insertWidget(len(self.rows), row)
            self.rows.append(row)
        self._fit_rows()
        self.setVisible(bool(snapshots))

    def _fit_rows(self) -> None:
        shown = self.rows[:MAX_ROWS_SHOWN]
        spacing = self._rows_layout.spacing()
        height = sum(row.sizeHint().height() + spacing for row in shown)
        self.rows_scroll.setMaximumHeight(max(0, height - spacing))
        self.rows_scroll.setMinimumHeight(shown[0].sizeHint().height() if shown else 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # projector mode: taller rows
            QTimer.singleShot(0, self._fit_rows)  # once every label has its new font

    def snapshots(self) -> list[Snapshot]:
        return [row.snapshot for row in self.rows]
