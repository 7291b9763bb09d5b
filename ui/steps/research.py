"""Step 2, research and analyse: what to find out, earlier efforts, techniques, the fishbone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fishbone.changes import Change
from fishbone.model import Cause, Diagram
from sixstep.case import TECHNIQUES
from sixstep.edits.fields import InsertItem, RemoveItem, touches
from ui.common.theme import plain_label, scale_late
from ui.document.document import CaseDocument
from ui.dots.picker import DotPicker
from ui.facilitation import five_whys
from ui.fishbone_editor.editor import FishboneEditor
from ui.painting.style import DARK, LIGHT
from ui.widgets.buttons import add_key
from ui.widgets.fields import TextField, try_apply
from ui.widgets.form import add_section, scrolling_body, section_label
from ui.widgets.record_table import RecordTable
from ui.widgets.step_page import StepPage
from ui.widgets.string_list import StringListEditor

if TYPE_CHECKING:  # the dot vote's and the relations' tabs are made when first opened
    from ui.dots.panel import DotsPanel
    from ui.relations.page import RelationsPanel

TECHNIQUES_PATH = ("research", "techniques")
DOTS_TAB, RELATIONS_TAB = 2, 3
# what the cause summary shows: the causes, their headings, text, status and root mark
SUMMARY_KINDS = frozenset({"cause_added", "cause_removed", "cause_moved", "categories"})
SUMMARY_ATTRIBUTES = frozenset({"text", "status", "root_cause"})


def _cause_line(diagram: Diagram, cause: Cause) -> str:
    try:
        heading = diagram.category(cause.category).name
    except (KeyError, ValueError):
        heading = cause.category
    return f"\u2022 {cause.text or '(no text yet)'}  ({heading})"


def cause_summary(diagram: Diagram) -> tuple[str, str]:
    """Plain-text lists of the root causes and of the other confirmed causes."""
    roots = [_cause_line(diagram, c) for c in diagram.causes if c.root_cause]
    confirmed = [_cause_line(diagram, c) for c in diagram.causes
                 if c.status == "confirmed" and not c.root_cause]
    return ("\n".join(roots) or "None marked yet: mark a confirmed cause as the root cause.",
            "\n".join(confirmed) or "None confirmed yet.")


class TechniquesChecklist(QWidget):
    """The evidence-gathering techniques the course names, each with one line of guidance."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.boxes: dict[str, QCheckBox] = {}
        self.guidance: list[QWidget] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        for row, (key, name, line) in enumerate(TECHNIQUES):
            box = QCheckBox(name, self)
            box.setAccessibleName(f"Technique used: {name}")
            box.setAccessibleDescription(line)
            box.setToolTip(line)
            box.toggled.connect(lambda on, k=key: self._on_box_toggled(k, on))
            hint = plain_label(line, role="hint")
            hint.setAccessibleName(f"About {name}")
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(hint, row, 1)
            self.boxes[key] = box
            self.guidance.append(hint)
        grid.setColumnStretch(1, 1)

    def _on_box_toggled(self, key: str, on: bool) -> None:
        used = self.doc.case.research.techniques
        if on and key not in used:
            order = [k for k, _, _ in TECHNIQUES]
            index = sum(1 for k in used if k in order and order.index(k) < order.index(key))
            name = dict((k, n) for k, n, _ in TECHNIQUES)[key]
            try_apply(self.doc, InsertItem(TECHNIQUES_PATH, key, index),
                      f"Tick technique {name}")
        elif not on and key in used:
            name = dict((k, n) for k, n, _ in TECHNIQUES)[key]
            try_apply(self.doc, RemoveItem(TECHNIQUES_PATH, used.index(key)),
                      f"Untick technique {name}")

    def refresh(self) -> None:
        used = set(self.doc.case.research.techniques)
        for key, box in self.boxes.items():
            if box.isChecked() != (key in used):
                with StepPage.blocked(box):
                    box.setChecked(key in used)

    def set_guidance_visible(self, on: bool) -> None:
        for hint in self.guidance:
            hint.setVisible(on)


