"""Steps 1, 2 and 6: every control edits the case through the undo stack, by keys and clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from fishbone.model import Cause
from sample_cases import read_sample
from sixstep.case import Alternative
from sixstep.caseio import dumps_case, loads_case, new_case
from tests.ui.tab_support import choose_tab
from ui.document.document import CaseDocument
from ui.steps.define import DefinePage
from ui.steps.research import ResearchPage, cause_summary
from ui.steps.select import SelectPage

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _test_paths():
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def doc() -> CaseDocument:
    return CaseDocument(new_case())


def _show(qtbot, page: QWidget) -> QWidget:
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def type_in_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Select a cell, type over it as a person would, and press Enter to commit."""
    view = table.view
    view.setFocus()
    view.setCurrentIndex(table.model.index(row, column))
    qtbot.keyClick(view, text[0])
    editor = QApplication.focusWidget()  # the keys go where a person's would: a date editor
    assert editor is not view and view.isAncestorOf(editor)  # takes them, not its line edit
    qtbot.keyClicks(editor, text[1:])
    commit(qtbot, editor)


def commit(qtbot, editor: QLineEdit) -> None:
    """Enter in an item editor; the view commits on its next turn of the event loop."""
    view = editor.parentWidget()
    while not isinstance(view, QAbstractItemView):  # a date editor's line edit is one deeper
        view = view.parentWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def open_editor(view) -> QLineEdit:
    """The line editor an item view opened in place."""
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1, "the view should be editing one item"
    return editors[0]


def undo_all(doc: CaseDocument) -> None:
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()


# -- step 1 -----------------------------------------------------------------------------
def test_question_typing_is_one_undo_step_and_the_hint_follows(qtbot, doc):
    page = _show(qtbot, DefinePage(doc))
    assert page.question_hint.isVisible()
    page.question_field.setFocus()
    qtbot.keyClicks(page.question_field, "How can we serve faster")
    assert page.question_hint.isVisible()
    qtbot.keyClicks(page.question_field, "?")
    assert doc.case.problem.question == "How can we serve faster?"
    assert not page.question_hint.isVisible()
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert page.question_field.toPlainText() == "" and page.question_hint.isVisible()


def test_terms_table_adds_edits_moves_and_removes_rows(qtbot, doc):
    page = _show(qtbot, DefinePage(doc))
    terms = page.terms_table
    type_in_cell(qtbot, terms, 0, 0, "Night shift")
    type_in_cell(qtbot, terms, 0, 1, "22:00 to 06:00")
    type_in_cell(qtbot, terms, 1, 0, "Rush")
    assert [(t.term, t.definition) for t in doc.case.problem.terms] == [
        ("Night shift", "22:00 to 06:00"), ("Rush", "")]
    assert terms.model.rowCount() == 3  # two terms and the empty row for the next one
    terms.view.setCurrentIndex(terms.model.index(1, 0))
    qtbot.keyClick(terms.view, Qt.Key.Key_Up, ALT)
    assert [t.term for t in doc.case.problem.terms] == ["Rush", "Night shift"]
    qtbot.keyClick(terms.view, Qt.Key.Key_Delete)
    assert [t.term for t in doc.case.problem.terms] == ["Night shift"]
    assert terms.model.rowCount() == 2
    undo_all(doc)
    assert doc.case.problem.terms == [] and terms.model.rowCount() == 1


