"""Step 5's scoring setup as a facilitator uses it: the scale, who scores, one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QWidget,
)

from sixstep.case import Alternative, Case, Criterion, Participant, Score
from sixstep.caseio import dumps_case, loads_case
from ui.app.main_window import MainWindow
from ui.common.theme import PROJECTOR_PT
from ui.document.document import CaseDocument
from ui.document.scoring_commands import ChangeScoringSetupCommand, new_participant_id
from ui.scoring.matrix import FIRST_CRITERION, OWN_ROLE
from ui.scoring.page import EvaluatePage
from ui.scoring.setup_dialog import ScoringSetupDialog

CHEAP = FIRST_CRITERION + 1  # the matrix column of "Cheap" (k2)
RANK, PERCENT = 1, 2
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _case(people: bool = False) -> Case:
    case = Case()
    case.criteria = [Criterion("k1", "Legal", "must"), Criterion("k2", "Cheap", "want", 2),
                     Criterion("k3", "Fast", "want", 1)]
    case.alternatives = [Alternative("a1", "Read back"), Alternative("a2", "Train")]
    case.scores = [Score("a1", "k1", True), Score("a1", "k2", 8), Score("a2", "k2", 3),
                   Score("a2", "k3", 0.5 + 1)]
    if people:
        case.participants = [Participant("p1", "Ann"), Participant("p2", "Ben")]
        case.scores += [Score("a1", "k2", 9, "p1"), Score("a2", "k2", 6, "p1"),
                        Score("a1", "k1", False, "p1"), Score("a1", "k3", 7, "p2")]
    return case


def _page(qtbot, case: Case) -> EvaluatePage:
    page = EvaluatePage(CaseDocument(case))
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    _activate(qtbot, page)
    return page


def _activate(qtbot, window: QWidget) -> None:
    """Keys go to the active window, as when a person clicks into it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _open(qtbot, page: EvaluatePage) -> ScoringSetupDialog:
    qtbot.mouseClick(page.setup_button, LEFT)
    dialog = page.setup_dialog
    assert dialog is not None and dialog.isVisible()
    _activate(qtbot, dialog)
    return dialog


