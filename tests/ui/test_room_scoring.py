"""Step 5 with a room of participants, as a facilitator uses it: the group's value first,
contested cells marked (and nowhere else), a view by person, mean against median in words,
and blind scoring hidden until one undoable reveal."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from sixstep import result_text
from sixstep.case import Alternative, Case, Criterion, Participant, Score
from ui.document.document import CaseDocument
from ui.scoring.cell_delegate import mark_colour
from ui.scoring.matrix import CONTESTED_ROLE, FIRST_CRITERION, OWN_ROLE
from ui.scoring.page import EvaluatePage

from .room_scoring_support import SPLIT, burgers_with_four
from .tab_support import choose_tab

CTRL = Qt.KeyboardModifier.ControlModifier


def _page(qtbot, case: Case) -> EvaluatePage:
    page = EvaluatePage(CaseDocument(case))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activateWindow()  # the page's keys need an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def _criterion_cells(page: EvaluatePage):
    model = page.model
    for row, alternative in enumerate(model.rows):
        for offset, criterion in enumerate(model.columns):
            yield alternative.id, criterion.id, model.index(row, FIRST_CRITERION + offset)


def _summary_cells(page: EvaluatePage):
    model = page.model
    return [model.index(row, column) for row in range(model.rowCount())
            for column in range(1, FIRST_CRITERION)]


def _near(colour: QColor, other: QColor) -> bool:
    return all(abs(a - b) <= 40 for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3],
                                                strict=True))


def _framed(page: EvaluatePage, index) -> bool:
    """Whether the cell is drawn with the contested frame (looked at on the screen)."""
    view = page.matrix
    view.scrollTo(index)
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    mark = mark_colour(view.palette())
    return _near(image.pixelColor(rect.left() + 2, rect.center().y()), mark) and _near(
        image.pixelColor(rect.center().x(), rect.bottom() - 2), mark)


# -- contested cells ----------------------------------------------------------------------------

def test_happy_burgers_marks_its_three_split_cells_and_no_other(qtbot):
    page = _page(qtbot, burgers_with_four())
    marked = set()
    for alternative, criterion, index in _criterion_cells(page):
        if index.data(CONTESTED_ROLE) is not None:
            marked.add((alternative, criterion))
            assert "contested" in index.data(Qt.ItemDataRole.AccessibleTextRole)
        assert re.fullmatch(r"\d+(\.\d+)?|\u2713 pass|\u2717 fail", index.data())
    assert marked == set(SPLIT)
    index = page.model.index_of("a1", "k4")  # scored 2, 9, 3 and 9
    assert index.data() == "5.75"  # the group's value first, alone
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Contested" in tip and "spread 0.73" in tip
    assert "Thandi 2, Ravi 9, Mia 3, Jo 9" in tip and "The group's mean: 5.75" in tip
    assert _framed(page, index)
    assert not _framed(page, page.model.index_of("a1", "k3"))


def test_a_spread_of_exactly_point_three_is_contested_and_just_under_is_not(qtbot):
    case = Case()
    case.criteria = [Criterion("k1", "Fast", "want", 1), Criterion("k2", "Cheap", "want", 1)]
    case.alternatives = [Alternative("a1", "Alpha"), Alternative("a2", "Beta")]
    case.participants = [Participant("p1", "Ann"), Participant("p2", "Ben")]
    case.scores = [Score("a1", "k1", 4.4, "p1"), Score("a1", "k1", 7.1, "p2"),
                   Score("a1", "k2", 4.4, "p1"), Score("a1", "k2", 7.09, "p2"),
                   Score("a2", "k1", 6, "p1"), Score("a2", "k2", 9, None)]
    page = _page(qtbot, case)
    flagged = {(a, k) for a, k, index in _criterion_cells(page)
               if index.data(CONTESTED_ROLE) is not None}
    assert flagged == {("a1", "k1")}
    assert page.model.index_of("a1", "k1").data(CONTESTED_ROLE) == 0.3
    assert "\u00b1\u00a0\u00a0contested" in page.legend_label.text()


# -- the view by person -----------------------------------------------------------------------

def _table_text(page: EvaluatePage) -> list[list[str]]:
    table = page.room.by_person.table
    return [[table.item(r, c).text() for c in range(1, table.columnCount())]
            for r in range(table.rowCount())]  # (column 0 names the row)


def test_clicking_a_criterion_heading_shows_who_differs_on_it(qtbot):
    page = _page(qtbot, burgers_with_four())
    header = page.matrix.horizontalHeader()
    column = FIRST_CRITERION + 2  # "Customer gets the food they last asked for"
    point = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, 10)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    panel = page.room.by_person
    assert page.tabs.currentWidget() is page.room.by_person_tab
    assert (panel.mode, panel.subject) == ("criterion", "k3")
    table = panel.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "", "Group", "Thandi", "Ravi", "Mia", "Jo"]
    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    hold = rows.index("Hold kitchen tickets 30 seconds before cooking")
    assert _table_text(page)[hold] == ["6", "10 \u2191", "3 \u2193", "9 \u2191", "2 \u2193"]
    calm = rows.index("Read the order back before sending it")  # 8, 9, 7, 8: nobody far off
    assert not any(mark in text for text in _table_text(page)[calm]
                   for mark in result_text.DIFFERS_MARKS)
    assert panel.summary_label.text() == (  # one point above the group on every row
        "Ravi differs most from the group: 1.4 points away on average.")


def test_ctrl_d_shows_the_current_alternative_by_person(qtbot):
    page = _page(qtbot, burgers_with_four())
    page.matrix.setFocus()
    page.matrix.setCurrentIndex(page.model.index_of("a5", "k5"))
    qtbot.keyClick(page.matrix, Qt.Key.Key_D, CTRL)
    panel = page.room.by_person
    assert (panel.mode, panel.subject) == ("alternative", "a5")
    assert page.tabs.currentWidget() is page.room.by_person_tab
    assert "Night training" in panel.title_label.text()
    texts = _table_text(page)
    assert texts[2] == ["4.5", "1 \u2193", "8 \u2191", "2 \u2193", "7 \u2191"]  # Less food thrown
    page.matrix.setCurrentIndex(page.model.index_of("a1", "k5"))  # it follows the cursor
    assert panel.subject == "a1"
    qtbot.keyClick(page.matrix, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert (panel.mode, panel.subject) == ("criterion", "k5")


# -- mean or median -----------------------------------------------------------------------------

def _leader_case(split: tuple[float, float, float]) -> Case:
    case = Case()
    case.criteria = [Criterion("k1", "Fast", "want", 1)]
    case.alternatives = [Alternative("a1", "Alpha"), Alternative("a2", "Beta")]
    case.participants = [Participant(f"p{i}", n) for i, n in enumerate("ABC", start=1)]
    case.scores = [Score("a1", "k1", v, f"p{i}") for i, v in enumerate(split, start=1)]
    case.scores += [Score("a2", "k1", 8, f"p{i}") for i in (1, 2, 3)]
    return case


def test_switching_to_the_median_says_the_leader_changes(qtbot):
    page = _page(qtbot, _leader_case((1, 9, 9)))  # Alpha: mean 6.33, median 9; Beta: 8
    note = page.room.note_label
    assert not note.isVisible()  # nothing to say before the facilitator switches
    assert page.model.rank_text("a2") == "1"
    combo = page.aggregate_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "median" and page.model.rank_text("a1") == "1"
    assert note.isVisible()
    assert note.text() == "With the median, \u201cAlpha\u201d leads instead of \u201cBeta\u201d."
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # back to the mean: the sentence stays true
    assert note.text().startswith("With the median, \u201cAlpha\u201d leads")


def test_switching_to_the_median_says_when_the_leader_stays(qtbot):
    page = _page(qtbot, _leader_case((9, 9, 10)))
    page.aggregate_combo.setCurrentIndex(1)
    assert page.room.note_label.text() == \
        "The leader is the same with the median (\u201cAlpha\u201d)."


# -- blind scoring --------------------------------------------------------------------------------

def _shows_no_score(qtbot, page: EvaluatePage) -> None:  # noqa: ANN001
    for _, _, index in _criterion_cells(page):
        assert re.fullmatch(r"\d/4", index.data()), index.data()
        assert index.data(CONTESTED_ROLE) is None
        assert index.data(Qt.ItemDataRole.EditRole) == ""
        assert "Hidden" in index.data(Qt.ItemDataRole.ToolTipRole)
    for index in _summary_cells(page):
        assert index.data() == result_text.HIDDEN
    for criterion in page.model.columns:
        assert "lead" not in page.model.criterion_header(criterion)
    assert not page.fragile_label.isVisible()
    tab = page.tabs.currentIndex()
    choose_tab(qtbot, page.tabs, "How sure?")  # filled in when it is seen
    assert not page.stability.table.isVisible()
    assert "hidden" in page.stability.summary_label.text()
    page.tabs.setCurrentWidget(page.chart)  # the chart draws when it is seen
    assert "hidden" in page.chart.note_label.text()
    assert page.chart.canvas is None or not page.chart.canvas.isVisible()
    page.tabs.setCurrentIndex(tab)


def _cells_shown(page: EvaluatePage) -> list[str]:
    return [index.data() for _, _, index in _criterion_cells(page)]


def test_blind_scoring_hides_every_value_until_one_reveal_and_undo_hides_them_again(qtbot):
    case = burgers_with_four()
    case.scores = [s for s in case.scores
                   if (s.alternative, s.criterion, s.participant) != ("a2", "k4", "p4")]
    page = _page(qtbot, case)
    shown = _cells_shown(page)
    stack = page.doc.undo_stack
    page.matrix.setFocus()
    qtbot.keyClick(page.matrix, Qt.Key.Key_B, CTRL)  # the facilitator turns blind on
    assert case.blind.hides and page.room.blind_button.isChecked()
    _shows_no_score(qtbot, page)
    cell = page.model.index_of("a2", "k4")
    assert cell.data() == "3/4"
    assert "Still to score: Jo." in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert page.room.note_label.isVisible()
    assert "Jo\u00a019/30" in page.room.note_label.text()
    assert page.room.reveal_button.isVisible()
    # Jo scores the missing cell while blind: accepted, hidden, confirmed
    page.participant_combo.setCurrentIndex(page.participant_combo.findData("p4"))
    page.matrix.setFocus()
    page.matrix.setCurrentIndex(cell)
    qtbot.keyClicks(page.matrix, "7")
    editor = QApplication.focusWidget()
    if editor is None or editor is page.matrix:
        editor = page.matrix.indexWidget(cell)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.index_of("a2", "k4").data() == "4/4")
    assert ("a2", "k4", "p4", 7) in [(s.alternative, s.criterion, s.participant, s.value)
                                     for s in case.scores]
    assert cell.data(OWN_ROLE) == "Jo: \u2713" and cell.data(Qt.ItemDataRole.EditRole) == ""
    assert "Jo\u2019s score for" in page.room.note_label.text()
    assert "is in (hidden)" in page.room.note_label.text()
    _shows_no_score(qtbot, page)
    # F2 then Enter on a hidden cell leaves the score alone
    page.matrix.setCurrentIndex(cell)
    qtbot.keyClick(page.matrix, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    if editor is None or editor is page.matrix:
        editor = page.matrix.indexWidget(cell)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ("a2", "k4", "p4", 7) in [(s.alternative, s.criterion, s.participant, s.value)
                                     for s in case.scores]
    # one action reveals every value at once, as one undo step
    before = stack.count()
    qtbot.keyClick(page.matrix, Qt.Key.Key_R, CTRL)
    assert stack.count() == before + 1 and not case.blind.hides and case.blind.on
    revealed = _cells_shown(page)
    assert all(re.fullmatch(r"\d+(\.\d+)?|\u2713 pass|\u2717 fail", text) for text in revealed)
    assert page.model.index_of("a2", "k4").data() == "8.5"  # 9, 10, 8 and Jo's 7
    place = [(a, k) for a, k, _ in _criterion_cells(page)].index(("a2", "k4"))
    assert revealed == [*shown[:place], "8.5", *shown[place + 1:]]  # as before, Jo's 7 in
    assert {(a, k) for a, k, index in _criterion_cells(page)
            if index.data(CONTESTED_ROLE) is not None} == set(SPLIT)
    assert page.room.reveal_button.text() == "Hide scores"
    choose_tab(qtbot, page.tabs, "How sure?")
    assert page.stability.table.isVisibleTo(page.stability)
    assert page.model.rank_text("a2") == "1"
    stack.undo()  # the reveal undone: hidden again
    assert case.blind.hides
    _shows_no_score(qtbot, page)
    stack.redo()
    assert page.model.index_of("a2", "k4").data() == "8.5"


def test_blind_on_and_off_are_undoable_and_the_button_follows(qtbot):
    page = _page(qtbot, burgers_with_four())
    qtbot.mouseClick(page.room.blind_button, Qt.MouseButton.LeftButton)
    assert page.doc.case.blind.hides and page.room.blind_button.isChecked()
    qtbot.mouseClick(page.room.reveal_button, Qt.MouseButton.LeftButton)
    assert not page.doc.case.blind.hides
    qtbot.mouseClick(page.room.reveal_button, Qt.MouseButton.LeftButton)  # hide again
    assert page.doc.case.blind.hides
    qtbot.mouseClick(page.room.blind_button, Qt.MouseButton.LeftButton)  # blind off
    assert not page.doc.case.blind.on and not page.room.blind_button.isChecked()
    assert not page.room.reveal_button.isVisible()
    for _ in range(4):
        page.doc.undo_stack.undo()
    assert not page.doc.case.blind.on and not page.room.blind_button.isChecked()


def test_the_by_person_view_shows_only_ticks_while_blind(qtbot):
    page = _page(qtbot, burgers_with_four())
    page.doc.case.scores = [s for s in page.doc.case.scores
                            if (s.alternative, s.criterion, s.participant) != ("a1", "k3", "p2")]
    page.refresh()
    qtbot.keyClick(page.matrix, Qt.Key.Key_B, CTRL)
    page.matrix.setCurrentIndex(page.model.index_of("a1", "k3"))
    qtbot.keyClick(page.matrix, Qt.Key.Key_D, CTRL)
    texts = _table_text(page)
    assert texts[0] == [result_text.HIDDEN, "\u2713", result_text.NO_OWN_SCORE, "\u2713",
                        "\u2713"]
    assert all(cell in (result_text.HIDDEN, "\u2713", result_text.NO_OWN_SCORE)
               for row in texts for cell in row)
    assert "hidden" in page.room.by_person.summary_label.text()
