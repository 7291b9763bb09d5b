"""What keeps steps 4 to 6 within a frame on a big case, checked as behaviour: a page out of
sight waits and then shows every change at once; a score typed recombines and recounts only
its own row and redraws only what moved; the view by person waits until its tab is chosen;
a new idea adds its row and leaves the others and the cause list alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

import sixstep.disagreement
import ui.scoring.by_participant
import ui.scoring.cache
import ui.scoring.room_cells
import ui.steps.select
from sixstep import result_text
from sixstep.case import Alternative, Case, Criterion, Participant, Score
from sixstep.caseio import load_case
from ui.alternatives.page import AlternativesPage
from ui.criteria.page import CriteriaPage
from ui.criteria.table import WEIGHT
from ui.document.document import CaseDocument
from ui.scoring.matrix import CONTESTED_ROLE, FIRST_CRITERION
from ui.scoring.page import EvaluatePage
from ui.steps.select import SelectPage

from .room_scoring_support import burgers_with_four
from .test_criteria_page import SAMPLE

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def scoring_calls(monkeypatch) -> list[str]:
    calls: list[str] = []
    score_case = ui.scoring.cache.score_case

    def counting(case, aggregate="mean", **kept):  # noqa: ANN001, ANN003
        calls.append(aggregate)
        return score_case(case, aggregate, **kept)

    monkeypatch.setattr(ui.scoring.cache, "score_case", counting)
    ui.scoring.cache._results.clear()
    return calls


def _shown_page(qtbot, page):  # noqa: ANN001, ANN202
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def _type_cell(qtbot, page: EvaluatePage, text: str) -> None:
    """The first key opens the current cell's editor; Enter stores the score, moves on."""
    view = page.matrix
    view.setFocus()
    qtbot.keyClicks(view, text[0])
    editor = QApplication.focusWidget()
    if editor is None or editor is view:  # offscreen: the open editor by its cell
        editor = view.indexWidget(view.currentIndex())
    qtbot.keyClicks(editor, text[1:])
    before = view.currentIndex()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.currentIndex() != before)


def test_step_5_out_of_sight_waits_then_shows_the_weights_typed_in_step_3(qtbot,
                                                                         scoring_calls):
    doc = CaseDocument(load_case(SAMPLE))
    evaluate = _shown_page(qtbot, EvaluatePage(doc))
    column = FIRST_CRITERION + 3
    before = evaluate.model.result
    evaluate.hide()  # the facilitator goes back to step 3
    criteria = _shown_page(qtbot, CriteriaPage(doc))
    scoring_calls.clear()
    for weight in ("6", "9"):
        criteria.table.setFocus()
        criteria.table.setCurrentIndex(criteria.model.index(3, WEIGHT))
        qtbot.keyClicks(criteria.table, weight)
        editor = criteria.table.indexWidget(criteria.model.index(3, WEIGHT))
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda w=weight: doc.case.criteria[3].weight == int(w))
    assert scoring_calls == []  # nothing scored for a page nobody sees
    assert evaluate.model.result is before  # the matrix was not scored or redrawn
    evaluate.show()  # back at step 5: both weights shown, scored once
    assert scoring_calls == ["mean"]
    assert evaluate.model.result is not before
    assert "w 9 \u00b7 33%" in evaluate.model.headerData(column, Qt.Orientation.Horizontal)


def test_step_6_out_of_sight_works_out_the_standings_only_when_shown(qtbot, monkeypatch,
                                                                     scoring_calls):
    doc = CaseDocument(load_case(SAMPLE))
    select = _shown_page(qtbot, SelectPage(doc))
    select.hide()
    evaluate = _shown_page(qtbot, EvaluatePage(doc))
    worked: list[int] = []
    standings = ui.steps.select.standings
    monkeypatch.setattr(ui.steps.select, "standings",
                        lambda case: worked.append(1) or standings(case))
    evaluate.matrix.setCurrentIndex(evaluate.model.index(0, FIRST_CRITERION + 2))  # a want
    scoring_calls.clear()
    for digit in "12":
        _type_cell(qtbot, evaluate, digit)
    assert scoring_calls == ["mean", "mean"] and worked == []  # step 5 alone
    select.show()
    assert scoring_calls == ["mean", "mean"] and worked == [1]  # once, the same result
    shown = result_text.standings(ui.scoring.cache.scored(doc.case))
    assert {a: select.chosen.notes[a].text() for a in shown} == shown


