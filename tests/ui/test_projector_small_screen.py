"""Projector mode on a 1024 x 768 projector: big text, nothing squeezed to a word or cut off."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.app.main_window import MainWindow
from ui.widgets.record_table import RecordTable


@pytest.fixture
def window(make_window) -> MainWindow:
    w = make_window(size=(1024, 768), sample="happy_burgers", active=False)
    w.set_projector_mode(True)
    return w


@pytest.mark.parametrize("step", [1, 2, 6])
def test_record_tables_fit_the_width_with_room_to_read_every_column(window, step):
    window.show_step(step)
    if step == 2:
        window.workspace.page(2).tabs.setCurrentIndex(1)
    QApplication.processEvents()
    for table in window.workspace.frame(step).findChildren(RecordTable):
        view, header = table.view, table.view.horizontalHeader()
        metrics = view.fontMetrics()
        widths = [header.sectionSize(i) for i in range(header.count())]
        assert sum(widths) <= view.viewport().width() + 1, "the last column is cut off"
        for column, (_, heading) in enumerate(table.model.columns):
            shown = str(table.model.headerData(column, header.orientation()))
            assert all(metrics.horizontalAdvance(line) < widths[column]
                       for line in shown.split("\n")), f"{heading!r} does not fit"
        # the widest-weighted column (what is being described) keeps room for a phrase
        main = table.weights.index(max(table.weights))
        assert widths[main] >= 14 * metrics.averageCharWidth()


def test_a_heading_wraps_only_when_its_column_is_too_narrow(window):
    window.show_step(6)
    table = window.workspace.page(6).actions_table
    QApplication.processEvents()
    assert "\n" in table.model.headerData(3, table.view.horizontalHeader().orientation())
    window.set_projector_mode(False)
    window.resize(1600, 900)
    QApplication.processEvents()
    assert table.model.wrapped == set()
