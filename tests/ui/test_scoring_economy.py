"""Steps 5 and 6 score the case once per change that can move a score, and never for typing
notes or a rationale; what the matrix shows stays right after scores and participants change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import ui.scoring.cache
from sixstep.case import Alternative, Case, Criterion, Participant, Score
from sixstep.edits.alternatives import SetAlternativeText
from sixstep.edits.scores import SetScore
from ui.document.document import CaseDocument
from ui.document.scoring_commands import SetScoreCommand
from ui.scoring.cache import scored
from ui.scoring.matrix import FIRST_CRITERION, OWN_ROLE
from ui.scoring.page import EvaluatePage
from ui.steps.select import SelectPage


def scored_case() -> Case:
    case = Case()
    case.criteria = [Criterion("k1", "Legal", "must"), Criterion("k2", "Cheap", "want", 2)]
    case.alternatives = [Alternative("a1", "Read back"), Alternative("a2", "Train")]
    case.participants = [Participant("p1", "Ann"), Participant("p2", "Bo")]
    case.scores = [Score("a1", "k1", True, "p1"), Score("a1", "k2", 8, "p1"),
                   Score("a1", "k2", 4, "p2"), Score("a2", "k1", True, "p1"),
                   Score("a2", "k2", 6, "p1")]
    return case


@pytest.fixture
def scoring_calls(monkeypatch) -> list[str]:
    calls: list[str] = []
    score_case = ui.scoring.cache.score_case

    def counting(case, aggregate="mean", **kept):  # noqa: ANN001, ANN003 - kept: the cells
        calls.append(aggregate)
        return score_case(case, aggregate, **kept)

    monkeypatch.setattr(ui.scoring.cache, "score_case", counting)
    ui.scoring.cache._results.clear()
    return calls


def pages(qtbot) -> tuple[CaseDocument, EvaluatePage, SelectPage]:
    doc = CaseDocument(scored_case())
    evaluate, select = EvaluatePage(doc), SelectPage(doc)
    for page in (evaluate, select):
        qtbot.addWidget(page)
        page.show()
    return doc, evaluate, select


def test_typing_notes_or_a_rationale_does_not_score_again(qtbot, scoring_calls):
    doc, evaluate, select = pages(qtbot)
    strengths = evaluate.details.note_edits["strengths"]
    evaluate.details.set_alternative("a1")
    scoring_calls.clear()
    qtbot.keyClicks(strengths, "Quick to start")
    qtbot.keyClicks(select.rationale_field, "It is the cheapest")
    assert doc.case.alternatives[0].strengths == "Quick to start"
    assert doc.case.selection.rationale == "It is the cheapest"
    assert scoring_calls == []


def test_a_score_change_is_scored_once_for_both_pages(qtbot, scoring_calls):
    doc, evaluate, select = pages(qtbot)
    scoring_calls.clear()
    doc.push(SetScoreCommand(doc, "a2", "k2", 9, "p1"))
    assert scoring_calls == ["mean"]
    assert "rank 1" in select.chosen.notes["a2"].text()
    doc.undo_stack.undo()
    assert "rank 1" in select.chosen.notes["a1"].text()


def test_the_matrix_shows_each_participants_own_scores_after_changes(qtbot):
    doc, evaluate, _ = pages(qtbot)
    model = evaluate.model
    cell = model.index(0, FIRST_CRITERION + 1)  # Read back, Cheap
    evaluate.participant_combo.setCurrentIndex(evaluate.participant_combo.findData("p1"))
    assert (cell.data(), cell.data(OWN_ROLE)) == ("6", "Ann: 8")
    doc.push(SetScoreCommand(doc, "a1", "k2", 10, "p1"))
    assert (cell.data(), cell.data(OWN_ROLE)) == ("7", "Ann: 10")
    evaluate.participant_combo.setCurrentIndex(evaluate.participant_combo.findData("p2"))
    assert (cell.data(), cell.data(OWN_ROLE)) == ("7", "Bo: 4")
    assert cell.data(Qt.ItemDataRole.EditRole) == "4"
    doc.undo_stack.undo()
    assert (cell.data(), cell.data(OWN_ROLE)) == ("6", "Bo: 4")


def test_the_cache_forgets_on_a_change_that_can_move_a_score():
    case = scored_case()
    first = scored(case)
    assert scored(case) is first
    assert scored(case, "median") is not first
    undo = SetScore("a1", "k2", 9, "p1").apply(case).inverse
    assert scored(case) is not first
    undo.apply(case)
    assert scored(case).ranking == first.ranking
    kept = scored(case)
    SetAlternativeText("a1", "strengths", "Quick").apply(case)  # notes move no score
    assert scored(case) is kept


def test_a_page_alone_reads_no_stale_scoring_whatever_the_listening_order(qtbot):
    """The cache hears the change before any page does, even with no step 5 page built."""
    doc = CaseDocument(scored_case())
    select = SelectPage(doc)
    qtbot.addWidget(select)
    notes = select.chosen.notes
    assert notes["a1"].text().startswith("rank 1, tied")
    doc.push(SetScoreCommand(doc, "a2", "k2", 10, "p1"))
    assert notes["a2"].text().startswith("rank 1 \u00b7")
    assert notes["a1"].text().startswith("rank 2 \u00b7")


def test_typing_a_note_leaves_the_matrix_alone_and_eliminating_rebuilds_it(qtbot):
    doc, evaluate, _ = pages(qtbot)
    model = evaluate.model
    redrawn: list[str] = []
    model.dataChanged.connect(lambda *_: redrawn.append("data"))
    model.modelReset.connect(lambda: redrawn.append("reset"))
    evaluate.details.set_alternative("a2")
    qtbot.keyClicks(evaluate.details.note_edits["weaknesses"], "Slow")
    assert doc.case.alternatives[1].weaknesses == "Slow" and redrawn == []
    evaluate.details.reason_edit.setText("Fails Legal")
    evaluate.details.eliminate()
    assert "reset" in redrawn and [a.id for a in model.rows] == ["a1"]
    assert evaluate.set_aside_list.count() == 1
