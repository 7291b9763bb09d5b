"""The room's tools in the main window: the "Room" menu and its keys, the step timer in each
step's heading, the parking lot dock and the workshop panel. The window makes one
``RoomTools`` and tells it about projector mode; everything else wires itself here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QBoxLayout, QMainWindow, QWidget

from ui.common.theme import scale_late
from ui.document.document import CaseDocument
from ui.facilitation import timer
from ui.facilitation.timer import StepTimer
from ui.widgets.side_dock import side_dock

if TYPE_CHECKING:  # the panels load when first shown
    from ui.facilitation.parking_lot import ParkingLotPanel
    from ui.facilitation.workshop import WorkshopDialog

PARKING_KEY = "F9"  # park an idea
WORKSHOP_KEY = "Ctrl+Shift+W"  # the workshop and its people

WIDE_ENOUGH = 1200  # window width that leaves projector text room for the dock at the side


class _Frame(Protocol):
    @property
    def head(self) -> QBoxLayout: ...  # the row of the step's heading


class Steps(Protocol):
    """What the tools need of the step workspace (it lives in a layer above)."""

    @property
    def step_changed(self) -> SignalInstance: ...

    @property
    def current(self) -> int: ...

    def frame(self, number: int) -> _Frame: ...


class RoomTools(QObject):
    """Builds the tools into ``window`` and keeps them in step with ``steps``."""

    def __init__(self, window: QMainWindow, doc: CaseDocument, steps: Steps) -> None:
        super().__init__(window)
        self.window, self.doc, self.steps = window, doc, steps
        self._back_to: QWidget | None = None  # where the keys were before F9

        self.timer = StepTimer(doc, window)
        self.timer.hide()
        self._parking: ParkingLotPanel | None = None
        self.dock = side_dock(window, "Parking lot", "parking_lot_dock")
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        self.projector_mode = False
        self.workshop: WorkshopDialog | None = None

        menu = window.menuBar().addMenu("Roo&m")
        self.menu = menu
        self.workshop_action = self._action("&Workshop and people\u2026", WORKSHOP_KEY,
                                            self.open_workshop)
        menu.addSeparator()
        self.park_action = self._action("&Park an idea", PARKING_KEY, self.park_an_idea)
        show = self.dock.toggleViewAction()
        show.setText("&Show the parking lot")
        menu.addAction(show)
        menu.addSeparator()
        self.timer_action = self._action("&Start or pause the step timer", timer.START_KEY,
                                         self.timer.toggle)
        self.reset_action = self._action("&Reset the step timer", timer.RESET_KEY,
                                         self.timer.reset)
        menu.addMenu(self.timer.minutes_menu)
        steps.step_changed.connect(self._on_steps_step_changed)

    def _action(self, text: str, keys: str, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False: slot())
        self.menu.addAction(action)
        return action

    def current_step(self) -> int:
        return max(1, self.steps.current)

    # -- the timer in the heading ------------------------------------------------------------
    def _on_steps_step_changed(self, number: int) -> None:
        self.steps.frame(number).head.addWidget(self.timer)
        self.timer.show()
        self.timer.set_step(number)

    # -- parking lot -------------------------------------------------------------------------
    @property
    def parking(self) -> ParkingLotPanel:
        """The parking lot's panel, made (in its dock) when first shown."""
        if self._parking is None:
            from ui.facilitation.parking_lot import ParkingLotPanel

            panel = ParkingLotPanel(self.doc, self.current_step)
            panel.entry.leave_requested.connect(self.leave_parking_lot)
            self.dock.setWidget(panel)
            panel.set_projector_mode(self.projector_mode)
            scale_late(panel, self.projector_mode)
            self._parking = panel
        return self._parking

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.parking  # noqa: B018 - made on first sight
    def park_an_idea(self) -> None:
        """F9: the parking lot with the keys in its entry line; from there, back again."""
        focused = QApplication.focusWidget()
        if focused is not None and self.dock.isAncestorOf(focused) and self.dock.isVisible():
            self.leave_parking_lot()
            return
        self._back_to = focused
        self._place_dock()
        self.dock.show()
        self.dock.raise_()
        self.parking.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def leave_parking_lot(self) -> None:
        """Keys back to where they were before the parking lot took them (it stays open)."""
        back, self._back_to = self._back_to, None
        if back is not None and shiboken6.isValid(back) and back.isVisible():
            back.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.window.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- workshop ----------------------------------------------------------------------------
    def open_workshop(self) -> None:
        if self.workshop is None:
            from ui.facilitation.workshop import WorkshopDialog

            self.workshop = WorkshopDialog(self.doc, self.window)
            self.workshop.people.tell = self._tell
            self.workshop.set_projector_mode(self.projector_mode)
        self.workshop.open_at_people()

    def _tell(self, message: str) -> None:
        if self.workshop is not None:
            self.workshop.message.setText(message)
        self.window.statusBar().showMessage(message, 8000)

    # -- modes -------------------------------------------------------------------------------
    def _place_dock(self) -> None:
        """Beside the step, unless projector text leaves too little room there: then below."""
        area = (Qt.DockWidgetArea.BottomDockWidgetArea
                if self.projector_mode and self.window.width() < WIDE_ENOUGH
                else Qt.DockWidgetArea.RightDockWidgetArea)
        if self.window.dockWidgetArea(self.dock) != area:
            self.window.addDockWidget(area, self.dock)

    def set_projector_mode(self, on: bool) -> None:
        self.projector_mode = on
        self.timer.set_projector_mode(on)
        if self._parking is not None:
            self._parking.set_projector_mode(on)
        if self.workshop is not None:
            self.workshop.set_projector_mode(on)
        self._place_dock()
