"""The working area: the step navigator beside the current step, pages built on first visit."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QStackedWidget, QWidget

from fishbone.changes import Change
from sixstep.steps import STEPS, step
from ui.common.theme import NORMAL_PT, remember_normal_fonts, scale_fonts
from ui.document.document import CaseDocument
from ui.steps.navigator import StepNavigator
from ui.widgets.step_page import StepPage

if TYPE_CHECKING:  # the frame (and its fields) loads with the first step shown
    from ui.steps.frame import StepFrame

# Step number -> (module, class). Pages are imported when first shown, so start-up stays light.
PAGES: dict[int, tuple[str, str]] = {
    1: ("ui.steps.define", "DefinePage"),
    2: ("ui.steps.research", "ResearchPage"),
    3: ("ui.criteria.page", "CriteriaPage"),
    4: ("ui.alternatives.page", "AlternativesPage"),
    5: ("ui.scoring.page", "EvaluatePage"),
    6: ("ui.steps.select", "SelectPage"),
}


def make_page(number: int, doc: CaseDocument, parent: QWidget | None = None) -> QWidget:
    module_name, class_name = PAGES[number]
    module = importlib.import_module(module_name)
    return getattr(module, class_name)(doc, parent)


class StepWorkspace(QWidget):
    """Navigator on the left, the current step's frame on the right."""

    step_changed = Signal(int)

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.projector_mode = False
        self.guidance_wanted = True
        self.navigator = StepNavigator(self)
        self.navigator.step_chosen.connect(self.show_step)
        self.stack = QStackedWidget(self)
        self.frames: dict[int, StepFrame] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigator)
        layout.addWidget(self.stack, 1)
        self.current = 0
        self.short = False  # too little height: the guidance starts folded
        doc.changed.connect(self._on_doc_changed)  # a change may complete or empty a step
        doc.replaced.connect(self._on_doc_changed)
        self._on_doc_changed()

    def frame(self, number: int) -> StepFrame:
        """The frame of step ``number``, building its page on first use."""
        if number not in self.frames:
            from ui.steps.frame import StepFrame

            page = make_page(number, self.doc)
            frame = StepFrame(step(number), page, doc=self.doc)
            self.frames[number] = frame
            self.stack.addWidget(frame)
            frame.guidance.show_missing(self.navigator.missing.get(number, []))
            scale_fonts(frame, False)
            remember_normal_fonts(frame)
            self._apply_mode(frame)
            if self.projector_mode:  # in normal mode the first pass left every font right
                scale_fonts(frame, True)
            if self.short:
                frame.guidance.set_expanded(False)
        return self.frames[number]

    def page(self, number: int) -> QWidget:
        """The page of step ``number`` (built on first use), showing the case as it is now
        (a page out of sight shows the changes it kept waiting)."""
        page = self.frame(number).page
        if isinstance(page, StepPage):
            page.show_waiting()
        return page

    def show_step(self, number: int) -> None:
        number = max(1, min(len(STEPS), number))
        frame = self.frame(number)
        self.stack.setCurrentWidget(frame)
        self.navigator.set_current_step(number)
        if number != self.current:
            self.current = number
            self.step_changed.emit(number)

    def focus_page(self) -> None:
        """Put the keyboard focus on the current page's first control (not the guidance
        button), unless it is already somewhere on that page."""
        page = self.frame(self.current).page
        focused = QApplication.focusWidget()
        if focused is not None and page.isAncestorOf(focused):
            return
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    COMPACT_BELOW = 1150  # window widths (at the normal font) that get the narrow navigator
    SHORT_BELOW = 760  # heights below which the guidance folds itself (the page needs room)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        scale = self.font().pointSizeF() / NORMAL_PT if self.font().pointSizeF() > 0 else 1
        self.navigator.set_compact(self.width() < self.COMPACT_BELOW * scale)
        short = self.height() < self.SHORT_BELOW
        if short != self.short:  # fold (or unfold) once on crossing; the user may reopen it
            self.short = short
            for frame in self.frames.values():
                frame.guidance.set_expanded(not short)

    def _on_doc_changed(self, change: Change | None = None) -> None:
        """Check again the steps that read what ``change`` touched (every step after the
        case was replaced) and show what they still lack."""
        moved = self.navigator.update_marks(self.doc.case,
                                            None if change is None else (change.kind,))
        for number, frame in self.frames.items():
            if change is None or number in moved:
                frame.guidance.show_missing(self.navigator.missing.get(number, []))

    def _apply_mode(self, frame: StepFrame) -> None:
        frame.set_guidance_shown(self.guidance_wanted and not self.projector_mode)
        setter = getattr(frame.page, "set_projector_mode", None)
        if setter is not None:
            setter(self.projector_mode)

    def set_projector_mode(self, on: bool) -> None:
        self.projector_mode = on
        self.navigator.setVisible(not on)
        for frame in self.frames.values():
            self._apply_mode(frame)

    def set_guidance_wanted(self, on: bool) -> None:
        self.guidance_wanted = on
        for frame in self.frames.values():
            self._apply_mode(frame)
