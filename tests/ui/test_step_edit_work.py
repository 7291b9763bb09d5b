"""What one edit on a step page sets in motion, counted: a score repaints and works out only its
own row, the focus going into a cell editor and back repaints that cell, the hidden "How sure?"
table waits for its tab, the chart draws once after a burst of changes, the step marks are
checked again only for the steps that read what changed, and a new idea shows the list once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication

import sixstep.scoring
import ui.scoring.cache
from fishbone.changes import CHANGE_KINDS
from sixstep.caseio import load_case
from sixstep.edits.criteria import SetCriterionWeight
from sixstep.edits.fields import SetText
from sixstep.steps import STEPS, StepDefinition, missing_by_step, steps_reading
from ui.alternatives.page import AlternativesPage
from ui.document.document import CaseDocument
from ui.document.scoring_commands import SetScoreCommand
from ui.scoring.page import EvaluatePage
from ui.steps.workspace import StepWorkspace

from .room_scoring_support import burgers_with_four
from .tab_support import choose_tab
from .test_criteria_page import SAMPLE


class PaintSpy(QObject):
    """The regions painted on a widget, one per paint event."""

    def __init__(self, widget) -> None:  # noqa: ANN001
        super().__init__(widget)
        self.regions: list[QRegion] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))
        return False

    def painted(self) -> QRegion:
        whole = QRegion()
        for region in self.regions:
            whole = whole.united(region)
        return whole


@pytest.fixture
def page(qtbot) -> EvaluatePage:
    page = EvaluatePage(CaseDocument(burgers_with_four()))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def _row_rect(page: EvaluatePage, row: int) -> QRect:
    view = page.matrix
    return QRect(0, view.rowViewportPosition(row), view.viewport().width(), view.rowHeight(row))


def _open_editor(qtbot, page: EvaluatePage, digit: str):  # noqa: ANN001, ANN202
    view = page.matrix
    qtbot.keyClicks(view, digit)
    editor = QApplication.focusWidget()
    assert editor is not view and view.viewport().isAncestorOf(editor)
    return editor


def _settle(qtbot) -> None:  # noqa: ANN001
    qtbot.wait(20)  # the posted paints (and a zero-timer) are delivered


def test_a_typed_score_repaints_its_row_and_the_cells_that_moved(qtbot, page):
    view, model = page.matrix, page.model
    header = view.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(model.columnCount())]
    cell = model.index_of("a1", "k4")  # a 4 here moves what headers say, no column's width
    view.setFocus()
    view.setCurrentIndex(cell)
    _settle(qtbot)
    spy = PaintSpy(view.viewport())
    editor = _open_editor(qtbot, page, "4")
    _settle(qtbot)
    assert spy.painted().boundingRect() == view.visualRect(cell)  # the focus went in: one cell
    spy.regions.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.currentIndex().row() == cell.row() + 1)
    _settle(qtbot)
    assert widths == [header.sectionSize(c) for c in range(model.columnCount())]
    painted = spy.painted()
    whole = QRegion(view.viewport().rect())
    assert painted.contains(_row_rect(page, cell.row()))  # its own row, all of it
    assert painted.contains(view.visualRect(view.currentIndex()))  # where the cursor went
    assert painted.subtracted(whole).isEmpty() and painted != whole  # never the whole table
    unmoved = [r for r in range(model.rowCount()) if r not in (cell.row(), cell.row() + 1)]
    for row in unmoved:  # other rows: at most their place, percent and total
        names = view.visualRect(model.index(row, 0))
        scores = QRect(view.columnViewportPosition(4), view.rowViewportPosition(row),
                       view.viewport().width(), view.rowHeight(row))
        assert not painted.intersects(names) and not painted.intersects(scores)


def test_a_score_works_out_only_its_own_row(page, monkeypatch):
    doc = page.doc
    worked: list[str] = []
    row = sixstep.scoring._row

    def working(alternative, criteria, cells):  # noqa: ANN001, ANN202
        worked.append(alternative)
        return row(alternative, criteria, cells)

    monkeypatch.setattr(sixstep.scoring, "_row", working)
    doc.push(SetScoreCommand(doc, "a4", "k3", 6, "p2"))
    assert worked == ["a4"]  # the other rows' screening and totals are kept
    assert ui.scoring.cache.scored(doc.case) == sixstep.scoring.score_case(doc.case)
    worked.clear()
    doc.apply(SetCriterionWeight("k3", 4))  # a weight keeps the rows, moves every total
    assert worked == []
    assert ui.scoring.cache.scored(doc.case) == sixstep.scoring.score_case(doc.case)


def test_the_hidden_stability_table_is_filled_only_when_its_tab_is_shown(qtbot, page,
                                                                          monkeypatch):
    doc, panel = page.doc, page.stability
    filled: list[int] = []
    fill = panel._fill
    monkeypatch.setattr(panel, "_fill", lambda: (filled.append(1), fill()))
    for value in (6, 7, 8):
        doc.push(SetScoreCommand(doc, "a4", "k3", value, "p2"))
    assert filled == [] and panel.table.rowCount() == 0
    choose_tab(qtbot, page.tabs, "How sure?")
    assert filled == [1]  # once, with the latest scores
    wants = [c for c in doc.case.criteria if c.kind == "want"]
    assert [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())] == \
        [c.name for c in wants]
    doc.push(SetScoreCommand(doc, "a4", "k3", 5, "p2"))  # seen now: filled at once
    assert filled == [1, 1]


def test_the_chart_draws_once_after_the_changes_of_one_turn(qtbot, page, monkeypatch):
    doc, chart = page.doc, page.chart
    choose_tab(qtbot, page.tabs, "Chart")
    qtbot.wait(200)  # the chart drawn as its tab came, then again at its new size
    drawn: list[int] = []
    draw = chart.draw
    monkeypatch.setattr(chart, "draw", lambda: (drawn.append(1), draw()))
    for value in (6, 7, 8):
        doc.push(SetScoreCommand(doc, "a4", "k3", value, "p2"))
    assert drawn == []  # not while the scores are being shown
    qtbot.waitUntil(lambda: drawn == [1])
    _settle(qtbot)
    assert drawn == [1]


def test_marks_are_checked_again_only_for_the_steps_that_read_the_change(qtbot, monkeypatch):
    doc = CaseDocument(load_case(SAMPLE))
    workspace = StepWorkspace(doc)
    qtbot.addWidget(workspace)
    checked: list[int] = []
    missing = StepDefinition.missing
    monkeypatch.setattr(StepDefinition, "missing",
                        lambda step, case: (checked.append(step.number), missing(step, case))[1])
    doc.apply(SetText(("problem", "question"), "Why do orders go wrong"))
    assert checked == [1]
    checked.clear()
    doc.push(SetScoreCommand(doc, "a1", "k3", 3, None))
    assert checked == [5]
    checked.clear()
    doc.apply(SetCriterionWeight("k3", 4))
    assert checked == [3]
    checked.clear()
    doc.apply(SetText(("selection", "rationale"), ""))
    assert checked == [6]
    assert workspace.navigator.missing == missing_by_step(doc.case)  # still right
    assert "Phrase the problem as a question" in " ".join(workspace.navigator.missing[1])


def test_every_step_reads_known_parts_of_the_case():
    for step in STEPS:
        assert step.reads and step.reads <= CHANGE_KINDS
    assert [s.number for s in steps_reading({"scores"})] == [5]
    assert [s.number for s in steps_reading({"title", "timers"})] == []


def test_a_new_idea_shows_the_list_once(qtbot, monkeypatch):
    page = AlternativesPage(CaseDocument(load_case(SAMPLE)))
    qtbot.addWidget(page)
    page.show()
    shown: list[bool] = []
    show = page._show_list
    monkeypatch.setattr(page, "_show_list", lambda texts=True: (shown.append(texts),
                                                                 show(texts)))
    qtbot.keyClicks(page.entry, "Give the night manager a tablet")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert shown == [False]  # once, the other rows' texts left as they were
    assert page.current_alternative().name == "Give the night manager a tablet"
    assert page.list_widget.currentItem().text() == "Give the night manager a tablet"