def test_symptom_list_entry_keeps_focus_and_items_reorder(qtbot, doc):
    page = _show(qtbot, DefinePage(doc))
    symptoms = page.symptoms_list
    symptoms.entry.setFocus()
    for text in ("Long wait", "Wrong food", "Walk-out"):
        qtbot.keyClicks(symptoms.entry, text)
        qtbot.keyClick(symptoms.entry, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is symptoms.entry
    assert doc.case.problem.symptoms == ["Long wait", "Wrong food", "Walk-out"]
    view = symptoms.view
    view.setFocus()
    view.setCurrentIndex(symptoms.model.index(2))
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    assert doc.case.problem.symptoms == ["Walk-out", "Long wait", "Wrong food"]
    view.setCurrentIndex(symptoms.model.index(1))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = open_editor(view)
    editor.selectAll()
    qtbot.keyClicks(editor, "A twelve-minute wait")
    commit(qtbot, editor)
    assert doc.case.problem.symptoms[1] == "A twelve-minute wait"
    qtbot.mouseClick(symptoms.remove_button, Qt.MouseButton.LeftButton)
    assert doc.case.problem.symptoms == ["Walk-out", "Wrong food"]
    undo_all(doc)
    assert doc.case.problem.symptoms == [] and symptoms.model.rowCount() == 0


def test_define_page_follows_undo_of_the_seriousness_text(qtbot, doc):
    page = _show(qtbot, DefinePage(doc))
    page.seriousness_field.setFocus()
    qtbot.keyClicks(page.seriousness_field, "Fairly serious")
    qtbot.keyClick(page.seriousness_field, Qt.Key.Key_Z, CTRL)  # no window: the field ignores it
    assert doc.case.problem.seriousness == "Fairly serious"
    doc.undo_stack.undo()
    assert page.seriousness_field.toPlainText() == ""


# -- step 2 -----------------------------------------------------------------------------
def test_research_items_tick_in_step_with_their_list(qtbot, doc):
    page = _show(qtbot, ResearchPage(doc))
    page.tabs.setCurrentIndex(1)
    items = page.to_research_list
    items.entry.setFocus()
    for text in ("Till log", "Training records"):
        qtbot.keyClicks(items.entry, text)
        qtbot.keyClick(items.entry, Qt.Key.Key_Return)
    research = doc.case.research
    assert research.to_research == ["Till log", "Training records"]
    assert research.to_research_done == [False, False]
    items.view.setFocus()
    items.view.setCurrentIndex(items.model.index(1))
    qtbot.keyClick(items.view, Qt.Key.Key_Space)
    assert research.to_research_done == [False, True]
    assert items.model.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    qtbot.keyClick(items.view, Qt.Key.Key_Up, ALT)
    assert research.to_research == ["Training records", "Till log"]
    assert research.to_research_done == [True, False]
    qtbot.keyClick(items.view, Qt.Key.Key_Delete)
    assert research.to_research == ["Till log"] and research.to_research_done == [False]
    undo_all(doc)
    assert research.to_research == [] and research.to_research_done == []


def test_ticks_are_padded_when_a_file_has_fewer_flags_than_items(qtbot, doc):
    doc.case.research.to_research = ["a", "b"]
    page = _show(qtbot, ResearchPage(doc))
    page.to_research_list.model.add("c")
    assert doc.case.research.to_research_done == [False, False, False]
    doc.undo_stack.undo()
    assert doc.case.research.to_research == ["a", "b"]
    assert doc.case.research.to_research_done == []


def test_techniques_checklist_keeps_the_course_order(qtbot, doc):
    page = _show(qtbot, ResearchPage(doc))
    page.tabs.setCurrentIndex(1)
    boxes = page.techniques.boxes
    for key in ("fishbone", "critical_evaluation", "benchmarking"):
        qtbot.mouseClick(boxes[key], Qt.MouseButton.LeftButton)
    assert doc.case.research.techniques == ["critical_evaluation", "benchmarking", "fishbone"]
    qtbot.mouseClick(boxes["benchmarking"], Qt.MouseButton.LeftButton)
    assert doc.case.research.techniques == ["critical_evaluation", "fishbone"]
    doc.undo_stack.undo()
    assert boxes["benchmarking"].isChecked()
    page.set_projector_mode(True)
    assert all(not hint.isVisibleTo(page) for hint in page.techniques.guidance)


def test_efforts_table_and_findings(qtbot, doc):
    page = _show(qtbot, ResearchPage(doc))
    page.tabs.setCurrentIndex(1)
    type_in_cell(qtbot, page.efforts_table, 0, 0, "A sign at the counter")
    type_in_cell(qtbot, page.efforts_table, 0, 1, "Customers ignored it")
    effort = doc.case.research.previous_efforts[0]
    assert (effort.effort, effort.what_stopped_it) == ("A sign at the counter",
                                                       "Customers ignored it")
    page.findings_field.setFocus()
    qtbot.keyClicks(page.findings_field, "Orders change most at night.")
    assert doc.case.research.findings == "Orders change most at night."


def test_cause_summary_follows_the_diagram(qtbot, doc):
    page = _show(qtbot, ResearchPage(doc))
    choose_tab(qtbot, page.tabs, "&Research")
    assert "None" in page.root_label.text()
    diagram = doc.diagram
    diagram.add_cause(Cause("c1", "equipment", None, "Till locks <sent> orders"))
    diagram.set_cause("c1", "status", "confirmed")
    assert "Till locks <sent> orders" in page.confirmed_label.text()
    diagram.set_cause("c1", "root_cause", True)
    assert "Till locks <sent> orders  (Equipment)" in page.root_label.text()
    assert page.root_label.textFormat() == Qt.TextFormat.PlainText
    assert cause_summary(diagram)[1].startswith("None")


# -- step 6 -----------------------------------------------------------------------------
def test_select_page_on_happy_burgers_shows_standings(qtbot):
    doc = CaseDocument(loads_case(read_sample("happy_burgers")))
    page = _show(qtbot, SelectPage(doc))
    notes = [label.text() for label in page.chosen.notes.values()]
    assert any(n.startswith("rank 1") for n in notes)
    chosen = [aid for aid, box in page.chosen.boxes.items() if box.isChecked()]
    assert sorted(chosen) == sorted(doc.case.selection.chosen)


def test_choose_write_plan_and_review_then_undo_to_blank(qtbot, doc):
    doc.case.alternatives = [Alternative("a1", "Read the order back"),
                             Alternative("a2", "Edit sent orders")]
    blank = dumps_case(doc.case)
    page = _show(qtbot, SelectPage(doc))
    assert set(page.chosen.boxes) == {"a1", "a2"}
    box = page.chosen.boxes["a2"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert doc.case.selection.chosen == ["a2"]
    page.rationale_field.setFocus()
    qtbot.keyClicks(page.rationale_field, "Removes a root cause")
    table = page.actions_table
    for column, text in enumerate(("Ask the supplier", "Lindiwe", "2026-12-15",
                                   "Edits take 20 s", "2027-01-05")):
        type_in_cell(qtbot, table, 0, column, text)
    action = doc.case.selection.actions[0]
    assert (action.action, action.owner, action.due, action.success_measure,
            action.follow_up) == ("Ask the supplier", "Lindiwe", "2026-12-15",
                                  "Edits take 20 s", "2027-01-05")
    review = page.review_fields["what_next"]
    review.setFocus()
    qtbot.keyClicks(review, "Start sooner")
    assert doc.case.selection.review.what_next == "Start sooner"
    undo_all(doc)
    assert dumps_case(doc.case) == blank
    assert not box.isChecked() and table.model.rowCount() == 1


def test_a_chosen_alternative_that_was_eliminated_stays_visible(qtbot, doc):
    doc.case.alternatives = [Alternative("a1", "Gone", status="eliminated")]
    doc.case.selection.chosen = ["a1"]
    page = _show(qtbot, SelectPage(doc))
    assert page.chosen.boxes["a1"].isChecked()
    assert page.chosen.notes["a1"].text() == "eliminated"


def test_alt_letters_reach_the_fields_of_step_one(qtbot, doc):
    page = _show(qtbot, DefinePage(doc))
    for key, target in ((Qt.Key.Key_Q, page.question_field),
                        (Qt.Key.Key_K, page.terms_table.view),
                        (Qt.Key.Key_Y, page.symptoms_list.entry),
                        (Qt.Key.Key_A, page.effects_list.entry),
                        (Qt.Key.Key_T, page.title_field)):
        qtbot.keyClick(QApplication.focusWidget() or page, key, ALT)
        assert QApplication.focusWidget() is target