def _set_number(qtbot, box: QAbstractSpinBox, text: str) -> None:
    """Select what the box holds and type over it."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(box, text)


def _add(qtbot, dialog: ScoringSetupDialog, name: str) -> None:
    qtbot.keyClicks(dialog.entry, name)
    qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)


def _names(dialog: ScoringSetupDialog) -> list[str]:
    return [dialog.list_widget.item(i).text() for i in range(dialog.list_widget.count())]


def _type_cell(qtbot, page: EvaluatePage, row: int, column: int, text: str,
               refused: bool = False) -> None:
    """Type into a matrix cell and press Enter, as a facilitator would (a refused value stays
    in the editor with its reason; Escape then leaves it)."""
    view = page.matrix
    if QApplication.activeWindow() is not view.window():  # the dialog has just closed
        _activate(qtbot, view.window())
    view.setFocus()
    view.setCurrentIndex(page.model.index(row, column))
    qtbot.keyClicks(view, text[0])
    editor = QApplication.focusWidget()
    if editor is None or editor is view:  # offscreen: find the open editor by its cell
        editor = view.indexWidget(view.currentIndex())
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    if refused:
        qtbot.waitUntil(lambda: view.refusal_text() != "")
        assert view.state() == QAbstractItemView.State.EditingState
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    _until_edited(qtbot, view)


def _until_edited(qtbot, view: QAbstractItemView) -> None:
    """An item editor hands its text over just after Enter, as a person pauses."""
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def _shown(page: EvaluatePage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def _cells(case: Case) -> set[tuple]:
    return {(s.alternative, s.criterion, s.participant, s.value) for s in case.scores}


# -- the scale ----------------------------------------------------------------------------------

def test_a_smaller_scale_is_refused_until_the_scores_outside_it_are_moved_in(qtbot):
    page = _page(qtbot, _case())
    dialog = _open(qtbot, page)
    assert "from 1 to 10" in dialog.scale_label.text()
    assert not dialog.clamp_box.isVisible()
    _set_number(qtbot, dialog.max_box, "5")
    assert "1 score typed so far lies outside 1 to 5" in dialog.scale_label.text()
    assert dialog.clamp_box.isVisible() and not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.max_box, Qt.Key.Key_Return)  # refused: nothing happens
    assert dialog.isVisible() and page.doc.case.score_scale.max == 10
    assert page.doc.undo_stack.count() == 0
    qtbot.mouseClick(dialog.clamp_box, LEFT)
    assert dialog.ok_button.isEnabled()
    assert "1 score moves to the nearest end" in dialog.summary_label.text()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    case = page.doc.case
    assert (case.score_scale.min, case.score_scale.max) == (1, 5)
    assert ("a1", "k2", None, 5) in _cells(case) and ("a2", "k2", None, 3) in _cells(case)
    assert _shown(page, 0, CHEAP) == "5"
    assert "1\u20135" in page.legend_label.text()
    assert page.doc.undo_stack.count() == 1
    assert page.doc.undo_stack.undoText() == "Change scoring setup"
    _type_cell(qtbot, page, 1, CHEAP, "7", refused=True)  # the matrix holds the new scale too
    assert "Scores run from 1 to 5" in page.message_label.text()
    assert ("a2", "k2", None, 3) in _cells(case)


def test_a_wider_scale_needs_no_clamping_and_the_matrix_takes_it(qtbot):
    case = _case()
    case.scores.append(Score("a1", "k3", 6))  # "Read back" is fully scored: 2*8 + 6 = 22
    page = _page(qtbot, case)
    assert (_shown(page, 0, RANK), _shown(page, 0, PERCENT)) == ("1", "73%")  # of 3 * 10
    dialog = _open(qtbot, page)
    _set_number(qtbot, dialog.min_box, "0")
    _set_number(qtbot, dialog.max_box, "100")
    assert dialog.ok_button.isEnabled() and not dialog.clamp_box.isVisible()
    qtbot.keyClick(dialog.max_box, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert (page.doc.case.score_scale.min, page.doc.case.score_scale.max) == (0, 100)
    assert (_shown(page, 0, RANK), _shown(page, 0, PERCENT)) == ("1", "7%")  # of 3 * 100
    _type_cell(qtbot, page, 1, CHEAP, "75")
    assert ("a2", "k2", None, 75) in _cells(page.doc.case)


def test_the_highest_score_must_be_above_the_lowest(qtbot):
    page = _page(qtbot, _case())
    dialog = _open(qtbot, page)
    _set_number(qtbot, dialog.min_box, "10")
    assert "must be above the lowest" in dialog.scale_label.text()
    assert not dialog.ok_button.isEnabled()
    with pytest.raises(ValueError, match="above the lowest"):
        ChangeScoringSetupCommand(page.doc, 10, 10, [])


# -- participants -------------------------------------------------------------------------------

def test_add_two_participants_then_score_for_one_through_the_picker_and_the_matrix(qtbot):
    page = _page(qtbot, _case())
    assert not page.participant_bar.isVisible()
    dialog = _open(qtbot, page)
    _add(qtbot, dialog, "Ann")
    _add(qtbot, dialog, "Ben")
    assert dialog.isVisible() and QApplication.focusWidget() is dialog.entry
    assert _names(dialog) == ["Ann", "Ben"] and dialog.entry.text() == ""
    assert "Joining: \u201cAnn\u201d, \u201cBen\u201d." in dialog.summary_label.text()
    qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)  # an empty line: Enter is OK
    assert not dialog.isVisible()
    case = page.doc.case
    assert [(p.id, p.name) for p in case.participants] == [("p1", "Ann"), ("p2", "Ben")]
    assert page.doc.undo_stack.count() == 1
    combo = page.participant_combo
    assert page.participant_bar.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Group", "Ann", "Ben"]
    own = page.model.index(0, CHEAP).data  # (the group's value is shown first)
    assert (_shown(page, 0, CHEAP), own(OWN_ROLE)) == ("8", None)  # the group's own 8
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Ann
    assert combo.currentText() == "Ann"
    _type_cell(qtbot, page, 0, CHEAP, "4")
    assert ("a1", "k2", "p1", 4) in _cells(case)
    assert (_shown(page, 0, CHEAP), own(OWN_ROLE)) == ("6", "Ann: 4")  # mean of 8 and 4
    combo.setCurrentIndex(2)  # Ben has scored nothing yet
    assert (_shown(page, 0, CHEAP), own(OWN_ROLE)) == ("6", "Ben: \u2013")


def test_rename_in_place_and_reorder_by_keyboard(qtbot):
    page = _page(qtbot, _case(people=True))
    dialog = _open(qtbot, page)
    view = dialog.list_widget
    view.setFocus()
    view.setCurrentRow(1)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not dialog.entry
    editor.selectAll()
    qtbot.keyClicks(editor, "Benedict <i>")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # ends the rename, not the dialog
    _until_edited(qtbot, view)
    assert dialog.isVisible() and _names(dialog) == ["Ann", "Benedict <i>"]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    assert _names(dialog) == ["Benedict <i>", "Ann"]
    summary = dialog.summary_label.text()
    assert "\u201cBen\u201d is renamed \u201cBenedict <i>\u201d." in summary
    assert "new order" in summary
    qtbot.mouseClick(dialog.ok_button, LEFT)
    case = page.doc.case
    assert [(p.id, p.name) for p in case.participants] == [("p2", "Benedict <i>"),
                                                           ("p1", "Ann")]
    combo = page.participant_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Group", "Benedict <i>", "Ann"]


def test_a_dragged_participant_takes_its_new_place(qtbot):
    page = _page(qtbot, _case(people=True))
    dialog = _open(qtbot, page)
    model = dialog.list_widget.model()
    assert model.moveRow(QModelIndex(), 1, QModelIndex(), 0)  # what a drag and drop does
    assert _names(dialog) == ["Ben", "Ann"]
    assert "new order" in dialog.summary_label.text()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert [p.id for p in page.doc.case.participants] == ["p2", "p1"]


def test_a_blank_or_repeated_name_is_not_taken(qtbot):
    page = _page(qtbot, _case(people=True))
    dialog = _open(qtbot, page)
    _add(qtbot, dialog, "ann")
    assert _names(dialog) == ["Ann", "Ben"]
    assert "on the list already" in dialog.summary_label.text()
    dialog.entry.clear()
    dialog.list_widget.setCurrentRow(0)
    dialog.list_widget.currentItem().setText("   ")  # a rename to nothing
    assert _names(dialog) == ["Ann", "Ben"]
    assert "needs a name" in dialog.summary_label.text()


def test_removing_a_participant_with_scores_says_how_many_go_with_them(qtbot):
    page = _page(qtbot, _case(people=True))
    case = page.doc.case
    dialog = _open(qtbot, page)
    view = dialog.list_widget
    view.setFocus()
    view.setCurrentRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _names(dialog) == ["Ben"]
    assert "\u201cAnn\u201d leaves, and their 3 scores go too." in dialog.summary_label.text()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert [p.id for p in case.participants] == ["p2"]
    assert not [s for s in case.scores if s.participant == "p1"]
    assert ("a1", "k3", "p2", 7) in _cells(case) and ("a1", "k2", None, 8) in _cells(case)
    combo = page.participant_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Group", "Ben"]


def test_cancel_changes_nothing(qtbot):
    page = _page(qtbot, _case(people=True))
    before = dumps_case(page.doc.case)
    dialog = _open(qtbot, page)
    _set_number(qtbot, dialog.max_box, "5")
    _add(qtbot, dialog, "Cleo")
    dialog.list_widget.setCurrentRow(0)
    dialog.remove_current()
    qtbot.keyClick(dialog.entry, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dumps_case(page.doc.case) == before and page.doc.undo_stack.count() == 0


def test_ok_with_nothing_changed_adds_no_undo_step(qtbot):
    page = _page(qtbot, _case(people=True))
    dialog = _open(qtbot, page)
    assert dialog.summary_label.text() == "Nothing changes yet."
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert page.doc.undo_stack.count() == 0


# -- one undo step, and the file ----------------------------------------------------------------

def _everything(qtbot, page: EvaluatePage) -> None:
    """Narrow the scale (moving scores in), remove Ann, rename Ben, add two people."""
    dialog = _open(qtbot, page)
    _set_number(qtbot, dialog.min_box, "2")
    _set_number(qtbot, dialog.max_box, "8")
    qtbot.mouseClick(dialog.clamp_box, LEFT)
    dialog.list_widget.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, LEFT)
    dialog.list_widget.currentItem().setText("Benjamin")
    _add(qtbot, dialog, "Cleo")
    _add(qtbot, dialog, "Dev & Co")
    qtbot.mouseClick(dialog.ok_button, LEFT)


def test_undo_restores_scale_participants_and_scores_exactly(qtbot):
    page = _page(qtbot, _case(people=True))
    case = page.doc.case
    before = dumps_case(case)
    people, scores = list(case.participants), list(case.scores)
    _everything(qtbot, page)
    after = dumps_case(case)
    assert (case.score_scale.min, case.score_scale.max) == (2, 8)
    assert [(p.id, p.name) for p in case.participants] == [
        ("p2", "Benjamin"), ("p3", "Cleo"), ("p4", "Dev & Co")]
    assert ("a1", "k2", None, 8) in _cells(case) and ("a2", "k3", None, 2) in _cells(case)
    assert page.doc.undo_stack.count() == 1
    page.doc.undo_stack.undo()
    assert dumps_case(case) == before
    assert case.participants == people and all(a is b for a, b in zip(case.participants,
                                                                       people, strict=True))
    assert case.scores == scores and page.participant_combo.count() == 3
    assert "1\u201310" in page.legend_label.text()
    page.doc.undo_stack.redo()
    assert dumps_case(case) == after
    assert page.participant_combo.itemText(3) == "Dev & Co"


def test_the_saved_case_reopens_with_its_scale_and_participants(qtbot):
    page = _page(qtbot, _case(people=True))
    _everything(qtbot, page)
    data = dumps_case(page.doc.case)
    reopened = loads_case(data)
    assert (reopened.score_scale.min, reopened.score_scale.max) == (2, 8)
    assert [(p.id, p.name) for p in reopened.participants] == [
        (p.id, p.name) for p in page.doc.case.participants]
    assert _cells(reopened) == _cells(page.doc.case)
    assert dumps_case(reopened) == data


def test_new_participants_never_take_an_id_already_on_a_score():
    case = _case()
    case.scores.append(Score("a2", "k3", 4, "p1"))  # a file may hold scores of nobody listed
    assert new_participant_id(case) == "p2"
    assert new_participant_id(case, ["p2", "p7"]) == "p8"


def test_the_command_refuses_scores_outside_the_scale_unless_told_to_clamp():
    doc = CaseDocument(_case())
    with pytest.raises(ValueError, match="1 scores lie outside 1 to 5"):
        ChangeScoringSetupCommand(doc, 1, 5, [])
    command = ChangeScoringSetupCommand(doc, 1, 5, [], clamp=True)
    doc.push(command)
    assert ("a1", "k2", None, 5) in _cells(doc.case)


# -- in the window ------------------------------------------------------------------------------

@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window(blank=True)


def test_alt_s_opens_it_on_step_5_and_every_control_has_a_name(window, qtbot):
    window.show_step(5)
    page = window.workspace.page(5)
    qtbot.keyClick(window, Qt.Key.Key_S, ALT)  # the button's mnemonic: a click shortly after
    qtbot.waitUntil(lambda: page.setup_dialog is not None)
    dialog = page.setup_dialog
    assert dialog.isVisible()
    _activate(qtbot, dialog)
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QAbstractSpinBox)
    unnamed = [type(w).__name__ for w in dialog.findChildren(QWidget)
               if isinstance(w, kinds) and not w.accessibleName()
               and "qt_" not in w.objectName() and w.isVisibleTo(dialog)
               and not isinstance(w.parentWidget(), QAbstractSpinBox)]
    assert unnamed == []
    _add(qtbot, dialog, "Ann")
    qtbot.keyClick(dialog.entry, Qt.Key.Key_Return)
    assert [p.name for p in window.doc.case.participants] == ["Ann"]
    assert window.undo_action.text().endswith("Change scoring setup")


def test_kept_in_projector_mode_and_the_dialog_takes_the_big_font(window, qtbot):
    window.show_step(5)
    page = window.workspace.page(5)
    assert page.setup_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.projector_mode and page.setup_button.isVisible()  # it changes the case
    page.open_setup_dialog()
    dialog = page.setup_dialog
    small = [(type(w).__name__, w.font().pointSizeF()) for w in dialog.findChildren(QWidget)
             if w.isVisibleTo(dialog) and 0 < w.font().pointSizeF() < PROJECTOR_PT]
    assert small == []
    dialog.reject()
