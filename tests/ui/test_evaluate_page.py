"""Step 5 as a facilitator uses it: score by keyboard, eliminate, merge, review, read the lead."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sixstep.case import Alternative, Case, Criterion, Participant, Score
from sixstep.caseio import load_case
from ui.document.document import CaseDocument
from ui.scoring.matrix import FIRST_CRITERION, OWN_ROLE
from ui.scoring.page import EvaluatePage
from ui.scoring.score_text import format_value, parse_cell

from .tab_support import choose_tab

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_cases" / "happy_burgers.case.json"
RANK, PERCENT, TOTAL = 1, 2, 3


def _small_case() -> Case:
    case = Case()
    case.criteria = [Criterion("k1", "Legal", "must"), Criterion("k2", "Cheap", "want", 2),
                     Criterion("k3", "Fast", "want", 1)]
    case.alternatives = [Alternative("a1", "Read back"), Alternative("a2", "Train"),
                         Alternative("a3", "Menu board")]
    return case


def _page(qtbot, case: Case) -> EvaluatePage:
    page = EvaluatePage(CaseDocument(case))
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    return page


def _shown(page: EvaluatePage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def _type(qtbot, page: EvaluatePage, text: str) -> None:
    """Type into the current cell and press Enter, as a facilitator would."""
    view = page.matrix
    qtbot.keyClicks(view, text[0])
    editor = QApplication.focusWidget()
    if editor is None or editor is view:  # offscreen: find the open editor by its cell
        editor = view.indexWidget(view.currentIndex())
    qtbot.keyClicks(editor, text[1:])
    before = len(page.doc.case.scores), view.currentIndex()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.currentIndex() != before[1] or
                    len(page.doc.case.scores) != before[0])


def test_happy_burgers_shows_ranks_percents_and_the_fragile_lead(qtbot):
    page = _page(qtbot, load_case(SAMPLE))
    names = [a.name for a in page.model.rows]
    assert len(names) == 5  # the eliminated and merged ones are set aside
    row = names.index("Let the cashier edit a sent order without a code")
    assert _shown(page, row, RANK) == "1" and _shown(page, row, PERCENT) == "78%"
    # four participants, yet the cell shows the group's value first and alone
    assert page.participant_combo.count() == 5  # the group and the four
    cell = page.model.index(row, FIRST_CRITERION)
    assert (cell.data(), cell.data(OWN_ROLE)) == ("\u2713 pass", None)
    assert page.fragile_label.isVisible() and "fragile" in page.fragile_label.text()
    header = page.model.headerData(FIRST_CRITERION + 2, Qt.Orientation.Horizontal)
    assert "w 10 \u00b7 38%" in header and "keeps the lead\nfrom 0% to 100%" in header
    assert page.tabs.tabText(3) == "Set aside (2)"
    assert "a5" in [a.id for a in page.model.rows]
    assert page.stability.table.rowCount() == 0  # filled in only once its tab is seen
    choose_tab(qtbot, page.tabs, "How sure?")
    assert page.stability.table.item(1, 3).text() == "between 23% and 100%"


def test_score_by_keyboard_enter_moves_down_then_across_then_undo(qtbot):
    page = _page(qtbot, _small_case())
    view, case = page.matrix, page.doc.case
    assert _shown(page, 0, FIRST_CRITERION + 1) == "?"
    assert _shown(page, 0, RANK) == "3 to score"
    view.setFocus()
    view.setCurrentIndex(page.model.index(0, FIRST_CRITERION + 1))
    _type(qtbot, page, "7")
    assert view.currentIndex().row() == 1 and view.currentIndex().column() == FIRST_CRITERION + 1
    _type(qtbot, page, "9")
    _type(qtbot, page, "4")
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, FIRST_CRITERION + 2)
    for value in ("5", "3", "8"):
        _type(qtbot, page, value)
    view.setCurrentIndex(page.model.index(0, FIRST_CRITERION))
    for _ in range(3):  # must cells: P scores a pass at once and moves on
        qtbot.keyClick(view, Qt.Key.Key_P)
    values = {(s.alternative, s.criterion): s.value for s in case.scores}
    assert values[("a1", "k2")] == 7 and values[("a3", "k3")] == 8 and values[("a2", "k1")]
    # totals: a1 = 2*7+5 = 19, a2 = 2*9+3 = 21, a3 = 2*4+8 = 16
    assert [_shown(page, r, RANK) for r in range(3)] == ["2", "1", "3"]
    assert [_shown(page, r, TOTAL) for r in range(3)] == ["19", "21", "16"]
    while page.doc.undo_stack.canUndo():
        page.doc.undo_stack.undo()
    assert case.scores == [] and _shown(page, 1, RANK) == "3 to score"


def test_ties_fails_clearing_and_refusals(qtbot):
    case = _small_case()
    case.scores = [Score(a, k, v) for a in ("a1", "a2", "a3") for k, v in
                   (("k1", True), ("k2", 5), ("k3", 4))]
    page = _page(qtbot, case)
    assert [_shown(page, r, RANK) for r in range(3)] == ["=1", "=1", "=1"]
    view = page.matrix
    view.setFocus()
    view.setCurrentIndex(page.model.index(2, FIRST_CRITERION))
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert _shown(page, 2, FIRST_CRITERION) == "\u2717 fail" and _shown(page, 2, RANK) == "out"
    assert "Screened out" in page.model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    view.setCurrentIndex(page.model.index(1, FIRST_CRITERION + 1))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _shown(page, 1, FIRST_CRITERION + 1) == "?" and _shown(page, 1, RANK) == "1 to score"
    assert _shown(page, 0, RANK) == "1"
    assert not page.model.setData(page.model.index(0, FIRST_CRITERION + 1), "11")
    assert "1 to 10" in page.message_label.text()
    assert not page.model.setData(page.model.index(0, FIRST_CRITERION), "maybe")
    assert page.doc.undo_stack.count() == 2


def test_eliminate_with_a_reason_and_restore(qtbot):
    page = _page(qtbot, load_case(SAMPLE))
    page.matrix.setCurrentIndex(page.model.index(4, 0))  # Keep the whole menu board lit
    details = page.details
    assert details.title_label.text() == "Keep the whole menu board lit all night"
    assert not details.eliminate_button.isEnabled()
    qtbot.keyClicks(details.reason_edit, "Fails nothing, but does too little")
    qtbot.mouseClick(details.eliminate_button, Qt.MouseButton.LeftButton)
    alternative = page.doc.case.alternative("a7")
    assert (alternative.status, alternative.eliminated_reason) == (
        "eliminated", "Fails nothing, but does too little")
    assert "a7" not in [a.id for a in page.model.rows]
    texts = [page.set_aside_list.item(i).text() for i in range(page.set_aside_list.count())]
    assert "Keep the whole menu board lit all night: Eliminated: Fails nothing, but does too " \
           "little" in texts
    page.set_aside_list.setCurrentRow(texts.index(next(t for t in texts if "menu" in t)))
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert alternative.status == "open" and "a7" in [a.id for a in page.model.rows]
    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    assert (alternative.status, alternative.eliminated_reason) == ("open", "")


def test_merge_through_the_dialog(qtbot):
    page = _page(qtbot, load_case(SAMPLE))
    page.matrix.setCurrentIndex(page.model.index(0, 0))  # Read the order back
    qtbot.mouseClick(page.details.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.details.merge_dialog
    names = [dialog.list_widget.item(i).text() for i in range(dialog.list_widget.count())]
    dialog.list_widget.item(names.index("Keep the whole menu board lit all night")) \
        .setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    merged = page.doc.case.alternative("a7")
    assert (merged.status, merged.merged_into) == ("merged", "a1")
    assert page.doc.case.alternative("a1").addresses[-3:] == ["c4", "c5", "c6"]
    assert page.tabs.tabText(3) == "Set aside (3)"
    page.doc.undo_stack.undo()
    assert merged.status == "open"


def test_notes_typing_is_one_undo_step(qtbot):
    page = _page(qtbot, load_case(SAMPLE))
    page.matrix.setCurrentIndex(page.model.index(0, 0))
    edit = page.details.note_edits["weaknesses"]
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, " Also slow.")
    alternative = page.doc.case.alternative("a1")
    assert alternative.weaknesses.endswith("relies on habit. Also slow.")
    assert page.doc.undo_stack.count() == 1
    page.doc.undo_stack.undo()
    assert alternative.weaknesses.endswith("relies on habit.")
    assert edit.toPlainText() == alternative.weaknesses


def test_participants_enter_their_own_scores_and_see_the_combined_cell(qtbot):
    case = _small_case()
    case.participants = [Participant("p1", "Ann"), Participant("p2", "Ben")]
    case.scores = [Score("a1", "k2", 4, "p1"), Score("a1", "k2", 8, "p2")]
    page = _page(qtbot, case)
    assert page.participant_bar.isVisible()
    combo = page.participant_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Group", "Ann", "Ben"]
    cell = page.model.index(0, FIRST_CRITERION + 1)
    assert (cell.data(), cell.data(OWN_ROLE)) == ("6", None)  # the group's value first
    combo.setCurrentIndex(1)
    assert (cell.data(), cell.data(OWN_ROLE)) == ("6", "Ann: 4")  # then Ann's own, under it
    page.matrix.setFocus()
    page.matrix.setCurrentIndex(page.model.index(0, FIRST_CRITERION + 1))
    _type(qtbot, page, "10")
    assert ("a1", "k2", 10, "p1") in [(s.alternative, s.criterion, s.value, s.participant)
                                      for s in case.scores]
    assert (cell.data(), cell.data(OWN_ROLE)) == ("9", "Ann: 10")
    case.scores.append(Score("a1", "k2", 2, None))
    page.refresh()
    assert (cell.data(), cell.data(OWN_ROLE)) == ("6.67", "Ann: 10")
    page.aggregate_combo.setCurrentIndex(1)  # median of 10, 8 and 2
    assert (cell.data(), cell.data(OWN_ROLE)) == ("8", "Ann: 10")


def test_the_chart_draws_stacked_bars_when_shown(qtbot):
    page = _page(qtbot, load_case(SAMPLE))
    assert page.chart.canvas is None  # nothing drawn while the tab is hidden
    page.tabs.setCurrentWidget(page.chart)
    assert page.chart.canvas is not None
    axes = page.chart.figure.axes[0]
    wants = [c for c in page.doc.case.criteria if c.kind == "want"]
    assert len(axes.patches) == len(wants) * len(page.model.result.ranking)
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[-1].startswith("1. Let the cashier")
    shown = page.chart.canvas.pixmap()  # the bars reach the screen as a drawn image
    assert not shown.isNull() and shown.width() >= 160


def test_projector_mode_uses_numbered_headers_and_keeps_editing(qtbot):
    page = _page(qtbot, load_case(SAMPLE))
    page.set_projector_mode(True)
    assert page.model.headerData(FIRST_CRITERION + 2, Qt.Orientation.Horizontal) == \
        "C3\nw 10\n0\u2013100%"
    assert _shown(page, 0, FIRST_CRITERION) == "\u2713"  # the group's mark alone
    assert page.tabs.tabText(0) == "Criteria" and "C1  Works with one person" in \
        page.key_label.text()
    assert not page.details.chrome.isHidden() and page.matrix.isColumnHidden(TOTAL)
    page.set_projector_mode(False)
    assert page.tabs.tabText(0) == "Review" and page.details.chrome.isVisible()


def test_importing_the_pages_does_not_import_matplotlib():
    code = ("import sys\n"
            "import ui.criteria.page, ui.alternatives.page, ui.scoring.page\n"
            "import ui.scoring.chart, ui.scoring.matrix, ui.document.scoring_commands\n"
            "print('matplotlib' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={"QT_QPA_PLATFORM": "offscreen",
                                                     "PATH": ""})
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text", ["p", "pass", "Y", "1"])
def test_must_cells_accept_pass_words(qtbot, text):
    page = _page(qtbot, _small_case())
    assert page.model.setData(page.model.index(0, FIRST_CRITERION), text)
    assert page.doc.case.scores[0].value is True


def test_typed_cells_are_read_as_people_write_them():
    want, must = Criterion("k2", "Cheap", "want", 2), Criterion("k1", "Legal", "must")
    assert parse_cell("7,5", want, 1, 10) == 7.5
    assert parse_cell("  ", want, 1, 10) is None
    assert parse_cell("FAIL", must, 1, 10) is False
    for bad, criterion in (("0.5", want), ("ten", want), ("maybe", must)):
        with pytest.raises(ValueError):
            parse_cell(bad, criterion, 1, 10)
    assert format_value(6.666) == "6.67" and format_value(8.0) == "8"


def test_dollar_signs_in_names_stay_text_in_the_chart(qtbot):
    case = _small_case()
    case.criteria[1].name = "Costs under $50 a month, not $500"
    case.scores = [Score(a, k, v) for a in ("a1", "a2") for k, v in
                   (("k1", True), ("k2", 5), ("k3", 4))]
    page = _page(qtbot, case)
    page.tabs.setCurrentWidget(page.chart)
    page.chart.figure.canvas.draw()  # mathematics would fail or swallow the dollars here
    labels = [t.get_text() for t in page.chart.figure.legends[0].get_texts()]
    assert labels[0] == r"Costs under \$50 a month, not \$500"


def test_a_want_without_a_weight_is_pointed_out(qtbot):
    case = _small_case()
    case.criteria[2].weight = None
    page = _page(qtbot, case)
    assert "\u201cFast\u201d has no weight yet" in page.fragile_label.text()
    assert page.fragile_label.isVisible()
    assert "no weight" in page.model.headerData(FIRST_CRITERION + 2, Qt.Orientation.Horizontal)
