"""Widgets bound to a path of the case follow the changes that name it, and only those; text a
rule refuses changes nothing; a step page takes a change by kind or by section, never twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

import ui.steps.select
from fishbone.changes import Change
from sixstep.case import Alternative, Case
from sixstep.caseio import dumps_case, new_case
from sixstep.edits.fields import InsertItem, SetText
from sixstep.rules import MAX_TEXT
from ui.criteria.not_addressed import NotAddressedEditor
from ui.document.document import CaseDocument
from ui.steps.define import DefinePage
from ui.steps.select import SelectPage
from ui.widgets.fields import TextField
from ui.widgets.step_page import StepPage


@pytest.fixture
def doc() -> CaseDocument:
    return CaseDocument(new_case())


def counting(widget: QWidget, name: str = "refresh") -> list[int]:
    """Count calls of ``widget.<name>`` (still calling it)."""
    calls: list[int] = []
    original = getattr(widget, name)

    def spy(*args: object) -> None:
        calls.append(1)
        original(*args)

    setattr(widget, name, spy)
    return calls


def test_a_field_refreshes_for_its_own_path_only(qtbot, doc):
    page = DefinePage(doc)
    qtbot.addWidget(page)
    calls = counting(page.question_field)
    doc.apply(SetText(("problem", "seriousness"), "Very"))
    doc.apply(InsertItem(("problem", "symptoms"), "Slow"))
    doc.apply(SetText(("title",), "Burgers"))
    assert calls == []
    assert page.title_field.text() == "Burgers"
    doc.apply(SetText(("problem", "question"), "Why?"))
    assert calls == [1] and page.question_field.toPlainText() == "Why?"
    assert not page.question_hint.isVisibleTo(page)


def test_text_a_rule_refuses_changes_nothing_and_the_field_shows_the_case(qtbot, doc):
    page = DefinePage(doc)
    qtbot.addWidget(page)
    doc.apply(SetText(("problem", "question"), "How?"))
    before = dumps_case(doc.case)
    page.question_field.insertPlainText("x" * (MAX_TEXT + 1))
    assert dumps_case(doc.case) == before and doc.undo_stack.count() == 1
    assert page.question_field.toPlainText() == "How?"
    model = page.symptoms_list.model
    assert not model.add("y" * (MAX_TEXT + 1))  # a line edit stops short of this; a paste
    assert model.add("Slow")                    # into a list item's editor may not
    assert model.setData(model.index(0), "z" * (MAX_TEXT + 1))
    assert doc.case.problem.symptoms == ["Slow"] and doc.undo_stack.count() == 2
    assert model.index(0).data() == "Slow"


def test_the_not_addressed_list_follows_undo_on_its_own(qtbot, doc):
    editor = NotAddressedEditor(doc)
    qtbot.addWidget(editor)
    editor.entry.setText("Parking")
    qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    assert doc.case.not_addressed == ["Parking"] and editor.list_widget.count() == 1
    doc.undo_stack.undo()
    assert editor.list_widget.count() == 0
    doc.replace(Case(not_addressed=["Noise", "Rent"]), None)
    assert editor.list_widget.count() == 2


class _Page(StepPage):
    kinds = frozenset({"selection", "alternative_added"})

    def __init__(self, doc: CaseDocument) -> None:
        super().__init__(doc)
        self.took: list[Change] = []
        self.refreshed: list[str] = []

    def on_change(self, change: Change) -> None:
        self.took.append(change)

    def refresh(self) -> None:
        self.refreshed.append("all")


def test_a_page_takes_each_change_of_its_kinds_once_and_refreshes_when_replaced(qtbot, doc):
    page = _Page(doc)
    qtbot.addWidget(page)
    doc.apply(SetText(("selection", "rationale"), "Cheapest"))
    assert [c.ids for c in page.took] == [("selection.rationale",)] and page.refreshed == []
    doc.apply(SetText(("problem", "question"), "How?"))  # not one of its kinds
    doc.case.changes.emit(Change("alternative_added", ("a9",)))
    assert [c.kind for c in page.took] == ["selection", "alternative_added"]
    assert page.refreshed == []
    doc.replace(new_case(), None)
    assert page.refreshed == ["all"] and len(page.took) == 2


def test_the_chosen_list_scores_again_only_when_a_standing_may_move(qtbot, doc, monkeypatch):
    doc.case.alternatives = [Alternative("a1", "Read back"), Alternative("a2", "Train")]
    page = SelectPage(doc)
    qtbot.addWidget(page)
    scored: list[int] = []
    standings = ui.steps.select.standings
    monkeypatch.setattr(ui.steps.select, "standings",
                        lambda case: scored.append(1) or standings(case))
    boxes = dict(page.chosen.boxes)
    doc.apply(SetText(("selection", "rationale"), "Cheapest"))
    doc.apply(InsertItem(("selection", "chosen"), "a2"))
    doc.case.changes.emit(Change("alternative_changed", ("a1",), "strengths"))
    assert scored == [] and page.chosen.boxes == boxes and boxes["a2"].isChecked()
    doc.case.alternatives[0].name = "Read it back"
    doc.case.changes.emit(Change("alternative_changed", ("a1",), "name"))
    assert scored == [1] and page.chosen.boxes["a1"].text() == "Read it back"
    doc.case.changes.emit(Change("scores", ("a1",)))
    assert scored == [1, 1]


def test_a_text_field_grows_to_its_text_when_shown_and_after_typing(qtbot, doc):
    doc.apply(SetText(("problem", "question"), "A long question. " * 40))
    field = TextField(doc, ("problem", "question"), "Question", lines=2, max_lines=8)
    qtbot.addWidget(field)
    field.resize(400, field.height())
    line = field.fontMetrics().lineSpacing()
    field.show()  # measured once shown, at its real width
    qtbot.waitExposed(field)
    tall = field.height()
    assert tall >= 7 * line  # near the most lines it may take
    field.selectAll()
    qtbot.keyClicks(field, "Short?")
    assert doc.case.problem.question == "Short?"
    assert field.height() < tall  # back to the fewest lines
