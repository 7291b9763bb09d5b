"""Step 2's summary and dot picker redo their work only when a change can alter what they
show: typing new causes into a big diagram rescans and rebuilds neither."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import ui.steps.research as research
from fishbone.model import Cause
from sixstep.case import Participant
from sixstep.caseio import new_case
from tests.ui.tab_support import choose_tab
from ui.document.document import CaseDocument
from ui.steps.research import ResearchPage


@pytest.fixture
def page(qtbot) -> ResearchPage:
    case = new_case()
    d = case.fishbone
    heading = d.categories[0].id
    d.add_cause(Cause("c1", heading, None, "Orders are shouted across the kitchen"))
    d.cause("c1").status = "confirmed"
    case.participants.append(Participant("p1", "Ana"))
    page = ResearchPage(CaseDocument(case))
    page.refresh()
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def add_by_capture(qtbot, page: ResearchPage, text: str) -> None:
    capture = page.fishbone.capture
    capture.setFocus()
    qtbot.keyClicks(capture, text)
    qtbot.keyClick(capture, Qt.Key.Key_Return)


def test_a_new_possible_cause_leaves_the_summary_and_the_picker_alone(qtbot, page, monkeypatch):
    calls = []
    real = research.cause_summary
    monkeypatch.setattr(research, "cause_summary", lambda d: calls.append(1) or real(d))
    rebuilt = []
    page.picker.combo.model().rowsRemoved.connect(lambda *a: rebuilt.append(1))
    count = len(page.doc.diagram.causes)
    add_by_capture(qtbot, page, "People: nobody reads the rota")
    assert len(page.doc.diagram.causes) == count + 1
    assert calls == [] and rebuilt == []
    assert "Orders are shouted" in page.confirmed_label.text()


def test_removing_a_listed_cause_updates_the_summary_when_its_tab_is_chosen(qtbot, page):
    view = page.fishbone.view
    view.select(("cause", "c1"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not page.doc.diagram.has_cause("c1")
    assert "Orders are shouted" in page.confirmed_label.text()  # unseen: not yet redone
    choose_tab(qtbot, page.tabs, "&Research")
    assert "Orders are shouted" not in page.confirmed_label.text()
    page.doc.undo_stack.undo()  # while the summary is in front: at once
    assert "Orders are shouted" in page.confirmed_label.text()


def test_a_new_participant_rebuilds_the_picker(qtbot, page):
    combo = page.picker.combo
    assert combo.count() == 2
    page.doc.case.participants.append(Participant("p2", "Ben"))
    page.picker.refresh()
    QApplication.processEvents()
    assert combo.count() == 3 and combo.itemText(2).startswith("Ben")