def test_a_score_recombines_and_recounts_only_its_own_row(qtbot, monkeypatch):
    page = _shown_page(qtbot, EvaluatePage(CaseDocument(burgers_with_four())))
    combined: list[object] = []
    counted: list[object] = []
    combine, contested = ui.scoring.cache.combine_cells, sixstep.disagreement.contested_cells

    def combining(case, aggregate, alternatives=None):  # noqa: ANN001, ANN202
        combined.append(alternatives)
        return combine(case, aggregate, alternatives)

    def counting(case, alternatives=None):  # noqa: ANN001, ANN202
        counted.append(alternatives)
        return contested(case, alternatives)

    page.participant_combo.setCurrentIndex(page.participant_combo.findData("p2"))
    monkeypatch.setattr(ui.scoring.cache, "combine_cells", combining)
    monkeypatch.setattr(ui.scoring.room_cells, "contested_cells", counting)
    cell = page.model.index_of("a1", "k4")  # contested: 2, 9, 3 and 9
    assert cell.data() == "5.75" and cell.data(CONTESTED_ROLE) == pytest.approx(0.73, abs=0.01)
    page.matrix.setCurrentIndex(cell)
    redrawn: list[tuple[int, int, int, int]] = []
    page.model.dataChanged.connect(lambda first, last, *_: redrawn.append(
        (first.row(), last.row(), first.column(), last.column())))
    _type_cell(qtbot, page, "8")  # Ravi comes down a point
    assert combined == [{"a1"}] and counted == [{"a1"}]
    assert cell.data() == "5.5" and cell.data(CONTESTED_ROLE) == pytest.approx(0.68, abs=0.01)
    row = cell.row()
    assert (row, row, 0, page.model.columnCount() - 1) in redrawn  # its own row
    assert all(first == last for first, last, *_ in redrawn)  # never the whole matrix
    assert all(right < FIRST_CRITERION for first, _, _, right in redrawn if first != row)


def test_the_columns_fitted_from_changed_cells_are_as_wide_as_qt_fits_them(qtbot):
    case = Case()
    case.criteria = [Criterion("k1", "A", "want", 3), Criterion("k2", "B", "want", 1)]
    case.alternatives = [Alternative("a1", "Alpha"), Alternative("a2", "Beta")]
    case.participants = [Participant("p1", "Ann"), Participant("p2", "Bo")]
    case.scores = [Score(a, k, 9 if a == "a2" else 5, p) for a in ("a1", "a2")
                   for k in ("k1", "k2") for p in ("p1", "p2")]  # Beta leads, not fragile
    page = _shown_page(qtbot, EvaluatePage(CaseDocument(case)))
    page.participant_combo.setCurrentIndex(page.participant_combo.findData("p1"))
    header = page.matrix.horizontalHeader()
    total = FIRST_CRITERION - 1
    narrow = header.sectionSize(total)
    page.matrix.setCurrentIndex(page.model.index_of("a1", "k1"))
    _type_cell(qtbot, page, "7.25")  # the total grows decimals: its column widens
    assert page.model.index(0, total).data() == "23.38" and header.sectionSize(total) > narrow
    ours = [header.sectionSize(c) for c in range(1, page.model.columnCount())]
    for column in range(1, page.model.columnCount()):
        QTableView.resizeColumnToContents(page.matrix, column)  # Qt's own, every cell
    assert ours == [header.sectionSize(c) for c in range(1, page.model.columnCount())]


def test_the_view_by_person_works_only_when_its_tab_is_chosen(qtbot, monkeypatch):
    page = _shown_page(qtbot, EvaluatePage(CaseDocument(burgers_with_four())))
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    worked: list[str] = []
    by_alternative = ui.scoring.by_participant.alternative_by_participant

    def working(case, alternative_id, aggregate="mean"):  # noqa: ANN001, ANN202
        worked.append(alternative_id)
        return by_alternative(case, alternative_id, aggregate)

    monkeypatch.setattr(ui.scoring.by_participant, "alternative_by_participant", working)
    page.participant_combo.setCurrentIndex(page.participant_combo.findData("p1"))
    page.matrix.setCurrentIndex(page.model.index_of("a5", "k5"))
    for digit in "46":  # two scores and two moves down the column, the tab not chosen
        _type_cell(qtbot, page, digit)
    assert worked == []
    qtbot.keyClick(page.matrix, Qt.Key.Key_D, CTRL)  # the view by person, for the row
    assert page.tabs.currentWidget() is page.room.by_person_tab
    assert len(worked) == 1
    panel = page.room.by_person
    subject = page.model.rows[page.matrix.currentIndex().row()].name
    assert subject in panel.title_label.text() and panel.table.rowCount() > 0


def test_a_new_idea_adds_its_row_and_leaves_the_others_and_the_causes_alone(qtbot):
    page = _shown_page(qtbot, AlternativesPage(CaseDocument(load_case(SAMPLE))))
    page.list_widget.setCurrentRow(0)
    first = page.current_alternative()
    assert first is not None and first.addresses  # the sample links its ideas to causes
    rows = [page.list_widget.item(i) for i in range(page.list_widget.count())]
    tree = page.causes_tree
    linked = tree.item_for(first.addresses[0])
    assert linked is not None and linked.checkState(0) == Qt.CheckState.Checked
    causes = {cause.id: tree.item_for(cause.id) for cause in page.doc.diagram.causes}
    qtbot.keyClicks(page.entry, "Give the night manager a tablet")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert [page.list_widget.item(i) for i in range(len(rows))] == rows  # kept, not rebuilt
    assert page.list_widget.count() == len(rows) + 1
    assert page.list_widget.currentItem().text() == "Give the night manager a tablet"
    assert all(tree.item_for(cause_id) is item for cause_id, item in causes.items())
    assert linked.checkState(0) == Qt.CheckState.Unchecked  # the new idea links nothing yet
    page.list_widget.setCurrentRow(0)
    assert linked.checkState(0) == Qt.CheckState.Checked
    page.doc.undo_stack.undo()
    assert [page.list_widget.item(i) for i in range(page.list_widget.count())] == rows