class ResearchPage(StepPage):
    """Two tabs: the fishbone canvas, and the research notes with a summary of the causes."""

    number = 2
    kinds = frozenset({"research", "cause_changed"}) | SUMMARY_KINDS

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self._listed: set[str] | None = None  # the causes the summary lists (None: not shown)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Research views")
        self.tabs.setDocumentMode(True)
        # every view's tab stays in sight on a narrow projector: one-word names (the tips say
        # more) that shorten rather than scroll
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.fishbone = FishboneEditor(doc, self.tabs)
        self.fishbone.setAccessibleName("Fishbone diagram editor")
        self.fishbone.add_cause_tool("Five whys\u2026", five_whys.KEY, self.ask_five_whys)
        self._follow_palette()
        self.tabs.addTab(self.fishbone, "Fish&bone")
        notes = self.notes_tab = QWidget(self.tabs)
        self._summary_stale = False  # edits the summary has not caught up with (tab unseen)
        self.tabs.addTab(notes, "&Research")
        self._dots: DotsPanel | None = None
        self.tabs.addTab(QWidget(self.tabs), "D&ots")  # a stand-in until first opened
        self._relations: RelationsPanel | None = None
        self.tabs.addTab(QWidget(self.tabs), "Re&lations")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        for index, tip in enumerate(("The fishbone diagram", "Research questions, earlier "
                                     "efforts and findings", "The dot vote: which causes to "
                                     "verify first", "Relations: which cause drives which")):
            self.tabs.setTabToolTip(index, tip)
        self.picker = DotPicker(doc, self.tabs)  # who votes, beside the tabs on every tab
        self.tabs.setCornerWidget(self.picker, Qt.Corner.TopRightCorner)
        self.picker.add_voter_keys(self)
        add_key(self, "Ctrl+L", self.focus_capture_line,
                Qt.ShortcutContext.WidgetWithChildrenShortcut)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        self._build_notes(notes)
        self.refresh()

    # -- tabs made when first opened ---------------------------------------------------------
    @property
    def dots(self) -> DotsPanel:
        if self._dots is None:
            from ui.dots.panel import DotsPanel

            self._dots = DotsPanel(self.doc, self.tabs)
            self._put_tab(DOTS_TAB, self._dots)
        return self._dots

    @property
    def relations(self) -> RelationsPanel:
        if self._relations is None:
            from ui.relations.page import RelationsPanel

            self._relations = RelationsPanel(self.doc, self.tabs)
            self._put_tab(RELATIONS_TAB, self._relations)
        return self._relations

    def _put_tab(self, index: int, panel: DotsPanel | RelationsPanel) -> None:
        """``panel`` in place of the stand-in at ``index``, sized for the mode."""
        tabs, stand_in = self.tabs, self.tabs.widget(index)
        text, tip, current = tabs.tabText(index), tabs.tabToolTip(index), tabs.currentIndex()
        with StepPage.blocked(tabs):
            tabs.removeTab(index)
            tabs.insertTab(index, panel, text)
            tabs.setTabToolTip(index, tip)
            tabs.setCurrentIndex(current)
        if stand_in is not None:
            stand_in.deleteLater()
        panel.set_projector_mode(self.projector_mode)
        scale_late(panel, self.projector_mode)

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.notes_tab and self._summary_stale:
            self._show_causes()
        if index == DOTS_TAB:
            self.dots  # noqa: B018 - made on first sight
        elif index == RELATIONS_TAB:
            self.relations  # noqa: B018

    def focus_capture_line(self) -> None:
        """Ctrl+L from anywhere on the step: the cursor at the end of the capture line."""
        self.tabs.setCurrentWidget(self.fishbone)
        self.fishbone.capture.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.fishbone.capture.end(False)

    def _build_notes(self, notes: QWidget) -> None:
        doc = self.doc
        layout = scrolling_body(notes)
        self.to_research_list = StringListEditor(
            doc, ("research", "to_research"), "Still to research", "research item",
            placeholder="What do we still need to find out? Enter adds it")
        self.to_research_list.view.setMinimumHeight(140)
        add_section(layout, "Still to research (tick when &done)", self.to_research_list,
                    spacing_before=0)

        self.efforts_table = RecordTable(
            doc, ("research", "previous_efforts"),
            [("effort", "What was tried", 1), ("what_stopped_it", "What stopped it", 1)],
            "Earlier efforts", "earlier effort")
        add_section(layout, "Earlier effor&ts and what stopped each", self.efforts_table)

        self.techniques = TechniquesChecklist(doc)
        layout.addSpacing(10)
        layout.addWidget(section_label("Techniques used to gather evidence"))
        layout.addWidget(self.techniques)

        layout.addSpacing(10)
        layout.addWidget(section_label("What the fishbone shows"))
        self.root_label = plain_label("", role="")
        self.root_label.setAccessibleName("Root causes")
        self.confirmed_label = plain_label("")
        self.confirmed_label.setAccessibleName("Confirmed causes")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.addWidget(plain_label("Root causes:", wrap=False), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.root_label, 0, 1)
        grid.addWidget(plain_label("Also confirmed:", wrap=False), 1, 0,
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.confirmed_label, 1, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        self.findings_field = TextField(
            doc, ("research", "findings"), "Findings summary",
            placeholder="Pull the research together into one analysis", lines=6)
        add_section(layout, "Fi&ndings: one analysis of the research", self.findings_field)
        layout.addStretch(1)

    def on_change(self, change: Change) -> None:
        if change.kind == "research":
            if touches(change, TECHNIQUES_PATH):
                self.techniques.refresh()
        elif change.kind in SUMMARY_KINDS or change.attribute in SUMMARY_ATTRIBUTES:
            if not self._summary_untouched(change):
                self._show_causes_when_seen()

    def ask_five_whys(self, cause_id: str) -> five_whys.FiveWhysDialog:
        """Ask "why?" of the cause; the chain written, its deepest answer is selected."""
        dialog = five_whys.ask_five_whys(self.doc, cause_id, self.window(), self.projector_mode)
        dialog.accepted.connect(lambda: self._on_five_whys_accepted(dialog))
        return dialog

    def _on_five_whys_accepted(self, dialog: five_whys.FiveWhysDialog) -> None:
        if dialog.added and self.doc.diagram.has_cause(dialog.added[-1]):
            self.fishbone.view.select(("cause", dialog.added[-1]))
            self.fishbone.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _summary_untouched(self, change: Change) -> bool:
        """Causes added that are neither root nor confirmed, or removed ones the summary did
        not list, leave it as it is (typing new causes in a big diagram rescans nothing)."""
        d = self.doc.diagram
        if self._listed is None:
            return False
        if change.kind == "cause_added":
            return not any(d.has_cause(i) and (d.cause(i).root_cause
                                               or d.cause(i).status == "confirmed")
                           for i in change.ids)
        if change.kind == "cause_removed":
            return self._listed.isdisjoint(change.ids)
        return False

    def _show_causes_when_seen(self) -> None:
        """The summary sits on the Research tab: while the diagram's tab is in front, edits
        only mark it out of date, and choosing the tab brings it up to date."""
        if self.tabs.currentWidget() is self.notes_tab:
            self._show_causes()
        else:
            self._summary_stale = True

    def _show_causes(self) -> None:
        self._summary_stale = False
        d = self.doc.diagram
        self._listed = {c.id for c in d.causes if c.root_cause or c.status == "confirmed"}
        roots, confirmed = cause_summary(d)
        self.root_label.setText(roots)
        self.confirmed_label.setText(confirmed)

    def refresh(self) -> None:
        self.techniques.refresh()
        self._show_causes()

    def set_projector_mode(self, on: bool) -> None:
        super().set_projector_mode(on)
        self.techniques.set_guidance_visible(not on)
        self.fishbone.set_projector_mode(on)
        for view in (self.picker, self._dots, self._relations):
            if view is not None:
                view.set_projector_mode(on)

    def _follow_palette(self) -> None:
        """The diagram is drawn light or dark like the window around it."""
        window = self.palette().color(QPalette.ColorRole.Window)
        self.fishbone.set_diagram_style(DARK if window.lightness() < 128 else LIGHT)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()
