"""Small screens: the window fits the screen, step 5 shows the matrix, the step list keeps names."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTableView

from ui.app.main_window import MainWindow


def visible_rows(view: QTableView) -> int:
    """How many matrix rows are shown whole in the view's viewport."""
    height = view.viewport().height()
    shown = 0
    for row in range(view.model().rowCount()):
        top = view.rowViewportPosition(row)
        if top >= 0 and top + view.rowHeight(row) <= height:
            shown += 1
    return shown


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
@pytest.mark.parametrize("projector", [False, True])
def test_step_5_shows_at_least_five_matrix_rows(make_window, size, projector):
    window: MainWindow = make_window(size=size, sample="happy_burgers", active=False)
    window.set_projector_mode(projector)
    window.show_step(5)
    for _ in range(3):
        QApplication.processEvents()
    matrix = window.workspace.page(5).matrix
    assert matrix.model().rowCount() >= 5
    assert visible_rows(matrix) >= 5, (size, projector, matrix.viewport().height())
