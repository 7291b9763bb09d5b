"""A score typed in step 5 refits only the columns it can widen (totals, ranks, the column
typed in, headers whose text changed), not every cell of the matrix; what it shows is right."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_scoring_economy import pages
from ui.document.scoring_commands import SetScoreCommand
from ui.scoring.matrix import FIRST_CRITERION


def test_a_score_refits_only_the_columns_it_can_widen(qtbot, monkeypatch):
    doc, evaluate, _ = pages(qtbot)
    view, model = evaluate.matrix, evaluate.model
    full: list[int] = []
    monkeypatch.setattr(view, "fit", lambda: full.append(1))
    fitted: list[int] = []
    resize = view.resizeColumnToContents
    monkeypatch.setattr(view, "resizeColumnToContents",
                        lambda column: (fitted.append(column), resize(column)))
    view.setCurrentIndex(model.index(1, FIRST_CRITERION + 1))
    doc.push(SetScoreCommand(doc, "a2", "k2", 9, None))
    assert full == []
    assert set(fitted) <= {1, 2, 3, FIRST_CRITERION + 1} | set(range(FIRST_CRITERION,
                                                                         model.columnCount()))
    assert {1, 2, 3} <= set(fitted)
    # what the headers and the totals show is what a fresh model shows
    total = model.index(1, 3).data(Qt.ItemDataRole.DisplayRole)
    evaluate.refresh()
    assert model.index(1, 3).data(Qt.ItemDataRole.DisplayRole) == total


def test_a_header_whose_text_changes_is_refitted(qtbot, monkeypatch):
    doc, evaluate, _ = pages(qtbot)
    model = evaluate.model
    seen: list[tuple[int, int]] = []
    model.headerDataChanged.connect(lambda _o, first, last: seen.append((first, last)))
    from sixstep.edits.criteria import SetCriterionWeight

    doc.apply(SetCriterionWeight("k2", 7))
    assert seen and all(first <= FIRST_CRITERION + 1 <= last for first, last in seen)
    assert "7" in model.headerData(FIRST_CRITERION + 1, Qt.Orientation.Horizontal)


def test_a_score_shows_the_page_once(qtbot, monkeypatch):
    doc, evaluate, _ = pages(qtbot)
    refreshes: list[int] = []
    refresh = evaluate.model.refresh
    monkeypatch.setattr(evaluate.model, "refresh", lambda: (refreshes.append(1), refresh()))
    doc.push(SetScoreCommand(doc, "a2", "k2", 3, None))
    assert len(refreshes) == 1
